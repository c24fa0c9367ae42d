"""Output files are written under a temporary name and renamed when whole, so no reader ever sees
a truncated TMX or table, and an interrupted build leaves the previous complete file in place."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from align.errors import AlignError


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


@contextlib.contextmanager
def only_writer(out: Path) -> Iterator[None]:
    """The output folder held for one build at a time: a second build would remove the first one's files
    in progress as leftovers, and the two would publish a mix of their outputs. The lock (on OUT/.lock) is
    the process's own: the workers it forks do not hold it, and it is gone with the process, even killed."""
    out.mkdir(parents=True, exist_ok=True)
    lock = os.open(out / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.lockf(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno not in (errno.EACCES, errno.EAGAIN):
                raise
            raise AlignError(f"{out}: another build is writing to this folder; try again when it has finished") from None
        yield
    finally:
        os.close(lock)


def remove_leftovers(out: Path) -> None:
    """Temporary files of a build that was killed (SIGKILL leaves them); the next build starts clean."""
    if out.is_dir():
        for leftover in out.rglob(".*.part"):
            leftover.unlink()


def pair_name(pivot: str, lang: str) -> str:
    """The name of a language pair's files: `fr-en`."""
    return f"{pivot}-{lang}"
