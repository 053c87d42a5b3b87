"""Build-time glue between the snippets package and the site: figures, labs, API reference.

- Figures: every figure module (``snippets/<part>/figures/<chapter>.py``, found, not listed) is
  drawn in a fresh interpreter, the modules in parallel, and each module's SVGs are cached under
  a key made of its own source and the sources of the package modules it imports, directly or
  not. A prose edit redraws nothing; an edit of one chapter's code redraws that chapter's
  figures only. A page that links to a figure nobody draws is a broken link, so the strict build
  fails on it, and a figure function that raises fails the build too.
- Labs: mkdocs-jupyter caches executed notebooks by their own text only; its cache folder is
  keyed here by the package's source too, so a change in snippets/ re-runs the labs.
- API reference: the line ``<!-- api-reference -->`` of ``reference.md`` becomes one section per
  part and one ``::: snippets.<part>.<chapter>`` per chapter module, in the order of the nav.
"""

import ast
import concurrent.futures
import hashlib
import importlib.metadata
import os
import pathlib
import subprocess
import sys
import tempfile

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
    return found


def _source_key(root, module):
    """A hash of the sources ``module`` depends on, and of the versions of what draws them."""
    seen, todo = set(), [module]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo += _imports(root, _module_file(root, name))
    digest = hashlib.sha256()
    for dist in ("numpy", "matplotlib"):
        digest.update(f"{dist}=={importlib.metadata.version(dist)}\0".encode())
    for name in sorted(seen):
        digest.update(name.encode() + b"\0" + _module_file(root, name).read_bytes())
    return digest.hexdigest()[:16]


def _figure_modules(root):
    return sorted(
        f"snippets.{path.parent.parent.name}.figures.{path.stem}"
        for path in root.glob("snippets/*/figures/*.py")
        if not path.stem.startswith("_") and not path.parent.parent.name.startswith("_")
    )


def _draw(root, module, cache):
    """The folder of ``module``'s SVGs for this version of its sources, drawn if needed."""
    folder = cache / f"{module}-{_source_key(root, module)}"
    if not folder.is_dir():
        cache.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=cache) as tmp:
            run = subprocess.run(
                [sys.executable, "-m", "snippets._core.figures", module, tmp],
                cwd=root, capture_output=True, text=True,
            )
            if run.returncode != 0:
                raise PluginError(f"drawing the figures of {module} failed:\n{run.stderr}")
            try:
                # Atomic: a build running beside this one sees the whole folder or none of it.
                os.rename(tmp, folder)
                os.mkdir(tmp)  # for TemporaryDirectory to remove
            except OSError:
                if not folder.is_dir():
                    raise
    return folder


def draw_figures(root, cache):
    """Draw every figure module's SVGs (in parallel, cached); return the folders."""
    modules = _figure_modules(root)
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return list(pool.map(lambda m: _draw(root, m, cache), modules))


def on_config(config):
    root = _root(config)
    digest = hashlib.sha256()
    for path in sorted((root / "snippets").rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    labs = config.plugins["mkdocs-jupyter"]
    labs.config["cache_dir"] = str(root / ".cache" / "labs" / digest.hexdigest()[:16])
    return config


def on_files(files, config):
    root = _root(config)
    names = {}
    for folder in draw_figures(root, root / ".cache" / "figures"):
        for svg in sorted(folder.glob("*.svg")):
            if svg.name in names:
                raise PluginError(f"figure {svg.name} is drawn by {names[svg.name]} and {folder.name}")
            names[svg.name] = folder.name
            files.append(File.generated(config, f"figures/{svg.name}", abs_src_path=str(svg)))
    return files


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
