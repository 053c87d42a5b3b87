"""The figure of "Jacobian and Hessian" draws the Hessian's eigenvectors and the cuts along them."""

import numpy as np
import pytest



def test_saddle_directions_are_the_eigenvectors(figure):
    plane, cuts = figure("jacobians-saddle.svg").axes
    eigenvalues, eigenvectors = np.linalg.eigh([[2.0, 3.0], [3.0, 2.0]])
    drawn = {ln.get_label(): ln.get_xydata() for ln in cuts.get_lines()}
    for value, u in zip(eigenvalues, eigenvectors.T):
        t, f = drawn[f"f(t·u), λ = {value:.0f}"].T
        np.testing.assert_allclose(f, value * t**2 / 2, atol=1e-12)  # f(t u) = λ t² / 2
    assert [f"{v:.0f}" for v in eigenvalues] == ["-1", "5"]
    lines = [ln for ln in plane.get_lines() if ln.get_label().startswith("eigenvalue")]
    for ln, u in zip(lines, eigenvectors.T):
        xy = ln.get_xydata()
        direction = (xy[-1] - xy[0]) / np.linalg.norm(xy[-1] - xy[0])
        assert abs(direction @ u) == pytest.approx(1.0)
