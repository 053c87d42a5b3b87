"""Richardson extrapolation to a zero step (Ridders' tableau): one copy for the whole book.

A central difference at step h is D(h) = d + c1 h^2 + c2 h^4 + ...; given D at the steps
h, h/r, h/r^2, ..., the tableau cancels one power of h^2 per column and returns the entry whose
estimated error is smallest. ``derivative``, ``gradient``, ``jacobian`` and ``hessian`` all
extrapolate with it.
"""

import numpy as np

__all__ = ["AccuracyWarning", "extrapolate"]


class AccuracyWarning(UserWarning):
    """A numerical derivative whose own error estimate says it is poor.

    Raised as a warning, not an error: the number may still be what the reader wants, but it
    must never pass silently. Pass a smaller step ``h`` (or check ``f``) to make it go away.
    """


def extrapolate(D, ratio):
    """Extrapolate ``D[k] = d + c1 (h/ratio**k)**2 + c2 (h/ratio**k)**4 + ...`` to a zero step.

    Parameters
    ----------
    D : sequence of arrays, all of one shape
        The estimates at the steps h, h/ratio, h/ratio**2, ...
    ratio : float
        The factor between two successive steps, greater than 1.

    Returns
    -------
    best, error : arrays shaped like ``D[0]``
        Element by element, the tableau entry with the smallest error estimate, and that
        estimate: the entry's distance to the two entries it was computed from.

    Examples
    --------
    >>> D = [1 + 0.5**(2 * k) for k in range(4)]  # d = 1, c1 = 1, h = 1, ratio 2
    >>> best, error = extrapolate(D, 2.0)
    >>> print(f"{float(best):.12f}")
    1.000000000000
    """
    D = [np.asarray(d, dtype=float) for d in D]
    best, error = D[0], np.full(D[0].shape, np.inf)
    previous = [D[0]]  # row k - 1 of the tableau
    for k in range(1, len(D)):
        row = [D[k]]
        factor = ratio**2
        for m in range(1, k + 1):
            # T[k,m] = T[k,m-1] + (T[k,m-1] - T[k-1,m-1]) / (ratio^(2m) - 1)
            # cancels the h^(2m) term.
            change = row[m - 1] - previous[m - 1]
            row.append(row[m - 1] + change / (factor - 1))
            factor *= ratio**2
            # Error estimate: how far it moved from the two it came from.
            estimate = np.maximum(abs(row[m] - row[m - 1]),
                                  abs(row[m] - previous[m - 1]))
            better = estimate < error
            best = np.where(better, row[m], best)
            error = np.where(better, estimate, error)
        previous = row
    return best, error
