#pragma once
#include "diag/sink.hpp"
#include "model/project.hpp"

namespace kaowu {

// Domain bounds: how many of each thing one calendar or catalogue may hold. The byte and nesting
// limits of load/input_limits.hpp keep a file from exhausting the loader; these keep a small file
// from multiplying into an enormous site, since every exam day, session, site and specialty
// becomes events in several feeds and rows on several pages. Each bound is far above what real
// calendars hold (the shipped ones, counted, are in the comments and in calendars/README.md).
namespace limits {
inline constexpr size_t kPhases = 64;          // per calendar; national 2021 has 18
inline constexpr size_t kPhaseDays = 31;       // days of one `days` phase; Fengtai has 2
inline constexpr size_t kSlots = 31;           // slots of one phase; Fengtai has 5
inline constexpr size_t kDatedEntries = 124;   // days and slots of all phases of a calendar; Fengtai 7
inline constexpr size_t kHours = 8;            // opening-hour ranges of a phase or slot; 2
inline constexpr size_t kSites = 32;           // [[sites]] of a region calendar; Zhejiang has 13
inline constexpr size_t kExamDays = 31;        // [exam] days; 4
inline constexpr size_t kBatches = 8;          // [[exam.batches]]; Heilongjiang has 3
inline constexpr size_t kBatchDays = 7;        // days of one batch; 2 (a weekend)
inline constexpr size_t kSessions = 16;        // [[exam.sessions]]; Heilongjiang has 8
inline constexpr size_t kSessionDays = 32;     // sessions summed over every batch day; Heilongjiang 20
inline constexpr size_t kBatchTasks = 16;      // [[exam.batch_tasks]]; national 2021 has 3
inline constexpr size_t kFees = 16;            // [[fees]]; Zhejiang has 2
inline constexpr size_t kWithdrawn = 64;       // [[withdrawn]]; none shipped
inline constexpr size_t kSpecialties = 300;    // per catalogue, with its base; chuzhongji-2022 has 119
inline constexpr size_t kLevels = 16;          // [[levels]] of a catalogue; 3
inline constexpr size_t kRemoved = 300;        // codes in the [[removed]] of a catalogue; 6
inline constexpr size_t kCatalogues = 100;     // catalogues in one project; 3
inline constexpr size_t kHolidayBreaks = 32;   // [[off]] of one holiday year; 7
inline constexpr size_t kWorkdays = 16;        // workdays of one break; 2
inline constexpr size_t kRules = 200;          // [[rules]]; rules.toml has 18
inline constexpr size_t kBaseChain = 8;        // catalogues a catalogue's `base` chain passes; 1
// A valid `parent` chain has at most two links (site → region → national), since the levels say
// who may narrow whom; a longer one has a wrong level in it, reported there (KW0103), and is not
// followed further (20,000 calendars each the parent of the next would cost them all memory).
inline constexpr size_t kParentChain = 2;

// Dates kaowu publishes: every date written in a calendar, catalogue or holiday file, every date
// computed from one (`after`, per-batch tasks), and --today / SOURCE_DATE_EPOCH. The exams began
// in 2001; four-digit years in every output format, and no renderer meets a year it cannot write.
inline constexpr int kFirstYear = 2000;
inline constexpr int kLastYear = 2099;
} // namespace limits

bool in_date_range(const Date& d);
// "2000-01-01–2099-12-31", as diagnostics and usage errors print the range.
const char* date_range_text();

// Reports every count of `project` over its bound at the entry that passes it (the first one
// past the bound, in the order of the file), and every date outside the years kaowu publishes.
// Runs after load, before resolve. It reports and changes nothing: a run with an error renders
// nothing, and the stages before rendering are linear in the size of their input.
void check_domain_limits(const Project& project, DiagnosticSink& sink);

} // namespace kaowu
