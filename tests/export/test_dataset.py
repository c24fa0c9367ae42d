"""Splits by document and filters that remove exactly what they report."""

import json
from pathlib import Path

import pandas as pd

from align.export.dataset import DatasetOptions, assign_splits, clean
from align.export.tables import schema
from align.pipeline import export_dataset

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
    summary = export_dataset(built, tmp_path / "export", ("jsonl", "moses", "tmx"), DatasetOptions(split=(1, 1, 1), seed=3))
    table = pd.read_parquet(built / "units.parquet")
    multilingual = int((table[["ar", "zh", "en", "fr", "ru", "es"]].notna().sum(axis=1) >= 2).sum())
    assert sum(summary["splits"].values()) == multilingual and summary["removed"] == {"single-language": 28}
    assert sum(summary["pair_splits"].values()) == len(pd.read_parquet(built / "pairs.parquet"))
    written = json.loads((tmp_path / "export" / "dataset.json").read_text(encoding="utf-8"))
    assert written["documents"] == summary["documents"]
    [split] = [name for name, count in summary["pair_splits"].items() if count]
    with_document = [name for name, documents in summary["documents"].items() if "A/RES/217(III)" in documents]
    assert with_document == [split]
    assert (tmp_path / "export" / split / "moses" / "fr-en.en").read_text(encoding="utf-8") == (built / "moses" / "fr-en.en").read_text(encoding="utf-8")
    assert (tmp_path / "export" / split / "jsonl" / "fr-zh.jsonl").read_text(encoding="utf-8") == (built / "jsonl" / "fr-zh.jsonl").read_text(encoding="utf-8")
