"""One look for every figure, and SVG bytes that do not change between builds."""

import io

import matplotlib
from matplotlib.figure import Figure

__all__ = ["BLUE", "ORANGE", "GREEN", "RED", "PURPLE", "RC", "new_figure", "svg_bytes", "render"]

# Colours of matplotlib's default cycle, named by the role they play in the figures.
BLUE, ORANGE, GREEN, RED, PURPLE = "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"

RC = {
    "font.size": 10,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    # Glyphs as paths: the figure looks the same whatever fonts the reader's machine has.
    "svg.fonttype": "path",
    # A fixed salt makes the ids inside the SVG, and so its bytes, the same on every build.
    "svg.hashsalt": "calculus-for-ml",
    # Dense artists (a 3-D surface of 2,500 facets) are drawn with ``rasterized=True``: an image
    # inside the SVG, text and axes still vector. 150 dpi keeps it sharp on a high-density screen.
    "savefig.dpi": 150,
}


def new_figure(nrows=1, ncols=1, *, width=6.4, height=4.0, **subplot_kw):
    """Return ``(fig, axes)``: a white-backed figure, legible in light and dark palettes.

    A bare ``Figure``, not pyplot: nothing global is kept between figures.
    """
    fig = Figure(figsize=(width, height), layout="constrained", facecolor="white")
    axes = fig.subplots(nrows, ncols, subplot_kw=subplot_kw or None)
    return fig, axes


def svg_bytes(fig):
    """``fig`` as SVG bytes, with no date in them (call inside ``rc_context(RC)``)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def render(draw):
    """Call ``draw()`` in the project's style and return the figure as SVG bytes."""
    with matplotlib.rc_context(RC):
        return svg_bytes(draw())
