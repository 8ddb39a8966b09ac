#include "driver/diff_command.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "io/git.hpp"
#include "io/program_runner.hpp"
#include "pipeline/compile.hpp"
#include "report/revision_block.hpp"
#include "resolve/calendar_diff.hpp"

namespace kaowu {
namespace fs = std::filesystem;
namespace {

struct Side {
  std::unique_ptr<DiskTree> tree;
  std::unique_ptr<Compilation> c;
};

Side load_side(const std::string& dir) {
  Side s;
  s.tree = std::make_unique<DiskTree>(dir);
  CompileInputs in;
  in.calendars = s.tree.get();
  s.c = compile(in);
  return s;
}

// A message in the language asked for.
struct Said {
  std::string en, zh;
  const std::string& in(Lang lang) const { return lang == Lang::zh ? zh : en; }
};

// The calendars directory `dir` as commit `rev` had it, extracted into the empty folder `tmp`.
// The path extracted to, or "" with `error` set. git is asked through io/git.hpp alone.
std::string checkout_since(const std::string& dir, const std::string& rev, const std::string& tmp, Said& error) {
  GitAnswer commit = git_resolve_commit(dir, rev);
  if (!commit.ok) {
    error = {commit.error_en, commit.error_zh};
    return "";
  }
  std::string tar = tmp + "/old.tar";
  int fd = ::open(tar.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    std::string why = std::strerror(errno);
    error = {"cannot write '" + tar + "': " + why, "无法写入“" + tar + "”：" + why};
    return "";
  }
  GitAnswer archived = git_archive_folder(dir, commit.value, fd);
  ::close(fd);
  if (!archived.ok) {
    error = {archived.error_en, archived.error_zh};
    return "";
  }
  std::string old = tmp + "/old";
  if (::mkdir(old.c_str(), 0700) != 0) {
    std::string why = std::strerror(errno);
    error = {"cannot make '" + old + "': " + why, "无法创建“" + old + "”：" + why};
    return "";
  }
  // -f and -C take the next argument as their value, whatever it looks like.
  ProgramResult untar = run_program({{"tar", "-x", "--no-same-owner", "--no-same-permissions", "-f", tar, "-C", old}});
  if (untar.status != 0) {
    std::string why = untar.failure.empty() ? untar.errors : untar.failure;
    error = {"cannot extract the calendars of " + rev + ": " + why, "无法解出 " + rev + " 的日历：" + why};
    return "";
  }
  return old;
}

// A new empty folder under the temporary directory the OS names (TMPDIR), or "" with `error`.
std::string make_temporary_folder(Said& error) {
  std::error_code ec;
  fs::path root = fs::temp_directory_path(ec);
  const char* env = std::getenv("TMPDIR");
  std::string named = env && *env ? env : root.string();
  if (ec) {
    error = {"cannot use the temporary folder '" + named + "' (TMPDIR): " + ec.message(),
             "无法使用临时文件夹“" + named + "”（TMPDIR）：" + ec.message()};
    return "";
  }
  std::string pattern = (fs::absolute(root, ec) / "kaowu-diff-XXXXXX").string();
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (!::mkdtemp(buf.data())) {
    std::string why = std::strerror(errno);
    error = {"cannot make a folder in the temporary folder '" + named + "' (TMPDIR): " + why,
             "无法在临时文件夹“" + named + "”（TMPDIR）中创建文件夹：" + why};
    return "";
  }
  return buf.data();
}

const char* audience_zh(Audience a) {
  switch (a) {
  case Audience::candidate: return "考生";
  case Audience::staff: return "考务";
  case Audience::military: return "军队考生";
  }
  return "";
}

const char* kind_zh(ChangeKind k) {
  switch (k) {
  case ChangeKind::moved: return "调整";
  case ChangeKind::cancelled: return "取消";
  case ChangeKind::added: return "新增";
  case ChangeKind::tba: return "改为待定";
  case ChangeKind::scheduled: return "公布日期";
  }
  return "";
}

// 第N版 as pages and feeds number it: the calendar's own revisions and those of the calendars
// above it (a site's page says its region's postponement too).
int chain_revision(const ResolvedCalendar& rc) {
  int n = rc.calendar->revision;
  for (const Calendar* a : rc.ancestors) n += a->revision - 1;
  return n;
}

struct CalendarDiff {
  const ResolvedCalendar* before = nullptr;
  const ResolvedCalendar* after = nullptr;
  std::vector<PhaseChange> changes;
  std::string block;
};

void print_text_report(const std::vector<CalendarDiff>& diffs, std::ostream& out) {
  if (diffs.empty()) {
    out << "没有日期变化。 No dates changed.\n";
    return;
  }
  for (const CalendarDiff& d : diffs) {
    const ResolvedCalendar& cal = d.after ? *d.after : *d.before;
    out << cal.id() << "  " << cal.calendar->title;
    if (!d.before) out << "  （新日历 new calendar）\n";
    else if (!d.after) out << "  （已删除 removed）\n";
    else {
      int was = chain_revision(*d.before), now = chain_revision(*d.after);
      out << "  （第" << was << "版 → 第" << now << "版 revision " << was << " → " << now << "）\n";
    }
    for (Audience a : {Audience::candidate, Audience::staff, Audience::military}) {
      bool header = false;
      for (const PhaseChange& c : d.changes) {
        if (c.audience != a) continue;
        if (!header) out << "  " << audience_zh(a) << " " << to_string(a) << ":\n";
        header = true;
        out << "    " << c.name << "（" << c.id << "）" << kind_zh(c.kind) << "：";
        if (!c.was_zh.empty()) out << "原定" << c.was_zh;
        if (!c.now_zh.empty()) out << (c.was_zh.empty() ? "" : "，") << "调整为" << c.now_zh;
        out << "\n      " << to_string(c.kind) << ": " << (c.was_en.empty() ? "-" : c.was_en) << " → "
            << (c.now_en.empty() ? "-" : c.now_en) << "\n";
      }
    }
    if (!d.block.empty()) {
      out << "\n  粘贴到 " << d.after->calendar->file << "（并把 [calendar] revision 改为该版本号）/ paste into "
          << d.after->calendar->file << " (and set [calendar] revision to it):\n\n";
      std::string line;
      for (char ch : d.block) {
        line += ch;
        if (ch == '\n') {
          out << "    " << line;
          line.clear();
        }
      }
    }
    out << "\n";
  }
}

nlohmann::ordered_json change_json(const PhaseChange& c) {
  nlohmann::ordered_json j;
  j["what"] = c.what == PhaseChange::What::phase ? "phase" : c.what == PhaseChange::What::batch ? "batch" : "session";
  j["id"] = c.id;
  j["name"] = c.name;
  j["audience"] = to_string(c.audience);
  j["change"] = to_string(c.kind);
  j["defined_in"] = c.defined_in;
  auto side = [](const std::string& zh, const std::string& en, const std::optional<Date>& first,
                 const std::optional<Date>& last) -> nlohmann::ordered_json {
    if (zh.empty() && en.empty()) return nullptr;
    nlohmann::ordered_json s;
    s["zh"] = zh;
    s["en"] = en;
    s["first"] = first ? nlohmann::ordered_json(first->iso()) : nlohmann::ordered_json();
    s["last"] = last ? nlohmann::ordered_json(last->iso()) : nlohmann::ordered_json();
    return s;
  };
  j["was"] = side(c.was_zh, c.was_en, c.was_first, c.was_last);
  j["now"] = side(c.now_zh, c.now_en, c.now_first, c.now_last);
  return j;
}

void print_json_report(const std::vector<CalendarDiff>& diffs, std::ostream& out) {
  nlohmann::ordered_json root;
  root["calendars"] = nlohmann::ordered_json::array();
  for (const CalendarDiff& d : diffs) {
    const ResolvedCalendar& cal = d.after ? *d.after : *d.before;
    nlohmann::ordered_json j;
    j["id"] = cal.id();
    j["title"] = cal.calendar->title;
    j["status"] = !d.before ? "added" : !d.after ? "removed" : "changed";
    j["revision"] = {{"old", d.before ? nlohmann::ordered_json(chain_revision(*d.before)) : nlohmann::ordered_json()},
                     {"new", d.after ? nlohmann::ordered_json(chain_revision(*d.after)) : nlohmann::ordered_json()}};
    j["file"] = d.after ? nlohmann::ordered_json(d.after->calendar->file) : nlohmann::ordered_json();
    j["changes"] = nlohmann::ordered_json::array();
    for (const PhaseChange& c : d.changes) j["changes"].push_back(change_json(c));
    j["revision_block"] = d.block.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(d.block);
    root["calendars"].push_back(j);
  }
  out << root.dump(2) << '\n';
}

} // namespace

int run_diff(const DiffRequest& request, std::ostream& out, std::ostream& err) {
  std::string old_dir = request.old_dir;
  std::string tmp;
  if (!request.since.empty()) {
    Said error;
    if (!fs::is_directory(request.new_dir)) {
      err << "kaowu: " << request.new_dir << (request.lang == Lang::zh ? "：没有这个目录\n" : ": no such directory\n");
      return 2;
    }
    tmp = make_temporary_folder(error);
    if (!tmp.empty()) old_dir = checkout_since(request.new_dir, request.since, tmp, error);
    if (old_dir.empty()) {
      std::error_code ec;
      if (!tmp.empty()) fs::remove_all(tmp, ec);
      err << "kaowu: " << error.in(request.lang) << '\n';
      return 2;
    }
  }
  for (const std::string& d : {old_dir, request.new_dir})
    if (!fs::is_directory(d)) {
      err << "kaowu: " << d << (request.lang == Lang::zh ? "：没有这个目录\n" : ": no such directory\n");
      return 2;
    }
  Side before = load_side(old_dir);
  Side after = load_side(request.new_dir);
  if (!tmp.empty()) {
    std::error_code ec;
    fs::remove_all(tmp, ec);
  }
  int rc = 0;
  for (const Side* s : {&before, &after})
    if (s->c->sink.has_errors()) {
      print_text(err, s->c->sink, s->c->sources, request.lang, request.color);
      err << summary_line(s->c->sink, request.lang) << '\n';
      rc = 1;
    }
  if (rc) return rc;

  std::map<std::string, const ResolvedCalendar*> old_by_id;
  for (const ResolvedCalendar& rc_old : before.c->resolved.calendars) old_by_id.emplace(rc_old.id(), &rc_old);
  std::vector<CalendarDiff> diffs;
  for (const ResolvedCalendar& now : after.c->resolved.calendars) {
    auto it = old_by_id.find(now.id());
    CalendarDiff d;
    d.after = &now;
    if (it == old_by_id.end()) {
      diffs.push_back(std::move(d));
      continue;
    }
    d.before = it->second;
    old_by_id.erase(it);
    d.changes = diff_calendars(*d.before, now);
    if (d.changes.empty()) continue;
    d.block = revision_block(*d.before->calendar, *now.calendar, d.changes);
    diffs.push_back(std::move(d));
  }
  for (const auto& [id, gone] : old_by_id) {
    CalendarDiff d;
    d.before = gone;
    diffs.push_back(std::move(d));
  }
  if (request.json) print_json_report(diffs, out);
  else print_text_report(diffs, out);
  return 0;
}

} // namespace kaowu
