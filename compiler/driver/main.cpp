// kaowu: compiles exam calendars (TOML) into the site a centre publishes.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <iostream>

#include <CLI/CLI.hpp>

#include "diag/suggest.hpp"
#include "driver/diff_command.hpp"
#include "driver/explain.hpp"
#include "driver/import_command.hpp"
#include "driver/new_command.hpp"
#include "driver/show_command.hpp"
#include "driver/pipeline.hpp"
#include "driver/project.hpp"
#include "load/domain_limits.hpp"
#include "serve/serve.hpp"

#ifndef KAOWU_VERSION
#define KAOWU_VERSION "0.0.0"
#endif

namespace {
namespace fs = std::filesystem;

// "2024-04-15" -> the date, or nothing: also outside the years kaowu publishes.
std::optional<kaowu::Date> parse_day(const std::string& v) {
  int y = 0;
  unsigned m = 0, d = 0;
  char tail = 0;
  if (v.size() != 10 || std::sscanf(v.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3) return std::nullopt;
  auto day = kaowu::Date::from_ymd(y, m, d);
  if (!day || !kaowu::in_date_range(*day)) return std::nullopt;
  return day;
}

// SOURCE_DATE_EPOCH as reproducible builds define it: decimal seconds since 1970 (UTC). Unset
// or empty: nothing. Anything else that is not a time inside the years kaowu publishes is a
// usage error: a build that silently ignored it would not be reproducible.
struct Epoch {
  std::optional<int64_t> seconds;
  std::string error;
};

Epoch source_date_epoch() {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (epoch == nullptr || *epoch == '\0') return {};
  std::string text = epoch;
  bool digits = text.size() <= 12 && text.find_first_not_of("0123456789") == std::string::npos;
  if (!digits) return {std::nullopt, "SOURCE_DATE_EPOCH=" + text + ": not a number of seconds"};
  int64_t seconds = std::stoll(text);
  // Read in Asia/Shanghai (+08:00), as every date of the calendars.
  auto day = kaowu::Date::from_days(static_cast<int32_t>((seconds + 8 * 3600) / 86400));
  if (!kaowu::in_date_range(day))
    return {std::nullopt, "SOURCE_DATE_EPOCH=" + text + ": " + day.iso() + " is outside " + kaowu::date_range_text()};
  return {seconds, ""};
}

// The day a build marks status for: --today, else SOURCE_DATE_EPOCH (read in Asia/Shanghai),
// else none, so two builds of the same input are byte-identical.
std::optional<kaowu::Date> build_date(const std::string& today, const Epoch& epoch) {
  if (!today.empty()) return parse_day(today);
  if (!epoch.seconds) return std::nullopt;
  return kaowu::Date::from_days(static_cast<int32_t>((*epoch.seconds + 8 * 3600) / 86400));
}
} // namespace

int main(int argc, char** argv) {
  CLI::App app{"kaowu (考务): checks exam calendars and compiles them into a site: notice pages, "
               "iCalendar and JSON feeds, printable timetables."};
  app.set_version_flag("--version", std::string("kaowu ") + KAOWU_VERSION);
  app.require_subcommand(1);

  kaowu::RunOptions options;
  std::string lang = "zh";
  std::string format = "text";
  std::string color = "auto";
  std::string dir, source;
  auto add_common = [&](CLI::App* cmd, bool with_format = true) {
    cmd->add_option("DIR", dir,
                    "the project (a directory with calendars/, notices/, templates/; default: the current "
                    "directory), or its calendars directory");
    cmd->add_option("-s,--source", source, "the project directory (as DIR)");
    cmd->add_option("--lang", lang, "language of messages: zh (default) or en")
        ->check(CLI::IsMember({"zh", "en"}));
    if (with_format)
      cmd->add_option("--format", format, "diagnostics as text (default) or json")
          ->check(CLI::IsMember({"text", "json"}));
    cmd->add_flag("--deny-warnings", options.deny_warnings, "fail (exit 1) on warnings too");
    cmd->add_option("--color", color, "auto, always or never")->check(CLI::IsMember({"auto", "always", "never"}));
  };
  CLI::App* check = app.add_subcommand("check", "check calendars and report every problem");
  add_common(check);
  CLI::App* build = app.add_subcommand("build", "check, then compile the site into the output directory");
  add_common(build);
  build->add_option("-o,--output", options.output_dir, "output directory (default: the project's public/)");
  build->add_option("--base-url", options.bind.base_url, "absolute URL the site is served from");
  bool pretty = false;
  build->add_flag("--pretty", pretty, "indent the JSON files for people (default: minified)");
  build->add_flag("--model", options.render.model, "also write model/<calendar>.json, the resolved model of each calendar");
  CLI::App* notices = app.add_subcommand("notices", "write every notice with its placeholders filled in: Markdown, "
                                                     "or HTML for a WeChat official account or a content system");
  add_common(notices, false);
  notices->add_option("-o,--output", options.output_dir, "output directory (replaced as a whole)")->required();
  // Checked after parsing, so an unknown format is said in the user's language (CLI11 says it in
  // English only).
  std::string notice_format = "markdown";
  notices->add_option("--format", notice_format,
                      "markdown (default), wechat (inline-styled HTML for the WeChat editor) or html (a fragment for a CMS)");
  notices->add_option("--diagnostics", format, "diagnostics as text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  notices->add_option("--base-url", options.bind.base_url,
                      "absolute URL the site is served from: the exported HTML links the calendar page there");
  CLI::App* serve = app.add_subcommand("serve", "build into memory and serve the site on this machine, rebuilding on every save");
  add_common(serve, false);
  kaowu::ServeOptions serve_options;
  serve->add_option("--port", serve_options.port, "port to listen on (default 8080; 0: any free port)")->check(CLI::Range(0, 65535));
  serve->add_option("--bind", serve_options.bind, "address to listen on (default 127.0.0.1, this machine only)");
  serve->add_option("--base-url", options.bind.base_url,
                    "the address pages give for feeds and QR codes (default: the served address, http://BIND:PORT/)");
  std::string notices_dir, templates_dir;
  for (CLI::App* cmd : {check, build, notices, serve}) {
    cmd->add_option("--notices", notices_dir, "notices directory (default: notices/ beside DIR)");
    cmd->add_option("--templates", templates_dir,
                    "templates directory (default: templates/ beside DIR, else the templates kaowu ships with)");
  }
  std::string today;
  for (CLI::App* cmd : {build, serve})
    cmd->add_option("--today", today,
                    "YYYY-MM-DD: mark phases past/open/upcoming as of this day (default: "
                    "SOURCE_DATE_EPOCH if set; otherwise the visitor's browser marks them)")
        ->check([](const std::string& v) {
          return parse_day(v) ? std::string() : std::string("expected a day YYYY-MM-DD from ") + kaowu::date_range_text();
        });
  CLI::App* diff = app.add_subcommand("diff", "what moved between two versions of the calendars, and the [[revisions]] block to record it");
  kaowu::DiffRequest diff_request;
  std::vector<std::string> diff_dirs;
  diff->add_option("DIRS", diff_dirs,
                   "OLD NEW: two calendars directories (or projects); with --since, the project or calendars directory "
                   "(default: the current directory)")
      ->expected(0, 2);
  diff->add_option("--since", diff_request.since, "a git revision: compare the calendars as that commit had them");
  diff->add_option("--format", format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
  diff->add_option("--lang", lang, "language of diagnostics: zh (default) or en")->check(CLI::IsMember({"zh", "en"}));
  diff->add_option("--color", color, "auto, always or never")->check(CLI::IsMember({"auto", "always", "never"}));
  CLI::App* explain = app.add_subcommand("explain", "explain a diagnostic code (KW0203) or slug");
  std::string code;
  explain->add_option("CODE", code, "a code such as KW0004 or a slug such as unknown-key (none: list every code)");
  explain->add_option("--lang", lang, "zh (default) or en")->check(CLI::IsMember({"zh", "en"}));
  kaowu::NewRequest new_request;
  CLI::App* new_command = kaowu::add_new_command(app, new_request, lang);
  kaowu::ImportRequest import_request;
  CLI::App* import_command = kaowu::add_import_command(app, import_request, lang);
  kaowu::ShowRequest show_request;
  CLI::App* show = kaowu::add_show_command(app, show_request, lang);

  // An unknown command is named as such, with the commands there are (CLI11 would only say that
  // an argument was not expected).
  if (argc > 1 && argv[1][0] != '-') {
    std::vector<std::string> commands;
    for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) commands.push_back(sub->get_name());
    if (std::find(commands.begin(), commands.end(), argv[1]) == commands.end()) {
      std::cerr << "kaowu: unknown command '" << argv[1] << "'";
      if (auto near = kaowu::closest_match(argv[1], commands)) std::cerr << "; did you mean '" << *near << "'?";
      std::cerr << "\nthe commands are:";
      for (const std::string& c : commands) std::cerr << ' ' << c;
      std::cerr << "\nkaowu --help says more.\n";
      return 2;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  options.lang = lang == "en" ? kaowu::Lang::en : kaowu::Lang::zh;
  if (*notices) {
    if (notice_format == "markdown") options.notice_format = kaowu::NoticeFormat::markdown;
    else if (notice_format == "wechat") options.notice_format = kaowu::NoticeFormat::wechat;
    else if (notice_format == "html") options.notice_format = kaowu::NoticeFormat::html;
    else {
      if (options.lang == kaowu::Lang::zh)
        std::cerr << "kaowu notices：未知的格式“" << notice_format << "”；可选 markdown（默认）、wechat、html\n";
      else
        std::cerr << "kaowu notices: unknown format '" << notice_format << "'; the formats are markdown (default), wechat, html\n";
      return 2;
    }
  }
  options.json = format == "json";
  options.render.json = pretty ? kaowu::JsonStyle::pretty : kaowu::JsonStyle::minified;
  options.color = color == "always" || (color == "auto" && ::isatty(2) && std::getenv("NO_COLOR") == nullptr);
  if (*check || *build || *notices || *serve) {
    if (!dir.empty() && !source.empty() && dir != source) {
      std::cerr << "kaowu: give the project once, as DIR or as -s DIR, not both\n";
      return 2;
    }
    std::string error;
    std::optional<kaowu::ProjectPaths> project = kaowu::find_project(source.empty() ? dir : source, error);
    if (!project) {
      std::cerr << "kaowu: " << error << '\n';
      return 2;
    }
    options.calendars_dir = project->calendars;
    if (options.output_dir.empty()) options.output_dir = project->output;
    // A directory named on the command line must exist; the project's own may not.
    for (const auto& [given, flag] : {std::pair{&notices_dir, "--notices"}, std::pair{&templates_dir, "--templates"}})
      if (!given->empty() && !fs::is_directory(*given)) {
        std::cerr << "kaowu: " << flag << " " << *given << ": no such directory\n";
        return 2;
      }
    options.notices_dir = notices_dir.empty() ? project->notices : notices_dir;
    if (!fs::is_directory(options.notices_dir)) options.notices_dir.clear();
    // A centre that keeps only its calendars gets the templates kaowu ships with (built in).
    options.templates_dir = templates_dir.empty() ? project->templates : templates_dir;
    if (!fs::is_directory(options.templates_dir)) options.templates_dir.clear();
  }
  Epoch epoch = source_date_epoch();
  if (!epoch.error.empty() && !*explain) {
    std::cerr << "kaowu: " << epoch.error << "\n";
    return 2;
  }
  options.bind.build_date = build_date(today, epoch);
  options.bind.source_date_epoch = epoch.seconds;

  try {
    if (*explain) return kaowu::run_explain(code, options.lang, std::cout, std::cerr);
    if (*import_command) {
      import_request.lang = options.lang;
      import_request.color = options.color;
      return kaowu::run_import(import_request, std::cout, std::cerr);
    }
    if (*new_command) {
      new_request.lang = options.lang;
      new_request.color = options.color;
      return kaowu::run_new(new_request, std::cout, std::cerr);
    }
    if (*show) {
      show_request.lang = options.lang;
      show_request.color = options.color;
      return kaowu::run_show(show_request, std::cout, std::cerr);
    }
    if (*diff) {
      // Each directory may be a project (its calendars/ is compared) or a calendars directory.
      auto calendars_of = [](const std::string& d) -> std::optional<std::string> {
        std::string error;
        auto p = kaowu::find_project(d, error);
        if (!p) std::cerr << "kaowu: " << error << '\n';
        return p ? std::optional<std::string>(p->calendars) : std::nullopt;
      };
      if (diff_request.since.empty() ? diff_dirs.size() != 2 : diff_dirs.size() > 1) {
        std::cerr << "kaowu diff: give two directories (OLD NEW), or --since REV and at most one directory\n";
        return 2;
      }
      if (diff_request.since.empty()) {
        auto old_dir = calendars_of(diff_dirs[0]);
        auto new_dir = calendars_of(diff_dirs[1]);
        if (!old_dir || !new_dir) return 2;
        diff_request.old_dir = *old_dir;
        diff_request.new_dir = *new_dir;
      } else {
        auto new_dir = calendars_of(diff_dirs.empty() ? "" : diff_dirs[0]);
        if (!new_dir) return 2;
        diff_request.new_dir = *new_dir;
      }
      diff_request.json = options.json;
      diff_request.lang = options.lang;
      diff_request.color = options.color;
      return kaowu::run_diff(diff_request, std::cout, std::cerr);
    }
    if (*check) return kaowu::run_check(options, std::cout, std::cerr);
    if (*notices) return kaowu::run_notices(options, std::cout, std::cerr);
    if (*serve) {
      serve_options.run = options;
      serve_options.templates_given = !templates_dir.empty();
      std::string error;
      serve_options.project = *kaowu::find_project(source.empty() ? dir : source, error);
      return kaowu::run_serve(serve_options, std::cout, std::cerr);
    }
    return kaowu::run_build(options, std::cout, std::cerr);
  } catch (const std::exception& e) {
    // Bad input never reaches here (stages report into the sink); this is a bug or exhaustion.
    std::cerr << "kaowu: internal error: " << e.what() << '\n';
    return 3;
  }
}
