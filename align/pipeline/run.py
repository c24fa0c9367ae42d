"""build(): files -> ingest -> structure -> alignment (with segment) -> export, on the workers of workers.py,
with the plan (plan.py), the cache (cache.py) and the layout of the outputs (layout.py)."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from align.corrections import by_document
from align.errors import UsageError
from align.files import only_writer, remove_leftovers
from align.langs import UN_LANGS, lang_order
from align.model import BuildResult, Group, GroupResult, InputLog
from align.outputs import Exporters, load, selected
from align.outputs.options import now
from align.pipeline.cache import Cache
from align.pipeline.layout import Layout
from align.pipeline.options import BuildOptions
from align.pipeline.plan import Plan, with_languages
from align.pipeline.work import process
from align.pipeline.workers import Pool, cluster_workers, in_child, run, start
from align.stored import StoredError


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
            raise UsageError(
                f"{out}: the output folder is also an input; write the outputs elsewhere"
            )
        if source in target.parents:
            raise UsageError(
                f"{out}: the output folder is inside the input {path}; write the outputs elsewhere"
            )
        if target in source.parents:
            raise UsageError(
                f"{out}: the output folder holds the input {path}; write the outputs elsewhere"
            )


def _as_run(options: BuildOptions) -> BuildOptions:
    """The options as the workers get them: what the exporters are told (one date for every worker, the
    build's signature) and, for a cluster's workers, which have working folders of their own, absolute inputs."""
    remote = options.engine == "dask" and options.scheduler
    return dataclasses.replace(
        options,
        inputs=tuple(path.absolute() for path in options.inputs) if remote else options.inputs,
        export=dataclasses.replace(options.export, now=now(), made_by=options.signature()),
    )


def _build(options: BuildOptions, progress: Callable[[str, int], None] | None) -> BuildResult:
    pinned = options.export.created
    options = _as_run(options)
    for name in selected(
        options.export
    ):  # imported before the engine forks its workers, which then need not import them
        load(name)
    # The inputs are listed, grouped and hashed in a child process, and the plan waits on disk (plan.py:
    # neither an archive's groups nor what its listing leaves behind stay in this process), and the engine
    # starts at once: its first worker warms up (for the languages asked for, else the UN's six) meanwhile,
    # so a rebuild's changed documents need not wait.
    corrections = by_document(options.correction_files())
    plan = Plan(options.out)
    planned = in_child(plan.make, options, pinned, corrections)
    pool = start(options, options.read.langs or UN_LANGS)
    try:
        result = BuildResult(
            InputLog(options.out), workers=cluster_workers(options), options=options.record()
        )
        langs, records, to_work, total = planned()
        _check_pivot(options, langs)
        result.inputs.extend(records)
        result.notes += _unused(corrections, plan)
        options = with_languages(options, langs)  # workers render rows with them
        remove_leftovers(options.out)
        cache = Cache(options, pinned)
        results = _Results(plan, to_work, options, cache, pool)
    except BaseException:
        if pool:
            pool.shutdown(wait=False)
        raise
    with results:  # the engine is at work before the outputs open
        layout = Layout(options.out) if cache.enabled else None
        try:
            exporters = Exporters(options.export, langs, layout=layout)
        except BaseException:
            if layout:
                layout.abort()
            raise
        try:
            for group, aligned_key, key, hit, done in results:
                cache.put_aligned(aligned_key, done.aligned)
                if done.rendered and not _write(
                    exporters, layout, cache, group.symbol, key, hit, done
                ):
                    # its cached texts are damaged and its files' spans gone
                    done = process(group, options)
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
    cache.prune(key for _group, *keys, _cached in plan.groups() for key in keys)
    result.cached = cache.hits
    return result


def _write(
    exporters: Exporters,
    layout: Layout | None,
    cache: Cache,
    symbol: str,
    key: str,
    hit: bool,
    done: GroupResult,
) -> bool:
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


def _unused(corrections: dict[str, list], plan: Plan) -> list[str]:
    """What the report says of corrections whose document is not in this build (nothing is done with them)."""
    if not corrections:  # most builds: the plan is not read again for nothing
        return []
    gone = set(corrections) - {group.symbol for group, *_ in plan.groups()}
    if not gone:
        return []
    count = sum(len(corrections[symbol]) for symbol in gone)
    names = ", ".join(sorted(gone)[:5]) + (", ..." if len(gone) > 5 else "")
    return [f"corrections left unapplied, their documents not in this build: {count} ({names})"]


def _check_pivot(options: BuildOptions, langs: set[str]) -> None:
    """A pivot asked for by name must be among the languages found: else every document would be pivoted
    by another, against what the user said."""
    pivot = options.align.pivot
    if pivot and langs and pivot not in langs:
        raise UsageError(
            f"--pivot {pivot}: no input is in that language "
            f"(found: {', '.join(lang_order(langs))}); give one of those, or leave --pivot out"
        )


def _as_given(done: GroupResult, group: Group) -> GroupResult:
    """A cached result with its files named as this build was given them: the cache keys a file by its
    absolute path, so `corpora` and `/work/corpora` share entries."""
    spelled = {os.path.abspath(path): path for path in group.paths}
    records = [
        dataclasses.replace(record, path=spelled.get(os.path.abspath(record.path), record.path))
        for record in done.records
    ]
    return dataclasses.replace(done, records=records)


class _Results:
    """Every group's result, in group order. Made before the outputs are opened, so that the engine is
    already at work on the groups to align."""

    def __init__(
        self, plan: Plan, to_work: int, options: BuildOptions, cache: Cache, pool: Pool | None
    ) -> None:
        self.plan, self.options, self.cache, self.pool = plan, options, cache, pool
        self.aligning = to_work > 0
        # cache entries are loaded one at a time
        self.worked = run(plan.for_workers(), to_work, options, pool=self.pool)

    def __iter__(self) -> Iterator[tuple[Group, str, str, bool, GroupResult]]:
        """Each group with its alignment key, its rendering key, whether its outputs came from the cache,
        and its result."""
        for group, aligned_key, key, hit in self.plan.groups():
            done = self.cache.get(key) if hit else None
            if done is None:  # an entry unreadable since the plan found it: aligned again here
                done, hit = (process(group, self.options) if hit else next(self.worked)), False
            if done.reused:  # rendered again from the alignment the cache held: nothing aligned
                self.cache.hits += 1
            if hit or done.reused:
                done = _as_given(done, group)
            yield group, aligned_key, key, hit, done

    def __enter__(self) -> _Results:
        return self

    def __exit__(self, error: type[BaseException] | None, *_: object) -> None:
        """The engine stops now, not when the interpreter exits; a pool that got no group is not
        waited for (its worker may still be warming up); after Ctrl-C or a failure, its workers are
        ended at once rather than let finish the documents they are on."""
        self.worked.close()
        if self.pool:
            self.pool.shutdown(wait=self.aligning, stop=error is not None)
