"""Figures of the part "Optimization", one module per chapter (drawn by the build)."""
