"""Gradients against closed forms, SymPy, SciPy's Rosenbrock and scipy.differentiate."""

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.differentiate import jacobian as scipy_jacobian
from scipy.optimize import check_grad, rosen, rosen_der
from scipy.special import expit, log_expit, logsumexp, softmax

from snippets.calculus import central_gradient, check_gradient, derivative, gradient


def relative_error(estimate, exact):
    return np.linalg.norm(estimate - exact) / np.linalg.norm(exact)


# --- Closed forms: the worked examples of the chapter ---------------------------------------------


def saddle(v):
    return v[0] ** 2 + 3 * v[0] * v[1] + v[1] ** 2


@pytest.mark.parametrize("estimate", [central_gradient, gradient])
def test_partials_of_the_saddle_at_1_1(estimate):
    # d/dx = 2x + 3y = 5, d/dy = 3x + 2y = 5 at (1, 1); the central difference is exact up to
    # rounding on a quadratic, so both estimates are within 1e-9.
    np.testing.assert_allclose(estimate(saddle, [1.0, 1.0]), [5.0, 5.0], rtol=1e-9)


def test_gradient_of_sum_of_squares():
    # grad (x^2 + y^2 + z^2) = 2 (x, y, z); grad (x^2 + y^2) at (3, 4) = (6, 8).
    rng = np.random.default_rng(0)
    x = rng.normal(size=3)
    np.testing.assert_allclose(gradient(lambda v: v @ v, x), 2 * x, rtol=1e-12)
    np.testing.assert_allclose(gradient(lambda v: v @ v, [3.0, 4.0]), [6.0, 8.0], rtol=1e-13)


def test_exercise_3_partials_match_sympy():
    # E3: f = x^3 y^2 + 2xy - y^3, solution on the page: (3x^2 y^2 + 2y, 2x^3 y + 2x - 3y^2).
    x, y = sp.symbols("x y")
    f = x**3 * y**2 + 2 * x * y - y**3
    solution = [3 * x**2 * y**2 + 2 * y, 2 * x**3 * y + 2 * x - 3 * y**2]
    assert [sp.simplify(sp.diff(f, v) - s) for v, s in zip((x, y), solution)] == [0, 0]
    # and numerically at the page's point (2, -1)
    f_np = sp.lambdify([(x, y)], f)
    exact = [float(s.subs({x: 2, y: -1})) for s in solution]
    np.testing.assert_allclose(gradient(f_np, [2.0, -1.0]), exact, rtol=1e-12)


def test_steepest_ascent_is_the_gradient_direction():
    # Among unit directions u, the slope grad . u is largest along grad / |grad|, and equals |grad|.
    point = np.array([1.0, 0.5])
    g = gradient(saddle, point)
    angles = np.linspace(0, 2 * np.pi, 3600, endpoint=False)
    u = np.stack([np.cos(angles), np.sin(angles)], axis=1)
    slopes = [derivative(lambda t, d=d: saddle(point + t * d), 0.0) for d in u[::10]]
    best = u[::10][np.argmax(slopes)]
    np.testing.assert_allclose(best, g / np.linalg.norm(g), atol=np.sin(2 * np.pi / 360))
    assert max(slopes) == pytest.approx(np.linalg.norm(g), rel=1e-4)


# --- Accuracy: the claim of the benchmark ---------------------------------------------------------


@pytest.mark.parametrize("n", [2, 3, 5, 10])
def test_gradient_of_rosenbrock_within_1e_12(n):
    rng = np.random.default_rng(n)
    for x in rng.uniform(-2, 2, size=(3, n)):
        assert relative_error(gradient(rosen, x), rosen_der(x)) < 1e-12


def test_gradient_of_logsumexp_within_1e_12():
    # d/dz log sum exp z = softmax z
    rng = np.random.default_rng(1)
    for z in rng.normal(scale=2.0, size=(3, 10)):
        assert relative_error(gradient(logsumexp, z), softmax(z)) < 1e-12


def test_gradient_agrees_with_scipy_differentiate():
    def f(v):
        return np.exp(v[0]) * np.sin(v[1]) + v[2] ** 2 * np.cos(v[0])

    x = np.array([0.3, -1.2, 0.7])
    reference = scipy_jacobian(f, x).df
    # both are accurate to about 1e-14; 1e-12 leaves room for either's rounding
    np.testing.assert_allclose(gradient(f, x), reference, rtol=1e-12)


