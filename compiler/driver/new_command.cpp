#include "driver/new_command.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <ostream>
#include <vector>

#include <CLI/CLI.hpp>

#include "diag/diagnostic.hpp"
#include "diag/source_map.hpp"
#include "diag/suggest.hpp"
#include "driver/project.hpp"
#include "io/source_tree.hpp"
#include "load/reader.hpp"
#include "pipeline/compile.hpp"
#include "scaffold/new_calendar.hpp"
#include "scaffold/new_notice.hpp"
#include "scaffold/new_project.hpp"

namespace kaowu {
namespace fs = std::filesystem;

namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

const std::string& pick(const Bilingual& b, Lang lang) { return lang == Lang::zh ? b.zh : b.en; }

// A mistake in an argument, shown as a compiler shows one in a file: the command line, a caret
// under the argument, the code and message, and the hint.
struct ArgError {
  std::vector<std::string> words; // the command line as typed: kaowu new region PARENT ID
  size_t at = 0;                  // the word at fault
  DiagKind kind = DiagKind::io_error;
  Bilingual message, help;
};

int report(const ArgError& e, Lang lang, std::ostream& err) {
  std::string line, pad;
  for (size_t i = 0; i < e.words.size(); ++i) {
    if (i) line += ' ';
    if (i == e.at) pad = std::string(display_width(line), ' ');
    line += e.words[i];
  }
  size_t width = std::max<size_t>(1, display_width(e.words[e.at]));
  err << "  " << line << "\n  " << pad << '^' << std::string(width - 1, '~') << '\n';
  err << "error[" << code_string(info(e.kind).code) << "]: " << pick(e.message, lang) << '\n';
  std::string help = pick(e.help, lang);
  if (help.empty()) help = std::string(lang == Lang::zh ? info(e.kind).hint_zh : info(e.kind).hint_en);
  if (!help.empty()) err << "  = " << (lang == Lang::zh ? "提示：" : "help: ") << help << '\n';
  return 2;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// Writes every file below `root`, or none: an existing file is never replaced (O_EXCL), and when
// one write fails the files already written are removed again. Returns false with the reason.
bool write_all(const fs::path& root, const Files& files, std::string& error) {
  for (const auto& [path, bytes] : files) {
    std::error_code ec;
    if (fs::symlink_status(root / path, ec).type() != fs::file_type::not_found) {
      error = "'" + (root / path).generic_string() + "' already exists: kaowu new never replaces a file";
      return false;
    }
  }
  std::vector<fs::path> written;
  auto undo = [&] {
    std::error_code ec;
    for (const fs::path& p : written) fs::remove(p, ec);
  };
  for (const auto& [path, bytes] : files) {
    fs::path target = root / path;
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    if (ec) {
      error = target.parent_path().generic_string() + ": " + ec.message();
      undo();
      return false;
    }
    int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
      error = target.generic_string() + ": " + std::strerror(errno);
      undo();
      return false;
    }
    written.push_back(target);
    size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        error = target.generic_string() + ": " + std::strerror(errno);
        ::close(fd);
        undo();
        return false;
      }
      done += static_cast<size_t>(n);
    }
    if (::close(fd) != 0) {
      error = target.generic_string() + ": " + std::strerror(errno);
      undo();
      return false;
    }
  }
  return true;
}

// Today in Asia/Shanghai (UTC+8, no daylight saving), for a new notice's date.
Date today() {
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  return Date::from_days(static_cast<int32_t>((seconds + 8 * 3600) / 86400));
}

int new_project(const NewRequest& r, std::ostream& out, std::ostream& err) {
  fs::path root = r.first;
  std::error_code ec;
  if (fs::is_directory(root / "calendars", ec)) {
    err << "kaowu: '" << r.first << "' is a project already (it has calendars/): kaowu new never replaces a file\n";
    return 2;
  }
  std::string error;
  if (!write_all(root, new_project_files(), error)) {
    err << "kaowu: " << error << "\n";
    return 2;
  }
  fs::create_directories(root / "notices", ec); // notices/<calendar-id>/ go here
  bool zh = r.lang == Lang::zh;
  out << (zh ? "已新建项目 " : "made the project ") << root.generic_string() << '\n';
  out << (zh ? "下一步：\n" : "next:\n");
  out << "  cd " << root.generic_string() << '\n';
  out << "  kaowu new region national-2021 my-region-2021   "
      << (zh ? "# 新建细化全国日程的考区日程（calendars/national/ 中有可选的上级）\n"
             : "# a region calendar narrowing a national one (calendars/national/ has them)\n");
  out << "  kaowu serve                                     "
      << (zh ? "# 在浏览器中预览，保存即刷新\n" : "# preview in the browser, reloaded on every save\n");
  return 0;
}

} // namespace

