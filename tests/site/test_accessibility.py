"""Readable on every screen and by everyone: every page of the built site, measured in Chromium.

- axe-core (WCAG 2.1 A and AA; tests/assets/axe-core, a test asset never shipped in the site)
  on every page in both palettes, Mermaid's shadow roots opened so it sees the diagrams:
  no critical and no serious violation.
- On a phone (390 x 844) and a laptop (1280 x 900): no page scrolls sideways, no display
  formula is wider than the column, diagram text is drawn at 8 px (phone) and 11 px (laptop)
  or more, the smallest glyph of inline math in tables, admonitions and solutions at 9 px or
  more; at 1280 px, figure text at 8 px or more and a caption under every figure, and in both
  palettes every figure's frame inside the column, all figures of a page one width.
- First visit, gzip: the home page 700 KB or less, any page 1 MB or less.
- Copy buttons only on code that runs or pastes cleanly; console prompts are not copied;
  each solution's summary names its exercise. Search snippets show no raw TeX.

Each check also runs on a page with a planted defect and must catch it, so that a check that
cannot fail is itself a failure.
"""

import gzip
import json
import re
from urllib.parse import urlsplit

import pytest

from tests.site.test_browser import page_urls, wait_for_math
from tools.sitekit import DIAGRAMS_DRAWN, OPEN_SHADOW_ROOTS, ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "tests" / "assets" / "axe-core" / "axe.min.js"
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1280, "height": 900}}
DIAGRAM_PX = {"phone": 8, "laptop": 11}
FIGURE_PX = 8  # at 1280 px
SMALL_MATH_PX = 9
HOME_BYTES, PAGE_BYTES = 700_000, 1_000_000
# TeX as a reader would see it raw: math delimiters, a command, or $-delimited math.
RAW_TEX = re.compile(r"\\[()\[\]]|\\[A-Za-z]{2,}|\$[^$\s][^$]*\$")

AXE_RUN = """
async (rules) => {
  const options = rules
    ? { runOnly: { type: "rule", values: rules }, resultTypes: ["violations"] }
    : { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        resultTypes: ["violations"] };
  // KaTeX's drawn math is hidden from assistive technology (its MathML copy is read instead)
  // and takes its colour from the text around it; leaving its thousands of boxes out keeps a
  // run to seconds.
  const context = { exclude: [[".katex-html"]] };
  const { violations } = await axe.run(context, options);
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary.split("\\n").slice(1).join(" ").trim()}`),
    }));
}
"""

