"""Where the per-document work (work.py) runs: in this process, in a local process pool, or on a Dask cluster.

The work of one document symbol is a pure function of its files and the options, so it can run
anywhere; results come back in the order of the groups, so the writers see the same sequence whatever
the engine, and outputs are byte-identical to a serial build.
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
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

from align.errors import UsageError
from align.model import Group, GroupResult, InputRecord
from align.pipeline.work import process, warm

if TYPE_CHECKING:
    from align.pipeline.options import BuildOptions

log = logging.getLogger(__name__)
_WINDOW_PER_WORKER = 4  # groups in flight per worker: enough to keep workers busy, little memory
_PR_SET_PDEATHSIG = 1  # linux/prctl.h
# Pool._started once the pool is closing: stays negative as late workers count themselves in
_CLOSING = -(1 << 30)


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
        self._new = functools.partial(
            concurrent.futures.ProcessPoolExecutor,
            max_workers=workers(options),
            mp_context=context,
            initializer=_start_worker,
            initargs=(tuple(langs), options, self._started, self._more),
        )
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
            self._started.value = (
                _CLOSING  # a worker still waiting to warm up (or yet to count itself in) does not
            )
        self._more.set()
        stopped = list(getattr(self._executor, "_processes", {}).values()) if stop else []
        for worker in (
            stopped
        ):  # ProcessPoolExecutor can only wait for its workers (terminate_workers: Python 3.14)
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
    """A worker's start: bound to the build's life, then warmed up (work.warm): the first at once, the
    others when there is more than one group."""
    _tie_to_build()
    with started.get_lock():
        first, started.value = started.value == 0, started.value + 1
    if not first:
        more.wait()
        if started.value < 0:
            return
    warm(langs, options)


def run(
    groups: Iterable[Group],
    count: int,
    options: BuildOptions,
    work: Callable[[Group, Any], GroupResult] = process,
    pool: Pool | None = None,
) -> Iterator[GroupResult]:
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


def _ordered(
    groups: Iterable[Group], submit: Callable[[Group], Any], count: int
) -> Iterator[GroupResult]:
    """Submit the first groups now, the others through a sliding window; results in submission order."""
    groups = iter(groups)
    pending = deque(submit(group) for group in itertools.islice(groups, count * _WINDOW_PER_WORKER))
    return _in_order(pending, groups, submit)


def _in_order(
    pending: deque, groups: Iterator[Group], submit: Callable[[Group], Any]
) -> Iterator[GroupResult]:
    while pending:
        done = pending.popleft().result()
        following = next(groups, None)
        if following is not None:
            pending.append(submit(following))
        yield done


def _pooled(
    groups: Iterable[Group],
    pool: Pool,
    options: BuildOptions,
    work: Callable[[Group, Any], GroupResult],
) -> Iterator[GroupResult]:
    """Results of the local pool in the groups' order. A worker that dies (killed, out of memory) breaks
    the pool and every group in flight with it: the pool is made anew and each of those groups is
    aligned again on its own (see _alone), so the one that kills its worker each time is reported
    skipped with why and the others are not held against it."""
    groups, window = iter(groups), workers(options) * _WINDOW_PER_WORKER
    # now
    pending = deque(
        (group, pool.submit(work, group, options)) for group in itertools.islice(groups, window)
    )
    return _pooled_in_order(pending, groups, window, pool, options, work)


def _pooled_in_order(
    pending: deque,
    groups: Iterator[Group],
    window: int,
    pool: Pool,
    options: BuildOptions,
    work: Callable[[Group, Any], GroupResult],
) -> Iterator[GroupResult]:
    while pending:
        group, future = pending.popleft()
        try:
            done = future.result()
        except BrokenProcessPool:
            pool.restart()
            again = [group, *(other for other, _future in pending)]
            pending.clear()
            yield from (_alone(group, pool, options, work) for group in again)
            pending.extend(
                (group, pool.submit(work, group, options))
                for group in itertools.islice(groups, window)
            )
            continue
        following = next(groups, None)
        if following is not None:
            pending.append((following, pool.submit(work, following, options)))
        yield done


def _alone(
    group: Group, pool: Pool, options: BuildOptions, work: Callable[[Group, Any], GroupResult]
) -> GroupResult:
    """One group on the pool by itself after a worker died: it may not have been the one that died, or
    may never have started, so it has two tries of its own; skipped if its worker dies in both."""
    for _try in range(2):
        try:
            return pool.submit(work, group, options).result()
        except BrokenProcessPool:
            pool.restart()
    reason = "its worker died each time it was read or aligned (killed, or out of memory)"
    return GroupResult(
        group.symbol, 0, [InputRecord(path, "skipped", reason) for path in group.paths]
    )


def _dask(
    groups: Iterable[Group], options: BuildOptions, work: Callable[[Group, Any], GroupResult]
) -> Iterator[GroupResult]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise UsageError(
            "--engine dask needs the dask extra: python -m pip install -e '.[dask]'"
        ) from None
    with contextlib.ExitStack() as stack:
        if options.scheduler:
            client = stack.enter_context(Client(options.scheduler))
        else:
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=workers(options),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
            )
            client = stack.enter_context(Client(cluster))
        count = max(1, len(client.scheduler_info()["workers"]))
        yield from _ordered(
            groups, lambda group: client.submit(work, group, options, pure=False), count
        )


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
            raise RuntimeError(
                f"{work.__name__} ended without a result (exit code {child.exitcode})"
            ) from None
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
