"""The strict build: zero warnings, and a broken link, anchor, include or figure fails it."""

import math
import re
import sys

import pytest

from tools.sitekit import ROOT, build_site, copy_project

pytestmark = pytest.mark.build


def test_strict_build_has_no_warnings(site):
    # MkDocs' own warnings (strict mode turns them into a failed build, this names them).
    warnings = [line for line in site["log"].splitlines() if re.match(r"WARNING\s+-", line)]
    assert not warnings, "\n".join(warnings)


def test_every_page_is_built(site):
    for page in ["index.html", "notation/index.html", "calculus/derivatives/index.html",
                 "labs/step_size/index.html", "reference/index.html"]:
        assert (site["dir"] / page).is_file(), page


def test_every_figure_is_built_into_the_site_with_the_bytes_the_tests_draw(site, drawn):
    # The build draws in its own worker processes (several figures each, a single-threaded
    # BLAS), the tests in this one: the same bytes show that a figure depends on nothing but the
    # package's code.
    from snippets._core.figures import all_figures

    for name in all_figures():
        built = (site["dir"] / "figures" / name).read_bytes()
        assert built.startswith(b"<?xml"), name
        assert built == drawn(name)[1], f"{name}: the SVG differs between two drawings"


def test_lab_is_executed_and_downloadable(site):
    html = (site["dir"] / "labs/step_size/index.html").read_text()
    # The lab prints the forward-difference step it predicts, sqrt(2 eps) for e^x.
    predicted = f"(predicted {math.sqrt(2 * sys.float_info.epsilon):.1e}"
    assert predicted in html, "the lab's printed output is missing: was it executed?"
    # Its plot is an SVG (the lab's first cell asks for it), like the book's figures.
    assert 'data-mime-type="image/svg+xml"' in html and "data:image/png" not in html, (
        "the lab's plot is not an SVG"
    )
    assert 'alt="Log-log plot of the relative error' in html, "the lab's plot has no alt text of its own"
    assert re.search(r'<a href="step_size.py" title="Download[^"]*"[^>]*download>', html), "no download button"
    assert (site["dir"] / "labs/step_size/step_size.py").read_text() == (
        ROOT / "docs/labs/step_size.py"
    ).read_text()


@pytest.fixture
def broken_copy(tmp_path, site):
    """A copy of the project to break; it shares the built site's lab cache, so it builds fast."""
    return copy_project(tmp_path / "project", caches=True)


def test_broken_link_anchor_and_figure_fail_the_build(broken_copy, tmp_path):
    page = broken_copy / "docs/calculus/derivatives.md"
    page.write_text(
        page.read_text()
        + "\n[a missing page](no-such-page.md)\n\n[a missing anchor](../notation.md#no-such-anchor)\n"
        + "\n![A figure that no function draws](../figures/no-such-figure.svg)\n"
    )
    build = build_site(broken_copy, tmp_path / "site", "http://127.0.0.1:1/")
    assert build.returncode != 0
    log = build.stdout + build.stderr
    for target in ["no-such-page.md", "no-such-anchor", "no-such-figure.svg"]:
        assert target in log, f"the build did not report {target}:\n{log}"


@pytest.mark.parametrize(
    ("include", "reported"),
    [
        ("snippets/calculus/no_such_module.py:tangent_line", "no_such_module.py"),
        ("snippets/calculus/derivatives.py:no_such_function", "no_such_function"),
    ],
)
def test_broken_include_fails_the_build(broken_copy, tmp_path, include, reported):
    page = broken_copy / "docs/calculus/derivatives.md"
    page.write_text(page.read_text().replace("snippets/calculus/derivatives.py:tangent_line", include, 1))
    build = build_site(broken_copy, tmp_path / "site", "http://127.0.0.1:1/")
    assert build.returncode != 0
    assert reported in build.stdout + build.stderr


def test_failing_figure_function_fails_the_build(broken_copy, tmp_path):
    module = broken_copy / "snippets/calculus/figures/derivatives.py"
    module.write_text(module.read_text().replace('    """x^2 on [-3, 3]', '    raise RuntimeError("broken figure")\n    """x^2 on [-3, 3]', 1))
    build = build_site(broken_copy, tmp_path / "site", "http://127.0.0.1:1/")
    assert build.returncode != 0
    assert "broken figure" in build.stdout + build.stderr


def test_failing_lab_cell_fails_the_build(broken_copy, tmp_path):
    lab = broken_copy / "docs/labs/step_size.py"
    lab.write_text(lab.read_text() + '\n# %%\nraise RuntimeError("a failing cell")\n')
    build = build_site(broken_copy, tmp_path / "site", "http://127.0.0.1:1/")
    assert build.returncode != 0
    assert "a failing cell" in build.stdout + build.stderr