# What a reader sees of the page's layout at this width; details opened, as a reader would.
MEASURE = r"""
() => {
  const article = document.querySelector("article");
  article.querySelectorAll("details").forEach((d) => (d.open = true));
  const root = document.documentElement;
  const text = (e) => e.textContent.replace(/\s+/g, " ").trim().slice(0, 70);
  // Text a reader sees (KaTeX pads its boxes with zero-width spaces).
  const ownText = (e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.replace(/[\s\u200b]/g, ""));
  const shown = (e) => e.getBoundingClientRect().width > 0;

  const sideways = root.scrollWidth > root.clientWidth + 1
    ? [...document.body.querySelectorAll("*")]
        .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 1)
        .slice(-3).map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${text(e)}`)
    : [];

  // A display formula fits when its block does not scroll and its glyphs stay inside the
  // article's column (on a phone Material lets the block bleed to the screen's edges).
  const formulas = [];
  const columnBox = article.getBoundingClientRect();
  const articleStyle = getComputedStyle(article);
  const columnLeft = columnBox.left + parseFloat(articleStyle.paddingLeft);
  const columnRight = columnBox.right - parseFloat(articleStyle.paddingRight);
  for (const display of article.querySelectorAll(".katex-display")) {
    const drawn = display.querySelector(".katex-html");
    const box = display.closest("div.arithmatex") || display.parentElement;
    if (!drawn || !shown(display)) continue;
    const range = document.createRange();
    range.selectNodeContents(drawn);
    const glyphs = range.getBoundingClientRect();
    const scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls || glyphs.left < columnLeft - 1 || glyphs.right > columnRight + 1) {
      const tex = display.querySelector("annotation")?.textContent.trim() ?? text(display);
      formulas.push(`${Math.round(glyphs.width)} px in ${Math.round(columnRight - columnLeft)} px: ${tex.replace(/\s+/g, " ")}`);
    }
  }

  const diagrams = [];
  for (const host of document.querySelectorAll("div.mermaid")) {
    const svg = host.shadowRoot && host.shadowRoot.querySelector("svg");
    if (!svg || !shown(host)) continue;
    let smallest = Infinity;
    for (const label of svg.querySelectorAll("text, foreignObject")) {
      if (!label.textContent.trim()) continue;
      const ctm = label.getScreenCTM();
      const scale = Math.hypot(ctm.a, ctm.b);
      const inner = label.tagName === "foreignObject"
        ? [...label.querySelectorAll("*")].find(ownText) || label
        : label;
      smallest = Math.min(smallest, parseFloat(getComputedStyle(inner).fontSize) * scale);
    }
    diagrams.push({ px: smallest, text: text(svg) });
  }

  const smallMath = [];
  const inline = ":is(table, details, .admonition) .katex:not(.katex-display .katex)";
  for (const formula of article.querySelectorAll(inline)) {
    const sizes = [...formula.querySelectorAll(".katex-html *")].filter(ownText)
      .map((e) => parseFloat(getComputedStyle(e).fontSize));
    if (sizes.length) smallMath.push({ px: Math.min(...sizes), tex: formula.querySelector("annotation")?.textContent.trim() ?? text(formula) });
  }

  const figures = [...article.querySelectorAll("img")]
    .filter((i) => /\/figures\/[^/]+\.svg$/.test(i.src))
    .map((i) => ({
      src: i.src,
      width: i.getBoundingClientRect().width,
      caption: !!(i.closest("figure") && i.closest("figure").querySelector("figcaption")),
    }));

  // Copy buttons, and what Material copies from a console block (its innerText while the
  // block carries data-md-copying).
  const copyOnOutput = [...article.querySelectorAll(".language-text, .doc-signature")]
    .filter((block) => block.querySelector("[data-clipboard-target], .md-clipboard")).map(text);
  // (innerText of a hidden block ignores CSS: each block is read as if its tab were selected.)
  const copied = [...article.querySelectorAll(":is(.language-console, .language-ps1con) pre > code")].map((code) => {
    const tab = code.closest(".tabbed-block");
    if (tab) tab.style.display = "block";
    code.setAttribute("data-md-copying", "");
    const copy = code.innerText;
    code.removeAttribute("data-md-copying");
    if (tab) tab.style.display = "";
    return copy;
  });
  const solutions = [...article.querySelectorAll("details.success > summary")].map(text);

  return { sideways, formulas, diagrams, smallMath, figures, copyOnOutput, copied, solutions,
           scheme: document.body.getAttribute("data-md-color-scheme") };
}
"""


def reader_pages(site):
    """Every page a reader opens. The one-page print version of the book (print-site plugin, for
    tools/pdf.py) is left out: it is the chapters again, each of them checked on its own."""
    return [url for url in page_urls(site) if not url.removeprefix(site["url"]).startswith("print_page/")]


def open_page(context, url):
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.wait_for_function(DIAGRAMS_DRAWN, timeout=20_000)
    wait_for_math(page)
    return page


