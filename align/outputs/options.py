"""How the outputs are written (ExportOptions), and the one decision of what goes into them (keep).

Alignment scores units; export decides which to write. So an export option never reaches the aligner,
and changing one (`--min-score`, `--profile`, `--formats`) renders the outputs again from the cached
alignment instead of aligning again (align/pipeline/cache.py keys the two apart).
"""

from __future__ import annotations

import dataclasses
import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from align.errors import UsageError
from align.langs import DEFAULT_PIVOT
from align.model import LOW_SCORE, AlignedUnit
from align.outputs import EXPORTERS
from align.outputs.profiles import PROFILES, parse_codes

# Field metadata: set by whoever runs the exporters (a build, or `align export`), not chosen by a user,
# so not in report.json's record of the options; or not part of what the outputs are (where they go,
# today's date), so not in the signature that keys the cache.
SET_BY_RUN = {"set_by_run": True}
UNSIGNED = {"set_by_run": True, "unsigned": True}

# Under this score (fewer than nine chances in ten of being right) the review page draws a translator's
# eye to a unit, whatever --min-score keeps.
DOUBTFUL = 0.9

# the outputs a user may choose (the report always)
FORMATS = tuple(name for name in EXPORTERS if name != "report")


@dataclass(frozen=True)
class ExportOptions:
    """Everything the exporters' outputs depend on; the CLI's export flags map onto the first fields."""

    formats: tuple[str, ...] = ()  # exporters to run; empty = all
    profile: str = "generic"  # CAT tool the TMX files are written for (outputs/profiles.py)
    # LANG=CODE overrides of the codes written in TMX, e.g. zh=zh-CN
    lang_codes: tuple[str, ...] = ()
    min_score: float = 0.0  # units scored lower stay out of TMX and corpora, flagged low-score in tables and report
    # footnote references in TMX: ph (a <ph type="fnote"> placeholder) or remove
    footnote_refs: str = "ph"
    # escape XML special characters in tokenized files, as Moses' tokenizer.perl does
    escape: bool = False
    created: str = ""  # TMX creationdate, YYYYMMDDThhmmssZ; empty = `now`
    out: Path = field(default=Path("."), metadata=UNSIGNED)  # where the files go
    # the run's start time, the date of units it renders unpinned
    now: str = field(default="", metadata=UNSIGNED)
    # the pivot asked for: memory.tmx's srclang
    pivot: str = field(default=DEFAULT_PIVOT, metadata=SET_BY_RUN)
    # the tables' language columns: every language found
    columns: tuple[str, ...] = field(default=(), metadata=SET_BY_RUN)
    # the build's signature, in TMX headers and the report (derived from keyed options)
    made_by: str = field(default="", metadata=UNSIGNED)

    def __post_init__(self) -> None:
        if self.footnote_refs not in ("ph", "remove"):
            raise UsageError(f"--footnote-refs is ph or remove, not {self.footnote_refs!r}")
        if (
            not 0 <= self.min_score <= 1
        ):  # a score is a probability: outside [0, 1] it keeps all or nothing
            raise UsageError(f"--min-score is a score between 0 and 1, not {self.min_score:g}")
        if self.profile not in PROFILES:
            raise UsageError(f"unknown profile {self.profile!r} (one of {', '.join(PROFILES)})")
        unknown = [name for name in self.formats if name not in FORMATS]
        if unknown:
            raise UsageError(f"unknown format {unknown[0]!r} (one of {', '.join(FORMATS)})")
        try:
            parse_codes(self.lang_codes)
        except ValueError as error:
            raise UsageError(str(error)) from None

    @property
    def date(self) -> str:
        """The TMX creationdate of what is rendered now: the pinned one, else the run's start time."""
        return self.created or self.now

    def tmx_codes(self) -> dict[str, str]:
        """Language code written in TMX for each language: the profile's, overridden by --lang-codes."""
        return PROFILES[self.profile].codes | parse_codes(self.lang_codes)

    def signature(self) -> tuple[str, ...]:
        """The export part of the build's one-line signature (TMX header, report)."""
        return (
            f"profile:{self.profile}",
            f"fnrefs:{self.footnote_refs}",
            f"min-score:{self.min_score:g}",
        )

    def key(self) -> str:
        """Everything the rendered outputs depend on, as one string: the cache's export key."""
        return json.dumps(
            {name: value for name, value in _fields(self, "unsigned")}, default=str, sort_keys=True
        )

    def record(self) -> dict[str, Any]:
        """The user's choices, for report.json."""
        return dict(_fields(self, "set_by_run"))


def _fields(options: Any, leave_out: str) -> list[tuple[str, Any]]:
    return [
        (item.name, getattr(options, item.name))
        for item in dataclasses.fields(options)
        if not item.metadata.get(leave_out)
    ]


def now() -> str:
    """The current time as a TMX date (ISO 8601 basic, UTC)."""
    return datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def low(score: Any, min_score: float) -> Any:
    """Whether a score is under --min-score: for one unit, or a table's column at once (pandas)."""
    return score < min_score


def flags(unit: AlignedUnit, options: ExportOptions) -> tuple[str, ...]:
    """A unit's flags as the outputs show them: the aligner's, and low-score where --min-score keeps it out."""
    if len(unit.texts) > 1 and LOW_SCORE not in unit.flags and low(unit.score, options.min_score):
        return (*unit.flags, LOW_SCORE)
    return unit.flags


def keep(unit: AlignedUnit, options: ExportOptions) -> bool:
    """Whether a unit goes to the memory and the corpora: found in two languages or more, and not scored
    under --min-score (now, or by the build whose tables it was read from)."""
    return len(unit.langs) >= 2 and LOW_SCORE not in flags(unit, options)


def fits(unit: AlignedUnit, options: ExportOptions) -> bool:
    """Whether the profile's CAT tool takes a unit's segments (Trados rejects those over 2,000 characters)."""
    limit = PROFILES[options.profile].max_chars
    return not limit or max(map(len, unit.texts.values())) <= limit
