"""Activation functions and their derivatives, elementwise: one home for the whole book.

Each function takes a real number or array and returns an array of floats (a 0-d array for a
number); anything else (a string, None) raises a ``TypeError`` naming ``z``. ``ACTIVATIONS``
pairs every activation with its derivative.
"""

import numpy as np

__all__ = [
    "sigmoid", "sigmoid_prime", "tanh_prime", "relu", "relu_prime",
    "identity", "identity_prime", "ACTIVATIONS", "check_activation",
]


def _real(z):
    """``z`` as a float array (from bools, ints or floats); raise naming ``z`` otherwise."""
    a = np.asarray(z)
    if a.dtype.kind not in "biuf":
        raise TypeError(f"`z` must be a real number or array, got {type(z).__name__}")
    return a if a.dtype.kind == "f" else a.astype(float)


def sigmoid(z):
    """Logistic function 1 / (1 + e^(-z)), elementwise, without overflow.

    Examples
    --------
    >>> print(f"{sigmoid(0.0):.2f} {sigmoid(1.0):.6f}")
    0.50 0.731059
    """
    z = _real(z)
    # e^(-|z|) <= 1 never overflows; both branches equal 1 / (1 + e^(-z)).
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid_prime(z):
    """sigma'(z) = sigma(z) (1 - sigma(z)); at most 1/4, reached at z = 0.

    Computed as sigma(z) sigma(-z), the same number, since 1 - sigma(z) = sigma(-z): the
    difference 1 - sigma(z) would lose every digit once sigma(z) rounds to 1 (z > 36).

    Examples
    --------
    >>> print(f"{sigmoid_prime(0.0):.2f} {sigmoid_prime(40.0) / np.exp(-40):.6f}")
    0.25 1.000000
    """
    z = _real(z)
    # 1 - sigma(z) = sigma(-z): the product has no cancellation
    return sigmoid(z) * sigmoid(-z)


def tanh_prime(z):
    """tanh'(z) = 1 - tanh(z)^2; at most 1, reached at z = 0.

    Computed as 4 e^(-2|z|) / (1 + e^(-2|z|))^2, the same number (1 / cosh(z)^2): the
    difference 1 - tanh(z)^2 would lose every digit once tanh(z) rounds to 1 (|z| > 19).

    Examples
    --------
    >>> print(f"{tanh_prime(0.0):.2f} {tanh_prime(1.0):.6f}")
    1.00 0.419974
    >>> print(f"{tanh_prime(30.0) / (4 * np.exp(-60)):.6f}")
    1.000000
    """
    e = np.exp(-2 * np.abs(_real(z)))  # in (0, 1]: never overflows
    return 4 * e / (1 + e) ** 2  # = 1 / cosh(z)^2 = 1 - tanh(z)^2


def relu(z):
    """ReLU(z) = max(z, 0), elementwise."""
    return np.maximum(_real(z), 0.0)


def relu_prime(z):
    """ReLU'(z) = 1 for z > 0 and 0 otherwise: ReLU'(0) = 0 by convention."""
    return (_real(z) > 0).astype(float)


def identity(z):
    """g(z) = z, the activation of a linear output layer."""
    return _real(z).astype(float)


def identity_prime(z):
    """g'(z) = 1."""
    return np.ones_like(_real(z), dtype=float)


# name -> (g, g'): every activation travels with its derivative.
ACTIVATIONS = {
    "identity": (identity, identity_prime),
    "relu": (relu, relu_prime),
    "sigmoid": (sigmoid, sigmoid_prime),
    "tanh": (np.tanh, tanh_prime),
}


def check_activation(name, argument):
    """``(g, g')`` of the activation called ``name``; raise naming ``argument`` if there is none."""
    if not isinstance(name, str) or name not in ACTIVATIONS:
        raise ValueError(f"`{argument}` must be one of {sorted(ACTIVATIONS)}, got {name!r}")
    return ACTIVATIONS[name]
