"""Write the optimizer playground's data (the page "Momentum and adaptive optimizers") as JSON.

    python -m tools.optimizer_playground_data   # writes docs/assets/data/optimizer-playground.json

The paths come from ``snippets.optimization.playground_data``, the tested optimizers; a test
regenerates them and compares them with the committed file, so the two cannot drift apart.
"""

import json
import pathlib

from snippets.optimization import playground_data

OUT = pathlib.Path(__file__).resolve().parent.parent / "docs/assets/data/optimizer-playground.json"


def text():
    """The file's text: compact JSON of the default data, one line."""
    return json.dumps(playground_data(), separators=(",", ":"), ensure_ascii=False) + "\n"


if __name__ == "__main__":
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text())
    print(f"wrote {OUT} ({OUT.stat().st_size // 1000} KB)")
