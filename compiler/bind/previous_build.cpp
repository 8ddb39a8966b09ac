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

// "2024-04-13" or "2024-04-13T08:30:00+08:00": the day, and the minute of the day when timed.
std::optional<Date> parse_day(const std::string& text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  auto num = [&](size_t at, size_t n) { return std::stoi(text.substr(at, n)); };
  return Date::from_ymd(num(0, 4), static_cast<unsigned>(num(5, 2)), static_cast<unsigned>(num(8, 2)));
}
std::optional<int> parse_minute(const std::string& text) {
  if (text.size() < 16 || text[10] != 'T' || text[13] != ':') return std::nullopt;
  for (size_t i : {11, 12, 14, 15})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  int m = std::stoi(text.substr(11, 2)) * 60 + std::stoi(text.substr(14, 2));
  return m < 24 * 60 ? std::optional<int>(m) : std::nullopt;
}

std::string text_of(const nlohmann::json& item, const char* key) {
  auto it = item.find(key);
  return it != item.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<PreviousEvent> previous_event(const nlohmann::json& item, bool cancelled) {
  if (!item.is_object()) return std::nullopt;
  PreviousEvent e;
  e.id = text_of(item, "id");
  e.phase = text_of(item, "phase");
  e.title = text_of(item, "title");
  e.display = text_of(item, "display");
  std::string audience = text_of(item, "audience"), start = text_of(item, "start"), end = text_of(item, "end");
  e.audience = audience == "staff" ? Audience::staff : audience == "military" ? Audience::military : Audience::candidate;
  std::optional<Date> first = parse_day(start), last = end.empty() ? first : parse_day(end);
  if (e.id.empty() || !first || !last || *last < *first) return std::nullopt;
  e.start = *first;
  e.end = *last;
  std::optional<int> from = parse_minute(start), to = parse_minute(end);
  if (from && to && *from < *to) e.time = TimeRange{*from, *to, {}};
  e.cancelled = cancelled;
  return e;
}

} // namespace

std::vector<PreviousEvent> previous_feed_events(const SourceTree& previous, const std::string& path_stem) {
  std::vector<PreviousEvent> out;
  std::string path = SiteLayout::json(path_stem);
  if (previous.type(path) != EntryType::file) return out;
  FileBytes file = previous.read(path, kMaxPreviousFeed);
  if (!file.error.empty() || file.too_large) return out;
  nlohmann::json feed = nlohmann::json::parse(file.bytes, nullptr, false);
  if (!feed.is_object()) return out;
  for (const char* list : {"items", "cancelled"}) {
    auto it = feed.find(list);
    if (it == feed.end() || !it->is_array()) continue;
    for (const nlohmann::json& item : *it)
      if (std::optional<PreviousEvent> e = previous_event(item, std::string(list) == "cancelled")) out.push_back(std::move(*e));
  }
  return out;
}

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
