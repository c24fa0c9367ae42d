"""Splits by document and filters that remove exactly what they report."""

import json
from pathlib import Path

import pandas as pd
import pytest

from align.outputs.options import ExportOptions
from align.outputs.tables import schema
from align.pipeline.options import BuildOptions
from align.pipeline.run import build
from align.tools.dataset import DatasetOptions, assign_splits, clean
from align.tools.reexport import export_dataset
from tests.conftest import CREATED, corpora_with_copies

FR_EN = [("Décide de continuer.", "Decides to continue."), ("Prend note du rapport.", "Takes note of the report.")]


def table(rows: list[tuple[str, str, str | None, str | None, float]]) -> pd.DataFrame:
    records = [{"document": doc, "unit": unit, "kind": "operative", "level": "paragraph", "srclang": "fr", "score": score,
                "flags": "", "pivot": "fr", "unit_ids": "{}", "fr": fr, "en": en} for doc, unit, fr, en, score in rows]
    frame = pd.DataFrame(records, columns=schema(["fr", "en"], "pairs").names)
    return frame.astype({column: "float64" if column == "score" else "string" for column in frame.columns})


def test_splits_never_share_a_document() -> None:
    documents = [f"A/RES/{d}" for d in range(40)]
    splits = assign_splits(documents, (80, 10, 10), seed=7)
    assert sorted(splits) == sorted(documents)  # every document in exactly one split
    counts = pd.Series(splits).value_counts()
    assert counts["train"] == 32 and counts["dev"] == 4 and counts["test"] == 4
    assert assign_splits(list(reversed(documents)), (80, 10, 10), seed=7) == splits  # reproducible, order-free
    assert assign_splits(documents, (80, 10, 10), seed=8) != splits


def test_filters_remove_exactly_what_they_report() -> None:
    frame = table([
        ("A/1", "op.1", *FR_EN[0], 0.9),
        ("A/1", "op.2", *FR_EN[1], 0.005),  # low score
        ("A/2", "op.1", *FR_EN[0], 0.9),  # exact duplicate of A/1 op.1
        ("A/2", "op.2", "2. Décide de continuer !", "2. decides to continue", 0.9),  # near duplicate
        ("A/2", "op.3", "Texte court.", "This English text is very much longer than its French side, far too long.", 0.9),
        ("A/2", "op.4", "Le Conseil décide de la date de la session.", "Le Conseil décide de la date de la session.", 0.9),  # not English
        ("A/2", "op.5", "Seul.", None, 0.0),
    ])
    options = DatasetOptions(min_score=0.01, max_length_ratio=3, langid=True, dedupe=True)
    kept, removed = clean(frame, options)
    assert removed == {"single-language": 1, "min-score": 1, "length-ratio": 1, "langid": 1, "exact-duplicate": 1, "near-duplicate": 1}
    assert len(kept) == len(frame) - sum(removed.values())
    assert list(kept["unit"]) == ["op.1"] and list(kept["document"]) == ["A/1"]


def test_export_from_the_table_without_realigning(built: Path, tmp_path: Path) -> None:
    summary = export_dataset(built, tmp_path / "export", ExportOptions(formats=("jsonl", "moses", "tmx")), DatasetOptions(split=(1, 1, 1), seed=3))
    table = pd.read_parquet(built / "units.parquet")
    multilingual = int((table[["ar", "zh", "en", "fr", "ru", "es"]].notna().sum(axis=1) >= 2).sum())
    # single-language: 60/212's 36 units (only its French version is bundled), the UDHR's English "Now, therefore,"
    assert sum(summary["splits"].values()) == multilingual and summary["removed"] == {"single-language": 37}
    assert sum(summary["pair_splits"].values()) == len(pd.read_parquet(built / "pairs.parquet"))
    written = json.loads((tmp_path / "export" / "dataset.json").read_text(encoding="utf-8"))
    assert written["documents"] == summary["documents"]
    splits = [name for name, count in summary["pair_splits"].items() if count]
    assert len(splits) >= 2  # the corpora's documents fill more than one split
    placed = [document for documents in summary["documents"].values() for document in documents]
    assert len(placed) == len(set(placed))  # a document lies in one split only
    for name in ("moses/fr-en.en", "jsonl/fr-zh.jsonl"):  # and the splits hold the build's lines, each once
        exported = [line for split in splits for line in (tmp_path / "export" / split / name).read_text(encoding="utf-8").splitlines()]
        assert sorted(exported) == sorted((built / name).read_text(encoding="utf-8").splitlines())


def test_exported_memory_has_the_builds_languages_only_and_is_valid_tmx(built: Path, tmp_path: Path) -> None:
    """The re-exported memory.tmx is the build's, unit for unit: valid against the TMX 1.4b DTD, no language
    the build did not have (a `split` column once came out as a language of every unit)."""
    from lxml import etree

    export_dataset(built, tmp_path / "export", ExportOptions(formats=("tmx",)), DatasetOptions(split=(1, 1, 1), seed=3))
    dtd = etree.DTD(str(Path(__file__).resolve().parents[2] / "align" / "data" / "tmx14.dtd"))
    units = 0
    for path in (tmp_path / "export").glob("*/memory.tmx"):
        document = etree.parse(str(path))
        assert dtd.validate(document), path
        assert {tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in document.iter("tuv")} <= {"ar", "zh", "en", "fr", "ru", "es", "de"}
        units += len(document.findall("body/tu"))
    assert units == len(etree.parse(str(built / "memory.tmx")).findall("body/tu"))


def test_an_export_read_in_small_batches_equals_one_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables are read a batch of rows at a time: filters that look across the table (the length ratio of a
    pair, duplicates: the UDHR again under two more symbols) and documents cut by a batch's end give what
    one batch of the whole table gives."""
    import align.tools.dataset

    built = tmp_path / "out"
    build(BuildOptions.of(inputs=(corpora_with_copies(tmp_path / "in", 2),), out=built, created=CREATED))
    options = DatasetOptions(min_score=0.9, max_length_ratio=1.25, dedupe=True, split=(2, 1), seed=9)
    whole = export_dataset(built, tmp_path / "whole", ExportOptions(formats=("moses", "tmx", "jsonl"), created=CREATED), options)
    monkeypatch.setattr(align.tools.dataset, "BATCH", 7)
    batched = export_dataset(built, tmp_path / "batched", ExportOptions(formats=("moses", "tmx", "jsonl"), created=CREATED), options)
    assert min(whole["removed"]["length-ratio"], whole["removed"]["exact-duplicate"], whole["removed_pairs"]["exact-duplicate"]) > 0
    assert {key: value for key, value in batched.items() if key != "to"} == {key: value for key, value in whole.items() if key != "to"}
    files = sorted(path.relative_to(tmp_path / "whole") for path in (tmp_path / "whole").rglob("*") if path.is_file() and path.name != "dataset.json")
    assert files and all((tmp_path / "whole" / name).read_bytes() == (tmp_path / "batched" / name).read_bytes() for name in files)
