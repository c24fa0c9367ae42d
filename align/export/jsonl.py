"""OUT/jsonl/<pivot>-<lang>.jsonl: the Hugging Face `translation` layout, one pair per line:
{"translation": {"fr": "...", "en": "..."}}."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from align.export.pairs import PairFiles, pair_lines
from align.model import AlignedDocument, BuildResult

if TYPE_CHECKING:
    from align.pipeline import BuildOptions


class JsonlExporter:
    """Streams each pivot-language pair of each unit as one JSON line."""

    def __init__(self, options: BuildOptions, langs: frozenset[str] = frozenset()) -> None:
        self.out = options.out
        self.files = PairFiles(options.out / "jsonl", suffixes=(".jsonl",))

    def add(self, document: AlignedDocument) -> None:
        for _unit, pivot, lang, left, right in pair_lines(document):
            [handle] = self.files.get(pivot, lang)
            handle.write(json.dumps({"translation": {pivot: left, lang: right}}, ensure_ascii=False) + "\n")

    def abort(self) -> None:
        self.files.abort()

    def close(self, result: BuildResult) -> list[str]:
        return self.files.close(self.out)
