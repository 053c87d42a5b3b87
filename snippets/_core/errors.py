"""The relative error between two arrays: one definition for the whole book."""

import numpy as np

__all__ = ["relative_error"]


def relative_error(a, b):
    """Norm-wise relative error ||a - b|| / max(||a||, ||b||); 0 if both are 0.

    Examples
    --------
    >>> print(f"{relative_error(np.array([1.0, 2.0]), np.array([1.0, 2.2])):.4f}")
    0.0828
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape:
        raise ValueError(f"`b` must have the shape of `a` {a.shape}, got {b.shape}")
    scale = max(np.linalg.norm(a), np.linalg.norm(b))
    return 0.0 if scale == 0 else float(np.linalg.norm(a - b) / scale)
