"""The cache of incremental builds, under OUT/.cache: one entry per document group, keyed by the content
of its files and every option that changes alignment, so a rebuild redoes only what changed.

An entry is two files: KEY.pickle, the group's result with the texts its output files hold replaced
by BLOB (small: it is loaded for every cached group), and KEY.texts, those texts, loaded only when the
previous build's files cannot give them (export/layout.py)."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from align import __version__
from align.engine import Group, GroupResult
from align.export.files import atomic_path
from align.export.layout import externalize
from align.ingest import MAX_BYTES

if TYPE_CHECKING:
    from align.pipeline import BuildOptions

FORMAT = 7  # of the cached results: bump when GroupResult or an exporter's rendered form changes


def _content_key(path: str) -> bytes:
    """What a file's content contributes to its group's key: its SHA-256, read a block at a time; for a
    file over the size any reader takes, its size, since it is refused unread (a sparse file of
    gigabytes costs no reading)."""
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > MAX_BYTES:
            return f"too large: {size}".encode()
        return hashlib.file_digest(handle, "sha256").digest()


class Cache:
    """Aligned groups by content key; entries this build did not use are removed when it finishes."""

    def __init__(self, options: BuildOptions, pinned_date: str = "") -> None:
        """`pinned_date`: the creation date the build was given, if any. Without one, the units of an
        unchanged document keep the creationdate of the build that aligned them, as a translation
        memory's units should; with one, every unit gets it."""
        self.folder = options.out / ".cache"
        self.enabled = options.cache
        # everything a group's result depends on: alignment and rendering options, and the outputs
        self.salt = options.signature() + "|" + "|".join(map(str, [FORMAT, __version__, options.langs, pinned_date,
                                                                    options.formats, options.escape, options.lang_codes, options.table_langs]))
        self.hits = 0

    def key(self, group: Group) -> str:
        """The group's content key; "" when the cache is off, so --no-cache reads no file twice."""
        if not self.enabled:
            return ""
        digest = hashlib.sha256(self.salt.encode())
        for path in group.paths:
            try:
                content = _content_key(path)
            except OSError as error:  # the worker fails to read it too, and reports it skipped with why
                content = f"unreadable: {error.strerror or error}".encode()
            digest.update(path.encode() + b"\0" + content)
        return digest.hexdigest()

    def _path(self, key: str, suffix: str = ".pickle") -> Path:
        return self.folder / key[:2] / f"{key}{suffix}"

    def has(self, key: str) -> bool:
        return self.enabled and self._path(key).is_file() and self._path(key, ".texts").is_file()

    def get(self, key: str) -> GroupResult | None:
        if not self.enabled:
            return None
        try:
            with open(self._path(key), "rb") as handle:
                result = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        self.hits += 1
        return result

    def texts(self, key: str) -> list[str | bytes]:
        """The texts of an entry's BLOBs, in the order its outputs were written."""
        with open(self._path(key, ".texts"), "rb") as handle:
            return pickle.load(handle)

    def put(self, key: str, result: GroupResult, written: list[str | bytes]) -> None:
        """Keep a group's result once its outputs are written; `written`: the texts they took (Layout.finish)."""
        if self.enabled:
            with atomic_path(self._path(key, ".texts")) as path:  # first: an entry's pickle means both are whole
                path.write_bytes(pickle.dumps(written, protocol=pickle.HIGHEST_PROTOCOL))
            entry = dataclasses.replace(result, rendered=externalize(result.rendered, set(map(id, written))))
            with atomic_path(self._path(key)) as path:
                path.write_bytes(pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))

    def prune(self, keys: Iterable[str]) -> None:
        """Remove the entries of groups that are gone or changed: all but `keys`, the keys of this build's
        groups (a --no-cache build leaves the cache alone)."""
        if self.enabled and self.folder.is_dir():
            used = set(keys)
            for entry in self.folder.glob("*/*.*"):
                if entry.stem not in used:
                    entry.unlink()
