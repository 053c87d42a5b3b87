"""Record scikit-learn's ROC curves and AUCs for the tests, so that the tests need no sklearn.

    pip install scikit-learn && python -m tools.record_sklearn_roc

writes tests/integration/data/sklearn_roc.json: for each case, the scores, the labels and what
``sklearn.metrics.roc_curve(labels, scores, drop_intermediate=False)`` and ``roc_auc_score``
return, with the sklearn version.
"""

import json
import pathlib

import numpy as np

OUT = (
    pathlib.Path(__file__).resolve().parent.parent / "tests" / "integration" / "data" / "sklearn_roc.json"
)


def cases():
    rng = np.random.default_rng(2026)
    yield [0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]
    yield [0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1]  # all tied: the diagonal, AUC 1/2
    yield [3, 1, 2, 2, 2, 0], [1, 0, 1, 0, 1, 0]  # integer scores with ties
    for n in (7, 30, 101):
        scores = rng.integers(0, 5, size=n) / 4  # many ties
        labels = rng.integers(0, 2, size=n)
        yield scores.tolist(), labels.tolist()
        yield rng.normal(size=n).tolist(), labels.tolist()


def main():
    import sklearn
    from sklearn.metrics import roc_auc_score, roc_curve

    records = []
    for scores, labels in cases():
        fpr, tpr, thresholds = roc_curve(labels, scores, drop_intermediate=False)
        records.append({
            "scores": scores, "labels": labels, "fpr": fpr.tolist(), "tpr": tpr.tolist(),
            # JSON has no infinity: the first threshold, inf, is written as null
            "thresholds": [None if np.isinf(t) else t for t in thresholds.tolist()],
            "auc": float(roc_auc_score(labels, scores)),
        })
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps({"sklearn": sklearn.__version__, "cases": records}, indent=1) + "\n")


if __name__ == "__main__":
    main()
