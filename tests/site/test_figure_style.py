"""One figure style, checked on every figure without a browser.

- Text legible in the column: a page shows every figure as wide as its column, 688 px at a
  1280 px window, so text of ``s`` pt in a figure ``W`` inches wide is drawn at
  ``s * 688 / (72 W)`` px. The browser test asks for 8 px; figures keep 8.5 px, a margin.
- One title rule: the caption under a figure says what it shows, so a single-panel figure has
  no title; a figure of several panels titles every panel, briefly (the title is no wider than
  its panel). No figure has a suptitle.
- Legends never cover data: no vertex of a plotted line, no scatter point and no corner of
  an arrow lies inside a legend's box.

Each check also runs on a planted defect and must catch it.
"""

import ast

import matplotlib
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.quiver import Quiver
from matplotlib.text import Text

from snippets._core.figures import all_figures
from snippets._core.style import RC, new_figure
from tools.sitekit import ROOT

FIGURES = sorted(all_figures())
COLUMN_PX = 688  # the page's column at a 1280 px window: every figure is shown this wide
MIN_TEXT_PX = 8.5  # the browser test's 8 px, with a margin


def laid_out(fig):
    """``fig`` drawn once (so that ticks, layout and legends are final) and its renderer."""
    canvas = FigureCanvasAgg(fig)
    with matplotlib.rc_context(RC):
        canvas.draw()
    return canvas.get_renderer()


def texts(fig):
    """Every piece of text a reader sees: titles, labels, tick labels, legends, annotations."""
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def smallest_text_px(fig):
    """The smallest text of ``fig`` in px when the figure is shown ``COLUMN_PX`` wide, and it."""
    width_in = fig.get_size_inches()[0]
    smallest = min(texts(fig), key=lambda t: t.get_fontsize())
    return smallest.get_fontsize() * COLUMN_PX / (72 * width_in), smallest.get_text()


def panels(fig):
    """The figure's panels: its axes, less colorbars, twins (same box) counted once."""
    found = {}
    for ax in fig.axes:
        if not ax.get_visible() or hasattr(ax, "_colorbar"):
            continue
        found.setdefault(tuple(np.round(ax.get_position().bounds, 4)), []).append(ax)
    return list(found.values())


def titles(axes):
    return [t for ax in axes for t in (ax.title, ax._left_title, ax._right_title) if t.get_text()]


def title_problems(fig):
    """Where ``fig`` breaks the title rule, as readable lines."""
    renderer = laid_out(fig)
    found = [f"suptitle {fig.get_suptitle()!r}: the caption says it"] if fig.get_suptitle() else []
    groups = panels(fig)
    for axes in groups:
        shown = titles(axes)
        if len(groups) == 1:
            found += [f"single panel titled {t.get_text()!r}: the caption says it" for t in shown]
            continue
        if not shown:
            found.append(f"an untitled panel among {len(groups)}")
        panel_width = max(ax.get_window_extent(renderer).width for ax in axes)
        found += [
            f"title {t.get_text()!r} is wider than its panel"
            for t in shown if t.get_window_extent(renderer).width > panel_width + 1
        ]
    return found


def inside(xy, box):
    """Which of the display points ``xy`` (an (n, 2) array) lie in ``box``."""
    x, y = xy.T
    return (box.x0 <= x) & (x <= box.x1) & (box.y0 <= y) & (y <= box.y1)


def data_points(ax):
    """Display coordinates of every line vertex, scatter point and arrow of ``ax`` a reader sees."""
    points = []
    for line in ax.get_lines():
        if line.get_visible() and len(line.get_xydata()):
            points.append((line.get_transform().transform(line.get_xydata()), line.get_clip_on()))
    for collection in ax.collections:
        if not isinstance(collection, (PathCollection, Quiver)) or not collection.get_visible():
            continue
        offsets = np.asarray(collection.get_offsets())
        if not len(offsets):
            continue
        xy = collection.get_offset_transform().transform(offsets)
        if isinstance(collection, Quiver):  # every corner of every arrow, not only its tail
            shape = collection.get_transform()
            corners = zip(collection.get_paths(), xy)
            xy = np.concatenate([shape.transform(p.vertices) + o for p, o in corners])
        points.append((xy, collection.get_clip_on()))
    box = ax.get_window_extent()
    shown = []
    for xy, clipped in points:
        xy = xy[np.isfinite(xy).all(axis=1)]
        if clipped:  # points outside the axes are cut off, not drawn
            xy = xy[inside(xy, box)]
        shown.append(xy)
    return np.concatenate(shown) if shown else np.empty((0, 2))


