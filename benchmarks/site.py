"""How fast the site builds and how heavy its pages are.

    python benchmarks/site.py

Prints:

- the clean strict build time (``mkdocs build --strict`` of a fresh copy, empty caches: the
  figures are drawn and the labs executed);
- the rebuild time under ``mkdocs serve`` after a one-line prose edit: from saving the file to the
  served page containing the new line;
- for every page, its HTML size and what a first visit (empty browser cache) downloads: the raw
  bytes, and the bytes after gzip, which is what a server that compresses, such as GitHub Pages,
  sends.

Targets on a 2-core machine: clean build <= 15 s, prose edit visible <= 3 s, a page without a
diagram <= 700 KB on first visit.
"""

import gzip
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def copy_project(dest):
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(".git", ".cache", "site", "__pycache__", ".venv"))
    return dest


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode()
    except OSError:
        return None


def clean_build(project, site_dir):
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_dir)],
                   cwd=project, env=ENV, check=True)
    return time.perf_counter() - start


def serve_rebuild(project, page="docs/calculus/derivatives.md", served="calculus/derivatives/"):
    """Seconds from a one-line edit of ``page`` to ``mkdocs serve`` serving it."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        # Live reload on: without it, mkdocs serve does not watch the files at all.
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, env={**ENV, "SITE_URL": url}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.time() + 120
        while fetch(url + served) is None:
            if time.time() > deadline:
                raise TimeoutError("mkdocs serve did not start")
            time.sleep(0.2)
        time.sleep(2)  # let the file watcher settle
        times = []
        for i in range(3):
            marker = f"Benchmark edit number {i} {time.time()}"
            path = project / page
            path.write_text(path.read_text() + f"\n{marker}\n")
            start = time.perf_counter()
            while marker not in (fetch(url + served) or ""):
                if time.perf_counter() - start > 60:
                    raise TimeoutError("the edit never appeared")
                time.sleep(0.05)
            times.append(time.perf_counter() - start)
            time.sleep(1)
        return times
    finally:
        server.terminate()
        server.wait()


def page_weights(site_dir):
    """(page, html bytes, first-visit raw bytes, first-visit gzip bytes, has diagram) per page."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                                    args=CHROMIUM_ARGS)
        for html in sorted(site_dir.rglob("index.html")):
            rel = html.parent.relative_to(site_dir).as_posix()
            rel = "" if rel == "." else rel + "/"
            context = browser.new_context()  # an empty cache: a first visit
            page = context.new_page()
            bodies = []
            page.on("requestfinished", lambda r: bodies.append(r.response().body() if r.response() else b""))
            page.goto(url + rel, wait_until="networkidle")
            page.wait_for_timeout(500)
            raw = sum(len(b) for b in bodies)
            zipped = sum(len(gzip.compress(b, 6)) for b in bodies)
            rows.append((rel or "(home)", html.stat().st_size, raw, zipped, 'class="mermaid"' in html.read_text()))
            context.close()
        browser.close()
    server.shutdown()
    return rows


def main():
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        project = copy_project(tmp / "project")
        site_dir = tmp / "site"
        seconds = clean_build(project, site_dir)
        print(f"clean strict build (empty caches):          {seconds:5.1f} s   target <= 15 s")
        seconds = clean_build(project, tmp / "site2")
        print(f"strict build again (figure and lab caches): {seconds:5.1f} s")
        rebuilds = serve_rebuild(project)
        print(f"mkdocs serve, one-line edit visible after:  {', '.join(f'{t:.1f}' for t in rebuilds)} s   target <= 3 s")
        print()
        print(f"{'page':38} {'HTML KB':>8} {'first visit KB':>15} {'gzip KB':>8}  diagram")
        for rel, html, raw, zipped, diagram in page_weights(site_dir):
            print(f"{rel:38} {html / 1000:8.0f} {raw / 1000:15.0f} {zipped / 1000:8.0f}  {'yes' if diagram else 'no'}")
        print("target: a page without a diagram <= 700 KB on first visit")


if __name__ == "__main__":
    main()
