"""Figures of the part "Backpropagation", one module per chapter (drawn by the build)."""
