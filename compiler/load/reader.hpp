#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "diag/sink.hpp"
#include "model/calendar.hpp"

namespace kaowu {

Location location_of(const toml::source_region& region);

// The key that marks a value `kaowu import` drafted and no person has confirmed yet.
inline constexpr std::string_view kImportedMark = "imported";

// Reads one TOML table with typed, located getters. Every getter registers its key as
// known, so finish() can report the keys nobody asked for, with "did you mean …".
// Getters report wrong types and missing required keys and return nothing; they never throw.
class TableReader {
public:
  enum Need { optional, required };

  // `what` names the table in messages: {"phase 'registration'", "阶段“registration”"}.
  TableReader(const toml::table& table, Bilingual what, DiagnosticSink& sink);

  Location loc() const { return location_of(table_.source()); }
  Location loc_of(std::string_view key) const;
  bool has(std::string_view key) const { return table_.contains(key); }

  std::optional<Text> text(std::string_view key, Need need = optional);
  // A text that gives a reason (unconfirmed, opts_out, widens, tba …): what it says is printed
  // where the mark is shown, so an empty or blank one is reported (KW0021) and read as absent.
  std::optional<Text> reason(std::string_view key, Need need = optional);
  std::optional<Text> id(std::string_view key, Need need = optional);
  // An absolute http(s) address: anything else (javascript:, data:, a relative path) is reported.
  std::optional<Text> url(std::string_view key);
  std::optional<DateAt> date(std::string_view key, Need need = optional);
  std::optional<long long> integer(std::string_view key, long long lowest, long long highest,
                                   Need need = optional);
  std::optional<double> number(std::string_view key, double lowest, double highest,
                               Need need = optional);
  std::optional<bool> boolean(std::string_view key);
  std::vector<DateAt> dates(std::string_view key, Need need = optional);
  std::vector<Text> texts(std::string_view key, Need need = optional);
  // Elements of an array of tables; non-table elements are reported.
  std::vector<const toml::table*> tables(std::string_view key, Need need = optional);
  const toml::table* table(std::string_view key, Need need = optional);
  // Text (the older form) or {issuer, number, date, title, section}.
  std::optional<Source> source(std::string_view key);
  // One text or a list of texts: kind = "payment" or kind = ["military-data", "payment"].
  std::vector<Text> text_or_texts(std::string_view key);
  // One of `choices`; reports anything else with the list of choices.
  std::optional<Text> choice(std::string_view key, const std::vector<std::string>& choices,
                             Need need = optional);
  // "08:30-10:00"
  std::optional<TimeRange> time_range(std::string_view key, Need need = optional);
  std::vector<TimeRange> time_ranges(std::string_view key);

  // Marks a key as known when the caller reads it itself (a shape no getter covers).
  void accept(std::string_view key) { get(key, optional); }

  // Report unknown keys. Call once, after every getter.
  void finish();

  DiagnosticSink& sink() { return sink_; }
  const Bilingual& what() const { return what_; }

private:
  const toml::node* get(std::string_view key, Need need);
  // Reports control characters and over-long text (load/input_limits.hpp).
  bool acceptable_text(std::string_view key, const Text& t);
  void wrong_type(std::string_view key, const toml::node& node, const char* expected_en,
                  const char* expected_zh);

  const toml::table& table_;
  Bilingual what_;
  DiagnosticSink& sink_;
  std::vector<std::string> known_;
};

// A parameter of a rule as rules.toml or a calendar's [[rule_overrides]] writes it: a number,
// true/false, a text or a list of texts. Reports anything else.
std::optional<RuleParam> read_rule_param(std::string_view key, const toml::node& node, DiagnosticSink& sink);

// A source that gives only its section cites the document of `whole` (the calendar's or the
// catalogue's source); every source then has its one-line `document` name.
void cite_within(Source& source, const Source& whole);

bool is_valid_id(std::string_view id);
bool is_reserved_file_name(std::string_view id);
// Why `url` cannot be published as a link, or nothing when it is an absolute http(s) URL.
std::optional<Bilingual> url_problem(std::string_view url);
std::optional<TimeRange> parse_time_range(std::string_view text);
// "08:30" -> minutes, or nullopt
std::optional<int> parse_clock(std::string_view text);

} // namespace kaowu
