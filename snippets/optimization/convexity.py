"""Convex functions and the convex losses of classic machine learning.

``chord_gap`` measures the definition directly; ``normal_equation`` solves linear regression in
closed form; ``linear_regression_loss`` and ``logistic_loss`` return the mean loss and its
gradient, and ``logistic_hessian`` the Hessian X^T S X / n that shows the logistic loss convex.
"""

import numpy as np

from snippets._core.activations import sigmoid
from snippets._core.checks import check_callable, check_point
from snippets.optimization.losses import binary_cross_entropy_with_logits

__all__ = [
    "chord_gap", "normal_equation", "linear_regression_loss", "logistic_loss",
    "logistic_hessian", "newton",
]


def chord_gap(f, x, y, t):
    """t f(x) + (1 - t) f(y) - f(t x + (1 - t) y): how far the chord lies above the graph.

    ``f`` is convex exactly when the gap is >= 0 for every x, y and t in [0, 1]. ``x`` and ``y``
    are points (floats or 1-D arrays of one length); ``t`` a float or 1-D array of weights.

    Examples
    --------
    >>> print(f"{chord_gap(lambda x: x**2, -1.0, 3.0, 0.5):.1f}")  # (1 + 9)/2 - 1^2
    4.0
    """
    check_callable(f, "f")
    x, y = check_point(x, "x"), check_point(y, "y")
    t_in, t = t, check_point(t, "t")
    _check_chord(x, y, t, t_in)
    gaps = []
    for s in np.atleast_1d(t):  # one point at a time: f need not vectorise
        chord = s * f(x) + (1 - s) * f(y)
        gaps.append(chord - f(s * x + (1 - s) * y))
    return float(gaps[0]) if t.ndim == 0 else np.array(gaps, dtype=float)


def _check_chord(x, y, t, t_in):
    if x.shape != y.shape:
        raise ValueError(f"`y` must have the shape of `x` {x.shape}, got {y.shape}")
    if np.any((t < 0) | (t > 1)):
        raise ValueError(f"`t` must lie in [0, 1], got {t_in!r}")


def _data(X, y):
    X = check_point(X, "X", ndim=(2,))
    y = check_point(y, "y", ndim=(1,))
    if y.shape != (X.shape[0],):
        raise ValueError(f"`y` must have shape ({X.shape[0]},), one value per row of `X`, got {y.shape}")
    return X, y


def _weights(w, X):
    w = check_point(w, "w", ndim=(1,))
    if w.shape != (X.shape[1],):
        raise ValueError(f"`w` must have shape ({X.shape[1]},), one weight per column of `X`, got {w.shape}")
    return w


def normal_equation(X, y):
    """The least-squares weights: the solution of X^T X w = X^T y.

    Raises ``ValueError`` if X^T X is singular (columns of ``X`` linearly dependent: then the
    minimizers form a line or plane, and ``np.linalg.lstsq`` picks the shortest).

    Examples
    --------
    >>> X = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]])
    >>> normal_equation(X, np.array([1.0, 3.0, 5.0])).round(12).tolist()  # y = 1 + 2x
    [1.0, 2.0]
    """
    X, y = _data(X, y)
    A = X.T @ X
    if np.linalg.matrix_rank(A) < X.shape[1]:  # a line or plane of minimizers
        raise ValueError(
            "`X` must have linearly independent columns (X^T X is singular)")
    return np.linalg.solve(A, X.T @ y)


def linear_regression_loss(w, X, y):
    """Mean squared error ||X w - y||^2 / n and its gradient 2 X^T (X w - y) / n.

    Examples
    --------
    >>> L, g = linear_regression_loss(np.zeros(1), np.array([[1.0], [2.0]]), np.array([1.0, 2.0]))
    >>> print(f"{L:.2f}", g.tolist())
    2.50 [-5.0]
    """
    X, y = _data(X, y)
    w = _weights(w, X)
    r = X @ w - y  # residuals
    return float(np.mean(r**2)), 2 * X.T @ r / len(y)


def logistic_loss(w, X, y):
    """Mean binary cross-entropy of sigmoid(X w) against labels ``y`` in [0, 1], and its gradient.

    The gradient is X^T (sigmoid(X w) - y) / n.

    Examples
    --------
    >>> L, g = logistic_loss(np.zeros(2), np.eye(2), np.array([1.0, 0.0]))
    >>> print(f"{L:.6f} {np.log(2):.6f}", g.tolist())
    0.693147 0.693147 [-0.25, 0.25]
    """
    X, y = _data(X, y)
    w = _weights(w, X)
    # dz = dL/dz = (sigmoid(z) - y) / n for the logits z = X w
    loss, dz = binary_cross_entropy_with_logits(X @ w, y)
    return loss, X.T @ dz


def logistic_hessian(w, X):
    """The Hessian of the mean logistic loss: X^T S X / n, S = diag(p (1 - p)), p = sigmoid(X w).

    It does not depend on the labels. For every v, v^T H v = sum_i p_i (1 - p_i) (x_i . v)^2 / n
    >= 0: positive semidefinite at every w, so the loss is convex.

    Examples
    --------
    >>> logistic_hessian(np.zeros(1), np.array([[1.0], [3.0]])).tolist()  # (1 + 9) / 4 / 2
    [[1.25]]
    """
    X = check_point(X, "X", ndim=(2,))
    w = _weights(w, X)
    p = sigmoid(X @ w)
    s = p * (1 - p)
    return (X.T * s) @ X / X.shape[0]  # X^T diag(s) X without building diag(s)


def newton(grad, hess, w0, steps):
    """Newton's method, w <- w - H(w)^(-1) grad(w); returns the iterates w_0, ..., w_T.

    Examples
    --------
    >>> path = newton(lambda w: 2 * (w - 3), lambda w: np.array([[2.0]]), [0.0], 2)
    >>> path.ravel().tolist()  # a quadratic: the minimum in one step
    [0.0, 3.0, 3.0]
    """
    check_callable(grad, "grad")
    check_callable(hess, "hess")
    w = check_point(w0, "w0", ndim=(1,))
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 1:
        raise ValueError(f"`steps` must be a positive integer, got {steps!r}")
    n = w.shape[0]
    path = [w]
    for _ in range(steps):
        g, H = np.asarray(grad(w), dtype=float), np.asarray(hess(w), dtype=float)
        if g.shape != (n,):
            raise ValueError(f"`grad` must return an array of shape ({n},), got {g.shape}")
        if H.shape != (n, n):
            raise ValueError(f"`hess` must return an array of shape ({n}, {n}), got {H.shape}")
        try:
            step = np.linalg.solve(H, g)  # solve H s = g rather than inverting H
        except np.linalg.LinAlgError:
            raise ValueError(f"`hess` returned a singular matrix at w = {w!r}") from None
        w = w - step
        path.append(w)
    return np.array(path)
