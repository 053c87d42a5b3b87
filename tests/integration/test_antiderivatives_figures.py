"""The figure of "Antiderivatives" plots what its caption says."""

import math

import numpy as np
from scipy.special import ndtr


def test_family_is_one_curve_shifted_by_constants(figure):
    left, right = figure("antiderivatives-family.svg").axes[:2]
    (x, y), = [ln.get_xydata().T for ln in left.get_lines()]
    np.testing.assert_allclose(y, np.exp(-x**2 / 2))
    curves = [ln.get_xydata() for ln in right.get_lines() if ln.get_label().startswith("C = ")]
    assert len(curves) == 4
    shifts = [curve[:, 1] - math.sqrt(2 * math.pi) * ndtr(curve[:, 0]) for curve in curves]
    for shift, C in zip(shifts, [-1, 0, 1, 2]):
        np.testing.assert_allclose(shift, C, atol=1e-12)  # F + C: the same curve moved up by C
    label = left.collections[0].get_label()
    assert label.endswith(f"{math.sqrt(2 * math.pi) * ndtr(1.0):.3f}")