// The project named by -s (or the current directory), compiled; nothing (and a message) when
// there is none or it has errors.
std::unique_ptr<Compilation> compile_project(const NewRequest& r, ProjectPaths& paths, std::ostream& err, int& rc) {
  std::string error;
  std::optional<ProjectPaths> found = find_project(r.source, error);
  if (!found || !fs::is_directory(found->calendars)) {
    err << "kaowu: " << (found ? "no calendars/ in '" + r.source + "': make a project with `kaowu new project DIR`" : error)
        << '\n';
    rc = 2;
    return nullptr;
  }
  paths = *found;
  DiskTree calendars(paths.calendars);
  CompileInputs inputs;
  inputs.calendars = &calendars;
  auto c = compile(inputs);
  if (c->sink.has_errors()) {
    print_text(err, c->sink, c->sources, r.lang, r.color);
    err << summary_line(c->sink, r.lang) << '\n';
    err << (r.lang == Lang::zh ? "请先改正上面的错误，kaowu new 才能读取项目中的日程。\n"
                               : "fix these first: kaowu new reads the project's calendars.\n");
    rc = 1;
    return nullptr;
  }
  return c;
}

namespace {

std::vector<std::string> calendar_ids(const ResolvedProject& p, std::optional<Level> level = std::nullopt) {
  std::vector<std::string> ids;
  for (const ResolvedCalendar& c : p.calendars)
    if (!level || c.calendar->level == *level) ids.push_back(c.id());
  return ids;
}

int new_calendar(const NewRequest& r, Level level, std::ostream& out, std::ostream& err) {
  const char* word = level == Level::site ? "site" : "region";
  std::vector<std::string> words = {"kaowu", "new", word, r.first, r.second};
  if (!is_valid_id(r.second))
    return report({words, 4, DiagKind::invalid_id, {"'" + r.second + "' is not a valid id", "“" + r.second + "”不是合法的标识"}, {}},
                  r.lang, err);
  ProjectPaths paths;
  int rc = 0;
  auto c = compile_project(r, paths, err, rc);
  if (!c) return rc;
  const Level parent_level = level == Level::site ? Level::region : Level::national;
  const ResolvedCalendar* parent = c->resolved.find(r.first);
  if (!parent) {
    std::vector<std::string> all = calendar_ids(c->resolved), fitting = calendar_ids(c->resolved, parent_level);
    std::optional<Bilingual> near = suggest_calendar(r.first, fitting);
    if (!near) near = suggest_calendar(r.first, all);
    Bilingual help = fitting.empty()
        ? Bilingual{std::string("the project has no ") + to_string(parent_level) + " calendar to narrow: put one in calendars/",
                    std::string("项目中没有可细化的") + (level == Level::site ? "考区" : "全国") + "日程：请先放入 calendars/"}
        : Bilingual{"the " + std::string(to_string(parent_level)) + " calendars are: " + joined(fitting),
                    std::string(level == Level::site ? "考区" : "全国") + "日程有：" + joined(fitting)};
    if (near) help = {near->en + " " + help.en, near->zh + help.zh};
    return report({words, 3, DiagKind::unknown_parent,
                   {"parent calendar '" + r.first + "' does not exist in " + paths.calendars,
                    "上级日程“" + r.first + "”不在 " + paths.calendars + " 中"},
                   help},
                  r.lang, err);
  }
  if (parent->calendar->level != parent_level) {
    Level l = parent->calendar->level;
    Bilingual help = l == Level::region && level == Level::region
        ? Bilingual{"a site narrows a region: kaowu new site " + r.first + " " + r.second,
                    "考点日程细化考区日程：kaowu new site " + r.first + " " + r.second}
        : l == Level::national && level == Level::site
        ? Bilingual{"a region narrows a national calendar: kaowu new region " + r.first + " " + r.second,
                    "考区日程细化全国日程：kaowu new region " + r.first + " " + r.second}
        : Bilingual{"a site narrows a region, a region narrows a national calendar",
                    "考点从属于考区，考区从属于全国"};
    return report({words, 3, DiagKind::parent_level,
                   {std::string("a ") + word + " calendar cannot narrow the " + to_string(l) + " calendar '" + r.first + "'",
                    std::string(level == Level::site ? "考点" : "考区") + "日程不能细化" +
                        (l == Level::site ? "考点" : l == Level::region ? "考区" : "全国") + "日程“" + r.first + "”"},
                   help},
                  r.lang, err);
  }
  if (const ResolvedCalendar* same = c->resolved.find(r.second))
    return report({words, 4, DiagKind::duplicate_id,
                   {"calendar '" + r.second + "' exists already, in " + same->calendar->file,
                    "日程“" + r.second + "”已经存在，见 " + same->calendar->file},
                   {"choose another id", "请换一个标识"}},
                  r.lang, err);
  std::string folder = level == Level::site ? "sites/" : "regions/";
  Files files = {{folder + r.second + ".toml", new_calendar_text(*parent, level, r.second)}};
  std::string error;
  if (!write_all(paths.calendars, files, error)) {
    err << "kaowu: " << error << '\n';
    return 2;
  }
  std::string written = (fs::path(paths.calendars) / files.front().first).generic_string();
  bool zh = r.lang == Lang::zh;
  out << (zh ? "已写入 " : "wrote ") << written << '\n';
  out << (zh ? "下一步：填写 [calendar]" : "next: fill in [calendar]") << (level == Level::site ? (zh ? "和 [site]" : " and [site]") : "")
      << (zh ? "；各阶段沿用上级的安排，本级另有安排的，按文件中注释掉的模板写出本通知的日期（只能收窄），然后运行 kaowu check 或 kaowu serve。\n"
             : "; every phase is inherited from the parent: write out (from the commented template in the file) only those your notice narrows, then run kaowu check or kaowu serve.\n");
  return 0;
}

int new_notice(const NewRequest& r, std::ostream& out, std::ostream& err) {
  std::vector<std::string> words = {"kaowu", "new", "notice", r.first, r.second};
  if (!is_valid_id(r.second))
    return report({words, 4, DiagKind::invalid_id, {"'" + r.second + "' is not a valid name for a notice", "“" + r.second + "”不是合法的通知名称"},
                   {"a notice's name becomes its file and address: lower-case letters, digits and '-', starting with a letter",
                    "通知名称会用作文件名和网址：只能由小写字母、数字和“-”组成，以字母开头"}},
                  r.lang, err);
  ProjectPaths paths;
  int rc = 0;
  auto c = compile_project(r, paths, err, rc);
  if (!c) return rc;
  const ResolvedCalendar* cal = c->resolved.find(r.first);
  if (!cal) {
    std::vector<std::string> all = calendar_ids(c->resolved);
    Bilingual help{"the calendars are: " + joined(all), "日程有：" + joined(all)};
    if (auto near = closest_match(r.first, all)) help = {"did you mean '" + *near + "'? " + help.en, "是否想写“" + *near + "”？" + help.zh};
    return report({words, 3, DiagKind::notice_calendar,
                   {"no calendar '" + r.first + "' in " + paths.calendars, paths.calendars + " 中没有日程“" + r.first + "”"}, help},
                  r.lang, err);
  }
  Files files = {{r.first + "/" + r.second + ".md", new_notice_text(*cal, today())}};
  std::string error;
  if (!write_all(paths.notices, files, error)) {
    err << "kaowu: " << error << '\n';
    return 2;
  }
  bool zh = r.lang == Lang::zh;
  out << (zh ? "已写入 " : "wrote ") << (fs::path(paths.notices) / files.front().first).generic_string() << '\n';
  out << (zh ? "下一步：填写标题并撰写正文，日期一律用占位符；然后运行 kaowu check 或 kaowu serve。\n"
             : "next: give it a title and write the text, naming every date by placeholder; then run kaowu check or kaowu serve.\n");
  return 0;
}

} // namespace

