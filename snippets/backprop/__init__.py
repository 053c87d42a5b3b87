"""Backpropagation: by hand, a vectorised MLP, reverse-mode autodiff, gradient checks, gradient flow.

``from snippets.backprop import MLP``: every public name of the part's chapters.
"""

from snippets._core.parts import export_chapters

__all__ = export_chapters(__name__, __path__, globals())
