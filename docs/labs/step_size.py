# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Lab: the step size of finite differences
#
# A finite difference replaces the limit in the definition of the derivative by a small step
# `h`. This lab measures how the error depends on `h`, finds the best step for the forward and
# the central difference, and checks the rule of thumb that predicts it. Change the function,
# the point or the range of steps in the first code cell and run the notebook again.
#
# You need the book's `snippets` package (`pip install -r requirements.txt` in a clone of the
# repository), matplotlib and `matplotlib-inline` (Jupyter installs it). The chapter this lab
# belongs to is *The derivative*.

# %%
import matplotlib.pyplot as plt
import numpy as np
from matplotlib_inline.backend_inline import set_matplotlib_formats

from snippets.calculus import (
    central_difference,
    complex_step,
    forward_difference,
)

# The book's figure style: SVG, a light grid, no top or right frame.
set_matplotlib_formats("svg")
plt.rcParams.update({
    "font.size": 10,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
})

# Try your own: the function, its derivative, the point.
f, df = np.exp, np.exp
x = 1.0
steps = np.logspace(-16, 0, 161)
# A step so small that x + h or x - h rounds back to x is no step at all
# (the package refuses it).
steps = steps[(x + steps != x) & (x - steps != x)]

# %% [markdown]
# ## The error for every step
#
# For each step we compare the estimate with the exact derivative. The relative error is
# floored at 1e-17 so that an exact result still shows on a log scale.

# %%
exact = df(x)
estimators = {
    "forward": forward_difference,
    "central": central_difference,
    "complex step": complex_step,
}
errors = {}
for name, estimate in estimators.items():
    values = np.array([estimate(f, x, h=h) for h in steps])
    errors[name] = abs(values - exact) / abs(exact)

fig, ax = plt.subplots(figsize=(7, 4.5))
for name, error in errors.items():
    ax.loglog(steps, np.maximum(error, 1e-17), label=name)
ax.set(xlabel="step h", ylabel="relative error",
       title=f"Derivative of {f.__name__} at x = {x}")
ax.invert_xaxis()
ax.legend()
plt.show()

# %% [markdown]
# ## Where is the best step?
#
# Each value of $f$ is rounded to the nearest double, off by up to $\tfrac12\varepsilon|f|$, so a
# difference of two values is off by up to $\varepsilon|f|$. The error of the forward difference
# is then about $E(h) = \frac{h}{2}|f''| + \frac{\varepsilon |f|}{h}$; its derivative
# $\frac12|f''| - \varepsilon|f|/h^2$ is zero at $h^\star = \sqrt{2\varepsilon |f| / |f''|}$. The
# central difference divides the same round-off by $2h$, $E(h) = \frac{h^2}{6}|f'''| +
# \frac{\varepsilon |f|}{2h}$, smallest at $h^\star = \sqrt[3]{3 \varepsilon |f| / (2|f'''|)}$: the
# formulas of the chapter *The derivative*. For $e^x$ every derivative equals $f$, so the
# predictions are $\sqrt{2\varepsilon}$ and $\sqrt[3]{3\varepsilon/2}$.

# %%
eps = np.finfo(float).eps
# |f''| / |f| and |f'''| / |f| at x: both 1 for e^x;
# change them with the function.
f2_over_f, f3_over_f = 1.0, 1.0
predicted = {
    "forward": np.sqrt(2 * eps / f2_over_f),
    "central": np.cbrt(3 * eps / (2 * f3_over_f)),
}
for name in ["forward", "central"]:
    best = steps[np.argmin(errors[name])]
    within = predicted[name] / 3 < best < 3 * predicted[name]
    print(f"{name}: best h {best:.1e} (predicted {predicted[name]:.1e}, "
          f"within 3x: {within}), error {errors[name].min():.1e}")

# %% [markdown]
# The scan and the prediction agree to within the noise of round-off, which makes the bottom of
# each V ragged. Things to try:
#
# - `f, df = np.sin, np.cos` at `x = 1e3` (then $|f''/f| = 1$ and $|f'''/f| = |\cot x|$): the
#   round-off grows with $|x|$ too, because $x + h$ itself is rounded, and the smallest steps
#   drop out of the scan.
# - `f, df = np.tanh, lambda t: 1 / np.cosh(t) ** 2` at `x = 5`: the derivative is tiny next to
#   the function, and the best relative error is much worse.
# - Replace `np.exp` by `lambda t: np.exp(t).real` in the complex step: what happens, and why?
