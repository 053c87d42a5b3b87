"""SciPy as a reference, used only where it is itself sound.

``scipy.differentiate`` reports, element by element, whether it converged (``success``) and how
far off it thinks it is (``error``). A test that compares with a value SciPy did not converge to
tests SciPy, not the package: on another CPU the same call may stop one step earlier. These
wrappers take the same arguments as SciPy's and return its result, after asserting that every
element converged; compare with ``result.df`` within a tolerance that includes ``result.error``.

    from tests.references import derivative
    ref = derivative(np.sin, x)            # raises AssertionError if SciPy did not converge
    assert abs(mine - ref.df) <= 1e-12 + 2 * ref.error
"""

import numpy as np
from scipy import differentiate

__all__ = ["derivative", "jacobian", "hessian", "converged"]


def converged(result, what):
    """Assert that the SciPy ``result`` converged everywhere; return it."""
    success = np.asarray(result.success)
    assert np.all(success), (
        f"SciPy's {what} did not converge (status {np.asarray(result.status)[~success].tolist()}): "
        "it is no reference there; loosen its tolerances or compare elsewhere"
    )
    return result


def derivative(f, x, **options):
    """``scipy.differentiate.derivative``, asserted converged."""
    return converged(differentiate.derivative(f, x, **options), "derivative")


def jacobian(f, x, **options):
    """``scipy.differentiate.jacobian``, asserted converged."""
    return converged(differentiate.jacobian(f, x, **options), "jacobian")


def hessian(f, x, **options):
    """``scipy.differentiate.hessian``, asserted converged."""
    return converged(differentiate.hessian(f, x, **options), "hessian")
