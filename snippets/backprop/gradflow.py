"""Gradient flow through deep stacks: the experiments behind vanishing and exploding gradients.

A stack of ``depth`` square layers, each ``Z = A W_l`` (no bias, so only the weights and the
activation decide the flow), optionally normalised per sample and wrapped in a residual
connection. Forward and backward are written out, as in the MLP.
"""

import numpy as np

from snippets._core.activations import check_activation
from snippets._core.checks import check_positive_int, check_rng, check_step
from snippets.backprop.mlp import clip_grad_norm, mse_loss

__all__ = ["stack_forward", "stack_backward", "grad_norms"]

_EPS = 1e-5  # added to the variance in the normalisation, as PyTorch's LayerNorm does


def _matrix(W, name):
    if W is None or isinstance(W, (str, bytes)):
        raise TypeError(f"`{name}` must be a real array, got {type(W).__name__}")
    try:
        W = np.asarray(W, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"`{name}` must be a real array, got {type(W).__name__}") from None
    if not np.all(np.isfinite(W)):
        raise ValueError(f"`{name}` must be finite")
    return W


def _check_layers(Ws, residual):
    """The weight matrices, each (n_in, n_out) and chained; square if ``residual``."""
    if not isinstance(Ws, (list, tuple)):
        raise TypeError(f"`Ws` must be a list of weight matrices, got {type(Ws).__name__}")
    Ws = [_matrix(W, f"Ws[{l}]") for l, W in enumerate(Ws)]
    if not Ws:
        raise ValueError("`Ws` must hold at least one weight matrix, got none")
    for l, W in enumerate(Ws):
        if W.ndim != 2 or (l > 0 and W.shape[0] != Ws[l - 1].shape[1]) \
                or (residual and W.shape[0] != W.shape[1]):
            need = "square" if residual else "2-D, with as many rows as the previous has columns"
            raise ValueError(f"`Ws[{l}]` must be {need}, got shape {W.shape}")
    return Ws


def _check_input(X, Ws):
    X = _matrix(X, "X")
    if X.ndim != 2 or X.shape[1] != Ws[0].shape[0]:
        raise ValueError(f"`X` must have shape (n_samples, {Ws[0].shape[0]}), "
                         f"got {X.shape}")
    return X


def _check_cache(cache, dA, Ws):
    """``dA`` as an array; raise unless ``cache`` has one entry per layer of ``Ws``."""
    if not isinstance(cache, list):
        raise TypeError("`cache` must be the list stack_forward returned, "
                        f"got {type(cache).__name__}")
    if len(cache) != len(Ws):
        raise ValueError(f"`cache` must have one entry per layer of `Ws` "
                         f"({len(Ws)}), got {len(cache)}")
    dA = _matrix(dA, "dA")
    out_shape = (cache[-1][0].shape[0], Ws[-1].shape[1])
    if dA.shape != out_shape:
        raise ValueError(f"`dA` must have the output shape {out_shape}, "
                         f"got {dA.shape}")
    return dA


def stack_forward(Ws, X, activation="tanh", *, residual=False,
                  normalise=False):
    """Run X through the layers; return the output and what backward needs.

    Layer l: Z = A W_l; N = (Z - mean) / std over each row if ``normalise``,
    else N = Z; H = g(N); the next A is A + H if ``residual``, else H.
    """
    g, _ = check_activation(activation, "activation")
    Ws = _check_layers(Ws, residual)
    A, cache = _check_input(X, Ws), []
    for W in Ws:
        Z = A @ W
        if normalise:  # each row to mean 0, variance 1
            std = np.sqrt(Z.var(axis=1, keepdims=True) + _EPS)
            N = (Z - Z.mean(axis=1, keepdims=True)) / std
        else:
            std, N = 1.0, Z
        cache.append((A, N, std))
        A = A + g(N) if residual else g(N)
    return A, cache


def stack_backward(Ws, cache, dA, activation="tanh", *, residual=False,
                   normalise=False):
    """Given dL/dA at the output, return every dL/dW_l, first layer first."""
    _, g_prime = check_activation(activation, "activation")
    Ws = _check_layers(Ws, residual)
    dA = _check_cache(cache, dA, Ws)  # one entry per layer: zip would truncate
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
    depth = check_positive_int(depth, "depth")
    width = check_positive_int(width, "width")
    gain = check_step(gain, "gain")
    check_activation(activation, "activation")
    if max_norm is not None:
        max_norm = check_step(max_norm, "max_norm")
    rng = check_rng(rng)
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
