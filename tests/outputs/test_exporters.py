"""Contract of every exporter, on one real build of corpora/: each output is whole and readable."""

import json
from pathlib import Path

import pandas as pd
import pytest
from lxml import etree
from translate.storage import tmx

from align.langs import UN_LANGS
from align.outputs import EXPORTERS
from tests.conftest import CORPORA, CREATED

DTD = etree.DTD(str(Path(__file__).resolve().parents[2] / "align" / "data" / "tmx14.dtd"))
PAIRS = [f"fr-{lang}" for lang in UN_LANGS if lang != "fr"]
# What each exporter must write under OUT.
EXPECTED = {
    "tmx": ["memory.tmx"] + [f"tmx/{pair}.tmx" for pair in PAIRS],
    "moses": [f"moses/{pair}.{side}" for pair in PAIRS for side in pair.split("-")],
    "tok": [f"moses/tok/{pair}.{side}" for pair in PAIRS for side in pair.split("-")],
    "jsonl": [f"jsonl/{pair}.jsonl" for pair in PAIRS],
    "tsv": [f"tsv/{pair}.tsv" for pair in PAIRS],
    "tables": ["units.parquet", "units.tsv", "pairs.parquet"],
    "srx": ["segmentation.srx"],
    "report": ["report.json", "report.html"],
}


def test_registry_and_expectations_agree() -> None:
    assert set(EXPECTED) == set(EXPORTERS)


@pytest.mark.parametrize("name", list(EXPORTERS))
def test_exporter_writes_whole_files(built: Path, name: str) -> None:
    report = json.loads((built / "report.json").read_text(encoding="utf-8"))
    for relative in EXPECTED[name]:
        assert (built / relative).stat().st_size > 0, relative
        assert relative in report["outputs"]
    assert not list(built.rglob("*.part")), "no temporary file is left behind"


@pytest.mark.parametrize("relative", ["memory.tmx"] + [f"tmx/{pair}.tmx" for pair in PAIRS])
def test_tmx_is_valid_and_read_by_translate_toolkit(built: Path, relative: str) -> None:
    document = etree.parse(str(built / relative))
    assert DTD.validate(document), DTD.error_log.filter_from_errors()
    header = document.find("header")
    for attribute in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"):
        assert header.get(attribute), attribute
    assert header.get("srclang") == "fr" and header.get("creationdate") == CREATED
    store = tmx.tmxfile.parsefile(str(built / relative))
    assert len(store.units) == len(document.findall("body/tu")) > 50
    for tu in document.findall("body/tu"):
        props = {prop.get("type"): prop.text for prop in tu.findall("prop")}
        assert props["x-document"] and props["x-unit"]
        assert len(tu.findall("tuv")) >= 2


def test_bilingual_tmx_read_back_as_source_and_target(built: Path) -> None:
    with open(built / "tmx/fr-en.tmx", "rb") as handle:
        store = tmx.tmxfile(handle, sourcelanguage="fr", targetlanguage="en")
    texts = {unit.source: unit.target for unit in store.units}
    assert texts["Tous les êtres humains naissent libres et égaux en dignité et en droits."] == (
        "All human beings are born free and equal in dignity and rights.")  # sentence by sentence
    assert texts["Tout individu a droit à la vie, à la liberté et à la sûreté de sa personne."] == (
        "Everyone has the right to life, liberty and the security of person."
    )


def test_moses_pairs_line_up_with_the_table(built: Path) -> None:
    table = pd.read_parquet(built / "pairs.parquet")
    for pair in PAIRS:
        pivot, lang = pair.split("-")
        left = (built / f"moses/{pair}.{pivot}").read_text(encoding="utf-8").split("\n")[:-1]
        right = (built / f"moses/{pair}.{lang}").read_text(encoding="utf-8").split("\n")[:-1]
        assert len(left) == len(right) > 50
        assert all(line.strip() for line in left + right), "no empty line"
        rows = table[(table["pair"] == lang) & table[pivot].notna() & table[lang].notna()]
        assert list(rows[pivot]) == left and list(rows[lang]) == right, "line k of both sides is one unit"
        assert "A/RES/217(III)" in set(rows["document"]) and "A/RES/60/212" not in set(rows["document"])


