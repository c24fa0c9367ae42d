"""OUT/jsonl/<pivot>-<lang>.jsonl: the Hugging Face `translation` layout, one pair per line:
{"translation": {"fr": "...", "en": "..."}}."""

from __future__ import annotations

from typing import TYPE_CHECKING

from align.json_text import json_text
from align.model import AlignedDocument, BuildResult
from align.outputs.pairs import PairFiles, PairLine, by_pair
from align.streams import Recorder

if TYPE_CHECKING:
    from align.outputs.options import ExportOptions


class JsonlExporter:
    """Appends each pivot-language pair of each unit as one JSON line."""

    def __init__(
        self,
        options: ExportOptions,
        langs: frozenset[str] = frozenset(),
        layout: Recorder | None = None,
    ) -> None:
        self.out = options.out
        self.files = PairFiles(options.out / "jsonl", suffixes=(".jsonl",), layout=layout)

    @staticmethod
    def render(document: AlignedDocument, options: ExportOptions) -> dict[tuple[str, str], bytes]:
        def line(pair: PairLine) -> str:
            _unit, pivot, lang, left, right = pair
            return json_text({"translation": {pivot: left, lang: right}}) + "\n"

        return {
            key: "".join(lines).encode() for key, lines in by_pair(document, options, line).items()
        }

    def write(self, rendered: dict[tuple[str, str], bytes]) -> None:
        for (pivot, lang), text in rendered.items():
            [handle] = self.files.get(pivot, lang)
            handle.write(text)

    def abort(self) -> None:
        self.files.abort()

    def close(self, result: BuildResult) -> list[str]:
        return self.files.close(self.out)
