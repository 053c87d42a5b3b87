"""Extrapolated central differences of functions of several variables: the one engine behind
``gradient``, ``jacobian`` and ``hessian``.

The gradient of a scalar function is its Jacobian (one row), so both come from
``extrapolated_jacobian``; ``extrapolated_hessian`` differences twice. Every partial derivative
is taken at the steps h, h/2, h/4, ... and extrapolated to a zero step by ``extrapolate``.
"""

import numpy as np

from snippets._core.checks import check_finite_value, check_step
from snippets._core.extrapolation import extrapolate

__all__ = ["LEVELS", "steps", "values", "as_result", "extrapolated_jacobian", "extrapolated_hessian"]

LEVELS = 8  # steps h, h/2, ..., h/2**7


def steps(x, h, scale):
    """One step per coordinate: `h` if given, else ``scale * max(1, |x_i|)``."""
    if h is not None:
        return np.full(x.size, check_step(h))
    return scale * np.maximum(1.0, np.abs(x.ravel()))


def values(f, points, shape, out_ndim=0):
    """``f`` at each row of ``points`` (reshaped to ``shape``), as an array.

    A loop: ``f`` takes one point, so any Python function of a vector can be differentiated.
    """
    out = []
    for p in points:
        p = p.reshape(shape)
        value = np.asarray(f(p), dtype=float)
        if out_ndim == 0 and value.ndim != 0:
            raise ValueError(f"`f` must return a scalar, got an array of shape {value.shape}")
        if value.ndim > out_ndim:
            raise ValueError(
                f"`f` must return a scalar or a 1-D array, got an array of shape {value.shape}"
            )
        check_finite_value(value.tolist(), f"x = {p.tolist()!r}")
        out.append(value)
    return np.array(out)


def as_result(array, shape):
    """``array`` reshaped to ``shape``; a plain float when ``shape`` is ``()``."""
    array = np.reshape(array, shape)
    return float(array) if array.ndim == 0 else array


def extrapolated_jacobian(f, x, h=None, out_ndim=1):
    """``J[i, j] = df_i/dx_j`` of ``f`` at the checked point ``x``, shape ``f(x).shape + x.shape``.

    Column ``j`` is ``(f(x + h_j e_j) - f(x - h_j e_j)) / (2 h_j)`` at the steps
    ``h, h/2, ..., h/2**7``, extrapolated to a zero step. ``out_ndim=0`` asks for a scalar ``f``
    (the Jacobian is then the gradient).
    """
    # Row k holds the steps h_j / 2**k: shape (LEVELS, n).
    h = steps(x, h, 0.1) / 2.0 ** np.arange(LEVELS)[:, None]
    xf = x.ravel()
    D = []
    for hk in h:
        e = np.eye(x.size) * hk
        up = values(f, xf + e, x.shape, out_ndim)  # row j is f(x + h_j e_j)
        down = values(f, xf - e, x.shape, out_ndim)
        # h_j down axis 0, broadcast across f's outputs
        step = hk.reshape((-1,) + (1,) * (up.ndim - 1))
        # column j of J: move axis 0 last, shape f(x).shape + (n,)
        D.append(np.moveaxis((up - down) / (2 * step), 0, -1))
    best, _ = extrapolate(D, 2.0)
    return as_result(best, D[0].shape[:-1] + x.shape)


def extrapolated_hessian(f, x, h=None):
    """``H[i, j] = d2f/dx_i dx_j`` of a scalar ``f`` at the checked point ``x``.

    ``H[i, j] ~ (f(x+h_i e_i+h_j e_j) - f(x+h_i e_i-h_j e_j) - f(x-h_i e_i+h_j e_j)
    + f(x-h_i e_i-h_j e_j)) / (4 h_i h_j)``, error O(h**2) with an even error series,
    extrapolated over the steps ``h, h/2, ..., h/2**5``.
    """
    n, xf = x.size, x.ravel()
    i, j = np.triu_indices(n)  # the pairs i <= j; H is symmetric
    # Row k holds the steps h_i / 2**k: shape (LEVELS - 2, n).
    h = steps(x, h, 0.1) / 2.0 ** np.arange(LEVELS - 2)[:, None]
    D = []
    for hk in h:
        e = np.eye(n) * hk
        ei, ej = e[i], e[j]  # shape (pairs, n)
        # f at x ± h_i e_i ± h_j e_j: ++, +-, -+, --
        pp, pm, mp, mm = [
            values(f, xf + si * ei + sj * ej, x.shape)
            for si, sj in ((1, 1), (1, -1), (-1, 1), (-1, -1))
        ]
        D.append((pp - pm - mp + mm) / (4 * hk[i] * hk[j]))
    H = np.zeros((n, n))
    best, _ = extrapolate(D, 2.0)
    H[i, j] = H[j, i] = best
    return as_result(H, x.shape + x.shape)
