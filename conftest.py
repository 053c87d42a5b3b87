"""Collection rules for the one `pytest` that runs every check (see pyproject.toml)."""

import os

# The pages' small matrices gain nothing from BLAS threads, and on a busy 2-core machine the
# threads cost several times the work; set before NumPy is first imported.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

# The labs are Jupytext notebooks: the build executes them (a failing cell fails the build),
# so the doctest collector must not import them as modules.
collect_ignore_glob = ["docs/labs/*.py"]
