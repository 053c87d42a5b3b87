"""Build-time glue between the snippets package and the site: figures, labs, API reference.

- Figures: every figure module (``snippets/<part>/figures/<chapter>.py``, found, not listed) has
  its SVGs cached under a key made of its own source and the sources of the package modules it
  imports, directly or not: a prose edit redraws nothing, an edit of one chapter's code redraws
  that chapter's figures only. What is not cached is drawn figure by figure by one long-lived
  worker process per core (``python -m snippets._core.figures --worker``, which imports
  Matplotlib once), in the background from the moment the configuration is loaded; MkDocs renders
  the pages meanwhile, and the build waits for them before it copies its files (``on_env``;
  hooks/book.py then reads them into the notebooks). The
  names of the figures come from the ``FIGURES`` dict written out in each module. A page that
  links to a figure nobody draws is a broken link, so the strict build fails on it, and a figure
  function that raises fails the build too.
- Labs: mkdocs-jupyter caches executed notebooks by their own text only; its cache folder is
  keyed here by the package's source too, so a change in snippets/ re-runs the labs.
- API reference: the line ``<!-- api-reference -->`` of ``reference.md`` becomes one section per
  part and one ``::: snippets.<part>.<chapter>`` per chapter module, in the order of the nav.
"""

import ast
import collections
import functools
import hashlib
import importlib.metadata
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import threading

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File


def _root(config):
    return pathlib.Path(config.config_file_path).resolve().parent


