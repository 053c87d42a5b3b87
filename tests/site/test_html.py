"""The built pages are valid HTML: the Nu HTML checker (npm ``vnu-jar``, run with Java).

The checker (a 32 MB jar) is not kept in the repository: the first run fetches the pinned
release with ``npm pack`` into .cache/vnu/ and checks the tarball's integrity hash. Java comes
from the system (Debian: ``apt-get install -y default-jre-headless``).

Messages that come from Material for MkDocs' own templates are allowed, each with its reason;
any other error is ours and fails the test.
"""

import json
import os
import re
import shutil
import subprocess
import tarfile

import pytest

from tools.sitekit import ROOT

pytestmark = pytest.mark.build

VNU = {
    "version": "26.9.27",
    "integrity": "sha512-TkQd5DFfOaWC9ebtvozTsrH2Vaod3jYg+vrOeREzIXxBexLz9+rS2DNtjn7+RPUiZhgli0SghgBX6RJRNea0KA==",
}
JAR = ROOT / ".cache" / "vnu" / VNU["version"] / "vnu.jar"

# Messages that come from the theme or a plugin, ignored: (page, message, why). A page pattern
# of "" matches every page.
ALLOWED = [
    (
        "",
        r"^Attribute “autocomplete” is only allowed when the input type is",
        "Material's drawer and search toggles are checkboxes with autocomplete=off, which "
        "keeps Firefox from restoring their state on reload (material/templates/base.html)",
    ),
    (
        "",
        r"^Bad value “” for attribute “tabindex” on element “label”",
        "Material's navigation writes tabindex=\"\" on the label of the active section "
        "(material/templates/partials/nav-item.html)",
    ),
    (
        r"^/print_page/",
        r"^Duplicate ID “|^Attribute “heading-number” not allowed|^A “style” element in “body”",
        "the print-site plugin puts every chapter on one page (for tools/pdf.py): the ids each "
        "chapter has once (exercise-N, footnote ids) repeat there, and the plugin writes "
        "its own heading-number attributes and style element; each chapter is checked on its own",
    ),
    (
        r"^/print_page/",
        r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control\.$",
        "Material's table of contents writes <label for=\"__toc\"> (material/templates/partials/"
        "toc.html), and its navigation writes the matching <input id=\"__toc\"> only for the page "
        "that is active in the nav (partials/nav-item.html); the print-site page is not in the "
        "nav, so that label has no control there. Our own labels need no `for` (each wraps its "
        "control), and on the other pages this message is not allowed",
    ),
]

def unavailable(message):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def vnu_jar():
    """The pinned Nu checker, fetched from the npm registry on first use."""
    if JAR.is_file():
        return JAR
    if not shutil.which("npm"):
        unavailable("the Nu HTML checker needs Node's npm to fetch it once (vnu-jar from the npm registry)")
    folder = JAR.parent
    folder.mkdir(parents=True, exist_ok=True)
    run = subprocess.run(
        ["npm", "pack", f"vnu-jar@{VNU['version']}", "--json", "--pack-destination", str(folder)],
        capture_output=True, text=True,
    )
    if run.returncode != 0:
        unavailable(f"npm pack vnu-jar@{VNU['version']} failed: {run.stderr.strip()[-300:]}")
    pack = json.loads(run.stdout)[0]
    assert pack["integrity"] == VNU["integrity"], f"vnu-jar tarball integrity {pack['integrity']}"
    tarball = folder / pack["filename"]
    with tarfile.open(tarball) as tar:
        member = tar.getmember("package/build/dist/vnu.jar")
        with tar.extractfile(member) as src, open(JAR.with_suffix(".part"), "wb") as out:
            shutil.copyfileobj(src, out)
    JAR.with_suffix(".part").rename(JAR)
    tarball.unlink()
    return JAR


@pytest.fixture(scope="module")
def checked(site, tmp_path_factory):
    """The checker's messages on the built site and on a copy of a page with a planted error
    (a duplicate id, as mkdocstrings' examples used to make), in one run of the checker."""
    if not shutil.which("java"):
        unavailable("the Nu HTML checker needs Java: apt-get install -y default-jre-headless")
    planted = tmp_path_factory.mktemp("planted") / "planted.html"
    page = (site["dir"] / "notation" / "index.html").read_text()
    planted.write_text(page.replace("</article>", '<p id="x">a</p><p id="x">b</p></article>', 1))
    run = subprocess.run(
        ["java", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", "--skip-non-html",
         str(site["dir"]), str(planted)],
        capture_output=True, text=True,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    return {
        "site": [m for m in messages if str(planted) not in m.get("url", "")],
        "planted": [m.get("message") for m in messages if str(planted) in m.get("url", "")],
        "dir": str(site["dir"]),
    }


def test_pages_are_valid_html(checked):
    ours = []
    for m in checked["site"]:
        page = m.get("url", "").split(checked["dir"].rstrip("/"), 1)[-1]
        message = m.get("message", "")
        if not any(re.search(where, page) and re.search(what, message) for where, what, _ in ALLOWED):
            ours.append(f"{page}:{m.get('lastLine', '?')}: {message}")
    assert not ours, f"{len(ours)} HTML errors:\n" + "\n".join(ours[:40])


def test_the_checker_reports_a_planted_error(checked):
    assert "Duplicate ID “x”." in checked["planted"], checked["planted"]
