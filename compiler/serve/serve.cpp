#include "serve/serve.hpp"

#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <ostream>
#include <sstream>
#include <thread>

#include <httplib.h>

#include "diag/printer.hpp"
#include "io/source_tree.hpp"
#include "pipeline/compile.hpp"
#include "serve/live_site.hpp"
#include "text/html_escape.hpp"
#include "serve/pages.hpp"
#include "serve/render_in_memory.hpp"
#include "serve/watcher.hpp"

namespace kaowu {
namespace fs = std::filesystem;

namespace {

// The site being served, shared by the rebuild loop (one writer) and the HTTP threads (readers,
// and the event streams that wait for the next generation).
class Hub {
public:
  std::shared_ptr<const LiveSite> get() const {
    std::lock_guard lock(mutex_);
    return site_;
  }
  void publish(std::shared_ptr<const LiveSite> site) {
    {
      std::lock_guard lock(mutex_);
      site_ = std::move(site);
    }
    changed_.notify_all();
  }
  // Waits until the generation differs from `seen` (a page from an earlier run of serve has a
  // number this run may not reach), `timeout` passes or serve stops; returns the generation.
  uint64_t wait_past(uint64_t seen, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, timeout, [&] { return stopping_ || (site_ && site_->generation != seen); });
    return site_ ? site_->generation : 0;
  }
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
  }

private:
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::shared_ptr<const LiveSite> site_;
  bool stopping_ = false;
};

// One build into memory: the site, or the diagnostics that stopped it. The terminal gets the
// report as `kaowu check` prints it.
struct Outcome {
  std::shared_ptr<const SiteFiles> site;
  std::string report; // without colour, for the error page
  size_t errors = 0;
};

Outcome build_once(const ServeOptions& o, std::ostream& err) {
  const RunOptions& run = o.run;
  DiskTree calendars(run.calendars_dir);
  std::unique_ptr<DiskTree> notices, templates;
  std::string notices_dir = run.notices_dir.empty() ? o.project.notices : run.notices_dir;
  if (fs::is_directory(notices_dir)) notices = std::make_unique<DiskTree>(notices_dir);
  // The project's templates/ when it has one now (it may have been made since serve started).
  std::string templates_dir = run.templates_dir;
  if (templates_dir.empty() && !o.templates_given && fs::is_directory(o.project.templates)) templates_dir = o.project.templates;
  if (!templates_dir.empty()) templates = std::make_unique<DiskTree>(templates_dir);
  CompileInputs inputs;
  inputs.calendars = &calendars;
  inputs.notices = notices.get();
  inputs.templates = templates.get();
  inputs.bind = run.bind;
  auto c = compile(inputs);
  auto blocked = [&] { return c->sink.has_errors() || (run.deny_warnings && c->sink.warning_count() > 0); };
  Artifacts artifacts;
  if (!blocked()) artifacts = render_in_memory(c->bound, c->sink);
  print_text(err, c->sink, c->sources, run.lang, run.color);
  err << summary_line(c->sink, run.lang) << '\n';
  Outcome out;
  out.errors = c->sink.error_count();
  if (blocked()) {
    std::ostringstream report;
    print_text(report, c->sink, c->sources, run.lang, false);
    report << summary_line(c->sink, run.lang) << '\n';
    out.report = report.str();
    if (out.errors == 0) out.errors = c->sink.warning_count(); // --deny-warnings
    return out;
  }
  auto site = std::make_shared<SiteFiles>();
  for (Artifact& a : artifacts) {
    std::string path = a.path;
    (*site)[path] = std::move(a);
  }
  out.site = std::move(site);
  return out;
}

bool same_files(const SiteFiles& a, const SiteFiles& b) {
  if (a.size() != b.size()) return false;
  for (auto ia = a.begin(), ib = b.begin(); ia != a.end(); ++ia, ++ib)
    if (ia->first != ib->first || ia->second.bytes != ib->second.bytes) return false;
  return true;
}

// The next state from the previous one and a build: a failed build keeps the last good site
// underneath. Nothing new (the same files, the same report) keeps the generation: pages do not
// reload for a save that changed nothing.
std::shared_ptr<const LiveSite> next_state(const std::shared_ptr<const LiveSite>& prev, Outcome outcome) {
  auto next = std::make_shared<LiveSite>();
  next->good = outcome.site ? outcome.site : (prev ? prev->good : nullptr);
  next->failure = std::move(outcome.report);
  next->errors = outcome.errors;
  bool same = prev && prev->failure == next->failure && prev->good && next->good &&
              (prev->good == next->good || same_files(*prev->good, *next->good));
  next->generation = !prev ? 1 : same ? prev->generation : prev->generation + 1;
  if (same) next->good = prev->good;
  return next;
}

// "https://x.gov.cn/kaoshi" -> "/kaoshi"; "" when the site is at the root.
std::string base_path(const std::string& base_url) {
  size_t scheme = base_url.find("://");
  size_t slash = scheme == std::string::npos ? std::string::npos : base_url.find('/', scheme + 3);
  if (slash == std::string::npos) return "";
  std::string path = base_url.substr(slash);
  while (!path.empty() && path.back() == '/') path.pop_back();
  return path;
}

