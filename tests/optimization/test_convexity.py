"""Convexity: the chord gap against closed forms, the Hessian test against sampled chords,
the normal equation against NumPy's least squares, the logistic Hessian against finite
differences and SymPy, Newton against SciPy."""

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import check_grad, minimize

from snippets.calculus import hessian
from snippets.optimization import (
    chord_gap, gradient_descent, linear_regression_loss, logistic_hessian, logistic_loss, newton,
    normal_equation,
)


@given(st.floats(-10, 10), st.floats(-10, 10), st.floats(0, 1))
@settings(max_examples=200, deadline=None)
def test_chord_gap_of_a_parabola_is_t_one_minus_t_distance_squared(x, y, t):
    # t x^2 + (1-t) y^2 - (t x + (1-t) y)^2 = t (1 - t) (x - y)^2, exactly in algebra
    gap = chord_gap(lambda z: z**2, x, y, t)
    assert gap == pytest.approx(t * (1 - t) * (x - y) ** 2, abs=1e-9 * (1 + x * x + y * y))


def test_chord_gap_vectorised_over_t_and_points():
    t = np.linspace(0, 1, 11)
    gaps = chord_gap(lambda p: float(p @ p), np.array([1.0, 0.0]), np.array([0.0, 1.0]), t)
    np.testing.assert_allclose(gaps, t * (1 - t) * 2, atol=1e-15)
    assert gaps.shape == (11,)


FUNCTIONS = {  # name: (f on a point, convex?)
    "x^4 + y^4": (lambda p: p[0] ** 4 + p[1] ** 4, True),
    "logsumexp": (lambda p: np.logaddexp(p[0], p[1]), True),
    "saddle": (lambda p: p[0] ** 2 + 3 * p[0] * p[1] + p[1] ** 2, False),
    "sin x + y^2": (lambda p: np.sin(p[0]) + p[1] ** 2, False),
    "x^2 + e^y": (lambda p: p[0] ** 2 + np.exp(p[1]), True),
}


@pytest.mark.parametrize("name", FUNCTIONS)
def test_hessian_psd_everywhere_iff_no_chord_below_the_graph(name):
    f, convex = FUNCTIONS[name]
    rng = np.random.default_rng(0)
    points = rng.uniform(-2, 2, size=(60, 2))
    psd = min(np.linalg.eigvalsh(hessian(f, p))[0] for p in points) > -1e-6
    gaps = [chord_gap(f, a, b, 0.5) for a, b in rng.uniform(-2, 2, size=(300, 2, 2))]
    no_violation = min(gaps) > -1e-12
    assert psd == no_violation == convex


def test_normal_equation_matches_lstsq_and_gradient_descent_reaches_it():
    rng = np.random.default_rng(3)
    X = np.column_stack([np.ones(80), rng.normal(size=(80, 3))])
    y = rng.normal(size=80)
    w = normal_equation(X, y)
    np.testing.assert_allclose(w, np.linalg.lstsq(X, y)[0], rtol=1e-10)
    grad = lambda v: linear_regression_loss(v, X, y)[1]  # noqa: E731
    assert np.linalg.norm(grad(w)) < 1e-12  # the gradient vanishes there
    L = 2 * np.linalg.eigvalsh(X.T @ X / 80)[-1]
    np.testing.assert_allclose(gradient_descent(grad, np.zeros(4), 1 / L, 2000)[-1], w, atol=1e-9)
    # singular X^T X is refused by name
    with pytest.raises(ValueError, match="linearly independent"):
        normal_equation(np.column_stack([X[:, 1], 2 * X[:, 1]]), y)


def test_losses_gradients_against_scipy_check_grad():
    rng = np.random.default_rng(4)
    X, w = rng.normal(size=(30, 3)), rng.normal(size=3)
    y_real, y_label = rng.normal(size=30), (rng.random(30) < 0.5).astype(float)
    for loss, y in [(linear_regression_loss, y_real), (logistic_loss, y_label)]:
        err = check_grad(lambda v: loss(v, X, y)[0], lambda v: loss(v, X, y)[1], w)
        assert err < 1e-6, loss.__name__  # forward differences at h = 1.5e-8: ~1e-7 error


