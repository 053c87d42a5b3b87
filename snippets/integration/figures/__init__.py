"""Figures of the part "Integral calculus", one module per chapter."""
