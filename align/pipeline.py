"""BuildOptions and build(): files -> ingest -> structure -> alignment (with segment) -> export."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from align import __version__
from align.alignment.dp import VARIANCE
from align.alignment.sentences import MIN_SENTENCE_PROBABILITY
from align.cache import Cache
from align.engine import ENGINES, Group, GroupResult, Pool, cluster_workers, in_child, process, run, start
from align.errors import AlignError, UsageError
from align.export import Exporters, load, selected, tables
from align.export.files import remove_leftovers
from align.export.layout import Layout
from align.export.profiles import PROFILES, parse_codes
from align.export.tmx import tmx_date
from align.ingest import kind_of, read_source
from align.ingest.naming import parse_filename
from align.langs import UN_LANGS, lang_order, parse_lang
from align.model import BuildResult, InputLog, InputRecord

if TYPE_CHECKING:
    from align.export.dataset import DatasetOptions


@dataclass(frozen=True)
class BuildOptions:
    """Everything a build depends on; the CLI's flags map onto these fields one to one."""

    inputs: tuple[Path, ...]
    out: Path
    pivot: str = "fr"
    langs: tuple[str, ...] = ()  # only these languages; empty = every language found
    sentences: bool = True  # align sentences inside units (n-way where all languages agree, else per pair)
    created: str = ""  # TMX creationdate, YYYYMMDDThhmmssZ; empty = the build's start time
    escape: bool = False  # escape XML special characters in tokenized files, as Moses' tokenizer.perl does
    profile: str = "generic"  # CAT tool the TMX files are written for (export/profiles.py)
    lang_codes: tuple[str, ...] = ()  # LANG=CODE overrides of the codes written in TMX, e.g. zh=zh-CN
    min_score: float = 0.0  # units scored lower stay out of TMX and corpora, flagged low-score in tables and report
    footnote_refs: str = "ph"  # footnote references in TMX: ph (a <ph type="fnote"> placeholder) or remove
    strict: bool = False  # a skipped input makes the build fail (exit 1) after writing everything else
    engine: str = "local"  # local (a process pool) or dask
    jobs: int = 0  # workers; 0 = every core
    scheduler: str = ""  # a Dask scheduler address; empty = a local Dask cluster with `jobs` workers
    cache: bool = True  # reuse OUT/.cache: a rebuild redoes only the documents whose files changed
    formats: tuple[str, ...] = field(default=())  # exporters to run; empty = all
    table_langs: tuple[str, ...] = ()  # the tables' language columns, set by the build from what it found

    def __post_init__(self) -> None:
        try:
            parse_lang(self.pivot)
            for lang in self.langs:
                parse_lang(lang)
        except ValueError as error:
            raise UsageError(str(error)) from None
        if self.engine not in ENGINES:
            raise UsageError(f"--engine is one of {', '.join(ENGINES)}, not {self.engine!r}")
        if self.jobs < 0:
            raise UsageError(f"--jobs must be 0 (every core) or more, not {self.jobs}")
        if self.footnote_refs not in ("ph", "remove"):
            raise UsageError(f"--footnote-refs is ph or remove, not {self.footnote_refs!r}")
        if self.profile not in PROFILES:
            raise UsageError(f"unknown profile {self.profile!r} (one of {', '.join(PROFILES)})")
        try:
            parse_codes(self.lang_codes)
        except ValueError as error:
            raise UsageError(str(error)) from None
        if not self.inputs:
            raise UsageError("no input given")
        for path in self.inputs:
            if not path.exists():
                raise UsageError(f"{path}: no such file or folder")

    def tmx_codes(self) -> dict[str, str]:
        """Language code written in TMX for each language: the profile's, overridden by --lang-codes."""
        return PROFILES[self.profile].codes | parse_codes(self.lang_codes)

    def signature(self) -> str:
        """How the outputs were made, in one line (written to the TMX header and the report)."""
        return "|".join([
            f"align:{__version__}",
            f"pivot:{self.pivot}",
            f"profile:{self.profile}",
            f"fnrefs:{self.footnote_refs}",
            f"min-score:{self.min_score:g}",
            "srx:un+languagetool",
            f"dp:gale-church-chars(var={VARIANCE})+punct+nway",
            f"sentences:{'dp(p>=' + str(MIN_SENTENCE_PROBABILITY) + ')' if self.sentences else 'off'}",
        ])


