"""How the build finds and draws the figures: ``python -m snippets._core.figures MODULE OUTDIR``.

Each part keeps its figures in ``snippets/<part>/figures/<chapter>.py``; each such module has a
``FIGURES`` dict mapping an output file name (pages link to ``figures/<name>``) to the function
that draws it. Nothing else registers a figure: ``figure_modules`` finds them all.
"""

import importlib
import pathlib
import pkgutil
import sys

import snippets

__all__ = ["figure_modules", "all_figures", "draw_module"]


def figure_modules():
    """The dotted names of every figure module, part by part."""
    names = []
    for part in pkgutil.iter_modules(snippets.__path__):
        if not part.ispkg or part.name.startswith("_"):
            continue
        folder = pathlib.Path(snippets.__path__[0]) / part.name / "figures"
        if folder.is_dir():
            names += [
                f"snippets.{part.name}.figures.{m.name}"
                for m in pkgutil.iter_modules([str(folder)])
                if not m.name.startswith("_")
            ]
    return sorted(names)


def all_figures():
    """Map every figure's file name to its drawing function; a name drawn twice is an error."""
    figures = {}
    for module_name in figure_modules():
        module = importlib.import_module(module_name)
        for name, draw in module.FIGURES.items():
            if name in figures:
                raise ValueError(f"figure {name!r} is drawn by two modules, the second {module_name}")
            figures[name] = draw
    return figures


def draw_module(module_name, outdir):
    """Draw the figures of one module into ``outdir``, as SVG."""
    from snippets._core.style import render

    module = importlib.import_module(module_name)
    outdir = pathlib.Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    for name, draw in module.FIGURES.items():
        (outdir / name).write_bytes(render(draw))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m snippets._core.figures MODULE OUTDIR")
    draw_module(sys.argv[1], sys.argv[2])
