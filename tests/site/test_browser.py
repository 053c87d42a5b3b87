"""Every page of the built site in a real browser: math, diagrams, images, requests, navigation."""

import re
from urllib.parse import urljoin

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser

# Material draws each Mermaid diagram into a *closed* shadow root; open it so the test can look.
OPEN_SHADOW_ROOTS = """
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  return attachShadow.call(this, { ...init, mode: "open" });
};
"""

# What a reader would see go wrong, gathered in the page.
INSPECT = r"""
() => {
  const article = document.querySelector("article") || document.body;
  const math = [...article.querySelectorAll(".arithmatex")];
  // Raw TeX delimiters left in the text (outside code, rendered math and scripts).
  const raw = [];
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement.closest("pre, code, .katex, script, style, .mermaid")) continue;
    const match = node.textContent.match(/\\\(|\\\)|\\\[|\\\]|\$\$|\$[^\s$]/);
    if (match) raw.push(node.textContent.trim().slice(0, 80));
  }
  // Markdown that did not render: a fence or a pytest-codeblocks marker shown as text.
  const markdown = [];
  for (const code of article.querySelectorAll("pre, p")) {
    if (/^```|<!--pytest/m.test(code.textContent)) markdown.push(code.textContent.slice(0, 80));
  }
  // With throwOnError off, KaTeX draws an unknown macro in its error colour (#cc0000).
  const red = [...article.querySelectorAll(".katex *")].filter(
    (e) => getComputedStyle(e).color === "rgb(204, 0, 0)"
  );
  // Code and display math wider than the column (the reader would have to scroll sideways),
  // solutions included.
  article.querySelectorAll("details").forEach((d) => (d.open = true));
  const overflow = [...article.querySelectorAll("pre > code, .katex-display")]
    .filter((e) => e.scrollWidth > e.clientWidth + 1)
    .map((e) => `${e.scrollWidth}px in ${e.clientWidth}px: ${e.textContent.slice(0, 60)}`);
  const diagrams = [...document.querySelectorAll("div.mermaid")];
  return {
    math: math.length,
    unrendered: math.filter((e) => !e.querySelector(".katex")).map((e) => e.textContent.slice(0, 80)),
    failed: [...article.querySelectorAll(".katex-failed, .katex-error")].map((e) => e.textContent.slice(0, 80)),
    red: red.map((e) => e.textContent.slice(0, 40)),
    raw,
    markdown,
    overflow,
    diagrams: diagrams.length,
    drawn: diagrams.filter((d) => d.shadowRoot && d.shadowRoot.querySelector("svg")).length,
    images: [...document.images].map((i) => ({ src: i.src.slice(0, 80), ok: i.complete && i.naturalWidth > 0, alt: i.alt })),
  };
}
"""


def page_urls(site):
    """Every page of the built site, as served."""
    pages = sorted(p.relative_to(site["dir"]) for p in site["dir"].rglob("index.html"))
    return [site["url"] + p.parent.as_posix().removeprefix(".") + ("/" if p.parent.parts else "") for p in pages]


def mermaid_sources(site, url):
    path = site["dir"] / url.removeprefix(site["url"]) / "index.html"
    return path.read_text().count('class="mermaid"')


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(OPEN_SHADOW_ROOTS)
    yield context
    context.close()


def watch(page, base):
    """Record console errors, failed requests and requests to any other host."""
    seen = {"errors": [], "failed": [], "foreign": []}
    page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("requestfailed", lambda r: seen["failed"].append(f"{r.url}: {r.failure}"))
    page.on("request", lambda r: r.url.startswith((base, "data:", "blob:")) or seen["foreign"].append(r.url))
    return seen


def wait_until_drawn(page, diagrams):
    page.wait_for_function(
        "(n) => [...document.querySelectorAll('div.mermaid')]"
        ".filter((d) => d.shadowRoot && d.shadowRoot.querySelector('svg')).length >= n",
        # The print page holds every diagram of the book, drawn one after another.
        arg=diagrams, timeout=20_000 + 5_000 * diagrams,
    )


MATH_DONE = (
    "() => [...document.querySelectorAll('.arithmatex')]"
    ".every((e) => e.querySelector('.katex') || e.classList.contains('katex-failed'))"
)


def wait_for_math(page):
    """Give KaTeX time to finish on a busy machine; what it left undone is reported after."""
    try:
        page.wait_for_function(MATH_DONE, timeout=15_000)
    except PlaywrightTimeout:
        pass


