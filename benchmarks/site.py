"""How fast the site builds and how heavy its pages are.

    python -m benchmarks.site              # everything (about 3 minutes on 2 cores)
    python -m benchmarks.site --no-pages   # without the browser (page weights)
    python -m benchmarks.site --full-book  # padded to the whole book's 45 pages and 75 figures

Works on a copy of the project, and prints:

- the clean strict build (``mkdocs build --strict`` with empty caches: every figure drawn, the
  labs executed), then the same build again with the caches; wall-clock seconds and the CPU
  seconds of the build and all its workers (on a busy machine the wall clock grows, the CPU
  seconds much less);
- from saving a one-line prose edit to the page served with it, under ``mkdocs serve --dirty``
  (the README's command) and, for comparison, under plain ``mkdocs serve`` (every rebuild a full
  build);
- the cost of every figure: drawing it and writing its SVG, in one warm process with a
  single-threaded BLAS, as the build's workers do, and its size (raw and gzip);
- for every page, its HTML size and what a first visit (empty browser cache) downloads: the raw
  bytes, and the bytes after gzip, which is what a server that compresses, such as GitHub Pages,
  sends.

With ``--full-book`` the copy is first padded with copies of chapters and of figure functions
up to the size of the finished book, so that the builds do the work the whole book will ask.

Targets on a 2-core machine: clean build <= 15 s for 17 pages and 16 figures, <= 30 s for 45
pages and 75 figures; a prose edit served <= 3 s at any size; a page without a diagram <= 700 KB
on first visit.
"""

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import urllib.request
import pathlib
import re

from tools.sitekit import ENV, copy_project, free_port, launch_chromium, serve

PAGE = "docs/calculus/derivatives.md"  # the page the prose edit goes to, and where it is served
SERVED = "calculus/derivatives/"


