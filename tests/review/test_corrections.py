"""Corrections are data applied by every build: fixed links override the aligner, stale ones are reported
and not applied, a file of corrections is shared with --corrections, and a bad one is refused in one line.
On the real Universal Declaration, with the Spanish version damaged as a converter damages it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

import align
from align.alignment.numbered import pair_links
from align.corrections import NAME, Correction, digest, read, write
from align.ingest import read_source
from align.review.session import Refused, Session
from align.structure import parse
from tests.conftest import CREATED, SEED, udhr_path

SYMBOL = "A/RES/217(III)"
GLUED = "prohibidas en todas sus formas. Nadie será"


def damaged_udhr(folder: Path) -> Path:
    """French, English and a Spanish whose converter glued Article 5 to Article 4 (its heading lost) and
    dropped the fourth preambular paragraph."""
    folder.mkdir(parents=True, exist_ok=True)
    for lang in ("fr", "en"):
        shutil.copy(udhr_path(lang), folder)
    text = udhr_path("es").read_text(encoding="utf-8")
    text = text.replace("prohibidas en todas sus formas.\n\n## Artículo 5\n\nNadie será", GLUED)
    dropped = next(line for line in text.split("\n") if line.startswith("Considerando también esencial"))
    text = text.replace(dropped + "\n\n", "")
    assert GLUED in text and "Considerando también esencial" not in text
    (folder / udhr_path("es").name).write_text(text, encoding="utf-8")
    return folder


def pairs(session: Session, lang: str = "es") -> list[tuple[tuple[str, ...], tuple[str, ...], list[str]]]:
    view = session.view(SYMBOL)
    return [
        (
            tuple(unit["id"] for unit in pair["units"][view["pivot"]]),
            tuple(unit["id"] for unit in pair["units"][lang]),
            pair["flags"],
        )
        for pair in view["pairs"][lang]
    ]


def index_of(session: Session, pivot_ids: tuple[str, ...]) -> int:
    return next(i for i, (left, _right, _flags) in enumerate(pairs(session)) if left == pivot_ids)


@pytest.fixture()
def reviewed(tmp_path: Path) -> Session:
    out = tmp_path / "out"
    align.build(damaged_udhr(tmp_path / "in"), out, created=CREATED)
    return Session(out)


def tus(path: Path) -> list[etree._Element]:
    return etree.parse(str(path)).findall(".//tu")


def seg(tu: etree._Element, lang: str) -> str:
    for tuv in tu.findall("tuv"):
        if tuv.get("{http://www.w3.org/XML/1998/namespace}lang").lower().startswith(lang):
            return "".join(tuv.find("seg").itertext())
    return ""


def prop(tu: etree._Element, name: str) -> str:
    found = tu.find(f"prop[@type='{name}']")
    return found.text if found is not None else ""


def test_the_aligner_alone_pairs_the_glued_paragraph_with_article_4_only(reviewed):
    """The case the corrections are for: Article 5's French text has no Spanish pair."""
    found = pairs(reviewed)
    assert (("art.4",), ("art.4",), []) in found
    assert (("art.5",), (), ["single-language"]) in found


def test_merge_split_move_and_no_counterpart_fix_the_pairs_and_survive_a_rebuild(reviewed):
    session = reviewed
    out = session.out
    article_4 = index_of(session, ("art.4",))
    session.act(SYMBOL, "es", article_4, "merge")
    session.act(SYMBOL, "es", article_4, "merge")
    assert (("art.4", "art.5.h", "art.5"), ("art.4",), ["corrected:es", "merged"]) in pairs(session)
    session.act(SYMBOL, "es", index_of(session, ("pre.4",)), "no-counterpart", "pivot")
    result = session.save()
    assert result["saved"] == 3 and result["documents"] == 1

    saved = read(out / NAME)
    assert [c.action for c in saved] == ["merge", "merge", "no-counterpart"]
    assert saved[1].links == ((("art.4", "art.5.h", "art.5"), ("art.4",)),)
    assert set(saved[1].units["es"]) == {"art.4"} and len(saved[1].units["fr"]) == 3
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    outcomes = report["documents"][0]["corrections"]
    assert [o["status"] for o in outcomes] == ["superseded", "applied", "applied"]

    pair_file = {tu.get("tuid"): tu for tu in tus(out / "tmx" / "fr-es.tmx")}
    # the merged pair, cut into its sentences where both languages agree
    merged = [tu for tuid, tu in pair_file.items() if tuid.startswith(f"{SYMBOL}:art.4-5")]
    assert merged and all(prop(tu, "x-corrected") == "es" for tu in merged)
    assert all("corrected:es" in prop(tu, "x-flags") for tu in merged)
    spanish, french = (" ".join(seg(tu, lang) for tu in merged) for lang in ("es", "fr"))
    assert "Nadie estará sometido a esclavitud" in spanish and "Nadie será sometido a torturas" in spanish
    assert "Nul ne sera tenu en esclavage" in french and "Nul ne sera soumis à la torture" in french
    assert not any(prop(tu, "x-corrected") for tu in tus(out / "tmx" / "fr-en.tmx"))
    memory = {tu.get("tuid"): tu for tu in tus(out / "memory.tmx")}
    assert "corrected:es" in prop(memory[f"{SYMBOL}:pre.4"], "x-flags")
    assert seg(memory[f"{SYMBOL}:art.5"], "en")  # English keeps Article 5 as a unit of its own
    assert not align.validate(out / "tmx" / "fr-es.tmx")

    again = align.build(session.options.inputs, out, created=CREATED)
    assert again.cached == 1  # nothing changed: the corrected alignment comes from the cache
    assert pair_file.keys() == {tu.get("tuid") for tu in tus(out / "tmx" / "fr-es.tmx")}


