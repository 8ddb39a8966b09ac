#pragma once
// What a notice states, drafted into the steps of a calendar: each dated step placed by the
// notice's own words (phase_words.hpp), the exam's days by mode, fees, the notice's issuer,
// number, title and date; and everything date-like it did not use, with why. Nothing here is
// a date the text does not state.
#include <optional>
#include <string>
#include <vector>

#include "diag/sink.hpp"
#include "import/document_text.hpp"
#include "model/date.hpp"

namespace kaowu::import {

enum class FactTiming { window, from, deadline, days, relative, tba };

// Where a fact comes from: the notice's line, and the words quoted from it.
struct Citation {
  int line = 0;       // DocumentLine::number
  uint32_t column = 0;
  std::string quote;  // the date as written
  std::string text;   // the line, trimmed (shortened around the date when long)
};

struct Slot {
  Date date;
  std::string who;
  Citation cite;
};

struct Fact {
  std::string kind;                 // a phase kind, or "other"
  std::vector<std::string> also;    // further kinds (military-data that is also payment)
  std::string name;                 // the notice's words for it
  std::string audience;             // candidate | staff | military
  FactTiming timing = FactTiming::days;
  Date start, end;                  // window, from (start), deadline (end)
  std::vector<Date> days;           // days
  int months = 0, after_days = 0;   // relative: after the exam
  std::string text;                 // relative: the notice's wording; tba: the reason
  bool closed_on_holidays = false;
  std::vector<std::string> hours;   // "09:00-11:30"
  std::vector<Slot> slots;
  Citation cite;                    // the date
  Citation name_cite;               // the words that name the step (often the same line)
};

struct ExamDays {
  std::string mode;                 // "cbt", "paper", or "" when the notice does not say
  std::vector<Date> days;
  std::vector<Citation> cites;
};

struct FeeFact {
  std::string kind = "exam";        // exam | registration
  long amount = 0;
  std::string unit;                 // subject | person | exam
  std::string mode;                 // "", cbt, paper
  Citation cite;
};

// A dated line the extractor could not place, or a date-like string it did not use.
struct Unused {
  Citation cite;
  std::string why_en, why_zh;
  bool dated = false;               // a real date of the notice, left for a person to place
  std::vector<Date> days;           // its days (a range: first and last), when dated
};

struct NoticeHeader {
  std::string issuer, number, title;
  std::optional<Date> issued;
  int exam_year = 0;
  std::string track = "初中级";
  Citation title_cite, number_cite, issued_cite;
};

struct Extraction {
  NoticeHeader header;
  std::vector<Fact> facts;
  std::vector<ExamDays> exam;       // by mode, in the order the notice gives them
  std::string assignment_tba;
  Citation assignment_cite;
  std::vector<FeeFact> fees;
  std::vector<Unused> unused;
};

struct DateMention;
struct NormalizedLine;

// A weekday note of `mention` that contradicts its date: a warning (KW0500) at the note, quoting
// both. Exam notices and the holidays notice are checked alike.
void report_weekday_notes(const std::string& path, const DocumentLine& line, const NormalizedLine& normalized,
                          const DateMention& mention, DiagnosticSink& sink);

// Reads the notice's lines. A weekday note that contradicts its date is a warning (KW0500) at
// the note, quoting both; nothing else is reported: what is not used is listed in `unused`.
Extraction extract(const DocumentText& document, DiagnosticSink& sink);

} // namespace kaowu::import
