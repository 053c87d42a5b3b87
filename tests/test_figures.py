"""Every figure: drawn from the package, the same bytes on every build, and shown by a page."""

import pathlib
import re

import pytest

from snippets.figures import FIGURES, render

DOCS = pathlib.Path(__file__).resolve().parent.parent / "docs"


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_figure_renders_to_the_same_svg_twice(name):
    first, second = render(FIGURES[name]), render(FIGURES[name])
    assert first.startswith(b"<?xml") and b"<svg" in first
    assert first == second, f"{name}: the SVG changes between builds"


def test_every_figure_is_shown_and_every_shown_figure_is_drawn():
    shown = {}
    for page in DOCS.rglob("*.md"):
        for alt, name in re.findall(r"!\[(.*?)\]\((?:\.\./)*figures/([^)]+)\)", page.read_text()):
            shown[name] = alt
            assert len(alt.split()) >= 5, f"{page}: figures/{name} needs alt text saying what it shows"
    assert set(shown) == set(FIGURES), "pages and snippets.figures.FIGURES disagree"
