"""A build deletes only what a build wrote, by exact name, never through a link, and nothing it reads
back from OUT can run code: the red team's files, planted in OUT before builds."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from align.errors import AlignError
from align.pipeline.options import BuildOptions
from align.pipeline.run import build
from tests.conftest import CREATED, corpora_with_copies


class _Payload:
    """Unpickled, it would create the file `marker`."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple:
        return (os.system, (f"touch {self.marker}",))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpora_with_copies(tmp_path_factory.mktemp("own") / "in", 3)


def _snapshot(out: Path) -> dict[str, bytes]:
    return {str(path.relative_to(out)): path.read_bytes() for path in sorted(out.rglob("*"))
            if path.is_file() and ".cache" not in path.parts and path.name not in (".lock", "report.json")}


def test_files_a_build_did_not_write_survive_it(inputs: Path, tmp_path: Path) -> None:
    out, victim = tmp_path / "out", tmp_path / "victim"
    victim.mkdir()
    key = "ab" + "0" * 62
    planted = [out / ".cache/app/settings.json", out / ".notes.part", out / "sub/.draft.part", out / "tmx/.notes.part",
               out / ".cache/ab" / f"{key}.json.bak", out / "moses/.x.part.bak", victim / "keep", victim / f"{key}.json",
               victim / ".memory.tmx.part"]
    for path in planted:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    (out / ".cache/zz").symlink_to(victim)
    (out / ".cache/cd").symlink_to(victim)  # named as a cache folder
    for _ in range(2):  # the second build prunes the cache
        build(BuildOptions.of(inputs=(inputs,), out=out, created=CREATED))
    (out / ".memory.tmx.part").symlink_to(victim / ".memory.tmx.part")  # named as a leftover: a link
    with pytest.raises(AlignError, match=r"\.memory\.tmx\.part: is a link"):  # neither removed nor written through
        build(BuildOptions.of(inputs=(inputs,), out=out, created=CREATED))
    assert [path for path in planted if not path.is_file() or path.read_text() != "x"] == []
    assert (out / ".memory.tmx.part").is_symlink()


def test_a_leftover_of_a_killed_build_is_removed_by_its_name(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(BuildOptions.of(inputs=(inputs,), out=out, created=CREATED))
    leftovers = [out / ".memory.tmx.part", out / "tmx/.fr-en.tmx.part", out / "moses/tok/.fr-en.fr.part", out / ".cache/.layout.part"]
    for path in leftovers:
        path.write_text("half")
    build(BuildOptions.of(inputs=(inputs,), out=out, created=CREATED))
    assert not any(path.exists() for path in leftovers)


def test_an_output_folder_that_is_a_link_is_refused(inputs: Path, tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    elsewhere.mkdir()
    out.mkdir()
    (out / "tmx").symlink_to(elsewhere)
    with pytest.raises(AlignError, match="tmx: is a link; a build writes only inside its output folder"):
        build(BuildOptions.of(inputs=(inputs,), out=out, created=CREATED))
    assert list(elsewhere.iterdir()) == []


def test_planted_cache_and_layout_never_run_and_are_rebuilt(inputs: Path, tmp_path: Path) -> None:
    out, marker = tmp_path / "out", tmp_path / "ran"
    first = build(BuildOptions.of(inputs=(inputs,), out=out, created=CREATED))
    expected = _snapshot(out)
    payload = pickle.dumps(_Payload(marker))
    entries = sorted((out / ".cache").glob("*/*.json"))
    for entry in entries[:1]:
        entry.write_bytes(payload)  # an entry that is a pickle
    for entry in entries[1:2]:
        entry.write_bytes(b'["r", "Popen", {"args": "touch ' + str(marker).encode() + b'"}]')  # a record not allowed
    for entry in sorted((out / ".cache").glob("*/*.texts"))[2:3]:
        entry.write_bytes(payload)
    (out / ".cache/layout").write_bytes(payload)
    again = build(BuildOptions.of(inputs=(inputs,), out=out, created=CREATED))
    assert not marker.exists()
    assert again.cached == first.documents - 3  # the three planted entries: aligned again
    assert _snapshot(out) == expected
    third = build(BuildOptions.of(inputs=(inputs,), out=out, created=CREATED))
    assert third.cached == first.documents and _snapshot(out) == expected