def test_a_split_pairs_each_part_and_undo_takes_it_back(reviewed):
    session = reviewed
    view = session.view(SYMBOL)
    pair = view["pairs"]["es"][index_of(session, ("art.4",))]
    (unit,) = pair["units"]["es"]
    assert unit["cuts"], "the glued Spanish paragraph has a sentence boundary to split at"
    session.split(SYMBOL, "es", "art.4", unit["cuts"][0])
    found = pairs(session)
    assert (("art.4",), ("art.4",), ["corrected:es"]) not in found
    assert any(left == ("art.5",) and right == ("art.4~2",) for left, right, _flags in found)
    assert session.undo() and not session.undo()
    assert (("art.4",), ("art.4",), []) in pairs(session)


def test_moving_a_unit_to_the_neighbouring_pair(reviewed):
    session = reviewed
    article_4 = session.view(SYMBOL)["pairs"]["es"][index_of(session, ("art.4",))]
    session.split(SYMBOL, "es", "art.4", article_4["units"]["es"][0]["cuts"][0])
    assert (("art.5.h",), (), ["single-language"]) in pairs(session)
    session.act(SYMBOL, "es", index_of(session, ("art.5",)), "move-up", "other")
    found = pairs(session)
    assert (("art.5.h",), ("art.4~2",), ["corrected:es"]) in found
    assert (("art.5",), (), ["single-language", "corrected:es"]) in found
    session.act(SYMBOL, "es", index_of(session, ("art.5.h",)), "move-down", "other")
    assert (("art.5",), ("art.4~2",), ["corrected:es"]) in pairs(session)


def test_an_action_that_cannot_apply_is_refused_with_why(reviewed):
    last = len(pairs(reviewed)) - 1
    with pytest.raises(Refused, match="no next one"):
        reviewed.act(SYMBOL, "es", last, "merge")
    with pytest.raises(Refused, match="has no de version"):
        reviewed.act(SYMBOL, "de", 0, "confirm")
    assert not reviewed.pending


def test_a_correction_whose_source_changed_is_stale_and_not_applied(reviewed, tmp_path):
    session = reviewed
    session.act(SYMBOL, "es", index_of(session, ("art.4",)), "merge")
    session.act(SYMBOL, "es", index_of(session, ("pre.4",)), "no-counterpart", "pivot")
    session.save()
    spanish = tmp_path / "in" / udhr_path("es").name
    spanish.write_text(spanish.read_text(encoding="utf-8").replace("Nadie estará sometido", "Nadie será sometido"), encoding="utf-8")
    align.build(session.options.inputs, session.out, created=CREATED)
    report = json.loads((session.out / "report.json").read_text(encoding="utf-8"))
    (first, second) = report["documents"][0]["corrections"]
    assert first["status"] == "stale" and "es unit art.4 changed" in first["why"]
    assert second["status"] == "applied"
    corrected = [tu.get("tuid") for tu in tus(session.out / "tmx" / "fr-es.tmx") if prop(tu, "x-corrected")]
    assert f"{SYMBOL}:art.4-art.5.h" not in corrected


