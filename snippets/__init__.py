"""Tested code of the textbook: every function a page shows or calls.

Everything public is importable from here, for example
``from snippets import central_difference``.
"""

from .derivatives import (
    central_difference,
    complex_step,
    derivative,
    forward_difference,
    tangent_line,
)

__all__ = [
    # The derivative
    "forward_difference",
    "central_difference",
    "complex_step",
    "derivative",
    "tangent_line",
]
