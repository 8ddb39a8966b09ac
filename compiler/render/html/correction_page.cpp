#include "model/history.hpp"
#include "render/html/pages.hpp"
#include "render/html/revision_views.hpp"
#include "render/html/views.hpp"
#include "text/zh_format.hpp"

namespace kaowu {
namespace {

// "已取消" for what the revision dropped, "待定（…）" for what it left open.
std::string now_text(const PhaseChange& c) {
  if (c.kind == ChangeKind::cancelled) return "已取消";
  return c.now_zh;
}

std::string row_name(const PhaseChange& c) {
  switch (c.what) {
  case PhaseChange::What::phase: return c.name;
  case PhaseChange::What::batch: return "考试批次：" + c.name;
  case PhaseChange::What::session: return "考试场次：" + c.name;
  }
  return c.name;
}

TemplateData change_groups(const std::vector<PhaseChange>& changes) {
  TemplateData groups(TemplateData::type::list);
  const std::pair<Audience, const char*> audiences[] = {
      {Audience::candidate, "candidate"}, {Audience::staff, "staff"}, {Audience::military, "military"}};
  for (const auto& [audience, id] : audiences) {
    TemplateData rows(TemplateData::type::list);
    for (const PhaseChange& c : changes) {
      if (c.audience != audience) continue;
      TemplateData r;
      r.set("name", row_name(c));
      r.set("was", c.was_zh.empty() ? std::string("（原无此项）") : c.was_zh);
      r.set("now", now_text(c));
      r.set("kind", to_string(c.kind));
      rows.push_back(r);
    }
    if (rows.is_empty_list()) continue;
    TemplateData g;
    g.set("id", id);
    g.set("audience", std::string(audience == Audience::candidate ? "考生" : audience == Audience::staff ? "考务人员" : "军队单位") +
                          "日程的调整");
    g.set("rows", rows);
    groups.push_back(g);
  }
  return groups;
}

} // namespace

std::string correction_title(const Calendar& c, int number) {
  return "更正公告：" + c.title + "（第" + std::to_string(number) + "版）";
}

// 更正公告: one page per revision a calendar records, listing every change with what it was
// (原定) and what it is now (调整为), under the document that announced it.
void render_correction_pages(SiteContext& ctx, const ResolvedCalendar& cal, Artifacts& out) {
  const CalendarHistory* h = cal.history.get();
  if (!h) return;
  const Calendar& c = *cal.calendar;
  for (size_t i = 0; i < h->revisions.size(); ++i) {
    const ChainRevision& r = h->revisions[i];
    if (r.calendar != cal.calendar) continue; // a revision above: its own calendar's page says it
    const Revision& rev = *r.record;
    std::string path = SiteLayout::correction_page(c.id.value, rev.number);
    std::string root = SiteLayout::root_of(path);
    std::string title = correction_title(c, rev.number);
    TemplateData d = page_base(ctx, path, title, c.issuer + "：" + rev.title.value);
    d.set("calendar", calendar_header(cal, root));
    TemplateData v;
    v.set("title", title);
    v.set("issuer", rev.issuer.empty() ? c.issuer : rev.issuer);
    if (!rev.document.empty()) v.set("document", rev.document);
    if (rev.issued) {
      v.set("date", zh_date(rev.issued->date));
      v.set("date_iso", rev.issued->date.iso());
    }
    v.set("doc_title", rev.title.value);
    if (!rev.reason.empty()) v.set("reason", rev.reason);
    if (!rev.url.empty()) v.set("url", rev.url);
    v.set("number", std::to_string(h->number(i + 1)));
    TemplateData groups = change_groups(h->changes[i]);
    if (groups.is_empty_list()) v.set("no_changes", true);
    else v.set("groups", groups);
    d.set("correction", v);
    if (i + 1 < h->revisions.size()) d.set("revised", revision_banner(cal, path));
    ctx.add_page(out, path, "correction-page.mustache", d);
  }
}

} // namespace kaowu