def legend_problems(fig):
    """Legends of ``fig`` that cover a data point, as readable lines."""
    renderer = laid_out(fig)
    legends = [ax.get_legend() for ax in fig.axes if ax.get_legend()] + list(fig.legends)
    found = []
    for legend in legends:
        box = legend.get_window_extent(renderer)
        for ax in fig.axes:  # a legend may lie over any panel, not only its own
            xy = data_points(ax)
            covered = inside(xy, box)
            if covered.any():
                labels = [t.get_text() for t in legend.get_texts()]
                found.append(f"legend {labels} covers {covered.sum()} data points of a panel")
    return found


# ---- Every figure ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", FIGURES)
def test_figure_text_is_legible_in_the_column(figure, name):
    px, text = smallest_text_px(figure(name))
    assert px >= MIN_TEXT_PX, (
        f"{name}: {text!r} is drawn at {px:.1f} px < {MIN_TEXT_PX} in a {COLUMN_PX} px column: "
        "make the figure narrower (stack its panels) or the text larger"
    )


@pytest.mark.parametrize("name", FIGURES)
def test_figure_follows_the_title_rule(figure, name):
    assert not title_problems(figure(name)), f"{name}: {title_problems(figure(name))}"


@pytest.mark.parametrize("name", FIGURES)
def test_figure_legends_cover_no_data(figure, name):
    assert not legend_problems(figure(name)), f"{name}: {legend_problems(figure(name))}"


def test_the_lab_plots_in_the_figure_style():
    """The lab sets the style itself, in public Matplotlib calls a learner can read: the same
    settings as the book's figures, and SVG output."""
    lab = (ROOT / "docs/labs/step_size.py").read_text()
    (update,) = [
        node for node in ast.walk(ast.parse(lab))
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "plt.rcParams.update"
    ]
    style = ast.literal_eval(update.args[0])
    assert style == {key: RC[key] for key in style}, "the lab's style differs from the figures'"
    looks = {"font.size", "axes.grid", "grid.alpha", "axes.spines.top", "axes.spines.right"}
    assert looks <= set(style), f"the lab does not set {looks - set(style)}"
    assert 'set_matplotlib_formats("svg")' in lab


# ---- The checks catch a planted defect ------------------------------------------------------


def planted(ncols=1, width=6.4, legend_loc="upper left"):
    with matplotlib.rc_context(RC):
        fig, axes = new_figure(1, ncols, width=width, height=3.0)
        for ax in np.atleast_1d(axes):
            x = np.linspace(0, 1, 50)
            ax.plot(x, np.full_like(x, 0.5), label="a flat line")
            ax.set(xlabel="x", ylabel="y")
            ax.legend(loc=legend_loc, fontsize=8)
    return fig, np.atleast_1d(axes)


def test_a_too_wide_figure_is_caught():
    assert smallest_text_px(planted(width=6.4)[0])[0] >= MIN_TEXT_PX
    px, text = smallest_text_px(planted(width=10.0)[0])
    assert px < MIN_TEXT_PX and text == "a flat line"  # 8 pt * 688 / 720 = 7.6 px


def test_a_legend_over_a_line_is_caught():
    assert legend_problems(planted(legend_loc="upper left")[0]) == []
    assert legend_problems(planted(legend_loc="center left")[0])


def test_titles_breaking_the_rule_are_caught():
    fig, (ax,) = planted()
    assert title_problems(fig) == []
    ax.set_title("What the caption says")
    assert title_problems(fig) == [
        "single panel titled 'What the caption says': the caption says it"
    ]

    fig, (left, right) = planted(ncols=2)
    left.set_title("Left")
    assert title_problems(fig) == ["an untitled panel among 2"]
    right.set_title("A title much too long to fit above a panel half the figure wide")
    assert len(title_problems(fig)) == 1 and "wider than its panel" in title_problems(fig)[0]
    right.set_title("Right")
    fig.suptitle("Both")
    assert title_problems(fig) == ["suptitle 'Both': the caption says it"]
