#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "model/location.hpp"

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

struct Source {
  std::string document; // seed name or document number
  std::string section;  // 附件4, 二（一）, …
};

enum class Level { national, region, site };
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
  DateAt date;
  std::string who;
  std::vector<TimeRange> hours;
  Location loc;
};

struct Phase {
  Text id;
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
  Location loc;
};

struct Session {
  ExamMode mode = ExamMode::cbt;
  std::string subject;
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
  double amount = 0;
  std::string per;
  std::string applies_to;
  std::vector<Text> specialties;
  Source source;
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
  std::string region;
  std::string url;
  Source source;
  std::optional<SiteInfo> site; // site calendars
  std::vector<SiteInfo> sites;  // sites listed in a region calendar
  std::vector<Phase> phases;
  Exam exam;
  std::vector<Fee> fees;
  std::vector<Withdrawal> withdrawn;
  std::string file;
  Location loc;
};

const char* to_string(Level);
const char* to_string(Audience);
const char* to_string(Form);
const char* to_string(ExamMode);
const char* to_string(TimingKind);

} // namespace kaowu
