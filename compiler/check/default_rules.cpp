// The shipped calendars/rules.toml, used when a calendars directory has none.
// tests/unit/check_default_rules_test.cpp fails when this text and the file differ: edit the
// file, then paste it here.
#include "check/rule_kind.hpp"
#include "load/loader.hpp"

namespace kaowu {

const char* const kDefaultRulesToml = R"~(# The consistency rules `kaowu check` applies to every calendar in this directory.
# Each [[rules]] names a kind (docs/rules.md lists the kinds and their parameters), an id that
# diagnostics quote, and a severity: "error" (check fails), "warning" (fails only with
# --deny-warnings) or "off" (not run). `kaowu explain CODE` shows a right and a wrong example.
# Always built in, whatever this file says: every window has start <= end (KW0200).
#
# The defaults follow shared/DOMAIN.md §5: what real calendars always keep is an error; what
# they bend (late confirmation, cards opened 5 days before the exam, exams on 调休 days) is a
# parameter or a warning. A directory without rules.toml gets exactly these rules.

# ── Order of the phases ───────────────────────────────────────────────────────────────

[[rules]]
id = "confirmation-after-registration"
kind = "order"
severity = "error"
phases = ["registration", "confirmation"]   # confirmation starts no earlier than registration
by = "start"

[[rules]]
id = "cards-after-payment"
kind = "order"
severity = "error"
phases = ["payment", "admission-card"]      # cards open after payment has closed
by = "end-to-start"
min_gap_days = 1

# ── Windows inside windows ────────────────────────────────────────────────────────────

# 2017–2020 confirmation ran up to 36 days past registration (DOMAIN §5): an error only
# beyond that, a warning beyond the usual three days.
[[rules]]
id = "confirmation-within-registration"
kind = "within"
severity = "error"
phase = "confirmation"
inside = "registration"
slack_after_days = 40

[[rules]]
id = "confirmation-close-to-registration"
kind = "within"
severity = "warning"
phase = "confirmation"
inside = "registration"
slack_after_days = 3

# A lower level only narrows its parent: every phase, and the exam days. Payment is apart: some
# regions opt out of the national payment window (DOMAIN §5), so there it is a warning.
[[rules]]
id = "narrows-parent"
kind = "bounds"
severity = "error"
except = ["payment"]

[[rules]]
id = "payment-narrows-parent"
kind = "bounds"
severity = "warning"
phases = ["payment"]

# ── Relations to the exam ─────────────────────────────────────────────────────────────

[[rules]]
id = "cards-before-exam"
kind = "exam-relation"
severity = "error"
phases = ["admission-card"]
relation = "opens-before"
min_days = 1

# Cards usually open 1–2 weeks ahead; Zhejiang 2024 opened 5 days ahead (DOMAIN §5).
[[rules]]
id = "cards-early-enough"
kind = "exam-relation"
severity = "warning"
phases = ["admission-card"]
relation = "opens-before"
min_days = 5

[[rules]]
id = "preparations-before-exam"
kind = "exam-relation"
severity = "error"
phases = ["registration", "confirmation", "audit", "info-changes", "military-data", "payment",
          "room-maintenance", "room-arrangement", "receiving-info", "chief-examiner-list",
          "military-admission-card", "materials-handover", "paper-collection"]
relation = "ends-before"
min_days = 1

[[rules]]
id = "after-the-exam"
kind = "exam-relation"
severity = "error"
phases = ["results", "receipts", "certificates", "candidate-info-report", "violations",
          "destruction-record"]
relation = "starts-after"
min_days = 1

# ── Exam days and sessions ────────────────────────────────────────────────────────────

[[rules]]
id = "sessions-disjoint"
kind = "sessions-disjoint"
severity = "error"

[[rules]]
id = "session-length"
kind = "session-length"
severity = "error"
cbt_minutes = 90
paper_minutes = 120

[[rules]]
id = "batch-days-in-exam-period"
kind = "batch-days"
severity = "error"

# Exams have fallen on 调休 working Sundays and, once, on weekdays (DOMAIN §5): a warning.
[[rules]]
id = "exam-on-rest-days"
kind = "exam-rest-days"
severity = "warning"

[[rules]]
id = "paper-with-cbt-batch-1"
kind = "paper-with-first-batch"
severity = "warning"

# ── Holidays ──────────────────────────────────────────────────────────────────────────

[[rules]]
id = "holiday-closed-windows-open"
kind = "holiday-open-days"
severity = "error"
min_open_days = 1

[[rules]]
id = "closes-on-day-off"
kind = "closes-on-day-off"
severity = "warning"
only_closed_on_holidays = true

# ── Catalogue ─────────────────────────────────────────────────────────────────────────

[[rules]]
id = "catalogue-fit"
kind = "catalogue-fit"
severity = "error"
same_year = true
)~";

std::vector<RuleSpec> default_rules(DiagnosticSink& sink) {
  Project defaults;
  load_document(kDefaultRulesToml, kBuiltInRulesPath, defaults, sink);
  return std::move(defaults.rules);
}

} // namespace kaowu