def test_logistic_hessian_against_finite_differences_and_sympy():
    rng = np.random.default_rng(5)
    X, y, w = rng.normal(size=(20, 2)), (rng.random(20) < 0.5).astype(float), rng.normal(size=2)
    H = logistic_hessian(w, X)
    np.testing.assert_allclose(H, hessian(lambda v: logistic_loss(v, X, y)[0], w), rtol=1e-7, atol=1e-9)
    # SymPy: d^2/dw^2 of -y ln s(xw) - (1-y) ln(1 - s(xw)) for one sample is x^2 s (1 - s)
    a, xs, ys = sympy.symbols("a x y", real=True)
    s = 1 / (1 + sympy.exp(-xs * a))
    ell = -ys * sympy.log(s) - (1 - ys) * sympy.log(1 - s)
    assert sympy.simplify(sympy.diff(ell, a, 2) - xs**2 * s * (1 - s)) == 0


def test_logistic_hessian_is_psd_at_random_weights():
    rng = np.random.default_rng(6)
    X = rng.normal(size=(40, 5))
    for _ in range(200):
        assert np.linalg.eigvalsh(logistic_hessian(rng.normal(0, 3, 5), X))[0] >= -1e-15


def test_newton_converges_quadratically_and_matches_lbfgs():
    rng = np.random.default_rng(0)
    X = np.column_stack([np.ones(200), rng.normal(size=(200, 2))])
    y = (rng.random(200) < 1 / (1 + np.exp(-X @ np.array([0.5, 2.0, -1.0])))).astype(float)
    grad = lambda w: logistic_loss(w, X, y)[1]  # noqa: E731
    path = newton(grad, lambda w: logistic_hessian(w, X), np.zeros(3), 7)
    g = [np.linalg.norm(grad(w)) for w in path]
    # quadratic convergence: g_{k+1} <= C g_k^2 over the last steps
    assert g[5] < 100 * g[4] ** 2 and g[6] < 100 * g[5] ** 2 and g[6] < 1e-11
    best = minimize(lambda w: logistic_loss(w, X, y)[0], np.zeros(3), jac=grad, method="L-BFGS-B",
                    options={"gtol": 1e-10, "ftol": 1e-15})
    np.testing.assert_allclose(best.x, path[-1], atol=1e-6)


def test_gradient_descent_on_convex_smooth_loss_below_2_over_l_and_divergence_above_on_quadratic():
    rng = np.random.default_rng(0)
    X = np.column_stack([np.ones(200), rng.normal(size=(200, 2))])
    y = (rng.random(200) < 1 / (1 + np.exp(-X @ np.array([0.5, 2.0, -1.0])))).astype(float)
    L = np.linalg.eigvalsh(X.T @ X / 200)[-1] / 4
    grad = lambda w: logistic_loss(w, X, y)[1]  # noqa: E731
    for factor in (0.5, 1.0, 1.5, 1.99):
        assert np.linalg.norm(grad(gradient_descent(grad, np.zeros(3), factor / L, 600)[-1])) < 1e-8
    # every Hessian eigenvalue is below L (the bound is valid)
    for w in rng.normal(0, 2, size=(50, 3)):
        assert np.linalg.eigvalsh(logistic_hessian(w, X))[-1] <= L * (1 + 1e-12)
    # quadratic with curvature L: any step above 2/L diverges
    for lr in (1.001, 1.1, 1.5):
        steps = int(30 / np.log(abs(1 - 2 * lr)))  # |x_t| = |1 - 2 lr|^t reaches e^30
        path = gradient_descent(lambda x: 2 * x, 1.0, lr, steps)
        assert abs(path[-1]) > 1e10 and np.all(np.abs(path[1:]) > np.abs(path[:-1]))


def test_the_pages_claims_about_default_lbfgs_users():
    from scipy.optimize import minimize
    from sklearn.linear_model import LogisticRegression

    assert LogisticRegression().solver == "lbfgs"
    # with bounds and no method, SciPy's minimize runs L-BFGS-B: its messages start "CONVERGENCE"
    # (BFGS, the default without bounds, says "Optimization terminated successfully.")
    assert minimize(lambda w: float(w @ w), np.ones(2), bounds=[(-1, 1)] * 2).message.startswith("CONVERGENCE")
    assert not minimize(lambda w: float(w @ w), np.ones(2)).message.startswith("CONVERGENCE")
