#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "model/location.hpp"
#include "model/rules.hpp"

namespace kaowu {

// A date together with where it was written, so checks can point at the value itself.
struct DateAt {
  Date date;
  Location loc;
};

// A value that was written in a file, with its position.
struct Text {
  std::string value;
  Location loc;
  bool empty() const { return value.empty(); }
};

// The public document a date comes from, cited by what identifies it. A phase's source may give
// only its `section`: the rest is the calendar's source.
struct Source {
  std::string issuer;         // 发文机关
  std::string number;         // 文号: 卫人才发〔2020〕153号
  std::optional<Date> date;   // date of issue
  std::string title;          // the document's title
  std::string section;        // 附件4, 二（一）, …
  // One line naming the document: the number, else the title, else the text of the older form
  // (`source = "…"`, `{ document = "…" }`). Pages and feeds show it with the section.
  std::string document;
  bool names_document() const { return !issuer.empty() || !number.empty() || !title.empty() || !document.empty(); }
};

enum class Level { national, region, site };
// A fee's mode is "any" unless the notice prices paper and computer apart.
enum class FeeMode { any, cbt, paper };
enum class FeeUnit { subject, person, exam };   // 每科, 每人, 每次
enum class FeeKind { exam, registration, other }; // 考试费, 报名费, 其他
enum class Audience { candidate, staff, military };
enum class Form { unspecified, online, in_person };
enum class ExamMode { cbt, paper };

// Minutes since midnight, Asia/Shanghai.
struct TimeRange {
  int start_minute = 0;
  int end_minute = 0;
  Location loc;
};

enum class TimingKind { window, from, deadline, days, relative, tba };

struct RelativeTo {
  Text phase; // phase id counted from ("exam" for the exam)
  int months = 0;
  int days = 0;
};

// When a phase happens, as written. Exactly one kind is set by the loader.
struct Timing {
  TimingKind kind = TimingKind::tba;
  DateAt start;              // window, from
  DateAt end;                // window; deadline is stored here too
  std::vector<DateAt> days;  // days
  RelativeTo after;          // relative
  std::string open_note;     // tba: the source's wording; from: what it says of the close
  Location loc;              // the first timing key
};

struct Slot {
  Text id;          // as written (optional)
  std::string key;  // the id, or derived from the date and its position that day: "d20231211", "d20231211-2"
  DateAt date;
  std::string who;
  std::vector<TimeRange> hours;
  Text unconfirmed; // reason the day is not yet confirmed (待确认)
  Location loc;
};

struct Phase {
  Text id;
  // What the phase is (registration, payment, …; model/phase_kinds.hpp), whatever its id: rules
  // select phases by kind. Never empty after loading: written as `kind`, or derived from the id.
  std::vector<std::string> kinds;
  bool kind_written = false;
  Location kind_loc;
  std::optional<Level> staff_level; // who does a staff phase: a site, the region, the nation
  Text narrows;     // the parent's phase this one narrows, when the ids differ
  std::string name;
  Audience audience = Audience::candidate;
  Form form = Form::unspecified;
  Timing timing;
  bool approximate = false;
  std::vector<TimeRange> hours;
  std::string place;
  bool closed_on_holidays = false;
  std::string text; // the notice's own wording of the timing
  std::string note;
  Text widens;      // reason this phase is knowingly wider than its parent's
  Text opts_out;    // reason this calendar does not follow its parent's phase
  bool takes_no_part = false; // opts_out with no timing: the parent's phase does not apply here
  Text unconfirmed; // reason its dates are not yet confirmed (待确认)
  std::string url;
  std::vector<Slot> slots;
  Source source;
  Location loc;
};

struct Batch {
  Text id;
  ExamMode mode = ExamMode::cbt;
  std::string name;
  std::vector<DateAt> days;
  std::vector<Text> specialties;
  Text unconfirmed;
  Location loc;
};

struct Session {
  ExamMode mode = ExamMode::cbt;
  // The subject (基础知识), or for a sitting that names no subject (场次) the sitting's name.
  std::string subject;
  bool sitting = false; // written as `sitting = "第一场"`: no subject
  Text id;              // as written (optional)
  std::string key;      // the id, or the subject's key, or "sitting-N" (its place among sittings)
  TimeRange time;
  int day = 0; // 1-based day of its batch; 0 = every day
  Location loc;
};

struct BatchTask {
  Text id;
  std::string name;
  ExamMode mode = ExamMode::cbt;
  int hours = 0;
  Audience audience = Audience::staff;
  Source source;
  Location loc;
};

struct Exam {
  bool present = false;
  Text unconfirmed;
  std::string name;
  std::vector<DateAt> days; // the exam period, if stated apart from batches
  std::string assignment_tba;
  std::vector<Batch> batches;
  std::vector<Session> sessions;
  std::map<ExamMode, std::string> sessions_tba;
  std::vector<BatchTask> batch_tasks;
  Source source;
  Location loc;
};

struct Fee {
  FeeKind kind = FeeKind::exam;
  std::string name;       // as the notice names it (报名费); default by kind
  double amount = 0;      // yuan
  FeeUnit unit = FeeUnit::subject;
  std::string per;        // the notice's word for the unit (科次); default by unit
  FeeMode mode = FeeMode::any;
  std::vector<Text> levels;      // catalogue level ids it applies to (none: every level)
  std::vector<Text> specialties; // specialty codes it applies to (none: every specialty)
  std::string applies_to;        // the notice's own wording of who pays it
  Source source;
  Location loc;
};

// A calendar's own parameters for one rule of rules.toml, with the reason (a senior exam's
// 120-minute sittings). They apply to the calendar and to the calendars below it.
struct RuleOverride {
  Text rule; // the rule's id in rules.toml
  std::map<std::string, RuleParam> params;
  Text reason;
  Location loc;
};

struct SiteInfo {
  Text id;
  std::string name;
  std::string address;
  std::string contact;
  Source source;
  Location loc;
};

// An event an earlier revision of the calendar published and this revision no longer has. The
// iCalendar feeds publish it once more, as STATUS:CANCELLED under its old UID, so subscribers'
// calendars drop it instead of keeping a stale copy.
struct Withdrawal {
  Text event;       // the event key as published: "receipts", "payment/deadline", "exam/cbt-2/d1/basic"
  DateAt date;      // the day it was published on
  std::string name; // the title it was published with
  Audience audience = Audience::candidate; // candidate: candidate and site feeds; else the staff feed
  std::string note; // why it was withdrawn
  Location loc;
};

// What a revision replaced, as the earlier revision published it: a published fact, recorded
// once. Rolling a calendar back to that revision writes the keys the record gives over the
// current values (model/revision_view.hpp); `added` says the revision introduced the thing, so
// the earlier revision had none. A phase the current calendar no longer has is recorded whole.
struct PhaseRecord {
  Phase was;                  // the keys written, read as a phase
  std::set<std::string> keys; // which keys the record writes
  bool added = false;
  Location loc;
  bool writes_timing = false; // whether those keys give the phase's timing
};

struct BatchRecord {
  Batch was;
  std::set<std::string> keys;
  bool added = false;
  Location loc;
};

struct SessionRecord {
  Session was; // identified by mode, day and key, as sessions are
  std::set<std::string> keys;
  bool added = false;
  Location loc;
};

struct ExamRecord {
  bool present = false; // [revisions.exam] written
  bool added = false;   // the revision gave the calendar its [exam]
  Exam was;             // days, unconfirmed, assignment_tba, name as written
  std::set<std::string> keys;
  std::vector<BatchRecord> batches;
  std::vector<SessionRecord> sessions;
  Location loc;
};

// One [[revisions]] entry: a correction or postponement of a published calendar, with the
// document that announced it and what it replaced.
struct Revision {
  int number = 0;     // 2, 3, …: the calendar's `revision` once this one is in force
  Location number_loc;
  std::optional<DateAt> issued;
  std::string issuer; // default: the calendar's issuer
  std::string document;
  Text title;
  std::string reason;
  std::string url;
  std::vector<PhaseRecord> phases;
  ExamRecord exam;
  Location loc;
};

struct Calendar {
  Text id;
  Level level = Level::national;
  std::string title;
  std::string issuer;
  std::string document;
  std::optional<DateAt> issued;
  int exam_year = 0;
  std::string track;
  std::string timezone = "Asia/Shanghai";
  Text parent;
  Text catalogue;
  int revision = 1;
  Location revision_loc;              // of `revision = N`, when written
  std::vector<Revision> revisions;    // [[revisions]], in the order written
  std::string region;
  std::string url;
  Source source;
  std::optional<SiteInfo> site; // site calendars
  std::vector<SiteInfo> sites;  // sites listed in a region calendar
  std::vector<Phase> phases;
  Exam exam;
  std::vector<Fee> fees;
  std::vector<RuleOverride> rule_overrides;
  std::vector<Withdrawal> withdrawn;
  std::string file;
  Location loc;
};

const char* to_string(Level);
const char* to_string(Audience);
const char* to_string(Form);
const char* to_string(ExamMode);
const char* to_string(TimingKind);
// A short ASCII key for an exam subject, for event UIDs: the four standard subjects have names
// (basic, related, professional, practice); others a hash of the name, so the key never depends
// on list positions.
std::string subject_key(const std::string& subject);

const char* to_string(FeeMode);
const char* to_string(FeeUnit);
const char* to_string(FeeKind);

} // namespace kaowu
