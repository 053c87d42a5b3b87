"""How the build finds and draws the figures.

Each part keeps its figures in ``snippets/<part>/figures/<chapter>.py``; each such module has a
``FIGURES`` dict mapping an output file name (pages link to ``figures/<name>``) to the function
that draws it. Nothing else registers a figure: ``figure_modules`` finds them all.

The build draws with ``python -m snippets._core.figures --worker``: a worker that reads one
request a line on stdin, ``{"module": ..., "name": ..., "path": ...}``, draws that figure into
``path`` as SVG, and answers one line on stdout, ``{"seconds": ...}`` or ``{"error": traceback}``.
A worker imports Matplotlib and loads its fonts once and then draws figure after figure; the
build runs one per core (hooks/figures.py). ``python -m snippets._core.figures MODULE OUTDIR``
draws one module's figures.
"""

import importlib
import json
import pathlib
import pkgutil
import sys
import time
import traceback

import snippets

__all__ = ["figure_modules", "all_figures", "draw_module", "draw_figure"]


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


def draw_figure(module_name, name, path):
    """Draw the figure ``name`` of the module ``module_name`` into the file ``path``, as SVG."""
    from snippets._core.style import render

    module = importlib.import_module(module_name)
    if name not in module.FIGURES:
        raise LookupError(f"{module_name}.FIGURES has no figure {name!r}")
    pathlib.Path(path).write_bytes(render(module.FIGURES[name]))


def draw_module(module_name, outdir):
    """Draw the figures of one module into ``outdir``, as SVG."""
    outdir = pathlib.Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    for name in importlib.import_module(module_name).FIGURES:
        draw_figure(module_name, name, outdir / name)


def serve_requests(requests, answers):
    """The worker's loop: draw each request of the text stream ``requests``, answer on ``answers``."""
    for line in requests:
        request = json.loads(line)
        start = time.perf_counter()
        try:
            draw_figure(request["module"], request["name"], request["path"])
            answer = {"seconds": time.perf_counter() - start}
        except Exception:  # reported to the build, which fails with this traceback
            answer = {"error": traceback.format_exc()}
        answers.write(json.dumps(answer) + "\n")
        answers.flush()


if __name__ == "__main__":
    if sys.argv[1:] == ["--worker"]:
        # stdout carries the answers: what a figure function prints goes to stderr.
        answers, sys.stdout = sys.stdout, sys.stderr
        serve_requests(sys.stdin, answers)
    elif len(sys.argv) == 3:
        draw_module(sys.argv[1], sys.argv[2])
    else:
        sys.exit("usage: python -m snippets._core.figures (--worker | MODULE OUTDIR)")
