#include "driver/import_command.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "diag/source_map.hpp"
#include "driver/project.hpp"
#include "import/document_text.hpp"
#include "import/draft_toml.hpp"
#include "import/extract.hpp"
#include "load/input_limits.hpp"
#include "import/holidays_notice.hpp"
#include "import/review_page.hpp"
#include "io/source_tree.hpp"
#include "pipeline/compile.hpp"

namespace kaowu {
namespace {
namespace fs = std::filesystem;

bool read_file(const std::string& path, std::string& bytes, std::string& error) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    error = path + ": is a directory";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": " + std::strerror(errno);
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  bytes = ss.str();
  return true;
}

// Writes `text` to a new file beside `target`, then links it in: the target appears whole or
// not at all, and a file that appeared meanwhile is not replaced (`replace` = false).
bool write_atomically(const std::string& target, const std::string& text, bool replace, std::string& error, bool& existed) {
  existed = false;
  fs::path t(target);
  fs::path dir = t.has_parent_path() ? t.parent_path() : fs::path(".");
  std::string tmpl = (dir / ("." + t.filename().string() + ".kaowu-XXXXXX")).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) {
    error = dir.string() + ": " + std::strerror(errno);
    return false;
  }
  const char* p = text.data();
  size_t left = text.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = target + ": " + std::strerror(errno);
      ::close(fd);
      ::unlink(name.data());
      return false;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    error = target + ": " + std::strerror(errno);
    ::unlink(name.data());
    return false;
  }
  ::chmod(name.data(), 0644);
  int rc = replace ? ::rename(name.data(), target.c_str()) : ::link(name.data(), target.c_str());
  int saved = errno;
  if (!replace || rc != 0) ::unlink(name.data());
  if (rc != 0) {
    existed = saved == EEXIST;
    error = target + ": " + std::strerror(saved);
    return false;
  }
  return true;
}

// "heilongjiang-2022-notice.txt" -> "heilongjiang-2022-notice"; a name that is no id -> nothing.
std::string id_from_name(const std::string& path, int year) {
  std::string stem = fs::path(path).stem().string(), id;
  for (char c : stem) {
    char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) id += l;
    else if (!id.empty() && id.back() != '-') id += '-';
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  if (id.size() > 64) id.resize(64);
  if (id.empty() || id[0] < 'a' || id[0] > 'z') return "imported-" + std::to_string(year);
  return id;
}

import::FactTiming timing_of(TimingKind k) {
  switch (k) {
  case TimingKind::window: return import::FactTiming::window;
  case TimingKind::from: return import::FactTiming::from;
  case TimingKind::deadline: return import::FactTiming::deadline;
  case TimingKind::days: return import::FactTiming::days;
  case TimingKind::relative: return import::FactTiming::relative;
  case TimingKind::tba: return import::FactTiming::tba;
  }
  return import::FactTiming::tba;
}

void print(std::ostream& err, const DiagnosticSink& sink, const SourceMap& sources, const ImportRequest& r) {
  print_text(err, sink, sources, r.lang, r.color);
}

int confirm(const ImportRequest& r, std::ostream& err) {
  const bool zh = r.lang == Lang::zh;
  std::string text, error;
  if (!read_file(r.notice, text, error)) {
    err << "kaowu: " << error << '\n';
    return 2;
  }
  int removed = 0;
  std::string confirmed = import::confirm_draft(text, removed);
  if (removed == 0) {
    err << (zh ? "没有待核对的标记：" : "no imported marks in ") << r.notice << (zh ? " 保持原样。\n" : ": left as it is.\n");
    return 0;
  }
  bool existed = false;
  if (!write_atomically(r.notice, confirmed, true, error, existed)) {
    err << "kaowu: " << error << '\n';
    return 2;
  }
  err << (zh ? "已删除 " : "deleted ") << removed << (zh ? " 处 imported 标记：" : " imported marks: ") << r.notice
      << (zh ? " 现视为已由人工核对。\n" : " is now taken as confirmed by a person.\n");
  return 0;
}

// The holidays file drafted from the State Council's notice, or nothing (reported).
std::optional<std::string> holidays_text(const ImportRequest& r, const import::DocumentText& doc, DiagnosticSink& sink) {
  import::HolidayNotice h = import::extract_holidays(doc, sink);
  if (!h.year || h.breaks.empty()) {
    sink.report(DiagKind::import_not_holidays_notice, Location{r.notice, 0, 0, 0});
    return std::nullopt;
  }
  int marks = 0;
  std::string text = import::write_holidays(h, fs::path(r.notice).filename().string(), r.lang, marks);
  return text;
}

