"""The ROC curve equals scikit-learn's (recorded), the AUC equals a direct pairwise count and
the trapezoid rule on the exact curve; the chapter's synthetic classifier."""

import json
import pathlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from snippets.integration import roc_auc, roc_curve, synthetic_classifier

RECORDED = json.loads((pathlib.Path(__file__).parent / "data" / "sklearn_roc.json").read_text())


def pairwise_auc(scores, labels):
    """P(score of a random positive > that of a random negative), ties counting 1/2."""
    scores, labels = np.asarray(scores, dtype=float), np.asarray(labels)
    pos, neg = scores[labels == 1], scores[labels == 0]
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (pos.size * neg.size)


@pytest.mark.parametrize("case", RECORDED["cases"], ids=lambda c: f"n={len(c['scores'])}")
def test_roc_curve_is_scikit_learns(case):
    fpr, tpr, thresholds = roc_curve(case["scores"], case["labels"])
    # The same counts divided by the same totals: equal to the last bit.
    np.testing.assert_array_equal(fpr, case["fpr"])
    np.testing.assert_array_equal(tpr, case["tpr"])
    expected = [np.inf if t is None else t for t in case["thresholds"]]
    np.testing.assert_array_equal(thresholds, expected)
    assert roc_auc(case["scores"], case["labels"]) == pytest.approx(case["auc"], rel=1e-15)


def test_roc_curve_is_scikit_learns_live():
    sklearn_metrics = pytest.importorskip("sklearn.metrics", reason="compared with the recorded file")
    rng = np.random.default_rng(5)
    for _ in range(20):
        labels = rng.integers(0, 2, size=40)
        scores = rng.integers(0, 8, size=40) / 7
        for ours, theirs in zip(roc_curve(scores, labels),
                                sklearn_metrics.roc_curve(labels, scores, drop_intermediate=False)):
            np.testing.assert_array_equal(ours, theirs)


samples = st.integers(2, 40).flatmap(lambda n: st.tuples(
    st.lists(st.integers(0, 6).map(lambda k: k / 6), min_size=n, max_size=n),  # many ties
    st.lists(st.integers(0, 1), min_size=n, max_size=n),
)).filter(lambda s: 0 < sum(s[1]) < len(s[1]))


@settings(max_examples=60, deadline=None)
@given(samples)
def test_auc_is_the_pairwise_count_and_the_trapezoid_of_the_exact_curve(sample):
    scores, labels = sample
    exact = pairwise_auc(scores, labels)
    fpr, tpr, _ = roc_curve(scores, labels)
    # Sums of multiples of 1/(2 P N) in different orders: equal to round-off.
    assert roc_auc(scores, labels) == pytest.approx(exact, rel=1e-13, abs=1e-15)
    assert np.trapezoid(tpr, fpr) == pytest.approx(exact, rel=1e-13, abs=1e-15)
    assert np.all(np.diff(fpr) >= 0) and np.all(np.diff(tpr) >= 0)
    assert (fpr[0], tpr[0], fpr[-1], tpr[-1]) == (0, 0, 1, 1)


def test_extremes():
    assert roc_auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]) == 1.0
    assert roc_auc([0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0]) == 0.0
    assert roc_auc([0.5] * 6, [0, 1, 0, 1, 1, 0]) == 0.5  # all tied: the diagonal
    assert roc_auc([True, False], [1, 0]) == 1.0  # bool scores and labels are fine
    assert roc_auc([0.3, 0.7], [False, True]) == 1.0


def test_synthetic_classifier_numbers_on_the_page():
    scores, labels = synthetic_classifier()
    # the source text's data: np.random.seed(42), then np.random.beta and np.random.normal
    legacy = np.random.RandomState(42)
    np.testing.assert_array_equal(scores, legacy.beta(5, 2, size=100))
    exact = pairwise_auc(scores, labels)
    assert roc_auc(scores, labels) == pytest.approx(exact, rel=1e-13)
    assert (labels.sum(), labels.size - labels.sum()) == (77, 23)
    assert exact == pytest.approx(50 / 77, rel=1e-14)  # 1150 of the 77 * 23 = 1771 pairs
    assert f"{exact:.4f}" == "0.6494"
    # 200 thresholds on [0, 1] as a grid: a slightly different number
    thresholds = np.linspace(0, 1, 200)
    tpr = [(scores[labels == 1] >= t).mean() for t in thresholds]
    fpr = [(scores[labels == 0] >= t).mean() for t in thresholds]
    grid = np.trapezoid(tpr[::-1], fpr[::-1])
    assert f"{grid:.4f}" == "0.6510"


def test_np_trapz_is_gone():
    # B37: np.trapz was deprecated in NumPy 2.0 and removed since; np.trapezoid replaces it
    assert not hasattr(np, "trapz")
    assert np.trapezoid([0, 1], [0, 1]) == 0.5


def test_grid_auc_is_the_auc_of_the_scores_rounded_down_to_the_grid():
    # score >= k/199 exactly when floor(199 score) >= k: the grid sees rounded scores
    scores, labels = synthetic_classifier()
    thresholds = np.linspace(0, 1, 200)
    tpr = [(scores[labels == 1] >= t).mean() for t in thresholds]
    fpr = [(scores[labels == 0] >= t).mean() for t in thresholds]
    grid = np.trapezoid(tpr[::-1], fpr[::-1])
    rounded = np.floor(199 * scores) / 199
    assert grid == pytest.approx(pairwise_auc(rounded, labels), rel=1e-13)
    # and FPRs running downwards give minus the area
    fpr, tpr, _ = roc_curve(scores, labels)
    assert np.trapezoid(tpr[::-1], fpr[::-1]) == pytest.approx(-roc_auc(scores, labels), rel=1e-13)
