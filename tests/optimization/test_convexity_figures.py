"""The chord figure: its chords are the functions' chords, above the convex curve and under the
wavy one somewhere."""

import numpy as np

from snippets.optimization import chord_gap
from snippets.optimization.figures.convexity import CHORDS, convex, wavy


def test_chord_figure(figure):
    fig = figure("convexity-chords.svg")
    left, right = fig.axes
    t = np.linspace(0, 1, 201)
    assert np.all(chord_gap(convex, *CHORDS["convex"], t) >= -1e-12)
    assert np.min(chord_gap(wavy, *CHORDS["wavy"], t)) < -0.5
    for ax, f, name in [(left, convex, "convex"), (right, wavy, "wavy")]:
        curve, chord, *_ = ax.get_lines()
        np.testing.assert_allclose(curve.get_ydata(), f(curve.get_xdata()))
        a, b = CHORDS[name]
        np.testing.assert_allclose(chord.get_ydata()[[0, -1]], [f(b), f(a)])
    assert len(left.collections) == 0 and len(right.collections) == 1  # red shading only right
