"""Accuracy of the estimators of f'(x) on five smooth functions at five points each.

    python benchmarks/derivative_accuracy.py

Prints, per function, the largest relative error over the points of: the textbook central
difference with h = 1e-6, snippets.derivative, and scipy.differentiate.derivative at its
defaults. tests/test_derivatives.py asserts the claims (derivative within 1e-12, and no less
accurate than SciPy); this script only shows the numbers.
"""

import numpy as np
from scipy.differentiate import derivative as scipy_derivative

from snippets.calculus import central_difference, complex_step, derivative



def sigmoid(x):
    # Written out, not scipy.special.expit, so that the complex step can call it.
    return 1 / (1 + np.exp(-x))


CASES = [
    ("sin", np.sin, np.cos, [-2.0, -1.0, 0.5, 1.0, 2.0]),
    ("exp", np.exp, np.exp, [-2.0, -1.0, 0.5, 1.0, 2.0]),
    ("log", np.log, lambda x: 1 / x, [0.75, 1.0, 2.0, 5.0, 10.0]),
    ("tanh", np.tanh, lambda x: 1 / np.cosh(x) ** 2, [-2.0, -1.0, 0.5, 1.0, 2.0]),
    ("sigmoid", sigmoid, lambda x: sigmoid(x) * sigmoid(-x), [-2.0, -1.0, 0.5, 1.0, 2.0]),
]


def main():
    columns = ["central h=1e-6", "complex step", "snippets.derivative", "scipy derivative"]
    print(f"{'f':8} {'points':26} " + " ".join(f"{c:>20}" for c in columns))
    for name, f, df, points in CASES:
        x = np.array(points)
        exact = df(x)
        estimates = [
            central_difference(f, x, h=1e-6),
            complex_step(f, x),
            derivative(f, x),
            scipy_derivative(f, x).df,
        ]
        errors = [np.max(np.abs(e - exact) / np.abs(exact)) for e in estimates]
        print(f"{name:8} {str(points):26} " + " ".join(f"{e:20.1e}" for e in errors))
    print("largest relative error over the five points; 1e-16 is machine precision")


if __name__ == "__main__":
    main()
