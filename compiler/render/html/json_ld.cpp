#include <nlohmann/json.hpp>

#include "render/html/pages.hpp"

namespace kaowu {
namespace {
using json = nlohmann::ordered_json;

// JSON inside <script>: "</script>" and "<!--" must not appear, so '<', '>' and '&' are escaped.
std::string script_safe(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '<') out += "\\u003c";
    else if (c == '>') out += "\\u003e";
    else if (c == '&') out += "\\u0026";
    else out += c;
  }
  return out;
}
} // namespace

std::string calendar_json_ld(const SiteContext& ctx, const ResolvedCalendar& cal) {
  if (cal.exam_days.empty()) return "";
  const Calendar& c = *cal.calendar;
  json place{{"@type", "Place"}};
  if (c.site) {
    place["name"] = c.site->name;
    if (!c.site->address.empty()) place["address"] = c.site->address;
  } else {
    place["name"] = c.region.empty() ? "全国各考点" : c.region + "各考点";
  }
  json event{{"@context", "https://schema.org"},
             {"@type", "Event"},
             {"name", c.title},
             {"startDate", cal.exam_days.front().iso()},
             {"endDate", cal.exam_days.back().iso()},
             {"eventStatus", "https://schema.org/EventScheduled"},
             {"eventAttendanceMode", "https://schema.org/OfflineEventAttendanceMode"},
             {"location", place},
             {"organizer", {{"@type", "Organization"}, {"name", c.issuer}}},
             {"inLanguage", "zh-CN"}};
  if (ctx.layout.absolute()) event["url"] = ctx.layout.url(SiteLayout::calendar_page(c.id.value));
  json sub = json::array();
  for (const ResolvedPhase& rp : cal.phases) {
    if (rp.is_exam || rp.tba || !rp.first || !rp.last || rp.phase.audience == Audience::staff) continue;
    if (rp.phase.approximate) continue; // an estimate is not a scheduled event
    sub.push_back(json{{"@type", "Event"},
                       {"name", rp.phase.name},
                       {"startDate", rp.first->iso()},
                       {"endDate", rp.last->iso()},
                       {"eventAttendanceMode", rp.phase.form == Form::online
                                                   ? "https://schema.org/OnlineEventAttendanceMode"
                                                   : "https://schema.org/OfflineEventAttendanceMode"}});
  }
  if (!sub.empty()) event["subEvent"] = sub;
  return script_safe(event.dump());
}

} // namespace kaowu
