"""A scalar reverse-mode automatic differentiation engine, in the spirit of micrograd.

Each ``Value`` remembers its inputs and the local derivative of itself with respect to each
of them; ``backward`` multiplies local derivatives along the graph, from the output back to
the leaves.
"""

import math
import numbers

from snippets._core.activations import sigmoid, tanh_prime

__all__ = ["Value", "topological_order", "to_mermaid"]


class Value:
    """A scalar that records how it was computed, so that gradients can flow back.

    Parameters
    ----------
    data : float
        The number.
    label : str
        Name shown in drawings of the graph.

    Examples
    --------
    >>> x, w = Value(2.0, "x"), Value(-3.0, "w")
    >>> y = (w * x + 1).tanh()
    >>> y.backward()
    >>> print(f"{y.data:.6f} {w.grad:.6f} {x.grad:.6f}")
    -0.999909 0.000363 -0.000545
    """

    def __init__(self, data, label="", *, _children=(), _local=(), _op=""):
        if isinstance(data, bool) or not isinstance(data, numbers.Real):
            kind = type(data).__name__
            raise TypeError(
                f"`data` must be a real number, got {kind} {data!r}")
        if not math.isfinite(data):
            raise ValueError(f"`data` must be finite, got {data!r}")
        self.data, self.grad, self.label = float(data), 0.0, label
        self._children = _children  # the Values this one was computed from
        # d(self)/d(child) for each child, at the values of the forward pass
        self._local = _local
        self._op = _op

    def __repr__(self):
        return f"Value(data={self.data:.6g}, grad={self.grad:.6g})"

    def _result(self, data, children, local, op):
        return Value(data, _children=children, _local=local, _op=op)

    def __add__(self, other):
        other = _as_value(other)  # d(u + v)/du = d(u + v)/dv = 1
        data = self.data + other.data
        return self._result(data, (self, other), (1.0, 1.0), "+")

    def __mul__(self, other):
        other = _as_value(other)  # d(uv)/du = v, d(uv)/dv = u
        local = (other.data, self.data)
        return self._result(self.data * other.data, (self, other), local, "*")

    def __pow__(self, k):
        if isinstance(k, bool) or not isinstance(k, numbers.Real):
            kind = type(k).__name__
            raise TypeError(f"`k` must be a real number, got {kind} {k!r}")
        # u^k and k u^(k-1) are real and finite for u > 0, or for an integer k
        # and u != 0 (or u = 0 and k >= 1).
        u = self.data
        if not (u > 0 or (float(k).is_integer() and (u != 0 or k >= 1))):
            raise ValueError(f"u^k needs u > 0 for k = {k!r}, got u = {u!r}")
        return self._result(u**k, (self,), (k * u ** (k - 1),), f"^{k:g}")

    def exp(self):
        e = math.exp(self.data)  # (e^u)' = e^u
        return self._result(e, (self,), (e,), "exp")

    def log(self):
        if self.data <= 0:
            raise ValueError(f"log needs a positive value, got {self.data!r}")
        u = self.data  # (ln u)' = 1 / u
        return self._result(math.log(u), (self,), (1 / u,), "log")

    def tanh(self):
        t = math.tanh(self.data)
        # tanh' = 1 - tanh^2, computed without cancellation when t rounds to 1
        dt = float(tanh_prime(self.data))
        return self._result(t, (self,), (dt,), "tanh")

    def sigmoid(self):
        # The core's sigmoid: no overflow, full relative accuracy for any u
        s, s_minus = float(sigmoid(self.data)), float(sigmoid(-self.data))
        # sigma' = sigma(u) (1 - sigma(u)) = sigma(u) sigma(-u), no 1 - s
        return self._result(s, (self,), (s * s_minus,), "sigmoid")

    def relu(self):  # ReLU'(0) = 0
        slope = float(self.data > 0)
        return self._result(max(self.data, 0.0), (self,), (slope,), "relu")

    def __neg__(self):
        return self * -1

    def __sub__(self, other):
        return self + (-_as_value(other))

    def __truediv__(self, other):
        other = _as_value(other)
        u, v = self.data, other.data
        if v == 0:
            raise ZeroDivisionError(
                f"u / v needs v != 0, got v = 0 (u = {u!r})")
        # Not as u * v^-1: 1e-200 / 1e-200 is 1, but (1e-200)^-1 overflows.
        q = u / v  # d(u/v)/du = 1/v, d(u/v)/dv = -u/v^2 = -(u/v)/v
        return self._result(q, (self, other), (1 / v, -q / v), "/")

    def __radd__(self, other):
        return _as_value(other) + self

    def __rmul__(self, other):
        return _as_value(other) * self

    def __rsub__(self, other):
        return _as_value(other) - self

    def __rtruediv__(self, other):
        return _as_value(other) / self

    def backward(self):
        """Add d(self)/d(leaf) to the ``grad`` of every leaf of the graph.

        Leaves accumulate, as in PyTorch: call ``zero_grad`` before a second
        pass. Interior nodes hold this pass's gradient.
        """
        order = topological_order(self)
        for v in order:
            if v._children:  # interior nodes start each pass from zero
                v.grad = 0.0
        self.grad += 1.0  # d(self)/d(self) = 1
        for v in reversed(order):  # each node after every node that uses it
            for child, local in zip(v._children, v._local):
                child.grad += local * v.grad  # chain rule, summed over uses

    def zero_grad(self):
        """Set ``grad`` to 0 on every node of the graph ending at this Value."""
        for v in topological_order(self):
            v.grad = 0.0


