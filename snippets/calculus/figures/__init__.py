"""Figures of the part "Differential calculus", one module per chapter (drawn by the build)."""
