#include "driver/project.hpp"

#include <filesystem>

namespace kaowu {
namespace fs = std::filesystem;

namespace {
std::string join(const fs::path& dir, const char* name) { return (dir / name).lexically_normal().generic_string(); }

ProjectPaths project_at(const fs::path& root) {
  ProjectPaths p;
  p.root = root.lexically_normal().generic_string();
  p.calendars = join(root, "calendars");
  p.notices = join(root, "notices");
  p.templates = join(root, "templates");
  p.output = join(root, "public");
  return p;
}
} // namespace

std::optional<ProjectPaths> find_project(const std::string& given, std::string& error) {
  std::error_code ec;
  fs::path dir = given.empty() ? fs::path(".") : fs::path(given);
  if (fs::is_directory(dir / "calendars", ec)) return project_at(dir);
  if (given.empty()) {
    error = "no calendars/ in the current directory: run kaowu in a project (a directory with calendars/, "
            "notices/ and templates/), name one with -s DIR, or make one with `kaowu new project DIR`";
    return std::nullopt;
  }
  // A calendars directory named directly: its siblings are the project's other folders.
  fs::path calendars = dir.lexically_normal();
  if (calendars.filename().empty()) calendars = calendars.parent_path();
  ProjectPaths p = project_at(calendars.parent_path().empty() ? fs::path(".") : calendars.parent_path());
  p.root.clear();
  p.calendars = calendars.generic_string();
  return p;
}

} // namespace kaowu