def _module_file(root, name):
    """The file of the package module ``name`` (``snippets.calculus.derivatives``), or None."""
    path = root.joinpath(*name.split("."))
    for candidate in (path.with_suffix(".py"), path / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imports(root, path):
    """The ``snippets`` modules that the module file ``path`` imports, with their packages."""
    stat = path.stat()
    return _imports_of_version(root, path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=1024)  # parsed once per version of the file, across serve's rebuilds
def _imports_of_version(root, path, mtime_ns, size):
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            for i in range(1, len(parts) + 1):  # importing a.b.c runs a, a.b and a.b.c
                if parts[0] == "snippets" and _module_file(root, ".".join(parts[:i])):
                    found.add(".".join(parts[:i]))
    return frozenset(found)


def _source_keys(root, modules):
    """For each of ``modules``, a hash of the sources it depends on and of the versions of what
    draws them (each source is parsed once for all the modules)."""
    versions = "".join(f"{dist}=={importlib.metadata.version(dist)}\0" for dist in ("numpy", "matplotlib"))
    imports = {}
    keys = {}
    for module in modules:
        seen, todo = set(), [module]
        while todo:
            name = todo.pop()
            if name not in seen:
                seen.add(name)
                if name not in imports:
                    imports[name] = _imports(root, _module_file(root, name))
                todo += imports[name]
        digest = hashlib.sha256(versions.encode())
        for name in sorted(seen):
            digest.update(name.encode() + b"\0" + _module_file(root, name).read_bytes())
        keys[module] = digest.hexdigest()[:16]
    return keys


def _figure_modules(root):
    return sorted(
        f"snippets.{path.parent.parent.name}.figures.{path.stem}"
        for path in root.glob("snippets/*/figures/*.py")
        if not path.stem.startswith("_") and not path.parent.parent.name.startswith("_")
    )


def _figure_names(path):
    """The keys of the ``FIGURES`` dict of the module file ``path``, read without running it."""
    for node in ast.parse(path.read_text()).body:
        target = node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else \
            node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(target, ast.Name) and target.id == "FIGURES":
            keys = node.value.keys if isinstance(node.value, ast.Dict) else [None]
            if not all(isinstance(k, ast.Constant) and isinstance(k.value, str) for k in keys):
                break
            return [k.value for k in keys]
    raise PluginError(f"{path}: no FIGURES = {{\"<name>.svg\": draw_function, ...}} written out at module level")


# One worker per core, each with a single-threaded BLAS: the figures' matrices are small, and
# BLAS threads fighting the other workers for the cores made a figure 10x slower in wall time.
# (The SVG bytes do not change: tests/site/test_build.py compares them with a drawing in pytest.)
_ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


class _Drawing:
    """Figures being drawn in the background, each into its file, by one worker per core."""

    def __init__(self, root, tasks):
        self.root, self.tasks = root, collections.deque(tasks)  # (module, name, path)
        self.errors, self.lock = [], threading.Lock()
        self.workers = []
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        self.threads = [threading.Thread(target=self._work, daemon=True) for _ in range(min(cores or 1, len(tasks)))]
        for thread in self.threads:
            thread.start()

    def _next(self):
        with self.lock:
            return self.tasks.popleft() if self.tasks and not self.errors else None

    def _work(self):
        with tempfile.TemporaryFile("w+") as stderr:
            worker = subprocess.Popen(
                [sys.executable, "-m", "snippets._core.figures", "--worker"], cwd=self.root,
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, text=True, env={**os.environ, **_ONE_THREAD},
            )
            with self.lock:
                self.workers.append(worker)
            while task := self._next():
                module, name, path = task
                try:
                    worker.stdin.write(json.dumps({"module": module, "name": name, "path": str(path)}) + "\n")
                    worker.stdin.flush()
                    line = worker.stdout.readline()
                except OSError:  # the worker is gone: its stderr says why
                    line = ""
                answer = json.loads(line) if line else {"error": "the figure worker stopped\n"}
                if "error" in answer:
                    worker.kill()
                    worker.wait()
                    stderr.seek(0)
                    with self.lock:
                        self.errors.append(f"drawing {name} of {module} failed:\n{answer['error']}{stderr.read()}")
            try:
                worker.stdin.close()
            except OSError:
                pass
            worker.wait()

    def wait(self):
        """Wait for every figure; raise the first failure."""
        for thread in self.threads:
            thread.join()
        if self.errors:
            raise PluginError(self.errors[0])

    def stop(self):
        with self.lock:
            self.tasks.clear()
            for worker in self.workers:
                worker.kill()
        for thread in self.threads:
            thread.join()


# The figures of the current build: started by on_config, awaited by on_files.
_figures = {}  # figure name -> its SVG file, once drawn
_drawing = None
_pending = {}  # folder of a module's SVGs -> the temporary folder they are drawn into


def draw_figures(root, cache):
    """Start drawing what is not cached; return {figure name: its SVG file, once drawn}."""
    global _drawing
    cache.mkdir(parents=True, exist_ok=True)
    modules = _figure_modules(root)
    keys = _source_keys(root, modules)
    where, tasks = {}, []
    for module in modules:
        folder = cache / f"{module}-{keys[module]}"
        names = _figure_names(_module_file(root, module))
        for name in names:
            if name in where:
                raise PluginError(f"figure {name} is drawn by {where[name].parent.name} and {folder.name}")
            where[name] = folder / name
        if not folder.is_dir():
            tmp = pathlib.Path(tempfile.mkdtemp(prefix=".drawing-", dir=cache))
            _pending[folder] = tmp
            tasks += [(module, name, tmp / name) for name in names]
    _drawing = _Drawing(root, tasks) if tasks else None
    return where


def _forget_pending():
    for tmp in _pending.values():
        shutil.rmtree(tmp, ignore_errors=True)
    _pending.clear()


def finish_figures():
    """Wait for the figures being drawn; move each module's folder into the cache, whole."""
    global _drawing
    drawing, _drawing = _drawing, None
    try:
        if drawing:
            drawing.wait()
        for folder, tmp in _pending.items():
            try:
                # Atomic: a build running beside this one sees the whole folder or none of it.
                os.rename(tmp, folder)
            except OSError:
                if not folder.is_dir():
                    raise
    finally:
        _forget_pending()


def on_config(config):
    global _figures
    root = _root(config)
    digest = hashlib.sha256()
    for path in sorted((root / "snippets").rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    labs = config.plugins["mkdocs-jupyter"]
    labs.config["cache_dir"] = str(root / ".cache" / "labs" / digest.hexdigest()[:16])
    _figures = draw_figures(root, root / ".cache" / "figures")
    return config


def on_files(files, config):
    # Where each figure will be: MkDocs checks the pages' links against these.
    for name, svg in _figures.items():
        files.append(File.generated(config, f"figures/{name}", abs_src_path=str(svg)))
    return files


def on_env(env, config, files):
    # The pages are rendered (what the figures were drawn beside); MkDocs copies files next.
    finish_figures()
    return env


def on_build_error(error):
    global _drawing
    if _drawing:
        _drawing.stop()
        _drawing = None
    _forget_pending()


def _reference(nav, root):
    """The Markdown of the API reference: a section per part, a module per chapter, nav order.

    ``nav`` is the ``nav`` of mkdocs.yml: parts are ``{title: [pages]}``, each page a path or
    ``{title: path}``.
    """
    lines = []
    for item in nav:
        if not isinstance(item, dict):
            continue
        (title, pages), = item.items()
        if not isinstance(pages, list):
            continue
        modules = []
        for page in pages:
            src = next(iter(page.values())) if isinstance(page, dict) else page
            part, _, chapter = src.removesuffix(".md").partition("/")
            if (root / "snippets" / part / f"{chapter}.py").is_file():
                modules.append(f"snippets.{part}.{chapter}")
        if modules:
            lines.append(f"## {title}\n")
            lines += [f"::: {module}\n" for module in modules]
    return "\n".join(lines)


def on_page_markdown(markdown, page, config, files):
    if "<!-- api-reference -->" in markdown:
        markdown = markdown.replace("<!-- api-reference -->", _reference(config["nav"], _root(config)))
    return markdown
