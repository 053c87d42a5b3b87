"""The figures of "Second derivatives and critical points" mark the right points."""

import numpy as np
import sympy as sp
from matplotlib.collections import PolyCollection

from snippets._core.style import GREEN, RED

x = sp.Symbol("x")


def lines(ax):
    return {ln.get_label(): ln for ln in ax.get_lines()}


def test_cubic_panels(figure):
    left, middle, right = figure("curvature-cubic.svg").axes
    f = x**3 - 3 * x
    for ax, expr, label in ((left, f, "f(x)"), (middle, sp.diff(f, x), "f′(x)"),
                            (right, sp.diff(f, x, 2), "f″(x)")):
        (curve,) = [ln for ln in ax.get_lines() if ln.get_label().startswith(label)]
        xs, ys = curve.get_xydata().T
        np.testing.assert_allclose(ys, sp.lambdify(x, expr)(xs), atol=1e-12)
        # two shaded regions: green where the plotted quantity's sign says so, then red
        shaded = [c for c in ax.collections if isinstance(c, PolyCollection)]
        assert len(shaded) == 2
    drawn = lines(left)
    # the critical points solve f' = 0; f'' decides their colour
    for root in sp.solve(sp.diff(f, x), x):
        kind = "minimum" if sp.diff(f, x, 2).subs(x, root) > 0 else "maximum"
        (label,) = [name for name in drawn if name.startswith(kind)]
        np.testing.assert_allclose(drawn[label].get_xydata(),
                                   [[float(root), float(f.subs(x, root))]])
        assert drawn[label].get_color() == (GREEN if kind == "minimum" else RED)
    marked = lines(right)["f″(−1) = −6, f″(1) = 6"].get_xydata()
    np.testing.assert_allclose(marked, [[-1, -6], [1, 6]])


def test_quartic_marks_all_three_critical_points(figure):
    top, bottom = figure("curvature-quartic.svg").axes
    f = x**4 - 4 * x**3 + 4 * x**2 + 1
    roots = sorted(float(r) for r in sp.solve(sp.diff(f, x), x))
    marked = [ln for ln in top.get_lines() if ln.get_marker() == "o"]
    np.testing.assert_allclose([ln.get_xdata()[0] for ln in marked], roots, atol=1e-12)
    for ln, root in zip(marked, roots):
        kind = "minimum" if sp.diff(f, x, 2).subs(x, sp.nsimplify(root)) > 0 else "maximum"
        assert ln.get_label().startswith(kind)
        assert ln.get_color() == (GREEN if kind == "minimum" else RED)
        assert ln.get_ydata()[0] == sp.lambdify(x, f)(root)
    zeros = lines(bottom)["zeros of f′: 0, 1, 2"].get_xydata()
    np.testing.assert_allclose(zeros, [[r, 0.0] for r in roots], atol=1e-12)
