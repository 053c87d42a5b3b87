"""Figures drawn at build time by ``hooks/package.py``.

``FIGURES`` maps each output file name (pages link to it as ``figures/<name>``) to the
function of this package that draws it. Each topic module keeps its own ``FIGURES``.
"""

from . import derivatives as _derivatives
from ._style import new_figure, render

FIGURES = {
    **_derivatives.FIGURES,
}

__all__ = ["FIGURES", "new_figure", "render"]
