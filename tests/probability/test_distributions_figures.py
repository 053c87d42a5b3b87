"""The figure of "Distributions used in ML" shows the 68-95-99.7 rule from the normal CDF."""

import numpy as np
from scipy import stats


def test_empirical_rule_figure(figure):
    ax = figure("distributions-empirical-rule.svg").axes[0]
    x, y = ax.get_lines()[0].get_xydata().T
    np.testing.assert_allclose(y, stats.norm.pdf(x), rtol=1e-14)
    texts = [t.get_text() for t in ax.texts if t.get_text()]  # the arrows have no text
    for k, text in zip((1, 2, 3), texts):
        inside = stats.norm.cdf(k) - stats.norm.cdf(-k)
        assert text == f"{100 * inside:.1f} % within ±{k}σ"
    assert texts == ["68.3 % within ±1σ", "95.4 % within ±2σ", "99.7 % within ±3σ"]
    # the shaded rings cover [-3, 3] without overlapping: their areas add up to 99.7 %
    total = 0.0
    for patch in ax.collections:
        (px, py) = patch.get_paths()[0].vertices.T
        total += abs(0.5 * np.sum(px[:-1] * py[1:] - px[1:] * py[:-1]))  # shoelace
    # up to the slivers of one grid step (0.01) where two rings meet: 6 x 0.01 x 0.4 at most
    assert abs(total - (stats.norm.cdf(3) - stats.norm.cdf(-3))) < 6e-3
