"""The optimizer playground in a real browser: it draws the build-time paths of the optimizer,
learning rate, beta and surface chosen with the keyboard, and describes the path in text."""

import json

import pytest

from tests.site.test_interactive import drawn_points

pytestmark = pytest.mark.browser

PAGE = "optimization/optimizers/"


def check(page, data, surface, optimizer, lr_index, beta_index):
    lr = data["lrs"][lr_index]
    beta = "-" if optimizer == "SGD" else data["betas"][beta_index]
    key = f"{optimizer}|{lr}|{beta}"
    flat = data["paths"][surface][key]
    assert page.get_attribute("figure.optimizer-playground", "data-key") == f"{surface}|{key}"
    # The path is written in data coordinates: its points are the data's numbers exactly.
    assert drawn_points(page, ".pg-path") == list(zip(flat[::2], flat[1::2]))
    text = page.text_content(".pg-text")
    assert text.startswith(f"{optimizer}, η = {lr}") and data["surfaces"][surface]["label"] in text
    return text


def test_playground_draws_the_data_and_follows_the_keyboard(site, page):
    data = json.loads((site["dir"] / "assets/data/optimizer-playground.json").read_text())
    page.goto(site["url"] + PAGE, wait_until="networkidle")
    page.wait_for_selector("figure.optimizer-playground[data-ready=drawn]", timeout=10_000)
    # Each control is inside its label; by role and accessible name (a label's text, which
    # get_by_label matches, would include the options of the select inside it).
    surface = page.get_by_role("combobox", name="Surface", exact=True)
    optimizer = page.get_by_role("combobox", name="Optimizer", exact=True)
    lr = page.get_by_role("slider", name="Learning rate η", exact=True)
    beta = page.get_by_role("slider", name="β", exact=True)
    assert lr.get_attribute("type") == "range" and beta.get_attribute("type") == "range"
    assert int(lr.get_attribute("max")) == len(data["lrs"]) - 1
    # the start: momentum on the bowl, lr index 2, beta index 1
    check(page, data, "bowl", "momentum", 2, 1)

    lr.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # lr 0.1
    check(page, data, "bowl", "momentum", 4, 1)
    beta.focus()
    page.keyboard.press("End")  # beta 0.99
    check(page, data, "bowl", "momentum", 4, 2)

    optimizer.select_option("SGD")  # plain SGD at 0.1 bounces for ever: y = +-1
    text = check(page, data, "bowl", "SGD", 4, 2)
    assert beta.is_disabled() and "β" not in text
    assert {abs(y) for _, y in drawn_points(page, ".pg-path")} == {1.0}

    surface.focus()
    surface.select_option("rosenbrock")
    optimizer.select_option("Adam")
    check(page, data, "rosenbrock", "Adam", 4, 2)
    lr.focus()
    page.keyboard.press("End")
    check(page, data, "rosenbrock", "Adam", len(data["lrs"]) - 1, 2)

    surface.select_option("saddle")
    optimizer.select_option("SGD")
    text = check(page, data, "saddle", "SGD", len(data["lrs"]) - 1, 2)
    assert "diverged" in text or "outside" in text
    assert lr.get_attribute("aria-valuetext") == f"η = {data['lrs'][-1]}"
    # contours are drawn from the data too
    assert page.locator(".pg-contour").count() == len(data["surfaces"]["saddle"]["contours"])
    assert not page.errors, page.errors


def test_pages_without_the_playground_do_not_load_its_script(site, page):
    loaded = []
    page.on("request", lambda r: "optimizer-playground" in r.url and loaded.append(r.url))
    page.goto(site["url"] + "optimization/convexity/", wait_until="networkidle")
    assert not loaded, loaded


@pytest.mark.parametrize("width", [1280, 390])
def test_the_chapters_fit_the_column_on_a_laptop_and_a_phone(site, browser, width):
    # The pages of "Momentum and adaptive optimizers", "Convexity", "Loss landscapes" and "The
    # practical playbook": nothing scrolls sideways, no display formula is wider than the column.
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    for chapter in ["optimizers", "convexity", "landscapes", "playbook"]:
        page.goto(site["url"] + f"optimization/{chapter}/", wait_until="networkidle")
        page.evaluate("document.querySelectorAll('details').forEach((d) => (d.open = true))")
        sideways = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
        assert sideways <= 0, f"{chapter} at {width} px scrolls sideways by {sideways} px"
        wide = page.evaluate("""[...document.querySelectorAll('.katex-display')]
            .filter((e) => e.scrollWidth > e.clientWidth + 1)
            .map((e) => `${e.scrollWidth}px in ${e.clientWidth}px: ${e.textContent.slice(0, 50)}`)""")
        assert not wide, f"{chapter} at {width} px: display math wider than the column: {wide}"
    context.close()
