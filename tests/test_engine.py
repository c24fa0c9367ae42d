"""Parallel, distributed and incremental builds give the same outputs as a serial one."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from align.pipeline.options import BuildOptions
from align.pipeline.run import build
from tests.conftest import CREATED, corpora_with_copies


def outputs(out: Path) -> dict[str, bytes]:
    """Every output but the report (which records the engine) and the cache."""
    return {str(path.relative_to(out)): path.read_bytes() for path in sorted(out.rglob("*"))
            if path.is_file() and ".cache" not in path.parts and not path.name.startswith("report.")}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """corpora/ with the UDHR under three more symbols: several groups for the workers to share."""
    return corpora_with_copies(tmp_path_factory.mktemp("engine") / "in", 3)


@pytest.fixture(scope="module")
def serial(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("serial") / "out"
    build(BuildOptions.of(inputs=(corpus,), out=out, created=CREATED, jobs=1, cache=False))
    return out


def test_process_pool_equals_serial(corpus: Path, serial: Path, tmp_path: Path) -> None:
    result = build(BuildOptions.of(inputs=(corpus,), out=tmp_path / "out", created=CREATED, jobs=2, cache=False))
    assert result.workers == 2 and result.documents == 5
    assert outputs(tmp_path / "out") == outputs(serial)


def test_dask_local_cluster_equals_serial(corpus: Path, serial: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        options = BuildOptions.of(inputs=(corpus,), out=tmp_path / "out", created=CREATED, engine="dask",
                               scheduler=cluster.scheduler_address, cache=False)
        result = build(options)
    assert result.workers == 2
    assert outputs(tmp_path / "out") == outputs(serial)
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["options"]["engine"] == "dask" and report["options"]["jobs"] == 2


def test_a_cluster_whose_workers_run_elsewhere_reads_inputs_given_by_relative_paths(
        corpus: Path, serial: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A scheduler and a worker started as the `dask` command starts them, the worker in a folder of its
    own, as on another machine: inputs named relative to the build's folder are still read there."""
    pytest.importorskip("dask.distributed")
    elsewhere, scheduler_file = tmp_path / "elsewhere", tmp_path / "scheduler.json"
    elsewhere.mkdir()
    common = ["--scheduler-file", str(scheduler_file), "--no-dashboard"]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    processes = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", *common, "--host", "127.0.0.1", "--port", "0"], **quiet)]
    try:
        processes.append(subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", *common, "--nthreads", "1"], cwd=elsewhere, **quiet))
        from dask.distributed import Client

        with Client(scheduler_file=str(scheduler_file), timeout=60) as client:
            client.wait_for_workers(1, timeout=60)
            address = client.scheduler.address
        monkeypatch.chdir(corpus.parent)
        result = build(BuildOptions.of(inputs=(Path(corpus.name),), out=tmp_path / "out", created=CREATED, engine="dask",
                                    scheduler=address, cache=False))
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)
    assert (result.workers, result.documents, result.count("skipped")) == (1, 5, 0)
    assert outputs(tmp_path / "out") == outputs(serial)


