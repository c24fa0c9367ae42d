"""Moses line-aligned text: OUT/moses/<pivot>-<lang>.<pivot> and .<lang>, line k of both from one unit;
and the same tokenized (sacremoses, see tokenize.py) under OUT/moses/tok/."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from align.model import AlignedDocument, BuildResult
from align.outputs.pairs import PairFiles, by_pair
from align.streams import Recorder

if TYPE_CHECKING:
    from align.outputs.options import ExportOptions

# (pivot, lang) -> (pivot lines, lang lines), "\n"-ended, UTF-8
Lines = dict[tuple[str, str], tuple[bytes, bytes]]


class MosesExporter:
    """Appends each document's pairs to the pair's two files."""

    folder = "moses"

    def __init__(
        self,
        options: ExportOptions,
        langs: frozenset[str] = frozenset(),
        layout: Recorder | None = None,
    ) -> None:
        self.out = options.out
        self.files = PairFiles(options.out / self.folder, layout=layout)

    @staticmethod
    def render(document: AlignedDocument, options: ExportOptions) -> Lines:
        return pair_files(document, options, lambda _lang, text: text + "\n")

    def write(self, rendered: Lines) -> None:
        for (pivot, lang), (left, right) in rendered.items():
            pivot_file, lang_file = self.files.get(pivot, lang)
            pivot_file.write(left)
            lang_file.write(right)

    def abort(self) -> None:
        self.files.abort()

    def close(self, result: BuildResult) -> list[str]:
        return self.files.close(self.out)


class TokenizedExporter(MosesExporter):
    """Moses files normalised and tokenized per language; `Tokenizer.detokenize` gives the text back."""

    folder = "moses/tok"

    @staticmethod
    def render(document: AlignedDocument, options: ExportOptions) -> Lines:
        # sacremoses: slow to import, so in the workers only
        from align.outputs.tokenize import tokenizer

        # the pivot's lines recur in every pair: tokenize each once
        done: dict[tuple[str, str], str] = {}

        def tokenized(lang: str, text: str) -> str:
            if (lang, text) not in done:
                words = tokenizer(lang, options.escape)
                done[lang, text] = " ".join(words.tokenize(words.normalize(text)).split()) + "\n"
            return done[lang, text]

        return pair_files(document, options, tokenized)


def pair_files(
    document: AlignedDocument, options: ExportOptions, line: Callable[[str, str], str]
) -> Lines:
    """Each pair's two files' share of the document, a line made by `line(lang, text)` per side of each unit."""
    grouped = by_pair(
        document, options, lambda pair: (line(pair[1], pair[3]), line(pair[2], pair[4]))
    )
    return {
        key: (
            "".join(left for left, _ in sides).encode(),
            "".join(right for _, right in sides).encode(),
        )
        for key, sides in grouped.items()
    }
