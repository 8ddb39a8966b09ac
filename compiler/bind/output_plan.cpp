#include "bind/output_plan.hpp"

#include <map>
#include <set>
#include <algorithm>
#include <utility>

#include "bind/event_file.hpp"
#include "layout/site_layout.hpp"
#include "model/history.hpp"

namespace kaowu {

namespace {

Bilingual of_calendar(const std::string& id) { return {"calendar '" + id + "'", "日程“" + id + "”"}; }

void add(std::vector<PlannedFile>& out, std::string path, const Location& source, Bilingual what) {
  out.push_back(PlannedFile{std::move(path), source, std::move(what)});
}

// A feed's two files, named by what made the feed.
void add_feed(std::vector<PlannedFile>& out, const Feed& feed) {
  Location source = feed.calendar->calendar->id.loc;
  Bilingual what = of_calendar(feed.calendar->id());
  if (feed.site) {
    source = feed.site->id.loc;
    what = {"site '" + feed.site->id.value + "' of calendar '" + feed.calendar->id() + "'",
            "日程“" + feed.calendar->id() + "”的考点“" + feed.site->id.value + "”"};
  } else if (feed.specialty) {
    source = feed.specialty->code.loc;
    what = {"specialty code '" + feed.specialty->code.value + "'", "专业代码“" + feed.specialty->code.value + "”"};
  }
  add(out, SiteLayout::ics(feed.path_stem), source, what);
  add(out, SiteLayout::json(feed.path_stem), source, what);
  add(out, SiteLayout::subscribe_page(feed.path_stem), source, what);
  // My exam: a page per specialty feed, under the calendar that defines the exam.
  if (feed.kind == FeedKind::specialty)
    add(out, SiteLayout::specialty_page(feed.calendar->id(), feed.specialty->code.value), source, what);
  for (const FeedEvent& e : feed.events)
    if (std::string path = event_file_path(feed, e); !path.empty()) add(out, std::move(path), source, what);
}

// Paths as a case-insensitive file system compares them. Only ASCII is folded: ids are ASCII,
// and specialty codes and static file names differ in case in ASCII in practice.
std::string fold(const std::string& path) {
  std::string out = path;
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

enum class Clash { same_path, case_only, folder };

// How the two meet, said from the side of `first` (the file that is reported) or of the other.
Bilingual how(Clash clash, bool first) {
  switch (clash) {
  case Clash::same_path: return {"", ""};
  case Clash::case_only:
    return {" on a case-insensitive file system (Windows, macOS)", "（在不区分大小写的文件系统上，如 Windows、macOS）"};
  case Clash::folder:
    if (first) return {", which needs a folder of that name", "（后者需要同名的文件夹）"};
    return {", a file where this one needs a folder", "（前者需要同名的文件夹，后者却是文件）"};
  }
  return {"", ""};
}

class Checker {
public:
  explicit Checker(DiagnosticSink& sink) : sink_(sink) {}

  // `a` is the file that meets `b`, planned earlier.
  void clash(const PlannedFile& a, const PlannedFile& b, Clash kind) {
    // Once per pair of sources: a specialty's .ics and .json clash together.
    std::string ka = key(a) , kb = key(b);
    if (!reported_.emplace(std::min(ka, kb), std::max(ka, kb)).second) return;
    Bilingual own = {"kaowu's own file", "kaowu 自身生成的文件"};
    bool a_known = !a.source.file.empty(), b_known = !b.source.file.empty();
    if (a_known) one(a, b, b_known ? b.what : own, how(kind, true), b_known ? &b.source : nullptr);
    if (b_known) one(b, a, a_known ? a.what : own, how(kind, false), a_known ? &a.source : nullptr);
  }

private:
  void one(const PlannedFile& at, const PlannedFile& other, const Bilingual& other_what, const Bilingual& h,
           const Location* other_source) {
    Diagnostic& d = sink_.report_localized(DiagKind::output_collision, at.source,
                                           {at.what.en, at.path, other.path, other_what.en, h.en},
                                           {at.what.zh, at.path, other.path, other_what.zh, h.zh});
    if (other_source) add_note(d, *other_source, "the other one comes from here", "另一个来自这里");
  }
  static std::string key(const PlannedFile& f) {
    return f.source.file + ":" + std::to_string(f.source.line) + ":" + std::to_string(f.source.column) + " " + f.what.en;
  }
  DiagnosticSink& sink_;
  std::set<std::pair<std::string, std::string>> reported_;
};

} // namespace

std::vector<PlannedFile> plan_outputs(const ResolvedProject& project, const SiteSources& site,
                                      const std::vector<BoundNotice>& notices, const std::vector<Feed>& feeds) {
  std::vector<PlannedFile> out;
  const Bilingual own = {"kaowu's own file", "kaowu 自身生成的文件"};
  add(out, SiteLayout::index_json, {}, own);
  add(out, SiteLayout::index_page(), {}, own);
  // A duplicated calendar or site id is reported as such (duplicate-id), not as its pages.
  std::set<std::string> calendars;
  for (const ResolvedCalendar& rc : project.calendars) {
    if (!calendars.insert(rc.id()).second) continue;
    const Calendar& c = *rc.calendar;
    add(out, SiteLayout::calendar_page(rc.id()), c.id.loc, of_calendar(rc.id()));
    add(out, SiteLayout::timetable_page(rc.id()), c.id.loc, of_calendar(rc.id()));
    // A 更正公告 per revision the calendar records itself (those above have their own pages).
    if (rc.history)
      for (const ChainRevision& r : rc.history->revisions)
        if (r.calendar == rc.calendar)
          add(out, SiteLayout::correction_page(rc.id(), r.record->number), r.record->loc,
              {"revision " + std::to_string(r.record->number) + " of calendar '" + rc.id() + "'",
               "日程“" + rc.id() + "”的第" + std::to_string(r.record->number) + "版"});
    std::set<std::string> sites;
    for (const SiteInfo& s : c.sites)
      if (sites.insert(s.id.value).second)
        add(out, SiteLayout::site_page(rc.id(), s.id.value), s.id.loc,
            {"site '" + s.id.value + "' of calendar '" + rc.id() + "'", "日程“" + rc.id() + "”的考点“" + s.id.value + "”"});
  }
  for (const BoundNotice& n : notices)
    add(out, SiteLayout::notice_page(n.calendar->id(), n.notice->slug), Location{n.notice->file, 0, 0, 0},
        {"notice '" + n.notice->file + "'", "通知“" + n.notice->file + "”"});
  add(out, SiteLayout::sitemap, {}, own);
  add(out, SiteLayout::atom, {}, own);
  for (const Feed& feed : feeds) add_feed(out, feed);
  add(out, SiteLayout::htaccess, {}, own);
  calendars.clear();
  for (const ResolvedCalendar& rc : project.calendars)
    if (calendars.insert(rc.id()).second)
      add(out, SiteLayout::model_file(rc.id()), rc.calendar->id.loc, of_calendar(rc.id()));
  for (const StaticFile& f : site.static_files)
    add(out, f.path, Location{site.templates_root + "/static/" + f.path, 0, 0, 0},
        {"static file '" + f.path + "'", "静态文件“" + f.path + "”"});
  add(out, SiteLayout::readme, {}, own);
  return out;
}

void check_output_paths(const std::vector<PlannedFile>& plan, DiagnosticSink& sink) {
  Checker checker(sink);
  std::map<std::string, size_t> files;   // folded path -> first file planned there
  std::map<std::string, size_t> folders; // folded folder -> first file planned below it
  for (size_t i = 0; i < plan.size(); ++i) {
    std::string folded = fold(plan[i].path);
    auto [it, first] = files.emplace(folded, i);
    if (!first) {
      const PlannedFile& other = plan[it->second];
      checker.clash(plan[i], other, other.path == plan[i].path ? Clash::same_path : Clash::case_only);
    }
    for (size_t slash = folded.find('/'); slash != std::string::npos; slash = folded.find('/', slash + 1))
      folders.emplace(folded.substr(0, slash), i);
  }
  // A file where another file needs a folder: "feeds" as a static file beside feeds/x.ics.
  for (const auto& [folded, i] : files)
    if (auto folder = folders.find(folded); folder != folders.end())
      checker.clash(plan[i], plan[folder->second], Clash::folder);
}

} // namespace kaowu
