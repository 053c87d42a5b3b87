"""Tested code of the textbook: every function a page shows or calls.

Everything public is importable from here, for example
``from snippets import central_difference``. The names are grouped by the chapter that
teaches them.
"""

from .by_hand import logistic_backprop, neuron_backprop, two_layer_backprop
from .curvature import classify_critical_point, critical_points, second_difference
from .derivatives import (
    central_difference,
    complex_step,
    derivative,
    forward_difference,
    tangent_line,
)
from .engine import Value, to_mermaid, topological_order
from .gradcheck import gradcheck, numerical_grad, relative_error
from .gradflow import grad_norms, stack_backward, stack_forward
from .gradients import central_gradient, check_gradient, gradient
from .jacobians import classify_hessian, hessian, jacobian
from .mlp import (
    ACTIVATIONS,
    MLP,
    XOR_X,
    XOR_Y,
    clip_grad_norm,
    he_normal,
    identity,
    identity_prime,
    mse_loss,
    relu,
    relu_prime,
    sigmoid,
    sigmoid_prime,
    softmax_cross_entropy,
    tanh_prime,
    train_xor,
    two_layer_step,
    xavier_normal,
)
from .rules import DERIVATIVE_TABLE, DerivativeRow, derivative_table_markdown

__all__ = [
    # Differential calculus: the derivative
    "forward_difference",
    "central_difference",
    "complex_step",
    "derivative",
    "tangent_line",
    # Differentiation rules
    "DerivativeRow",
    "DERIVATIVE_TABLE",
    "derivative_table_markdown",
    # Second derivatives, curvature and critical points
    "second_difference",
    "critical_points",
    "classify_critical_point",
    # Partial derivatives and gradients
    "central_gradient",
    "gradient",
    "check_gradient",
    # Jacobian and Hessian
    "jacobian",
    "hessian",
    "classify_hessian",
    # Backpropagation by hand
    "neuron_backprop",
    "two_layer_backprop",
    "logistic_backprop",
    # The multilayer perceptron
    "ACTIVATIONS",
    "sigmoid",
    "sigmoid_prime",
    "tanh_prime",
    "relu",
    "relu_prime",
    "identity",
    "identity_prime",
    "xavier_normal",
    "he_normal",
    "MLP",
    "mse_loss",
    "softmax_cross_entropy",
    "clip_grad_norm",
    "two_layer_step",
    "XOR_X",
    "XOR_Y",
    "train_xor",
    # Reverse-mode automatic differentiation
    "Value",
    "topological_order",
    "to_mermaid",
    # Gradient checking
    "numerical_grad",
    "relative_error",
    "gradcheck",
    # Gradient flow
    "stack_forward",
    "stack_backward",
    "grad_norms",
]