def _as_value(x):
    return x if isinstance(x, Value) else Value(x)


def _check_root(root):
    if not isinstance(root, Value):
        raise TypeError(f"`root` must be a Value, got {type(root).__name__} {root!r}")


def topological_order(root):
    """The nodes of the graph ending at ``root``, each after its children."""
    _check_root(root)
    order, seen, stack = [], set(), [(root, False)]
    # Depth-first, with an explicit stack: no recursion limit for deep graphs.
    while stack:
        v, children_done = stack.pop()
        if children_done:
            order.append(v)
        elif id(v) not in seen:
            seen.add(id(v))
            stack.append((v, True))
            new = [c for c in v._children if id(c) not in seen]
            stack.extend((c, False) for c in reversed(new))
    return order


def to_mermaid(root, *, grads=True, direction="LR"):
    """Mermaid flowchart of the graph ending at ``root``, inputs first.

    Each Value is a box "label = data" (and ", grad g" when ``grads``); each
    operation is a circle. ``direction`` is "LR" (left to right) or "TB" (top to
    bottom, for a tall graph).

    Examples
    --------
    >>> a = Value(2.0, "a")
    >>> print(to_mermaid(a * 3, grads=False))
    flowchart LR
      v0["a = 2"]
      v1["3"]
      v2["6"]
      op2(("*"))
      v0 --> op2
      v1 --> op2
      op2 --> v2
    """
    _check_root(root)
    if direction not in ("LR", "TB"):
        raise ValueError(
            f"`direction` must be 'LR' or 'TB', got {direction!r}")
    order = topological_order(root)
    ids = {id(v): i for i, v in enumerate(order)}
    lines = [f"flowchart {direction}"]
    for i, v in enumerate(order):
        text = f"{v.label} = {v.data:.4g}" if v.label else f"{v.data:.4g}"
        text += f", grad {v.grad:.4g}" if grads else ""
        # "#quot;" is Mermaid's escape for a quote inside a label
        text = text.replace('"', "#quot;")
        lines.append(f'  v{i}["{text}"]')
    for i, v in enumerate(order):
        if v._children:
            lines.append(f'  op{i}(("{v._op}"))')
            # b = a + a has one node a and two edges into the "+": draw both.
            lines += [f"  v{ids[id(c)]} --> op{i}" for c in v._children]
            lines.append(f"  op{i} --> v{i}")
    return "\n".join(lines)
