"""The model equation and solving a linear equation, against hand computation and NumPy."""

import numpy as np
import pytest
import sympy

from snippets.foundations import linear_model, solve_linear


def test_solve_linear_worked_example_and_sympy():
    # WE1: 3x + 7 = 22 gives x = 5.
    assert solve_linear(3, 7, 22) == 5.0
    x = sympy.symbols("x")
    for a, b, y in [(3, 7, 22), (-2, 1, 0), (0.5, -3, 4)]:
        (exact,) = sympy.solve(sympy.Eq(a * x + b, y), x)
        assert solve_linear(a, b, y) == pytest.approx(float(exact), rel=1e-15)


def test_linear_model_is_the_weighted_sum_plus_bias():
    w, b = [0.5, 0.3, 0.2], 0.0
    # WE14: 0.5 * 5.9 + 0.3 * 160 + 0.2 * 25 = 2.95 + 48 + 5 = 55.95.
    assert linear_model([5.9, 160, 25], w, b) == pytest.approx(55.95, rel=1e-15)
    X = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    y_hat = linear_model(X, w, 1.0)
    # A loop over rows and features, written out.
    expected = [sum(wi * xi for wi, xi in zip(w, row)) + 1.0 for row in X]
    np.testing.assert_allclose(y_hat, expected, rtol=1e-15)
    assert y_hat.shape == (2,) and type(linear_model([1.0], [2.0], 3.0)) is float


def test_solve_linear_refuses_a_solution_that_overflows():
    # (1e300 - 0) / 1e-310 = 1e610 is beyond the largest float, 1.8e308.
    with pytest.raises(ValueError, match="overflows the float range"):
        solve_linear(1e-310, 0.0, 1e300)
    assert solve_linear(1e-300, 0.0, 1e-10) == pytest.approx(1e290, rel=1e-15)
