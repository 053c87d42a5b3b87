"""Fixtures for the checks of the built site: one strict build, served on 127.0.0.1, and a browser."""

import os

import pytest

from tools.sitekit import CHROMIUM, ROOT, build_site, free_port, launch_chromium, serve


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The site built strictly for, and served at, http://127.0.0.1:<port>/.

    Material's instant navigation only works at the site_url's origin, so the build knows the
    server's address before it starts.
    """
    port = free_port()
    site_dir = tmp_path_factory.mktemp("site")
    build = build_site(ROOT, site_dir, f"http://127.0.0.1:{port}/")
    if build.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{build.stdout}\n{build.stderr}")
    with serve(site_dir, port) as url:
        yield {"dir": site_dir, "url": url, "log": build.stdout + build.stderr}


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright.

    Locally the browser checks skip, saying how to get a browser, when there is none; under CI
    (CI=true) a missing browser is a failure.
    """
    if not CHROMIUM.exists():
        message = (
            f"no Chromium at {CHROMIUM}: install it with `apt-get install -y chromium` "
            "(or point CHROMIUM at one) to run the browser checks"
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A page at 1280 x 900 whose console errors and uncaught exceptions gather in ``page.errors``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.errors = errors
    yield page
    context.close()
