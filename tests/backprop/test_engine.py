"""The scalar engine `Value` against SciPy's derivatives, SymPy and closed forms."""

import re
from pathlib import Path

import numpy as np
import mpmath
import pytest
import sympy as sp
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy.differentiate import derivative

from snippets.backprop import Value, to_mermaid
from snippets.backprop.engine import topological_order

# Each operation: (what it does to Values, the same on NumPy arrays). Every one is smooth, so a
# finite-difference derivative is a fair reference; relu is tested apart, away from its kink.
BINARY = {
    "add": (lambda a, b: a + b, lambda a, b: a + b),
    "sub": (lambda a, b: a - b, lambda a, b: a - b),
    "mul": (lambda a, b: a * b, lambda a, b: a * b),
    "div": (lambda a, b: a / (1 + b * b), lambda a, b: a / (1 + b * b)),
    "rsub": (lambda a, b: 2.5 - a * b, lambda a, b: 2.5 - a * b),
    "rdiv": (lambda a, b: 1 / (2 + a * a), lambda a, b: 1 / (2 + a * a)),
}
UNARY = {
    "tanh": (lambda a: a.tanh(), np.tanh),
    "sigmoid": (lambda a: a.sigmoid(), lambda a: 1 / (1 + np.exp(-a))),
    "exp": (lambda a: (0.5 * a).exp(), lambda a: np.exp(0.5 * a)),
    "log": (lambda a: (1 + a**2).log(), lambda a: np.log(1 + a**2)),
    "square": (lambda a: a**2, lambda a: a**2),
    "sqrt": (lambda a: (1 + a * a) ** 0.5, lambda a: (1 + a * a) ** 0.5),
    "neg": (lambda a: -a, lambda a: -a),
    "radd": (lambda a: 3 + a, lambda a: 3 + a),
    "rmul": (lambda a: 0.7 * a, lambda a: 0.7 * a),
}


@st.composite
def programs(draw):
    """Random graphs: inputs, then steps that may reuse any earlier node (shared subexpressions)."""
    n_inputs = draw(st.integers(1, 3))
    steps = []
    for k in range(draw(st.integers(1, 8))):
        n = n_inputs + k
        if draw(st.booleans()):
            op = draw(st.sampled_from(sorted(BINARY)))
            steps.append((op, draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1))))
        else:
            steps.append((draw(st.sampled_from(sorted(UNARY))), draw(st.integers(0, n - 1)), None))
    x = draw(st.lists(st.floats(-2, 2), min_size=n_inputs, max_size=n_inputs))
    return steps, x


def run(steps, nodes, binary_index, unary_index):
    for op, i, j in steps:
        if j is None:
            nodes.append(UNARY[op][unary_index](nodes[i]))
        else:
            nodes.append(BINARY[op][binary_index](nodes[i], nodes[j]))
    return nodes[-1]


@settings(max_examples=60, deadline=None)
@given(programs())
def test_gradients_match_scipy_on_random_graphs(program):
    steps, x = program
    leaves = [Value(v) for v in x]
    out = run(steps, list(leaves), 0, 0)
    assume(abs(out.data) < 1e6)
    out.backward()
    for i in range(len(x)):
        def f(t, i=i):  # the same graph on arrays, as a function of input i alone
            return run(steps, [t if k == i else np.full_like(t, x[k]) for k in range(len(x))], 1, 1)

        # atol: an input the output does not depend on has derivative 0, which no rtol can meet.
        res = derivative(f, x[i], tolerances={"atol": 1e-12})
        assert res.success, f"scipy's derivative did not converge for input {i}"
        # Richardson-extrapolated differences are good to ~1e-10 relative on these graphs.
        np.testing.assert_allclose(leaves[i].grad, res.df, rtol=1e-7, atol=1e-9)


@pytest.mark.parametrize(
    "op, expr",
    [
        (lambda v: v.exp(), sp.exp), (lambda v: v.log(), sp.log), (lambda v: v.tanh(), sp.tanh),
        (lambda v: v.sigmoid(), lambda s: 1 / (1 + sp.exp(-s))), (lambda v: v**3, lambda s: s**3),
        (lambda v: v**-1.5, lambda s: s ** sp.Rational(-3, 2)), (lambda v: 2 / v, lambda s: 2 / s),
        (lambda v: 1 - v, lambda s: 1 - s),
    ],
)
@pytest.mark.parametrize("x", [0.3, 1.7])
def test_each_operation_matches_sympy(op, expr, x):
    s = sp.Symbol("s")
    v = Value(x)
    out = op(v)
    out.backward()
    np.testing.assert_allclose(out.data, float(expr(s).subs(s, x)), rtol=1e-14)
    np.testing.assert_allclose(v.grad, float(sp.diff(expr(s), s).subs(s, x)), rtol=1e-14)


