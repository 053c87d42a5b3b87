"""Figures of the chapter "Distributions used in ML"."""

import numpy as np

from snippets._core.style import BLUE, GREEN, ORANGE, new_figure
from snippets.probability.distributions import normal_pdf, within_sigmas


def empirical_rule():
    """The standard normal density, its bands of 1, 2 and 3 sigma, and the mass within each."""
    fig, ax = new_figure(width=7.0, height=4.2)
    x = np.linspace(-4, 4, 801)
    ax.plot(x, normal_pdf(x), color="black", lw=2, label="N(μ, σ²)")
    # Rings that do not overlap: |x| < 1, 1 <= |x| < 2, 2 <= |x| < 3 (in units of sigma).
    for k, colour in zip([1, 2, 3], [BLUE, ORANGE, GREEN]):
        ring = (np.abs(x) >= k - 1) & (np.abs(x) <= k)
        for side in (x < 0, x >= 0):
            part = ring & side
            ax.fill_between(
                x[part],
                normal_pdf(x[part]),
                color=colour,
                alpha=0.4,
                label=f"{k - 1}σ to {k}σ from μ" if side[0] else None,
            )
        # A double arrow from mu - k sigma to mu + k sigma, with the mass inside it.
        height = 0.38 + 0.045 * k
        ax.annotate(
            "",
            (-k, height),
            (k, height),
            arrowprops=dict(arrowstyle="<->", color=colour, lw=1.5),
        )
        ax.text(
            0,
            height + 0.006,
            f"{100 * within_sigmas(k):.1f} % within ±{k}σ",
            ha="center",
            va="bottom",
            fontsize=9,
            color="black",
        )
    ax.set_xticks(
        range(-3, 4), ["μ−3σ", "μ−2σ", "μ−σ", "μ", "μ+σ", "μ+2σ", "μ+3σ"]
    )
    ax.set(ylabel="density", ylim=(0, 0.56))
    ax.legend(fontsize=8, loc="center left")
    return fig


FIGURES = {"distributions-empirical-rule.svg": empirical_rule}
