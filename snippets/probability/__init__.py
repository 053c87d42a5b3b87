"""Probability: random variables, expectation, Bayes' theorem and the distributions ML uses.

``from snippets.probability import normal_cdf``: every public name of the part's chapters.
"""

from snippets._core.parts import export_chapters

__all__ = export_chapters(__name__, __path__, globals())
