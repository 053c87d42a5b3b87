"""The table of antiderivatives a machine-learning practitioner needs, as data.

``ANTIDERIVATIVE_TABLE``, a tuple of `AntiderivativeRow`, is the one source of truth: the page's
table is checked against `antiderivative_table_markdown`, and the tests verify every row with
SymPy (differentiating the antiderivative back) and numerically (F(b) - F(a) against a
quadrature). ``Phi`` is the standard normal CDF, the antiderivative no elementary formula gives.
"""

import math
from typing import NamedTuple

import numpy as np

__all__ = [
    "Phi",
    "AntiderivativeRow",
    "ANTIDERIVATIVE_TABLE",
    "antiderivative_table_markdown",
]

_erfc = np.vectorize(
    math.erfc, otypes=[float]
)  # NumPy has no erfc; math.erfc is exact to 1 ulp


def Phi(x):
    r"""The standard normal CDF, $\Phi(x) = \int_{-\infty}^x e^{-t^2/2} / \sqrt{2\pi}\,dt$.

    Computed as erfc(-x / sqrt 2) / 2, which keeps full relative accuracy in the left tail,
    where 1 + erf(x / sqrt 2) would cancel.

    Parameters
    ----------
    x : float or array_like
        The point(s), real.

    Returns
    -------
    float or ndarray
        Values in [0, 1], shaped like ``x``.

    Examples
    --------
    >>> print(f"{Phi(0.0):.3f} {Phi(1.959964):.4f}")
    0.500 0.9750
    """
    given = x
    x = np.asarray(x)
    if x.dtype.kind not in "iuf":  # None, strings, bools, complex numbers
        raise TypeError(f"`x` must be a real number or array, got {given!r}")
    x = x.astype(float)
    if np.any(np.isnan(x)):
        raise ValueError(f"`x` must not be NaN, got {given!r}")
    value = 0.5 * _erfc(-x / math.sqrt(2.0))
    return float(value) if value.ndim == 0 else value


class AntiderivativeRow(NamedTuple):
    """One row of the table: an integrand, an antiderivative (the + C left out), its ML use.

    ``f_tex``/``F_tex`` are the LaTeX shown on the page, ``f_sympy``/``F_sympy`` the same
    formulas for SymPy in ``x`` (``Phi`` is the standard normal CDF), ``f``/``F`` NumPy
    functions. ``domain`` is an interval on which F is an antiderivative of f (the tests draw
    limits from it); ``parameters`` gives values for the symbols other than ``x`` (``n``,
    ``a``), passed to ``f`` and ``F`` as keywords.
    """

    name: str
    f_tex: str
    F_tex: str
    f_sympy: str
    F_sympy: str
    f: object
    F: object
    ml_use: str
    domain: tuple = (-3.0, 3.0)
    parameters: tuple = ()


ANTIDERIVATIVE_TABLE = (
    AntiderivativeRow(
        "Power ($n \\ne -1$)", r"x^n", r"\dfrac{x^{n+1}}{n+1}", "x**n", "x**(n + 1) / (n + 1)",
        lambda x, n: x**n, lambda x, n: x ** (n + 1) / (n + 1),
        r"Moments $\mathbb E[X^n]$ of a distribution; polynomial features",
        domain=(0.1, 3.0), parameters=(("n", (0, 1, 4, 0.5, -0.5, -2)),),
    ),
    AntiderivativeRow(
        "Constant", r"k", r"k\,x", "k", "k * x",
        lambda x, k: np.full_like(x, k, dtype=float), lambda x, k: k * x,
        r"The uniform density $1/(b-a)$ on $[a, b]$: its CDF is linear",
        parameters=(("k", (5, -2.5)),),
    ),
    AntiderivativeRow(
        "Reciprocal", r"\dfrac{1}{x}", r"\ln\lvert x\rvert", "1 / x", "log(Abs(x))",
        lambda x: 1.0 / x, lambda x: np.log(np.abs(x)),
        r"Logarithms in log-likelihoods and cross-entropy: $\ln$ is the integral of $1/x$",
        domain=(0.1, 5.0),
    ),
    AntiderivativeRow(
        "Exponential", r"e^x", r"e^x", "exp(x)", "exp(x)", np.exp, np.exp,
        r"Softmax and sigmoid are built on $e^x$; exponential weights $e^{-t/\tau}$ integrate "
        r"to $\tau$",
    ),
    AntiderivativeRow(
        "Scaled exponential ($a \\ne 0$)", r"e^{ax}", r"\dfrac{e^{ax}}{a}", "exp(a * x)",
        "exp(a * x) / a", lambda x, a: np.exp(a * x), lambda x, a: np.exp(a * x) / a,
        r"Exponential and Laplace densities $\propto e^{-\lambda\lvert x\rvert}$: "
        r"their normalising constant and CDF",
        parameters=(("a", (2, -1, 0.5)),),
    ),
    AntiderivativeRow(
        "Natural logarithm", r"\ln x", r"x\ln x - x", "log(x)", "x * log(x) - x",
        np.log, lambda x: x * np.log(x) - x,
        r"Entropy terms $p \ln p$; found by integration by parts",
        domain=(0.1, 5.0),
    ),
    AntiderivativeRow(
        "Sine", r"\sin x", r"-\cos x", "sin(x)", "-cos(x)", np.sin, lambda x: -np.cos(x),
        "Sinusoidal positional encodings and random Fourier features",
    ),
    AntiderivativeRow(
        "Cosine", r"\cos x", r"\sin x", "cos(x)", "sin(x)", np.cos, np.sin,
        "Sinusoidal positional encodings and random Fourier features",
    ),
    AntiderivativeRow(
        "Arctangent", r"\dfrac{1}{1+x^2}", r"\arctan x", "1 / (1 + x**2)", "atan(x)",
        lambda x: 1.0 / (1.0 + x**2), np.arctan,
        r"The Cauchy density $\frac{1}{\pi(1+x^2)}$: its CDF is "
        r"$\frac12 + \frac1\pi\arctan x$",
    ),
    AntiderivativeRow(
        "Gaussian", r"e^{-x^2/2}", r"\sqrt{2\pi}\,\Phi(x)", "exp(-x**2 / 2)",
        "sqrt(2 * pi) * Phi(x)", lambda x: np.exp(-(x**2) / 2),
        lambda x: math.sqrt(2 * math.pi) * Phi(x),
        r"Normalising the normal density ($\int_{-\infty}^{\infty} = \sqrt{2\pi}$); "
        r"GELU is $x\,\Phi(x)$",
        domain=(-6.0, 6.0),
    ),
)


def antiderivative_table_markdown():
    r"""The Markdown table of `ANTIDERIVATIVE_TABLE`, as it appears on the page.

    Returns
    -------
    str
        A header, a rule and one line per row: name, $f$, $\int f\,dx$, use in ML.

    Examples
    --------
    >>> print(antiderivative_table_markdown().splitlines()[5])
    | Exponential | $e^x$ | $e^x + C$ | Softmax and sigmoid are built on $e^x$; exponential weights $e^{-t/\tau}$ integrate to $\tau$ |
    """
    lines = [
        r"| Function | $f(x)$ | $\int f(x)\,dx$ | Where ML uses it |",
        "|---|---|---|---|",
    ]
    for row in ANTIDERIVATIVE_TABLE:
        cells = [row.name, f"${row.f_tex}$", f"${row.F_tex} + C$", row.ml_use]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