// Writes `text` to -o (never over a file) or standard output, after the notice's diagnostics.
int write_output(const ImportRequest& r, const std::optional<std::string>& text, DiagnosticSink& sink, const SourceMap& sources,
                 std::ostream& out, std::ostream& err) {
  print(err, sink, sources, r);
  if (!text) return 1;
  if (r.output.empty()) {
    out << *text;
    return 0;
  }
  bool existed = false;
  std::string error;
  if (!write_atomically(r.output, *text, false, error, existed)) {
    DiagnosticSink io;
    if (existed) io.report(DiagKind::import_file_exists, Location{r.output, 0, 0, 0}, {r.output});
    else io.report(DiagKind::io_error, Location{r.output, 0, 0, 0}, {error});
    print(err, io, sources, r);
    return 2;
  }
  err << (r.lang == Lang::zh ? "已写入 " : "wrote ") << r.output << '\n';
  return 0;
}

} // namespace

CLI::App* add_import_command(CLI::App& app, ImportRequest& r, std::string& lang) {
  CLI::App* cmd = app.add_subcommand("import", "draft a calendar from a notice (text, Markdown, HTML, DOCX, PDF), every date cited to its line");
  cmd->add_option("NOTICE", r.notice, "the notice; with --confirm, the draft to confirm")->required();
  cmd->add_option("-o,--output", r.output, "the draft calendar to write (never replaced; default: standard output)");
  cmd->add_option("--parent", r.parent, "the calendar this one narrows: its equal windows are left inherited");
  cmd->add_option("--level", r.level, "national, region or site (default: from the issuer's name)")
      ->check(CLI::IsMember({"national", "region", "site"}));
  cmd->add_option("--id", r.id, "the draft's calendar id (default: from the notice's file name)");
  cmd->add_option("-s,--source", r.source, "the project that holds --parent (default: the current directory)");
  cmd->add_option("--review", r.review, "also write a review page: the notice with each date it took or left highlighted, beside the draft");
  cmd->add_flag("--holidays", r.holidays,
                "NOTICE is the State Council's holidays notice (…部分节假日安排的通知): write calendars/holidays/YEAR.toml's form");
  cmd->add_flag("--confirm", r.confirm, "delete every imported mark of the draft NOTICE (after a person checked it)");
  cmd->add_option("--lang", lang, "language of messages: zh (default) or en")->check(CLI::IsMember({"zh", "en"}));
  return cmd;
}

