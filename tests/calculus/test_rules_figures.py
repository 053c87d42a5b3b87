"""The figures of "Differentiation rules" plot what their captions say."""

import numpy as np
import sympy as sp


t = sp.Symbol("t")


def lines(ax):
    return {ln.get_label(): ln.get_xydata() for ln in ax.get_lines()}


def test_each_panel_plots_a_function_and_its_sympy_derivative(figure):
    expected = {
        "x²": t**2, "eˣ": sp.exp(t), "ln x": sp.log(t), "sin x": sp.sin(t),
        "σ(x)": 1 / (1 + sp.exp(-t)),
    }
    for ax in figure("rules-standard-derivatives.svg").axes:
        drawn = lines(ax)
        f_label, df_label = list(drawn)[:2]
        (x, y), (_, dy) = drawn[f_label].T, drawn[df_label].T
        if f_label == "ReLU(x)":
            np.testing.assert_array_equal(y, np.maximum(0, x))
            np.testing.assert_array_equal(dy, 0.0)  # the left piece, x <= 0, ends at x = 0
            assert drawn[df_label][-1, 0] == 0.0
            np.testing.assert_array_equal(drawn["_value at 0"], [[0.0, 0.0]])  # ReLU'(0) = 0
            np.testing.assert_array_equal(drawn["_jump"][:, 1], 1.0)
            continue
        f = expected[f_label]
        np.testing.assert_allclose(y, sp.lambdify(t, f)(x), rtol=1e-13)
        np.testing.assert_allclose(dy, sp.lambdify(t, sp.diff(f, t))(x), rtol=1e-12, atol=1e-15)


def test_chain_rule_figure(figure):
    top, bottom = figure("rules-chain-rule.svg").axes[:2]
    inner = figure("rules-chain-rule.svg").axes[2]
    (x, y) = lines(top)["f(g(x)) = sin(x²)"].T
    assert (x[0], x[-1]) == (-3, 3)
    np.testing.assert_allclose(y, np.sin(x**2))
    (x, g) = [ln for ln in inner.get_lines()][0].get_xydata().T
    np.testing.assert_allclose(g, x**2)
    drawn = lines(bottom)
    (x, dy) = drawn["chain rule: cos(x²) · 2x"].T
    np.testing.assert_allclose(dy, sp.lambdify(t, sp.diff(sp.sin(t**2), t))(x), atol=1e-14)
    (p, slope) = drawn["numerical slope"].T
    np.testing.assert_allclose(slope, 2 * p * np.cos(p**2), atol=1e-10)