std::string host_for_url(const std::string& bind) {
  if (bind == "0.0.0.0") return "127.0.0.1";
  if (bind == "::") return "[::1]";
  if (bind.find(':') != std::string::npos) return "[" + bind + "]";
  return bind;
}

class SiteServer {
public:
  SiteServer(Hub& hub, std::string prefix, bool zh) : hub_(hub), prefix_(std::move(prefix)), zh_(zh) {
    // Each event stream holds a worker while it waits (at most 15 s at a time); at most
    // kMaxStreams wait at once, so pages always have workers left (see events()).
    server_.new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
    server_.set_keep_alive_timeout(2);
    // Every request goes through one handler: no route patterns (std::regex) over request paths.
    server_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      handle(req, res);
      return httplib::Server::HandlerResponse::Handled;
    });
  }
  httplib::Server& server() { return server_; }

private:
  void handle(const httplib::Request& req, httplib::Response& res) {
    if (req.method != "GET" && req.method != "HEAD") {
      res.status = 405;
      res.set_header("Allow", "GET, HEAD");
      res.set_content("kaowu serve: only GET and HEAD\n", "text/plain; charset=utf-8");
      return;
    }
    const std::string& path = req.path;
    if (path == "/__kaowu/events") return events(req, res);
    auto live = hub_.get();
    static const std::string last_good = "/__kaowu/last-good/";
    if (path.rfind(last_good, 0) == 0) return file(res, live, path.substr(last_good.size()), true, path);
    if (path.rfind(prefix_ + "/", 0) != 0) {
      if (!prefix_.empty() && (path == "/" || path == prefix_)) return redirect(res, prefix_ + "/");
      return not_found(res, live);
    }
    file(res, live, path.substr(prefix_.size() + 1), false, path);
  }

  void file(httplib::Response& res, const std::shared_ptr<const LiveSite>& live, std::string rel, bool last_good,
            const std::string& url_path) {
    if (rel.empty() || rel.back() == '/') rel += "index.html";
    std::string name = rel.substr(rel.rfind('/') == std::string::npos ? 0 : rel.rfind('/') + 1);
    bool html = rel.size() >= 5 && rel.compare(rel.size() - 5, 5, ".html") == 0;
    // While the input has errors, pages show them instead of the site; feeds, data and assets
    // stay the last good ones, as a visitor's phone would still have them.
    if (!last_good && live->failed() && (html || !live->good)) {
      res.status = 500;
      res.set_header("Cache-Control", "no-store");
      res.set_content(error_page(live->failure, live->errors, rel, live->good && live->good->count(rel), live->generation, zh_),
                      "text/html; charset=utf-8");
      return;
    }
    const Artifact* a = nullptr;
    if (live->good && name.rfind(".ht", 0) != 0) // as in production, .htaccess is not served
      if (auto it = live->good->find(rel); it != live->good->end()) a = &it->second;
    if (!a) {
      if (live->good && live->good->count(rel + "/index.html")) return redirect(res, url_path + "/");
      return not_found(res, live);
    }
    res.set_header("Cache-Control", "no-store"); // a dev server: every reload shows the latest build
    if (cross_origin(rel)) res.set_header("Access-Control-Allow-Origin", "*");
    std::string type = served_media_type(rel, a->media_type);
    if (html) res.set_content(with_reload_script(a->bytes, live->generation), type);
    else res.set_content(a->bytes, type);
  }

  void events(const httplib::Request& req, httplib::Response& res) {
    uint64_t seen = 0;
    if (req.has_param("since")) seen = std::strtoull(req.get_param_value("since").c_str(), nullptr, 10);
    res.set_header("Cache-Control", "no-store");
    // A stream's connection ends with it: an idle keep-alive connection would hold a worker too.
    res.set_header("Connection", "close");
    // Past the cap (many tabs, or anyone who can reach a --bind 0.0.0.0 server), a stream is
    // answered at once with a later retry instead of a waiting worker: EventSource reconnects by
    // itself after `retry`, and a save still reloads every tab within a few seconds.
    if (open_streams_.fetch_add(1) >= kMaxStreams) {
      --open_streams_;
      uint64_t now = hub_.get() ? hub_.get()->generation : 0;
      std::string message = now != seen && seen != 0 ? "event: reload\ndata: " + std::to_string(now) + "\n\n"
                                                      : "retry: 3000\n: busy\n\n";
      res.set_content(message, "text/event-stream");
      return;
    }
    res.set_chunked_content_provider(
        "text/event-stream",
        [this, seen](size_t, httplib::DataSink& sink) {
          uint64_t now = hub_.wait_past(seen, std::chrono::seconds(15));
          // A stream ends after one event or 15 s; the browser reconnects with the same `since`.
          std::string message = now != seen ? "event: reload\ndata: " + std::to_string(now) + "\n\n" : "retry: 300\n: idle\n\n";
          sink.write(message.data(), message.size());
          sink.done();
          return true;
        },
        [this](bool) { --open_streams_; });
  }

  void redirect(httplib::Response& res, const std::string& to) {
    res.status = 301;
    res.set_header("Location", to);
  }

  void not_found(httplib::Response& res, const std::shared_ptr<const LiveSite>& live) {
    res.status = 404;
    res.set_header("Cache-Control", "no-store");
    std::string page = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>404</title></head><body><p>";
    page += zh_ ? "没有这个页面。" : "No such page.";
    page += " <a href=\"" + html_escape(prefix_) + "/\">kaowu</a></p></body></html>\n";
    res.set_content(with_reload_script(page, live->generation), "text/html; charset=utf-8");
  }

  static constexpr int kWorkers = 32;
  static constexpr int kMaxStreams = 8;

  Hub& hub_;
  std::string prefix_;
  bool zh_;
  std::atomic<int> open_streams_{0};
  httplib::Server server_;
};

