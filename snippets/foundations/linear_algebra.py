"""Linear-algebra essentials: vectors, matrices, layers, eigenvalues and least squares.

- ``norm``, ``direction``, ``angle``: length and direction of vectors;
- ``matmul`` and ``dense_layer``: C_ij = row_i(A) . col_j(B), and Z = X W + b;
- ``power_iteration`` and ``matrix_power_norms``: eigenvalues, and what they do not tell;
- ``pseudo_inverse`` and ``least_squares``: solving A x = b when A has no inverse.
"""

import numbers

import numpy as np

from snippets._core.checks import check_positive_int

__all__ = [
    "norm", "direction", "angle", "matmul", "dense_layer",
    "power_iteration", "matrix_power_norms", "pseudo_inverse", "least_squares",
]


def _array(a, name, ndim):
    """``a`` as a finite float array with ``ndim`` dimensions; raise naming ``name`` otherwise."""
    if isinstance(a, (str, bytes)) or a is None:
        raise TypeError(f"`{name}` must be a real array, "
                        f"got {type(a).__name__} {a!r}")
    try:
        array = np.asarray(a)
        # Numbers only: bools, complex numbers and strings are refused.
        if array.dtype.kind not in "iufO":
            raise TypeError
        a = np.asarray(array, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"`{name}` must be a real array, "
                        f"got {type(a).__name__}") from None
    if a.ndim != ndim or a.size == 0:
        kind = {1: "a non-empty vector (1-D)",
                2: "a non-empty matrix (2-D)"}[ndim]
        raise ValueError(f"`{name}` must be {kind}, got shape {a.shape}")
    if not np.all(np.isfinite(a)):
        raise ValueError(f"`{name}` must be finite")
    return a


def norm(v):
    """||v|| = sqrt(v_1^2 + ... + v_n^2), the Euclidean length of ``v``.

    Examples
    --------
    >>> norm([3.0, 4.0])
    5.0
    """
    v = _array(v, "v", 1)
    # Scale by the largest entry first: (1e200)^2 would overflow,
    # (1e-200)^2 underflow to 0.
    scale = np.max(np.abs(v))
    if scale == 0:
        return 0.0
    return float(scale * np.sqrt(np.sum((v / scale) ** 2)))


def direction(v):
    """The angle (radians, in (-pi, pi]) from the positive x-axis to the 2-D vector ``v``.

    ``arctan2(v2, v1)``, not ``arctan(v2 / v1)``: the quotient forgets which quadrant ``v`` is
    in ((-3, -4) and (3, 4) have the same ratio) and fails for v1 = 0.

    Examples
    --------
    >>> print(f"{np.degrees(direction([3.0, 4.0])):.1f}")
    53.1
    """
    v = _array(v, "v", 1)
    if v.shape != (2,):
        raise ValueError("`v` must be a 2-D vector of shape (2,), "
                         f"got shape {v.shape}")
    if not np.any(v):
        raise ValueError(
            "`v` must not be the zero vector: it has no direction")
    # + 0.0 turns -0.0 into 0.0: arctan2(-0.0, -1.0) would be -pi.
    return float(np.arctan2(v[1] + 0.0, v[0] + 0.0))


def angle(a, b):
    """The angle theta in [0, pi] between non-zero vectors: cos theta = a . b / (||a|| ||b||).

    Raises
    ------
    ValueError
        If the vectors differ in length or one of them is zero (a zero vector has no
        direction, so no angle: its dot product with anything is 0).

    Examples
    --------
    >>> print(f"{np.degrees(angle([1.0, 0.0], [1.0, 1.0])):.1f}")
    45.0
    """
    a, b = _array(a, "a", 1), _array(b, "b", 1)
    if a.shape != b.shape:
        raise ValueError(
            f"`b` must have the shape of `a` {a.shape}, got {b.shape}")
    norm_a, norm_b = norm(a), norm(b)
    for n, name in [(norm_a, "a"), (norm_b, "b")]:
        if n == 0:
            raise ValueError(f"`{name}` must not be the zero vector: "
                             "it makes no angle")
    # arccos(a . b / (|a| |b|)) loses half the digits near 0 and pi,
    # where arccos is steep; the same angle from the difference and sum
    # of the unit vectors keeps them all (Kahan).
    u, w = a / norm_a, b / norm_b
    return float(2 * np.arctan2(norm(u - w), norm(u + w)))


