"""The figures of "Definite integrals" plot what their captions say."""

import math

import numpy as np
import pytest
from scipy.integrate import quad


def line(ax, label_start):
    (found,) = [ln for ln in ax.get_lines() if ln.get_label().startswith(label_start)]
    return found.get_xydata()


def labels(ax):
    return [c.get_label() for c in ax.collections]


def test_areas(figure):
    signed, between = figure("definite-areas.svg").axes[:2]
    x, y = line(signed, "sin").T
    np.testing.assert_allclose(y, np.sin(x))
    assert (x[0], x[-1]) == (0, 2 * np.pi)
    assert quad(np.sin, 0, np.pi)[0] == pytest.approx(2) and labels(signed)[0].startswith("+2")
    assert quad(np.sin, np.pi, 2 * np.pi)[0] == pytest.approx(-2) and labels(signed)[1].startswith("−2")
    assert quad(lambda t: t - t**2, 0, 1)[0] == pytest.approx(1 / 6)
    assert labels(between) == ["area 1/2 − 1/3 = 1/6"]


def test_rules_panels_state_the_values_of_the_rules(figure):
    trap, simp = figure("definite-rules.svg").axes[:2]
    f = lambda t: 1 + np.sin(2 * t) + 0.3 * t  # noqa: E731
    exact = quad(f, 0, 3)[0]
    assert f"(exact {exact:.3f})" in trap.get_title() and f"(exact {exact:.3f})" in simp.get_title()
    # the trapezoid rule's value, computed here by NumPy on the same 5 nodes
    nodes = np.linspace(0, 3, 5)
    assert labels(trap) == [f"trapezoids: {np.trapezoid(f(nodes), nodes):.3f}"]
    h = 0.75
    s = h / 3 * (f(nodes) @ [1, 4, 2, 4, 1])
    assert labels(simp)[0] == f"parabolas: {s:.3f}"
    assert abs(s - exact) < abs(np.trapezoid(f(nodes), nodes) - exact)


def test_error_against_n_has_the_slopes_of_the_orders(figure):
    ax = figure("definite-error-vs-n.svg").axes[0]
    for label, order in [("trapezoid", 2), ("Simpson", 4)]:
        h, error = line(ax, label).T
        # slopes on the log-log axes where round-off is far below the error
        keep = error > 1e-13
        slope = np.polyfit(np.log(h[keep]), np.log(error[keep]), 1)[0]
        assert slope == pytest.approx(order, abs=0.05), label
    h, error = line(ax, "Gauss").T
    assert error[-1] < 1e-14 and error[0] > 1e-2  # 7 nodes reach round-off, 1 node does not


def test_monte_carlo_error_follows_one_over_sqrt_n(figure):
    ax = figure("definite-monte-carlo.svg").axes[0]
    n, law = line(ax, "σ/√n").T
    np.testing.assert_allclose(law, math.sqrt(1 / 5 - 1 / 9) / np.sqrt(n))
    runs = [ln.get_xydata()[:, 1] for ln in ax.get_lines() if ln.get_label() != "σ/√n: slope −1/2"]
    assert len(runs) == 20
    rms = np.sqrt(np.mean(np.square(runs), axis=0))
    # over 20 seeds, the RMS error is within a factor 2 of sigma / sqrt(n) at every n
    assert np.all((rms / law > 0.5) & (rms / law < 2))
