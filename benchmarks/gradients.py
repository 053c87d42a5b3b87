"""Accuracy of the numerical gradients and Hessians on smooth functions of up to ten variables.

    python -m benchmarks.gradients

For each function, at three random points, prints the largest relative error
``|estimate - exact| / |exact|`` (Frobenius norm) of:

- gradients: ``snippets.calculus.central_gradient`` (plain central differences), ``gradient``
  (extrapolated), and ``scipy.differentiate.jacobian`` at its defaults;
- Hessians: ``snippets.calculus.hessian`` and ``scipy.differentiate.hessian`` at its defaults.

The exact values come from SciPy (``rosen_der``, ``rosen_hess``), closed forms, or SymPy.
tests/calculus/test_gradients.py and tests/calculus/test_jacobians.py assert the claims (gradient within 1e-12,
Hessian within 1e-8); this script only shows the numbers.
"""

import numpy as np
import sympy as sp
from scipy.differentiate import hessian as scipy_hessian
from scipy.differentiate import jacobian as scipy_jacobian
from scipy.optimize import rosen, rosen_der, rosen_hess
from scipy.special import expit, log_expit, logsumexp, softmax

from snippets.calculus import central_gradient, gradient, hessian

# Logistic-regression loss of a weight vector w on a fixed synthetic data set.
_rng = np.random.default_rng(42)
X, Y = _rng.normal(size=(50, 10)), _rng.choice([-1.0, 1.0], size=50)


def logistic_loss(w):
    return -np.mean(log_expit(Y * (X @ w)))  # mean of log(1 + exp(-y x.w))


def logistic_grad(w):
    s = expit(-Y * (X @ w))  # the weight each example gets
    return -(X.T @ (Y * s)) / len(Y)


def logistic_hess(w):
    p = expit(Y * (X @ w))
    return (X.T * (p * (1 - p))) @ X / len(Y)


def _sympy_case():
    """exp(x0) sin(x1) + x2^2 cos(x0), with its gradient and Hessian by SymPy."""
    v = sp.symbols("x0:3")
    f = sp.exp(v[0]) * sp.sin(v[1]) + v[2] ** 2 * sp.cos(v[0])
    grad = sp.lambdify([v], [sp.diff(f, s) for s in v])
    hess = sp.lambdify([v], sp.hessian(f, v))

    def f_np(x):
        return np.exp(x[0]) * np.sin(x[1]) + x[2] ** 2 * np.cos(x[0])

    return f_np, lambda x: np.array(grad(x), float), lambda x: np.array(hess(x), float)


def _lse_hess(z):
    p = softmax(z)
    return np.diag(p) - np.outer(p, p)


def _vectorised(f):
    """f of a point, made to accept SciPy's (n, ...) batches of points."""
    def g(x):
        x = np.asarray(x)
        if x.ndim == 1:
            return f(x)
        flat = x.reshape(x.shape[0], -1)
        return np.array([f(flat[:, k]) for k in range(flat.shape[1])]).reshape(x.shape[1:])

    return g


CASES = [  # name, n, f, exact gradient, exact Hessian, range of the random points
    ("Rosenbrock", 2, rosen, rosen_der, rosen_hess, 2.0),
    ("Rosenbrock", 10, rosen, rosen_der, rosen_hess, 2.0),
    ("log-sum-exp", 10, logsumexp, softmax, _lse_hess, 3.0),
    ("logistic loss", 10, logistic_loss, logistic_grad, logistic_hess, 1.0),
    ("exp sin + x^2 cos", 3, *_sympy_case(), 1.5),
]


def relative_error(estimate, exact):
    return np.linalg.norm(estimate - exact) / np.linalg.norm(exact)


def main():
    rng = np.random.default_rng(0)
    header = ["central_gradient", "gradient", "scipy jacobian", "hessian", "scipy hessian"]
    print(f"{'f':18} {'n':>3}  " + " ".join(f"{c:>16}" for c in header))
    for name, n, f, grad, hess, scale in CASES:
        worst = np.zeros(5)
        for x in rng.uniform(-scale, scale, size=(3, n)):
            g, H = grad(x), hess(x)
            errors = [
                relative_error(central_gradient(f, x), g),
                relative_error(gradient(f, x), g),
                relative_error(scipy_jacobian(_vectorised(f), x).df, g),
                relative_error(hessian(f, x), H),
                relative_error(scipy_hessian(_vectorised(f), x).ddf, H),
            ]
            worst = np.maximum(worst, errors)
        print(f"{name:18} {n:3d}  " + " ".join(f"{e:16.1e}" for e in worst))
    print("largest relative error over three random points; targets: gradient 1e-12, hessian 1e-8")


if __name__ == "__main__":
    main()
