#include "import/draft_toml.hpp"

#include <algorithm>
#include <map>

#include "text/toml_string.hpp"

namespace kaowu::import {
namespace {

class Writer {
public:
  Writer(const DraftOptions& o) : o_(o), zh_(o.lang == Lang::zh) {}

  std::string where(const Citation& c) const { return zh_ ? "通知第" + std::to_string(c.line) + "行" : "notice line " + std::to_string(c.line); }

  // A value and the line of the notice it comes from.
  void value(const std::string& key, const std::string& v, const Citation* c = nullptr) {
    std::string line = key + " = " + v;
    if (c) {
      if (line.size() < 28) line.resize(28, ' ');
      line += " # " + std::to_string(c->line) + (zh_ ? "行 " : ": ") + comment_text(c->text);
    }
    out_ += line + "\n";
  }
  void text(const std::string& key, const std::string& v, const Citation* c = nullptr) { value(key, toml_string(v), c); }
  void mark(const Citation& c) {
    out_ += "imported = " + toml_string(where(c)) + "\n";
    ++marks_;
  }
  void raw(const std::string& s) { out_ += s; }
  void comment(const std::string& s) { out_ += "# " + comment_text(s) + "\n"; }

  static std::string comment_text(std::string s) {
    std::replace(s.begin(), s.end(), '\n', ' ');
    std::replace(s.begin(), s.end(), '\r', ' ');
    return "“" + s + "”";
  }

