"""The per-document work, and where it runs: in this process, in a local process pool, or on a Dask cluster.

The work of one document symbol (read its files, parse them, align them, render its share of every
output) is a pure function of its files and the options, so it can run anywhere; results come back in
the order of the groups, so the writers see the same sequence whatever the engine, and outputs are
byte-identical to a serial build.
A sliding window keeps only a few groups in flight, so memory depends on the largest document, not on
the number of documents.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import ctypes
import functools
import itertools
import logging
import multiprocessing
import os
import signal
from collections import deque
from concurrent.futures.process import BrokenProcessPool
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from align.alignment import align_document
from align.errors import AlignError, UsageError
from align.export import render
from align.ingest import read_source
from align.langs import lang_order
from align.model import AlignedDocument, Document, InputRecord
from align.segment import Segmenter
from align.segment.srx import break_rules
from align.structure import parse

if TYPE_CHECKING:
    from align.pipeline import BuildOptions

log = logging.getLogger(__name__)
ENGINES = ("local", "dask")
_WINDOW_PER_WORKER = 4  # groups in flight per worker: enough to keep workers busy, little memory
_PR_SET_PDEATHSIG = 1  # linux/prctl.h
_CLOSING = -(1 << 30)  # Pool._started once the pool is closing: stays negative as late workers count themselves in


@dataclass(frozen=True, slots=True)
class Group:
    """The input files of one document symbol, in a stable order. The plan holds every group at once
    while it is made (800,000 files for the UN archive): the paths are kept as one string, not a tuple."""

    symbol: str
    files: str  # the paths, NUL-separated (no path holds NUL)

    @classmethod
    def of(cls, symbol: str, paths: Iterable[str]) -> Group:
        return cls(symbol, "\0".join(paths))

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(self.files.split("\0"))


@dataclass
class GroupResult:
    """What the work on one group gives: its aligned document (None if no file was usable) and
    the outcome of each of its files."""

    symbol: str
    units: int  # n-way units aligned (0: no file of the group was usable)
    records: list[InputRecord] = field(default_factory=list)
    rendered: dict[str, Any] = field(default_factory=dict)  # each output's part of the document (export.render)


def process(group: Group, options: BuildOptions) -> GroupResult:
    """Read, parse and align one document symbol's files (runs in a worker)."""
    documents: list[Document] = []
    records: list[InputRecord] = []
    for path in map(Path, group.paths):
        try:
            document = parse(read_source(path))
        except AlignError as error:
            records.append(InputRecord(str(path), "skipped", str(error)))
            continue
        except Exception as error:  # a reader bug must not lose the other files; the report says which
            log.debug("%s: unexpected error", path, exc_info=True)
            records.append(InputRecord(str(path), "skipped", failure(error)))
            continue
        if options.langs and document.lang not in options.langs:  # left out on purpose: no cause for --strict
            records.append(InputRecord(str(path), "ignored", f"language {document.lang!r} not among --langs", document.symbol, document.lang))
            continue
        reason = unusable(document, documents)
        if reason:
            records.append(InputRecord(str(path), "skipped", reason, document.symbol, document.lang))
        else:
            documents.append(document)
    if not documents:
        return GroupResult(group.symbol, 0, records)
    try:
        aligned, outcomes = align_group(documents, options)
        return GroupResult(aligned.symbol, len(aligned.units), records + outcomes, render(aligned, options))
    except Exception as error:  # an aligner bug loses this document, listed with why, not the build
        log.debug("%s: unexpected error while aligning", group.symbol, exc_info=True)
        reason = f"internal error while aligning {group.symbol}: {type(error).__name__}: {error}"
        return GroupResult(group.symbol, 0, records + [
            InputRecord(str(document.path), "skipped", reason, document.symbol, document.lang) for document in documents])


def failure(error: Exception) -> str:
    """One line on a file a reader failed on for a reason it did not foresee (the traceback goes to the
    log at debug level: `align -v`)."""
    message = " ".join(str(error).split())[:300]
    return f"cannot be read: {type(error).__name__}" + (f": {message}" if message else "")


def unusable(document: Document, others: list[Document]) -> str:
    """Why a parsed version cannot be aligned (empty string if it can): no structure, or a second copy
    of a version already read."""
    if not any(unit.kind != "title" for unit in document.units):
        return "no recognisable structure: no paragraph found"
    for other in others:
        if other.lang == document.lang:
            return f"{other.path} already gives {document.symbol} in {document.lang!r}"
    return ""


def align_group(documents: list[Document], options: BuildOptions) -> tuple[AlignedDocument, list[InputRecord]]:
    """Align the usable versions of one symbol; each version's outcome comes with it."""
    order = lang_order([document.lang for document in documents])
    documents = sorted(documents, key=lambda document: order.index(document.lang))
    aligned = align_document(documents, options.pivot, Segmenter(), options.sentences, options.min_score)
    return aligned, [_outcome(document, aligned, len(documents)) for document in documents]


