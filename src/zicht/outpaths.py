"""Checks of output paths before any work: a folder where a file is expected, or a file where a folder is
expected (or above it), is one line naming the option, not a traceback after minutes of work."""

from __future__ import annotations

from pathlib import Path

from zicht.errors import InputError


def _check_ancestors(path: Path, option: str) -> None:
    """The nearest existing ancestor of `path` must be a folder (else the path can never be created)."""
    for parent in Path(path).absolute().parents:
        if parent.exists():
            if not parent.is_dir():
                raise InputError(f"{option} {path}: {parent} is a file, not a folder")
            return


def check_output_dir(path: Path, option: str = "--out") -> Path:
    """`path` can be (or already is) a folder."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise InputError(f"{option} {path} is a file; it must be a folder")
    _check_ancestors(path, option)
    return path


def check_output_file(path: Path, option: str = "--out") -> Path:
    """`path` can be written as a file (an existing file is replaced)."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{option} {path} is a folder; it must be a file")
    _check_ancestors(path, option)
    return path
