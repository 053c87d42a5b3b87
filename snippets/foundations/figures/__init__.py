"""Figures of the part "Foundations", one module per chapter (drawn by the build)."""