def matmul(A, B):
    """C = A B by its definition, C_ij = row_i(A) . col_j(B): (m x n)(n x p) -> m x p.

    The loops are kept to show the definition; ``A @ B`` computes the same, much faster.

    Examples
    --------
    >>> matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]])
    array([[19., 22.],
           [43., 50.]])
    """
    A, B = _array(A, "A", 2), _array(B, "B", 2)
    (m, n), (n_b, p) = A.shape, B.shape
    if n != n_b:
        raise ValueError(f"`B` must have as many rows as `A` has columns "
                         f"({n}), got shape {B.shape}")
    C = np.zeros((m, p))
    for i in range(m):
        for j in range(p):
            # row i of A times column j of B
            C[i, j] = np.dot(A[i, :], B[:, j])
    return C


def dense_layer(X, W, b):
    """Z = X W + b in the batch-row layout: one example per row of ``X``.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_in)
    W : array_like, shape (n_in, n_out)
        Column j holds the weights of output neuron j.
    b : array_like, shape (n_out,)

    Returns
    -------
    ndarray of shape (n_samples, n_out)
        Z[k, j] = sum_i X[k, i] W[i, j] + b[j], one dot product per example and neuron.

    Examples
    --------
    >>> dense_layer([[1.0, 2.0]], [[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]], [0.0, 0.0, 0.5])
    array([[1. , 2. , 3.5]])
    """
    X, W, b = _array(X, "X", 2), _array(W, "W", 2), _array(b, "b", 1)
    if W.shape[0] != X.shape[1]:
        raise ValueError(
            "`W` must have shape (n_in, n_out) with n_in = "
            f"{X.shape[1]} (the columns of `X`), got {W.shape}")
    if b.shape != (W.shape[1],):
        raise ValueError(f"`b` must have shape ({W.shape[1]},), one bias "
                         f"per column of `W`, got {b.shape}")
    return X @ W + b  # b is added to every row


def _square(A):
    A = _array(A, "A", 2)
    if A.shape[0] != A.shape[1]:
        raise ValueError(f"`A` must be square, got shape {A.shape}")
    return A


def power_iteration(A, n_iter=200, seed=0):
    """The dominant eigenvalue and eigenvector of ``A`` by repeated multiplication.

    x <- A x / ||A x||, from a random start: the component along the eigenvector of the largest
    |lambda| grows fastest and takes over, at the rate |lambda_2 / lambda_1| per step. The
    eigenvalue is the Rayleigh quotient x . A x. It needs one real eigenvalue strictly largest
    in modulus (a symmetric matrix with |lambda_1| > |lambda_2| has one).

    Parameters
    ----------
    A : array_like, shape (n, n)
    n_iter : int, optional
        The number of multiplications.
    seed : int, optional
        Seed of the random start.

    Returns
    -------
    (float, ndarray of shape (n,))
        lambda and a unit eigenvector v with A v ~ lambda v (its sign is arbitrary).

    Raises
    ------
    ValueError
        If ``A`` is not a finite square matrix, ``n_iter`` or ``seed`` is invalid, or after
        ``n_iter`` steps ||A x - lambda x|| is still above 1e-8 ||A||_F (no single dominant real
        eigenvalue, or too few steps).

    Examples
    --------
    >>> lam, v = power_iteration([[2.0, 1.0], [1.0, 2.0]])
    >>> print(f"{lam:.6f}", np.round(np.abs(v), 6))
    3.000000 [0.707107 0.707107]
    """
    A = _square(A)
    n_iter = check_positive_int(n_iter, "n_iter")
    integer = isinstance(seed, numbers.Integral) and not isinstance(seed, bool)
    if not integer or seed < 0:
        raise ValueError(
            f"`seed` must be a non-negative integer, got {seed!r}"
        )
    x = np.random.default_rng(seed).standard_normal(A.shape[0])
    x /= np.linalg.norm(x)
    scale = np.max(np.abs(A))  # work with A / scale: no overflow in A @ x
    if scale == 0:
        return 0.0, x  # A = 0: every vector is an eigenvector, with lambda = 0
    A = A / scale
    for _ in range(n_iter):
        y = A @ x
        size = np.linalg.norm(y)
        if size == 0:
            raise ValueError("`A` sent the iterate to 0: its dominant "
                             "eigenvalue cannot be found this way")
        x = y / size
    lam = x @ A @ x  # the Rayleigh quotient
    # No single dominant real eigenvalue (a rotation, +1 and -1), or too few
    # steps: x is then no eigenvector, and saying so beats a wrong answer.
    if np.linalg.norm(A @ x - lam * x) > 1e-8 * np.linalg.norm(A):
        raise ValueError(
            f"`A` has no eigenvector that {n_iter} steps of power iteration "
            "converge to: it needs one real eigenvalue strictly largest in "
            "modulus (or more steps, `n_iter`)"
        )
    return float(scale * lam), x


