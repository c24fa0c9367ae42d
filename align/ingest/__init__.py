"""ingest: files to Sources. The only stage that reads files; one module per format in READERS."""

from __future__ import annotations

import dataclasses
import importlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from align.errors import InvalidFilename, UnreadableInput, UsageError
from align.ingest.decode import decode
from align.ingest.detect import detect_lang, detect_symbol, wrong_language
from align.ingest.naming import name_of, parse_filename
from align.langs import parse_lang
from align.model import Source
from align.untext import check_symbol, parts_of

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
_NOT_DOCUMENTS = frozenset(
    {"readme", "license", "licence", "copying", "notice", "changelog", "authors"}
)
MAX_BYTES = 50 * 1024 * 1024
# formats whose readers give a Reading: symbol and language from the content
_STATES_IDENTITY = frozenset({".xml"})


@dataclass(frozen=True)
class ReadOptions:
    """Which language versions a build reads."""

    langs: tuple[str, ...] = ()  # only these languages; empty = every language found
    # FILE=LANG: the language of a file, whatever its name says (--lang)
    named: tuple[str, ...] = ()
    # every input is a version of this one document, whatever the names say (--symbol)
    symbol: str = ""

    def __post_init__(self) -> None:
        try:
            for lang in self.langs:
                parse_lang(lang)
            for item in self.named:
                path, _, lang = item.rpartition("=")
                if not path or not os.path.isfile(path):
                    raise ValueError(f"--lang takes FILE=LANG with an existing file, not {item!r}")
                parse_lang(lang)
            if self.symbol:
                check_symbol(self.symbol)
        except (ValueError, InvalidFilename) as error:
            raise UsageError(str(error)) from None

    def wanted(self, lang: str) -> bool:
        return not self.langs or lang in self.langs

    def lang_of(self, path: str) -> str:
        """The language --lang gives `path` ("" if none)."""
        real = os.path.abspath(path)
        return next(
            (
                parse_lang(lang)
                for file, _, lang in (item.rpartition("=") for item in self.named)
                if os.path.abspath(file) == real
            ),
            "",
        )


def identity_from_name(path: str, lang: str = "") -> tuple[str, str] | None:
    """(symbol, lang) of a file from its name (`lang`: as the user gave it). A format whose content states its
    document and language (Akoma Ntoso) is named by the UN's conventions only: a folder called English
    says less than the file's own metadata."""
    if os.path.splitext(path)[1].lower() in _STATES_IDENTITY:
        return parse_filename(os.path.splitext(os.path.basename(path))[0])
    return name_of(path, lang)


def kind_of(name: str) -> str:
    """How a file found under an input folder is treated, by its name: 'document', 'unsupported' or 'ignored'."""
    stem, suffix = os.path.splitext(name)
    suffix = suffix.lower()
    if name.startswith(".") or stem.lower() in _NOT_DOCUMENTS:
        return "ignored"
    if suffix in READERS:
        return "document"
    return "unsupported" if suffix in UNSUPPORTED_DOCUMENTS else "ignored"


def read_source(path: Path, lang: str = "", symbol: str = "") -> Source:
    """Read one document file (`lang`, `symbol`: its language and document, as the user gave them); raise
    UnreadableInput or InvalidFilename with a one-line reason."""
    source = _source(path, lang)
    return dataclasses.replace(source, symbol=symbol) if symbol else source


def _source(path: Path, lang: str) -> Source:
    reader = importlib.import_module(READERS[path.suffix.lower()])
    fmt = reader.__name__.rsplit(".", 1)[-1]
    data = _read(path)
    if getattr(reader, "BINARY", False):  # PDF, Word, AKN: the reader decodes
        blocks = reader.read(data)
    else:
        text, _encoding = decode(data)
        blocks = reader.read(text)
    if not isinstance(
        blocks, list
    ):  # AKN: the markup states symbol and language, which only a UN name may contradict
        return _stated(path, parse_filename(path.stem), blocks, fmt)
    from_name = identity_from_name(str(path), lang)
    if not any(block.text for block in blocks):
        raise UnreadableInput("no text in file")
    text = " ".join(block.text for block in blocks)
    if from_name:
        symbol, lang = from_name
        found = wrong_language(text, lang)
        if found:
            raise UnreadableInput(
                f"file name says {lang!r} but the text is in {found!r} (--lang FILE={found} if it is)"
            )
        return Source(path, lang, symbol, tuple(blocks), format=fmt)
    found = detect_lang(text)
    if not found:
        raise UnreadableInput("language not recognised from the file name or the text")
    symbol = detect_symbol(blocks)
    if not symbol:
        raise UnreadableInput(
            "no document symbol in the file name or the text (name it guide.en.txt, or give --symbol)"
        )
    try:
        return Source(path, found, check_symbol(symbol), tuple(blocks), format=fmt)
    except InvalidFilename as error:
        raise UnreadableInput(str(error)) from None


def _stated(path: Path, named: tuple[str, str] | None, reading: Reading, fmt: str) -> Source:
    """The Source of a file whose content states its symbol and language, which its name may not contradict.
    A name without parts names the resolution whose parts the file holds (A_RES_79_93 for A/RES/79/93 A-B)."""
    if not any(block.text for block in reading.blocks):
        raise UnreadableInput("no text in file")
    if named and named not in {
        (reading.symbol, reading.lang),
        (parts_of(reading.symbol)[0], reading.lang),
    }:
        raise UnreadableInput(
            f"file name says {named[0]} in {named[1]!r} but the document states {reading.symbol} in {reading.lang!r}"
        )
    try:
        symbol = check_symbol(reading.symbol)
    except InvalidFilename as error:
        raise UnreadableInput(str(error)) from None
    return Source(
        path, reading.lang, symbol, tuple(reading.blocks), format=fmt, repairs=reading.repairs
    )


def _read(path: Path) -> bytes:
    """The file's bytes; a file too large, gone since it was listed, or refused by the system is unreadable."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UnreadableInput(
                f"file too large ({size // 1_048_576} MiB, limit {MAX_BYTES // 1_048_576} MiB)"
            )
        return path.read_bytes()
    except OSError as error:
        raise UnreadableInput(f"cannot be read: {error.strerror or error}") from None
