"""How a part of the book exports the public names of its chapters.

A part is a subpackage (``snippets.calculus``); each chapter is a module of it whose
``__all__`` lists what the chapter teaches. ``export_chapters`` imports every chapter and makes
those names importable from the part, ``from snippets.calculus import derivative``, so adding a
chapter needs no list to be kept by hand. Two chapters of one part exporting the same name is an
error: one name, one meaning.
"""

import importlib
import pkgutil

__all__ = ["chapters", "export_chapters"]


def chapters(package_name, package_path):
    """The chapter modules of a part: its public modules, not its subpackages (``figures``)."""
    return sorted(
        info.name
        for info in pkgutil.iter_modules(package_path)
        if not info.ispkg and not info.name.startswith("_")
    )


def export_chapters(package_name, package_path, namespace):
    """Put every chapter's ``__all__`` names into ``namespace``; return them as a list."""
    exported, home = {}, {}
    for chapter in chapters(package_name, package_path):
        module = importlib.import_module(f"{package_name}.{chapter}")
        if not hasattr(module, "__all__"):
            raise ImportError(f"{module.__name__} must define __all__, the names its chapter teaches")
        for name in module.__all__:
            if name in exported and exported[name] is not getattr(module, name):
                raise ImportError(
                    f"{package_name}: {name!r} is exported by both {home[name]} and {module.__name__}"
                )
            exported[name], home[name] = getattr(module, name), module.__name__
    namespace.update(exported)
    return sorted(exported)
