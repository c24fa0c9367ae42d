"""`align fetch`: the official language versions of UN documents, by symbol, into a folder `align build` reads.

Every symbol and language ends up on one line of DIR/fetch.json: where it was asked, what the server
answered, and the outcome (fetched, exists, not-published, not-found, failed, with why). A rerun asks
only for what is missing: a file already in DIR under its final name is whole (files are renamed into
place only when complete), and a "not published" or "not found" answered within `recheck_days` is
taken from fetch.json instead of asked again.
"""

from __future__ import annotations

import dataclasses
import datetime
import glob
import json
import os
import re
import urllib.parse
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from align.errors import InvalidFilename, UsageError
from align.files import atomic_path, remove_files, temporary_path
from align.langs import UN_LANGS, language, parse_lang
from align.sources import FORMATS, OUTCOMES
from align.sources.http import Answer, Client
from align.untext import check_symbol, symbol_slug

ODS_SERVER = "https://documents.un.org"  # the Official Document System
AKN_SERVER = "https://api.github.com"  # the UN's Akoma Ntoso archives (UNxml) on GitHub
REPORT = "fetch.json"
REPORT_VERSION = 1
# What a fetched file is, by its first bytes (never by the name the server gives it).
_KINDS = (
    (b"%PDF", ".pdf"),
    (b"PK\x03\x04", ".docx"),
    (b"\xd0\xcf\x11\xe0", ".doc"),
    (b"\xffWPC", ".wpd"),
    (b"<", ".xml"),
)
_SUFFIXES = frozenset(suffix for _magic, suffix in _KINDS)


@dataclass(frozen=True)
class FetchOptions:
    """What `align fetch` asks for, and how politely."""

    langs: tuple[str, ...] = UN_LANGS
    # pdf | doc (the Official Document System) | akn (the UN's Akoma Ntoso archive)
    format: str = "pdf"
    server: str = ""  # the server to ask instead of the UN's (a mirror, a test server)
    rate: float = 1.0  # requests a second at most
    max_bytes: int = 200 << 20  # a larger body is stopped and nothing is kept
    timeout: float = 30.0  # seconds without an answer before a try counts as failed
    # tries again after a 5xx, a 429, a timeout or a broken connection, with backoff
    retries: int = 3
    backoff: float = 1.0  # seconds, doubled at each retry (Retry-After when the server gives one)
    recheck_days: float = 7.0  # a "not published" or "not found" is asked again after this long
    refresh: bool = False  # ask again for everything not in DIR, whatever fetch.json says

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise UsageError(f"--format is one of {', '.join(FORMATS)}, not {self.format!r}")
        try:
            object.__setattr__(self, "langs", tuple(parse_lang(lang) for lang in self.langs))
        except ValueError as error:
            raise UsageError(str(error)) from None
        if self.server and urllib.parse.urlsplit(self.server).scheme not in ("http", "https"):
            raise UsageError(
                f"--server must be an http:// or https:// address, not {self.server!r}"
            )
        if self.rate < 0 or self.max_bytes < 1 or self.timeout <= 0 or self.retries < 0:
            raise UsageError("--rate, --max-bytes, --timeout and --retries take positive numbers")


@dataclass
class Entry:
    """One symbol in one language: a line of fetch.json."""

    symbol: str
    lang: str
    outcome: str
    reason: str = ""
    url: str = ""
    status: int = 0
    bytes: int = 0
    sha256: str = ""
    file: str = ""
    date: str = ""


@dataclass
class FetchResult:
    entries: list[Entry] = field(default_factory=list)
    requests: int = 0

    def count(self, outcome: str) -> int:
        return sum(entry.outcome == outcome for entry in self.entries)


