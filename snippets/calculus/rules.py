"""The table of derivatives a machine-learning practitioner needs, as data.

``DERIVATIVE_TABLE``, a tuple of `DerivativeRow`, is the one source of truth: the page's table
is checked against `derivative_table_markdown`, and the tests verify every row with SymPy and
with NumPy. ``SYMPY_HELPERS`` defines the names ``sigma``, ``Phi`` and ``phi`` that the rows'
SymPy formulas use.
"""

import math
from typing import NamedTuple

import numpy as np

from snippets._core.activations import sigmoid

__all__ = ["DerivativeRow", "DERIVATIVE_TABLE", "SYMPY_HELPERS", "derivative_table_markdown"]


class DerivativeRow(NamedTuple):
    """One row of the table: a function, its derivative, and where ML meets it.

    ``f_tex``/``df_tex`` are the LaTeX shown on the page, ``f_sympy``/``df_sympy`` the same
    formulas for SymPy (in ``x``, or in the vector ``z`` for softmax, whose ``df_sympy`` calls
    its value ``p``), ``f``/``df`` NumPy functions. ``domain`` is the interval the tests draw
    points from; ``parameters`` gives values for the symbols other than ``x`` (``n``, ``b``),
    passed to ``f`` and ``df`` as keywords.
    """

    name: str
    f_tex: str
    df_tex: str
    f_sympy: str
    df_sympy: str
    f: object
    df: object
    ml_use: str
    domain: tuple = (-3.0, 3.0)
    parameters: tuple = ()


def _softmax(z):
    e = np.exp(z - np.max(z))  # shifting z leaves softmax unchanged and keeps exp finite
    return e / e.sum()


_erf = np.vectorize(math.erf, otypes=[float])  # NumPy has no erf; math.erf is exact to 1 ulp


def _Phi(x):
    return 0.5 * (1.0 + _erf(np.asarray(x) / math.sqrt(2.0)))  # standard normal CDF


def _phi(x):
    return np.exp(-0.5 * np.asarray(x) ** 2) / math.sqrt(2.0 * math.pi)  # its density


# Names the SymPy strings may use, defined in terms of x.
SYMPY_HELPERS = {
    "sigma": "1 / (1 + exp(-x))",  # logistic sigmoid
    "Phi": "(1 + erf(x / sqrt(2))) / 2",  # standard normal CDF
    "phi": "exp(-x**2 / 2) / sqrt(2 * pi)",  # standard normal density
}

