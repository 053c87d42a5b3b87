"""The numerical core that several parts share: private to the package.

- ``checks``: argument checks whose messages name the argument;
- ``extrapolation``: the Richardson (Ridders) tableau behind every accurate derivative;
- ``activations``: the activation functions and their derivatives;
- ``errors``: the relative error between two arrays;
- ``parts``: how a part exports the public names of its chapters;
- ``style`` and ``figures``: one look for every figure, and how the build finds and draws them.

A part imports from here and from the parts before it in the book, never from a later one.
"""
