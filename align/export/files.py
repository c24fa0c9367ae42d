"""Output files are written under a temporary name and renamed when whole, so no reader ever sees
a truncated TMX or table, and an interrupted build leaves the previous complete file in place."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside `path`, renamed to `path` if the block finishes, removed if it fails."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_path(path)
    try:
        yield temporary
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def temporary_path(path: Path) -> Path:
    """Where `path` is written until it is whole (remove_leftovers finds what a killed build left)."""
    return path.with_name(f".{path.name}.part")


class Aborted(Exception):
    """Raised into open output files so that they are removed, not renamed into place."""


def abort(stack: contextlib.ExitStack) -> None:
    """Close the files of an ExitStack of atomic paths without publishing any of them."""
    stack.__exit__(Aborted, Aborted(), None)


def remove_leftovers(out: Path) -> None:
    """Temporary files of a build that was killed (SIGKILL leaves them); the next build starts clean."""
    if out.is_dir():
        for leftover in out.rglob(".*.part"):
            leftover.unlink()


def pair_name(pivot: str, lang: str) -> str:
    """The name of a language pair's files: `fr-en`."""
    return f"{pivot}-{lang}"
