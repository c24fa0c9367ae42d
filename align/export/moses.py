"""Moses line-aligned text: OUT/moses/<pivot>-<lang>.<pivot> and .<lang>, line k of both from one unit;
and the same tokenized (sacremoses, see tokenize.py) under OUT/moses/tok/."""

from __future__ import annotations

from typing import TYPE_CHECKING

from align.export.pairs import PairFiles, pair_lines
from align.export.tokenize import tokenizer
from align.model import AlignedDocument, BuildResult

if TYPE_CHECKING:
    from align.pipeline import BuildOptions


class MosesExporter:
    """Streams every unit that has both languages of a pair to that pair's two files."""

    def __init__(self, options: BuildOptions, langs: frozenset[str] = frozenset()) -> None:
        self.out = options.out
        self.files = PairFiles(options.out / "moses")

    def add(self, document: AlignedDocument) -> None:
        for _unit, pivot, lang, left, right in pair_lines(document):
            pivot_file, lang_file = self.files.get(pivot, lang)
            pivot_file.write(left + "\n")
            lang_file.write(right + "\n")

    def abort(self) -> None:
        self.files.abort()

    def close(self, result: BuildResult) -> list[str]:
        return self.files.close(self.out)


class TokenizedExporter:
    """Moses files normalised and tokenized per language; `Tokenizer.detokenize` gives the text back."""

    def __init__(self, options: BuildOptions, langs: frozenset[str] = frozenset()) -> None:
        self.out, self.escape = options.out, options.escape
        self.files = PairFiles(options.out / "moses" / "tok")

    def add(self, document: AlignedDocument) -> None:
        for _unit, pivot, lang, left, right in pair_lines(document):
            for handle, side, text in zip(self.files.get(pivot, lang), (pivot, lang), (left, right)):
                words = tokenizer(side, self.escape)
                handle.write(" ".join(words.tokenize(words.normalize(text)).split()) + "\n")

    def abort(self) -> None:
        self.files.abort()

    def close(self, result: BuildResult) -> list[str]:
        return self.files.close(self.out)
