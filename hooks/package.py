"""Build-time glue between the snippets package and the site.

- Figures: every function in ``snippets.figures.FIGURES`` is drawn as ``figures/<name>``. A page
  that links to a figure nobody draws is a broken link, so the strict build fails on it, and a
  figure function that raises fails the build too.
- Labs: mkdocs-jupyter caches executed notebooks by their own text only; its cache folder is
  keyed here by the package's source too, so a change in snippets/ re-runs the labs.

Both are keyed by a hash of the package's source. The figures are drawn in a fresh interpreter,
so ``mkdocs serve`` never shows figures of a stale, already-imported package, and a rebuild after
a prose edit reuses them.
"""

import hashlib
import pathlib
import shutil
import subprocess
import sys
import tempfile

from mkdocs.structure.files import File


def _package_digest(root):
    digest = hashlib.sha256()
    for path in sorted((root / "snippets").rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _draw_figures(root, cache):
    """Return the folder of SVGs for this version of the package, drawing them if needed."""
    if not cache.is_dir():
        cache.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=cache.parent) as tmp:
            subprocess.run([sys.executable, "-m", "snippets.figures", tmp], check=True, cwd=root)
            shutil.copytree(tmp, cache)
    return cache


def on_config(config):
    root = pathlib.Path(config.config_file_path).resolve().parent
    digest = _package_digest(root)
    config.extra["package_digest"] = digest
    labs = config.plugins["mkdocs-jupyter"]
    labs.config["cache_dir"] = str(root / ".cache" / "labs" / digest)
    return config


def on_files(files, config):
    root = pathlib.Path(config.config_file_path).resolve().parent
    folder = _draw_figures(root, root / ".cache" / "figures" / config.extra["package_digest"])
    for svg in sorted(folder.glob("*.svg")):
        files.append(File.generated(config, f"figures/{svg.name}", abs_src_path=str(svg)))
    return files