def fetch(
    symbols: Iterable[str],
    folder: Path,
    options: FetchOptions = FetchOptions(),
    progress: Callable[[Entry], None] | None = None,
) -> FetchResult:
    """Fetch every language version of every symbol into `folder` (see the module's docstring)."""
    try:
        wanted = [check_symbol(symbol.strip()) for symbol in symbols]
    except InvalidFilename as error:
        raise UsageError(f"{error} (a UN symbol is letters, digits and / . ( ) - +)") from None
    folder.mkdir(parents=True, exist_ok=True)
    _remove_partial(folder)
    previous = _read_report(folder)
    source = _Source(options)
    result = FetchResult()
    try:
        for symbol in wanted:
            for lang in options.langs:
                entry = _one(symbol, lang, folder, previous.get((symbol, lang)), source, options)
                result.entries.append(entry)
                previous[symbol, lang] = entry
                if progress:
                    progress(entry)
    finally:
        result.requests = source.client.requests
        source.client.close()
        _write_report(folder, previous, options)
    return result


def _one(
    symbol: str,
    lang: str,
    folder: Path,
    before: Entry | None,
    source: _Source,
    options: FetchOptions,
) -> Entry:
    stem = f"{symbol_slug(symbol)}-{lang.upper()}"
    present = [
        path
        for path in folder.glob(f"{glob.escape(stem)}.*")
        if path.suffix in _SUFFIXES and path.stem == stem
    ]
    if present:
        return Entry(
            symbol,
            lang,
            "exists",
            f"{present[0].name} is already here",
            file=present[0].name,
            date=before.date if before else _today(),
        )
    if (
        before
        and before.outcome in ("not-published", "not-found")
        and not options.refresh
        and _recent(before.date, options.recheck_days)
    ):
        return dataclasses.replace(
            before,
            reason=f"{before.reason} (as answered on {before.date}; --refresh to ask again)"
            if "as answered on" not in before.reason
            else before.reason,
        )
    part = temporary_path(folder / stem)
    answer, reason = source.get(symbol, lang, part)
    entry = Entry(symbol, lang, "failed", reason, answer.url, answer.status, date=_today())
    if reason or answer.error:
        entry.reason = reason or answer.error
        entry.outcome = "not-found" if answer.status == 404 and not answer.error else entry.outcome
        return entry
    if answer.status == 404:
        entry.outcome, entry.reason = "not-found", f"the server has no {symbol} in {lang} (404)"
        return entry
    if answer.status != 200:
        entry.reason = f"the server answered {answer.status}"
        return entry
    assert answer.path is not None
    if not answer.size:
        answer.path.unlink(missing_ok=True)
        entry.outcome, entry.reason = (
            "not-published",
            f"{symbol} is not published in {lang} yet (an empty answer)",
        )
        return entry
    suffix = _kind(answer)
    if not suffix or (suffix == ".xml") != (options.format == "akn"):
        answer.path.unlink(missing_ok=True)
        entry.reason = f"not a {options.format.upper()} file: it starts with {answer.head[:8]!r}"
        return entry
    target = folder / f"{stem}{suffix}"
    os.replace(answer.path, target)
    entry.outcome, entry.bytes, entry.sha256, entry.file = (
        "fetched",
        answer.size,
        answer.sha256,
        target.name,
    )
    return entry