def axe_violations(page, rules=None):
    """The serious and critical violations axe-core finds on the page (``rules``: only these)."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(AXE_RUN, rules)


def svg_text_pt(path):
    """The smallest text of a Matplotlib SVG in points, and the SVG's width in points.

    Matplotlib draws glyphs as paths scaled by fontsize / 100 (``scale(0.1 -0.1)`` for 10 pt).
    """
    svg = path.read_text()
    width = float(re.search(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ', svg).group(1))
    scales = [float(s) for s in re.findall(r"scale\(([\d.]+) -[\d.]+\)", svg)]
    return (min(scales) * 100 if scales else None), width


def problems(state, view, site_dir=None):
    """What is wrong with one page at one width, as readable lines."""
    found = [f"scrolls sideways: {e}" for e in state["sideways"]]
    found += [f"display formula wider than the column: {f}" for f in state["formulas"]]
    found += [
        f"diagram text at {d['px']:.1f} px < {DIAGRAM_PX[view]}: {d['text']}"
        for d in state["diagrams"] if d["px"] < DIAGRAM_PX[view]
    ]
    found += [
        f"inline math glyph at {m['px']:.1f} px < {SMALL_MATH_PX}: {m['tex']}"
        for m in state["smallMath"] if m["px"] < SMALL_MATH_PX - 0.05
    ]
    if view == "laptop" and site_dir is not None:
        for figure in state["figures"]:
            name = urlsplit(figure["src"]).path.rsplit("/", 1)[-1]
            if not figure["caption"]:
                found.append(f"figure without a caption: {name}")
            pt, width_pt = svg_text_pt(site_dir / "figures" / name)
            px = pt * figure["width"] / width_pt if pt else None
            if px is not None and px < FIGURE_PX:
                found.append(
                    f"figure text at {px:.1f} px < {FIGURE_PX} ({pt:g} pt in a {width_pt / 72:.1f} in "
                    f"wide figure shown {figure['width']:.0f} px wide): {name}"
                )
    return found


# Where each drawn figure sits (its white frame included) against the article's column.
FIGURE_BOXES = r"""
() => {
  const article = document.querySelector("article");
  const style = getComputedStyle(article);
  const box = article.getBoundingClientRect();
  const column = [box.left + parseFloat(style.paddingLeft), box.right - parseFloat(style.paddingRight)];
  const figures = [...article.querySelectorAll("img")]
    .filter((i) => /\/figures\/[^/]+\.svg$/.test(i.src))
    .map((i) => { const r = i.getBoundingClientRect(); return { src: i.src, left: r.left, right: r.right }; });
  return { column, figures };
}
"""


def frame_problems(boxes):
    """Figures whose frame leaves the column, or that are not all one width."""
    (left, right), figures = boxes["column"], boxes["figures"]
    name = lambda f: urlsplit(f["src"]).path.rsplit("/", 1)[-1]
    found = [
        f"figure frame outside the column ({f['left']:.0f}-{f['right']:.0f} px, column "
        f"{left:.0f}-{right:.0f} px): {name(f)}"
        for f in figures if f["left"] < left - 1 or f["right"] > right + 1
    ]
    widths = {round(f["right"] - f["left"]) for f in figures}
    if len(widths) > 1:
        found.append(f"figures of different widths on one page: {sorted(widths)} px")
    return found


def copy_problems(state):
    found = [f"copy button on output or a signature: {t}" for t in state["copyOnOutput"]]
    for copied in state["copied"]:
        prompts = [line for line in copied.splitlines() if re.match(r"\s*(\$|PS>|>)\s", line)]
        if prompts or not copied.strip():
            found.append(f"a console block copies its prompts (or nothing): {copied!r}")
    found += [f"solution summary names no exercise: {s!r}" for s in state["solutions"]
              if not re.match(r"Solution to exercise \d+\b", s)]
    return found


def first_visit_bytes(site_dir, base, urls):
    """Gzip size of everything a first visit downloaded (each file compressed as a server would)."""
    total = 0
    for url in dict.fromkeys(urls):
        if not url.startswith(base):
            continue
        path = site_dir / urlsplit(url).path.lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        if path.is_file():
            total += len(gzip.compress(path.read_bytes(), compresslevel=6))
    return total


# ---- The checks on every page ---------------------------------------------------------------


def axe_lines(url, violations):
    return [
        f"{url} [{v['impact']} {v['rule']}] " + "; ".join(v["nodes"][:5])
        + (f" (+{len(v['nodes']) - 5} more)" if len(v["nodes"]) > 5 else "")
        for v in violations
    ]


def test_every_page_at_laptop_width_in_the_light_palette(site, browser):
    """Layout, figures, copy buttons, first-visit weight and axe-core, one page load each."""
    context = browser.new_context(viewport=VIEWPORTS["laptop"], color_scheme="light")
    context.add_init_script(OPEN_SHADOW_ROOTS)
    found = []
    for url in reader_pages(site):
        page = context.new_page()
        downloaded = []
        # Routing turns the browser's cache off: every page is weighed as a first visit.
        page.route("**/*", lambda route: route.continue_())
        page.on("requestfinished", lambda r: downloaded.append(r.url))
        page.goto(url, wait_until="networkidle")
        page.wait_for_function(DIAGRAMS_DRAWN, timeout=20_000)
        wait_for_math(page)
        weight = first_visit_bytes(site["dir"], site["url"], downloaded)
        limit = HOME_BYTES if url == site["url"] else PAGE_BYTES
        if weight > limit:
            found.append(f"{url}: first visit {weight / 1000:.0f} KB gzip > {limit / 1000:.0f} KB")
        state = page.evaluate(MEASURE)  # opens every solution, so that axe-core sees them too
        assert state["scheme"] == "default", f"{url}: palette {state['scheme']}"
        found += [f"{url}: {p}" for p in problems(state, "laptop", site["dir"]) + copy_problems(state)]
        found += [f"{url}: {p}" for p in frame_problems(page.evaluate(FIGURE_BOXES))]
        found += axe_lines(url, axe_violations(page))
        page.close()
    context.close()
    assert not found, "at 1280 px, light palette:\n" + "\n".join(found)


def test_every_page_in_the_dark_palette(site, browser):
    """Only colours change with the palette: axe-core's colour rules (it is slow)."""
    context = browser.new_context(viewport=VIEWPORTS["laptop"], color_scheme="dark")
    context.add_init_script(OPEN_SHADOW_ROOTS)
    found = []
    for url in reader_pages(site):
        page = open_page(context, url)
        page.evaluate("document.querySelectorAll('article details').forEach((d) => (d.open = true))")
        scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert scheme == "slate", f"{url}: palette {scheme}"
        found += [f"{url}: {p}" for p in frame_problems(page.evaluate(FIGURE_BOXES))]
        found += axe_lines(url, axe_violations(page, ["color-contrast", "link-in-text-block"]))
        page.close()
    context.close()
    assert not found, "dark palette:\n" + "\n".join(found)


