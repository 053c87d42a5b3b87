"""Integral calculus: antiderivatives, definite integrals computed to full precision, and AUC-ROC.

``from snippets.integration import integrate``: every public name of the part's chapters.
"""

from snippets._core.parts import export_chapters

__all__ = export_chapters(__name__, __path__, globals())
