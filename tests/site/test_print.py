"""The printable book: one page with every chapter in the order of the nav, and its PDF."""

import re

import pytest

from tests.site.test_pages import nav_pages
from tools.pdf import PRINT_PAGE, print_pdf
from tools.sitekit import ROOT


def chapter_titles():
    """The H1 of every page of the nav that the print page holds, in order."""
    titles = []
    for page in nav_pages():
        # The print page leaves out the API reference, the exercise index and the labs.
        if page in ("reference.md", "exercises.md") or page.startswith("labs/") or not page.endswith(".md"):
            continue
        text = (ROOT / "docs" / page).read_text()
        titles.append(re.search(r"^# (.+)$", text, re.M).group(1).strip())
    return titles


def normalise(text):
    return " ".join(text.replace("\u00ad", "").replace("\u2019", "'").split())


@pytest.mark.build
def test_print_page_holds_every_chapter_in_the_order_of_the_nav(site):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((site["dir"] / PRINT_PAGE / "index.html").read_text(), "html.parser")
    headings = [normalise(h.get_text().replace("\u00b6", "")) for h in soup.select("article h1")]
    # Each chapter's title is an h1 of the print page, after the previous chapter's.
    at = 0
    for title in chapter_titles():
        assert normalise(title) in headings[at:], f"{title!r} is missing, or out of order, on the print page"
        at = headings.index(normalise(title), at) + 1


@pytest.mark.browser
def test_pdf_of_the_book_has_every_chapter(site, browser, tmp_path):
    import pypdf

    pdf = print_pdf(browser, site["url"] + PRINT_PAGE, tmp_path / "book.pdf")
    reader = pypdf.PdfReader(pdf)
    titles = chapter_titles()
    # A table of contents, then at least a page per chapter (each starts on a new page).
    assert len(reader.pages) > len(titles), f"{len(reader.pages)} pages for {len(titles)} chapters"
    text = normalise(" ".join(page.extract_text() for page in reader.pages))
    missing = [t for t in titles if normalise(t) not in text]
    assert not missing, f"chapter titles missing from the PDF: {missing}"
