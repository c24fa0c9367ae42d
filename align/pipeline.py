"""BuildOptions and build(): files -> ingest -> structure -> alignment (with segment) -> export."""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from align import __version__
from align.alignment.dp import VARIANCE
from align.alignment.sentences import MIN_SENTENCE_PROBABILITY
from align.cache import Cache
from align.engine import ENGINES, Group, GroupResult, Pool, cluster_workers, in_child, process, run, start
from align.errors import UsageError
from align.export import Exporters, load, selected, tables
from align.export.files import only_writer, remove_leftovers
from align.export.layout import Layout
from align.export.profiles import PROFILES, parse_codes
from align.export.tmx import tmx_date
from align.langs import UN_LANGS, parse_lang
from align.model import BuildResult, InputLog
from align.plan import Plan, with_languages
from align.stored import StoredError

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
        if not 0 <= self.min_score <= 1:  # a score is a probability: outside [0, 1] it keeps all or nothing
            raise UsageError(f"--min-score is a score between 0 and 1, not {self.min_score:g}")
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


def build(options: BuildOptions, progress: Callable[[str, int], None] | None = None) -> BuildResult:
    """Run the whole pipeline; every input file ends up in the result's inputs with its outcome.
    `progress` is called as each document group is done, with its symbol and the number of groups."""
    refuse_overlap(options.inputs, options.out)
    with only_writer(options.out):
        return _build(options, progress)


def refuse_overlap(inputs: tuple[Path, ...], out: Path) -> None:
    """OUT may be neither an input, nor inside one (a build would read its own outputs, or an input's
    files would be listed as nothing), nor hold one (it would write over it): refused before anything is written."""
    target = out.resolve()
    for path in inputs:
        source = path.resolve()
        if source == target:
            raise UsageError(f"{out}: the output folder is also an input; write the outputs elsewhere")
        if source in target.parents:
            raise UsageError(f"{out}: the output folder is inside the input {path}; write the outputs elsewhere")
        if target in source.parents:
            raise UsageError(f"{out}: the output folder holds the input {path}; write the outputs elsewhere")


def _build(options: BuildOptions, progress: Callable[[str, int], None] | None) -> BuildResult:
    pinned = options.created
    options = dataclasses.replace(options, created=tmx_date(options.created))  # one date for every worker
    if options.engine == "dask" and options.scheduler:  # a cluster's workers have working folders of their own
        options = dataclasses.replace(options, inputs=tuple(path.absolute() for path in options.inputs))
    for name in selected(options):  # imported before the engine forks its workers, which then need not import them
        load(name)
    # The inputs are listed, grouped and hashed in a child process, and the plan waits on disk (align/plan.py:
    # neither an archive's groups nor what its listing leaves behind stay in this process), and the engine
    # starts at once: its first worker warms up (for the languages asked for, else the UN's six) meanwhile,
    # so a rebuild's changed documents need not wait.
    plan = Plan(options.out)
    planned = in_child(plan.make, options, pinned)
    pool = start(options, options.langs or UN_LANGS)
    try:
        result = BuildResult(InputLog(options.out), workers=cluster_workers(options))
        langs, records, fresh, total = planned()
        result.inputs.extend(records)
        options = with_languages(options, langs)  # workers render rows with them
        remove_leftovers(options.out)
        cache = Cache(options, pinned)
        results = _Results(plan, fresh, options, cache, pool)
    except BaseException:
        if pool:
            pool.shutdown(wait=False)
        raise
    with results:  # the engine is at work before the outputs open
        layout = Layout(options.out) if cache.enabled else None
        try:
            exporters = Exporters(options, langs, layout=layout)
        except BaseException:
            if layout:
                layout.abort()
            raise
        try:
            for group, key, hit, done in results:
                if done.rendered and not _write(exporters, layout, cache, group.symbol, key, hit, done):
                    done = process(group, options)  # its cached texts are damaged and its files' spans gone
                    cache.hits -= 1
                    _write(exporters, layout, cache, group.symbol, key, False, done)
                result.inputs.extend(done.records)
                if done.rendered:
                    result.documents += 1
                    result.units += done.units
                elif not hit:
                    cache.put(key, done, [])
                if progress:
                    progress(done.symbol, total)
            result.outputs = exporters.close(result)
        except BaseException:
            exporters.abort()
            if layout:
                layout.abort()
            raise
    if layout:
        layout.save()
    cache.prune(key for _group, key, _cached in plan.groups())
    result.cached = cache.hits
    return result


