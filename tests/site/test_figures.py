"""Every figure: drawn from the package, shown by a page with alt text."""

import re

import pytest

from snippets._core.figures import all_figures
from tools.sitekit import ROOT

FIGURES = sorted(all_figures())


@pytest.mark.parametrize("name", FIGURES)
def test_figure_is_an_svg(drawn, name):
    svg = drawn(name)[1]
    assert svg.startswith(b"<?xml") and b"<svg" in svg


def test_every_figure_is_shown_and_every_shown_figure_is_drawn():
    shown = {}
    for page in (ROOT / "docs").rglob("*.md"):
        # ![alt](../figures/name.svg "Caption."): the name ends at a space or at the bracket.
        for alt, name in re.findall(r"!\[(.*?)\]\((?:\.\./)*figures/([^)\s]+)", page.read_text()):
            shown[name] = alt
            assert len(alt.split()) >= 5, f"{page}: figures/{name} needs alt text saying what it shows"
    assert set(shown) == set(FIGURES), "the pages and the figure modules disagree"
