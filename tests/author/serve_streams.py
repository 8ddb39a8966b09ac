"""`kaowu serve` stays up whatever the number of open live-reload streams (issue 20): with many
more streams open than the server has workers (one browser with many tabs, or anyone who can
reach a --bind 0.0.0.0 server), pages are still served, every stream gets an answer (a waiting
one, or at once a `retry:` to come back later), and a save still reaches the tabs. Timeouts are
generous: nothing here measures speed."""
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

KAOWU = os.environ["KAOWU"]
STREAMS = 120  # the server has 32 workers


def fail(msg, err_file=None):
    print("FAIL: " + msg)
    if err_file and os.path.exists(err_file):
        print(open(err_file, encoding="utf-8", errors="replace").read()[-3000:])
    sys.exit(1)


def open_stream(host, port, since):
    s = socket.create_connection((host, port), timeout=30)
    s.sendall(("GET /__kaowu/events?since=%d HTTP/1.1\r\nHost: %s\r\nAccept: text/event-stream\r\n\r\n"
               % (since, host)).encode())
    return s


def main():
    work = tempfile.mkdtemp(prefix="kaowu-streams-")
    project = os.path.join(work, "centre")
    subprocess.run([KAOWU, "new", "project", project], check=True, stdout=subprocess.DEVNULL)
    out_file, err_file = os.path.join(work, "serve.out"), os.path.join(work, "serve.err")
    with open(out_file, "w") as out, open(err_file, "w") as err:
        server = subprocess.Popen([KAOWU, "serve", "--port", "0", "--lang", "en"], cwd=project, stdout=out, stderr=err)
    streams = []
    try:
        url = None
        for _ in range(600):
            text = open(out_file).read()
            if "http://127.0.0.1:" in text:
                url = text[text.index("http://127.0.0.1:"):].split()[0]
                break
            time.sleep(0.1)
        if not url:
            fail("serve printed no address", err_file)
        port = int(url.split(":")[2].strip("/"))
        page = urllib.request.urlopen(url + "index.html", timeout=30).read().decode()
        since = int(page.split("since=")[1].split('"')[0])
        streams = [open_stream("127.0.0.1", port, since) for _ in range(STREAMS)]
        time.sleep(1)
        # Pages are served while every stream is open.
        for path in ("index.html", "feeds/", "index.json"):
            try:
                r = urllib.request.urlopen(url + path, timeout=10)
                if r.status != 200:
                    fail("%s: status %d with %d streams open" % (path, r.status, STREAMS), err_file)
            except Exception as e:  # noqa: BLE001 - any failure to get the page is the bug
                if path.endswith("/") and "404" in str(e):
                    continue
                fail("%s not served with %d streams open: %s" % (path, STREAMS, e), err_file)
        # Streams past the cap were answered at once with a retry.
        answered = 0
        for s in streams:
            s.settimeout(0.5)
            try:
                data = s.recv(4096)
            except socket.timeout:
                continue
            if b"retry:" in data or b"event: reload" in data:
                answered += 1
        if answered < STREAMS - 16:
            fail("only %d of %d streams past the cap were answered at once" % (answered, STREAMS), err_file)
        # A save still reaches a tab: a new stream from the same generation gets the reload.
        calendar = os.path.join(project, "calendars", "national")
        newest = sorted(os.listdir(calendar))[-1]
        with open(os.path.join(calendar, newest), "a", encoding="utf-8") as f:
            f.write("\n# touched by the test\n")
        # A comment changes no output: nothing reloads. Change a title instead.
        path = os.path.join(calendar, newest)
        text = open(path, encoding="utf-8").read()
        open(path, "w", encoding="utf-8").write(text.replace('title = "', 'title = "（测试）', 1))
        deadline = time.time() + 60
        reloaded = False
        while time.time() < deadline and not reloaded:
            s = open_stream("127.0.0.1", port, since)
            s.settimeout(20)
            try:
                data = s.recv(4096)
                reloaded = b"event: reload" in data
            except socket.timeout:
                pass
            s.close()
            if not reloaded:
                time.sleep(1)
        if not reloaded:
            fail("a save did not reach a new stream within 60 s while %d streams were open" % STREAMS, err_file)
        print("author.serve_streams: %d streams, pages served, %d answered at once, reload delivered" % (STREAMS, answered))
    finally:
        for s in streams:
            s.close()
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