def discover(inputs: tuple[Path, ...], out: Path | None = None) -> Iterator[str]:
    """Every file under the inputs, once, in a stable order (sorted as paths sort); an output folder
    inside an input folder is not an input. Files are listed and handed out as strings: an archive has
    800,000 files, a Path is three times a str, and pathlib keeps every name it parses (sys.intern)."""
    seen: set[str] = set()  # real paths, kept where two names may be one file: several inputs, or a link
    skip = str(out.resolve()) if out else ""
    for root in inputs:
        if root.is_dir():
            base, resolved = str(root), str(root.resolve())
            # sorted as component lists sort: the names with the separator made the lowest character (no
            # path holds NUL) are what is sorted, not keys held beside the names (half the memory)
            keys = sorted(os.path.join(folder, name).replace(os.sep, "\0") for folder, _, files in os.walk(root) for name in files)
            # names whose real path is asked of the system: links, or (below) a file given as an input itself
            resolve = {name for name in (key.replace("\0", os.sep) for key in keys) if os.path.islink(name)}
        else:
            base, resolved, keys, resolve = "", "", [str(root).replace(os.sep, "\0")], {str(root)}
        remember = len(inputs) > 1 or bool(resolve)
        keys.reverse()
        while keys:  # each name let go once handed out: the grouping keeps only its own string of paths
            name = keys.pop().replace("\0", os.sep)
            # a file under an input folder resolves inside the resolved folder unless it is a link
            real = resolved + name[len(base):] if name not in resolve else os.path.realpath(name)
            if real in seen or not os.path.isfile(name) or (skip and (real == skip or real.startswith(skip + os.sep))):
                continue
            if remember:
                seen.add(real)
            yield name


def build(options: BuildOptions, progress: Callable[[str], None] | None = None) -> BuildResult:
    """Run the whole pipeline; every input file ends up in the result's inputs with its outcome."""
    pinned = options.created
    options = dataclasses.replace(options, created=tmx_date(options.created))  # one date for every worker
    for name in selected(options):  # imported before the engine forks its workers, which then need not import them
        load(name)
    # The inputs are listed in a child process (an archive's listing leaves tens of megabytes behind in the
    # process that makes it), and the engine starts at once: its first worker warms up (for the languages
    # asked for, else the UN's six) while the inputs are listed and hashed, so a rebuild's changed
    # documents need not wait.
    planned = in_child(plan, options)
    pool = start(options, options.langs or UN_LANGS)
    try:
        result = BuildResult(InputLog(options.out), workers=cluster_workers(options))
        groups, langs, records = planned()
        result.inputs.extend(records)
        options = dataclasses.replace(options, table_langs=tuple(lang_order(langs)))  # workers render rows with them
        remove_leftovers(options.out)
        cache = Cache(options, pinned)
        results = _Results(groups, options, cache, pool)
    except BaseException:
        if pool:
            pool.shutdown(wait=False)
        raise
    with contextlib.closing(results):  # the engine is at work before the outputs open
        layout = Layout(options.out) if cache.enabled else None
        exporters = Exporters(options, langs, layout=layout)
        try:
            for group, key, hit, done in results:
                result.inputs.extend(done.records)
                if done.rendered:
                    _write(exporters, layout, cache, group.symbol, key, hit, done)
                    result.documents += 1
                    result.units += done.units
                elif not hit:
                    cache.put(key, done, [])
                if progress:
                    progress(done.symbol)
            result.outputs = exporters.close(result)
        except BaseException:
            exporters.abort()
            if layout:
                layout.abort()
            raise
    if layout:
        layout.save()
    cache.prune()
    result.cached = cache.hits
    return result


def _write(exporters: Exporters, layout: Layout | None, cache: Cache, symbol: str, key: str, hit: bool, done: GroupResult) -> None:
    """Append one document to the outputs. With a layout, a cached document's texts are copied from
    the previous build's files (or read from the cache), and a fresh one's are recorded and cached."""
    if layout is None:
        exporters.write(done.rendered)
        return
    if hit:
        layout.cached(symbol, key, lambda: cache.texts(key))
    else:
        layout.fresh(symbol, key, done.rendered)
    exporters.write(done.rendered)
    written = layout.finish()
    if not hit:
        cache.put(key, done, written)


class _Results:
    """Every group with its cache key, whether it came from the cache, and its result, in group order.
    Made before the outputs are opened, so that the engine is already at work on the groups to align."""

    def __init__(self, groups: list[Group], options: BuildOptions, cache: Cache, pool: Pool | None) -> None:
        self.groups, self.options, self.cache, self.pool = groups, options, cache, pool
        # if hashing fails (an input gone since it was listed), build() shuts the pool down
        self.keys = [cache.key(group) for group in groups]
        self.hits = [cache.has(key) for key in self.keys]  # entries are loaded one at a time: memory stays flat
        self.fresh = run([group for group, hit in zip(groups, self.hits) if not hit], options, pool=self.pool)

    def __iter__(self) -> Iterator[tuple[Group, str, bool, GroupResult]]:
        for group, key, hit in zip(self.groups, self.keys, self.hits):
            done = self.cache.get(key) if hit else None
            if done is None:  # an entry unreadable since has(): aligned again here
                done, hit = (process(group, self.options) if hit else next(self.fresh)), False
            yield group, key, hit, done

    def close(self) -> None:
        """The engine stops now, not when the interpreter exits; a pool that got no group is not
        waited for (its worker may still be warming up)."""
        self.fresh.close()
        if self.pool:
            self.pool.shutdown(wait=not all(self.hits))