// Polls `fd` for up to `ms` milliseconds; true when it is readable.
bool readable(int fd, int ms) {
  pollfd p{fd, POLLIN, 0};
  return ::poll(&p, 1, ms) > 0 && (p.revents & POLLIN);
}

} // namespace

int run_serve(const ServeOptions& options, std::ostream& out, std::ostream& err) {
  bool zh = options.run.lang == Lang::zh;
  // Ctrl-C and SIGTERM arrive on a descriptor the loop polls, never in a handler, so the server
  // stops cleanly; blocked before any thread starts, so every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  ::signal(SIGPIPE, SIG_IGN); // a browser that closes a connection is not a reason to stop
  int stop_fd = ::signalfd(-1, &signals, SFD_CLOEXEC);
  if (stop_fd < 0) {
    err << "kaowu: serve: signalfd: " << std::strerror(errno) << '\n';
    return 2;
  }

  std::vector<std::string> roots = {options.project.calendars, options.project.notices,
                                    options.run.templates_dir.empty() ? options.project.templates : options.run.templates_dir};
  if (!options.run.notices_dir.empty()) roots[1] = options.run.notices_dir;
  Watcher watcher(roots);
  if (!watcher.ok()) {
    err << "kaowu: serve: inotify: " << watcher.error() << '\n';
    return 2;
  }

  ServeOptions o = options;
  Hub hub;
  std::string prefix = base_path(o.run.bind.base_url);
  SiteServer site(hub, prefix, zh);
  httplib::Server& server = site.server();
  int port = o.port;
  errno = 0;
  if (port == 0) port = server.bind_to_any_port(o.bind);
  else if (!server.bind_to_port(o.bind, port)) port = -1;
  if (port <= 0) {
    err << "kaowu: serve: cannot listen on " << o.bind << ':' << o.port << (errno ? std::string(": ") + std::strerror(errno) : "")
        << '\n';
    return 2;
  }
  // The served address is the base URL: webcal:// links and QR codes point at this server.
  if (o.run.bind.base_url.empty()) o.run.bind.base_url = "http://" + host_for_url(o.bind) + ":" + std::to_string(port) + "/";
  std::string address = o.run.bind.base_url;
  if (address.back() != '/') address += '/';

  hub.publish(next_state(nullptr, build_once(o, err)));
  std::thread listener([&] { server.listen_after_bind(); });
  for (int i = 0; i < 500 && !server.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  out << (zh ? "kaowu serve：" : "kaowu serve: ") << address << (zh ? "（Ctrl-C 停止）" : " (Ctrl-C stops)") << std::endl;

  while (true) {
    pollfd fds[2] = {{stop_fd, POLLIN, 0}, {watcher.fd(), POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[0].revents & POLLIN) break;
    if (!(fds[1].revents & POLLIN) || !watcher.drain()) continue;
    // Debounce: an editor's save is several events (write, rename, chmod); wait for 100 ms of
    // quiet (at most 2 s) and build once.
    auto start = std::chrono::steady_clock::now();
    while (readable(watcher.fd(), 100) && std::chrono::steady_clock::now() - start < std::chrono::seconds(2)) watcher.drain();
    err << (zh ? "kaowu serve：输入有变化，重新生成……\n" : "kaowu serve: input changed, rebuilding…\n");
    auto prev = hub.get();
    auto next = next_state(prev, build_once(o, err));
    if (next->generation != prev->generation)
      err << (next->failed() ? (zh ? "kaowu serve：有错误，浏览器显示错误信息；上次成功的版本见 /__kaowu/last-good/\n"
                                    : "kaowu serve: errors; the browser shows them, the last good site is at /__kaowu/last-good/\n")
                             : (zh ? "kaowu serve：已更新，页面将自动刷新\n" : "kaowu serve: updated; open pages reload\n"));
    hub.publish(std::move(next));
  }
  hub.stop();
  server.stop();
  listener.join();
  ::close(stop_fd);
  out << (zh ? "kaowu serve：已停止" : "kaowu serve: stopped") << std::endl;
  return 0;
}

} // namespace kaowu
