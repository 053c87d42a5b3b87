"""Screenshots of pages of the site as a reader sees them: light and dark at a laptop's width,
and a phone.

    python -m tools.screenshot calculus/derivatives/ [--out /tmp/shots] [--width 1280]

Builds the site into a temporary folder, serves it on 127.0.0.1, and writes
<out>/<page>-light.png, <out>/<page>-dark.png and <out>/<page>-phone.png (full page, the phone
390 px wide in the light palette) with Debian's Chromium.
"""

import argparse
import pathlib
import sys
import tempfile

from tools.sitekit import DIAGRAMS_DRAWN, OPEN_SHADOW_ROOTS, ROOT, build_site, free_port, launch_chromium, serve

PHONE = {"width": 390, "height": 844}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="+", help="page paths as served, e.g. calculus/derivatives/")
    parser.add_argument("--out", default="/tmp/shots")
    parser.add_argument("--width", type=int, default=1280)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    with tempfile.TemporaryDirectory() as site:
        build = build_site(ROOT, site, f"http://127.0.0.1:{port}/")
        if build.returncode != 0:
            sys.exit(build.stderr)
        with serve(site, port) as url, sync_playwright() as p:
            browser = launch_chromium(p)
            views = [("light", {"width": args.width, "height": 900}, "light"),
                     ("dark", {"width": args.width, "height": 900}, "dark"),
                     ("phone", PHONE, "light")]
            for label, viewport, scheme in views:
                context = browser.new_context(viewport=viewport, color_scheme=scheme)
                context.add_init_script(OPEN_SHADOW_ROOTS)
                for path in args.pages:
                    page = context.new_page()
                    page.goto(url + path, wait_until="networkidle")
                    page.wait_for_function(DIAGRAMS_DRAWN, timeout=20_000)
                    name = path.strip("/").replace("/", "-") or "home"
                    target = out / f"{name}-{label}.png"
                    page.screenshot(path=target, full_page=True)
                    print(target)
                context.close()
            browser.close()


if __name__ == "__main__":
    main()
