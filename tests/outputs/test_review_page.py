"""The review page (report.html) in a real browser: headless Chromium loads it, the units are there,
Arabic runs right to left, and a screenshot is taken (look at it: tests/outputs/review.png is not kept)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from lxml import html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="Debian's chromium is not installed")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM, "CI installs Debian's chromium (.ci/run)"
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
                          capture_output=True, text=True, timeout=120)


def dom_of(tmp_path: Path, page: Path) -> html.HtmlElement:
    shown = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert shown.returncode == 0, shown.stderr
    return html.fromstring(shown.stdout)


def test_each_document_has_its_page_with_every_unit(built: Path, tmp_path: Path) -> None:
    table = pd.read_parquet(built / "units.parquet")
    for symbol, units in table.groupby("document", sort=False):
        dom = dom_of(tmp_path, built / "report" / f"{symbol.replace('/', '_')}.html")
        [section] = dom.xpath(f'//section[@id="{symbol}"]')
        assert section.xpath(".//tr[contains(@class,'unit')]/@data-unit") == list(units["unit"])
        assert section.xpath(".//tr[contains(@class,'unit')]/@id") == [f"u-{unit}" for unit in units["unit"]]
    dom = dom_of(tmp_path, built / "report" / "A_RES_217(III).html")
    arabic = dom.xpath('//td[@lang="ar"]')
    assert arabic and {cell.get("dir") for cell in arabic} == {"rtl"}
    assert any("人人有权享有生命、自由和人身安全" in cell.text_content() for cell in dom.xpath('//td[@lang="zh"]'))
    assert dom.xpath('//th[@class="pivot"]/text()') == ["fr"]


def test_the_index_lists_flagged_units_first_in_every_language_linked_to_their_rows(built: Path, tmp_path: Path) -> None:
    dom = dom_of(tmp_path, built / "report.html")
    assert [heading.text for heading in dom.xpath("//h2")][:3] == ["Flagged units", "Documents", "Inputs"]
    [flagged] = dom.xpath('//table[@class="flagged"]')
    assert flagged.xpath(".//th/text()")[4:] == ["ar", "zh", "en", "fr (pivot)", "ru", "es", "de"]
    rows = flagged.xpath(".//tr[td]")
    scores = [float(row.xpath("string(td[3])")) for row in rows]
    assert scores == sorted(scores)  # the lowest-scored first
    missing = [row for row in rows if "missing-in:ar" in row.xpath("string(td[4])")]
    assert missing and all(len(row.xpath("td")) == 4 + 7 for row in rows)
    for row in rows[:40]:  # each link leads to the unit's row in its document's page
        page, _, anchor = row.xpath("td[2]/a/@href")[0].partition("#")
        assert anchor == f"u-{row.xpath('string(td[2])')}"
        target = html.fromstring((built / page).read_bytes())
        assert target.xpath(f'//tr[@id="{anchor}"]')
    assert "no other language version of A/RES/60/212" in dom.xpath('string(//table[@class="inputs"])')


def test_screenshot(built: Path, tmp_path: Path) -> None:
    picture = tmp_path / "review.png"
    shot = chromium(tmp_path, "--window-size=1400,2000", f"--screenshot={picture}", (built / "report" / "A_RES_217(III).html").as_uri())
    assert shot.returncode == 0, shot.stderr
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and picture.stat().st_size > 50_000