def check_rendered(state, diagrams, where):
    assert not state["unrendered"], f"{where}: math KaTeX did not render: {state['unrendered']}"
    assert not state["failed"], f"{where}: math KaTeX could not parse: {state['failed']}"
    assert not state["red"], f"{where}: math drawn in KaTeX's error colour: {state['red']}"
    assert not state["raw"], f"{where}: raw TeX delimiters left in the text: {state['raw']}"
    assert not state["markdown"], f"{where}: Markdown shown as text: {state['markdown']}"
    assert state["diagrams"] == state["drawn"] == diagrams, f"{where}: {state['drawn']} of {diagrams} diagrams drawn"


def test_every_page_renders_cleanly_and_offline(site, context):
    urls = page_urls(site)
    assert len(urls) >= 5
    for url in urls:
        page = context.new_page()
        seen = watch(page, site["url"])
        page.goto(url, wait_until="networkidle")
        diagrams = mermaid_sources(site, url)
        if diagrams:
            wait_until_drawn(page, diagrams)
        wait_for_math(page)
        state = page.evaluate(INSPECT)
        check_rendered(state, diagrams, url)
        # The API reference is generated from signatures and docstrings; the chapters are written.
        if not url.endswith("/reference/"):
            assert not state["overflow"], f"{url}: wider than the column at 1280 px: {state['overflow']}"
        for image in state["images"]:
            assert image["ok"], f"{url}: image did not load: {image['src']}"
            assert image["alt"].strip(), f"{url}: image without alt text: {image['src']}"
        assert not seen["foreign"], f"{url}: requests to other hosts: {seen['foreign']}"
        assert not seen["failed"], f"{url}: failed requests: {seen['failed']}"
        assert not seen["errors"], f"{url}: console errors: {seen['errors']}"
        page.close()


def test_pages_without_diagrams_never_load_mermaid(site, context):
    page = context.new_page()
    loaded = []
    page.on("request", lambda r: "vendor/mermaid" in r.url and loaded.append(r.url))
    page.goto(site["url"] + "notation/", wait_until="networkidle")
    assert mermaid_sources(site, site["url"] + "notation/") == 0
    assert not loaded, f"a page without a diagram downloaded {loaded}"


def test_instant_navigation_keeps_math_and_diagrams_rendered(site, context):
    page = context.new_page()
    seen = watch(page, site["url"])
    page.goto(site["url"], wait_until="networkidle")
    wait_until_drawn(page, 1)
    home = page.evaluate("[document.title, document.querySelector('article h1').textContent]")
    # A full page load would drop this marker; instant navigation keeps the document alive.
    page.evaluate("window.__stillHere = true")
    # Forward through the nav by the footer's "next" link until a page with math has rendered.
    visited, formulas = [], 0
    while not formulas and len(visited) < 6:
        link = page.locator("a.md-footer__link--next")
        expected = urljoin(page.url, link.get_attribute("href"))
        link.click()
        page.wait_for_url(expected)
        page.wait_for_load_state("networkidle")
        diagrams = mermaid_sources(site, expected)
        if diagrams:
            wait_until_drawn(page, diagrams)
        wait_for_math(page)
        state = page.evaluate(INSPECT)
        visited.append(expected)
        check_rendered(state, diagrams, expected)
        formulas = state["math"]
    assert formulas, f"no formula rendered on {visited}"
    for _ in visited:
        page.go_back()
    page.wait_for_url(site["url"])
    # The URL changes before the home page's content replaces the last page's.
    page.wait_for_function(
        "([title, h1]) => document.title === title && document.querySelector('article h1')?.textContent === h1",
        arg=home,
    )
    wait_until_drawn(page, 1)
    check_rendered(page.evaluate(INSPECT), 1, "home, after navigating back")
    assert page.evaluate("window.__stillHere === true"), "navigation reloaded the page: instant navigation is off"
    assert not seen["errors"] and not seen["failed"] and not seen["foreign"], seen


def test_search_finds_central_difference(site, context):
    page = context.new_page()
    page.goto(site["url"], wait_until="networkidle")
    page.click("label.md-search__icon, .md-search__input")
    # Typed key by key: Material searches on keyboard input.
    page.locator("input.md-search__input").press_sequentially("central difference")
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=15_000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any(re.search(r"calculus/derivatives/", h or "") for h in hrefs), hrefs