@pytest.mark.parametrize("x, slope", [(-1.5, 0.0), (0.0, 0.0), (2.0, 1.0)])
def test_relu_and_its_derivative_with_relu_prime_of_zero_zero(x, slope):
    v = Value(x)
    out = v.relu()
    out.backward()
    assert out.data == max(x, 0.0)
    assert v.grad == slope


def test_sigmoid_does_not_overflow():
    assert Value(-1000.0).sigmoid().data == 0.0
    assert Value(1000.0).sigmoid().data == 1.0


def test_shared_subexpression_counts_every_use():
    a = Value(3.0, "a")
    b = a + a
    c = b + b  # c = 4a
    c.backward()
    assert (a.grad, b.grad, c.grad) == (4.0, 2.0, 1.0)


def test_second_backward_accumulates_into_leaves_only():
    a = Value(3.0, "a")
    b = a + a
    c = b + b
    c.backward()
    c.backward()
    # Leaves add up the two passes (as PyTorch's .grad does); interior nodes hold one pass.
    assert (a.grad, b.grad, c.grad) == (8.0, 2.0, 1.0)
    c.zero_grad()
    assert (a.grad, b.grad, c.grad) == (0.0, 0.0, 0.0)
    c.backward()
    assert a.grad == 4.0


def test_doubling_chain_visits_each_node_once():
    a = Value(1.0)
    out = a
    for _ in range(60):
        out = out + out  # 2^60 paths from out back to a, 61 nodes
    assert len(topological_order(out)) == 61
    out.backward()
    assert a.grad == 2.0**60


def test_deep_graph_needs_no_recursion():
    x = Value(0.5)
    total = Value(0.0)
    for _ in range(5000):  # depth 5000: more than Python's default recursion limit of 1000
        total = total + x * x
    total.backward()
    np.testing.assert_allclose(x.grad, 5000 * 2 * 0.5, rtol=1e-12)


def test_topological_order_puts_children_first():
    a, b = Value(1.0), Value(2.0)
    c = a * b
    d = c + a
    e = d * c
    order = topological_order(e)
    position = {id(v): k for k, v in enumerate(order)}
    for v in order:
        for child in v._children:
            assert position[id(child)] < position[id(v)]
    assert order[-1] is e


def test_backward_on_a_leaf_accumulates_one():
    a = Value(2.0)
    a.backward()
    a.backward()
    assert a.grad == 2.0


def test_cd17_gradient_descent_on_a_quadratic():
    """f = x^2 + 3x + 2, f'(5) = 13, five steps of size 0.1 (curriculum CD17).

    x <- x - 0.1 (2x + 3) = 0.8 x - 0.3, so x_t + 1.5 = 0.8^t (x_0 + 1.5).
    """
    x = 5.0
    xs = []
    for _ in range(5):
        v = Value(x)
        f = v**2 + 3 * v + 2
        f.backward()
        assert v.grad == 2 * x + 3
        x -= 0.1 * v.grad
        xs.append(x)
    # Closed form: x_t + 1.5 = 0.8^t (x_0 + 1.5), the distance to the minimum -1.5 shrinks.
    closed = [-1.5 + 0.8**t * 6.5 for t in range(1, 6)]
    np.testing.assert_allclose(xs, closed, rtol=1e-12)
    np.testing.assert_allclose(xs, [3.7, 2.66, 1.828, 1.1624, 0.6299], atol=5e-5)  # CD17


def test_repr_shows_data_and_grad():
    v = Value(1.5)
    assert repr(v) == "Value(data=1.5, grad=0)"


