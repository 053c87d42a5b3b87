"""The whole book as a PDF: ``python -m tools.pdf OUT.pdf``.

Builds the site, serves it on 127.0.0.1, opens its print page (every chapter in the order of the
nav, with a table of contents and a page break before each chapter) in Debian's Chromium, waits
until every formula and diagram is drawn, and prints it to ``OUT.pdf``. Neither ``mkdocs serve``
nor ``mkdocs build`` needs Chromium; only this script does.
"""

import argparse
import pathlib
import sys
import tempfile

from tools.sitekit import DIAGRAMS_DRAWN, OPEN_SHADOW_ROOTS, ROOT, build_site, free_port, launch_chromium, serve

PRINT_PAGE = "print_page/"
# True once KaTeX has drawn every formula of the page.
MATH_DRAWN = "() => [...document.querySelectorAll('.arithmatex')].every(e => e.querySelector('.katex'))"


def print_pdf(browser, url, out):
    """Print the served page ``url`` to the file ``out`` with the ``browser``; return its path."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(OPEN_SHADOW_ROOTS)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.wait_for_function(MATH_DRAWN, timeout=120_000)
    page.wait_for_function(DIAGRAMS_DRAWN, timeout=120_000)
    page.emulate_media(media="print")
    page.pdf(path=str(out), format="A4", print_background=True, outline=True,
             margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"})
    context.close()
    return pathlib.Path(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="the PDF to write")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    port = free_port()
    with tempfile.TemporaryDirectory() as site:
        build = build_site(ROOT, site, f"http://127.0.0.1:{port}/")
        if build.returncode != 0:
            sys.exit(build.stdout + build.stderr)
        with serve(site, port) as url, sync_playwright() as p:
            browser = launch_chromium(p)
            print(print_pdf(browser, url + PRINT_PAGE, args.out))
            browser.close()


if __name__ == "__main__":
    main()