def _write(exporters: Exporters, layout: Layout | None, cache: Cache, symbol: str, key: str, hit: bool, done: GroupResult) -> bool:
    """Append one document to the outputs. With a layout, a cached document's texts are copied from
    the previous build's files (or read from the cache), and a fresh one's are recorded and cached.
    False, with nothing written, when a cached document's texts can be had from neither."""
    if layout is None:
        exporters.write(done.rendered)
        return True
    if hit:
        try:
            layout.cached(symbol, key, lambda: cache.texts(key))
        except StoredError:
            return False
    else:
        layout.fresh(symbol, key, done.rendered)
    exporters.write(done.rendered)
    written = layout.finish()
    if not hit:
        cache.put(key, done, written)
    return True


class _Results:
    """Every group with its cache key, whether it came from the cache, and its result, in group order.
    Made before the outputs are opened, so that the engine is already at work on the groups to align."""

    def __init__(self, plan: Plan, fresh: int, options: BuildOptions, cache: Cache, pool: Pool | None) -> None:
        self.plan, self.options, self.cache, self.pool = plan, options, cache, pool
        self.aligning = fresh > 0
        self.fresh = run(plan.fresh(), fresh, options, pool=self.pool)  # cache entries are loaded one at a time

    def __iter__(self) -> Iterator[tuple[Group, str, bool, GroupResult]]:
        for group, key, hit in self.plan.groups():
            done = self.cache.get(key) if hit else None
            if done is None:  # an entry unreadable since the plan found it: aligned again here
                done, hit = (process(group, self.options) if hit else next(self.fresh)), False
            yield group, key, hit, done

    def __enter__(self) -> _Results:
        return self

    def __exit__(self, error: type[BaseException] | None, *_: object) -> None:
        """The engine stops now, not when the interpreter exits; a pool that got no group is not
        waited for (its worker may still be warming up); after Ctrl-C or a failure, its workers are
        ended at once rather than let finish the documents they are on."""
        self.fresh.close()
        if self.pool:
            self.pool.shutdown(wait=self.aligning, stop=error is not None)


# Outputs `align export` writes again from units.parquet (the table itself and the report are the build's).
REEXPORTABLE = ("tmx", "moses", "tok", "jsonl", "tsv")


def export_dataset(out: Path, to: Path, formats: tuple[str, ...], options: DatasetOptions) -> dict[str, object]:
    """Write outputs again from a build's tables, filtered and split by document, under `to`; the tables
    are read a batch at a time (export/dataset.py), the outputs written a document at a time."""
    with only_writer(out):  # a build meanwhile would replace the tables being read
        return _export_dataset(out, to, formats, options)


def _export_dataset(out: Path, to: Path, formats: tuple[str, ...], options: DatasetOptions) -> dict[str, object]:
    from align.export.dataset import SPLITS, Table, assign_splits, by_document  # pandas: only where tables are read back

    units, pairs = Table(out, "units", options), Table(out, "pairs", options)
    split_of = assign_splits(sorted(units.symbols | pairs.symbols), options.split, options.seed)
    names, pivot, langs = SPLITS[: max(1, len(options.split))], units.pivot(), set(units.langs) | set(pairs.langs)
    exporters = {name: Exporters(BuildOptions(inputs=(out,), out=to / name if options.split else to, pivot=pivot, formats=formats),
                                 langs, with_report=False) for name in names}
    rows: dict[str, Counter[str]] = {"units": Counter(), "pairs": Counter()}
    documents: dict[str, list[str]] = {name: [] for name in names}
    try:
        for symbol, unit_rows, pair_rows in by_document(units, pairs):
            name = split_of[symbol]
            for document in tables.read_documents(unit_rows, pair_rows):
                exporters[name].add(document)
            rows["units"][name] += 0 if unit_rows is None else len(unit_rows)
            rows["pairs"][name] += 0 if pair_rows is None else len(pair_rows)
            documents[name].append(symbol)
        for exporter in exporters.values():
            exporter.close(BuildResult())
    except BaseException:
        for exporter in exporters.values():
            exporter.abort()
        raise
    summary = {
        "to": str(to), "formats": list(formats), "options": dataclasses.asdict(options),
        "removed": units.removed, "removed_pairs": pairs.removed,
        "splits": {name: rows["units"][name] for name in names},
        "pair_splits": {name: rows["pairs"][name] for name in names},
        "documents": {name: sorted(documents[name]) for name in names},
    }
    to.mkdir(parents=True, exist_ok=True)
    (to / "dataset.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return summary
