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


def test_units_are_on_the_page(built: Path, tmp_path: Path) -> None:
    page = chromium(tmp_path, "--dump-dom", (built / "report.html").as_uri())
    assert page.returncode == 0, page.stderr
    dom = html.fromstring(page.stdout)
    table = pd.read_parquet(built / "units.parquet")
    for symbol, units in table.groupby("document", sort=False):
        [section] = dom.xpath(f'//section[@id="{symbol}"]')
        assert section.xpath(".//tr[contains(@class,'unit')]/@data-unit") == list(units["unit"])
    arabic = dom.xpath('//section[@id="A/RES/217(III)"]//td[@lang="ar"]')
    assert arabic and {cell.get("dir") for cell in arabic} == {"rtl"}
    assert any("人人有权享有生命、自由和人身安全" in cell.text_content() for cell in dom.xpath('//td[@lang="zh"]'))
    assert dom.xpath('//tr[contains(@class,"flagged")]//div[@class="flags" and contains(., "missing-in:ar")]')
    assert "no other language version of A/RES/60/212" in dom.xpath('string(//table[@class="inputs"])')


def test_screenshot(built: Path, tmp_path: Path) -> None:
    picture = tmp_path / "review.png"
    shot = chromium(tmp_path, "--window-size=1400,2000", f"--screenshot={picture}", (built / "report.html").as_uri())
    assert shot.returncode == 0, shot.stderr
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and picture.stat().st_size > 50_000
