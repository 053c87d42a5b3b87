"""Exponentials and logarithms as machine learning uses them.

- ``sigmoid`` and ``sigmoid_prime``: the logistic function and its derivative (from the core);
- ``softmax``: turn a vector of scores into probabilities;
- ``logsumexp``: ln sum e^z without overflow or underflow, the heart of a stable softmax;
- ``entropy``: the average surprise of a distribution, in bits by default.
"""

import numbers

import numpy as np

from snippets._core.activations import sigmoid, sigmoid_prime

__all__ = ["sigmoid", "sigmoid_prime", "softmax", "logsumexp", "entropy"]


def _real_array(a, name):
    """``a`` as a float array; raise a ``TypeError`` naming ``name`` unless it holds real numbers.

    Bools, complex numbers and strings are refused, not converted.
    """
    if isinstance(a, (str, bytes)) or a is None:
        raise TypeError(f"`{name}` must be a real number or array, "
                        f"got {type(a).__name__} {a!r}")
    try:
        array = np.asarray(a)
        if array.dtype.kind not in "iufO":
            raise TypeError
        return np.asarray(array, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"`{name}` must be a real number or array, "
                        f"got {type(a).__name__}") from None


def _probabilities(p):
    """``p`` as a float array of distributions along its last axis; raise naming ``p`` otherwise."""
    p = _real_array(p, "p")
    if p.ndim == 0 or p.size == 0:
        raise ValueError("`p` must be a non-empty array of probabilities, "
                         f"got shape {p.shape}")
    if not np.all(np.isfinite(p)) or np.any(p < 0):
        raise ValueError("`p` must hold finite, non-negative probabilities")
    total = np.sum(p, axis=-1)
    if np.any(np.abs(total - 1) > 1e-8):
        raise ValueError("`p` must sum to 1 along its last axis, "
                         f"got sums {np.round(total, 10)}")
    return p


def _scores(z, axis):
    """``z`` as a float array with an ``axis``; raise naming the argument otherwise.

    Entries may be finite or -inf (a score of -inf means "probability 0"); NaN and +inf are refused.
    """
    z = _real_array(z, "z")
    if z.size == 0:
        raise ValueError(f"`z` must not be empty, got shape {z.shape}")
    if np.any(np.isnan(z) | (z == np.inf)):
        raise ValueError(
            "`z` must hold finite numbers or -inf, got NaN or +inf")
    if axis is not None:
        if isinstance(axis, bool) or not isinstance(axis, numbers.Integral):
            raise TypeError("`axis` must be an integer or None, "
                            f"got {type(axis).__name__} {axis!r}")
        if z.ndim == 0:
            raise ValueError(f"`axis` must be None for a single number `z`, got {axis}")
        if not -z.ndim <= axis < z.ndim:
            raise ValueError(
                f"`axis` must be in [-{z.ndim}, {z.ndim}) for `z` of shape "
                f"{z.shape}, got {axis}")
    return z


