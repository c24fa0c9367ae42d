"""End to end: the `align` command on real corpora, bad inputs beside them, and its exit codes."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPORA, CREATED, SEED, hostile


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "align", *map(str, args)], capture_output=True, text=True, timeout=300)


def test_build_corpora(tmp_path: Path) -> None:
    done = run("build", CORPORA, "-o", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    # 60/212 is here in French only; the English UDHR's "Now, therefore," has no French counterpart
    assert "81 aligned, 2 partial, 0 skipped, 2 ignored" in done.stdout
    assert (tmp_path / "out" / "memory.tmx").is_file()


@pytest.mark.parametrize(("inputs", "out", "reason"), [
    ("in", "in", "the output folder is also an input"),
    ("in", "in/out", "the output folder is inside the input"),
    ("out/in", "out", "the output folder holds the input"),
])
def test_an_output_folder_overlapping_an_input_is_refused_before_anything_is_written(tmp_path: Path, inputs: str, out: str, reason: str) -> None:
    """`align build corpora -o corpora` listed no file and wrote empty outputs among the inputs; `align build
    out/in -o out` replaced a good memory with an empty one."""
    (tmp_path / inputs).mkdir(parents=True)
    for lang in ("EN", "FR"):
        (tmp_path / inputs / f"A_RES_217(III)-{lang}.md").write_bytes((CORPORA / f"A_RES_217(III)-{lang}.md").read_bytes())
    before = sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*"))
    done = run("build", tmp_path / inputs, "-o", tmp_path / out)
    assert done.returncode == 2 and reason in done.stderr and len(done.stderr.splitlines()) == 1, done.stderr
    assert sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*")) == before


def test_bad_inputs_get_one_line_each_and_the_build_goes_on(tmp_path: Path) -> None:
    folder = hostile.write(tmp_path / "in")
    done = run("build", folder, "-o", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    skipped = [line for line in done.stderr.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == sum(outcome == "skipped" for outcome, _ in hostile.EXPECTED.values())
    for name, (outcome, reason) in hostile.EXPECTED.items():
        if outcome == "skipped":
            assert any(line.startswith(f"skipped {folder / name}: ") and reason in line for line in skipped), name
    assert "Traceback" not in done.stderr


def snapshot(out: Path) -> dict[Path, bytes]:
    """The outputs, without the build's own bookkeeping (its cache, and the lock that keeps other builds out)."""
    return {path.relative_to(out): path.read_bytes() for path in sorted(out.rglob("*"))
            if path.is_file() and ".cache" not in path.parts and path.name != ".lock"}