def test_plain_central_gradient_is_second_order():
    # error = h^2/6 f''' per coordinate: for exp(v0) + exp(v1) at 0 the fitted slope is 2
    h = np.logspace(-3, -1, 5)
    errors = [relative_error(central_gradient(lambda v: np.exp(v).sum(), [0.0, 0.0], h=s),
                             np.ones(2)) for s in h]
    assert np.polyfit(np.log(h), np.log(errors), 1)[0] == pytest.approx(2, abs=0.02)


def test_plain_central_gradient_is_less_accurate():
    x = np.random.default_rng(2).uniform(-2, 2, 10)
    plain = relative_error(central_gradient(rosen, x), rosen_der(x))
    accurate = relative_error(gradient(rosen, x), rosen_der(x))
    assert 1e-12 < plain < 1e-8 and accurate < plain / 100


def test_each_partial_is_a_one_variable_derivative():
    # A scalar loop over coordinates with derivative() gives the same vector.
    x = np.array([0.5, -1.0, 1.5])
    loop = [derivative(lambda t, i=i: rosen(np.where(np.arange(3) == i, t, x)), x[i])
            for i in range(3)]
    np.testing.assert_allclose(gradient(rosen, x), loop, rtol=1e-12)


# --- Laws of differentiation on random polynomials (Hypothesis) -----------------------------------

coefficients = st.lists(st.floats(-3, 3), min_size=10, max_size=10)
points = st.lists(st.floats(-1.5, 1.5), min_size=3, max_size=3)
# The monomials of degree <= 3 in three variables that the random polynomials use.
EXPONENTS = np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1], [2, 0, 0], [1, 1, 0],
                      [0, 1, 1], [1, 0, 2], [3, 0, 0], [1, 1, 1]])


def polynomial(c):
    return lambda v: float(np.dot(c, np.prod(np.asarray(v) ** EXPONENTS, axis=1)))


def exact_gradient(c, v):
    """Gradient of sum_k c_k v^e_k by the power rule, done by SymPy."""
    s = sp.symbols("a b c")
    p = sum(ck * sp.Mul(*[si**int(e) for si, e in zip(s, ek)]) for ck, ek in zip(c, EXPONENTS))
    return np.array([float(sp.diff(p, si).subs(dict(zip(s, v)))) for si in s])


def close(a, b):
    # |values| <= 3 * 10 * 1.5^3 ~ 100: an absolute 1e-9 is ~1e-11 relative to them
    np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-9)


@settings(max_examples=15, deadline=None)
@given(coefficients, points)
def test_gradient_matches_sympy_on_random_polynomials(c, v):
    close(gradient(polynomial(c), v), exact_gradient(c, v))


@settings(max_examples=15, deadline=None)
@given(coefficients, coefficients, st.floats(-2, 2), st.floats(-2, 2), points)
def test_linearity(c1, c2, a, b, v):
    f, g = polynomial(c1), polynomial(c2)
    close(gradient(lambda x: a * f(x) + b * g(x), v), a * gradient(f, v) + b * gradient(g, v))


@settings(max_examples=15, deadline=None)
@given(coefficients, coefficients, points)
def test_product_rule(c1, c2, v):
    f, g = polynomial(c1), polynomial(c2)
    close(gradient(lambda x: f(x) * g(x), v), f(v) * gradient(g, v) + g(v) * gradient(f, v))


@settings(max_examples=15, deadline=None)
@given(coefficients, points)
def test_chain_rule(c, v):
    # grad sin(f) = cos(f) grad f
    f = polynomial(c)
    close(gradient(lambda x: np.sin(f(x)), v), np.cos(f(v)) * gradient(f, v))


# --- Shapes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("estimate", [central_gradient, gradient])
def test_shapes(estimate):
    assert type(estimate(np.sin, 0.5)) is float  # a scalar point: the derivative
    assert estimate(np.sum, np.zeros(4)).shape == (4,)
    assert estimate(lambda v: v[0], [1.0]).shape == (1,)