def test_every_page_at_phone_width(site, browser):
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    context.add_init_script(OPEN_SHADOW_ROOTS)
    found = []
    for url in reader_pages(site):
        page = open_page(context, url)
        found += [f"{url}: {p}" for p in problems(page.evaluate(MEASURE), "phone")]
        page.close()
    context.close()
    assert not found, "at 390 px:\n" + "\n".join(found)


def test_search_snippets_show_no_raw_tex(site, context):
    docs = json.loads((site["dir"] / "search" / "search_index.json").read_text())["docs"]
    tex = [
        f"{doc['location']}: {match.group(0)}"
        for doc in docs
        for match in RAW_TEX.finditer(re.sub(r"<code>.*?</code>", "", doc["title"] + " " + doc["text"], flags=re.S))
    ]
    assert not tex, f"the search index holds TeX: {tex[:10]}"
    page = context.new_page()
    page.goto(site["url"], wait_until="networkidle")
    page.click("label.md-search__icon, .md-search__input")
    page.locator("input.md-search__input").press_sequentially("curvature")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15_000)
    shown = results.all_inner_texts()
    assert shown, "no search result for 'curvature'"
    assert not [s for s in shown if RAW_TEX.search(s)], shown


# ---- Each check catches a planted defect -----------------------------------------------------


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport=VIEWPORTS["laptop"])
    context.add_init_script(OPEN_SHADOW_ROOTS)
    yield context
    context.close()


def test_axe_catches_a_contrast_failure(site, context):
    page = open_page(context, site["url"] + "notation/")
    assert not axe_violations(page, ["color-contrast"])
    page.add_style_tag(content=".md-typeset p { color: #9e9e9e !important; }")
    assert [v["rule"] for v in axe_violations(page, ["color-contrast"])] == ["color-contrast"]


def test_frame_check_catches_a_figure_overhanging_the_column(site, browser):
    context = browser.new_context(viewport=VIEWPORTS["laptop"], color_scheme="dark")
    page = open_page(context, site["url"] + "calculus/derivatives/")
    assert not frame_problems(page.evaluate(FIGURE_BOXES))
    # The defect once seen in the dark palette: the frame drawn as a shadow outside the image.
    page.add_style_tag(content='.md-typeset img[src$="derivatives-tangent.svg"] '
                               "{ width: calc(100% + 16px) !important; max-width: none !important; "
                               "margin-left: -8px; }")
    found = frame_problems(page.evaluate(FIGURE_BOXES))
    assert any(p.startswith("figure frame outside the column") and "derivatives-tangent" in p for p in found), found
    assert any(p.startswith("figures of different widths") for p in found), found
    context.close()


def test_layout_check_catches_a_wide_formula_and_a_tiny_diagram(site, browser):
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    context.add_init_script(OPEN_SHADOW_ROOTS)
    page = open_page(context, site["url"])  # the home page has a diagram
    assert not problems(page.evaluate(MEASURE), "phone")
    page.evaluate(r"""() => {
      const div = document.createElement("div");
      div.className = "arithmatex";
      document.querySelector("article h2").before(div);
      katex.render("f(x) = " + Array.from({length: 30}, (_, i) => `a_{${i}} x^{${i}}`).join(" + "),
                   div, { displayMode: true });
      // Just wider than the column: on a phone its block bleeds to the screen's edges, so
      // it may not scroll, but its glyphs pass the column's edge.
      const edge = document.createElement("div");
      edge.className = "arithmatex";
      document.querySelector("article h2").before(edge);
      const column = document.querySelector("article").clientWidth;
      katex.render(`\\rule{${column + 8}px}{1px}`, edge, { displayMode: true });
    }""")
    page.add_style_tag(content="div.mermaid { width: 120px; }")
    found = problems(page.evaluate(MEASURE), "phone")
    wide = [p for p in found if p.startswith("display formula wider than the column: ")]
    assert any("a_{29}" in p for p in wide) and any("\\rule" in p for p in wide), found
    assert any(p.startswith("diagram text at ") for p in found), found
    context.close()


def test_copy_check_catches_a_copied_prompt(site, context):
    page = open_page(context, site["url"])
    state = page.evaluate(MEASURE)
    assert state["copied"], "the home page has no console block to check"
    assert not copy_problems(state)
    page.add_style_tag(content="[data-md-copying] .gp { display: inline !important; }")
    assert copy_problems(page.evaluate(MEASURE))
