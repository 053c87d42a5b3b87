"""Figures of the part "Probability", one module per chapter."""
