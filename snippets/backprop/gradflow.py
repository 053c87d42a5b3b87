"""Gradient flow through deep stacks: the experiments behind vanishing and exploding gradients.

A stack of ``depth`` square layers, each ``Z = A W_l`` (no bias, so only the weights and the
activation decide the flow), optionally normalised per sample and wrapped in a residual
connection. Forward and backward are written out, as in the MLP.
"""

import numpy as np

from snippets._core.activations import check_activation
from snippets._core.checks import check_positive_int
from snippets.backprop.mlp import clip_grad_norm, mse_loss

__all__ = ["stack_forward", "stack_backward", "grad_norms"]

_EPS = 1e-5  # added to the variance in the normalisation, as PyTorch's LayerNorm does


def stack_forward(Ws, X, activation="tanh", *, residual=False,
                  normalise=False):
    """Run X through the layers; return the output and what backward needs.

    Layer l: Z = A W_l; N = (Z - mean) / std over each row if ``normalise``,
    else N = Z; H = g(N); the next A is A + H if ``residual``, else H.
    """
    g, _ = check_activation(activation, "activation")
    A, cache = np.asarray(X, dtype=float), []
    for W in Ws:
        Z = A @ W
        std = np.sqrt(Z.var(axis=1, keepdims=True) + _EPS) if normalise else 1.0
        N = (Z - Z.mean(axis=1, keepdims=True)) / std if normalise else Z
        cache.append((A, N, std))
        A = A + g(N) if residual else g(N)
    return A, cache


def stack_backward(Ws, cache, dA, activation="tanh", *, residual=False,
                   normalise=False):
    """Given dL/dA at the output, return every dL/dW_l, first layer first."""
    _, g_prime = check_activation(activation, "activation")
    dWs = []
    for W, (A, N, std) in zip(reversed(Ws), reversed(cache)):
        dN = dA * g_prime(N)
        if normalise:  # through N = (Z - mean(Z)) / std(Z), row by row
            dN = (dN - dN.mean(axis=1, keepdims=True)
                  - N * (dN * N).mean(axis=1, keepdims=True)) / std
        dWs.append(A.T @ dN)  # dL/dW_l = A^T dZ
        # The skip path A -> A + H passes dA on unchanged: the "+ dA" below.
        dA = dN @ W.T + (dA if residual else 0.0)
    return dWs[::-1]


def grad_norms(depth=30, width=64, activation="tanh", gain=1.0, *,
               residual=False, normalise=False, max_norm=None, rng=0):
    """||dL/dW_l|| per layer of a deep stack on random data, first layer first.

    Weights are N(0, gain^2 / width): gain 1 is Xavier for square layers, gain
    sqrt(2) is He. The loss is the mean squared error against random targets. With
    ``max_norm``, the gradients are clipped by their global norm first.
    """
    depth, width = check_positive_int(depth, "depth"), check_positive_int(width, "width")
    rng = np.random.default_rng(rng)
    X, Y = rng.standard_normal((2, 128, width))  # 128 inputs and their targets
    std = gain / np.sqrt(width)
    Ws = [rng.normal(0.0, std, (width, width)) for _ in range(depth)]
    options = dict(residual=residual, normalise=normalise)
    out, cache = stack_forward(Ws, X, activation, **options)
    _, dA = mse_loss(out, Y)
    dWs = stack_backward(Ws, cache, dA, activation, **options)
    if max_norm is not None:
        clip_grad_norm(dWs, max_norm)
    return np.array([np.linalg.norm(dW) for dW in dWs])
