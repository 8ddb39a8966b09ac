#include "driver/diff_command.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

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

// Runs a program (no shell: REV is the user's text) and waits; its output goes to `out_file`
// when one is given. Returns the exit status, or -1 when it could not run.
int run_program(const std::vector<std::string>& argv, const std::string& out_file = "") {
  pid_t pid = ::fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    if (!out_file.empty()) {
      if (!std::freopen(out_file.c_str(), "w", stdout)) ::_exit(127);
    }
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  int status = 0;
  if (::waitpid(pid, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string read_first_line(const std::string& file) {
  std::FILE* f = std::fopen(file.c_str(), "r");
  if (!f) return "";
  char buf[4096];
  std::string line = std::fgets(buf, sizeof buf, f) ? buf : "";
  std::fclose(f);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  return line;
}

// The calendars directory `dir` as commit `rev` had it, extracted below `tmp`. "" with `error`
// set when git cannot say.
std::string checkout_since(const std::string& dir, const std::string& rev, const std::string& tmp, std::string& error) {
  std::string top_file = tmp + "/toplevel";
  if (run_program({"git", "-C", dir, "rev-parse", "--show-toplevel"}, top_file) != 0) {
    error = dir + " is not in a git checkout (kaowu diff --since needs one; give two directories instead)";
    return "";
  }
  fs::path top = read_first_line(top_file);
  std::error_code ec;
  fs::path rel = fs::relative(fs::weakly_canonical(fs::absolute(dir), ec), fs::weakly_canonical(top, ec), ec);
  std::string tar = tmp + "/old.tar";
  std::string pathspec = rel.empty() || rel == "." ? "." : rel.generic_string();
  if (run_program({"git", "-C", top.string(), "archive", "--format=tar", "-o", tar, rev, "--", pathspec}) != 0) {
    error = "git archive " + rev + " -- " + pathspec + " failed: is '" + rev + "' a commit that has " + pathspec + "?";
    return "";
  }
  fs::create_directories(tmp + "/old", ec);
  if (run_program({"tar", "-xf", tar, "-C", tmp + "/old"}) != 0) {
    error = "could not extract " + tar;
    return "";
  }
  return (fs::path(tmp) / "old" / rel).lexically_normal().string();
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
    std::string pattern = (fs::temp_directory_path() / "kaowu-diff-XXXXXX").string();
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    if (!::mkdtemp(buf.data())) {
      err << "kaowu: cannot make a temporary directory\n";
      return 2;
    }
    tmp = buf.data();
    std::string error;
    old_dir = checkout_since(request.new_dir, request.since, tmp, error);
    if (old_dir.empty()) {
      std::error_code ec;
      fs::remove_all(tmp, ec);
      err << "kaowu: " << error << '\n';
      return 2;
    }
  }
  for (const std::string& d : {old_dir, request.new_dir})
    if (!fs::is_directory(d)) {
      err << "kaowu: " << d << ": no such directory\n";
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
