"""The gradient-flow figures plot the derivatives and gradient norms their legends name."""

import numpy as np
from scipy.special import expit

from snippets.backprop import grad_norms


def lines(ax):
    """Labelled lines of ``ax`` by label (matplotlib names unlabelled ones "_child...")."""
    return {ln.get_label(): ln.get_xydata() for ln in ax.get_lines()
            if not ln.get_label().startswith("_")}


def test_activation_derivatives_are_the_closed_forms(figure):
    drawn = lines(figure("gradflow-activations.svg").axes[0])
    z, s = drawn["σ′(z), at most 1/4"].T
    np.testing.assert_allclose(s, expit(z) * (1 - expit(z)), rtol=1e-12, atol=1e-300)
    assert s.max() == 0.25  # at z = 0, which the grid contains
    z, t = drawn["tanh′(z), at most 1"].T
    # 1 - tanh^2 loses digits to cancellation where tanh is near 1: absolute error ~ eps.
    np.testing.assert_allclose(t, 1 / np.cosh(z) ** 2, rtol=1e-12, atol=1e-15)
    z, r = drawn["ReLU′(z), 0 or 1"].T
    keep = ~np.isnan(z)
    np.testing.assert_array_equal(r[keep], (z[keep] > 0).astype(float))
    np.testing.assert_array_equal(drawn["ReLU′(0) = 0"], [[0.0, 0.0]])


def check_panel(ax, expected):
    drawn = lines(ax)
    assert set(drawn) == set(expected)
    for label, kwargs in expected.items():
        np.testing.assert_array_equal(drawn[label][:, 0], np.arange(1, 31))
        np.testing.assert_array_equal(drawn[label][:, 1], grad_norms(**kwargs))
    assert ax.get_yscale() == "log"


def test_depth_figure(figure):
    check_panel(figure("gradflow-depth.svg").axes[0], {
        "sigmoid, Xavier": dict(activation="sigmoid"),
        "tanh, Xavier": dict(activation="tanh"),
        "ReLU, He": dict(activation="relu", gain=np.sqrt(2)),
    })


def test_initialisation_figure(figure):
    check_panel(figure("gradflow-init.svg").axes[0], {
        "gain 1 (Xavier): vanishing": dict(activation="relu", gain=1.0),
        "gain √2 (He)": dict(activation="relu", gain=np.sqrt(2)),
        "gain 2: exploding": dict(activation="relu", gain=2.0),
    })


def test_mitigations_figure(figure):
    left, right = figure("gradflow-mitigations.svg").axes
    check_panel(left, {
        "plain": dict(activation="sigmoid"),
        "residual": dict(activation="sigmoid", residual=True),
        "residual + normalisation": dict(activation="sigmoid", residual=True, normalise=True),
    })
    check_panel(right, {
        "plain": dict(activation="relu", gain=2.0),
        "normalisation": dict(activation="relu", gain=2.0, normalise=True),
        "clipped to global norm 1": dict(activation="relu", gain=2.0, max_norm=1.0),
    })