def logsumexp(z, axis=-1):
    """ln(sum_i e^(z_i)) along ``axis``, exact to round-off for any finite or -inf entries.

    Parameters
    ----------
    z : array_like
        Scores, finite or -inf.
    axis : int or None, optional
        The axis to sum over (None: all entries).

    Returns
    -------
    float or ndarray
        ``z`` with ``axis`` summed away; a float for a 1-D ``z``. Where every entry is -inf
        the sum is 0 and the result is -inf, as in ``scipy.special.logsumexp``.

    Raises
    ------
    TypeError
        If ``z`` is not numeric or ``axis`` is not an integer.
    ValueError
        If ``z`` is empty or holds NaN or +inf, or ``axis`` is out of range.

    Examples
    --------
    >>> print(f"{logsumexp([1000.0, 1000.0]):.6f}")  # 1000 + ln 2; np.exp(1000) overflows
    1000.693147
    """
    z = _scores(z, axis)
    m = np.max(z, axis=axis, keepdims=True)
    # All -inf: shift by 0, not by -inf (-inf - -inf = NaN).
    m = np.where(np.isneginf(m), 0.0, m)
    e = np.exp(z - m)  # every term <= 1: no overflow
    # ln sum e^z = m + ln(1 + rest): the largest term, e^(max - m) = 1,
    # is taken out of the sum so that log1p keeps a tiny rest
    # (ln(1 + 1e-20) would round to 0).
    if axis is None:
        e = e.ravel()
        top, axis_ = np.argmax(e, keepdims=True), 0
    else:
        top, axis_ = np.argmax(e, axis=axis, keepdims=True), axis
    largest = np.take_along_axis(e, top, axis=axis_)
    np.put_along_axis(e, top, 0.0, axis=axis_)
    rest = np.sum(e, axis=axis_, keepdims=True) + (largest - 1)
    with np.errstate(divide="ignore"):  # all -inf: log1p(-1) = -inf, right
        result = m + np.log1p(rest)
    if axis is None:
        result = result.reshape(())
    else:
        result = np.squeeze(result, axis=axis)
    return float(result) if result.ndim == 0 else result


def softmax(z, axis=-1):
    """softmax(z)_i = e^(z_i) / sum_j e^(z_j) along ``axis``, computed without overflow.

    Parameters
    ----------
    z : array_like
        Scores (logits), finite or -inf; at least one finite entry along ``axis``.
    axis : int or None, optional
        The axis along which the result sums to 1 (None: all entries).

    Returns
    -------
    ndarray
        Probabilities, shaped like ``z``.

    Raises
    ------
    TypeError
        If ``z`` is not numeric or ``axis`` is not an integer.
    ValueError
        If ``z`` is empty, holds NaN or +inf, or is all -inf along ``axis``, or ``axis`` is out
        of range.

    Examples
    --------
    >>> np.round(softmax([2.0, 1.0, 0.1]), 3)
    array([0.659, 0.242, 0.099])
    """
    z = _scores(z, axis)
    m = np.max(z, axis=axis, keepdims=True)
    if np.any(np.isneginf(m)):
        raise ValueError("`z` must have a finite entry along `axis`: "
                         "softmax of all -inf is 0/0")
    # e^(z - m) / sum e^(z - m) equals e^z / sum e^z,
    # and every e^(z - m) lies in [0, 1].
    e = np.exp(z - m)
    return e / np.sum(e, axis=axis, keepdims=True)


def entropy(p, base=2):
    """H(p) = -sum_i p_i log_base p_i, the entropy of the distribution ``p``, in bits by default.

    Terms with p_i = 0 count 0 (the limit of p ln p as p -> 0).

    Parameters
    ----------
    p : array_like
        Probabilities along the last axis: non-negative, each row summing to 1 (to 1e-8).
    base : float, optional
        The base of the logarithm: 2 gives bits, e gives nats.

    Returns
    -------
    float or ndarray
        The entropy of each distribution; a float for a 1-D ``p``.

    Raises
    ------
    TypeError
        If ``p`` is not numeric or ``base`` is not a real number.
    ValueError
        If ``p`` is empty, not finite, negative or does not sum to 1, or ``base`` is not a
        positive number other than 1.

    Examples
    --------
    >>> entropy([0.5, 0.5])  # a fair coin: one bit
    1.0
    """
    p = _probabilities(p)
    if isinstance(base, bool) or not isinstance(base, numbers.Real):
        raise TypeError("`base` must be a real number, "
                        f"got {type(base).__name__} {base!r}")
    if not (np.isfinite(base) and base > 0 and base != 1):
        raise ValueError("`base` must be a positive finite number "
                         f"other than 1, got {base!r}")
    # p ln p with 0 ln 0 = 0: take the log only where p > 0.
    p_ln_p = p * np.log(p, where=p > 0, out=np.zeros_like(p))
    result = -np.sum(p_ln_p, axis=-1) / np.log(base)
    return float(result) + 0.0 if result.ndim == 0 else result + 0.0
