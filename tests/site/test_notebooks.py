"""Every chapter's notebook, generated from the page at build time, runs top to bottom in a fresh
kernel and prints what the page says it prints."""

import concurrent.futures
import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.build

# Run in a subprocess per notebook: a fresh kernel, and nothing shared between notebooks.
EXECUTE = """
import json, sys
import nbformat
from nbclient import NotebookClient
nb = nbformat.reads(sys.stdin.read(), as_version=4)
NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True).execute()
print(json.dumps([
    {"source": c.source[:200],
     "stdout": "".join(o.get("text", "") for o in c.outputs if o.output_type == "stream" and o.name == "stdout"),
     "errors": [f"{o.ename}: {o.evalue}" for o in c.outputs if o.output_type == "error"]}
    for c in nb.cells if c.cell_type == "code"
]))
"""


def run(notebook_path):
    text = notebook_path.read_text()
    run = subprocess.run([sys.executable, "-W", "ignore", "-c", EXECUTE], input=text,
                         capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, f"{notebook_path.name}: {run.stderr[-2000:]}"
    return json.loads(text), json.loads(run.stdout.splitlines()[-1])


def chapters(site):
    return sorted(site["dir"].glob("*/*.ipynb"))


def test_every_chapter_page_links_to_its_notebook(site):
    notebooks = chapters(site)
    assert len(notebooks) >= 10, "expected a notebook for every chapter"
    for notebook in notebooks:
        html = (notebook.parent / notebook.stem / "index.html").read_text()
        assert f'href="../{notebook.name}"' in html, f"{notebook}: the chapter page does not link to it"


def test_every_notebook_runs_in_a_fresh_kernel_and_prints_what_the_page_shows(site):
    notebooks = chapters(site)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(run, notebooks))
    failures = []
    for path, (stored, executed) in zip(notebooks, results):
        code_cells = [c for c in stored["cells"] if c["cell_type"] == "code"]
        assert len(code_cells) == len(executed)
        for cell, ran in zip(code_cells, executed):
            where = f"{path.relative_to(site['dir'])}: {ran['source'][:80]!r}"
            if ran["errors"]:
                failures.append(f"{where} raised {ran['errors'][0]}")
            expected = "".join(o["text"] for o in cell["outputs"])
            if expected and ran["stdout"].rstrip() != expected.rstrip():
                failures.append(f"{where} printed\n{ran['stdout']}\ninstead of\n{expected}")
    assert not failures, "\n\n".join(failures)
