"""Fixtures for the checks of the built site: one strict build, served on 127.0.0.1, and a browser."""

import functools
import http.server
import os
import socket
import threading

import pytest
from hypothesis import settings
from site_tools import CHROMIUM, CHROMIUM_ARGS, ROOT, build_site


# Locally, Hypothesis draws new examples on every run and keeps finding new cases; in CI it
# draws a fixed set, so that a run is reproducible and passes or fails the same way twice.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI", "").lower() == "true":
    settings.load_profile("ci")


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The site built strictly for, and served at, http://127.0.0.1:<port>/.

    Material's instant navigation only works at the site_url's origin, so the build knows the
    server's address before it starts.
    """
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    site_dir = tmp_path_factory.mktemp("site")
    build = build_site(ROOT, site_dir, url)
    if build.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{build.stdout}\n{build.stderr}")
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield {"dir": site_dir, "url": url, "log": build.stdout + build.stderr}
    server.shutdown()
    server.server_close()


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
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