class _Source:
    """Where each language version is asked for: the Official Document System, or the Akoma Ntoso archive."""

    def __init__(self, options: FetchOptions) -> None:
        self.options = options
        default = AKN_SERVER if options.format == "akn" else ODS_SERVER
        self.server = (options.server or default).rstrip("/")
        host = urllib.parse.urlsplit(self.server).hostname or ""
        allowed = {host}
        if (
            not options.server
        ):  # the UN's servers redirect to their own hosts; GitHub's listing to its raw files
            allowed |= {".un.org"} if options.format != "akn" else {"raw.githubusercontent.com"}
        self.client = Client(
            allowed,
            options.rate,
            options.timeout,
            options.retries,
            options.backoff,
            options.max_bytes,
        )
        self.listings: dict[str, dict[str, str]] = {}

    def get(self, symbol: str, lang: str, part: Path) -> tuple[Answer, str]:
        """The server's answer for one version, and why there is none to ask for ("" if there is)."""
        if self.options.format == "akn":
            return self._akn(symbol, lang, part)
        record = language(lang)
        # ISO codes are reported to work beyond the six
        letter = record.un_letter if lang in UN_LANGS else lang
        base = f"{self.server}/api/symbol/access?l={letter}&t={self.options.format}&s="
        answer = self.client.get(base + urllib.parse.quote(symbol, safe=""), part)
        if (
            answer.status == 404 and not answer.error
        ):  # clients disagree on whether "/" is sent as %2F: the other way
            answer = self.client.get(base + urllib.parse.quote(symbol, safe="/"), part)
        return answer, ""

    def _akn(self, symbol: str, lang: str, part: Path) -> tuple[Answer, str]:
        match = re.fullmatch(r"A/RES/(\d+)/(\d+[A-Z]?(?:-[A-Z])?)", symbol)
        if not match:
            return (
                Answer("", 0),
                f"no Akoma Ntoso archive is known for {symbol}: only General Assembly resolutions (A/RES/...)",
            )
        record = language(lang)
        if not record.un_letter:
            return Answer("", 0), f"the Akoma Ntoso archive has no {lang} versions"
        folder = f"{match[1]}session/{record.name}"
        listing_url = f"{self.server}/repos/UNxml/GAresolutions/contents/{folder}"
        if folder not in self.listings:
            answer, value = self.client.get_json(listing_url, part)
            if answer.error or answer.status != 200 or not isinstance(value, list):
                if answer.status == 404 and not answer.error:
                    self.listings[folder] = {}
                else:
                    return (
                        answer,
                        answer.error
                        or f"the archive's listing of {folder}: answer {answer.status}",
                    )
            else:
                self.listings[folder] = {
                    item["name"]: item["download_url"]
                    for item in value
                    if isinstance(item, dict)
                    and isinstance(item.get("name"), str)
                    and isinstance(item.get("download_url"), str)
                }
        name = re.compile(
            rf"{re.escape(symbol_slug(symbol))}(?:[-_]\d{{7}})?-?{record.un_letter}\.xml"
        )
        found = sorted(
            url for file_name, url in self.listings[folder].items() if name.fullmatch(file_name)
        )
        if not found:
            return Answer(listing_url, 404), ""
        return self.client.get(found[0], part), ""


def _kind(answer: Answer) -> str:
    """The suffix of what was fetched, by its content: a Word file is a zip holding word/document.xml."""
    suffix = next((suffix for magic, suffix in _KINDS if answer.head.startswith(magic)), "")
    if suffix == ".docx" and answer.path is not None:
        try:
            with zipfile.ZipFile(answer.path) as archive:
                return suffix if "word/document.xml" in archive.namelist() else ""
        except (zipfile.BadZipFile, OSError):
            return ""
    if suffix == ".xml" and answer.path is not None:
        with open(answer.path, "rb") as file:
            return suffix if b"akomaNtoso" in file.read(4096) else ""
    return suffix


def _today() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _recent(date: str, days: float) -> bool:
    try:
        then = datetime.datetime.strptime(date, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)
    except ValueError:
        return False
    return datetime.datetime.now(datetime.UTC) - then < datetime.timedelta(days=days)


def _remove_partial(folder: Path) -> None:
    """The temporary files a killed fetch left (".STEM.part"), by exact name; never a link."""
    remove_files(folder, re.compile(r"\.[A-Za-z0-9_.()+\-]+-[A-Z]{2}\.part").fullmatch)


def _read_report(folder: Path) -> dict[tuple[str, str], Entry]:
    """The entries of an earlier fetch into `folder` (none if it has no readable fetch.json)."""
    try:
        data = json.loads((folder / REPORT).read_text(encoding="utf-8"))
        fields = {item.name for item in dataclasses.fields(Entry)}
        entries = [
            Entry(**{key: value for key, value in item.items() if key in fields})
            for item in data["entries"]
        ]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return {(entry.symbol, entry.lang): entry for entry in entries if entry.outcome in OUTCOMES}


def _write_report(
    folder: Path, entries: dict[tuple[str, str], Entry], options: FetchOptions
) -> None:
    report = {
        "report_version": REPORT_VERSION,
        "format": options.format,
        "server": options.server or "",
        "entries": [dataclasses.asdict(entry) for entry in entries.values()],
    }
    with atomic_path(folder / REPORT) as path:
        with open(path, "w", encoding="utf-8") as file:
            json.dump(report, file, ensure_ascii=False, indent=1)
            file.write("\n")