CLI::App* add_new_command(CLI::App& app, NewRequest& r, std::string& lang) {
  CLI::App* cmd = app.add_subcommand("new", "start a project, a region or site calendar, or a notice");
  cmd->require_subcommand(1);
  r.project = cmd->add_subcommand("project", "make a new project in DIR (calendars, holidays, rules, templates, editor schema)");
  r.project->add_option("DIR", r.first, "the directory to make")->required();
  r.region = cmd->add_subcommand("region", "a region calendar narrowing the national calendar PARENT");
  r.site = cmd->add_subcommand("site", "a site calendar narrowing the region calendar PARENT");
  for (CLI::App* sub : {r.region, r.site}) {
    sub->add_option("PARENT", r.first, "the id of the calendar it narrows")->required();
    sub->add_option("ID", r.second, "the new calendar's id (lower-case letters, digits and -)")->required();
  }
  r.notice = cmd->add_subcommand("notice", "a notice of CALENDAR that names each of its phases by placeholder");
  r.notice->add_option("CALENDAR", r.first, "the id of the notice's calendar")->required();
  r.notice->add_option("NAME", r.second, "the notice's name: its file and address (lower-case letters, digits and -)")->required();
  for (CLI::App* sub : {r.project, r.region, r.site, r.notice}) {
    if (sub != r.project) sub->add_option("-s,--source", r.source, "the project directory (default: the current directory)");
    sub->add_option("--lang", lang, "language of messages: zh (default) or en")->check(CLI::IsMember({"zh", "en"}));
  }
  return cmd;
}

int run_new(const NewRequest& r, std::ostream& out, std::ostream& err) {
  if (*r.project) return new_project(r, out, err);
  if (*r.region) return new_calendar(r, Level::region, out, err);
  if (*r.site) return new_calendar(r, Level::site, out, err);
  return new_notice(r, out, err);
}

} // namespace kaowu
