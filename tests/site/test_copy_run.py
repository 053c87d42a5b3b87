"""Every Python block a reader can copy from the built site runs on its own in a fresh interpreter.

pytest-codeblocks runs the Markdown sources; this runs what the site shows after the build:
included source as it was included, each block alone, as a reader who copies only that block.
Notebook (lab) pages are left out: their cells run in order, and the build executes them.
"""

import concurrent.futures
import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.build


def python_blocks(site):
    """(page, index, code) for every Python block of every non-notebook page."""
    for html in sorted(site["dir"].rglob("index.html")):
        soup = BeautifulSoup(html.read_text(), "html.parser")
        if soup.select_one(".jupyter-wrapper"):
            continue
        # mkdocstrings shows signatures as Python too: those are not code to run.
        for i, block in enumerate(soup.select("div.language-python.highlight:not(.doc-signature)")):
            # What the copy button copies: the code's text.
            code = block.select_one("pre > code").get_text()
            yield html.parent.relative_to(site["dir"]).as_posix() or "home", i, code


# Two blocks run at a time, one per core: each with a single-threaded BLAS, or their BLAS threads
# fight for the two cores (the blocks' matrices are small).
ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def run_alone(code, cwd):
    # -I: no user site, no PYTHONPATH, no current folder on the path: the installed package only.
    return subprocess.run([sys.executable, "-I", "-c", code], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env={**os.environ, **ONE_THREAD})


def test_every_python_block_runs_alone(site, tmp_path):
    blocks = list(python_blocks(site))
    assert len(blocks) >= 10, "expected the site's pages to show Python blocks"
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        runs = list(pool.map(lambda b: run_alone(b[2], tmp_path), blocks))
    failures = [
        f"{page} block {i}:\n{code[:300]}\n--> {run.stderr.strip().splitlines()[-1] if run.stderr.strip() else run.returncode}"
        for (page, i, code), run in zip(blocks, runs)
        if run.returncode != 0
    ]
    assert not failures, "\n\n".join(failures)
