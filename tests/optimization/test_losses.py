"""The losses against PyTorch's recorded outputs (and live ones when torch is installed),
central differences, and the data set."""

import json
import pathlib

import numpy as np
import pytest

import snippets._core.losses as core
from snippets.optimization import (
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    cross_entropy,
    digits,
    l1_loss,
    mse_loss,
)

DATA = json.loads((pathlib.Path(__file__).parent / "data/torch_reference.json").read_text())
LOSSES = {f.__name__: f for f in (mse_loss, l1_loss, binary_cross_entropy,
                                  binary_cross_entropy_with_logits, cross_entropy)}


def call(case):
    target = np.array(case["target"], dtype=int if case["name"] == "cross_entropy" else float)
    return LOSSES[case["name"]](np.array(case["input"]), target)


def check_against(case, loss, grad):
    """Compare the package's (loss, grad) on ``case`` with PyTorch's ``loss, grad``."""
    ours, our_grad = call(case)
    grad = np.array(grad)
    assert our_grad.shape == grad.shape == np.shape(case["input"])
    # float64 both sides, summed in different orders: a few ulps (seen: at most 4e-16).
    np.testing.assert_allclose(ours, loss, rtol=1e-13, atol=0)
    p = np.array(case["input"])
    if case["name"] == "binary_cross_entropy":
        # Where p (1 - p) < 1e-12 torch clamps the denominator at float32(1e-12) =
        # 9.99999996e-13, the package at the double 1e-12: those entries differ by 4e-9.
        clamped = p * (1 - p) < 1e-12
        np.testing.assert_allclose(our_grad[clamped], grad[clamped], rtol=1e-8, atol=0)
        np.testing.assert_allclose(our_grad[~clamped], grad[~clamped], rtol=1e-12, atol=0)
    else:
        # Elementwise formulas; cross-entropy's softmax rounds in a few more places (seen: 4e-15).
        np.testing.assert_allclose(our_grad, grad, rtol=1e-12, atol=1e-300)


def test_the_recording_names_its_torch_version_and_covers_every_loss():
    assert DATA["torch"].startswith("2.")
    assert {case["name"] for case in DATA["losses"]} == set(LOSSES)


@pytest.mark.parametrize("case", DATA["losses"], ids=lambda c: f"{c['name']}-{np.shape(c['input'])}")
def test_loss_and_gradient_equal_recorded_torch(case):
    check_against(case, case["loss"], case["grad"])


def test_loss_and_gradient_equal_live_torch():
    pytest.importorskip("torch")
    from tools.record_torch import loss_cases, torch_loss

    for name, a, b in loss_cases():
        check_against({"name": name, "input": a, "target": b}, *torch_loss(name, a, b))


def test_the_part_exports_the_core_losses_themselves():
    # One home: the chapter re-exports the core's functions, it does not redefine them.
    for name, f in LOSSES.items():
        assert f is getattr(core, name)


def central_difference_gradient(f, x, h=1e-6):
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        e = np.zeros_like(x)
        e[i] = h
        grad[i] = (f(x + e) - f(x - e)) / (2 * h)
    return grad


@pytest.mark.parametrize("seed", range(5))
def test_gradients_match_central_differences(seed):
    rng = np.random.default_rng(seed)
    y_hat, y = rng.normal(size=(4, 3)), rng.normal(size=(4, 3))
    p, labels = rng.uniform(0.05, 0.95, size=(4, 3)), rng.integers(0, 2, size=(4, 3)).astype(float)
    classes = rng.integers(0, 3, size=4)
    cases = [
        (mse_loss, y_hat, y), (l1_loss, y_hat, y), (binary_cross_entropy, p, labels),
        (binary_cross_entropy_with_logits, y_hat, labels), (cross_entropy, y_hat, classes),
    ]
    for loss, a, b in cases:
        numeric = central_difference_gradient(lambda v: loss(v, b)[0], a)
        # Central difference with h = 1e-6 on losses of order 1: error ~1e-10 (round-off / h).
        np.testing.assert_allclose(loss(a, b)[1], numeric, rtol=0, atol=1e-8, err_msg=loss.__name__)


def test_mean_reduction_divides_the_per_sample_gradient_by_n():
    # B18: d/dy_hat_i of (1/n) sum (y_hat - y)^2 is 2 (y_hat_i - y_i) / n, not 2 (y_hat_i - y_i).
    y_hat, y = np.array([1.0, 2.0, 4.0, 8.0]), np.zeros(4)
    np.testing.assert_array_equal(mse_loss(y_hat, y)[1], 2 * y_hat / 4)
    np.testing.assert_array_equal(l1_loss(y_hat, y)[1], np.full(4, 0.25))


def test_bce_from_a_rounded_probability_loses_the_gradient_that_logits_keep():
    # The page's example: sigmoid(40) == 1.0 exactly in double precision.
    z, y = np.array([40.0]), np.array([0.0])
    p = 1 / (1 + np.exp(-z))
    assert p[0] == 1.0
    L_p, dL_dp = binary_cross_entropy(p, y)
    assert L_p == 100.0 and dL_dp[0] * p[0] * (1 - p[0]) == 0.0
    L_z, dL_dz = binary_cross_entropy_with_logits(z, y)
    # ln(1 + e^40) = 40 + ln(1 + e^-40)
    assert L_z == pytest.approx(40 + np.log1p(np.exp(-40)), rel=1e-15)
    assert dL_dz[0] == pytest.approx(1.0, rel=1e-15)


def test_digits_is_sklearns_data_scaled_to_the_unit_interval():
    from sklearn.datasets import load_digits

    X, y = digits()
    reference = load_digits()
    assert X.shape == (1797, 64) and y.shape == (1797,) and y.dtype.kind == "i"
    np.testing.assert_array_equal(X * 16, reference.data)
    np.testing.assert_array_equal(y, reference.target)
    assert X.min() == 0.0 and X.max() == 1.0
    assert np.bincount(y).min() >= 174  # about balanced: 174 to 183 per digit