def _outcome(document: Document, aligned: AlignedDocument, versions: int) -> InputRecord:
    """aligned, or partial with the reason: nothing to align with, or units found in no other language."""
    units = [unit for unit in aligned.units if document.lang in unit.texts]
    alone = sum(1 for unit in units if len(unit.texts) == 1)
    reason = ""
    if versions == 1:
        reason = f"no other language version of {document.symbol}"
    elif alone == len(units):
        reason = f"no unit matched another language version of {document.symbol}"
    elif alone:
        reason = f"{alone} of {len(units)} units found in no other language version"
    outcome = "partial" if reason else "aligned"
    if document.meta.get("repairs"):  # the file's markup was at fault where its text was read instead
        reason = "; ".join(filter(None, [reason, f"read by its text where the markup is at fault: {document.meta['repairs']}"]))
    return InputRecord(str(document.path), outcome, reason, document.symbol, document.lang)


def workers(options: BuildOptions) -> int:
    """How many workers a build uses: --jobs, or every core."""
    return options.jobs if options.jobs > 0 else os.cpu_count() or 1


class Pool:
    """The local process pool, started before the build knows which groups it will get: its workers
    fork now, and the first warms up (below) while the inputs are listed and hashed and the cache is
    looked up, so that the few changed groups of a rebuild do not wait for that. The others wait to warm
    up until the build has more than one group to align (`expect`): for a rebuild of one changed
    document they would only take turns on the cores with the first worker and this process."""

    def __init__(self, options: BuildOptions, langs: Iterable[str]) -> None:
        context = multiprocessing.get_context("fork")
        # workers count themselves in as they start; `more` wakes the waiting ones: to warm up, or with
        # `_started` made negative, to find the pool closing
        self._started, self._more = context.Value("i", 0), context.Event()
        self._new = functools.partial(concurrent.futures.ProcessPoolExecutor, max_workers=workers(options), mp_context=context,
                                      initializer=_start_worker, initargs=(tuple(langs), options, self._started, self._more))
        self._executor = self._new()
        self._executor.submit(int)  # a pool starts its workers on its first submission: this one

    def restart(self) -> None:
        """A new pool in place of one a dead worker broke (killed, or out of memory); its workers warm up at once."""
        self._more.set()
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = self._new()

    def expect(self, groups: int) -> None:
        """How many groups the pool will get: the workers beyond the first start warming up if more than one."""
        if groups > 1:
            self._more.set()

    def submit(self, work: Callable[..., GroupResult], *args: Any) -> concurrent.futures.Future:
        return self._executor.submit(work, *args)

    def shutdown(self, wait: bool, stop: bool = False) -> None:
        """Close the pool, waiting for the work in hand or not; with `stop` (Ctrl-C, a failed build), its
        workers are ended at once instead of finishing the document they are on."""
        with self._started.get_lock():
            self._started.value = _CLOSING  # a worker still waiting to warm up (or yet to count itself in) does not
        self._more.set()
        stopped = list(getattr(self._executor, "_processes", {}).values()) if stop else []
        for worker in stopped:  # ProcessPoolExecutor can only wait for its workers (terminate_workers: Python 3.14)
            worker.terminate()
        self._executor.shutdown(wait=wait and not stop, cancel_futures=True)
        for worker in stopped:
            worker.join(timeout=5)


def start(options: BuildOptions, langs: Iterable[str]) -> Pool | None:
    """The local process pool (see Pool); None for serial builds and Dask."""
    if options.engine == "dask" or workers(options) == 1:
        return None
    return Pool(options, langs)


def _start_worker(langs: tuple[str, ...], options: BuildOptions, started: Any, more: Any) -> None:
    """A worker's start: bound to the build's life, then (the first at once, the others when there is
    more than one group) the languages' SRX rules and tokenizers compiled: a third of a second that
    its first document would otherwise pay."""
    _tie_to_build()
    with started.get_lock():
        first, started.value = started.value == 0, started.value + 1
    if not first:
        more.wait()
        if started.value < 0:
            return
    from align.export import selected
    from align.export.tokenize import tokenizer

    tokenized = "tok" in selected(options)
    for lang in langs:
        break_rules(lang)
        if tokenized:
            tokenizer(lang, options.escape)


def run(groups: Iterable[Group], count: int, options: BuildOptions, work: Callable[[Group, Any], GroupResult] = process,
        pool: Pool | None = None) -> Iterator[GroupResult]:
    """Results of `work` on every group (`count` of them), in the groups' order: on Dask, on `pool` (see
    start()), or here. The pool starts on the first groups at once, even on one group: in a rebuild they
    are aligned there while this process writes the cached documents that come before them."""
    if options.engine == "dask":
        return _dask(groups, options, work)
    if pool is None or not count:
        return (work(group, options) for group in groups)
    pool.expect(count)
    return _pooled(groups, pool, options, work)


