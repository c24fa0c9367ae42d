"""The `align` command: parse arguments, call the library, print, map errors to exit codes."""

from __future__ import annotations

import argparse
import datetime
import json
import logging
import math
import os
import sys
import tempfile
from pathlib import Path

from tqdm import tqdm

import align
from align.alignment import ALIGNERS
from align.errors import AlignError, UsageError
from align.langs import DEFAULT_PIVOT, UN_LANGS
from align.outputs import REEXPORTABLE
from align.outputs.options import FORMATS
from align.outputs.profiles import PROFILES
from align.pipeline.options import ENGINES
from align.sources import FORMATS as FETCH_FORMATS
from align.sources import OUTCOMES as FETCH_OUTCOMES
from align.tools.spm import MAX_LINES, MODEL_TYPES, SpmOptions, train
from align.version import __version__


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="align", description="UN document language versions to TMX and parallel corpora."
    )
    parser.add_argument("--version", action="version", version=f"align {__version__}")
    loudness = parser.add_mutually_exclusive_group()
    loudness.add_argument(
        "-v", "--verbose", action="store_true", help="log what the library does, with tracebacks"
    )
    loudness.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="errors only: no progress, no line per skipped file",
    )
    # the same flags after the command (`align build -v ...`), where they leave the ones before it alone
    # (no exclusive group here: argparse's usage wrapping fails on one)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    common.add_argument(
        "-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    # how TMX files are written: the same flags for `build` and `export`
    tmx = argparse.ArgumentParser(add_help=False)
    tmx.add_argument(
        "--profile",
        choices=list(PROFILES),
        default="generic",
        help="CAT tool the TMX files are for",
    )
    tmx.add_argument(
        "--lang-codes",
        nargs="+",
        default=[],
        metavar="LANG=CODE",
        help="TMX language codes, e.g. zh=zh-CN",
    )
    tmx.add_argument(
        "--created",
        default=os.environ.get("SOURCE_DATE_EPOCH", ""),
        help="TMX creation date, YYYYMMDDThhmmssZ or Unix seconds (default: $SOURCE_DATE_EPOCH, else now)",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    build_cmd = commands.add_parser(
        "build",
        parents=[common, tmx],
        help="align documents and write the memory, corpora and report",
    )
    build_cmd.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="files or folders")
    build_cmd.add_argument("-o", "--out", type=Path, required=True, help="output folder")
    build_cmd.add_argument(
        "--pivot",
        default="",
        help=f"language the others are aligned to, which some input must be in (default: {DEFAULT_PIVOT}, else the first of fr en es ru ar zh a document has)",
    )
    build_cmd.add_argument(
        "--langs", nargs="+", default=[], metavar="LANG", help="only these languages"
    )
    build_cmd.add_argument(
        "--lang",
        dest="named",
        action="append",
        default=[],
        metavar="FILE=LANG",
        help="the language of a file whatever its name says (repeat for each file)",
    )
    build_cmd.add_argument(
        "--symbol",
        default="",
        help="every input is a version of this one document, whatever the names say",
    )
    build_cmd.add_argument(
        "--no-sentences", dest="sentences", action="store_false", help="keep units whole"
    )
    build_cmd.add_argument(
        "--aligner",
        choices=list(ALIGNERS),
        default="numbers",
        help="how units are paired (default: numbers)",
    )
    build_cmd.add_argument(
        "--formats",
        nargs="+",
        default=[],
        choices=FORMATS,
        help="outputs to write (default: all; the report is always written)",
    )
    build_cmd.add_argument(
        "--min-score",
        type=float,
        default=0.0,
        help="keep units scored lower out of TMX and corpora (they stay in the tables and report)",
    )
    build_cmd.add_argument(
        "--footnote-refs",
        choices=["ph", "remove"],
        default="ph",
        help="footnote references in TMX: <ph> placeholders (default) or removed",
    )
    build_cmd.add_argument(
        "--strict", action="store_true", help="exit 1 if any input file was skipped"
    )
    build_cmd.add_argument(
        "--jobs", type=int, default=0, help="worker processes (default: every core)"
    )
    build_cmd.add_argument(
        "--engine", choices=ENGINES, default="local", help="local process pool, or a Dask cluster"
    )
    build_cmd.add_argument(
        "--scheduler", default="", help="Dask scheduler address (default: start a local cluster)"
    )
    build_cmd.add_argument(
        "--no-cache", dest="cache", action="store_false", help="align everything again"
    )
    build_cmd.add_argument(
        "--corrections",
        action="append",
        type=Path,
        default=[],
        metavar="FILE",
        help="apply a translator's corrections from FILE too (repeat for more; OUT/corrections.json,"
        " where `align review` saves them, is always applied)",
    )
    build_cmd.add_argument(
        "--escape",
        action="store_true",
        help="escape XML characters in tokenized files (Moses style)",
    )

    fetch_cmd = commands.add_parser(
        "fetch", parents=[common], help="get every language version of UN documents by symbol"
    )
    fetch_cmd.add_argument("symbols", nargs="+", metavar="SYMBOL", help="e.g. A/RES/60/212")
    fetch_cmd.add_argument(
        "-o",
        "--out",
        type=Path,
        required=True,
        help="the folder to fetch into (then: align build DIR)",
    )
    fetch_cmd.add_argument(
        "--langs",
        nargs="+",
        default=list(UN_LANGS),
        metavar="LANG",
        help="languages (default: the six)",
    )
    fetch_cmd.add_argument(
        "--format",
        choices=FETCH_FORMATS,
        default="pdf",
        help="pdf or doc from the Official Document System, or akn: the UN's Akoma Ntoso XML (GA resolutions)",
    )
    fetch_cmd.add_argument(
        "--server", default="", help="ask this server instead of the UN's (a mirror)"
    )
    fetch_cmd.add_argument(
        "--rate", type=float, default=1.0, help="requests a second at most (default: 1)"
    )
    fetch_cmd.add_argument(
        "--max-bytes",
        type=int,
        default=200 << 20,
        help="stop a download past this size (default: 200 MiB)",
    )
    fetch_cmd.add_argument(
        "--timeout", type=float, default=30.0, help="seconds to wait for an answer (default: 30)"
    )
    fetch_cmd.add_argument(
        "--retries", type=int, default=3, help="tries again after a 5xx or a timeout (default: 3)"
    )
    fetch_cmd.add_argument(
        "--refresh",
        action="store_true",
        help="ask again for what fetch.json says is not published or not found",
    )

    spm_cmd = commands.add_parser(
        "spm",
        parents=[common],
        help="train a joint SentencePiece model on a built corpus and encode it",
    )
    spm_cmd.add_argument("out", type=Path, metavar="OUT", help="the output folder of `align build`")
    spm_cmd.add_argument("--vocab-size", type=int, default=8000)
    spm_cmd.add_argument("--model-type", choices=MODEL_TYPES, default="unigram")
    spm_cmd.add_argument(
        "--langs", nargs="+", default=[], metavar="LANG", help="only these languages"
    )
    spm_cmd.add_argument("--name", default="spm", help="model file name: OUT/spm/NAME.model")
    spm_cmd.add_argument(
        "--max-lines",
        type=int,
        default=MAX_LINES,
        metavar="N",
        help=f"distinct lines per language at most, a uniform sample of more (default: {MAX_LINES:,})",
    )

    export_cmd = commands.add_parser(
        "export",
        parents=[common, tmx],
        help="write outputs again from OUT/units.parquet, filtered and split",
    )
    export_cmd.add_argument(
        "out", type=Path, metavar="OUT", help="the output folder of `align build`"
    )
    export_cmd.add_argument(
        "--formats",
        "--format",
        dest="formats",
        nargs="+",
        required=True,
        choices=REEXPORTABLE,
        help="outputs to write again",
    )
    export_cmd.add_argument(
        "--langs", nargs="+", default=[], metavar="LANG", help="only these languages"
    )
    export_cmd.add_argument("--to", type=Path, help="where to write (default: OUT/export)")
    export_cmd.add_argument("--min-score", type=float, default=0.0, help="drop units scored lower")
    export_cmd.add_argument(
        "--max-length-ratio", type=float, default=0.0, help="drop units whose lengths differ more"
    )
    export_cmd.add_argument(
        "--langid", action="store_true", help="drop units with text in the wrong language"
    )
    export_cmd.add_argument(
        "--dedupe", action="store_true", help="drop exact and near-duplicate units"
    )
    export_cmd.add_argument(
        "--split",
        type=_fractions,
        default=(),
        help="train,dev,test fractions by document, e.g. 80,10,10",
    )
    export_cmd.add_argument("--seed", type=int, default=1, help="seed of the split")
    export_cmd.add_argument(
        "--strict", action="store_true", help="exit 1 if a split asked for is empty"
    )

    lookup_cmd = commands.add_parser(
        "lookup", parents=[common], help="find a text in a built memory, with its translations"
    )
    lookup_cmd.add_argument(
        "out", type=Path, metavar="OUT", help="the output folder of `align build`"
    )
    lookup_cmd.add_argument("query", help="the text to look for")
    lookup_cmd.add_argument(
        "--lang", default=DEFAULT_PIVOT, help=f"language of the query (default: {DEFAULT_PIVOT})"
    )
    lookup_cmd.add_argument("--fuzzy", action="store_true", help="also show close matches")
    lookup_cmd.add_argument(
        "--limit", type=_positive, default=10, help="most matches printed (default: 10)"
    )

    validate_cmd = commands.add_parser(
        "validate",
        parents=[common],
        help="check a TMX file against the DTD and what CAT tools need",
    )
    validate_cmd.add_argument("files", nargs="+", type=Path, metavar="FILE.tmx")

    review_cmd = commands.add_parser(
        "review",
        parents=[common],
        help="check and correct a build's alignment in the browser (served on 127.0.0.1 only)",
    )
    review_cmd.add_argument("out", type=Path, metavar="OUT", help="a build's output folder")
    review_cmd.add_argument(
        "--port", type=int, default=0, help="the port to serve on (default: a free one)"
    )
    review_cmd.add_argument(
        "--no-browser", dest="browser", action="store_false", help="print the address only"
    )

    inspect_cmd = commands.add_parser(
        "inspect", parents=[common], help="show how one file is read and parsed"
    )
    inspect_cmd.add_argument("file", type=Path, help="a document file, or - for standard input")
    inspect_cmd.add_argument("--json", action="store_true", help="print one JSON object")
    inspect_cmd.add_argument("--lang", default="", help="its language, whatever its name says")
    inspect_cmd.add_argument(
        "--name",
        default="stdin.md",
        help="standard input read as a file of this name: its format, and its document and language if the name says (default: stdin.md)",
    )
    return parser


