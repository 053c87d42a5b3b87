"""The interactive figures in a real browser: each draws its build-time data, follows its control
when moved with the keyboard, and offers a text alternative."""

import json
import re

import pytest

pytestmark = pytest.mark.browser

SLIDER_PAGE = "optimization/descent/"


def drawn_points(page, selector):
    """The (x, y) pairs of the path ``selector``'s ``d`` attribute, "M x y L x y ..."."""
    d = page.get_attribute(selector, "d")
    numbers = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?", d)]
    return list(zip(numbers[::2], numbers[1::2]))


def expected_points(frame):
    return list(zip(frame["x"], frame["f"]))


def check_frame(page, data, index):
    frame = data["frames"][index]
    assert page.get_attribute("figure.lr-slider", "data-frame") == str(index)
    # The path is written in data coordinates: its points are the data's numbers exactly.
    assert drawn_points(page, ".lr-slider-path") == expected_points(frame)
    assert page.text_content("figure.lr-slider output") == f"{frame['lr']:.2f}"
    text = page.text_content(".lr-slider-text")
    assert f"η = {frame['lr']:.2f}" in text and f"after {data['steps']} steps" in text


def test_lr_slider_draws_the_data_and_follows_the_keyboard(site, page):
    data = json.loads((site["dir"] / "assets/data/lr-slider.json").read_text())
    page.goto(site["url"] + SLIDER_PAGE, wait_until="networkidle")
    page.wait_for_selector("figure.lr-slider[data-ready=drawn]", timeout=10_000)
    assert drawn_points(page, ".lr-slider-curve") == list(zip(data["curve"]["x"], data["curve"]["f"]))

    slider = page.get_by_label("Learning rate η")
    assert slider.get_attribute("type") == "range"
    assert int(slider.get_attribute("max")) == len(data["frames"]) - 1
    start = int(slider.input_value())
    check_frame(page, data, start)

    slider.focus()
    for _ in range(20):
        page.keyboard.press("ArrowRight")
    check_frame(page, data, start + 20)
    assert data["frames"][start + 20]["lr"] == 0.5
    assert "one step" in page.text_content(".lr-slider-text")
    page.keyboard.press("End")
    check_frame(page, data, len(data["frames"]) - 1)
    assert "diverges" in page.text_content(".lr-slider-text")
    page.keyboard.press("Home")
    check_frame(page, data, 0)
    assert slider.get_attribute("aria-valuetext") == f"η = {data['frames'][0]['lr']:.2f}"
    assert not page.errors, page.errors


def test_lr_slider_is_drawn_after_instant_navigation(site, page):
    page.goto(site["url"] + "optimization/losses/", wait_until="networkidle")
    page.evaluate("window.__stillHere = true")
    page.click("a.md-footer__link--next")
    page.wait_for_url(site["url"] + SLIDER_PAGE)
    page.wait_for_selector("figure.lr-slider[data-ready=drawn]", timeout=10_000)
    assert page.evaluate("window.__stillHere === true"), "the page was reloaded, not navigated"
    assert len(drawn_points(page, ".lr-slider-path")) == 13
    assert not page.errors, page.errors


def test_pages_without_the_slider_do_not_load_its_script(site, page):
    loaded = []
    page.on("request", lambda r: "lr-slider" in r.url and loaded.append(r.url))
    page.goto(site["url"] + "optimization/losses/", wait_until="networkidle")
    assert not loaded, loaded