def test_builds_are_byte_identical(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("build", CORPORA, "-o", out, "--created", CREATED).returncode == 0
    first = snapshot(out)
    assert len(first) == 63  # 1 + 6 TMX, 12 + 12 Moses, 6 JSONL, 6 TSV, 3 tables, SRX, 2 reports, 14 pages (German too)
    rebuilt = run("build", CORPORA, "-o", out, "--created", CREATED)  # from the cache
    assert "(14 from cache)" in rebuilt.stdout and snapshot(out) == first
    serial = run("build", CORPORA, "-o", tmp_path / "serial", "--created", CREATED, "--jobs", "1", "--no-cache")
    assert "1 workers" in serial.stdout
    assert without_report(snapshot(tmp_path / "serial")) == without_report(first)  # the report records engine and jobs


def without_report(files: dict[Path, bytes]) -> dict[Path, bytes]:
    return {name: data for name, data in files.items() if not name.name.startswith("report.")}


def test_inspect_json_shows_paragraph_13_whole() -> None:
    done = run("inspect", SEED, "--json")
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert set(payload) == {"symbol", "lang", "meta", "units"}
    assert (payload["symbol"], payload["lang"]) == ("A/RES/60/212", "fr")
    units = {unit["id"]: unit for unit in payload["units"]}
    assert set(units["op.13"]) == {"id", "kind", "text"}
    assert units["op.13"]["text"].endswith("aux deux fonds susmentionnés, étant entendu que ces fonds doivent continuer à utiliser efficacement ces ressources ;")


def test_inspect_text() -> None:
    done = run("inspect", SEED)
    assert done.returncode == 0 and "op.13" in done.stdout and "fn.6" in done.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "no-such-folder", "-o", "out"], "no-such-folder: no such file or folder"),
        (["build", str(CORPORA), "-o", "out", "--pivot", "xx"], "unknown language code 'xx'"),
        (["build", str(CORPORA), "-o", "out", "--created", "yesterday"], "--created"),
        (["build", str(CORPORA)], "required: -o/--out"),
        (["inspect", "no-such-file.md"], "no-such-file.md: no such file"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_unusable_arguments_exit_2_with_one_line(args: list[str], message: str) -> None:
    done = run(*args)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_inspect_unreadable_file_is_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "A_RES_1_1-FR.md"
    empty.write_bytes(b"")
    done = run("inspect", empty)
    assert done.returncode == 1
    assert done.stderr.strip() == f"align: error: {empty}: empty file"


def test_an_output_folder_the_system_cannot_make_is_one_line(tmp_path: Path) -> None:
    """The system's refusal (here: OUT under a file, which no user can make) is one line naming the path, not a traceback."""
    (tmp_path / "file").write_bytes(b"")
    out = tmp_path / "file" / "out"
    done = run("build", CORPORA, "-o", out)
    assert (done.returncode, done.stderr) == (1, f"align: error: {out}: Not a directory\n")
    assert "Traceback" in run("--verbose", "build", CORPORA, "-o", out).stderr  # for whoever needs to know where


@pytest.mark.parametrize(("args", "message"), [
    (["lookup", "{out}", "1", "--lang", "score"], "--lang 'score' is not a language of this memory"),
    (["lookup", "{out}", "1", "--lang", "unit"], "--lang 'unit' is not a language of this memory"),
    (["lookup", "{out}", "Tous", "--limit", "-1"], "argument --limit: 1 or more, not -1"),
    (["export", "{out}", "--format", "jsonl", "--split", "nan"], "argument --split: give one to three non-negative fractions"),
    (["spm", "{out}", "--vocab-size", "0"], "--vocab-size must be 1 or more, not 0"),
    (["build", str(CORPORA), "-o", "{out}/x", "--created", "²"], "--created: not a date like 20051222T000000Z: '²'"),
])
def test_odd_options_get_one_line_and_exit_2(built: Path, args: list[str], message: str) -> None:
    done = run(*(arg.replace("{out}", str(built)) for arg in args))
    assert done.returncode == 2 and message in done.stderr.strip().splitlines()[-1], done.stderr  # after argparse's usage
    assert "Traceback" not in done.stderr


def test_source_date_epoch_past_what_a_date_holds_is_one_line(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "align", "build", str(CORPORA), "-o", str(tmp_path / "out")], capture_output=True,
                          text=True, env={**os.environ, "SOURCE_DATE_EPOCH": "99999999999999"})
    assert done.returncode == 2 and done.stderr == "align: error: --created (or SOURCE_DATE_EPOCH): 99999999999999 seconds is not a date a TMX file can hold\n"


@pytest.mark.parametrize("damage", [b"", b"PAR1 cut short"])
def test_a_damaged_table_is_one_line_for_lookup_and_export(built: Path, tmp_path: Path, damage: bytes) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "units.parquet").write_bytes(damage)
    (out / "pairs.parquet").write_bytes(damage)
    for args in (["lookup", out, "Tous"], ["export", out, "--format", "jsonl"]):
        done = run(*args)
        assert done.returncode == 1 and done.stderr.startswith(f"align: error: {out / 'units.parquet'}: not a table a build wrote")
        assert len(done.stderr.splitlines()) == 1