def test_incremental_build_redoes_only_what_changed(corpus: Path, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(corpus, inputs)
    out = tmp_path / "out"
    first = build(BuildOptions.of(inputs=(inputs,), out=out, created=CREATED, jobs=1))
    assert first.cached == 0
    _change_english(inputs)
    second = build(BuildOptions.of(inputs=(inputs,), out=out, created=CREATED, jobs=1))
    assert (second.cached, second.documents) == (4, 5)
    assert "Everybody has the right to life" in (out / "moses" / "fr-en.en").read_text(encoding="utf-8")
    fresh = tmp_path / "fresh"
    build(BuildOptions.of(inputs=(inputs,), out=fresh, created=CREATED, jobs=1, cache=False))
    assert outputs(out) == outputs(fresh)
    assert len(list((out / ".cache").glob("*/*.json"))) == 5  # the changed group's old entry is gone


def test_export_options_render_again_from_the_cached_alignment(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Alignment scores, export decides: a rebuild that changes only --min-score, --profile or --formats
    aligns nothing (the aligner is made to fail here) and writes what a fresh build with those options writes."""
    import align.pipeline.work

    out = tmp_path / "out"
    build(BuildOptions.of(inputs=(corpus,), out=out, created=CREATED, jobs=1))
    monkeypatch.setattr(align.pipeline.work, "align_group", lambda *_: pytest.fail("aligned again"))
    changed = {"min_score": 0.9, "profile": "trados", "formats": ["tmx", "tables", "tok"]}
    again = build(BuildOptions.of(inputs=(corpus,), out=out, created=CREATED, jobs=1, **changed))
    assert (again.cached, again.documents) == (5, 5)
    monkeypatch.undo()
    fresh = tmp_path / "fresh"
    build(BuildOptions.of(inputs=(corpus,), out=fresh, created=CREATED, jobs=1, cache=False, **changed))
    written = outputs(fresh)  # (a build leaves the files of formats it was not asked for as they were)
    assert {name: data for name, data in outputs(out).items() if name in written} == written
    assert "low-score" in (out / "units.tsv").read_text(encoding="utf-8")
    assert len(list((out / ".cache").glob("*/*.aligned"))) == 5 and len(list((out / ".cache").glob("*/*.json"))) == 5


def test_a_failing_document_is_reported_not_fatal(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import align.pipeline.work

    real = align.pipeline.work.align_group

    def fragile(documents, options, corrections):
        if documents[0].symbol == "A/RES/217(2)":
            raise RuntimeError("simulated aligner bug")
        return real(documents, options, corrections)

    monkeypatch.setattr(align.pipeline.work, "align_group", fragile)
    result = build(BuildOptions.of(inputs=(corpus,), out=tmp_path / "out", jobs=1, cache=False))
    failed = [record for record in result.inputs if record.symbol == "A/RES/217(2)"]
    assert len(failed) == 6 and {record.outcome for record in failed} == {"skipped"}
    assert "simulated aligner bug" in failed[0].reason
    assert result.documents == 4  # the others are aligned and written


def test_a_rebuild_without_a_pinned_date_uses_the_cache(corpus: Path, tmp_path: Path) -> None:
    """The date of a build is not part of a document's key: unchanged documents keep their units, and
    their creationdate, from the build that aligned them."""
    out = tmp_path / "out"
    build(BuildOptions.of(inputs=(corpus,), out=out, jobs=1))
    dates = sorted(set(re.findall(r'<tu tuid="[^"]+" creationdate="(\d{8}T\d{6}Z)"', (out / "memory.tmx").read_text(encoding="utf-8"))))
    time.sleep(1.1)  # the next build's own date differs
    second = build(BuildOptions.of(inputs=(corpus,), out=out, jobs=1))
    assert (second.cached, second.documents) == (5, 5)
    again = sorted(set(re.findall(r'<tu tuid="[^"]+" creationdate="(\d{8}T\d{6}Z)"', (out / "memory.tmx").read_text(encoding="utf-8"))))
    assert again == dates and len(dates) == 1


def _change_english(inputs: Path) -> None:
    changed = inputs / "A_RES_217(2)-EN.md"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Everyone has the right to life", "Everybody has the right to life"), encoding="utf-8")


def test_the_plan_is_made_in_a_child_and_read_back_one_group_at_a_time(corpus: Path, tmp_path: Path) -> None:
    """The plan of a build (its groups in order, with their cache keys, and the groups to align) is made in
    a child process and read back here from disk; after a build and a change, only the changed group is
    left to align, under a new key."""
    from align.pipeline.plan import Plan
    from align.pipeline.workers import in_child

    inputs, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(corpus, inputs)
    options = BuildOptions.of(inputs=(inputs,), out=out, created=CREATED, jobs=1)
    plan = Plan(out)
    langs, records, fresh, total = in_child(plan.make, options, CREATED, {})()
    symbols = ["A/RES/217(1)", "A/RES/217(2)", "A/RES/217(3)", "A/RES/217(III)", "A/RES/60/212"]
    assert [group.symbol for group, _aligned, _key, _cached in plan.groups()] == symbols
    assert [group.symbol for group in plan.for_workers()] == symbols and fresh == total == 5
    assert langs == {"ar", "en", "es", "fr", "ru", "zh"} and [(record.path, record.outcome) for record in records] == [
        (str(inputs / "README.md"), "ignored")]
    assert [group.paths for group, _aligned, _key, _cached in plan.groups()][0] == tuple(
        str(inputs / f"A_RES_217(1)-{lang}.md") for lang in ("AR", "EN", "ES", "FR", "RU", "ZH"))
    keys = {group.symbol: key for group, _aligned, key, _cached in plan.groups()}
    calls: list[tuple[str, int]] = []
    build(options, progress=lambda symbol, total: calls.append((symbol, total)))
    assert calls == [(symbol, 5) for symbol in symbols]  # a progress bar knows its total
    _change_english(inputs)
    plan = Plan(out)
    *_, fresh, total = in_child(plan.make, options, CREATED, {})()
    assert [(group.symbol, cached) for group, _aligned, _key, cached in plan.groups()] == [(symbol, symbol != "A/RES/217(2)") for symbol in symbols]
    assert [group.symbol for group in plan.for_workers()] == ["A/RES/217(2)"] and (fresh, total) == (1, 5)
    assert [group.symbol for group, _aligned, key, _cached in plan.groups() if key != keys[group.symbol]] == ["A/RES/217(2)"]
    assert [path.name for path in out.iterdir() if path.name.startswith("tmp")] == []  # the spools are anonymous


def test_a_rebuild_copies_unchanged_documents_from_the_previous_outputs(corpus: Path, tmp_path: Path) -> None:
    """The cached documents' texts come from the previous build's files (the cache's copies are made
    unreadable here, so they cannot come from there); files the change does not touch stay in place."""
    inputs, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(corpus, inputs)
    build(BuildOptions.of(inputs=(inputs,), out=out, created=CREATED, jobs=1))
    untouched, touched = out / "moses" / "fr-ru.ru", out / "moses" / "fr-en.en"
    before = {path: (path.stat().st_ino, path.stat().st_mtime_ns) for path in (untouched, touched)}
    for texts in (out / ".cache").glob("*/*.texts"):
        texts.write_bytes(b"not texts of this version")
    _change_english(inputs)
    second = build(BuildOptions.of(inputs=(inputs,), out=out, created=CREATED, jobs=1))
    assert (second.cached, second.documents) == (4, 5)
    fresh = tmp_path / "fresh"
    build(BuildOptions.of(inputs=(inputs,), out=fresh, created=CREATED, jobs=1, cache=False))
    assert outputs(out) == outputs(fresh)
    assert (untouched.stat().st_ino, untouched.stat().st_mtime_ns) == before[untouched]
    assert (touched.stat().st_ino, touched.stat().st_mtime_ns) != before[touched]


def test_a_rebuild_after_outputs_were_edited_takes_the_texts_from_the_cache(corpus: Path, serial: Path, tmp_path: Path) -> None:
    """An output file that is no longer the one the previous build wrote is not copied from."""
    out = tmp_path / "out"
    build(BuildOptions.of(inputs=(corpus,), out=out, created=CREATED, jobs=1))
    with open(out / "memory.tmx", "ab") as edited:
        edited.write(b"<!-- edited -->\n")
    (out / "tmx" / "fr-ru.tmx").write_bytes((out / "tmx" / "fr-ru.tmx").read_bytes()[:1000])
    second = build(BuildOptions.of(inputs=(corpus,), out=out, created=CREATED, jobs=2))
    assert (second.cached, second.documents) == (5, 5)
    assert outputs(out) == outputs(serial)  # a --no-cache build of the same inputs


def _damage_records(data: bytes) -> bytes:
    third = len(data) // 3
    return data[:third] + b"\xff" * 64 + data[third + 64:]


def _damage_table(data: bytes) -> bytes:
    return data[:-200] + b"\x00" * 192 + data[-8:]


@pytest.mark.parametrize("damage", [_damage_records, _damage_table])
def test_a_damaged_layout_means_texts_from_the_cache(corpus: Path, serial: Path, tmp_path: Path, damage) -> None:
    """A layout whose records or table of files are damaged is not used: the texts come from the cache."""
    out = tmp_path / "out"
    build(BuildOptions.of(inputs=(corpus,), out=out, created=CREATED, jobs=1))
    layout = out / ".cache" / "layout"
    layout.write_bytes(damage(layout.read_bytes()))
    second = build(BuildOptions.of(inputs=(corpus,), out=out, created=CREATED, jobs=1))
    assert (second.cached, second.documents) == (5, 5)
    assert outputs(out) == outputs(serial)  # a --no-cache build of the same inputs


def test_inputs_are_listed_once_in_path_component_order(tmp_path: Path) -> None:
    """discover sorts as component lists sort ("a/x" before "a-b/x", though "-" sorts before "/"),
    gives a file reached twice (a second input, a link) once, and leaves out the output folder."""
    from align.pipeline.plan import discover

    root = tmp_path / "in"
    names = ["a-b/x.md", "a/x.md", "a.b/x.md", "a/b/x.md", "ab.md", "a/x-y.md", "A/x.md", "out/y.md"]
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", encoding="utf-8")
    (root / "link.md").symlink_to(root / "ab.md")
    found = list(discover((root, root / "a"), root / "out"))
    expected = sorted((str(root / name) for name in names if not name.startswith("out/")), key=lambda name: Path(name).parts)
    assert found == expected


def test_a_phase_run_in_a_child_process_gives_back_its_result_or_its_error() -> None:
    """in_child (the build lists its inputs with it): the value comes back, an error is raised here with
    its type and message, and the child is gone either way."""
    import multiprocessing
    import os

    from align.errors import AlignError
    from align.pipeline.workers import in_child

    assert in_child(divmod, 17, 5)() == (3, 2)
    assert in_child(os.getpid)() != os.getpid()
    with pytest.raises(AlignError, match="no paragraph"):
        in_child(_fails, "no paragraph")()
    assert multiprocessing.active_children() == []


def _fails(message: str) -> None:
    from align.errors import AlignError

    raise AlignError(message)


def _dies(group, options):  # noqa: ANN001, ANN202 (run in a worker: the engine's own signature)
    """A worker's work that kills its worker on the groups whose marker file says so: every time ("always"),
    or the first time only ("once", removed as it dies)."""
    from align.pipeline.work import process

    marker = Path(options.out) / f"die-{group.symbol.replace('/', '_')}"
    if marker.exists():
        if marker.read_text() == "once":
            marker.unlink()
        os.kill(os.getpid(), signal.SIGKILL)
    return process(group, options)


def test_a_worker_that_dies_costs_its_group_a_retry_then_a_skip_never_the_build(corpus: Path, tmp_path: Path) -> None:
    """A killed worker broke the pool and aborted the build with a BrokenProcessPool traceback."""
    from align.model import Group
    from align.pipeline.plan import Plan
    from align.pipeline.workers import run, start

    out = tmp_path / "out"
    out.mkdir()
    (out / "die-A_RES_217(1)").write_text("always")
    (out / "die-A_RES_217(3)").write_text("once")
    options = BuildOptions.of(inputs=(corpus,), out=out, created=CREATED, jobs=2, cache=False)
    plan = Plan(out)
    plan.make(options, "", {})
    groups = [group for group, _aligned, _key, _cached in plan.groups()]
    pool = start(options, ("en", "fr"))
    try:
        results = list(run(iter(groups), len(groups), options, _dies, pool))
    finally:
        pool.shutdown(wait=True)
    assert [result.symbol for result in results] == [group.symbol for group in groups]
    by_symbol = {result.symbol: result for result in results}
    assert by_symbol["A/RES/217(1)"].units == 0
    assert {record.reason for record in by_symbol["A/RES/217(1)"].records} == {
        "its worker died each time it was read or aligned (killed, or out of memory)"}
    assert {symbol: result.units for symbol, result in by_symbol.items() if not result.units} == {"A/RES/217(1)": 0}
    assert not (out / "die-A_RES_217(3)").exists()  # it died once, and was aligned the second time
    assert isinstance(groups[0], Group)


def _sleeps(group, options):  # noqa: ANN001, ANN202
    time.sleep(120)


def test_stopping_the_pool_ends_a_slow_document_at_once(tmp_path: Path) -> None:
    """Ctrl-C during a slow document waited for it to finish: stopping now ends the workers."""
    from align.model import Group
    from align.pipeline.workers import start

    options = BuildOptions.of(inputs=(tmp_path,), out=tmp_path / "out", jobs=2)
    pool = start(options, ())
    future = pool.submit(_sleeps, Group.of("A/1", ["x.md"]), options)
    time.sleep(1)  # the worker is asleep in the document
    workers = list(pool._executor._processes.values())
    began = time.monotonic()
    pool.shutdown(wait=True, stop=True)
    # the executor's own thread marks the document's future once it sees its worker gone
    while (any(worker.is_alive() for worker in workers) or not future.done()) and time.monotonic() - began < 5:
        time.sleep(0.05)
    assert time.monotonic() - began < 5 and not any(worker.is_alive() for worker in workers)
    assert future.done()


def test_a_folder_named_two_ways_is_one_to_the_cache(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The inputs given by a relative path, then by an absolute one: everything from the cache, and the
    report names the files as this build was given them."""
    monkeypatch.chdir(corpus.parent)
    out = tmp_path / "out"
    build(BuildOptions.of(inputs=(Path(corpus.name),), out=out, created=CREATED, jobs=1))
    again = build(BuildOptions.of(inputs=(corpus,), out=out, created=CREATED, jobs=1))
    assert again.cached == again.documents == 5
    paths = [record.path for record in again.inputs if record.outcome == "aligned"]
    assert paths and all(path.startswith(str(corpus)) for path in paths)
