"""What the eigenvalues of a symmetric (Hessian) matrix say about a critical point.

Shared by ``classify_hessian`` and ``classify_critical_point``.
"""

import numpy as np

__all__ = ["classify_by_eigenvalues"]


def classify_by_eigenvalues(H, rtol, error=0.0):
    """``"minimum"``, ``"maximum"``, ``"saddle"`` or ``"inconclusive"`` for a symmetric ``H``.

    An eigenvalue counts as zero when ``|lambda| <= max(rtol * max|lambda|, 10 * error)``:
    small next to the largest one (a scale in the units of ``H``, not an absolute number), or
    within ten times ``error``, a bound on the error of ``H`` (by Weyl's inequality no
    eigenvalue moves by more than the norm of the error). All the others ``> 0``: minimum; all
    ``< 0``: maximum; some of each: saddle (an indefinite Hessian is enough to show a saddle,
    not needed); otherwise the test says nothing.
    """
    # real and ascending, for a symmetric matrix
    eigenvalues = np.linalg.eigvalsh(H)
    zero = max(rtol * np.max(np.abs(eigenvalues)), 10 * error)
    if eigenvalues[0] > zero:
        return "minimum"
    if eigenvalues[-1] < -zero:
        return "maximum"
    if eigenvalues[0] < -zero and eigenvalues[-1] > zero:
        return "saddle"
    return "inconclusive"