def test_corrections_are_shared_with_another_build(reviewed, tmp_path):
    session = reviewed
    session.act(SYMBOL, "es", index_of(session, ("art.4",)), "merge")
    session.save()
    shared = tmp_path / "team-fixes.json"
    shutil.copy(session.out / NAME, shared)
    other = tmp_path / "other"
    done = subprocess.run(
        [sys.executable, "-m", "align", "build", str(tmp_path / "in"), "-o", str(other), "--corrections", str(shared), "-q"],
        capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stderr
    assert any(prop(tu, "x-corrected") == "es" for tu in tus(other / "tmx" / "fr-es.tmx"))
    assert not (other / NAME).exists()  # the build applies them; it does not copy them into OUT


@pytest.mark.parametrize(
    "content, why",
    [
        ("{", "not a corrections file"),
        ('{"format": "align-corrections", "version": 9, "corrections": []}', "version 9"),
        ('{"format": "align-corrections", "version": 1, "corrections": [{"document": "x"}]}', "correction 1"),
    ],
)
def test_a_bad_corrections_file_is_refused_in_one_line(tmp_path, content, why):
    bad = tmp_path / "fixes.json"
    bad.write_text(content, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "align", "build", str(udhr_path("fr")), str(udhr_path("en")), "-o", str(tmp_path / "out"), "--corrections", str(bad)],
        capture_output=True, text=True,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and str(bad) in done.stderr and why in done.stderr
    assert not (tmp_path / "out" / "report.json").exists()


def test_corrections_apply_in_order_a_later_one_replacing_what_it_touches():
    documents = [parse(read_source(udhr_path(lang))) for lang in ("fr", "es")]
    units = {d.lang: {u.id: u.text for u in d.units} for d in documents}

    def link(left, right, action="confirm"):
        return Correction(
            SYMBOL, "fr", "es", action,
            {"fr": {i: digest(units["fr"][i]) for i in left}, "es": {i: digest(units["es"][i]) for i in right}},
            ((tuple(left), tuple(right)),),
        )

    crossing = [link(["art.3"], ["art.4"]), link(["art.4"], ["art.3"])]
    found = pair_links(documents, "fr", crossing)
    assert [o["status"] for o in found.outcomes] == ["superseded", "applied"]
    own = {tuple(u.id for u in l.units.get("fr", [])): tuple(u.id for u in l.units.get("es", [])) for l in found.own[0]}
    assert own[("art.4",)] == ("art.3",)
    apart = pair_links(documents, "fr", [link(["art.3", "art.5"], ["art.3"])])
    assert apart.outcomes[0]["status"] == "stale" and "not adjacent" in apart.outcomes[0]["why"]
    other_pivot = pair_links(documents, "es", [link(["art.3"], ["art.3"])])
    assert other_pivot.outcomes[0]["status"] == "stale" and "pivot" in other_pivot.outcomes[0]["why"]


def test_the_corrections_file_round_trips(tmp_path):
    correction = Correction(SYMBOL, "fr", "zh", "split", {"zh": {"art.1": "0" * 16}}, (), ("zh", "art.1", 12), "20261206T000000Z")
    write(tmp_path / NAME, [correction])
    assert read(tmp_path / NAME) == [correction]
    data = json.loads((tmp_path / NAME).read_text(encoding="utf-8"))
    assert data["format"] == "align-corrections" and data["version"] == 1


@pytest.mark.parametrize("report, why", [(None, "not a build's output folder"), ("{}", "not a build's report")])
def test_review_of_a_folder_that_is_no_build_is_refused_in_one_line(tmp_path, report, why):
    if report is not None:
        (tmp_path / "report.json").write_text(report, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "align", "review", str(tmp_path), "--no-browser"],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert str(tmp_path) in done.stderr and why in done.stderr


def test_corrections_of_a_document_not_in_the_build_are_reported(reviewed, tmp_path):
    session = reviewed
    session.act(SYMBOL, "es", index_of(session, ("art.4",)), "merge")
    session.save()
    shared = [session.out / NAME]
    same = align.build([udhr_path("fr"), udhr_path("es")], tmp_path / "same", corrections=shared, created=CREATED)
    assert same.notes == []
    other = align.build([SEED], tmp_path / "other", corrections=shared, created=CREATED)
    assert other.notes == [f"corrections left unapplied, their documents not in this build: 1 ({SYMBOL})"]
    report = json.loads((tmp_path / "other" / "report.json").read_text(encoding="utf-8"))
    assert report["notes"] == other.notes
