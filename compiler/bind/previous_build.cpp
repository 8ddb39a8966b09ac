#include "bind/previous_build.hpp"

#include <nlohmann/json.hpp>
#include <set>

#include "layout/site_layout.hpp"
#include "text/phase_label.hpp"

namespace kaowu {
namespace {

// A feed of the shipped size is well below this; a larger file is no feed kaowu wrote.
constexpr size_t kMaxPreviousFeed = 64u << 20;

std::string text_or_dash(const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : "-"; }

std::string timing(const nlohmann::json& item) {
  std::string start = text_or_dash(item.value("start", nlohmann::json())), end = text_or_dash(item.value("end", nlohmann::json()));
  return start == end ? start : start + "/" + end;
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
      const nlohmann::json& was = *it->second;
      std::string old_timing = timing(was);
      nlohmann::json now_item = {{"start", e.start ? nlohmann::json(e.start->iso()) : nlohmann::json()},
                                 {"end", e.end ? nlohmann::json(e.end->iso()) : e.start ? nlohmann::json(e.start->iso()) : nlohmann::json()}};
      // Sessions carry date-times in the feed: compare their dates only.
      std::string was_day = old_timing;
      if (was.value("all_day", true) == false) {
        std::string s = text_or_dash(was.value("start", nlohmann::json()));
        was_day = s.substr(0, 10);
        now_item["end"] = now_item["start"];
      }
      std::string now_timing = timing(now_item);
      if (was_day == now_timing) continue;
      const ResolvedPhase* rp = rc.find(e.phase_id);
      if (!rp || rp->defined_in != rc.id()) continue; // the calendar above is told in its own feed
      if (!reported.emplace(rc.id(), e.phase_id).second) continue;
      const Location& at = rp->phase.timing.loc.known() ? rp->phase.timing.loc : rp->phase.loc;
      sink.report_localized(DiagKind::unrecorded_change, at, {phase_label(rp->phase, false), was_day, now_timing},
                            {phase_label(rp->phase, true), was_day, now_timing});
    }
  }
}

} // namespace kaowu
