// Reads [[revisions]]: each correction of a published calendar, the document that announced it,
// and what it replaced ([[revisions.phases]], [revisions.exam]) as the earlier revision published
// it. Whether the records name things the calendar has is resolved later (resolve/revision_records).
#include <algorithm>

#include "load/calendar_parts.hpp"
#include "load/reader.hpp"

namespace kaowu {
namespace {

// More corrections than this in one exam year is not a calendar any centre publishes; the bound
// keeps the revision views (one resolution per revision) small.
constexpr long long kMaxRevisions = 50;

std::set<std::string> keys_of(const toml::table& t) {
  std::set<std::string> keys;
  for (auto&& [key, value] : t) keys.emplace(key.str());
  return keys;
}

bool added(const toml::table& t, DiagnosticSink& sink) {
  TableReader r(t, {"a record", "修订记录"}, sink);
  auto v = r.boolean("added");
  return v.value_or(false);
}

ExamRecord read_exam_record(const toml::table& table, DiagnosticSink& sink) {
  TableReader r(table, {"[revisions.exam]", "[revisions.exam]"}, sink);
  ExamRecord rec;
  rec.present = true;
  rec.loc = r.loc();
  rec.keys = keys_of(table);
  rec.was.present = true;
  rec.was.loc = rec.loc;
  if (auto v = r.boolean("added")) rec.added = *v;
  if (auto v = r.text("name")) rec.was.name = v->value;
  if (auto v = r.reason("unconfirmed")) rec.was.unconfirmed = *v;
  rec.was.days = r.dates("days");
  std::sort(rec.was.days.begin(), rec.was.days.end(), [](auto& a, auto& b) { return a.date < b.date; });
  if (auto v = r.reason("assignment_tba")) rec.was.assignment_tba = v->value;
  for (const toml::table* bt : r.tables("batches")) {
    BatchRecord b{read_batch(*bt, sink, true), keys_of(*bt), added(*bt, sink), {}};
    b.loc = b.was.loc;
    rec.batches.push_back(std::move(b));
  }
  std::vector<Session> sessions;
  for (const toml::table* st : r.tables("sessions")) {
    SessionRecord s{read_session(*st, sink, true), keys_of(*st), added(*st, sink), {}};
    s.loc = s.was.loc;
    rec.sessions.push_back(std::move(s));
    sessions.push_back(rec.sessions.back().was);
  }
  derive_session_keys(sessions);
  for (size_t i = 0; i < sessions.size(); ++i) rec.sessions[i].was.key = sessions[i].key;
  r.finish();
  return rec;
}

Revision read_revision(const toml::table& table, DiagnosticSink& sink) {
  TableReader r(table, {"[[revisions]]", "[[revisions]]"}, sink);
  Revision rev;
  rev.loc = r.loc();
  // Revision 1 is the calendar as first published ([calendar] says its document); a record
  // describes a later one.
  if (auto v = r.integer("revision", 2, 1000, TableReader::required)) rev.number = static_cast<int>(*v);
  rev.number_loc = r.loc_of("revision");
  rev.issued = r.date("issued", TableReader::required);
  if (auto v = r.text("issuer")) rev.issuer = v->value;
  if (auto v = r.text("document")) rev.document = v->value;
  if (auto v = r.text("title", TableReader::required)) rev.title = *v;
  if (auto v = r.reason("reason")) rev.reason = v->value;
  if (auto v = r.url("url")) rev.url = v->value;
  for (const toml::table* pt : r.tables("phases")) {
    PhaseRecord p{read_phase(*pt, sink, true), keys_of(*pt), added(*pt, sink), {}};
    p.loc = p.was.loc;
    p.writes_timing = writes_timing(p.keys);
    rev.phases.push_back(std::move(p));
  }
  if (const toml::table* et = r.table("exam")) rev.exam = read_exam_record(*et, sink);
  r.finish();
  return rev;
}

} // namespace

std::vector<Revision> read_revisions(TableReader& top, DiagnosticSink& sink) {
  std::vector<Revision> out;
  std::vector<const toml::table*> tables = top.tables("revisions");
  for (const toml::table* t : tables) {
    if (static_cast<long long>(out.size()) == kMaxRevisions) {
      sink.report(DiagKind::value_out_of_range, location_of(t->source()),
                  {"[[revisions]]", std::to_string(tables.size()), "1–" + std::to_string(kMaxRevisions)});
      break;
    }
    out.push_back(read_revision(*t, sink));
  }
  return out;
}

} // namespace kaowu
