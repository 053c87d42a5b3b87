"""Activation functions and their derivatives, elementwise: one home for the whole book.

Each function takes a number or an array and returns an array of floats (a 0-d array for a
number). ``ACTIVATIONS`` pairs every activation with its derivative.
"""

import numpy as np

__all__ = [
    "sigmoid", "sigmoid_prime", "tanh_prime", "relu", "relu_prime",
    "identity", "identity_prime", "ACTIVATIONS", "check_activation",
]


def sigmoid(z):
    """Logistic function 1 / (1 + e^(-z)), elementwise, without overflow.

    Examples
    --------
    >>> print(f"{sigmoid(0.0):.2f} {sigmoid(1.0):.6f}")
    0.50 0.731059
    """
    # e^(-|z|) <= 1 never overflows; both branches equal 1 / (1 + e^(-z)).
    e = np.exp(-np.abs(z))
    return np.where(np.asarray(z) >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid_prime(z):
    """sigma'(z) = sigma(z) (1 - sigma(z)); at most 1/4, reached at z = 0."""
    s = sigmoid(z)
    return s * (1 - s)


def tanh_prime(z):
    """tanh'(z) = 1 - tanh(z)^2; at most 1, reached at z = 0."""
    return 1 - np.tanh(z) ** 2


def relu(z):
    """ReLU(z) = max(z, 0), elementwise."""
    return np.maximum(z, 0.0)


def relu_prime(z):
    """ReLU'(z) = 1 for z > 0 and 0 otherwise: ReLU'(0) = 0 by convention."""
    return (np.asarray(z) > 0).astype(float)


def identity(z):
    """g(z) = z, the activation of a linear output layer."""
    return np.asarray(z, dtype=float)


def identity_prime(z):
    """g'(z) = 1."""
    return np.ones_like(z, dtype=float)


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