int run_import(const ImportRequest& r, std::ostream& out, std::ostream& err) {
  if (r.confirm) return confirm(r, err);
  const bool zh = r.lang == Lang::zh;
  std::string bytes, error;
  if (!read_file(r.notice, bytes, error)) {
    err << "kaowu: " << error << '\n';
    return 2;
  }
  DiagnosticSink sink;
  SourceMap sources;
  for (const std::string* target : {&r.output, &r.review})
    if (!target->empty() && fs::exists(fs::symlink_status(*target))) {
      sink.report(DiagKind::import_file_exists, Location{*target, 0, 0, 0}, {*target});
      print(err, sink, sources, r);
      return 2;
    }
  std::optional<import::DocumentText> doc = import::read_document(r.notice, bytes, sink);
  if (!doc) {
    print(err, sink, sources, r);
    return 1;
  }
  {
    // The printer quotes the notice's lines by number (a DOCX paragraph, a PDF line).
    std::string text;
    int at = 1;
    for (const import::DocumentLine& l : doc->lines) {
      for (; at < l.number; ++at) text += '\n';
      if (at == l.number) {
        text += l.text + '\n';
        ++at;
      }
    }
    sources.add(r.notice, std::move(text));
  }
  // A notice's longest paragraph is a few hundred characters; the extractor looks around each
  // date on its line, so one line of a megabyte (no line breaks at all) would take minutes.
  constexpr size_t kMaxLineChars = 16u << 10;
  for (const import::DocumentLine& l : doc->lines)
    if (size_t n = code_points(l.text); n > kMaxLineChars) {
      sink.report_localized(DiagKind::text_too_long, Location{r.notice, static_cast<uint32_t>(l.number), 1, 0},
                            {"line " + std::to_string(l.number), std::to_string(n), std::to_string(kMaxLineChars)},
                            {"第" + std::to_string(l.number) + "行", std::to_string(n), std::to_string(kMaxLineChars)});
      print(err, sink, sources, r);
      return 1;
    }
  if (r.holidays) return write_output(r, holidays_text(r, *doc, sink), sink, sources, out, err);
  import::Extraction x = import::extract(*doc, sink);
  for (const import::Unused& u : x.unused)
    if (u.dated)
      sink.report_localized(DiagKind::import_unplaced, Location{r.notice, static_cast<uint32_t>(u.cite.line), u.cite.column, 0},
                            {u.cite.quote, u.why_en}, {u.cite.quote, u.why_zh});
  if (x.facts.empty() && x.exam.empty()) {
    sink.report(DiagKind::import_no_dates, Location{r.notice, 0, 0, 0});
    print(err, sink, sources, r);
    return 1;
  }

  import::DraftOptions o;
  o.lang = r.lang;
  o.notice = fs::path(r.notice).filename().string();
  o.id = r.id.empty() ? id_from_name(r.notice, x.header.exam_year) : r.id;
  o.parent = r.parent;
  o.level = r.level;
  if (o.level.empty()) {
    const std::string& who = x.header.issuer.empty() ? x.header.title : x.header.issuer;
    o.level = who.find("考点") != std::string::npos ? "site"
              : r.parent.empty() && (who.find("国家") != std::string::npos || who.find("全国") != std::string::npos) ? "national"
                                                                                                                : "region";
  }
  if (!r.parent.empty()) {
    std::optional<ProjectPaths> project = find_project(r.source, error);
    if (!project) {
      err << "kaowu: " << error << '\n';
      return 2;
    }
    DiskTree calendars(project->calendars);
    CompileInputs inputs;
    inputs.calendars = &calendars;
    auto c = compile(inputs);
    const ResolvedCalendar* parent = c->resolved.find(r.parent);
    if (!parent) {
      sink.report(DiagKind::import_unknown_parent, Location{}, {r.parent, project->calendars});
      print(err, sink, sources, r);
      return 2;
    }
    o.parent_exam_days = parent->exam_days;
    for (const ResolvedPhase& p : parent->phases) {
      if (p.is_exam || p.phase.kinds.empty()) continue;
      import::ParentStep s;
      s.id = p.phase.id.value;
      s.kind = p.phase.kinds.front();
      s.timing = timing_of(p.phase.timing.kind);
      s.start = p.phase.timing.start.date;
      s.end = p.phase.timing.end.date;
      for (const DateAt& d : p.phase.timing.days) s.days.push_back(d.date);
      s.months = p.phase.timing.after.months;
      s.after_days = p.phase.timing.after.days;
      o.parent_steps.push_back(std::move(s));
    }
  }
  import::Draft draft = import::write_draft(x, o);
  print(err, sink, sources, r);
  if (!r.review.empty()) {
    bool existed = false;
    if (!write_atomically(r.review, import::review_page(*doc, x, draft.toml, r.lang), false, error, existed)) {
      DiagnosticSink io;
      if (existed) io.report(DiagKind::import_file_exists, Location{r.review, 0, 0, 0}, {r.review});
      else io.report(DiagKind::io_error, Location{r.review, 0, 0, 0}, {error});
      print(err, io, sources, r);
      return 2;
    }
  }
  if (r.output.empty()) {
    out << draft.toml;
  } else {
    bool existed = false;
    if (!write_atomically(r.output, draft.toml, false, error, existed)) {
      DiagnosticSink io;
      if (existed) io.report(DiagKind::import_file_exists, Location{r.output, 0, 0, 0}, {r.output});
      else io.report(DiagKind::io_error, Location{r.output, 0, 0, 0}, {error});
      print(err, io, sources, r);
      return 2;
    }
  }
  size_t days = 0;
  for (const import::ExamDays& e : x.exam) days += e.days.size();
  size_t left = 0;
  for (const import::Unused& u : x.unused) left += u.dated;
  if (zh)
    err << "草稿：" << x.facts.size() - static_cast<size_t>(draft.inherited) << " 个阶段、" << days << " 个考试日（按方式计）、"
        << x.fees.size() << " 项费用；" << draft.marks << " 处标有 imported 待核对；" << left << " 个日期未写入"
        << (draft.inherited ? "；" + std::to_string(draft.inherited) + " 个阶段沿用上级" : std::string()) << "。"
        << (r.output.empty() ? "" : "已写入 " + r.output) << '\n';
  else
    err << "draft: " << x.facts.size() - static_cast<size_t>(draft.inherited) << " phases, " << days << " exam days (by mode), "
        << x.fees.size() << " fees; " << draft.marks << " imported marks to confirm; " << left << " dates left out"
        << (draft.inherited ? "; " + std::to_string(draft.inherited) + " phases inherited from the parent" : std::string()) << "."
        << (r.output.empty() ? "" : " wrote " + r.output) << '\n';
  return 0;
}

} // namespace kaowu
