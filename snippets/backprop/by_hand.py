"""Backpropagation by hand: every local derivative of small scalar networks, written out.

Each function runs the forward pass, then multiplies local derivatives from the loss back to
the parameters, and returns every intermediate value by name, so a page can print them all.
"""

import math

import numpy as np

from snippets._core.activations import sigmoid
from snippets._core.checks import check_point

__all__ = ["neuron_backprop", "two_layer_backprop", "logistic_backprop"]


def _reals(**named):
    """Each argument as a float; raise naming the first one that is not a finite real number."""
    for name, v in named.items():
        if v is None:  # np.asarray(None, dtype=float) would be nan
            raise TypeError(f"`{name}` must be a real number, got None")
    return [float(check_point(v, name, ndim=(0,))) for name, v in named.items()]


def neuron_backprop(x, w, b, t):
    """One sigmoid neuron y = sigma(w x + b) with squared error L = (y - t)^2.

    Returns
    -------
    dict
        Forward values ``z, y, L``, the local derivatives ``dL/dy, dy/dz, dz/dw,
        dz/db`` and their products ``dL/dw, dL/db``.

    Examples
    --------
    >>> d = neuron_backprop(x=1.5, w=0.8, b=0.1, t=1.0)
    >>> print(f"{d['dL/dw']:.6f} {d['dL/db']:.6f}")
    -0.108131 -0.072087
    """
    x, w, b, t = _reals(x=x, w=w, b=b, t=t)
    z = w * x + b
    y = float(sigmoid(z))
    L = (y - t) ** 2
    dL_dy = 2 * (y - t)
    dy_dz = y * (1 - y)  # sigma'(z) = sigma(z) (1 - sigma(z))
    dz_dw, dz_db = x, 1.0
    return {
        "z": z, "y": y, "L": L,
        "dL/dy": dL_dy, "dy/dz": dy_dz, "dz/dw": dz_dw, "dz/db": dz_db,
        # chain rule: the product of the local derivatives
        "dL/dw": dL_dy * dy_dz * dz_dw,
        "dL/db": dL_dy * dy_dz * dz_db,
    }


def two_layer_backprop(x, y, W1, W2):
    """Scalar two-layer network y_hat = W2 sigma(W1 x), L = (y_hat - y)^2 / 2.

    Returns
    -------
    dict
        Forward values ``z1, a1, y_hat, L``; local derivatives ``dL/dy_hat``,
        ``dy_hat/dW2 = a1``, ``dy_hat/da1 = W2``, ``da1/dz1 = sigma'(z1)``,
        ``dz1/dW1 = x``; gradients ``dL/dW2`` and ``dL/dW1``.

    Examples
    --------
    >>> d = two_layer_backprop(x=2.0, y=1.0, W1=0.5, W2=0.8)
    >>> print(f"{d['L']:.4f} {d['dL/dW2']:.4f} {d['dL/dW1']:.4f}")
    0.0862 -0.3035 -0.1306
    """
    x, y, W1, W2 = _reals(x=x, y=y, W1=W1, W2=W2)
    z1 = W1 * x
    a1 = float(sigmoid(z1))
    y_hat = W2 * a1  # no output activation
    L = 0.5 * (y_hat - y) ** 2
    dL_dy_hat = y_hat - y  # the 1/2 cancels the 2 of the square
    da1_dz1 = a1 * (1 - a1)
    return {
        "z1": z1, "a1": a1, "y_hat": y_hat, "L": L,
        "dL/dy_hat": dL_dy_hat, "dy_hat/dW2": a1, "dy_hat/da1": W2,
        "da1/dz1": da1_dz1, "dz1/dW1": x,
        "dL/dW2": dL_dy_hat * a1,
        # loss <- layer 2 <- sigmoid <- layer 1
        "dL/dW1": dL_dy_hat * W2 * da1_dz1 * x,
    }


def _ratio(c, p):
    """c / p for c >= 0 and a probability p: 0 if c = 0, inf if p underflowed to 0."""
    return 0.0 if c == 0 else (c / p if p > 0 else math.inf)


def logistic_backprop(x, y, w, b):
    """Logistic regression y_hat = sigma(w x + b), cross-entropy loss, y in [0, 1].

    L = -y ln(y_hat) - (1 - y) ln(1 - y_hat), computed from the logit z = w x + b, so a
    saturated sigmoid gives its true loss (e^-40 at z = 40, y = 1), never ln 0. Returns the
    local derivatives ``dL/dy_hat`` and ``dy_hat/dz``, their product ``dL/dz`` (which equals
    ``y_hat - y``), and ``dL/dw, dL/db``.

    Examples
    --------
    >>> d = logistic_backprop(x=2.0, y=1.0, w=0.3, b=-0.1)
    >>> print(f"{d['dL/dz']:.6f} {d['y_hat'] - 1:.6f}")
    -0.377541 -0.377541
    >>> print(f"{logistic_backprop(x=1.0, y=1.0, w=40.0, b=0.0)['L']:.3e}")
    4.248e-18
    """
    x, y, w, b = _reals(x=x, y=y, w=w, b=b)
    if not 0 <= y <= 1:
        raise ValueError(f"`y` must be a label in [0, 1], got {y!r}")
    z = w * x + b
    # sigma(z) and 1 - sigma(z) = sigma(-z), each to full relative accuracy
    y_hat, one_minus = float(sigmoid(z)), float(sigmoid(-z))
    # -y ln sigma(z) - (1 - y) ln sigma(-z) = max(z, 0) - z y + ln(1 + e^-|z|)
    L = max(z, 0.0) - z * y + np.log1p(np.exp(-abs(z)))
    # -y / y_hat + (1 - y) / (1 - y_hat); a term with factor 0 is dropped, one
    # whose probability underflowed to 0 is inf (it exceeds every float).
    dL_dy_hat = _ratio(1 - y, one_minus) - _ratio(y, y_hat)
    dy_hat_dz = y_hat * one_minus  # sigma'(z) = sigma(z) (1 - sigma(z))
    dL_dz = (1 - y) * y_hat - y * one_minus  # = y_hat - y, no cancellation
    return {
        "z": z, "y_hat": y_hat, "L": float(L),
        "dL/dy_hat": dL_dy_hat, "dy_hat/dz": dy_hat_dz, "dL/dz": dL_dz,
        "dL/dw": dL_dz * x, "dL/db": dL_dz,
    }
