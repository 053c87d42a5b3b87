"""The figure of "AUC-ROC as an integral" plots the exact ROC curve it names."""

import numpy as np

from snippets.integration import roc_curve, synthetic_classifier


def test_roc_curve_figure(figure):
    ax = figure("auc-roc-curve.svg").axes[0]
    drawn = {ln.get_label(): ln.get_xydata() for ln in ax.get_lines()}
    fpr, tpr, _ = roc_curve(*synthetic_classifier())
    np.testing.assert_array_equal(drawn["ROC curve (every threshold)"], np.column_stack([fpr, tpr]))
    scores, labels = synthetic_classifier()
    pos, neg = scores[labels == 1], scores[labels == 0]
    pairs = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    assert ax.collections[0].get_label() == f"AUC = {pairs / (pos.size * neg.size):.4f}"
    np.testing.assert_array_equal(drawn["chance: AUC = 0.5"], [[0, 0], [1, 1]])
