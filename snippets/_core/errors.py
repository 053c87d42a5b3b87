"""The relative error between two arrays: one definition for the whole book."""

import numpy as np

__all__ = ["relative_error"]


def _as_array(x, name):
    if x is None or isinstance(x, (str, bytes)):
        raise TypeError(f"`{name}` must be a real number or array, got {type(x).__name__} {x!r}")
    try:
        x = np.asarray(x, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"`{name}` must be a real number or array, got {type(x).__name__}") from None
    if not np.all(np.isfinite(x)):
        raise ValueError(f"`{name}` must be finite (no NaN or infinity)")
    return x


def relative_error(a, b):
    """Norm-wise relative error ||a - b|| / max(||a||, ||b||); 0 if both are 0.

    A NaN or an infinity in ``a`` or ``b`` raises: a check of the form ``error < tol``
    would otherwise pass, since every comparison with NaN is False.

    Examples
    --------
    >>> print(f"{relative_error(np.array([1.0, 2.0]), np.array([1.0, 2.2])):.4f}")
    0.0828
    """
    a, b = _as_array(a, "a"), _as_array(b, "b")
    if a.shape != b.shape:
        raise ValueError(
            f"`b` must have the shape of `a` {a.shape}, got {b.shape}")
    scale = max(np.linalg.norm(a), np.linalg.norm(b))
    return 0.0 if scale == 0 else float(np.linalg.norm(a - b) / scale)
