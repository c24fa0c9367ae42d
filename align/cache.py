"""The cache of incremental builds, under OUT/.cache: one entry per document group, keyed by the content
of its files and every option that changes alignment, so a rebuild redoes only what changed.

An entry is two files: KEY.json, the group's result with the texts its output files hold replaced
by BLOB (small: it is loaded for every cached group), and KEY.texts, those texts, loaded only when the
previous build's files cannot give them (export/layout.py). Both are formats whose reading cannot run
code (align/stored.py): an entry that does not verify is discarded and its group aligned again."""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from align import __version__, stored
from align.engine import Group, GroupResult
from align.export.files import CACHE_ENTRY, atomic_path, cache_folders
from align.export.layout import BLOB, externalize
from align.ingest import MAX_BYTES
from align.model import InputRecord

if TYPE_CHECKING:
    from align.pipeline import BuildOptions

FORMAT = 8  # of the cached results: bump when GroupResult or an exporter's rendered form changes


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
            digest.update(os.fsencode(path) + b"\0" + content)
        return digest.hexdigest()

    def _path(self, key: str, suffix: str = ".json") -> Path:
        return self.folder / key[:2] / f"{key}{suffix}"

    def has(self, key: str) -> bool:
        return self.enabled and self._path(key).is_file() and self._path(key, ".texts").is_file()

    def get(self, key: str) -> GroupResult | None:
        """The entry of `key`, or None if it is missing or does not verify (damaged, planted, or written by
        another version): then the group is aligned again. Reading it never runs code (align/stored.py)."""
        if not self.enabled:
            return None
        try:  # its texts are checked when they are read (most often they come from the previous outputs)
            result = stored.decode(self._path(key).read_bytes(), _RECORDS, BLOB)
        except (OSError, stored.StoredError):
            return None
        if not isinstance(result, GroupResult) or not isinstance(result.rendered, dict) or not isinstance(result.records, list):
            return None
        self.hits += 1
        return result

    def texts(self, key: str) -> list[str | bytes]:
        """The texts of an entry's BLOBs, in the order its outputs were written (StoredError if they do not verify)."""
        try:
            return stored.read_texts(self._path(key, ".texts"))
        except OSError as error:
            raise stored.StoredError(f"{key}.texts: {error.strerror or error}") from None

    def put(self, key: str, result: GroupResult, written: list[str | bytes]) -> None:
        """Keep a group's result once its outputs are written; `written`: the texts they took (Layout.finish)."""
        if self.enabled:
            with atomic_path(self._path(key, ".texts")) as path:  # first: an entry means both files are whole
                stored.write_texts(path, written)
            entry = dataclasses.replace(result, rendered=externalize(result.rendered, set(map(id, written))))
            with atomic_path(self._path(key)) as path:
                path.write_bytes(stored.encode(entry, BLOB))

    def prune(self, keys: Iterable[str]) -> None:
        """Remove the entries of groups that are gone or changed: all but `keys`, the keys of this build's
        groups (a --no-cache build leaves the cache alone). Only entries, by their exact names, in the
        cache's own folders; never a link, nor what a link points to."""
        if not self.enabled:
            return
        used = set(keys)
        for folder in cache_folders(self.folder.parent):
            for entry in os.scandir(folder):
                match = CACHE_ENTRY.fullmatch(entry.name)
                if match and match["key"] not in used and entry.is_file(follow_symlinks=False):
                    os.unlink(entry.path)


# The records a cache entry may hold: no other type is ever made from what OUT holds.
_RECORDS = {"GroupResult": GroupResult, "InputRecord": InputRecord}
