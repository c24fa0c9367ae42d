"""BuildOptions: a build's inputs and output, how it runs, and each stage's own options.

Each stage owns its options and its part of the signature (ingest.ReadOptions, alignment.AlignOptions,
outputs.options.ExportOptions); the cache keys and report.json's record of the options are derived
from their fields, never listed by hand.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from align.alignment import AlignOptions, aligner_class
from align.corrections import NAME as CORRECTIONS
from align.errors import UsageError
from align.ingest import ReadOptions
from align.outputs.options import ExportOptions
from align.segment import RULES_NAME
from align.version import __version__

ENGINES = ("local", "dask")


@dataclass(frozen=True)
class BuildOptions:
    """Everything a build depends on. `BuildOptions.of(inputs, out, **flags)` sorts flags by name into
    the stage that owns them, as the CLI does."""

    inputs: tuple[Path, ...]
    out: Path
    read: ReadOptions = field(default_factory=ReadOptions)
    align: AlignOptions = field(default_factory=AlignOptions)
    export: ExportOptions = field(default_factory=ExportOptions)
    # a skipped input makes the build fail (exit 1) after writing everything else
    strict: bool = False
    engine: str = "local"  # local (a process pool) or dask
    jobs: int = 0  # workers; 0 = every core
    # a Dask scheduler address; empty = a local Dask cluster with `jobs` workers
    scheduler: str = ""
    cache: bool = True  # reuse OUT/.cache: a rebuild redoes only the documents whose files changed
    # files of a translator's corrections (align/corrections.py) besides OUT/corrections.json
    corrections: tuple[Path, ...] = ()

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise UsageError(f"--engine is one of {', '.join(ENGINES)}, not {self.engine!r}")
        if self.jobs < 0:
            raise UsageError(f"--jobs must be 0 (every core) or more, not {self.jobs}")
        if not self.inputs:
            raise UsageError("no input given")
        for path in self.inputs + self.corrections:
            if not path.exists():
                raise UsageError(f"{path}: no such file or folder")
        # the exporters write where the build does, memory.tmx's srclang the pivot asked for
        if (self.export.out, self.export.pivot) != (self.out, self.align.wanted_pivot):
            object.__setattr__(
                self,
                "export",
                dataclasses.replace(self.export, out=self.out, pivot=self.align.wanted_pivot),
            )

    @classmethod
    def of(cls, inputs: Any, out: Any, **flags: Any) -> BuildOptions:
        """Options from flat keyword arguments (`pivot="en", min_score=0.2, jobs=4`), each given to the
        stage whose options have a field of that name; an unknown name is a UsageError."""
        stages = {"read": ReadOptions, "align": AlignOptions, "export": ExportOptions}
        own = {item.name for item in dataclasses.fields(cls)} - set(stages) - {"inputs", "out"}
        given: dict[str, dict[str, Any]] = {stage: {} for stage in stages}
        mine: dict[str, Any] = {}
        for name, value in flags.items():
            stage = next((stage for stage, kind in stages.items() if name in _chosen(kind)), None)
            if stage:
                given[stage][name] = tuple(value) if isinstance(value, list) else value
            elif name in own:
                mine[name] = tuple(map(Path, value)) if name == "corrections" else value
            else:
                raise UsageError(f"unknown build option {name!r}")
        paths = (inputs,) if isinstance(inputs, (str, Path)) else tuple(inputs)
        return cls(
            tuple(map(Path, paths)),
            Path(out),
            **{stage: kind(**given[stage]) for stage, kind in stages.items()},
            **mine,
        )

    def correction_files(self) -> tuple[Path, ...]:
        """The corrections the build applies: OUT/corrections.json (where `align review` saves them) if
        there is one, then the files given, in that order (a later correction wins)."""
        own = self.out / CORRECTIONS
        given = tuple(path for path in self.corrections if path.absolute() != own.absolute())
        return ((own,) if own.is_file() else ()) + given

    def signature(self) -> str:
        """How the outputs were made, in one line (written to the TMX header and the report)."""
        return "|".join(
            [
                f"align:{__version__}",
                f"pivot:{self.align.wanted_pivot}",
                *self.export.signature(),
                *self.alignment_signature(),
            ]
        )

    def alignment_signature(self) -> tuple[str, ...]:
        """How the documents are aligned: the segmentation rules and the aligner's own signature."""
        return f"srx:{RULES_NAME}", *aligner_class(self.align.aligner).signature(self.align)

    def record(self) -> dict[str, Any]:
        """The options as report.json records them: every stage's, then how the build ran."""
        record: dict[str, Any] = {
            "inputs": [str(path) for path in self.inputs],
            "out": str(self.out),
            "workdir": os.getcwd(),  # where relative paths were given from
        }
        record |= (
            dataclasses.asdict(self.read)
            | dataclasses.asdict(self.align)
            # the pivot used, and as asked for ("" = French, else PIVOT_FALLBACK's first)
            | {"pivot": self.align.wanted_pivot, "asked_pivot": self.align.pivot}
            | self.export.record()
        )
        record |= {
            item.name: getattr(self, item.name)
            for item in dataclasses.fields(self)
            if item.name not in ("inputs", "out", "read", "align", "export")
        }
        return {
            name: [str(item) if isinstance(item, Path) else item for item in value]
            if isinstance(value, tuple)
            else value
            for name, value in record.items()
        }

    @classmethod
    def again(cls, record: dict[str, Any], out: Path) -> BuildOptions:
        """The options of a build as `record` (report.json) holds them, to run it again into `out`
        (`align review` after a correction): relative paths are taken from the recorded `workdir`."""
        flags = {
            name: value
            for name, value in record.items()
            if name not in ("inputs", "out", "workdir", "asked_pivot")
        }
        flags["pivot"] = record.get("asked_pivot", flags.get("pivot", ""))
        workdir = Path(record.get("workdir") or ".")
        flags["corrections"] = tuple(workdir / path for path in flags.get("corrections", ()))
        named = flags.get("named", [])
        flags["named"] = [_from(workdir, item) for item in named]
        return cls.of([workdir / path for path in record["inputs"]], out, **flags)


def _from(workdir: Path, named: str) -> str:
    """A `FILE=LANG` given from `workdir`, with FILE as a path from there."""
    path, _, lang = named.rpartition("=")
    return f"{workdir / path}={lang}"


def _chosen(kind: type) -> set[str]:
    """The fields of a stage's options that a user chooses (not the ones a run sets)."""
    return {item.name for item in dataclasses.fields(kind) if not item.metadata.get("set_by_run")}
