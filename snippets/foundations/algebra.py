"""Algebra for machine learning: the model equation and solving for an unknown.

- ``linear_model``: y_hat = x . w + b, one prediction per row of ``X``;
- ``solve_linear``: the x with a x + b = y, by undoing each operation in turn.
"""

import numbers

import numpy as np

__all__ = ["linear_model", "solve_linear"]


def _real(value, name):
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(
            f"`{name}` must be a real number, got {type(value).__name__} {value!r}")
    if not np.isfinite(value):
        raise ValueError(
            f"`{name}` must be a finite real number, got {value!r}")
    return float(value)


def _array(a, name):
    if isinstance(a, (str, bytes)) or a is None:
        raise TypeError(f"`{name}` must be a real number or array, "
                        f"got {type(a).__name__} {a!r}")
    try:
        array = np.asarray(a)
        # Numbers only: bools, complex numbers and strings are refused.
        if array.dtype.kind not in "iufO":
            raise TypeError
        return np.asarray(array, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"`{name}` must be a real number or array, "
                        f"got {type(a).__name__}") from None


def linear_model(X, w, b):
    """Predict y_hat = X w + b: a weighted sum of the features plus an intercept.

    Parameters
    ----------
    X : array_like, shape (n_features,) or (n_samples, n_features)
        One example, or one example per row.
    w : array_like, shape (n_features,)
        The weights.
    b : float
        The bias (intercept).

    Returns
    -------
    float or ndarray of shape (n_samples,)
        One prediction per example.

    Raises
    ------
    TypeError
        If ``X`` or ``w`` is not numeric.
    ValueError
        If an argument is not finite or the shapes do not match.

    Examples
    --------
    >>> print(f"{linear_model([1.0, 2.0, 3.0], [0.5, -1.0, 2.0], b=0.25):.2f}")
    4.75
    """
    X, w = _array(X, "X"), _array(w, "w")
    b = _real(b, "b")
    if w.ndim != 1 or X.ndim not in (1, 2) or X.shape[-1] != w.shape[0]:
        raise ValueError(
            "`X` must have shape (n_features,) or (n_samples, n_features) "
            f"and `w` shape (n_features,), got {X.shape} and {w.shape}"
        )
    if X.size == 0:
        raise ValueError(
            "`X` must hold at least one feature and one example, "
            f"got shape {X.shape}"
        )
    for a, name in [(X, "X"), (w, "w")]:
        if not np.all(np.isfinite(a)):
            raise ValueError(f"`{name}` must be finite")
    y_hat = X @ w + b  # sum_j x_j w_j + b, for every row at once
    return float(y_hat) if y_hat.ndim == 0 else y_hat


def solve_linear(a, b, y):
    """Solve a x + b = y for x: subtract b from both sides, then divide by a.

    Raises
    ------
    TypeError
        If an argument is not a real number.
    ValueError
        If an argument is not finite, ``a`` is 0 (then there is no solution
        or every x is one), or the solution is too large for a float.

    Examples
    --------
    >>> solve_linear(3, 7, 22)  # 3x + 7 = 22
    5.0
    """
    a, b, y = _real(a, "a"), _real(b, "b"), _real(y, "y")
    if a == 0:
        raise ValueError(
            "`a` must not be 0: 0 x + b = y has no unique solution")
    x = (y - b) / a  # undo "+ b", then undo "× a"
    if not np.isfinite(x):
        raise ValueError(
            f"`a`, `b`, `y` give (y - b) / a = ({y!r} - {b!r}) / {a!r}, "
            "which overflows the float range"
        )
    return x
