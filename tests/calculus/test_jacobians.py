"""Jacobian and Hessian against closed forms, SciPy's Rosenbrock, SymPy and scipy.differentiate."""

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.differentiate import hessian as scipy_hessian
from scipy.differentiate import jacobian as scipy_jacobian
from scipy.optimize import rosen, rosen_der, rosen_hess
from scipy.special import expit, log_expit, logsumexp, softmax
from scipy.stats import ortho_group

from snippets.calculus import classify_hessian, gradient, hessian, jacobian


def relative_error(estimate, exact):
    return np.linalg.norm(estimate - exact) / np.linalg.norm(exact)


def saddle(v):
    return v[0] ** 2 + 3 * v[0] * v[1] + v[1] ** 2


# --- Jacobian -------------------------------------------------------------------------------------


def polar(v):
    r, theta = v
    return np.array([r * np.cos(theta), r * np.sin(theta)])


def test_jacobian_of_polar_coordinates():
    # J = [[cos t, -r sin t], [sin t, r cos t]], determinant r
    r, t = 2.0, 0.7
    J = jacobian(polar, [r, t])
    exact = np.array([[np.cos(t), -r * np.sin(t)], [np.sin(t), r * np.cos(t)]])
    np.testing.assert_allclose(J, exact, rtol=1e-12, atol=1e-14)
    assert np.linalg.det(J) == pytest.approx(r, rel=1e-12)


def test_jacobian_shape_is_outputs_by_inputs():
    def f(v):  # R^4 -> R^3
        return np.array([v.sum(), v[0] * v[1], np.sin(v[3])])

    J = jacobian(f, np.ones(4))
    assert J.shape == (3, 4)
    v = sp.symbols("a b c d")
    exact = sp.Matrix([sum(v), v[0] * v[1], sp.sin(v[3])]).jacobian(v).subs(dict.fromkeys(v, 1))
    np.testing.assert_allclose(J, np.array(exact, dtype=float), rtol=1e-12, atol=1e-14)


def test_jacobian_shapes_follow_the_inputs():
    assert jacobian(np.sum, np.ones(3)).shape == (3,)  # scalar output: the gradient
    assert jacobian(lambda t: np.array([t, t**2]), 2.0).shape == (2,)  # a curve: its velocity
    assert type(jacobian(np.sin, 1.0)) is float  # the derivative


def test_jacobian_of_softmax():
    # d p_i / d z_j = p_i (delta_ij - p_j)
    z = np.random.default_rng(0).normal(size=5)
    p = softmax(z)
    np.testing.assert_allclose(jacobian(softmax, z), np.diag(p) - np.outer(p, p), atol=1e-13)


def test_jacobian_agrees_with_scipy_differentiate():
    x = np.array([0.4, 1.3, -0.6])

    def f(v):
        return np.array([np.exp(v[0] * v[1]), np.sin(v[1] + v[2]), v[0] * v[2] ** 3])

    # entries are of order 1; where the exact entry is 0, SciPy's own error is ~3e-13
    np.testing.assert_allclose(jacobian(f, x), scipy_jacobian(f, x).df, rtol=1e-11, atol=1e-12)


def test_jacobian_of_the_gradient_is_the_hessian():
    x = np.random.default_rng(1).uniform(-2, 2, 6)
    assert relative_error(jacobian(rosen_der, x), rosen_hess(x)) < 1e-12


# --- Hessian --------------------------------------------------------------------------------------


def test_hessian_of_the_saddle():
    np.testing.assert_allclose(hessian(saddle, [0.3, -0.8]), [[2, 3], [3, 2]], rtol=1e-10)


@pytest.mark.parametrize("n", [2, 3, 5, 10])
def test_hessian_of_rosenbrock_within_1e_8(n):
    rng = np.random.default_rng(n)
    for x in rng.uniform(-2, 2, size=(3, n)):
        H = hessian(rosen, x)
        assert H.shape == (n, n)
        np.testing.assert_array_equal(H, H.T)  # symmetric by construction
        assert relative_error(H, rosen_hess(x)) < 1e-8


def test_hessian_of_logsumexp_within_1e_8():
    # Hessian of log sum exp = diag(p) - p p^T with p = softmax(z)
    for z in np.random.default_rng(2).normal(scale=2.0, size=(3, 10)):
        p = softmax(z)
        assert relative_error(hessian(logsumexp, z), np.diag(p) - np.outer(p, p)) < 1e-8


