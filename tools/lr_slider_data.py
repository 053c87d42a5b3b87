"""Write the frames of the learning-rate slider (the page "Gradient descent") as JSON.

    python -m tools.lr_slider_data      # writes docs/assets/data/lr-slider.json

The frames come from ``snippets.optimization.lr_slider_data``, the tested package; a test
regenerates them and compares them with the committed file, so the two cannot drift apart.
"""

import json
import pathlib

from snippets.optimization import lr_slider_data

OUT = (
    pathlib.Path(__file__).resolve().parent.parent
    / "docs/assets/data/lr-slider.json"
)


def text():
    """The file's text: compact JSON of the default frames, one line."""
    return json.dumps(lr_slider_data(), separators=(",", ":")) + "\n"


if __name__ == "__main__":
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text())
    print(f"wrote {OUT.relative_to(OUT.parents[3])}")
