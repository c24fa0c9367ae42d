"""ingest: files to Sources. The only stage that reads files; one module per format in READERS."""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from align.errors import InvalidFilename, UnreadableInput, UsageError
from align.ingest.decode import decode
from align.ingest.detect import detect_lang, detect_symbol, wrong_script
from align.ingest.naming import parse_filename
from align.langs import parse_lang
from align.model import Source
from align.untext import check_symbol

if TYPE_CHECKING:
    from align.ingest.akn import Reading

# File extension -> reader module (imported when first needed). A module has `read(text) -> blocks`
# (`read(data)` with BINARY); a format that states its document's identity gives a Reading instead.
READERS: dict[str, str] = {
    ".xml": "align.ingest.akn",
    ".md": "align.ingest.markdown",
    ".markdown": "align.ingest.markdown",
    ".txt": "align.ingest.text",
    ".html": "align.ingest.html",
    ".htm": "align.ingest.html",
    ".pdf": "align.ingest.pdf",
    ".docx": "align.ingest.docx",
}
# Formats UN documents come in that this version cannot read yet: reported as skipped, not ignored.
UNSUPPORTED_DOCUMENTS = frozenset({".doc", ".odt", ".rtf", ".wpf"})
# Files that travel with corpora but are not documents: README, LICENSE, ... are ignored.
_NOT_DOCUMENTS = frozenset({"readme", "license", "licence", "copying", "notice", "changelog", "authors"})
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class ReadOptions:
    """Which language versions a build reads."""

    langs: tuple[str, ...] = ()  # only these languages; empty = every language found

    def __post_init__(self) -> None:
        try:
            for lang in self.langs:
                parse_lang(lang)
        except ValueError as error:
            raise UsageError(str(error)) from None

    def wanted(self, lang: str) -> bool:
        return not self.langs or lang in self.langs


def kind_of(name: str) -> str:
    """How a file found under an input folder is treated, by its name: 'document', 'unsupported' or 'ignored'."""
    stem, suffix = os.path.splitext(name)
    suffix = suffix.lower()
    if name.startswith(".") or stem.lower() in _NOT_DOCUMENTS:
        return "ignored"
    if suffix in READERS:
        return "document"
    return "unsupported" if suffix in UNSUPPORTED_DOCUMENTS else "ignored"


def read_source(path: Path) -> Source:
    """Read one document file; raise UnreadableInput or InvalidFilename with a one-line reason."""
    reader = importlib.import_module(READERS[path.suffix.lower()])
    fmt = reader.__name__.rsplit(".", 1)[-1]
    named = parse_filename(path.stem)
    data = _read(path)
    if getattr(reader, "BINARY", False):  # PDF, Word, AKN: the reader decodes
        blocks = reader.read(data)
    else:
        text, _encoding = decode(data)
        blocks = reader.read(text)
    if not isinstance(blocks, list):  # AKN: the markup states symbol and language
        return _stated(path, named, blocks, fmt)
    if not any(block.text for block in blocks):
        raise UnreadableInput("no text in file")
    text = " ".join(block.text for block in blocks)
    if named:
        symbol, lang = named
        found = wrong_script(text, lang)
        if found:
            raise UnreadableInput(f"file name says {lang!r} but the text is in {found!r}")
        return Source(path, lang, symbol, tuple(blocks), format=fmt)
    found = detect_lang(text)
    if not found:
        raise UnreadableInput("language not recognised from the file name or the text")
    symbol = detect_symbol(blocks)
    if not symbol:
        raise UnreadableInput("no document symbol in the file name (ODS convention) or the text")
    try:
        return Source(path, found, check_symbol(symbol), tuple(blocks), format=fmt)
    except InvalidFilename as error:
        raise UnreadableInput(str(error)) from None


def _stated(path: Path, named: tuple[str, str] | None, reading: Reading, fmt: str) -> Source:
    """The Source of a file whose content states its symbol and language, which its name may not contradict."""
    if not any(block.text for block in reading.blocks):
        raise UnreadableInput("no text in file")
    if named and named != (reading.symbol, reading.lang):
        raise UnreadableInput(f"file name says {named[0]} in {named[1]!r} but the document states {reading.symbol} in {reading.lang!r}")
    try:
        symbol = check_symbol(reading.symbol)
    except InvalidFilename as error:
        raise UnreadableInput(str(error)) from None
    return Source(path, reading.lang, symbol, tuple(reading.blocks), format=fmt, repairs=reading.repairs)


def _read(path: Path) -> bytes:
    """The file's bytes; a file too large, gone since it was listed, or refused by the system is unreadable."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UnreadableInput(f"file too large ({size // 1_048_576} MiB, limit {MAX_BYTES // 1_048_576} MiB)")
        return path.read_bytes()
    except OSError as error:
        raise UnreadableInput(f"cannot be read: {error.strerror or error}") from None
