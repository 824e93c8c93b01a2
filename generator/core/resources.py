"""Files mkreport ships: rubrics, templates, the fontconfig file, the JSON Schemas.

The repository keeps them at the top (templates/, rubrics/, fonts/, schema/), where users find and
restyle them; the wheel maps those folders into the package (see pyproject.toml), where
importlib.resources finds them. Run from a source checkout (the tests, an editable install),
the package has no such folders and the repository's own are used.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

# folder in the repository → folder inside the installed package
FOLDERS = {"templates": "templates", "rubrics": "rubrics", "fonts": "fonts", "schema": "schemas"}


# the generator/ folder: its data/ holds the built-in vocabulary and phrase library
PACKAGE_DIR = Path(__file__).resolve().parent.parent

@cache
def packaged(folder: str) -> Path:
    """The shipped copy of a repository folder ("templates", "rubrics", "fonts", "schema")."""
    from importlib.resources import files

    inside = files("generator") / FOLDERS[folder]
    if inside.is_dir():
        return Path(str(inside))
    return PACKAGE_DIR.parent / folder


def packaged_file(folder: str, name: str) -> Path:
    return packaged(folder) / name
