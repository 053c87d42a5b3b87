"""Functions: composing them into pipelines and inverting them.

- ``compose``: (g o f)(x) = g(f(x)), the way a network stacks layers;
- ``invert``: solve f(x) = y for an increasing continuous ``f`` by bisection.
"""

import numbers

import numpy as np

from snippets._core.checks import check_callable, check_positive_int

__all__ = ["compose", "invert"]


def compose(*functions):
    """Return the composition of ``functions``, applied right to left: compose(g, f)(x) = g(f(x)).

    Examples
    --------
    >>> compose(lambda x: x + 3, lambda x: 2 * x)(4)  # g(f(4)) = g(8) = 11
    11
    """
    if not functions:
        raise ValueError(
            "`functions` must hold at least one function, got none")
    for i, f in enumerate(functions):
        check_callable(f, f"functions[{i}]")

    def composed(x):
        for f in reversed(functions):  # the rightmost function acts first
            x = f(x)
        return x

    return composed


def invert(f, y, lo, hi, n_iter=100):
    """Solve f(x) = y for x in [lo, hi], for an increasing continuous ``f``, by bisection.

    Each step halves the interval that brackets the solution; the loop stops early once no
    float is left between the two ends.

    Parameters
    ----------
    f : callable
        Strictly increasing and continuous on [lo, hi], with f(lo) <= y <= f(hi); it returns
        one real number.
    y : float
        The output whose input is wanted.
    lo, hi : float
        An interval holding the answer, lo < hi.
    n_iter : int, optional
        The number of halvings.

    Returns
    -------
    float
        x with f(x) = y, to within (hi - lo) / 2**n_iter or the spacing of floats near x,
        whichever is larger.

    Raises
    ------
    TypeError
        If ``f`` is not callable, a number is not real, or ``f`` returns something else than
        a real number.
    ValueError
        If a number or a value of ``f`` is not finite, lo >= hi, or y lies outside
        [f(lo), f(hi)].

    Examples
    --------
    >>> round(invert(lambda x: 2 * x + 3, 11.0, -100.0, 100.0), 12)  # (11 - 3) / 2
    4.0
    """
    check_callable(f, "f")
    for value, name in [(y, "y"), (lo, "lo"), (hi, "hi")]:
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise TypeError(f"`{name}` must be a real number, "
                            f"got {type(value).__name__} {value!r}")
        if not np.isfinite(value):
            raise ValueError(
                f"`{name}` must be a finite real number, got {value!r}")
    n_iter = check_positive_int(n_iter, "n_iter")
    if not lo < hi:
        raise ValueError(f"`lo` must be less than `hi`, got {lo!r} and {hi!r}")
    lo, hi = float(lo), float(hi)
    f_lo, f_hi = _value(f, lo), _value(f, hi)
    if not f_lo <= y <= f_hi:
        raise ValueError(f"`y` must lie between f(lo) = {f_lo!r} and "
                         f"f(hi) = {f_hi!r}, got {y!r}")
    for _ in range(n_iter):
        mid = (lo + hi) / 2
        if mid in (lo, hi):  # no float left between lo and hi: done
            break
        if f(mid) < y:  # the answer is right of mid
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def _value(f, x):
    """f(x) as a float; raise naming ``f`` if it is not one finite real number."""
    value = f(x)
    if isinstance(value, np.ndarray) and value.shape == ():
        value = value[()]
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"`f` must return a real number, got {type(value).__name__} "
                        f"{value!r} at x = {x!r}")
    if not np.isfinite(value):
        raise ValueError(f"`f` returned {value!r} at x = {x!r}: it must be finite on [lo, hi]")
    return float(value)
