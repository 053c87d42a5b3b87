"""Tested code of the textbook: every function a page shows or calls, grouped by the book's parts.

Import from a part: ``from snippets.calculus import derivative``,
``from snippets.backprop import MLP``. Each part exports the public names of its chapters;
``snippets._core`` holds what several parts share and is private.
"""