def test_pair_view_is_finer_than_the_nway_view(built: Path) -> None:
    pairs = pd.read_parquet(built / "pairs.parquet")
    en = pairs[pairs["pair"] == "en"]
    assert list(en[en["unit"].str.startswith("art.1.") | (en["unit"] == "art.1")]["unit"]) == ["art.1.h", "art.1.s1", "art.1.s2"]
    es = pairs[pairs["pair"] == "es"]
    assert "art.1" in set(es["unit"])  # Spanish writes Article 1 as one sentence


def test_units_table(built: Path) -> None:
    table = pd.read_parquet(built / "units.parquet")
    assert list(table.columns) == ["document", "unit", "kind", "level", "srclang", *UN_LANGS, "de", "score", "flags", "pivot", "unit_ids", "marks"]
    assert list(pd.read_parquet(built / "pairs.parquet").columns) == [*table.columns, "pair"]
    tsv = pd.read_csv(built / "units.tsv", sep="\t", dtype=str, keep_default_na=False)
    assert len(tsv) == len(table)
    seed = table[table.document == "A/RES/60/212"]
    # only the French version is bundled: its 29 units and the 7 lines of its cover page, each alone
    assert len(seed) == 36 and set(seed["flags"]) == {"single-language"}
    assert list(seed.unit[:2]) == ["cover.body", "cover.distribution"] and set(seed.kind[:7]) == {"cover"}
    row = table[(table.document == "A/RES/217(III)") & (table.unit == "art.26.2")].iloc[0]
    assert row.kind == "article" and row.level == "paragraph" and row.en.startswith("Education shall be directed")


def test_tmx_holds_no_single_language_unit(built: Path) -> None:
    document = etree.parse(str(built / "memory.tmx"))
    assert not [tu for tu in document.findall("body/tu") if "A/RES/60/212" in tu.get("tuid")]


def test_art_26_2_holds_six_versions_and_nothing_else(built: Path) -> None:
    document = etree.parse(str(built / "memory.tmx"))
    [tu] = [tu for tu in document.findall("body/tu") if tu.findtext("prop[@type='x-unit']") == "art.26.2"]
    langs = [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in tu.findall("tuv")]
    assert langs == list(UN_LANGS)
    assert tu.findtext("tuv[@{http://www.w3.org/XML/1998/namespace}lang='fr']/seg").startswith(
        "L’éducation doit viser au plein épanouissement")


def test_report_lists_every_input(built: Path) -> None:
    report = json.loads((built / "report.json").read_text(encoding="utf-8"))
    outcomes = {Path(record["path"]).name: record["outcome"] for record in report["inputs"]}
    assert outcomes["A_RES_60_212-FR.md"] == "partial"
    assert outcomes["README.md"] == "ignored"
    assert {outcomes[f"A_RES_217(III)-{lang.upper()}.md"] for lang in UN_LANGS if lang != "en"} == {"aligned"}
    # English prints "Now, therefore," after the last recital, which French (the pivot) does not
    [english] = [record for record in report["inputs"] if record["path"].endswith("A_RES_217(III)-EN.md")]
    assert english["outcome"] == "partial" and english["reason"].startswith("1 of ")
    assert report["options"]["pivot"] == "fr" and report["options"]["engine"] == "local"
    assert {outcomes[path.name] for path in (CORPORA / "un-akn").rglob("*.xml")} == {"aligned"}  # German too
    resolutions = {"A/RES/75/234", "A/RES/76/221", "A/RES/76/262", "A/RES/77/185", "A/RES/78/167", "A/RES/79/236",
                   "A/RES/79/258B", "A/RES/80/9", "A/RES/80/156", "S/RES/2618(2022)", "S/RES/2619(2022)", "S/RES/2620(2022)"}
    assert {document["symbol"] for document in report["documents"]} == {"A/RES/60/212", "A/RES/217(III)"} | resolutions