def _tie_to_build() -> None:
    """A child process lives as long as the build that forked it: it ends when the build is killed (Linux
    PR_SET_PDEATHSIG), so a build killed at any moment leaves no process behind; and it leaves Ctrl-C
    (SIGINT to every process of the job) to the build, which stops it, so that one line is all a user sees."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: the pool's own shutdown is all there is
        pass
    if os.getppid() == 1:  # the parent died before prctl took effect
        os._exit(1)


def _ordered(groups: Iterable[Group], submit: Callable[[Group], Any], count: int) -> Iterator[GroupResult]:
    """Submit the first groups now, the others through a sliding window; results in submission order."""
    groups = iter(groups)
    pending = deque(submit(group) for group in itertools.islice(groups, count * _WINDOW_PER_WORKER))
    return _in_order(pending, groups, submit)


def _in_order(pending: deque, groups: Iterator[Group], submit: Callable[[Group], Any]) -> Iterator[GroupResult]:
    while pending:
        done = pending.popleft().result()
        following = next(groups, None)
        if following is not None:
            pending.append(submit(following))
        yield done


def _pooled(groups: Iterable[Group], pool: Pool, options: BuildOptions, work: Callable[[Group, Any], GroupResult]) -> Iterator[GroupResult]:
    """Results of the local pool in the groups' order. A worker that dies (killed, out of memory) breaks
    the pool and every group in flight with it: the pool is made anew and each of those groups is
    aligned again on its own (see _alone), so the one that kills its worker each time is reported
    skipped with why and the others are not held against it."""
    groups, window = iter(groups), workers(options) * _WINDOW_PER_WORKER
    pending = deque((group, pool.submit(work, group, options)) for group in itertools.islice(groups, window))  # now
    return _pooled_in_order(pending, groups, window, pool, options, work)


def _pooled_in_order(pending: deque, groups: Iterator[Group], window: int, pool: Pool, options: BuildOptions,
                     work: Callable[[Group, Any], GroupResult]) -> Iterator[GroupResult]:
    while pending:
        group, future = pending.popleft()
        try:
            done = future.result()
        except BrokenProcessPool:
            pool.restart()
            again = [group, *(other for other, _future in pending)]
            pending.clear()
            yield from (_alone(group, pool, options, work) for group in again)
            pending.extend((group, pool.submit(work, group, options)) for group in itertools.islice(groups, window))
            continue
        following = next(groups, None)
        if following is not None:
            pending.append((following, pool.submit(work, following, options)))
        yield done


def _alone(group: Group, pool: Pool, options: BuildOptions, work: Callable[[Group, Any], GroupResult]) -> GroupResult:
    """One group on the pool by itself after a worker died: it may not have been the one that died, or
    may never have started, so it has two tries of its own; skipped if its worker dies in both."""
    for _try in range(2):
        try:
            return pool.submit(work, group, options).result()
        except BrokenProcessPool:
            pool.restart()
    reason = "its worker died each time it was read or aligned (killed, or out of memory)"
    return GroupResult(group.symbol, 0, [InputRecord(path, "skipped", reason) for path in group.paths])


def _dask(groups: Iterable[Group], options: BuildOptions, work: Callable[[Group, Any], GroupResult]) -> Iterator[GroupResult]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--engine dask needs the dask extra: python -m pip install -e '.[dask]'") from None
    with contextlib.ExitStack() as stack:
        if options.scheduler:
            client = stack.enter_context(Client(options.scheduler))
        else:
            cluster = stack.enter_context(LocalCluster(n_workers=workers(options), threads_per_worker=1, processes=True,
                                                       dashboard_address=None))
            client = stack.enter_context(Client(cluster))
        count = max(1, len(client.scheduler_info()["workers"]))
        yield from _ordered(groups, lambda group: client.submit(work, group, options, pure=False), count)


def in_child(work: Callable[..., Any], *args: Any) -> Callable[[], Any]:
    """`work(*args)` started now in a forked child process; the function returned waits for its result
    (or raises its error). For a phase whose passing memory must not stay behind in this process: freed
    objects scattered among kept ones are not given back to the system, and this process writes the
    outputs for the rest of the build. Started before the pool, while this process has no other thread."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_send_result, args=(send, work, args), daemon=True)
    child.start()
    send.close()

    def result() -> Any:
        try:
            done, value = receive.recv()
        except EOFError:
            child.join()
            raise RuntimeError(f"{work.__name__} ended without a result (exit code {child.exitcode})") from None
        finally:
            receive.close()
        child.join()
        if not done:
            raise value
        return value

    return result


def _send_result(send: Any, work: Callable[..., Any], args: tuple[Any, ...]) -> None:
    _tie_to_build()
    try:
        outcome = True, work(*args)
    except BaseException as error:  # noqa: BLE001 (raised again in the parent)
        outcome = False, error
    send.send(outcome)
    send.close()


def cluster_workers(options: BuildOptions) -> int:
    """The number of workers the report records: the pool's size, or the Dask cluster's."""
    if options.engine != "dask" or not options.scheduler:
        return workers(options)
    from dask.distributed import Client

    with Client(options.scheduler) as client:
        return len(client.scheduler_info()["workers"])