def matrix_power_norms(A, n_steps):
    """||A^k||_2 for k = 0, 1, ..., n_steps: how much k multiplications by ``A`` can stretch a vector.

    For a normal matrix (symmetric, rotation, ...) this is |lambda_max|^k; for a non-normal one it
    can grow for a while even when every |lambda| < 1.

    Examples
    --------
    >>> np.round(matrix_power_norms([[0.5, 0.0], [0.0, 0.25]], 3), 4)
    array([1.   , 0.5  , 0.25 , 0.125])
    """
    A = _square(A)
    n_steps = check_positive_int(n_steps, "n_steps")
    P, norms = np.eye(A.shape[0]), [1.0]
    for k in range(1, n_steps + 1):
        with np.errstate(over="ignore", invalid="ignore"):
            P = A @ P
        if not np.all(np.isfinite(P)):
            raise ValueError(
                f"`n_steps` is too large: A^{k} overflows the float range"
            )
        norms.append(np.linalg.norm(P, 2))  # the largest singular value
    return np.array(norms)


def pseudo_inverse(A, rcond=1e-15):
    """The Moore-Penrose pseudo-inverse A^+ = V diag(1/s) U^T, from the SVD A = U diag(s) V^T.

    Singular values below ``rcond * max(s)`` count as 0 (their reciprocal is left out): they
    are round-off, and dividing by them would blow up. For a square non-singular ``A`` the
    result is the inverse.

    Examples
    --------
    >>> np.round(pseudo_inverse([[2.0, 0.0], [0.0, 0.0]]), 12)  # singular: no inverse, but A^+
    array([[0.5, 0. ],
           [0. , 0. ]])
    """
    A = _array(A, "A", 2)
    if (isinstance(rcond, bool) or not isinstance(rcond, numbers.Real)
            or not 0 <= rcond < 1):
        raise ValueError(f"`rcond` must be a number in [0, 1), got {rcond!r}")
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    keep = s > rcond * s.max()
    s_plus = np.zeros_like(s)
    s_plus[keep] = 1 / s[keep]
    return (Vt.T * s_plus) @ U.T  # V diag(1/s) U^T


def least_squares(A, b):
    """The x that minimises ||A x - b||, the shortest one if there are many: x = A^+ b.

    Works for any shape of ``A``: more equations than unknowns (no exact solution; the best
    fit), fewer (many solutions; the one of least norm), or square and singular.

    Examples
    --------
    >>> np.round(least_squares([[1.0], [1.0], [1.0]], [1.0, 2.0, 6.0]), 12)  # the mean
    array([3.])
    """
    A, b = _array(A, "A", 2), _array(b, "b", 1)
    if b.shape != (A.shape[0],):
        raise ValueError(f"`b` must have shape ({A.shape[0]},), one entry "
                         f"per row of `A`, got {b.shape}")
    return pseudo_inverse(A) @ b
