"""The figures of "The derivative" plot what their captions say."""

import numpy as np
import pytest
from matplotlib.collections import PolyCollection



def line(ax, label_start):
    """The line of ``ax`` whose legend label starts with ``label_start``."""
    (found,) = [ln for ln in ax.get_lines() if ln.get_label().startswith(label_start)]
    return found.get_xydata()


def slope(xy):
    (x0, y0), (x1, y1) = xy[0], xy[-1]
    return (y1 - y0) / (x1 - x0)


def test_tangent_to_parabola(figure):
    ax = figure("derivatives-tangent.svg").axes[0]
    np.testing.assert_allclose(line(ax, "(1.5"), [[1.5, 2.25]])
    tangent = line(ax, "tangent")
    assert slope(tangent) == pytest.approx(3.0, rel=1e-12)
    # The tangent touches the parabola at 1.5: t(1.5) = 2.25.
    np.testing.assert_allclose(np.interp(1.5, *tangent.T), 2.25, rtol=1e-12)
    curve = line(ax, "f(x)")
    np.testing.assert_allclose(curve[:, 1], curve[:, 0] ** 2)
    assert (curve[0, 0], curve[-1, 0]) == (-3, 3)


def test_slope_at_a_triangle_rises_by_the_derivative(figure):
    ax = figure("derivatives-slope-at-a.svg").axes[0]
    tangent = line(ax, "tangent")
    (triangle,) = [ln for ln in ax.get_lines() if ln.get_label().startswith("_")]
    (x0, y0), (x1, _), (_, y2) = triangle.get_xydata()
    assert x1 - x0 == pytest.approx(1.0)
    # f = 0.15 x³ - 0.9 x + 2 has f'(2) = 0.45 · 4 - 0.9 = 0.9.
    assert y2 - y0 == pytest.approx(0.9, rel=1e-12)
    assert slope(tangent) == pytest.approx(0.9, rel=1e-12)


def test_geometry_secants_and_extrema(figure):
    secants, waves, twin = figure("derivatives-geometry.svg").axes[:3]
    slopes = [slope(line(secants, f"secant h = {h}")) for h in [1.0, 0.5, 0.2, 0.05]]
    np.testing.assert_allclose(slopes, [3.0, 2.5, 2.2, 2.05], rtol=1e-9)
    assert slope(line(secants, "tangent")) == pytest.approx(2.0)

    extrema = line(waves, "f′ = 0")
    np.testing.assert_allclose(extrema[:, 0], np.pi * np.array([0.5, 1.5, 2.5]))
    np.testing.assert_allclose(extrema[:, 1], [1, -1, 1], atol=1e-15)
    # The shading covers where cos > 0 (rising) and cos < 0 (falling).
    shaded = [c for c in waves.collections if isinstance(c, PolyCollection)]
    assert [c.get_label() for c in shaded] == ["f′ > 0: rising", "f′ < 0: falling"]

    turning = line(twin, "max")
    np.testing.assert_allclose(turning, [[-1, 2 / 3], [1, -2 / 3]])


def test_error_against_step_shows_the_best_steps(figure):
    ax = figure("derivatives-error-vs-step.svg").axes[0]
    best = [ln for ln in ax.get_lines() if ln.get_label().startswith("best h")]
    (h_forward, _), (h_central, _) = (b.get_xydata()[0] for b in best)
    # The page's model predicts √(2 eps) ≈ 2.1e-8 and ∛(3 eps / 2) ≈ 6.9e-6 for e^x (every
    # derivative equals f); each within a factor of ten (round-off noise moves them).
    eps = np.finfo(float).eps
    assert np.sqrt(2 * eps) / 10 < h_forward < np.sqrt(2 * eps) * 10
    assert np.cbrt(1.5 * eps) / 10 < h_central < np.cbrt(1.5 * eps) * 10
    # The complex step never rises above a few ulps once h < 1e-8.
    h, error = line(ax, "complex step").T
    assert error[h < 1e-8].max() < 4 * eps
