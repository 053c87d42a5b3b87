"""Loss functions: what training minimises, and the gradients of backprop.

The five losses live in the package's core (``snippets._core.losses``), because
every part that trains a model uses them; this chapter teaches them, so the
part exports them. Names, arguments and mean reduction are those of
``torch.nn.functional``; each returns ``(loss, grad)`` with grad = dL/d(first
argument), shaped like it.

``digits`` loads the data set this part trains on: scikit-learn's bundled 8x8
digits.
"""

import importlib.util
import pathlib

import numpy as np

from snippets._core.losses import (
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    cross_entropy,
    l1_loss,
    mse_loss,
)

__all__ = [
    "mse_loss",
    "l1_loss",
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "cross_entropy",
    "digits",
]


def digits():
    """The 1,797 handwritten digits of scikit-learn, as ``(X, y)``.

    ``X`` has shape (1797, 64): each 8x8 image flattened into a row, its grey
    levels 0..16 scaled to [0, 1]. ``y`` holds the digits 0..9 (int). The
    images ship inside scikit-learn's wheel as
    ``sklearn/datasets/data/digits.csv.gz`` (the file ``load_digits`` reads):
    nothing is downloaded. The file is read directly, because importing
    ``sklearn.datasets`` takes longer than the training that follows; a test
    checks that the result is ``load_digits``'s.

    Examples
    --------
    >>> X, y = digits()
    >>> X.shape, y.shape, float(X.min()), float(X.max())
    ((1797, 64), (1797,), 0.0, 1.0)
    >>> np.unique(y).tolist()
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    """
    # Where scikit-learn is installed, found without importing it.
    spec = importlib.util.find_spec("sklearn")
    if spec is None:
        raise ModuleNotFoundError(
            "digits() needs scikit-learn: pip install scikit-learn"
        )
    folder = pathlib.Path(spec.submodule_search_locations[0])
    # One image a row: its 64 grey levels, then its label.
    table = np.loadtxt(folder / "datasets/data/digits.csv.gz", delimiter=",")
    return table[:, :64] / 16.0, table[:, 64].astype(np.intp)