# --- The gradient check ---------------------------------------------------------------------------


def test_check_gradient_passes_a_right_gradient():
    x = np.random.default_rng(3).uniform(-2, 2, 6)
    assert check_gradient(rosen, rosen_der, x) < 1e-12


def test_check_gradient_agrees_with_scipy_check_grad():
    # scipy returns |g - g_num| with a forward difference; ours divides by max(|g|, |g_num|)
    x = np.random.default_rng(4).uniform(-2, 2, 4)

    def wrong(v):
        return rosen_der(v) * np.array([1.0, 1.0, 0.5, 1.0])  # a bug in one component

    ours = check_gradient(rosen, wrong, x)
    scale = max(np.linalg.norm(wrong(x)), np.linalg.norm(rosen_der(x)))
    assert ours * scale == pytest.approx(check_grad(rosen, wrong, x), rel=1e-5)
    assert ours > 1e-3


def test_check_gradient_of_zero_gradients_is_zero():
    assert check_gradient(lambda v: 1.0, np.zeros_like, [1.0, 2.0]) == 0.0


def test_check_gradient_at_a_stationary_point_is_no_false_alarm():
    # Both gradients are ~0 at the minimum of x^2 + y^2: the plain relative error of two tiny
    # numbers is noise (it once returned 1.0); the numerical gradient's uncertainty sets the floor.
    f = lambda v: v[0] ** 2 + v[1] ** 2  # noqa: E731
    assert check_gradient(f, lambda v: 2 * v, [0.0, 0.0]) < 1e-10
    assert check_gradient(rosen, rosen_der, [1.0, 1.0, 1.0]) < 1e-10  # Rosenbrock's minimum
    # a wrong gradient there is still caught
    assert check_gradient(f, lambda v: 2 * v + 1e-3, [0.0, 0.0]) > 0.5


def test_gradient_at_large_x():
    # The first step no longer grows with |x| alone: sin at 1000 turns over within 0.1 |x| = 100.
    x = np.array([1000.0, -250.0, 3.0])
    exact = np.cos(x) * np.array([1.0, 1.0, 1.0])
    np.testing.assert_allclose(gradient(lambda v: np.sin(v).sum(), x), exact, rtol=0, atol=1e-12)


def test_gradient_near_the_edge_of_the_domain():
    # grad sum(log v) = 1 / v; the default first step shrinks where log is not finite
    x = np.array([1e-6, 0.05, 2.0])
    np.testing.assert_allclose(gradient(lambda v: np.log(v).sum(), x), 1 / x, rtol=1e-12)


def test_exercise_2_steepest_descent():
    # f = x^2 + xy + y^2 at (1, 2): grad (4, 5), descent -(4, 5)/sqrt(41), rate sqrt(41)
    x, y = sp.symbols("x y")
    f = x**2 + x * y + y**2
    exact = np.array([float(sp.diff(f, v).subs({x: 1, y: 2})) for v in (x, y)])
    g = gradient(sp.lambdify([(x, y)], f), [1.0, 2.0])
    np.testing.assert_allclose(g, exact, rtol=1e-12)
    assert np.linalg.norm(g) == pytest.approx(float(sp.sqrt(41)), rel=1e-12)


# --- The other functions of the benchmark ---------------------------------------------------------

_rng = np.random.default_rng(42)
X, Y = _rng.normal(size=(50, 10)), _rng.choice([-1.0, 1.0], size=50)


def logistic_loss(w):
    return -np.mean(log_expit(Y * (X @ w)))  # mean of log(1 + exp(-y x.w))


def logistic_grad(w):
    return -(X.T @ (Y * expit(-Y * (X @ w)))) / len(Y)


def test_gradient_of_logistic_loss_within_1e_12():
    for w in np.random.default_rng(5).uniform(-1, 1, size=(3, 10)):
        # the closed form itself agrees with SciPy's numerical gradient
        reference = scipy_jacobian(lambda v: np.apply_along_axis(logistic_loss, 0, v), w).df
        np.testing.assert_allclose(logistic_grad(w), reference, rtol=1e-9)
        assert relative_error(gradient(logistic_loss, w), logistic_grad(w)) < 1e-12