def test_hessian_agrees_with_scipy_differentiate():
    def f(v):
        return np.exp(v[0]) * np.sin(v[1]) + v[2] ** 2 * np.cos(v[0])

    x = np.array([0.3, -1.2, 0.7])
    np.testing.assert_allclose(hessian(f, x), scipy_hessian(f, x).ddf, rtol=1e-8, atol=1e-10)


def test_hessian_of_a_scalar_is_the_second_derivative():
    assert hessian(np.sin, 1.0) == pytest.approx(-np.sin(1.0), rel=1e-10)


def counted(f):
    def wrapper(x):
        wrapper.calls += 1
        return f(x)

    wrapper.calls = 0
    return wrapper


@pytest.mark.parametrize("n", [1, 4, 10])
def test_cost_in_evaluations(n):
    # gradient: 2 evaluations per coordinate and step (8 steps). Hessian, per step (6 steps):
    # 4 per pair i < j, 2 per diagonal entry (x ± 2h e_i), and f(x) once for all: 12 n^2 + 1.
    f = counted(rosen if n > 1 else np.sum)
    gradient(f, np.ones(n))
    assert f.calls == 2 * 8 * n
    f.calls = 0
    hessian(f, np.ones(n))
    assert f.calls == 6 * (4 * n * (n - 1) // 2 + 2 * n) + 1


# --- Classification by the eigenvalues ------------------------------------------------------------


def test_saddle_eigenvalues_are_5_and_minus_1():
    eigenvalues = sp.Matrix([[2, 3], [3, 2]]).eigenvals()
    assert eigenvalues == {5: 1, -1: 1}
    assert classify_hessian(hessian(saddle, [0.0, 0.0])) == "saddle"


@pytest.mark.parametrize(
    ("H", "kind"),
    [
        (np.diag([2.0, 3.0]), "minimum"),
        (np.diag([-2.0, -3.0]), "maximum"),
        (np.diag([2.0, -3.0]), "saddle"),
        (np.diag([2.0, 0.0]), "inconclusive"),  # x^2 + y^4 (min) and x^2 - y^4 (saddle) alike
        (np.diag([-2.0, 1e-9]), "inconclusive"),
        (np.diag([0.0, 0.0]), "inconclusive"),
    ],
)
def test_classify_hessian(H, kind):
    assert classify_hessian(H) == kind


signs = st.lists(st.sampled_from([-1.0, 1.0]), min_size=2, max_size=5)


@settings(max_examples=25, deadline=None)
@given(signs, st.integers(0, 2**32 - 1))
def test_classify_random_quadratics(sign, seed):
    # f = x^T Q diag(lambda) Q^T x / 2 with eigenvalues lambda of known signs
    n = len(sign)
    rng = np.random.default_rng(seed)
    Q = ortho_group.rvs(n, random_state=rng) if n > 1 else np.eye(1)
    A = Q @ np.diag(np.array(sign) * rng.uniform(0.5, 3.0, n)) @ Q.T
    kind = {(True, False): "minimum", (False, True): "maximum"}.get(
        (min(sign) > 0, max(sign) < 0), "saddle")
    assert classify_hessian(hessian(lambda v: 0.5 * v @ A @ v, np.zeros(n))) == kind


# --- Large |x|, the edge of the domain, units ---------------------------------------------------
# (bad input, with its messages, is in test_bad_input.py)


@pytest.mark.parametrize("x0", [1.0, 50.0, 200.0, 1000.0, 1e6])
def test_hessian_of_sin_at_large_x(x0):
    # The first step once grew like 0.1 |x|: accuracy fell from |x| ~ 50 and was gone by 200.
    def f(v):
        return np.sin(v[0]) * np.cos(v[1])

    x, y = x0, 0.3
    exact = np.array([[-np.sin(x) * np.cos(y), -np.cos(x) * np.sin(y)],
                      [-np.cos(x) * np.sin(y), -np.sin(x) * np.cos(y)]])
    # entries of order 1; round-off of a second difference with steps >= 0.1/32: ~1e-11
    np.testing.assert_allclose(hessian(f, [x, y]), exact, rtol=0, atol=1e-10)


def test_hessian_near_the_edge_of_the_domain():
    x = np.array([1e-4, 0.05])
    np.testing.assert_allclose(hessian(lambda v: np.log(v).sum(), x), np.diag(-1 / x**2), rtol=1e-8)


@pytest.mark.parametrize("scale", [1e-12, 1.0, 1e12])
def test_classify_hessian_does_not_depend_on_units(scale):
    for H, kind in [(np.diag([2.0, 3.0]), "minimum"), (np.diag([2.0, -3.0]), "saddle"),
                    (np.diag([2.0, 0.0]), "inconclusive"), (np.diag([-2.0, -1.0]), "maximum")]:
        assert classify_hessian(scale * H) == kind


# --- The exercises --------------------------------------------------------------------------------


def test_exercise_1_jacobian():
    x, y = sp.symbols("x y")
    exact = sp.Matrix([x**2 * y, 5 * x + sp.sin(y)]).jacobian([x, y]).subs({x: 1, y: 0})
    J = jacobian(lambda v: np.array([v[0] ** 2 * v[1], 5 * v[0] + np.sin(v[1])]), [1.0, 0.0])
    np.testing.assert_allclose(J, np.array(exact, dtype=float), atol=1e-12)


def test_exercise_2_critical_point():
    x, y = sp.symbols("x y")
    f = x**2 + x * y + y**2 - 3 * x
    (point,) = sp.solve([sp.diff(f, x), sp.diff(f, y)], [x, y], dict=True)
    assert point == {x: 2, y: -1} and f.subs(point) == -3
    assert sp.hessian(f, (x, y)).eigenvals() == {1: 1, 3: 1}
    f_np = sp.lambdify([(x, y)], f)
    assert classify_hessian(hessian(f_np, [2.0, -1.0])) == "minimum"


def test_hessian_of_a_sympy_function_within_1e_8():
    v = sp.symbols("x0:3")
    f = sp.exp(v[0]) * sp.sin(v[1]) + v[2] ** 2 * sp.cos(v[0])
    f_np, exact = sp.lambdify([v], f), sp.lambdify([v], sp.hessian(f, v))
    for x in np.random.default_rng(6).uniform(-1.5, 1.5, size=(3, 3)):
        assert relative_error(hessian(f_np, x), np.array(exact(x), dtype=float)) < 1e-8


def test_hessian_of_logistic_loss_within_1e_8():
    rng = np.random.default_rng(42)
    X, Y = rng.normal(size=(50, 10)), rng.choice([-1.0, 1.0], size=50)
    for w in np.random.default_rng(7).uniform(-1, 1, size=(2, 10)):
        p = expit(Y * (X @ w))
        exact = (X.T * (p * (1 - p))) @ X / len(Y)  # X^T diag(p (1 - p)) X / N
        H = hessian(lambda v: -np.mean(log_expit(Y * (X @ v))), w)
        assert relative_error(H, exact) < 1e-8


def test_relu_network_hessians_input_versus_parameters():
    # The page: a ReLU network's output is piecewise linear in its input (input Hessian 0 away
    # from the kinks), but the squared-error loss as a function of the parameters is not.
    x0, y0 = 1.5, 0.3

    def output(x, w1=0.5, b1=0.1, w2=2.0):  # one hidden ReLU unit
        return w2 * np.maximum(w1 * x + b1, 0.0)

    assert hessian(lambda v: output(v[0]), [x0]) == pytest.approx(np.zeros((1, 1)), abs=1e-9)
    # Where w1 x + b1 > 0 the loss is (w2 (w1 x + b1) - y)^2: SymPy's exact parameter Hessian.
    w1, b1, w2 = sp.symbols("w1 b1 w2")
    loss = (w2 * (w1 * x0 + b1) - y0) ** 2
    point = {w1: 0.5, b1: 0.1, w2: 2.0}
    exact = np.array(sp.hessian(loss, (w1, b1, w2)).subs(point), dtype=float)
    numeric = hessian(lambda p: (output(x0, *p) - y0) ** 2, [0.5, 0.1, 2.0])
    np.testing.assert_allclose(numeric, exact, rtol=1e-8, atol=1e-10)
    assert np.linalg.norm(exact) > 1  # far from zero
