#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/history.hpp"
#include "model/resolved.hpp"

namespace kaowu {

// The events a feed carries, built once from the resolved model so that the iCalendar and the
// JSON feeds list exactly the same events under exactly the same ids.

enum class EventKind {
  window,   // all-day range, start..end inclusive
  deadline, // one all-day day: the last day to act
  day,      // one day of a `days` phase
  opens,    // the day a phase opens whose close is not published
  estimate, // an approximate date (考后两个月): shown as 预计
  session,  // a timed exam session
  exam_day, // an exam day whose session times or specialty assignment are not published
  tba,      // not published: JSON gives null dates, iCalendar leaves it out
};

const char* to_string(EventKind);

struct FeedEvent {
  std::string id;       // stable: "<feed id>/<key>"; iCalendar UID is id + "@kaowu"
  std::string key;      // within the feed: "payment", "payment/deadline", "confirmation/slot-d20231211",
                        // "exam/d1" (an unbatched exam day), "exam/d1/cbt-1/basic" (d1: the first day of its batch)
  std::string phase_id; // the phase it comes from ("exam" for sessions)
  std::string title;    // as a phone shows it; deadlines carry the warning in the title itself
  EventKind kind = EventKind::window;
  Audience audience = Audience::candidate;
  Form form = Form::unspecified;
  std::optional<Date> start; // inclusive
  std::optional<Date> end;   // inclusive; == start for one day
  std::optional<TimeRange> time; // sessions
  std::string display;   // the timing as the notices write it: "2023年12月1日－14日", "8∶30—10∶00"
  std::string place;
  std::vector<TimeRange> hours;
  bool approximate = false;
  std::string unconfirmed; // why the date is not yet confirmed (待确认); "" when it is
  std::string note;      // the phase's remark, or what is still open
  std::string batch_id;
  std::string mode;      // "cbt" | "paper" for exam events
  std::string subject;
  bool day_by_admission_card = false; // a possible exam day: the real one comes with the 准考证
  // An exam day (or its sessions) not yet assigned to any specialty: the batch names no
  // specialties, so a subscriber may or may not sit it. Published as 可能的考试日: TENTATIVE and
  // TRANSPARENT in iCalendar, "possible" in JSON, never a confirmed busy day.
  bool possible = false;
  Source source;
  std::string description; // plain text for DESCRIPTION/"description": timing, hours, place, note, source

  // What the revision history says of it (bind/feed_history.hpp); nothing without one.
  struct Earlier {
    std::optional<Date> start, end;
    std::optional<TimeRange> time;
    std::string display; // as the notices wrote it then
    int revision = 1;    // the revision that replaced it
    std::optional<Date> revised; // that revision's date
  };
  std::optional<Earlier> was;        // the dates it had before the latest revision moved it
  std::optional<Date> last_modified; // the date of the revision that gave it its present form
  bool cancelled = false;            // a cancellation: an earlier revision published it, this one does not
  int cancelled_in = 0;              // the revision that dropped it
  // Cancelled because the previous build published it and this one does not (bind/feed_memory):
  // its SEQUENCE is one above the feed's, since the revision may not have risen.
  bool from_previous_build = false;
};

// One change of one event from one revision to the next (JSON "changes").
struct EventChange {
  std::string id;  // the event's id
  std::string title;
  ChangeKind kind = ChangeKind::moved;
  int revision = 1;            // the revision that made it
  std::optional<Date> revised; // that revision's date
  // Before and after: nothing where the event was or is absent; no dates where it was or is to
  // be announced (待定).
  std::optional<FeedEvent::Earlier> was, now;
};

enum class FeedKind { calendar, staff, site, specialty };

struct Feed {
  std::string id;          // "beijing-2024", "beijing-2024/staff", "zhejiang-2024-senior/hangzhou",
                           // "beijing-2024/specialty-203"
  FeedKind kind = FeedKind::calendar;
  const ResolvedCalendar* calendar = nullptr;
  const SiteInfo* site = nullptr;     // the inline site of a site feed
  const Specialty* specialty = nullptr;
  std::string title;       // "北京考区2024年度… — 考生日程"
  std::string path_stem;   // "feeds/beijing-2024", "feeds/beijing-2024.staff", "feeds/beijing-2024/hangzhou",
                           // "feeds/beijing-2024/specialty-203" (renderers add .ics / .json)
  std::vector<FeedEvent> events; // in date order; tba last
  // Events an earlier revision published with a date that this one has no more (dropped, or to
  // be announced again): published once more as cancelled, so subscribers' calendars drop them.
  std::vector<FeedEvent> cancelled = {};
  std::vector<EventChange> changes = {}; // every change since the first revision, the newest first
};

// Every feed kaowu publishes for a project, in a fixed order: for each calendar its candidate
// feed, its staff feed (only when it has an event or a withdrawn one to cancel: an empty
// subscription only confuses), one feed per inline site, and one per specialty of its catalogue
// when the calendar defines the exam itself (a site calendar's candidates use its region's).
std::vector<Feed> build_feeds(const ResolvedProject& project);
// The feeds of one calendar: build_feeds() is these, calendar by calendar.
std::vector<Feed> calendar_feeds(const ResolvedCalendar& calendar);

// Whether an event of `audience` belongs in `feed`: candidate events in the candidate and site
// feeds, staff and military events in the staff feed (a withdrawal names its audience).
bool serves(const Feed& feed, Audience audience);

// The page a feed's events link to: an inline site's page for a site feed, a specialty's page for
// a specialty feed, else the calendar's.
std::string feed_page(const Feed& feed);

// The events of `feed` as `calendar` (the feed's calendar as an earlier revision published it)
// had them: the same kind of feed, for the same site or specialty.
std::vector<FeedEvent> feed_events_of(const Feed& feed, const ResolvedCalendar& calendar);

// Parts of build_feeds, for tests.
std::vector<FeedEvent> candidate_events(const ResolvedCalendar& calendar, const SiteInfo* site);
std::vector<FeedEvent> staff_events(const ResolvedCalendar& calendar);
std::vector<FeedEvent> specialty_events(const ResolvedCalendar& calendar, const Specialty& specialty);

} // namespace kaowu
