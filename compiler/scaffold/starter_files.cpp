#include "scaffold/starter_files.hpp"

#include <string_view>

namespace kaowu {

namespace {
const std::pair<const char*, std::string_view> kFiles[] = {
#include "starter_files.inc"
};
} // namespace

const std::vector<std::pair<std::string, std::string>>& starter_files() {
  static const std::vector<std::pair<std::string, std::string>> files = [] {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [path, bytes] : kFiles) out.emplace_back(path, std::string(bytes));
    return out;
  }();
  return files;
}

} // namespace kaowu