DERIVATIVE_TABLE = (
    DerivativeRow(
        "Power", r"x^n", r"n\,x^{n-1}", "x**n", "n * x**(n - 1)",
        lambda x, n: x**n, lambda x, n: n * x ** (n - 1),
        r"Polynomial models; the squared error $(\hat y - y)^2$",
        domain=(0.1, 3.0), parameters=(("n", (3, 2.5, 0.5, -1, -2)),),
    ),
    DerivativeRow(
        "Exponential", r"e^x", r"e^x", "exp(x)", "exp(x)", np.exp, np.exp,
        "Numerators of softmax and sigmoid; the one function equal to its own derivative",
    ),
    DerivativeRow(
        "Natural logarithm", r"\ln x", r"\dfrac{1}{x}", "log(x)", "1 / x", np.log,
        lambda x: 1.0 / x,
        r"Cross-entropy and log-likelihoods: $-\ln \hat y$ has slope $-1/\hat y$",
        domain=(0.1, 5.0),
    ),
    DerivativeRow(
        "Logarithm, base $b$", r"\log_b x", r"\dfrac{1}{x \ln b}", "log(x, b)",
        "1 / (x * log(b))", lambda x, b: np.log(x) / np.log(b),
        lambda x, b: 1.0 / (x * np.log(b)),
        "Entropy in bits ($b = 2$): the slope is that of $\\ln$, divided by $\\ln b$",
        domain=(0.1, 5.0), parameters=(("b", (2, 10)),),
    ),
    DerivativeRow(
        "Sine", r"\sin x", r"\cos x", "sin(x)", "cos(x)", np.sin, np.cos,
        "Sinusoidal positional encodings of Transformers",
    ),
    DerivativeRow(
        "Cosine", r"\cos x", r"-\sin x", "cos(x)", "-sin(x)", np.cos,
        lambda x: -np.sin(x), "Sinusoidal positional encodings, paired with the sine",
    ),
    DerivativeRow(
        "Sigmoid", r"\sigma(x) = \dfrac{1}{1 + e^{-x}}", r"\sigma(x)\,(1 - \sigma(x))",
        # 1 - sigma(x) = sigma(-x): no cancellation in either tail
        "1 / (1 + exp(-x))", "sigma(x) * (1 - sigma(x))", sigmoid,
        lambda x: sigmoid(x) * sigmoid(-x),
        "Probability output of binary classifiers, and the gates of LSTMs and GRUs; its slope "
        "is at most $1/4$ (at 0), so a chain of sigmoids shrinks gradients",
    ),
    DerivativeRow(
        "Hyperbolic tangent", r"\tanh x", r"1 - \tanh^2 x", "tanh(x)", "1 - tanh(x)**2",
        np.tanh, lambda x: 1 - np.tanh(x) ** 2,
        "The candidate values and the cell-state output of LSTMs and GRUs (their gates use the "
        "sigmoid); its slope lies in $(0, 1]$, largest at 0",
    ),
    DerivativeRow(
        "ReLU", r"\max(0, x)", r"{1 \text{ if } x > 0,\ 0 \text{ if } x \le 0}",
        "Max(0, x)", "Heaviside(x, 0)",
        lambda x: np.maximum(0.0, x), lambda x: np.where(np.asarray(x) > 0, 1.0, 0.0),
        "Default hidden activation; a unit whose input is negative on all data gets no "
        "gradient (a dead unit). ReLU$'(0)$ does not exist; we use 0, as PyTorch and JAX do",
    ),
    DerivativeRow(
        "Softplus", r"\ln(1 + e^x)", r"\sigma(x)", "log(1 + exp(x))", "sigma(x)",
        lambda x: np.logaddexp(0.0, x), sigmoid,
        "Smooth ReLU that keeps outputs positive (scales, variances); its slope is the sigmoid",
    ),
    DerivativeRow(
        "GELU", r"x\,\Phi(x)", r"\Phi(x) + x\,\varphi(x)", "x * Phi(x)", "Phi(x) + x * phi(x)",
        lambda x: x * _Phi(x), lambda x: _Phi(x) + x * _phi(x),
        r"Hidden activation of BERT and GPT; $\Phi$ and $\varphi$ are the standard normal "
        "CDF and density",
    ),
    DerivativeRow(
        "Softmax", r"p_i = \dfrac{e^{z_i}}{\sum_k e^{z_k}}",
        r"\pdv{p_i}{z_j} = p_i(\delta_{ij} - p_j)",
        "z.applyfunc(exp) / sum(z.applyfunc(exp))", "diag(*p) - p * p.T",
        _softmax, lambda z: np.diag(_softmax(z)) - np.outer(_softmax(z), _softmax(z)),
        r"Multi-class output layer; with cross-entropy the gradient is $\vb p - \vb y$",
    ),
)


def derivative_table_markdown():
    r"""The Markdown table of `DERIVATIVE_TABLE`, as it appears on the page.

    Returns
    -------
    str
        A header, a rule and one line per row: name, $f$, $f'$, use in ML.

    Examples
    --------
    >>> print(derivative_table_markdown().splitlines()[6])
    | Sine | $\sin x$ | $\cos x$ | Sinusoidal positional encodings of Transformers |
    """
    lines = [
        "| Function | $f$ | $f'$ | Where ML uses it |",
        "|---|---|---|---|",
    ]
    for row in DERIVATIVE_TABLE:
        cells = [row.name, f"${row.f_tex}$", f"${row.df_tex}$", row.ml_use]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
