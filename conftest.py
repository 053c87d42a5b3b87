"""Collection rules for the one `pytest` that runs every check (see pyproject.toml)."""

# The labs are Jupytext notebooks: the build executes them (a failing cell fails the build),
# so the doctest collector must not import them as modules.
collect_ignore_glob = ["docs/labs/*.py"]