def timed(command, cwd, env=ENV):
    """(wall seconds, CPU seconds of the command and its children) of running ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def build(project, site_dir):
    return timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_dir)], project)


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode()
    except OSError:
        return None


def serve_edits(project, *options, edits=3):
    """Seconds from a one-line edit of PAGE to ``mkdocs serve`` serving it, for each edit."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log = tempfile.TemporaryFile("w+")
    server = subprocess.Popen(
        # Live reload on: without it, mkdocs serve does not watch the files at all.
        [sys.executable, "-m", "mkdocs", "serve", *options, "-a", f"127.0.0.1:{port}"],
        cwd=project, env={**ENV, "SITE_URL": url}, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.time() + 300
        while fetch(url + SERVED) is None:
            if time.time() > deadline or server.poll() is not None:
                log.seek(0)
                raise RuntimeError(f"mkdocs serve did not start:\n{log.read()[-3000:]}")
            time.sleep(0.2)
        time.sleep(2)  # let the file watcher settle
        times = []
        for i in range(edits):
            marker = f"Benchmark edit number {i} {time.time()}"
            path = project / PAGE
            path.write_text(path.read_text() + f"\n{marker}\n")
            start = time.perf_counter()
            while marker not in (fetch(url + SERVED) or ""):
                if time.perf_counter() - start > 120:
                    raise TimeoutError("the edit never appeared")
                time.sleep(0.05)
            times.append(time.perf_counter() - start)
            time.sleep(1.5)
        return times
    finally:
        server.terminate()
        server.wait()
        log.close()


# Run in the project's folder, in a fresh interpreter with a single-threaded BLAS (as the build's
# figure workers): prints one JSON line per figure.
FIGURE_COSTS = """
import gzip, io, json, time
import matplotlib
from snippets._core.figures import all_figures
from snippets._core.style import RC, svg_bytes
figures = all_figures()
with matplotlib.rc_context(RC):  # warm up: fonts and mathtext, loaded once per worker
    svg_bytes(next(iter(figures.values()))())
for name, draw in figures.items():
    with matplotlib.rc_context(RC):
        start = time.process_time()
        fig = draw()
        drawn = time.process_time()
        svg = svg_bytes(fig)
        saved = time.process_time()
    print(json.dumps([name, drawn - start, saved - drawn, len(svg), len(gzip.compress(svg, 6))]))
"""


def figure_costs(project):
    env = {**ENV, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    run = subprocess.run([sys.executable, "-c", FIGURE_COSTS], cwd=project, env=env,
                         capture_output=True, text=True, check=True)
    return [json.loads(line) for line in run.stdout.splitlines()]


FULL_BOOK = {"pages": 45, "figures": 75}


def pad_to_full_book(project):
    """Pad the copy ``project`` to ``FULL_BOOK``: copies of the first chapters of the nav (each
    added to the nav after its original) and copies of figure functions, spread over all
    figures so that they cost what an average figure costs. Returns (pages, figures) added."""
    from snippets._core.figures import all_figures

    docs, config = project / "docs", project / "mkdocs.yml"
    nav = config.read_text()
    chapters = re.findall(r"^( +- )([^:\n]+): ((\w+)/(\w+)\.md)$", nav, re.M)
    extra_pages = max(0, FULL_BOOK["pages"] - len(list(docs.rglob("*.md"))))
    for indent, title, path, part, chapter in chapters[:extra_pages]:
        copy = f"{part}/{chapter}_copy.md"
        (docs / copy).write_text((docs / path).read_text())
        nav = nav.replace(f"{indent}{title}: {path}\n", f"{indent}{title}: {path}\n{indent}{title} (copy): {copy}\n", 1)
    config.write_text(nav)
    figures = sorted(all_figures().items())
    extra = max(0, FULL_BOOK["figures"] - len(figures))
    chosen = [figures[i * len(figures) // extra] for i in range(extra)] if extra else []
    lines = [f"from {draw.__module__} import {draw.__name__} as draw_{i}" for i, (_, draw) in enumerate(chosen)]
    lines += ["", "FIGURES = {"] + [f'    "copy-{name}": draw_{i},' for i, (name, _) in enumerate(chosen)] + ["}"]
    (project / "snippets" / "probability" / "figures" / "copies.py").write_text("\n".join(lines) + "\n")
    return extra_pages, extra


def page_weights(site_dir):
    """(page, html bytes, first-visit raw bytes, first-visit gzip bytes, has diagram) per page."""
    from playwright.sync_api import sync_playwright

    rows = []
    with serve(site_dir, free_port()) as url, sync_playwright() as p:
        browser = launch_chromium(p)
        for html in sorted(site_dir.rglob("index.html")):
            rel = html.parent.relative_to(site_dir).as_posix()
            rel = "" if rel == "." else rel + "/"
            context = browser.new_context()  # an empty cache: a first visit
            page = context.new_page()
            bodies = []
            page.on("requestfinished", lambda r: bodies.append(r.response().body() if r.response() else b""))
            page.goto(url + rel, wait_until="networkidle")
            page.wait_for_timeout(300)
            raw = sum(len(b) for b in bodies)
            zipped = sum(len(gzip.compress(b, 6)) for b in bodies)
            rows.append((rel or "(home)", html.stat().st_size, raw, zipped, 'class="mermaid"' in html.read_text()))
            context.close()
        browser.close()
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-pages", action="store_true", help="skip the page weights (no browser)")
    parser.add_argument("--full-book", action="store_true",
                        help=f"pad the copy to {FULL_BOOK['pages']} pages and {FULL_BOOK['figures']} figures")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        project = copy_project(tmp / "project")
        site_dir = tmp / "site"
        if args.full_book:
            added = pad_to_full_book(project)
            print(f"padded with copies of {added[0]} chapters and {added[1]} figures")
        pages = len(list((project / "docs").rglob("*.md")))
        costs = figure_costs(project)
        print(f"{pages} Markdown pages, {len(costs)} figures, {os.cpu_count()} cores")
        print()
        wall, cpu = build(project, site_dir)
        print(f"clean strict build (empty caches):          {wall:5.1f} s  ({cpu:5.1f} CPU s)   target <= 15 s now, <= 30 s at 45 pages")
        wall, cpu = build(project, tmp / "site2")
        print(f"strict build again (figure and lab caches): {wall:5.1f} s  ({cpu:5.1f} CPU s)")
        for label, options in [("mkdocs serve --dirty", ["--dirty"]), ("mkdocs serve (full rebuilds)", [])]:
            times = serve_edits(project, *options)
            print(f"{label + ', prose edit served after:':43} {', '.join(f'{t:.1f}' for t in times)} s   target <= 3 s")
        print()
        print(f"{'figure':42} {'draw s':>7} {'svg s':>6} {'KB':>5} {'gzip KB':>8}")
        for name, draw, save, size, zipped in sorted(costs, key=lambda c: -(c[1] + c[2])):
            print(f"{name:42} {draw:7.2f} {save:6.2f} {size / 1000:5.0f} {zipped / 1000:8.0f}")
        draw, save = sum(c[1] for c in costs), sum(c[2] for c in costs)
        print(f"{'all figures (CPU s, one process)':42} {draw:7.1f} {save:6.1f} {sum(c[3] for c in costs) / 1000:5.0f}")
        if args.no_pages:
            return
        print()
        print(f"{'page':42} {'HTML KB':>8} {'first visit KB':>15} {'gzip KB':>8}  diagram")
        for rel, html, raw, zipped, diagram in page_weights(site_dir):
            print(f"{rel:42} {html / 1000:8.0f} {raw / 1000:15.0f} {zipped / 1000:8.0f}  {'yes' if diagram else 'no'}")
        print("target: a page without a diagram <= 700 KB on first visit")


if __name__ == "__main__":
    main()