def test_jsonl_is_the_hugging_face_translation_layout(built: Path) -> None:
    for pair in PAIRS:
        pivot, lang = pair.split("-")
        lines = (built / f"jsonl/{pair}.jsonl").read_text(encoding="utf-8").splitlines()
        records = [json.loads(line) for line in lines]
        assert records and all(set(record) == {"translation"} and set(record["translation"]) == {pivot, lang} for record in records)
        moses = (built / f"moses/{pair}.{lang}").read_text(encoding="utf-8").splitlines()
        assert [record["translation"][lang] for record in records] == moses


def test_pair_tsv_reads_back_with_csv_quoting(built: Path) -> None:
    frame = pd.read_csv(built / "tsv/fr-en.tsv", sep="\t", dtype=str, keep_default_na=False)
    assert list(frame.columns) == ["document", "unit", "fr", "en"]
    assert list(frame["en"]) == (built / "moses/fr-en.en").read_text(encoding="utf-8").splitlines()


def test_units_tsv_lines_are_what_pandas_writes(built: Path) -> None:
    """units.tsv is written with the csv module, not pandas (the build does not import pandas): the
    same bytes as pandas' to_csv on the real table and on fields that need quoting or number formats."""
    import csv

    import pyarrow as pa
    import pyarrow.parquet as pq

    from align.outputs.tables import tsv_lines

    def pandas_lines(table: pa.Table) -> str:
        return table.to_pandas().to_csv(sep="\t", index=False, header=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")

    units = pq.read_table(built / "units.parquet")
    edges = pa.table({"text": ["a\tb", 'say "x"', "two\nlines", None, "", " lead", "\r"],
                      "score": [0.1, 1.0, 1e-05, 0.123456789012345, 2.5e10, 0.0, -3.5]})
    for table in (units, edges):
        assert tsv_lines(table.to_pydict()) == pandas_lines(table)
    assert (built / "units.tsv").read_text(encoding="utf-8").split("\n", 1)[1] == pandas_lines(units)


def test_table_arrays_are_what_pyarrow_makes() -> None:
    """Table columns are built from their buffers (tables._array): the same arrays as pa.array gives,
    with nulls, empty and non-ASCII texts, across a byte of validity bits."""
    import pyarrow as pa

    from align.outputs.tables import _array

    texts = ["a", None, "", "人人生而自由", "ولما كان", None, "x" * 300, "é", "9", None]
    for values, type_ in ((texts, pa.string()), ([], pa.string()), ([0.25, None, 1e-05, 0.0] * 3, pa.float64())):
        made = _array(values, type_)
        made.validate(full=True)
        assert made.equals(pa.array(values, type=type_))


def test_a_build_does_not_import_pandas(tmp_path: Path) -> None:
    """Neither a build nor its workers import pandas: a third of a second that an incremental rebuild
    would wait for (pyarrow imports it when it first turns Python lists into arrays)."""
    import subprocess
    import sys

    corpora = Path(__file__).resolve().parents[2] / "corpora"
    script = ("import sys; from align.cli import main; main(['build', sys.argv[1], '-o', sys.argv[2], '--jobs', '1']); "
              "print('pandas' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script, str(corpora), str(tmp_path / "out")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "False"  # after the build's own summary line


def test_a_report_row_is_its_plain_cells() -> None:
    """report._row writes out what _cell makes of cells without a language."""
    from align.outputs.report import _cell, _row

    cells = ["a<b & c", 3, 0.5, "", 'say "x"', "人人"]
    assert _row(cells, "skipped") == '<tr class="skipped">' + "".join(_cell(cell) for cell in cells) + "</tr>"