def plan(options: BuildOptions) -> tuple[list[Group], set[str], list[InputRecord]]:
    """Every file under the inputs, classified: documents grouped by symbol (from the ODS file name,
    else from the content), the languages the tables will have columns for, and the files left out."""
    by_symbol: dict[str, str] = {}  # symbol -> its paths, NUL-separated, as listed
    langs: set[str] = set()
    records: list[InputRecord] = []
    for path in discover(options.inputs, options.out):
        name = os.path.basename(path)
        kind = kind_of(name)
        if kind == "ignored":
            records.append(InputRecord(path, "ignored", "not a document file"))
            continue
        if kind == "unsupported":
            records.append(InputRecord(path, "skipped", f"{os.path.splitext(name)[1].lower()} files are not read yet"))
            continue
        try:
            named = parse_filename(os.path.splitext(name)[0])
            symbol, lang = named if named else _identify(Path(path))
        except AlignError as error:
            records.append(InputRecord(path, "skipped", str(error)))
            continue
        by_symbol[symbol] = by_symbol[symbol] + "\0" + path if symbol in by_symbol else path
        langs.add(lang)
    groups = [Group.of(symbol, sorted(files.split("\0"), key=_preference)) for symbol, files in sorted(by_symbol.items())]
    return groups, {lang for lang in langs if not options.langs or lang in options.langs}, records


def _preference(path: str) -> tuple[int, str]:
    """The order in which copies of one language version are tried: the first usable one is aligned,
    the others are reported as skipped. Formats that carry structure as text come first (Markdown and
    text, then Word, HTML, then PDF, whose structure is recovered from layout), then the path."""
    return FORMAT_PREFERENCE.get(os.path.splitext(path)[1].lower(), len(FORMAT_PREFERENCE)), path


def _identify(path: Path) -> tuple[str, str]:
    """Symbol and language of a file whose name does not follow ODS: read from its content."""
    source = read_source(path)
    return source.symbol, source.lang


# Which copy of a language version wins when several formats hold it (see _preference).
FORMAT_PREFERENCE = {".md": 0, ".markdown": 0, ".txt": 1, ".docx": 2, ".html": 3, ".htm": 3, ".pdf": 4}
# Outputs `align export` writes again from units.parquet (the table itself and the report are the build's).
REEXPORTABLE = ("tmx", "moses", "tok", "jsonl", "tsv")


def export_dataset(out: Path, to: Path, formats: tuple[str, ...], options: DatasetOptions) -> dict[str, object]:
    """Write outputs again from a build's table, filtered and split by document, under `to`."""
    from align.export.dataset import SPLITS, assign_splits, clean  # pandas: imported only where tables are read back

    units, removed = clean(tables.load(out), options)
    pairs, removed_pairs = clean(tables.load(out, "pairs"), options)
    split_of = assign_splits(sorted(set(units["document"]) | set(pairs["document"])), options.split, options.seed)
    units, pairs = units.assign(split=units["document"].map(split_of)), pairs.assign(split=pairs["document"].map(split_of))
    pivot = str(units["pivot"].mode().iloc[0]) if len(units) else "fr"
    names = SPLITS[: max(1, len(options.split))]
    for name in names:
        export = BuildOptions(inputs=(out,), out=to / name if options.split else to, pivot=pivot, formats=formats)
        exporters = Exporters(export, set(tables.language_columns(units)) | set(tables.language_columns(pairs)), with_report=False)
        for document in tables.read_documents(units[units["split"] == name], pairs[pairs["split"] == name]):
            exporters.add(document)
        exporters.close(BuildResult())
    summary = {
        "to": str(to), "formats": list(formats), "options": dataclasses.asdict(options),
        "removed": removed, "removed_pairs": removed_pairs,
        "splits": {name: int((units["split"] == name).sum()) for name in names},
        "pair_splits": {name: int((pairs["split"] == name).sum()) for name in names},
        "documents": {name: sorted(set(units.loc[units["split"] == name, "document"]) | set(pairs.loc[pairs["split"] == name, "document"]))
                      for name in names},
    }
    to.mkdir(parents=True, exist_ok=True)
    (to / "dataset.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return summary
