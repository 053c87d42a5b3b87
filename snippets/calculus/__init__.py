"""Differential calculus: the derivative, its rules, curvature, gradients, Jacobians and Hessians.

``from snippets.calculus import derivative``: every public name of the part's chapters.
"""

from snippets._core.parts import export_chapters

__all__ = export_chapters(__name__, __path__, globals())
