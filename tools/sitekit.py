"""The site plumbing shared by the tests, the tools and the benchmarks: build, serve, browse.

- ``build_site``: ``mkdocs build --strict`` for a given ``site_url``;
- ``copy_project``: a copy of the project to break or to time, without git, caches or the venv;
- ``serve``: a static server on 127.0.0.1, as a context manager;
- ``launch_chromium``: Debian's Chromium through Playwright, with the flags that keep it from
  calling any other host;
- ``OPEN_SHADOW_ROOTS``: an init script that opens the closed shadow roots Material draws
  Mermaid diagrams into, so a check can look inside.
"""

import contextlib
import functools
import http.server
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import threading

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHROMIUM = pathlib.Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# Flags that keep Chromium from phoning home: on a closed network those requests fail noisily.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
OPEN_SHADOW_ROOTS = """
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  return attachShadow.call(this, { ...init, mode: "open" });
};
"""
# True once every Mermaid diagram of the page is drawn (needs OPEN_SHADOW_ROOTS).
DIAGRAMS_DRAWN = (
    "() => [...document.querySelectorAll('div.mermaid')]"
    ".every(d => d.shadowRoot && d.shadowRoot.querySelector('svg'))"
    " && !document.querySelector('pre.mermaid')"
)
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_site(root, site_dir, site_url, *args):
    """Run ``mkdocs build --strict`` in ``root``; return the completed process."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir), *args],
        cwd=root, env={**ENV, "SITE_URL": site_url}, capture_output=True, text=True,
    )


def copy_project(dest, *, caches=False):
    """Copy the project to ``dest`` (with the figure and lab caches if ``caches``); return ``dest``."""
    skip = [".git", ".venv", "site", "__pycache__", ".pytest_cache"] + ([] if caches else [".cache"])
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(*skip))
    return pathlib.Path(dest)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(site_dir, port):
    """Serve the folder ``site_dir`` at http://127.0.0.1:<port>/ while the block runs."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


def launch_chromium(playwright):
    """Debian's Chromium, headless, sending no request to another host."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
