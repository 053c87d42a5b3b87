"""Accuracy of the estimators of f'(x) on five smooth functions, at five points and on a grid.

    python -m benchmarks.derivative_accuracy

Prints, per function, the largest relative error over the points of: the textbook central
difference with h = 1e-6, the complex step, snippets.calculus.derivative, and
scipy.differentiate.derivative at its defaults; first at the five points of the chapter, then
on a grid of 801 points over [-4, 4] ([0.75, 8] for log: SciPy's first step, 0.5, must stay
inside the domain). tests/calculus/test_derivatives.py asserts the claims the chapter makes from
them; this script only shows the numbers.
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


def table(cases):
    columns = ["central h=1e-6", "complex step", "snippets.derivative", "scipy derivative"]
    print(f"{'f':8} {'points':26} " + " ".join(f"{c:>20}" for c in columns))
    for name, f, df, points in cases:
        x = np.array(points)
        exact = df(x)
        estimates = [
            central_difference(f, x, h=1e-6),
            complex_step(f, x),
            derivative(f, x),
            scipy_derivative(f, x).df,
        ]
        errors = [np.max(np.abs(e - exact) / np.abs(exact)) for e in estimates]
        where = str(points) if len(points) <= 5 else f"{len(points)} in [{points[0]:g}, {points[-1]:g}]"
        print(f"{name:8} {where:26} " + " ".join(f"{e:20.1e}" for e in errors))


def main():
    table(CASES)
    print("largest relative error over the five points; 1e-16 is machine precision\n")
    grid = np.linspace(-4, 4, 801).tolist()
    table([(name, f, df, np.linspace(0.75, 8, 801).tolist() if name == "log" else grid)
           for name, f, df, _ in CASES])
    print("largest relative error over the grid: largest where f' is small next to f")


if __name__ == "__main__":
    main()
