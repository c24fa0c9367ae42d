"""Shared fixtures: the real corpora, and one build of them that many tests read."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from align.ingest import read_source
from align.model import Document
from align.pipeline.options import BuildOptions
from align.pipeline.run import build
from align.structure import parse

ROOT = Path(__file__).resolve().parents[1]


def script(name: str):
    """A module of scripts/ (the fixture makers and benchmarks tests share with people)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hostile = script("make_hostile")
fixtures = script("make_fixtures")
evaluation = script("eval_alignment")
CORPORA = ROOT / "corpora"
SEED = CORPORA / "A_RES_60_212-FR.md"
UDHR_LANGS = ("ar", "zh", "en", "fr", "ru", "es")
CREATED = "20051222T000000Z"


def udhr_path(lang: str) -> Path:
    return CORPORA / f"A_RES_217(III)-{lang.upper()}.md"


def units_of(path: Path) -> list[tuple[str, str, str, tuple]]:
    """A file's units as read and parsed: ids, kinds, texts and footnote positions."""
    return [(unit.id, unit.kind, unit.text, unit.marks) for unit in parse(read_source(path)).units]


def rendered(folder: Path, format_: str, sources: list[Path]) -> Path:
    """`sources` rendered in another format by scripts/make_fixtures.py into `folder`."""
    fixtures.main([str(folder), *map(str, sources), "--formats", format_])
    return folder


def corpora_with_copies(folder: Path, copies: int) -> Path:
    """corpora/'s Markdown documents in `folder`, with the UDHR again under `copies` more symbols: more
    groups to work on, few and small enough for tests of the build machinery that build many times."""
    shutil.copytree(CORPORA, folder, ignore=shutil.ignore_patterns("un-akn"))
    for copy in range(1, copies + 1):
        for source in CORPORA.glob("A_RES_217(III)-*.md"):
            shutil.copy(source, folder / source.name.replace("217(III)", f"217({copy})"))
    return folder


@pytest.fixture(scope="session")
def udhr() -> dict[str, Document]:
    return {lang: parse(read_source(udhr_path(lang))) for lang in UDHR_LANGS}


@pytest.fixture(scope="session")
def seed() -> Document:
    return parse(read_source(SEED))


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """OUT of `align build corpora` (through the library, pinned dates)."""
    out = tmp_path_factory.mktemp("build") / "out"
    build(BuildOptions.of(inputs=(CORPORA,), out=out, created=CREATED))
    return out