@pytest.mark.parametrize(
    "make, error, msg",
    [
        # Domain errors of an operation (not bad arguments): each says which operation.
        (lambda: Value(0.0).log(), ValueError, "log needs a positive value, got 0.0"),
        (lambda: Value(-8.0) ** 0.5, ValueError, "u^k needs u > 0 for k = 0.5, got u = -8.0"),
        (lambda: Value(0.0) ** -1, ValueError, "u^k needs u > 0 for k = -1, got u = 0.0"),
        (lambda: Value(0.0) / Value(0.0), ZeroDivisionError,
         "u / v needs v != 0, got v = 0 (u = 0.0)"),
        (lambda: 1 / Value(0.0), ZeroDivisionError, "u / v needs v != 0, got v = 0 (u = 1.0)"),
    ],
)
def test_domain_errors_name_the_operation(make, error, msg):
    with pytest.raises(error, match=re.escape(msg)):
        make()


@pytest.mark.parametrize("u, v", [(1e-200, 1e-200), (3e-300, 2e-300), (1e200, 1e200)])
def test_division_of_tiny_or_huge_numbers_does_not_overflow(u, v):
    a, b = Value(u), Value(v)
    q = a / b
    q.backward()
    # d(u/v)/du = 1/v, d(u/v)/dv = -u/v^2, in exact arithmetic; rtol: a few roundings
    np.testing.assert_allclose([q.data, a.grad, b.grad], [u / v, 1 / v, -(u / v) / v],
                               rtol=1e-15)


@pytest.mark.parametrize("u", [-745.0, -700.0, -100.0, -50.0, -37.5, -20.0, 0.0, 15.0])
def test_sigmoid_keeps_full_relative_accuracy_for_negative_inputs(u):
    """Below -37, 0.5 (1 + tanh(u / 2)) is 0.5 (1 - 1) = 0: every digit lost."""
    v = Value(u)
    s = v.sigmoid()
    s.backward()
    with mpmath.workdps(50):  # mpmath at 50 digits, rounded once to a float
        e = mpmath.exp(mpmath.mpf(-u))
        exact, slope = float(1 / (1 + e)), float(e / (1 + e) ** 2)
    # rtol: a few roundings; atol covers the subnormals, where the spacing is 5e-324
    np.testing.assert_allclose(s.data, exact, rtol=4e-16, atol=1e-323)
    np.testing.assert_allclose(v.grad, slope, rtol=1e-15, atol=1e-323)
    assert s.data > 0


def test_integer_powers_of_negative_numbers_are_allowed():
    v = Value(-2.0)
    out = v**3
    out.backward()
    assert (out.data, v.grad) == (-8.0, 12.0)


def test_to_mermaid_lists_every_node_and_edge():
    a = Value(3.0, "a")
    b = a + a
    b.label = "b"
    c = b * 2
    c.label = "c"
    c.backward()
    text = to_mermaid(c)
    assert text.splitlines() == [
        "flowchart LR",
        '  v0["a = 3, grad 4"]',
        '  v1["b = 6, grad 2"]',
        '  v2["2, grad 6"]',
        '  v3["c = 12, grad 1"]',
        '  op1(("+"))',
        "  v0 --> op1",
        "  v0 --> op1",
        "  op1 --> v1",
        '  op3(("*"))',
        "  v1 --> op3",
        "  v2 --> op3",
        "  op3 --> v3",
    ]


def test_to_mermaid_escapes_quotes_in_labels():
    text = to_mermaid(Value(1.0, 'say "hi"'), grads=False, direction="TB")
    assert text.splitlines() == ["flowchart TB", '  v0["say #quot;hi#quot; = 1"]']


def test_page_diagram_is_what_to_mermaid_draws():
    """The rendered graph on the engine page is the output of the runnable block above it."""
    page = (Path(__file__).parents[2] / "docs" / "backprop" / "engine.md").read_text(
        encoding="utf-8")
    printed = re.search(r"<!-- mermaid-from-code -->\s*<!--pytest-codeblocks:expected-output-->"
                        r"\s*```text\n(.*?)```", page, re.S)
    drawn = re.search(r"<!-- mermaid-drawn -->\s*```mermaid\n(.*?)```", page, re.S)
    assert printed and drawn, "engine.md must mark the printed and the drawn graph"
    assert printed.group(1) == drawn.group(1)


def test_tanh_derivative_keeps_its_relative_accuracy_where_tanh_rounds_to_1():
    # tanh(30) rounds to 1.0, so 1 - tanh^2 would give 0; the true slope is
    # 1 / cosh(30)^2 = 3.5206...e-26 (mpmath, 30 digits).
    x = Value(30.0)
    x.tanh().backward()
    with mpmath.workdps(30):
        exact = float(1 / mpmath.cosh(30) ** 2)
    np.testing.assert_allclose(x.grad, exact, rtol=1e-15)
