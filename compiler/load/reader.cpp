#include "load/reader.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "diag/suggest.hpp"
#include "load/input_limits.hpp"

namespace kaowu {

Location location_of(const toml::source_region& region) {
  Location loc;
  loc.file = region.path ? *region.path : std::string();
  loc.line = region.begin.line;
  loc.column = region.begin.column;
  loc.end_column = region.end.line == region.begin.line ? region.end.column : 0;
  return loc;
}

namespace {
// Nothing but spaces: ASCII white space, and the ideographic space U+3000 a Chinese IME types.
bool is_blank(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    if (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r') {
      ++i;
    } else if (text.substr(i, 3) == "\xE3\x80\x80") {
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

struct TypeName {
  const char* en;
  const char* zh;
};

TypeName type_name(const toml::node& node) {
  switch (node.type()) {
  case toml::node_type::string: return {"text", "文字"};
  case toml::node_type::integer: return {"a whole number", "整数"};
  case toml::node_type::floating_point: return {"a decimal number", "小数"};
  case toml::node_type::boolean: return {"true/false", "true/false"};
  case toml::node_type::date: return {"a date", "日期"};
  case toml::node_type::time: return {"a time of day", "时刻"};
  case toml::node_type::date_time: return {"a date with a time", "日期时间"};
  case toml::node_type::array: return {"a list", "列表"};
  case toml::node_type::table: return {"a table", "表"};
  default: return {"nothing", "空"};
  }
}

Location location_of_node(const toml::node& node) { return location_of(node.source()); }
} // namespace

TableReader::TableReader(const toml::table& table, Bilingual what, DiagnosticSink& sink)
    : table_(table), what_(std::move(what)), sink_(sink) {}

Location TableReader::loc_of(std::string_view key) const {
  if (const toml::node* n = table_.get(key)) return location_of_node(*n);
  return loc();
}

const toml::node* TableReader::get(std::string_view key, Need need) {
  if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.emplace_back(key);
  const toml::node* n = table_.get(key);
  if (!n && need == required)
    sink_.report_localized(DiagKind::missing_key, loc(), {std::string(key), what_.en},
                           {std::string(key), what_.zh});
  return n;
}

void TableReader::wrong_type(std::string_view key, const toml::node& node, const char* expected_en,
                             const char* expected_zh) {
  TypeName found = type_name(node);
  Diagnostic& d = sink_.report_localized(DiagKind::wrong_type, location_of_node(node),
                                         {std::string(key), expected_en, found.en},
                                         {std::string(key), expected_zh, found.zh});
  if (node.is_string() && std::string_view(expected_en).find("date") != std::string_view::npos)
    set_help(d, "write the date without quotes: 2024-04-13", "日期不要加引号：2024-04-13");
}

std::optional<Text> TableReader::text(std::string_view key, Need need) {
  const toml::node* n = get(key, need);
  if (!n) return std::nullopt;
  if (!n->is_string()) {
    wrong_type(key, *n, "text in quotes", "带引号的文字");
    return std::nullopt;
  }
  Text t{n->as_string()->get(), location_of_node(*n)};
  if (!acceptable_text(key, t)) return std::nullopt;
  return t;
}

std::optional<Text> TableReader::reason(std::string_view key, Need need) {
  std::optional<Text> t = text(key, need);
  if (t && is_blank(t->value)) {
    sink_.report(DiagKind::empty_reason, t->loc, {std::string(key)});
    return std::nullopt;
  }
  return t;
}

bool TableReader::acceptable_text(std::string_view key, const Text& t) {
  if (auto bad = first_forbidden_character(t.value)) {
    sink_.report(DiagKind::control_character, t.loc, {std::string(key), bad->name});
    return false;
  }
  if (size_t length = code_points(t.value); length > kMaxTextChars) {
    sink_.report(DiagKind::text_too_long, t.loc,
                 {std::string(key), std::to_string(length), std::to_string(kMaxTextChars)});
    return false;
  }
  return true;
}

std::optional<Text> TableReader::url(std::string_view key) {
  auto t = text(key);
  if (!t) return std::nullopt;
  if (auto problem = url_problem(t->value)) {
    sink_.report_localized(DiagKind::invalid_url, t->loc, {t->value, problem->en},
                           {t->value, problem->zh});
    return std::nullopt;
  }
  return t;
}

std::optional<Bilingual> url_problem(std::string_view url) {
  auto starts = [&](std::string_view prefix) {
    if (url.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(url[i])) != prefix[i]) return false;
    return true;
  };
  size_t scheme = starts("https://") ? 8 : starts("http://") ? 7 : 0;
  if (scheme == 0)
    return Bilingual{"only https:// and http:// addresses can be published",
                     "只能发布以 https:// 或 http:// 开头的网址"};
  if (url.size() == scheme || url[scheme] == '/')
    return Bilingual{"the address names no host", "网址中没有主机名"};
  for (char c : url) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`')
      return Bilingual{"it contains a space, a quote or an angle bracket",
                       "其中含有空格、引号或尖括号"};
  }
  return std::nullopt;
}

// Device names that Windows refuses as file names, whatever the extension (con.json): the
// published site must copy onto any web server.
bool is_reserved_file_name(std::string_view id) {
  for (std::string_view r : {"con", "prn", "aux", "nul"})
    if (id == r) return true;
  return id.size() == 4 && (id.substr(0, 3) == "com" || id.substr(0, 3) == "lpt") && id[3] >= '1' && id[3] <= '9';
}

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64 || !(id[0] >= 'a' && id[0] <= 'z')) return false;
  if (id.back() == '-') return false;
  if (is_reserved_file_name(id)) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

std::optional<Text> TableReader::id(std::string_view key, Need need) {
  auto t = text(key, need);
  if (t && !is_valid_id(t->value)) {
    Diagnostic& d = sink_.report(DiagKind::invalid_id, t->loc, {t->value});
    if (is_reserved_file_name(t->value))
      set_help(d, "con, prn, aux, nul, com1–com9 and lpt1–lpt9 are reserved file names on Windows: choose another id",
               "con、prn、aux、nul、com1–com9、lpt1–lpt9 是 Windows 保留的文件名，请换一个标识");
    return std::nullopt;
  }
  return t;
}

std::optional<DateAt> TableReader::date(std::string_view key, Need need) {
  const toml::node* n = get(key, need);
  if (!n) return std::nullopt;
  if (!n->is_date()) {
    wrong_type(key, *n, "a date (2024-04-13)", "日期（如 2024-04-13）");
    return std::nullopt;
  }
  toml::date d = n->as_date()->get();
  auto date = Date::from_ymd(d.year, d.month, d.day);
  if (!date) {
    sink_.report(DiagKind::value_out_of_range, location_of_node(*n),
                 {std::string(key), std::to_string(d.year), "1900–2999"});
    return std::nullopt;
  }
  return DateAt{*date, location_of_node(*n)};
}

std::optional<long long> TableReader::integer(std::string_view key, long long lowest,
                                              long long highest, Need need) {
  const toml::node* n = get(key, need);
  if (!n) return std::nullopt;
  if (!n->is_integer()) {
    wrong_type(key, *n, "a whole number", "整数");
    return std::nullopt;
  }
  long long v = n->as_integer()->get();
  if (v < lowest || v > highest) {
    sink_.report(DiagKind::value_out_of_range, location_of_node(*n),
                 {std::string(key), std::to_string(v),
                  std::to_string(lowest) + "–" + std::to_string(highest)});
    return std::nullopt;
  }
  return v;
}

std::optional<double> TableReader::number(std::string_view key, double lowest, double highest,
                                          Need need) {
  const toml::node* n = get(key, need);
  if (!n) return std::nullopt;
  double v = 0;
  if (n->is_integer()) v = static_cast<double>(n->as_integer()->get());
  else if (n->is_floating_point()) v = n->as_floating_point()->get();
  else {
    wrong_type(key, *n, "a number", "数字");
    return std::nullopt;
  }
  if (!std::isfinite(v) || v < lowest || v > highest) {
    sink_.report(DiagKind::value_out_of_range, location_of_node(*n),
                 {std::string(key), std::to_string(v), std::to_string(lowest) + "–" + std::to_string(highest)});
    return std::nullopt;
  }
  return v;
}

std::optional<bool> TableReader::boolean(std::string_view key) {
  const toml::node* n = get(key, optional);
  if (!n) return std::nullopt;
  if (!n->is_boolean()) {
    wrong_type(key, *n, "true or false", "true 或 false");
    return std::nullopt;
  }
  return n->as_boolean()->get();
}

std::vector<DateAt> TableReader::dates(std::string_view key, Need need) {
  std::vector<DateAt> out;
  const toml::node* n = get(key, need);
  if (!n) return out;
  const toml::array* arr = n->as_array();
  if (!arr) {
    wrong_type(key, *n, "a list of dates ([2024-04-13, 2024-04-14])", "日期列表（如 [2024-04-13, 2024-04-14]）");
    return out;
  }
  for (const toml::node& e : *arr) {
    if (!e.is_date()) {
      wrong_type(key, e, "a date (2024-04-13)", "日期（如 2024-04-13）");
      continue;
    }
    toml::date d = e.as_date()->get();
    if (auto date = Date::from_ymd(d.year, d.month, d.day)) out.push_back({*date, location_of_node(e)});
    else
      sink_.report(DiagKind::value_out_of_range, location_of_node(e),
                   {std::string(key), std::to_string(d.year), "1900–2999"});
  }
  if (arr->empty() && need == required)
    sink_.report(DiagKind::missing_key, location_of_node(*n), {std::string(key), what_.en});
  return out;
}

std::vector<Text> TableReader::texts(std::string_view key, Need need) {
  std::vector<Text> out;
  const toml::node* n = get(key, need);
  if (!n) return out;
  const toml::array* arr = n->as_array();
  if (!arr) {
    wrong_type(key, *n, "a list of texts ([\"…\", \"…\"])", "文字列表（如 [\"…\", \"…\"]）");
    return out;
  }
  for (const toml::node& e : *arr) {
    if (!e.is_string()) {
      wrong_type(key, e, "text in quotes", "带引号的文字");
      continue;
    }
    Text t{e.as_string()->get(), location_of_node(e)};
    if (acceptable_text(key, t)) out.push_back(std::move(t));
  }
  return out;
}

std::vector<const toml::table*> TableReader::tables(std::string_view key, Need need) {
  std::vector<const toml::table*> out;
  const toml::node* n = get(key, need);
  if (!n) return out;
  if (const toml::table* single = n->as_table()) {
    // [phases] written where [[phases]] was meant: say so rather than guess.
    Diagnostic& d = sink_.report_localized(
        DiagKind::wrong_type, location_of_node(*n),
        {std::string(key), "a list of tables ([[" + std::string(key) + "]])", "a table"},
        {std::string(key), "表的数组（[[" + std::string(key) + "]]）", "单个表"});
    set_help(d, "write [[" + std::string(key) + "]] with double brackets, once per entry",
             "使用双方括号 [[" + std::string(key) + "]]，每项写一次");
    (void)single;
    return out;
  }
  const toml::array* arr = n->as_array();
  if (!arr) {
    wrong_type(key, *n, "a list of tables", "表的数组");
    return out;
  }
  for (const toml::node& e : *arr) {
    if (const toml::table* t = e.as_table()) out.push_back(t);
    else wrong_type(key, e, "a table", "表");
  }
  return out;
}

const toml::table* TableReader::table(std::string_view key, Need need) {
  const toml::node* n = get(key, need);
  if (!n) return nullptr;
  if (!n->is_table()) {
    wrong_type(key, *n, "a table", "表");
    return nullptr;
  }
  return n->as_table();
}

std::optional<Source> TableReader::source(std::string_view key) {
  const toml::node* n = get(key, optional);
  if (!n) return std::nullopt;
  if (n->is_string()) {
    Text t{n->as_string()->get(), location_of_node(*n)};
    if (!acceptable_text(key, t)) return std::nullopt;
    Source s;
    s.document = t.value;
    return s;
  }
  if (const toml::table* t = n->as_table()) {
    TableReader r(*t, {"source", "来源"}, sink_);
    Source s;
    if (auto v = r.text("issuer")) s.issuer = v->value;
    if (auto v = r.text("number")) s.number = v->value;
    if (auto v = r.date("date")) s.date = v->date;
    if (auto v = r.text("title")) s.title = v->value;
    if (auto v = r.text("section")) s.section = v->value;
    // The older form: one text naming the document (its number or name).
    if (auto v = r.text("document")) s.document = v->value;
    r.finish();
    if (!s.names_document() && s.section.empty())
      sink_.report_localized(DiagKind::missing_key, location_of_node(*n), {"title", "a source"}, {"title", "来源"});
    return s;
  }
  wrong_type(key, *n, "text or { issuer = \"…\", number = \"…\", date = …, title = \"…\", section = \"…\" }",
             "文字或 { issuer = \"…\", number = \"…\", date = …, title = \"…\", section = \"…\" }");
  return std::nullopt;
}

void cite_within(Source& s, const Source& whole) {
  if (!s.names_document()) {
    std::string section = s.section;
    s = whole;
    if (!section.empty()) s.section = section;
  }
  if (s.document.empty()) s.document = !s.number.empty() ? s.number : !s.title.empty() ? s.title : s.issuer;
}

std::vector<Text> TableReader::text_or_texts(std::string_view key) {
  const toml::node* n = table_.get(key);
  if (n && n->is_string()) {
    auto t = text(key);
    return t ? std::vector<Text>{*t} : std::vector<Text>{};
  }
  return texts(key);
}

std::optional<RuleParam> read_rule_param(std::string_view key, const toml::node& node, DiagnosticSink& sink) {
  std::string k(key);
  RuleParam p;
  p.loc = location_of(node.source());
  if (auto i = node.value_exact<long long>()) p.value = *i;
  else if (auto d = node.value_exact<double>()) p.value = *d;
  else if (auto b = node.value_exact<bool>()) p.value = *b;
  else if (auto s = node.value_exact<std::string>()) p.value = *s;
  else if (const toml::array* a = node.as_array()) {
    std::vector<std::string> items;
    for (const toml::node& e : *a)
      if (auto item = e.value_exact<std::string>()) items.push_back(*item);
      else
        sink.report_localized(DiagKind::wrong_type, location_of(e.source()), {k, "text in quotes", "something else"},
                              {k, "带引号的文字", "其他值"});
    p.value = std::move(items);
  } else {
    sink.report_localized(DiagKind::wrong_type, p.loc, {k, "a number, true/false, text or a list of texts", "a table"},
                          {k, "数字、true/false、文字或文字列表", "表"});
    return std::nullopt;
  }
  return p;
}

std::optional<Text> TableReader::choice(std::string_view key, const std::vector<std::string>& choices,
                                        Need need) {
  auto t = text(key, need);
  if (!t) return std::nullopt;
  if (std::find(choices.begin(), choices.end(), t->value) != choices.end()) return t;
  std::string list;
  for (const auto& c : choices) list += (list.empty() ? "" : ", ") + ("\"" + c + "\"");
  Diagnostic& d = sink_.report_localized(
      DiagKind::invalid_value, t->loc, {std::string(key), "\"" + t->value + "\"", "expected one of " + list},
      {std::string(key), "\"" + t->value + "\"", "可选值为 " + list});
  if (auto near = closest_match(t->value, choices))
    set_help(d, "did you mean \"" + *near + "\"?", "是否想写 \"" + *near + "\"？");
  return std::nullopt;
}

std::optional<int> parse_clock(std::string_view s) {
  auto digits = [](std::string_view d) {
    int v = 0;
    for (char c : d) {
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return d.empty() ? -1 : v;
  };
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || s.size() - colon - 1 != 2) return std::nullopt;
  int h = digits(s.substr(0, colon)), m = digits(s.substr(colon + 1));
  if (h < 0 || h > 23 || m < 0 || m > 59) return std::nullopt;
  return h * 60 + m;
}

std::optional<TimeRange> parse_time_range(std::string_view s) {
  size_t dash = s.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  auto trim = [](std::string_view v) {
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
    return v;
  };
  auto a = parse_clock(trim(s.substr(0, dash))), b = parse_clock(trim(s.substr(dash + 1)));
  if (!a || !b || *a >= *b) return std::nullopt;
  return TimeRange{*a, *b, {}};
}

std::optional<TimeRange> TableReader::time_range(std::string_view key, Need need) {
  auto t = text(key, need);
  if (!t) return std::nullopt;
  auto r = parse_time_range(t->value);
  if (!r) {
    sink_.report(DiagKind::invalid_time, t->loc, {t->value});
    return std::nullopt;
  }
  r->loc = t->loc;
  return r;
}

std::vector<TimeRange> TableReader::time_ranges(std::string_view key) {
  std::vector<TimeRange> out;
  for (const Text& t : texts(key)) {
    if (auto r = parse_time_range(t.value)) {
      r->loc = t.loc;
      out.push_back(*r);
    } else {
      sink_.report(DiagKind::invalid_time, t.loc, {t.value});
    }
  }
  return out;
}

void TableReader::finish() {
  for (auto&& [key, value] : table_) {
    std::string_view k = key.str();
    if (std::find(known_.begin(), known_.end(), k) != known_.end()) continue;
    Location loc = location_of(key.source());
    // The mark of a value `kaowu import` drafted and no person has confirmed yet: allowed in any
    // table, reported at the mark until it is deleted (calendars/README.md, "Imported drafts").
    if (k == kImportedMark) {
      if (!loc.known()) loc = location_of_node(value);
      loc.end_column = loc.column + static_cast<uint32_t>(k.size());
      const toml::node& mark = value;
      sink_.report(DiagKind::imported_unconfirmed, loc, {mark.is_string() ? mark.as_string()->get() : std::string()});
      continue;
    }
    if (!loc.known()) loc = location_of_node(value);
    loc.end_column = loc.column + static_cast<uint32_t>(k.size());
    Diagnostic& d = sink_.report_localized(DiagKind::unknown_key, loc, {std::string(k), what_.en},
                                           {std::string(k), what_.zh});
    if (auto near = closest_match(k, known_)) set_help(d, "did you mean '" + *near + "'?", "是否想写“" + *near + "”？");
  }
}

} // namespace kaowu
