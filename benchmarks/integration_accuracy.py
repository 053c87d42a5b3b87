"""Accuracy of snippets.integrate next to scipy.integrate.quad, on integrands the tests never use.

    python -m benchmarks.integration_accuracy

Prints, per integrand, the absolute error of each against the exact value (SymPy's, or a
closed form), the error each one estimates for itself, and how many times each evaluated f.
quad runs at its defaults (epsabs = epsrel = 1.49e-8) and at 1e-13. The tests
(tests/integration/test_definite.py) assert integrate within 1e-10 on another set of integrands;
this script only shows the numbers.
"""

import math
import warnings

import numpy as np
from scipy.integrate import quad

from snippets.integration import integrate

CASES = [
    # name, f, a, b, exact
    ("cosh on [-1, 2]", np.cosh, -1.0, 2.0, math.sinh(2) + math.sinh(1)),
    (
        "1/(1 + 25 x^2) on [-1, 1]",
        lambda x: 1 / (1 + 25 * x**2),
        -1.0,
        1.0,
        0.4 * math.atan(5),
    ),
    (
        "sin(50 x)^2 on [0, pi]",
        lambda x: np.sin(50 * x) ** 2,
        0.0,
        math.pi,
        math.pi / 2,
    ),
    (
        "sqrt(x) ln x on [0, 1]",
        lambda x: np.sqrt(x) * np.log(x),
        0.0,
        1.0,
        -4 / 9,
    ),
    (
        "x^-0.5 e^-x on [0, inf)",
        lambda x: np.exp(-x) / np.sqrt(x),
        0.0,
        np.inf,
        math.sqrt(math.pi),
    ),
    ("sqrt(x) on [0, 9]", np.sqrt, 0.0, 9.0, 18.0),
    ("x^-0.9 on [0, 1]", lambda x: x**-0.9, 0.0, 1.0, 10.0),
    (
        "e^(-x^2/2) cos x, whole line",
        lambda x: np.exp(-(x**2) / 2) * np.cos(x),
        -np.inf,
        np.inf,
        math.sqrt(2 * math.pi) * math.exp(-0.5),
    ),
    (
        "1/(1 + x^4), whole line",
        lambda x: 1 / (1 + x**4),
        -np.inf,
        np.inf,
        math.pi / math.sqrt(2),
    ),
    # x^3 e^-x / (1 - e^-x): the same function, without overflow at large x
    (
        "x^3/(e^x - 1) on [0, inf)",
        lambda x: x**3 * np.exp(-x) / -np.expm1(-x),
        0.0,
        np.inf,
        math.pi**4 / 15,
    ),
    (
        "ln(1 + x)/x on [0, 1]",
        lambda x: np.log1p(x) / x,
        0.0,
        1.0,
        math.pi**2 / 12,
    ),
    ("1/x^1.5 on [1, inf)", lambda x: x**-1.5, 1.0, np.inf, 2.0),
]


def counted(f):
    """f, and a list whose first item counts the points f was called with."""
    calls = [0]

    def g(x):
        calls[0] += np.size(x)
        return f(x)

    return g, calls


def main():
    print(
        f"{'integrand':32}{'integrate':>23}{'quad (default)':>23}{'quad (1e-13)':>23}"
    )
    print(f"{'':32}" + f"{'error  estimate  n_f ':>23}" * 3)
    for name, f, a, b, exact in CASES:
        g, calls = counted(f)
        value, estimate = integrate(g, a, b, return_error=True)
        columns = [(abs(value - exact), estimate, calls[0], " ")]
        for tol in (1.49e-8, 1e-13):
            g, calls = counted(f)
            with warnings.catch_warnings(record=True) as warned:
                warnings.simplefilter("always")
                value, estimate = quad(
                    g, a, b, epsabs=tol, epsrel=tol, limit=200
                )
            columns.append(
                (
                    abs(value - exact),
                    estimate,
                    calls[0],
                    "*" if warned else " ",
                )
            )
        print(
            f"{name:32}"
            + "".join(f"{e:8.0e} {s:8.0e} {n:5d}{w}" for e, s, n, w in columns)
        )
    print(
        "error: |result - exact|; estimate: the method's own error estimate; n_f: evaluations"
    )
    print("*: quad warned that it did not reach the tolerance asked for")


if __name__ == "__main__":
    main()
