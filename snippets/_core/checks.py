"""Argument checks shared by the package: each names the argument it rejects.

Every message is pinned by a test, so changing one is a visible change.
"""

import numbers

import numpy as np


def check_callable(f, name="f"):
    """Raise ``TypeError`` unless ``f`` can be called."""
    if not callable(f):
        raise TypeError(f"`{name}` must be callable, got {type(f).__name__} {f!r}")


def check_step(h, name="h"):
    """Return ``h`` as a float; raise unless it is a positive finite real number."""
    if isinstance(h, bool) or not isinstance(h, numbers.Real):
        raise TypeError(f"`{name}` must be a real number, got {type(h).__name__} {h!r}")
    if not (np.isfinite(h) and h > 0):
        raise ValueError(f"`{name}` must be a positive finite number, got {h!r}")
    return float(h)


def check_point(x, name="x", *, ndim=(0, 1)):
    """Return ``x`` as a float array; raise unless it is finite, real and of an allowed ``ndim``.

    ``ndim=(0, 1)`` accepts a scalar or a 1-D array.
    """
    if isinstance(x, bool) or isinstance(x, (str, bytes)):
        raise TypeError(f"`{name}` must be a real number or array, got {type(x).__name__} {x!r}")
    try:
        a = np.asarray(x, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(
            f"`{name}` must be a real number or array, got {type(x).__name__} {x!r}"
        ) from None
    if a.ndim not in ndim:
        allowed = " or ".join({0: "a scalar", 1: "a 1-D array", 2: "a 2-D array"}[d] for d in ndim)
        raise ValueError(f"`{name}` must be {allowed}, got an array of shape {a.shape}")
    if not np.all(np.isfinite(a)):
        raise ValueError(f"`{name}` must be finite, got {x!r}")
    return a


def check_network(net, *methods):
    """Raise ``TypeError`` unless ``net`` has every one of ``methods`` (``"forward"``, ...)."""
    if not all(hasattr(net, m) for m in methods):
        raise TypeError(
            f"`net` must be a network with {', '.join(methods[:-1])} and {methods[-1]}, "
            f"got {type(net).__name__}")


def check_labelled_rows(X, y):
    """``(X, y)`` as arrays: X a finite 2-D array with rows, y one label per row of X."""
    X = check_point(X, "X", ndim=(2,))
    if X.shape[0] == 0:
        raise ValueError(f"`X` must have at least one row, got shape {X.shape}")
    y = np.asarray(y)
    if y.shape != (X.shape[0],):
        raise ValueError(f"`y` must have shape ({X.shape[0]},), one label per row of `X`, got {y.shape}")
    return X, y


def check_finite_value(value, where, name="f"):
    """Raise ``ValueError`` if ``value``, returned by ``name`` at ``where``, is not finite."""
    if not np.all(np.isfinite(value)):
        raise ValueError(f"`{name}` returned a non-finite value {value!r} at {where}")


def check_positive_int(n, name):
    """Return ``n`` as an int; raise unless it is a positive integer (not a bool)."""
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
        raise ValueError(f"`{name}` must be a positive integer, got {n!r}")
    return int(n)


def check_rng(rng):
    """``rng`` as a Generator: a Generator is used as is; a seed (or None) makes a new one."""
    if not isinstance(rng, (bool, float, str, bytes)):  # numpy would take True as 1
        try:
            return np.random.default_rng(rng)
        except (TypeError, ValueError):
            pass
    raise TypeError(
        "`rng` must be a numpy.random.Generator, a non-negative integer seed or None, "
        f"got {type(rng).__name__} {rng!r}")


def check_lr(lr):
    """``lr`` as a float; raise unless it is a non-negative finite number (lr = 0 is allowed)."""
    if isinstance(lr, bool) or not isinstance(lr, numbers.Real):
        raise TypeError(f"`lr` must be a real number, got {type(lr).__name__} {lr!r}")
    if not (np.isfinite(lr) and lr >= 0):
        raise ValueError(f"`lr` must be a non-negative finite number, got {lr!r}")
    return float(lr)


def check_pairs(params, grads):
    """Both lists checked by ``check_arrays``, of equal lengths and matching shapes."""
    params, grads = check_arrays(params, "params"), check_arrays(grads, "grads")
    if len(grads) != len(params):
        raise ValueError(f"`grads` must have one array per parameter "
                         f"({len(params)}), got {len(grads)}")
    for i, (p, g) in enumerate(zip(params, grads)):
        if g.shape != p.shape:
            raise ValueError(f"`grads[{i}]` must have the shape of `params[{i}]` "
                             f"{p.shape}, got {g.shape}")
    return params, grads


def check_arrays(arrays, name):
    """Raise unless ``arrays`` is a list or tuple of float arrays (they are changed in place)."""
    if not isinstance(arrays, (list, tuple)):
        raise TypeError(
            f"`{name}` must be a list or tuple of float arrays, got {type(arrays).__name__}")
    for i, a in enumerate(arrays):
        if not (isinstance(a, np.ndarray) and np.issubdtype(a.dtype, np.floating)):
            kind = a.dtype if isinstance(a, np.ndarray) else type(a).__name__
            raise TypeError(
                f"`{name}[{i}]` must be a float NumPy array (it is changed in place), got {kind}")
    return list(arrays)
