#include "bind/previous_build.hpp"

#include <nlohmann/json.hpp>
#include <set>

#include "layout/site_layout.hpp"
#include "text/phase_label.hpp"

namespace kaowu {
namespace {

// A feed of the shipped size is well below this; a larger file is no feed kaowu wrote.
constexpr size_t kMaxPreviousFeed = 64u << 20;

// A date or date-time of a feed item, to the day; "-" for none.
std::string day_of(const nlohmann::json& v) { return v.is_string() ? v.get<std::string>().substr(0, 10) : "-"; }
std::string day_of(const std::optional<Date>& d) { return d ? d->iso() : "-"; }

// "start/end" as days, or the one day.
std::string days_text(const std::string& start, const std::string& end) {
  return start == end || end == "-" ? start : start + "/" + end;
}

} // namespace

void check_against_previous(const std::vector<Feed>& feeds, const SourceTree& previous, DiagnosticSink& sink) {
  std::set<std::pair<std::string, std::string>> reported; // (calendar, phase)
  for (const Feed& feed : feeds) {
    if (feed.kind != FeedKind::calendar) continue;
    std::string path = SiteLayout::json(feed.path_stem);
    if (previous.type(path) != EntryType::file) continue;
    FileBytes file = previous.read(path, kMaxPreviousFeed);
    if (!file.error.empty() || file.too_large) continue;
    nlohmann::json old = nlohmann::json::parse(file.bytes, nullptr, false);
    if (!old.is_object() || !old.contains("items") || !old["items"].is_array()) continue;
    const ResolvedCalendar& rc = *feed.calendar;
    // A revision raised since (recorded or not, KW0120 says which) tells subscribers already.
    const nlohmann::json& cal = old.value("calendar", nlohmann::json::object());
    if (!cal.is_object() || cal.value("revision", 1) != rc.calendar->revision) continue;
    std::map<std::string, const nlohmann::json*> before;
    for (const nlohmann::json& item : old["items"])
      if (item.is_object() && item.contains("id") && item["id"].is_string()) before[item["id"].get<std::string>()] = &item;
    for (const FeedEvent& e : feed.events) {
      auto it = before.find(e.id);
      if (it == before.end() || e.kind == EventKind::tba) continue;
      // Both sides as the JSON feed writes them (render/json/feed_json.cpp): start, and end but
      // for an opening day, compared to the day (sessions carry date-times).
      const nlohmann::json& was = *it->second;
      std::string was_days = days_text(day_of(was.value("start", nlohmann::json())), day_of(was.value("end", nlohmann::json())));
      std::string now_days = days_text(day_of(e.start), e.kind == EventKind::opens ? "-" : day_of(e.end));
      if (was_days == now_days) continue;
      const ResolvedPhase* rp = rc.find(e.phase_id);
      if (!rp || rp->defined_in != rc.id()) continue; // the calendar above is told in its own feed
      if (!reported.emplace(rc.id(), e.phase_id).second) continue;
      const Location& at = rp->phase.timing.loc.known() ? rp->phase.timing.loc : rp->phase.loc;
      sink.report_localized(DiagKind::unrecorded_change, at, {phase_label(rp->phase, false), was_days, now_days},
                            {phase_label(rp->phase, true), was_days, now_days});
    }
  }
}

} // namespace kaowu
