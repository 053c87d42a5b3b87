"""Fixtures shared by every test: Hypothesis's profile, and each figure drawn once per run."""

import os

import pytest
from hypothesis import settings

# Locally, Hypothesis draws new examples on every run and keeps finding new cases; in CI it
# draws a fixed set, so that a run is reproducible and passes or fails the same way twice.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI", "").lower() == "true":
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def drawn():
    """``drawn(name)``: the figure ``name`` as ``(matplotlib figure, SVG bytes)``, drawn once a run.

    Every test of a figure shares the one drawing, in the project's style.
    """
    import matplotlib

    from snippets._core.figures import all_figures
    from snippets._core.style import RC, svg_bytes

    figures, cache = all_figures(), {}

    def draw(name):
        if name not in cache:
            with matplotlib.rc_context(RC):
                fig = figures[name]()
                cache[name] = (fig, svg_bytes(fig))
        return cache[name]

    return draw


@pytest.fixture(scope="session")
def figure(drawn):
    """``figure(name)``: the matplotlib figure ``name``, drawn once a run."""
    return lambda name: drawn(name)[0]
