"""Foundations: algebra, functions, exponentials and logarithms, trigonometry and linear algebra.

``from snippets.foundations import softmax``: every public name of the part's chapters.
"""

from snippets._core.parts import export_chapters

__all__ = export_chapters(__name__, __path__, globals())
