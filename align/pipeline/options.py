"""BuildOptions: a build's inputs and output, how it runs, and each stage's own options.

Each stage owns its options and its part of the signature (ingest.ReadOptions, alignment.AlignOptions,
outputs.options.ExportOptions); the cache keys and report.json's record of the options are derived
from their fields, never listed by hand.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from align.alignment import AlignOptions, aligner_class
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

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise UsageError(f"--engine is one of {', '.join(ENGINES)}, not {self.engine!r}")
        if self.jobs < 0:
            raise UsageError(f"--jobs must be 0 (every core) or more, not {self.jobs}")
        if not self.inputs:
            raise UsageError("no input given")
        for path in self.inputs:
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
                mine[name] = value
            else:
                raise UsageError(f"unknown build option {name!r}")
        paths = (inputs,) if isinstance(inputs, (str, Path)) else tuple(inputs)
        return cls(
            tuple(map(Path, paths)),
            Path(out),
            **{stage: kind(**given[stage]) for stage, kind in stages.items()},
            **mine,
        )

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
        }
        record |= (
            dataclasses.asdict(self.read)
            | dataclasses.asdict(self.align)
            | {"pivot": self.align.wanted_pivot}
            | self.export.record()
        )
        record |= {
            item.name: getattr(self, item.name)
            for item in dataclasses.fields(self)
            if item.name not in ("inputs", "out", "read", "align", "export")
        }
        return {
            name: list(value) if isinstance(value, tuple) else value
            for name, value in record.items()
        }


def _chosen(kind: type) -> set[str]:
    """The fields of a stage's options that a user chooses (not the ones a run sets)."""
    return {item.name for item in dataclasses.fields(kind) if not item.metadata.get("set_by_run")}
