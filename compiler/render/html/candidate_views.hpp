#pragma once
#include <optional>
#include <string>

#include "render/html/site_context.hpp"

namespace kaowu {

// Template data for what a candidate looks for on a phone: what to do now, the exam days with
// 加入日历, where to subscribe. `from` is the path of the page being rendered (links are made
// from it through the site layout); `feed` is the feed the page is about, whose UIDs its
// 加入日历 files carry.

// The candidate's phases (and military units'), as phase_list gives them, each candidate
// deadline with `add_href`, the file of its last day in `feed`.
TemplateData candidate_phases(const SiteContext& ctx, const ResolvedCalendar& cal, const Feed* feed,
                              const std::string& from);

// "What do I do now" for the build's day: the phases open now (last day, days left, 加入日历),
// the next one, and the countdown to the exam. Without a build day: every candidate date, which
// status.js turns into the same box by the visitor's clock.
//   {asof, open[], next, countdown, quiet, dates[], exam_first, exam_last}
TemplateData now_view(const SiteContext& ctx, const ResolvedCalendar& cal, const Feed* feed,
                      const std::string& from);
// The same box for one specialty: only the countdown to its exam days.
TemplateData exam_countdown_view(const SiteContext& ctx, const Feed& specialty_feed);

// The exam days of `feed`, one table per mode, a row group per day (date and batch said once),
// a row per session with its 加入日历 file; possible days (可能的考试日) marked and given no file,
// with `possible_hint` (where to subscribe to hear of the real day) after the reason.
//   {has_exam, days, assignment, tables: [{title, note, possible, days: [{date, batch, possible,
//    rows: [{time, subject, add_href}]}]}]}
TemplateData exam_days_view(const ResolvedCalendar& cal, const Feed& feed, const std::string& from,
                            const std::string& possible_hint);

// A link to the subscribe page of `feed` and, with --base-url and `with_qr`, a QR code of its
// address (for a desktop visitor to carry it to their phone). QR codes are most of a page's
// rendering time, so only the calendar and site pages carry one.
//   {href, title, qr_svg}
TemplateData subscribe_box(const SiteContext& ctx, const Feed& feed, const std::string& from, bool with_qr);

// For staff and webmasters, below everything a candidate needs: the staff feed (only when it is
// published), the JSON feed, index.json and the embed code.
TemplateData staff_section(const SiteContext& ctx, const ResolvedCalendar& cal, const Feed* candidate_feed,
                           const std::string& from);

// The specialties whose exam days `cal`'s candidates look up: code, name, level, mode, and the
// specialty page. Empty when the calendar's exam has no specialty feeds.
TemplateData specialty_finder(const SiteContext& ctx, const ResolvedCalendar& cal, const std::string& from);

// What every slot of `cal` shares, said once above the slot table instead of on every row:
//   {hours, place} (each only when the same on every row); nothing when nothing is shared.
std::optional<TemplateData> slot_once(const ResolvedCalendar& cal);

// 初级（师） for a specialty of the catalogue, or the raw level id when the catalogue has no name.
std::string level_name(const ResolvedCatalogue* catalogue, const Specialty& specialty);

} // namespace kaowu
