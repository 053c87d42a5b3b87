"""Optimization I: loss functions, gradient descent, learning-rate schedules, stochastic gradients.

``from snippets.optimization import gradient_descent``: every public name of the part's chapters.
"""

from snippets._core.parts import export_chapters

__all__ = export_chapters(__name__, __path__, globals())