  std::string take() { return std::move(out_); }
  int marks() const { return marks_; }
  bool zh() const { return zh_; }

private:
  const DraftOptions& o_;
  bool zh_;
  std::string out_;
  int marks_ = 0;
};

std::string iso_list(const std::vector<Date>& days) {
  std::string s = "[";
  for (size_t i = 0; i < days.size(); ++i) s += (i ? ", " : "") + days[i].iso();
  return s + "]";
}

std::string form_of(const std::string& kind) {
  if (kind == "confirmation" || kind == "military-data" || kind == "receipts" || kind == "paper-collection" ||
      kind == "military-admission-card")
    return "in-person";
  if (kind == "registration" || kind == "payment" || kind == "admission-card" || kind == "results") return "online";
  return "";
}

bool same_as_parent(const Fact& f, const ParentStep& p) {
  if (p.kind != f.kind || p.timing != f.timing) return false;
  switch (f.timing) {
  case FactTiming::window: return p.start == f.start && p.end == f.end;
  case FactTiming::from: return p.start == f.start;
  case FactTiming::deadline: return p.end == f.end;
  case FactTiming::days: return p.days == f.days;
  case FactTiming::relative: return p.months == f.months && p.after_days == f.after_days;
  default: return false;
  }
}

// CBT days in runs of consecutive days (one weekend each), as the notices hold their batches.
std::vector<std::vector<Date>> runs(const std::vector<Date>& days) {
  std::vector<std::vector<Date>> out;
  for (Date d : days) {
    if (out.empty() || days_between(out.back().back(), d) > 1) out.emplace_back();
    out.back().push_back(d);
  }
  return out;
}

} // namespace

Draft write_draft(const Extraction& x, const DraftOptions& o) {
  Writer w(o);
  const bool zh = w.zh();
  const NoticeHeader& h = x.header;
  std::vector<const Fact*> facts;
  Draft draft;
  for (const Fact& f : x.facts) {
    auto parent = std::find_if(o.parent_steps.begin(), o.parent_steps.end(), [&](const ParentStep& p) { return same_as_parent(f, p); });
    if (parent != o.parent_steps.end() && f.slots.empty()) {
      ++draft.inherited;
      continue;
    }
    facts.push_back(&f);
  }
  std::vector<Date> exam_days;
  for (const ExamDays& e : x.exam) exam_days.insert(exam_days.end(), e.days.begin(), e.days.end());
  std::sort(exam_days.begin(), exam_days.end());
  exam_days.erase(std::unique(exam_days.begin(), exam_days.end()), exam_days.end());
  bool exam_inherited = !exam_days.empty() && exam_days == o.parent_exam_days;
  if (exam_inherited) ++draft.inherited;
  if (zh) {
    w.raw("# 由 kaowu import 据通知《" + o.notice + "》起草的日历草稿。每个值后的注释引自通知原文，并注明行号。\n"
          "# 标有 imported 的表尚未经人工核对：kaowu check 列出其位置，kaowu build 不会发布。\n"
          "# 对照通知逐项核对后删除该项的 imported 行；全部核对完毕也可运行 kaowu import --confirm 本文件。\n");
    if (draft.inherited) w.raw("# 与上级日历 " + o.parent + " 相同的 " + std::to_string(draft.inherited) + " 个阶段未写入，沿用上级。\n");
  } else {
    w.raw("# A draft calendar written by kaowu import from the notice " + o.notice + ". The comment after each value quotes\n"
          "# the notice's line, with its number. Tables marked imported are not yet confirmed: kaowu check lists them\n"
          "# and kaowu build publishes nothing. Check each against the notice and delete its imported line, or run\n"
          "# kaowu import --confirm on this file once all are checked.\n");
    if (draft.inherited) w.raw("# " + std::to_string(draft.inherited) + " phases equal to parent " + o.parent + "'s are left out: they are inherited.\n");
  }
  w.raw("\n[calendar]\n");
  w.text("id", o.id);
  w.text("level", o.level);
  std::string title = h.title.empty() ? (zh ? "【日历标题】" : "[calendar title]") : h.title;
  w.text("title", title, h.title.empty() ? nullptr : &h.title_cite);
  w.text("issuer", h.issuer.empty() ? (zh ? "【发文机关】" : "[issuer]") : h.issuer);
  if (!h.number.empty()) w.text("document", h.number, &h.number_cite);
  if (h.issued) w.value("issued", h.issued->iso(), &h.issued_cite);
  w.value("exam_year", std::to_string(h.exam_year));
  w.text("track", h.track);
  if (!o.parent.empty()) w.text("parent", o.parent);
  Citation top = h.title.empty() ? Citation{1, 1, "", ""} : h.title_cite;
  w.mark(top);
  w.raw("\n[calendar.source]\n");
  if (!h.issuer.empty()) w.text("issuer", h.issuer);
  if (!h.number.empty()) w.text("number", h.number);
  if (h.issued) w.value("date", h.issued->iso());
  w.text("title", h.title.empty() ? (zh ? "【原文无标题，请据内容拟写】" : "[no title as published: describe the notice]") : h.title);

  std::map<std::string, int> used_ids;
  for (const Fact* f : facts) {
    std::string id = f->kind;
    if (f->kind == "other") id = "other-" + std::to_string(++used_ids["other"]);
    else if (used_ids[f->kind]++) id = f->kind + "-" + std::to_string(used_ids[f->kind]);
    w.raw("\n[[phases]]\n");
    w.text("id", id);
    if (id != f->kind || !f->also.empty()) {
      if (f->also.empty()) w.text("kind", f->kind);
      else {
        std::string kinds = "[" + toml_string(f->kind);
        for (const std::string& k : f->also) kinds += ", " + toml_string(k);
        w.value("kind", kinds + "]");
      }
    }
    w.text("name", f->name, f->name_cite.line != f->cite.line ? &f->name_cite : nullptr);
    w.text("audience", f->audience);
    if (std::string form = form_of(f->kind); !form.empty()) w.text("form", form);
    const Citation* c = &f->cite;
    switch (f->timing) {
    case FactTiming::window:
      w.value("start", f->start.iso(), c);
      w.value("end", f->end.iso());
      break;
    case FactTiming::from:
      w.value("start", f->start.iso(), c);
      w.text("end_tba", zh ? "通知未写截止日期" : "the notice gives no closing date");
      break;
    case FactTiming::deadline: w.value("deadline", f->end.iso(), c); break;
    case FactTiming::days: w.value("days", iso_list(f->days), c); break;
    case FactTiming::relative: {
      std::string after = "{ phase = \"exam\"";
      if (f->months) after += ", months = " + std::to_string(f->months);
      if (f->after_days) after += ", days = " + std::to_string(f->after_days);
      w.value("after", after + " }", c);
      w.value("approximate", "true");
      w.text("text", f->text);
      break;
    }
    case FactTiming::tba: w.text("tba", f->text, c); break;
    }
    if (f->closed_on_holidays) w.value("closed_on_holidays", "true");
    if (!f->hours.empty()) {
      std::string hours = "[";
      for (size_t i = 0; i < f->hours.size(); ++i) hours += (i ? ", " : "") + toml_string(f->hours[i]);
      w.value("hours", hours + "]");
    }
    w.raw("source = { section = " + toml_string(w.where(f->cite)) + " }\n");
    w.mark(f->cite);
    for (const Slot& s : f->slots) {
      w.raw("\n[[phases.slots]]\n");
      w.value("date", s.date.iso(), &s.cite);
      w.text("who", s.who);
      w.mark(s.cite);
    }
  }

  if (!exam_inherited && (!x.exam.empty() || !x.assignment_tba.empty())) {
    w.raw("\n[exam]\n");
    w.text("name", zh ? "考试实施" : "exam");
    bool modes = std::all_of(x.exam.begin(), x.exam.end(), [](const ExamDays& e) { return !e.mode.empty(); }) && !x.exam.empty();
    if (!modes) {
      std::vector<Date> all;
      const Citation* first = nullptr;
      for (const ExamDays& e : x.exam) {
        all.insert(all.end(), e.days.begin(), e.days.end());
        if (!first) first = &e.cites.front();
      }
      std::sort(all.begin(), all.end());
      all.erase(std::unique(all.begin(), all.end()), all.end());
      if (!all.empty()) w.value("days", iso_list(all), first);
    }
    if (!x.assignment_tba.empty()) w.text("assignment_tba", x.assignment_tba, &x.assignment_cite);
    Citation exam_cite = !x.exam.empty() ? x.exam.front().cites.front() : x.assignment_cite;
    w.raw("source = { section = " + toml_string(w.where(exam_cite)) + " }\n");
    w.mark(exam_cite);
    if (modes) {
      for (const ExamDays& e : x.exam) {
        std::vector<std::vector<Date>> batches = e.mode == "cbt" ? runs(e.days) : std::vector<std::vector<Date>>{e.days};
        if (std::any_of(batches.begin(), batches.end(), [](auto& b) { return b.size() > 7; })) batches = {e.days};
        for (size_t i = 0; i < batches.size(); ++i) {
          std::string id = e.mode + (batches.size() > 1 ? "-" + std::to_string(i + 1) : "");
          w.raw("\n[[exam.batches]]\n");
          w.text("id", id);
          w.text("mode", e.mode);
          std::string name = e.mode == "cbt" ? "人机对话" : "纸笔作答";
          if (batches.size() > 1) name += "第" + std::to_string(i + 1) + "批次";
          w.text("name", name);
          w.value("days", iso_list(batches[i]), &e.cites.front());
          w.mark(e.cites.front());
        }
      }
    }
  }

  for (const FeeFact& fee : x.fees) {
    w.raw("\n[[fees]]\n");
    w.text("kind", fee.kind);
    w.value("amount", std::to_string(fee.amount), &fee.cite);
    w.text("unit", fee.unit);
    if (!fee.mode.empty()) w.text("mode", fee.mode);
    w.raw("source = { section = " + toml_string(w.where(fee.cite)) + " }\n");
    w.mark(fee.cite);
  }

  bool any = std::any_of(x.unused.begin(), x.unused.end(), [](const Unused& u) { return u.dated; });
  if (any) {
    w.raw(zh ? "\n# ── 通知中未写入草稿的日期：请逐条判断是否属于日程 ──\n"
             : "\n# ── Dates of the notice not in the draft: judge each one ──\n");
    for (const Unused& u : x.unused)
      if (u.dated)
        w.raw("# " + std::to_string(u.cite.line) + (zh ? "行 " : ": ") + Writer::comment_text(u.cite.quote) +
              (u.days.empty() ? std::string() : " (" + iso_list(u.days) + ")") + (zh ? "：" : ": ") + (zh ? u.why_zh : u.why_en) + "\n");
  }
  draft.marks = w.marks();
  draft.toml = w.take();
  return draft;
}

std::string confirm_draft(const std::string& text, int& removed) {
  std::string out;
  out.reserve(text.size());
  removed = 0;
  size_t at = 0;
  while (at < text.size()) {
    size_t nl = text.find('\n', at);
    size_t end = nl == std::string::npos ? text.size() : nl + 1;
    std::string_view line(text.data() + at, end - at);
    size_t k = line.find_first_not_of(" \t");
    bool mark = k != std::string_view::npos && line.substr(k).rfind("imported", 0) == 0 &&
                line.substr(k + 8).find_first_not_of(" \t") != std::string_view::npos &&
                line[line.find_first_not_of(" \t", k + 8)] == '=';
    if (mark) ++removed;
    else out.append(line);
    at = end;
  }
  return out;
}

} // namespace kaowu::import
