"""Gradient checking: compare a backward pass with central differences of the loss."""

import numpy as np

from ._checks import check_callable, check_finite_value, check_step


# --8<-- [start:numerical_grad]
import numpy as np


def numerical_grad(f, x, h=1e-6):
# --8<-- [end:numerical_grad]
    """Central-difference estimate of the gradient of ``f()`` with respect to ``x``.

    ``f`` takes no argument and reads the array ``x`` (for a network: a weight
    matrix it uses), so ``x`` is changed in place, one entry at a time, and restored.

    Parameters
    ----------
    f : callable
        ``f() -> float``, the loss.
    x : numpy.ndarray of float64, any shape
        The parameter; double precision, as the differences are of nearby numbers.
    h : float, optional
        The step.

    Returns
    -------
    numpy.ndarray
        The estimate, shaped like ``x``.

    Examples
    --------
    >>> x = np.array([1.0, 2.0])
    >>> np.round(numerical_grad(lambda: np.sum(x**3), x), 6)  # 3 x^2
    array([ 3., 12.])
    """
# --8<-- [start:numerical_grad_body]
    check_callable(f, "f")
    h = check_step(h, "h")
    if not (isinstance(x, np.ndarray) and x.dtype == np.float64):
        raise TypeError(
            "`x` must be a float64 NumPy array (it is changed in place), "
            f"got {x!r}"
        )
    grad = np.empty_like(x)
    # A loop, not vectorised: every entry needs two evaluations of its own.
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        f_plus = f()
        x[i] = old - h
        f_minus = f()
        x[i] = old
        check_finite_value(f_plus - f_minus, f"entry {i} of x", "f")
        grad[i] = (f_plus - f_minus) / (2 * h)  # error O(h^2)
    return grad
# --8<-- [end:numerical_grad_body]


# --8<-- [start:relative_error]
def relative_error(a, b):
# --8<-- [end:relative_error]
    """Norm-wise relative error ||a - b|| / max(||a||, ||b||); 0 if both are 0.

    Examples
    --------
    >>> print(f"{relative_error(np.array([1.0, 2.0]), np.array([1.0, 2.2])):.4f}")
    0.0828
    """
# --8<-- [start:relative_error_body]
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape:
        raise ValueError(
            f"`b` must have the shape of `a` {a.shape}, got {b.shape}")
    scale = max(np.linalg.norm(a), np.linalg.norm(b))
    return 0.0 if scale == 0 else float(np.linalg.norm(a - b) / scale)
# --8<-- [end:relative_error_body]


# --8<-- [start:gradcheck]
def gradcheck(f, params, grads, h=1e-6):
# --8<-- [end:gradcheck]
    """Relative error of each gradient in ``grads`` against central differences.

    Parameters
    ----------
    f : callable
        ``f() -> float``, the loss, reading the arrays in ``params``.
    params, grads : sequences of float64 arrays
        Parameters, and the gradients a backward pass computed for them, in order.
    h : float, optional
        The step of the central differences.

    Returns
    -------
    list of float
        One relative error per parameter array. In double precision, below about
        1e-7 means the backward pass is right; a bug gives 1e-2 to 1.

    Examples
    --------
    >>> w = np.array([0.5, -1.0])
    >>> errors = gradcheck(lambda: np.sum(np.sin(w)), [w], [np.cos(w)])
    >>> errors[0] < 1e-9
    True
    """
# --8<-- [start:gradcheck_body]
    if len(params) != len(grads):
        raise ValueError(f"`grads` must have one array per parameter "
                         f"({len(params)}), got {len(grads)}")
    errors = []
    for i, (p, g) in enumerate(zip(params, grads)):
        if np.shape(g) != np.shape(p):
            raise ValueError(
                f"`grads[{i}]` must have the shape of `params[{i}]` "
                f"{np.shape(p)}, got {np.shape(g)}"
            )
        errors.append(relative_error(g, numerical_grad(f, p, h)))
    return errors
# --8<-- [end:gradcheck_body]