def test_a_binary_moses_file_is_one_line_for_spm(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(built, out)
    (out / "moses" / "fr-en.en").write_bytes(bytes(range(128, 256)) * 20)
    done = run("spm", out, "--vocab-size", "500")
    assert done.returncode == 1 and done.stderr == f"align: error: {out / 'moses' / 'fr-en.en'}: not UTF-8 text (byte 0): not a Moses file a build wrote\n"


def test_flags_of_loudness_go_before_or_after_the_command(tmp_path: Path) -> None:
    """`align build -v ...` failed: -v worked before the command only; there was no -q."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("A_RES_217(III)-EN.md", "A_RES_217(III)-FR.md"):
        (inputs / name).write_bytes((CORPORA / name).read_bytes())
    (inputs / "A_RES_1_1-FR.md").write_bytes(b"")
    for flags in (["-v", "build"], ["build", "-v"]):
        assert run(*flags, inputs, "-o", tmp_path / "out").returncode == 0
    quiet = run("build", "-q", inputs, "-o", tmp_path / "out")
    assert quiet.returncode == 0 and quiet.stderr == "" and "1 skipped" in quiet.stdout
    assert run("-v", "build", "-q", inputs, "-o", tmp_path / "out").returncode == 2


@pytest.mark.parametrize(("args", "code", "message"), [
    (["--min-score", "2"], 2, "--min-score is a score between 0 and 1, not 2"),
    (["--langs", "en", "zh", "--strict"], 0, ""),  # the languages left out on purpose are not skipped files
])
def test_honest_exits(tmp_path: Path, args: list[str], code: int, message: str) -> None:
    done = run("build", CORPORA / "A_RES_217(III)-EN.md", CORPORA / "A_RES_217(III)-ZH.md", CORPORA / "A_RES_217(III)-FR.md",
               "-o", tmp_path / "out", *args)
    assert done.returncode == code and message in done.stderr, done.stderr


def test_a_build_that_aligned_nothing_fails_with_why(tmp_path: Path) -> None:
    """One language version alone (or nothing matched) gave exit 0 and an empty memory."""
    done = run("build", SEED, "-o", tmp_path / "out")
    assert done.returncode == 1 and "align: error: nothing was aligned" in done.stderr
    assert (tmp_path / "out" / "report.json").is_file()  # the report says why, file by file


def test_a_reader_that_goes_away_is_no_error() -> None:
    """`align inspect FILE | head -2` printed "align: error: [Errno 32] Broken pipe"."""
    russian = next((CORPORA / "un-akn/ga/80session/Russian").glob("*.xml"))  # more than a pipe holds (64 KiB)
    process = subprocess.Popen([sys.executable, "-m", "align", "inspect", "--json", str(russian)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.read(10)
    process.stdout.close()
    _, stderr = process.communicate(timeout=60)
    assert b"Broken pipe" not in stderr and b"Traceback" not in stderr


def test_export_keeps_the_cat_tool_settings_of_a_build(built: Path, tmp_path: Path) -> None:
    """`align export --profile trados --lang-codes` writes what `align build` with them writes: region
    codes, a code given by hand, both directions of every pair."""
    to = tmp_path / "export"
    done = run("export", built, "--format", "tmx", "--to", to, "--profile", "trados", "--lang-codes", "zh=zh-TW")
    assert done.returncode == 0, done.stderr
    assert {"fr-en.tmx", "en-fr.tmx", "fr-zh.tmx", "zh-fr.tmx"} <= {path.name for path in (to / "tmx").iterdir()}
    text = (to / "tmx" / "fr-zh.tmx").read_text(encoding="utf-8")
    assert 'xml:lang="fr-FR"' in text and 'xml:lang="zh-TW"' in text and 'xml:lang="fr"' not in text
    assert 'creationdate=""' not in text


def test_an_export_replaces_the_splits_of_an_earlier_one_and_warns_of_an_empty_split(built: Path, tmp_path: Path) -> None:
    to = tmp_path / "export"
    (to).mkdir()
    (to / "notes.txt").write_text("mine")  # not an export's: stays
    assert run("export", built, "--format", "moses", "--to", to, "--split", "1,1,1").returncode == 0
    assert {"train", "dev", "test"} <= {path.name for path in to.iterdir()}
    again = run("export", built, "--format", "moses", "--to", to)
    assert again.returncode == 0 and not again.stderr
    assert sorted(path.name for path in to.iterdir()) == ["dataset.json", "moses", "notes.txt"]
    empty = run("export", built, "--format", "moses", "--to", to, "--split", "98,1,1", "--strict")
    assert empty.returncode == 1 and "align: warning: the dev split is empty" in empty.stderr
    assert json.loads((to / "dataset.json").read_text(encoding="utf-8"))["warnings"]


UDHR_EN, UDHR_FR = CORPORA / "A_RES_217(III)-EN.md", CORPORA / "A_RES_217(III)-FR.md"


@pytest.mark.parametrize("names", [
    ("en.md", "fr.md"),  # in one folder: the folder's document
    ("guide.en.md", "guide.fr.md"),
    ("guide_en.md", "guide_fr.md"),
    ("guide-EN.md", "guide-FR.md"),
    ("en/guide.md", "fr/guide.md"),
    ("English/guide.md", "Français/guide.md"),
])
def test_the_names_translations_are_given_are_read(tmp_path: Path, names: tuple[str, str]) -> None:
    """Any two documents in, named as people name translations: aligned, with neutral ids (p.K, not a
    resolution's pre.K) when the name is no UN symbol. English is partial: its "Now, therefore," has no
    French counterpart, and the report says so."""
    docs = tmp_path / "docs"
    for source, name in zip((UDHR_EN, UDHR_FR), names):
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_bytes(source.read_bytes().replace(b"A/RES/217", b"Guide 217"))
    done = run("build", docs, "-o", tmp_path / "out", "--created", CREATED)
    assert done.returncode == 0 and done.stdout.startswith("1 aligned, 1 partial, 0 skipped"), done.stdout + done.stderr
    ids = (tmp_path / "out" / "units.tsv").read_text(encoding="utf-8")
    assert "\tp.1\t" in ids and "\tpre.1\t" not in ids


def test_a_file_named_otherwise_is_given_its_language_and_document(tmp_path: Path) -> None:
    one, two = tmp_path / "first.md", tmp_path / "second.md"
    one.write_bytes(UDHR_EN.read_bytes())
    two.write_bytes(UDHR_FR.read_bytes())
    out = tmp_path / "out"
    done = run("build", one, two, "--lang", f"{one}=en", "--lang", f"{two}=fr", "--symbol", "udhr", "-o", out, "--created", CREATED)
    assert done.returncode == 0 and done.stdout.startswith("1 aligned, 1 partial"), done.stdout + done.stderr
    assert (out / "tmx" / "fr-en.tmx").is_file()


def test_a_file_whose_text_is_not_in_its_named_language_is_skipped_with_why(tmp_path: Path) -> None:
    """English saved as French (-FR), French as German: the language identifier says so, Latin script or not."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "A_RES_217(III)-FR.md").write_bytes(UDHR_EN.read_bytes())
    (docs / "A_RES_217(III)-DE.md").write_bytes(UDHR_FR.read_bytes())
    (docs / "A_RES_217(III)-ES.md").write_bytes((CORPORA / "A_RES_217(III)-ES.md").read_bytes())
    done = run("build", docs, "-o", tmp_path / "out", "--strict")
    assert done.returncode == 1
    assert "A_RES_217(III)-FR.md: file name says 'fr' but the text is in 'en'" in done.stderr
    assert "A_RES_217(III)-DE.md: file name says 'de' but the text is in 'fr'" in done.stderr


def test_a_pivot_no_input_is_in_is_an_error_before_anything_is_written(tmp_path: Path) -> None:
    done = run("build", CORPORA, "-o", tmp_path / "out", "--pivot", "pt")
    assert done.returncode == 2 and done.stderr.startswith("align: error: --pivot pt: no input is in that language")
    assert not (tmp_path / "out" / "memory.tmx").exists()


def test_inspect_reads_standard_input(tmp_path: Path) -> None:
    source = (CORPORA / "A_RES_60_212-FR.md").read_bytes()
    done = subprocess.run([sys.executable, "-m", "align", "inspect", "-", "--json"], input=source, capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["symbol"] == "A/RES/60/212"
    named = subprocess.run([sys.executable, "-m", "align", "inspect", "-", "--name", "guide.en.txt"], input=b"One.\n\nTwo three four.\n",
                           capture_output=True, timeout=60)
    assert named.returncode == 0 and named.stdout.decode().startswith("guide.en.txt: guide [en]")


def test_export_writes_only_the_languages_asked_for(built: Path, tmp_path: Path) -> None:
    to = tmp_path / "export"
    done = run("export", built, "--formats", "tmx", "moses", "--langs", "fr", "zh", "--to", to)
    assert done.returncode == 0, done.stderr
    assert sorted(path.name for path in (to / "tmx").iterdir()) == ["fr-zh.tmx"]
    assert set(re.findall(r'xml:lang="([a-z]+)"', (to / "memory.tmx").read_text(encoding="utf-8"))) == {"fr", "zh"}
    assert run("export", built, "--formats", "tmx", "--langs", "xx", "--to", to).returncode == 2
