"""Fetch KaTeX and Mermaid from the npm registry and vendor them under docs/assets/vendor/.

The site sends no request to any other host, so both libraries are served from the site itself.
Run from the repository root to refresh them (needs Node's npm):

    python -m tools.vendor_assets

It takes the newest release in each range below, keeps only what the site loads plus the
licence, and records the versions and the tarballs' integrity hashes in
docs/assets/vendor/VERSIONS.json. Mermaid stays on major 11: Material for MkDocs 9 calls
Mermaid 11's API (`initialize` and `render`).
"""

import json
import pathlib
import shutil
import subprocess
import tarfile
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
RANGES = {"katex": "^0.16 || ^0.19", "mermaid": "^11", "axe-core": "^4.14"}
# Where each package goes: the site's vendor folder, or the tests' assets.
FOLDERS = {
    "katex": ROOT / "docs" / "assets" / "vendor",
    "mermaid": ROOT / "docs" / "assets" / "vendor",
    "axe-core": ROOT / "tests" / "assets",
}

# What the site needs of each package (paths inside the tarball, below "package/").
KEEP = {
    "katex": [
        "LICENSE",
        "dist/katex.min.js",
        "dist/katex.min.css",
        "dist/fonts/*.woff2",
        # Renders the $…$ math of notebook (lab) pages, which arithmatex does not see.
        "dist/contrib/auto-render.min.js",
    ],
    # The ES-module entry and its chunks, loaded on demand by mermaid-loader.js.
    "mermaid": ["LICENSE", "dist/mermaid.esm.min.mjs", "dist/chunks/mermaid.esm.min/*.mjs"],
    "axe-core": ["LICENSE", "LICENSE-3RD-PARTY.txt", "axe.min.js"],
}


def _npm(*args):
    return subprocess.run(["npm", *args], check=True, capture_output=True, text=True).stdout


def newest(name, spec):
    """The newest version of ``name`` that satisfies ``spec``, as npm resolves it."""
    versions = json.loads(_npm("view", f"{name}@{spec}", "version", "--json"))
    versions = [versions] if isinstance(versions, str) else versions
    return max(versions, key=lambda v: tuple(int(p) for p in v.split("-")[0].split(".")))


def vendor(name, version):
    with tempfile.TemporaryDirectory() as tmp:
        pack = json.loads(_npm("pack", f"{name}@{version}", "--json", "--pack-destination", tmp))[0]
        with tarfile.open(pathlib.Path(tmp) / pack["filename"]) as tar:
            tar.extractall(tmp, filter="data")
        package = pathlib.Path(tmp) / "package"
        target = FOLDERS[name] / name
        shutil.rmtree(target, ignore_errors=True)
        for pattern in KEEP[name]:
            matches = sorted(package.glob(pattern))
            if not matches:
                raise FileNotFoundError(f"{name}@{version} has no {pattern}")
            for src in matches:
                # dist/fonts/x.woff2 -> fonts/x.woff2; dist/katex.min.js -> katex.min.js
                rel = src.relative_to(package)
                rel = rel.relative_to("dist") if rel.parts[0] == "dist" else rel
                (target / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, target / rel)
        return {"version": version, "integrity": pack["integrity"], "files": KEEP[name]}


def main():
    record = {name: vendor(name, newest(name, spec)) for name, spec in RANGES.items()}
    for folder in sorted(set(FOLDERS.values())):
        mine = {name: info for name, info in record.items() if FOLDERS[name] == folder}
        (folder / "VERSIONS.json").write_text(json.dumps(mine, indent=2) + "\n")
    for name, info in record.items():
        print(f"{name} {info['version']}")


if __name__ == "__main__":
    main()
