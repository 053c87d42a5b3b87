"""Figures drawn at build time by ``hooks/package.py``.

``FIGURES`` maps each output file name (pages link to it as ``figures/<name>``) to the
function of this package that draws it. Each topic module keeps its own ``FIGURES``.
"""

from . import curvature, derivatives, gradflow, gradients, jacobians, mlp, rules
from ._style import new_figure, render

FIGURES = {
    # Differential calculus
    **derivatives.FIGURES,
    **rules.FIGURES,
    **curvature.FIGURES,
    **gradients.FIGURES,
    **jacobians.FIGURES,
    # Backpropagation
    **mlp.FIGURES,
    **gradflow.FIGURES,
}

__all__ = ["FIGURES", "new_figure", "render"]
