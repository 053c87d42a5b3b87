"""Screenshots of a page of the site in the light and the dark palette, as a reader sees it.

    python tools/screenshot.py calculus/derivatives/ [--out /tmp/shots] [--width 1280]

Builds the site into a temporary folder, serves it on 127.0.0.1, and writes
<out>/<page>-light.png and <out>/<page>-dark.png (full page) with Debian's chromium.
"""

import argparse
import functools
import http.server
import os
import pathlib
import subprocess
import sys
import tempfile
import threading

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Open Material's closed shadow roots so that the wait below can see drawn diagrams.
OPEN_SHADOW_ROOTS = """
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attachShadow.call(this, { ...init, mode: "open" }); };
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="+", help="page paths as served, e.g. calculus/derivatives/")
    parser.add_argument("--out", default="/tmp/shots")
    parser.add_argument("--width", type=int, default=1280)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as site:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=site))
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        env = {**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", site], cwd=ROOT, env=env, check=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=ARGS)
            for scheme in ["light", "dark"]:
                context = browser.new_context(viewport={"width": args.width, "height": 900}, color_scheme=scheme)
                context.add_init_script(OPEN_SHADOW_ROOTS)
                for path in args.pages:
                    page = context.new_page()
                    page.goto(url + path, wait_until="networkidle")
                    page.wait_for_function(
                        "() => [...document.querySelectorAll('div.mermaid')].every(d => d.shadowRoot && d.shadowRoot.querySelector('svg'))"
                        " && !document.querySelector('pre.mermaid')", timeout=20_000)
                    name = path.strip("/").replace("/", "-") or "home"
                    target = out / f"{name}-{scheme}.png"
                    page.screenshot(path=target, full_page=True)
                    print(target)
                context.close()
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
