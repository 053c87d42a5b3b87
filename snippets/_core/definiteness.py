"""What the eigenvalues of a symmetric (Hessian) matrix say about a critical point.

Shared by ``classify_hessian`` and ``classify_critical_point``.
"""

import numpy as np

__all__ = ["classify_by_eigenvalues"]


def classify_by_eigenvalues(H, tol):
    """``"minimum"``, ``"maximum"``, ``"saddle"`` or ``"inconclusive"`` for a symmetric ``H``.

    All eigenvalues ``> tol``: minimum; all ``< -tol``: maximum; some of each: saddle (an
    indefinite Hessian is enough to show a saddle, not needed); otherwise the test says nothing.
    """
    # real and ascending, for a symmetric matrix
    eigenvalues = np.linalg.eigvalsh(H)
    if eigenvalues[0] > tol:
        return "minimum"
    if eigenvalues[-1] < -tol:
        return "maximum"
    if eigenvalues[0] < -tol and eigenvalues[-1] > tol:
        return "saddle"
    return "inconclusive"
