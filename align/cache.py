"""The cache of incremental builds, under OUT/.cache: one entry per document group, keyed by the content
of its files and every option that changes alignment, so a rebuild redoes only what changed."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import TYPE_CHECKING

from align import __version__
from align.engine import Group, GroupResult
from align.export.files import atomic_path

if TYPE_CHECKING:
    from align.pipeline import BuildOptions

FORMAT = 3  # of the cached results: bump when GroupResult or an exporter's rendered form changes


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
        self.used: set[str] = set()
        self.hits = 0

    def key(self, group: Group) -> str:
        """The group's content key; "" when the cache is off, so --no-cache reads no file twice."""
        if not self.enabled:
            return ""
        digest = hashlib.sha256(self.salt.encode())
        for path in group.paths:
            digest.update(path.encode() + b"\0" + hashlib.sha256(Path(path).read_bytes()).digest())
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def has(self, key: str) -> bool:
        self.used.add(key)
        return self.enabled and self._path(key).is_file()

    def get(self, key: str) -> GroupResult | None:
        self.used.add(key)
        if not self.enabled:
            return None
        try:
            with open(self._path(key), "rb") as handle:
                result = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        self.hits += 1
        return result

    def put(self, key: str, result: GroupResult) -> None:
        if self.enabled:
            with atomic_path(self._path(key)) as path:
                path.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))

    def prune(self) -> None:
        """Remove the entries of groups that are gone or changed (a --no-cache build leaves the cache alone)."""
        if self.enabled and self.folder.is_dir():
            for entry in self.folder.glob("*/*.pickle"):
                if entry.stem not in self.used:
                    entry.unlink()