def _fractions(value: str) -> tuple[float, ...]:
    """--split "80,10,10" -> (80.0, 10.0, 10.0): train, dev, test."""
    try:
        fractions = tuple(float(part) for part in value.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not numbers: {value!r}") from None
    if (
        not 1 <= len(fractions) <= 3
        or any(not math.isfinite(fraction) or fraction < 0 for fraction in fractions)
        or not sum(fractions)
    ):
        raise argparse.ArgumentTypeError(
            f"give one to three non-negative fractions, e.g. 80,10,10: {value!r}"
        )
    return fractions


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"1 or more, not {number}")
    return number


def _created(value: str) -> str:
    """A --created value as a TMX date: Unix seconds (SOURCE_DATE_EPOCH) are converted."""
    if not value or not (value.isascii() and value.isdigit()):  # "²" is a digit to str.isdigit
        if value and not _is_tmx_date(value):
            raise UsageError(f"--created: not a date like 20051222T000000Z: {value!r}")
        return value
    try:
        return datetime.datetime.fromtimestamp(int(value), datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    except (ValueError, OverflowError, OSError):
        raise UsageError(
            f"--created (or SOURCE_DATE_EPOCH): {value} seconds is not a date a TMX file can hold"
        ) from None


def _is_tmx_date(value: str) -> bool:
    try:
        datetime.datetime.strptime(value, "%Y%m%dT%H%M%SZ")
    except ValueError:
        return False
    return True


def _build(args: argparse.Namespace) -> int:
    flags = {
        name: value
        for name, value in vars(args).items()
        if name not in ("command", "verbose", "quiet", "inputs", "out")
    }
    flags |= {
        "pivot": args.pivot.lower(),
        "langs": [lang.lower() for lang in args.langs],
        "created": _created(args.created),
    }
    with tqdm(
        desc="aligning",
        unit="doc",
        disable=True if args.quiet else None,
        file=sys.stderr,
        leave=False,
    ) as bar:

        def advance(
            _symbol: str, total: int
        ) -> None:  # the total is known once the inputs are listed
            bar.total = total
            bar.update(1)

        result = align.build(args.inputs, args.out, progress=advance, **flags)
    print(
        f"{result.count('aligned')} aligned, {result.count('partial')} partial, {result.count('skipped')} skipped, "
        f"{result.count('ignored')} ignored input files; {result.documents} documents ({result.cached} from cache), {result.units} units, {result.workers} workers -> {args.out}"
    )
    for note in result.notes:
        print(f"align: note: {note}", file=sys.stderr)
    for record in () if args.quiet else result.inputs.skipped():
        print(f"skipped {record.path}: {record.reason}", file=sys.stderr)
    if not result.count("aligned"):  # a build that aligned nothing is no success, whatever it wrote
        print(
            "align: error: nothing was aligned: no document has a second language version that matched"
            f" (see {args.out / 'report.json'})",
            file=sys.stderr,
        )
        return 1
    return 1 if args.strict and result.count("skipped") else 0


def _fetch(args: argparse.Namespace) -> int:
    with tqdm(
        desc="fetching",
        unit="file",
        total=len(args.symbols) * len(args.langs),
        disable=True if args.quiet else None,
        file=sys.stderr,
        leave=False,
    ) as bar:
        result = align.fetch(
            args.symbols,
            args.out,
            progress=lambda _entry: bar.update(1),
            langs=args.langs,
            format=args.format,
            server=args.server,
            rate=args.rate,
            max_bytes=args.max_bytes,
            timeout=args.timeout,
            retries=args.retries,
            refresh=args.refresh,
        )
    for entry in () if args.quiet else result.entries:
        if entry.outcome not in ("fetched", "exists"):
            print(f"{entry.outcome} {entry.symbol} [{entry.lang}]: {entry.reason}", file=sys.stderr)
    counts = ", ".join(f"{result.count(outcome)} {outcome}" for outcome in FETCH_OUTCOMES)
    print(
        f"{counts}; {result.requests} requests -> {args.out} (then: align build {args.out} -o OUT)"
    )
    return 0 if result.count("fetched") + result.count("exists") else 1


def _spm(args: argparse.Namespace) -> int:
    if not args.out.is_dir():
        raise UsageError(f"{args.out}: no such folder")
    if not args.name or "/" in args.name or args.name.startswith("."):
        raise UsageError(f"--name must be a plain file name, not {args.name!r}")
    result = train(
        SpmOptions(
            args.out,
            args.vocab_size,
            args.model_type,
            tuple(args.langs),
            args.name,
            max_lines=args.max_lines,
        )
    )
    for note in result.notes:
        print(f"align: note: {note}", file=sys.stderr)
    counts = ", ".join(f"{lang} {count}" for lang, count in result.lines_per_lang.items())
    print(
        f"{result.model} ({args.model_type}, {result.vocab_size} pieces; lines per language: {counts}); "
        f"{len(result.encoded)} files encoded to {args.out / 'moses' / 'spm'}"
    )
    return 0


def _export(args: argparse.Namespace) -> int:
    if not (args.out / "units.parquet").is_file():
        raise UsageError(f"{args.out}: no units.parquet (run `align build` first)")
    summary = align.export(
        args.out,
        args.to,
        formats=args.formats,
        min_score=args.min_score,
        max_length_ratio=args.max_length_ratio,
        langid=args.langid,
        dedupe=args.dedupe,
        split=args.split,
        seed=args.seed,
        created=_created(args.created),
        profile=args.profile,
        lang_codes=args.lang_codes,
        langs=[lang.lower() for lang in args.langs],
    )
    for warning in summary["warnings"]:
        print(f"align: warning: {warning}", file=sys.stderr)
    removed = ", ".join(f"{name} {count}" for name, count in summary["removed"].items())
    splits = ", ".join(f"{name} {count}" for name, count in summary["pair_splits"].items())
    print(
        f"removed (n-way units): {removed}; pair units kept by split: {splits} -> {summary['to']}"
    )
    return 1 if args.strict and summary["warnings"] else 0


def _lookup(args: argparse.Namespace) -> int:
    if not (args.out / "units.parquet").is_file():
        raise UsageError(f"{args.out}: no units.parquet (run `align build` first)")
    matches = align.lookup(args.out, args.query, args.lang.lower(), args.fuzzy, args.limit)
    for match in matches:
        print(
            f"{match.score:5.1f}% {match.kind:<8} {match.document} {match.unit} ({match.level}): {match.sentence}"
        )
        for lang, text in match.texts.items():
            print(
                f"    {lang}: {text}"
                + (
                    " (the whole unit: this language does not cut it alike)"
                    if lang in match.whole
                    else ""
                )
            )
    if not matches:
        print(f"no match for {args.query!r} in {args.lang}")
    return 0 if matches else 1


def _review(args: argparse.Namespace) -> int:
    from align.review.server import serve
    from align.review.session import Session

    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port must be 0 (a free one) to 65535, not {args.port}")
    session = Session(args.out)

    def ready(url: str) -> None:
        print(f"reviewing {args.out} at {url} (Ctrl-C to stop)", flush=True)

    serve(session, args.port, args.browser, ready)
    return 0


def _validate(args: argparse.Namespace) -> int:
    errors = 0
    for path in args.files:
        if not path.is_file():
            raise UsageError(f"{path}: no such file")
        problems = align.validate(path)
        for problem in problems:
            print(f"{path}:{problem.line}: {problem.severity}: {problem.message}")
        count = sum(problem.severity == "error" for problem in problems)
        errors += count
        print(
            f"{path}: {'valid' if not count else f'{count} errors'}, {len(problems) - count} warnings"
        )
    return 1 if errors else 0


def _inspect(args: argparse.Namespace) -> int:
    if str(args.file) == "-":
        from align.ingest import READERS

        with (
            tempfile.TemporaryDirectory() as folder
        ):  # a reader takes a file: its name tells the format
            path = Path(folder) / Path(args.name).name
            if path.suffix.lower() not in READERS:
                raise UsageError(
                    f"--name {args.name!r}: not a format align reads ({' '.join(sorted(READERS))})"
                )
            path.write_bytes(sys.stdin.buffer.read())
            document = align.inspect(path, args.lang.lower())
        args.file = Path(args.name)
    elif not args.file.is_file():
        raise UsageError(f"{args.file}: no such file")
    else:
        document = align.inspect(args.file, args.lang.lower())
    if args.json:
        units = [{"id": unit.id, "kind": unit.kind, "text": unit.text} for unit in document.units]
        payload = {
            "symbol": document.symbol,
            "lang": document.lang,
            "meta": document.meta,
            "units": units,
        }
        print(json.dumps(payload, ensure_ascii=False, indent=1))
        return 0
    print(f"{args.file}: {document.symbol} [{document.lang}]")
    for key, value in document.meta.items():
        print(f"  {key}: {value}")
    for unit in document.units:
        marks = f" [fn {' '.join(unit.footnotes)}]" if unit.footnotes else ""
        print(f"{unit.id:<12} {unit.kind:<12} {unit.text}{marks}")
    return 0


def run() -> None:
    """The `align` command: main(), then exit without tearing the interpreter down (freeing every
    module's objects is work no one waits for, yet an incremental rebuild would; mypy does the same).
    Every output is closed by then; an unexpected error still ends with its traceback, the normal way."""
    code = main()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.verbose and args.quiet:
        print("align: error: -v and -q together", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.ERROR if args.quiet else logging.WARNING,
        format="align: %(levelname)s: %(message)s",
    )
    if not args.verbose:  # what the libraries say of a broken PDF or of a cluster is already in the report, in one line
        for library in ("pdfminer", "distributed", "urllib3"):
            logging.getLogger(library).setLevel(logging.ERROR)
    try:
        return {
            "build": _build,
            "fetch": _fetch,
            "spm": _spm,
            "export": _export,
            "lookup": _lookup,
            "validate": _validate,
            "review": _review,
            "inspect": _inspect,
        }[args.command](args)
    except (
        KeyboardInterrupt
    ):  # Ctrl-C: one line, not a traceback; files are renamed into place whole or not at all
        print("align: interrupted (no output file is left half-written)", file=sys.stderr)
        return 130
    except UsageError as error:
        print(f"align: error: {error}", file=sys.stderr)
        return 2
    except AlignError as error:
        where = f"{args.file}: " if getattr(args, "file", None) else ""  # the file `inspect` read
        print(f"align: error: {where}{error}", file=sys.stderr)
        return 1
    except (
        BrokenPipeError
    ):  # the reader went away (`align lookup ... | head`): nothing more to say, as `cat` does
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as error:  # the system refused (an output folder it cannot make or write, a full disk): one line
        logging.getLogger("align").info("%s", error, exc_info=True)  # the traceback, with --verbose
        print(
            f"align: error: {error.filename}: {error.strerror}"
            if error.filename and error.strerror
            else f"align: error: {error}",
            file=sys.stderr,
        )
        return 1
