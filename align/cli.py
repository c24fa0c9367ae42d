"""The `align` command: parse arguments, call the library, print, map errors to exit codes."""

from __future__ import annotations

import argparse
import datetime
import json
import logging
import os
import sys
from pathlib import Path

from tqdm import tqdm

from align import __version__
from align.errors import AlignError, UsageError
from align.export import EXPORTERS
from align.ingest import read_source
from align.pipeline import BuildOptions, build
from align.structure import parse


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="align", description="UN document language versions to TMX and parallel corpora.")
    parser.add_argument("--version", action="version", version=f"align {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what the library does")
    commands = parser.add_subparsers(dest="command", required=True)

    build_cmd = commands.add_parser("build", help="align documents and write the memory, corpora and report")
    build_cmd.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="files or folders")
    build_cmd.add_argument("-o", "--out", type=Path, required=True, help="output folder")
    build_cmd.add_argument("--pivot", default="fr", help="language the others are aligned to (default: fr)")
    build_cmd.add_argument("--langs", nargs="+", default=[], metavar="LANG", help="only these languages")
    build_cmd.add_argument("--no-sentences", dest="sentences", action="store_false", help="keep units whole")
    build_cmd.add_argument("--created", default=os.environ.get("SOURCE_DATE_EPOCH", ""),
                           help="TMX creation date, YYYYMMDDThhmmssZ or Unix seconds (default: $SOURCE_DATE_EPOCH, else now)")
    build_cmd.add_argument("--formats", nargs="+", default=[], choices=[name for name in EXPORTERS if name != "report"],
                           help="outputs to write (default: all; the report is always written)")

    inspect_cmd = commands.add_parser("inspect", help="show how one file is read and parsed")
    inspect_cmd.add_argument("file", type=Path)
    inspect_cmd.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def _created(value: str) -> str:
    """A --created value as a TMX date: Unix seconds (SOURCE_DATE_EPOCH) are converted."""
    if not value or not value.isdigit():
        if value and not _is_tmx_date(value):
            raise UsageError(f"--created: not a date like 20051222T000000Z: {value!r}")
        return value
    return datetime.datetime.fromtimestamp(int(value), datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _is_tmx_date(value: str) -> bool:
    try:
        datetime.datetime.strptime(value, "%Y%m%dT%H%M%SZ")
    except ValueError:
        return False
    return True


def _build(args: argparse.Namespace) -> int:
    options = BuildOptions(
        inputs=tuple(args.inputs), out=args.out, pivot=args.pivot.lower(), langs=tuple(lang.lower() for lang in args.langs),
        sentences=args.sentences, created=_created(args.created), formats=tuple(args.formats),
    )
    with tqdm(desc="aligning", unit="doc", disable=None, file=sys.stderr, leave=False) as bar:
        result = build(options, progress=lambda _symbol: bar.update(1))
    units = sum(len(document.units) for document in result.documents)
    print(
        f"{result.count('aligned')} aligned, {result.count('partial')} partial, {result.count('skipped')} skipped, "
        f"{result.count('ignored')} ignored input files; {len(result.documents)} documents, {units} units -> {options.out}"
    )
    for record in result.inputs:
        if record.outcome == "skipped":
            print(f"skipped {record.path}: {record.reason}", file=sys.stderr)
    return 0


def _inspect(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        raise UsageError(f"{args.file}: no such file")
    document = parse(read_source(args.file))
    if args.json:
        units = [{"id": unit.id, "kind": unit.kind, "text": unit.text} for unit in document.units]
        payload = {"symbol": document.symbol, "lang": document.lang, "meta": document.meta, "units": units}
        print(json.dumps(payload, ensure_ascii=False, indent=1))
        return 0
    print(f"{args.file}: {document.symbol} [{document.lang}]")
    for key, value in document.meta.items():
        print(f"  {key}: {value}")
    for unit in document.units:
        marks = f" [fn {' '.join(unit.footnotes)}]" if unit.footnotes else ""
        print(f"{unit.id:<12} {unit.kind:<12} {unit.text}{marks}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="align: %(levelname)s: %(message)s")
    try:
        return _build(args) if args.command == "build" else _inspect(args)
    except UsageError as error:
        print(f"align: error: {error}", file=sys.stderr)
        return 2
    except AlignError as error:
        print(f"align: error: {getattr(args, 'file', '')}: {error}", file=sys.stderr)
        return 1
