"""Figures of the chapter "AUC-ROC as an integral"."""

from snippets._core.style import BLUE, GREEN, RED, new_figure
from snippets.integration.auc import roc_auc, roc_curve, synthetic_classifier


def roc():
    """The exact ROC curve of the synthetic classifier, the area under it, and chance."""
    scores, labels = synthetic_classifier()
    fpr, tpr, _ = roc_curve(scores, labels)
    fig, ax = new_figure(width=5.2, height=4.8)
    ax.fill_between(
        fpr,
        tpr,
        color=BLUE,
        alpha=0.2,
        label=f"AUC = {roc_auc(scores, labels):.4f}",
    )
    ax.plot(
        fpr,
        tpr,
        color=BLUE,
        lw=2,
        drawstyle="default",
        label="ROC curve (every threshold)",
    )
    ax.plot(
        [0, 1], [0, 1], color=RED, ls="--", lw=1, label="chance: AUC = 0.5"
    )
    ax.plot(
        [0, 0, 1],
        [0, 1, 1],
        color=GREEN,
        ls=":",
        lw=1.5,
        label="perfect: AUC = 1",
    )
    ax.set(
        xlabel="false-positive rate FP/N",
        ylabel="true-positive rate TP/P",
        xlim=(-0.02, 1.02),
        ylim=(-0.02, 1.02),
        aspect="equal",
    )
    ax.legend(loc="lower right", fontsize=8)
    return fig


FIGURES = {"auc-roc-curve.svg": roc}
