"""The cache of incremental builds, under OUT/.cache, in two levels, so that a rebuild redoes only what changed:

- an aligned document, keyed by the content of its files and the options the alignment depends on
  (reading and alignment options, the aligner's signature, this version's code): KEY.aligned;
- its rendered outputs, keyed by that key and the export options: KEY.json, the group's result with the
  texts its output files hold replaced by BLOB (small: it is loaded for every cached group), and
  KEY.texts, those texts, loaded only when the previous build's files cannot give them (layout.py).

Changing an export option (`--min-score`, `--profile`, `--formats`) finds the aligned documents and
renders them again; changing a file or an alignment option aligns that document again. Every entry is
in a format whose reading cannot run code (align/stored.py): one that does not verify is discarded and
its work done again."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from align import stored
from align.files import CACHE_ENTRY, atomic_path, cache_folders, remove_files
from align.ingest import MAX_BYTES
from align.model import AlignedDocument, AlignedUnit, Group, GroupResult, InputRecord
from align.pipeline.layout import externalize
from align.streams import BLOB
from align.version import __version__

if TYPE_CHECKING:
    from align.pipeline.options import BuildOptions


@functools.cache
def code_digest() -> str:
    """The digest of this version's code and data: any change to them (a renderer, a rule, a table) makes
    every entry a stale one, so no hand-kept format number can be forgotten."""
    digest = hashlib.sha256(__version__.encode())
    package = resources.files("align")
    for path in sorted(_package_files(Path(str(package)))):
        digest.update(path.encode() + b"\0" + (Path(str(package)) / path).read_bytes())
    return digest.hexdigest()


def _package_files(root: Path) -> Iterable[str]:
    for folder, folders, files in os.walk(root):
        folders[:] = [name for name in folders if name != "__pycache__"]
        yield from (
            os.path.relpath(os.path.join(folder, name), root)
            for name in files
            if not name.endswith(".pyc")
        )


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
    """Aligned documents and rendered groups by key; entries this build did not use are removed when it finishes."""

    def __init__(self, options: BuildOptions, pinned_date: str = "") -> None:
        """`pinned_date`: the creation date the build was given, if any. Without one, the units of an
        unchanged document keep the creationdate of the build that rendered them, as a translation
        memory's units should; with one, every unit gets it."""
        self.folder = options.out / ".cache"
        self.enabled = options.cache
        self.align_salt = json.dumps(
            [
                code_digest(),
                dataclasses.asdict(options.read),
                dataclasses.asdict(options.align),
                options.alignment_signature(),
            ],
            default=str,
        )
        self.export_salt = options.export.key() + "|" + pinned_date
        self.hits = 0

    def keys(self, group: Group) -> tuple[str, str]:
        """The group's alignment key and rendering key; "" and "" when the cache is off, so --no-cache
        reads no file twice."""
        if not self.enabled:
            return "", ""
        digest = hashlib.sha256(self.align_salt.encode())
        for path in group.paths:
            try:
                content = _content_key(path)
            except (
                OSError
            ) as error:  # the worker fails to read it too, and reports it skipped with why
                content = f"unreadable: {error.strerror or error}".encode()
            # a folder named two ways is one
            digest.update(os.fsencode(os.path.abspath(path)) + b"\0" + content)
        digest.update(b"\0corrections\0" + group.corrections.encode())
        aligned = digest.hexdigest()
        return aligned, hashlib.sha256((aligned + "|" + self.export_salt).encode()).hexdigest()

    def _path(self, key: str, suffix: str = ".json") -> Path:
        return self.folder / key[:2] / f"{key}{suffix}"

    def has(self, key: str) -> bool:
        """Whether the rendered group of `key` is held."""
        return self.enabled and self._path(key).is_file() and self._path(key, ".texts").is_file()

    def aligned_path(self, key: str) -> str:
        """Where the aligned document of `key` is held ("" if it is not)."""
        path = self._path(key, ".aligned")
        return str(path) if self.enabled and path.is_file() else ""

    def get(self, key: str) -> GroupResult | None:
        """The entry of `key`, or None if it is missing or does not verify (damaged, planted, or written by
        another version): then the group is aligned again. Reading it never runs code (align/stored.py)."""
        if not self.enabled:
            return None
        try:  # its texts are checked when they are read (most often they come from the previous outputs)
            result = stored.decode(self._path(key).read_bytes(), _RECORDS, BLOB)
        except (OSError, stored.StoredError):
            return None
        if (
            not isinstance(result, GroupResult)
            or not isinstance(result.rendered, dict)
            or not isinstance(result.records, list)
        ):
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
        """Keep a group's rendered result once its outputs are written; `written`: the texts they took (Layout.finish)."""
        if self.enabled:
            with atomic_path(
                self._path(key, ".texts")
            ) as path:  # first: an entry means both files are whole
                stored.write_texts(path, written)
            entry = dataclasses.replace(
                result, rendered=externalize(result.rendered, set(map(id, written))), aligned=b""
            )
            with atomic_path(self._path(key)) as path:
                path.write_bytes(stored.encode(entry, BLOB))

    def put_aligned(self, key: str, entry: bytes) -> None:
        """Keep a group's aligned document (`aligned_entry`, made by the worker)."""
        if self.enabled and entry:
            with atomic_path(self._path(key, ".aligned")) as path:
                path.write_bytes(entry)

    def prune(self, keys: Iterable[str]) -> None:
        """Remove the entries of groups that are gone or changed: all but `keys`, the keys of this build's
        groups (a --no-cache build leaves the cache alone). Only entries, by their exact names, in the
        cache's own folders; never a link, nor what a link points to."""
        if not self.enabled:
            return
        used = set(keys)
        for folder in cache_folders(self.folder.parent):
            remove_files(
                folder,
                lambda name: (match := CACHE_ENTRY.fullmatch(name)) and match["key"] not in used,
            )


def aligned_entry(records: list[InputRecord], document: AlignedDocument | None) -> bytes:
    """A group's files' outcomes and its aligned document, as the cache keeps them (encoded in the worker)."""
    return stored.encode([records, document])


def read_aligned(path: str) -> tuple[list[InputRecord], AlignedDocument | None] | None:
    """What `aligned_entry` stored at `path`, or None if it cannot be read or does not verify."""
    try:
        value = stored.decode(Path(path).read_bytes(), _ALIGNED_RECORDS)
    except (OSError, stored.StoredError):
        return None
    if not (
        isinstance(value, list)
        and len(value) == 2
        and isinstance(value[0], list)
        and all(isinstance(record, InputRecord) for record in value[0])
        and (value[1] is None or isinstance(value[1], AlignedDocument) and _well_formed(value[1]))
    ):
        return None
    return value[0], value[1]


def _well_formed(document: AlignedDocument) -> bool:
    units = [*document.units, *(unit for units in document.pairs.values() for unit in units)]
    return all(isinstance(unit, AlignedUnit) and isinstance(unit.texts, dict) for unit in units)


# The records a cache entry may hold: no other type is ever made from what OUT holds.
_RECORDS = {"GroupResult": GroupResult, "InputRecord": InputRecord}
_ALIGNED_RECORDS = {
    "InputRecord": InputRecord,
    "AlignedDocument": AlignedDocument,
    "AlignedUnit": AlignedUnit,
}
