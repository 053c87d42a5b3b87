"""Draw every figure into a folder: ``python -m snippets.figures OUTDIR`` (used by the build)."""

import pathlib
import sys

from . import FIGURES, render

if len(sys.argv) != 2:
    sys.exit("usage: python -m snippets.figures OUTDIR")
outdir = pathlib.Path(sys.argv[1])
outdir.mkdir(parents=True, exist_ok=True)
for name, draw in FIGURES.items():
    (outdir / name).write_bytes(render(draw))
