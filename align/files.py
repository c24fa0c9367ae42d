"""Output files are written under a temporary name and renamed when whole, so no reader ever sees
a truncated TMX or table, and an interrupted build leaves the previous complete file in place."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
from collections.abc import Callable, Iterator
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
    """Where `path` is written until it is whole (remove_leftovers finds what a killed build left); a
    link planted there is refused, or the build would write where it points."""
    temporary = path.with_name(f".{path.name}.part")
    if temporary.is_symlink():
        raise AlignError(
            f"{temporary}: is a link; a build writes only inside its output folder, never through a link"
        )
    return temporary


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
            raise AlignError(
                f"{out}: another build is writing to this folder; try again when it has finished"
            ) from None
        yield
    finally:
        os.close(lock)


# What a build writes, folder by folder (relative to OUT), by name: the only names whose temporary files
# (".NAME.part") a build removes, and the only folders it looks in.
BUILD_FILES: dict[str, re.Pattern[str]] = {
    "": re.compile(
        r"memory\.tmx|units\.(?:parquet|tsv)|pairs\.parquet|segmentation\.srx|report\.(?:json|html)"
    ),
    "tmx": re.compile(r"[\w-]+\.tmx"),
    "moses": re.compile(r"[\w-]+\.[\w-]+"),
    "moses/tok": re.compile(r"[\w-]+\.[\w-]+"),
    "jsonl": re.compile(r"[\w-]+\.jsonl"),
    "tsv": re.compile(r"[\w-]+\.tsv"),
    ".cache": re.compile(r"layout"),
    "report": re.compile(r"[\w().+-]+\.html"),  # the documents' pages of the review page
    # OmegaT's form of the SRX rules (--profile omegat)
    "omegat": re.compile(r"segmentation\.conf"),
}
CACHE_FOLDER = re.compile(r"[0-9a-f]{2}")  # OUT/.cache/ab/: the entries whose keys start "ab"
# .pickle: written by versions before 0.2
CACHE_ENTRY = re.compile(r"(?P<key>[0-9a-f]{64})\.(?:json|texts|aligned|pickle)")


def build_folders(out: Path) -> Iterator[tuple[Path, re.Pattern[str]]]:
    """The folders of OUT a build writes in that exist, with the names it writes there. A folder that is a
    link is refused: a build writes and removes inside OUT only, and never through a link."""
    for name, pattern in BUILD_FILES.items():
        folder = out / name if name else out
        for part in [
            out,
            *(
                out / Path(*Path(name).parts[:depth])
                for depth in range(1, len(Path(name).parts) + 1)
            ),
        ]:
            if part.is_symlink():
                raise AlignError(
                    f"{part}: is a link; a build writes only inside its output folder, never through a link"
                )
        if folder.is_dir():
            yield folder, pattern
    yield from ((folder, CACHE_ENTRY) for folder in cache_folders(out))


def cache_folders(out: Path) -> list[Path]:
    """OUT/.cache/ab/...: the folders of the cache's entries, real folders only (a link is passed over)."""
    try:
        return sorted(
            Path(entry.path)
            for entry in os.scandir(out / ".cache")
            if CACHE_FOLDER.fullmatch(entry.name) and entry.is_dir(follow_symlinks=False)
        )
    except OSError:
        return []


def remove_leftovers(out: Path) -> None:
    """Temporary files of a build that was killed (SIGKILL leaves them), by exact name: ".NAME.part" where
    NAME is a file the build writes in that folder; a regular file, never a link or what a link points to."""
    for folder, pattern in build_folders(out):
        remove_files(
            folder,
            lambda name: (match := _TEMPORARY.fullmatch(name)) and pattern.fullmatch(match[1]),
        )


def remove_files(folder: str | Path, wanted: Callable[[str], object]) -> None:
    """Remove the files of `folder` whose names `wanted` accepts: regular files only, never a link nor
    what a link points to, never a folder; the one way anything of align deletes."""
    for entry in os.scandir(folder):
        if wanted(entry.name) and entry.is_file(follow_symlinks=False):
            os.unlink(entry.path)


_TEMPORARY = re.compile(r"\.(.+)\.part")


def pair_name(pivot: str, lang: str) -> str:
    """The name of a language pair's files: `fr-en`."""
    return f"{pivot}-{lang}"
