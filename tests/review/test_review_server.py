"""`align review OUT` as a translator uses it: a real server process on 127.0.0.1, the page driven in
Debian's headless Chromium (selenium and chromium-driver, installed by .ci/run), corrections saved and
the outputs rebuilt; and the server refusing what does not come from its own page."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

import align
from align.corrections import NAME, read
from tests.conftest import CREATED
from tests.review.test_corrections import SYMBOL, damaged_udhr, prop, seg, tus

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")


class Review:
    """A running `align review` process and its address."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.process = subprocess.Popen(
            [sys.executable, "-m", "align", "review", str(out), "--no-browser"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        line = self.process.stdout.readline()
        found = re.search(r"at (http://127\.0\.0\.1:(\d+)/)", line)
        assert found, line + self.process.stderr.read()
        self.url, self.port = found[1], int(found[2])

    def request(self, path: str, headers: dict[str, str] | None = None, body: bytes | None = None) -> tuple[int, bytes]:
        request = urllib.request.Request(self.url + path.lstrip("/"), data=body, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.process.stdout.close()
        self.process.stderr.close()


@pytest.fixture()
def review(tmp_path: Path) -> Iterator[Review]:
    inputs = damaged_udhr(tmp_path / "in")
    # a second document, as published by the UN: left alone by the corrections, taken from the cache
    for path in Path("corpora/un-akn/sc").rglob("*2618*"):
        shutil.copy(path, inputs / path.name)
    out = tmp_path / "out"
    align.build(inputs, out, created=CREATED)
    server = Review(out)
    yield server
    server.stop()


def test_it_answers_its_own_page_and_nothing_else(review):
    status, body = review.request("/api/documents")
    assert status == 200 and json.loads(body)["documents"][0]["symbol"] == SYMBOL
    assert review.request("/api/documents", {"Origin": "http://evil.example"}) == (403, b"")
    assert review.request("/api/documents", {"Host": f"evil.example:{review.port}"}) == (403, b"")
    assert review.request("/api/documents", {"Sec-Fetch-Site": "cross-site"}) == (403, b"")
    own = {"Origin": f"http://127.0.0.1:{review.port}", "Content-Type": "application/json"}
    undo = json.dumps({"symbol": SYMBOL}).encode()
    assert review.request("/api/undo", {**own, "Origin": "http://evil.example"}, undo) == (403, b"")
    assert review.request("/api/undo", {"Content-Type": "application/json"}, undo) == (403, b"")
    assert review.request("/api/undo", {**own, "Content-Type": "text/plain"}, undo) == (403, b"")
    status, body = review.request("/api/undo", own, undo)
    assert status == 400 and json.loads(body) == {"error": "nothing to undo"}
    assert review.request("/../report.json")[0] == 404 and review.request("/page/review.js")[0] == 404


def test_it_listens_on_loopback_only(review):
    addresses = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)}
    addresses |= set(subprocess.run(["hostname", "-I"], capture_output=True, text=True).stdout.split())
    outside = sorted(a for a in addresses if ":" not in a and not a.startswith("127."))
    for address in outside:  # a machine without another interface has nothing more to try
        with pytest.raises(OSError), socket.create_connection((address, review.port), timeout=2):
            pass
    listening = subprocess.run(["ss", "-ltnp"], capture_output=True, text=True).stdout if shutil.which("ss") else ""
    for line in listening.splitlines():
        if f":{review.port} " in line:
            assert f"127.0.0.1:{review.port}" in line


@pytest.fixture()
def browser() -> Iterator[object]:
    if not (CHROMIUM and DRIVER):
        if os.environ.get("CI"):
            pytest.fail("CI installs Debian's chromium and chromium-driver (.ci/run)")
        pytest.skip("Debian's chromium and chromium-driver are not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(DRIVER))
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def test_a_translator_fixes_a_damaged_document_in_the_browser(review, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 60)
    browser.get(review.url)
    wait.until(lambda driver: driver.find_elements(By.CSS_SELECTOR, "nav a"))
    listed = [link.get_attribute("data-symbol") for link in browser.find_elements(By.CSS_SELECTOR, "nav a")]
    assert listed[0] == SYMBOL  # flagged units first
    browser.find_element(By.CSS_SELECTOR, f'nav a[data-symbol="{SYMBOL}"]').click()
    wait.until(lambda driver: driver.find_elements(By.CSS_SELECTOR, "#pairs tr[data-index]"))
    browser.find_element(By.CSS_SELECTOR, '.tabs button[data-lang="es"]').click()

    def row(pivot_id: str):
        for found in browser.find_elements(By.CSS_SELECTOR, "#pairs tr[data-index]"):
            if found.find_element(By.CSS_SELECTOR, "td.id").text.split("\n")[0] == pivot_id:
                return found
        raise AssertionError(f"no pair {pivot_id}")

    def says(status: str) -> None:
        shown = lambda driver: driver.find_element(By.ID, "status").text  # noqa: E731
        try:
            wait.until(lambda driver: status in shown(driver))
        except Exception:
            raise AssertionError(f"the page says {shown(browser)!r}, not {status!r}") from None

    def press(keys: str, status: str) -> None:
        browser.find_element(By.TAG_NAME, "body").send_keys(keys)
        says(status)

    # split the glued Spanish paragraph at its sentence boundary, then take it back (z)
    row("art.4").click()
    press("s", "")
    cut = wait.until(lambda driver: driver.find_elements(By.CSS_SELECTOR, 'button.cut[data-unit="art.4"][lang="es"]'))
    cut[0].click()
    wait.until(lambda driver: "art.4~2" in driver.find_element(By.ID, "pairs").text)
    press("z", "undone")
    assert "art.4~2" not in browser.find_element(By.ID, "pairs").text
    # merge: French Articles 4 and 5 with the Spanish paragraph that holds both
    row("art.4").click()
    press("m", "merge: done")
    press("m", "merge: done")
    merged = row("art.4-5")
    assert "corrected:es" in merged.text and "Nadie será sometido a torturas" in merged.text
    assert "Nul ne sera soumis à la torture" in merged.text
    # the preambular paragraph the Spanish converter dropped: no counterpart in Spanish
    row("pre.4").find_element(By.CSS_SELECTOR, 'button[data-action="none"]').click()
    wait.until(lambda driver: "corrected:es" in row("pre.4").text)
    assert browser.find_element(By.ID, "save").text == "Save (3)"
    arabic_free = browser.find_element(By.CSS_SELECTOR, '#pairs td[lang="es"]').get_attribute("dir")
    assert arabic_free == "ltr"
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.CONTROL, "s")
    says("saved 3 correction")
    assert "2 documents, 1 from cache" in browser.find_element(By.ID, "status").text
    assert browser.find_element(By.ID, "save").text == "Save"

    saved = read(review.out / NAME)
    assert [c.action for c in saved] == ["merge", "merge", "no-counterpart"]
    assert all(c.document == SYMBOL and c.pivot == "fr" and c.lang == "es" and c.date for c in saved)
    merged = [tu for tu in tus(review.out / "tmx" / "fr-es.tmx") if tu.get("tuid").startswith(f"{SYMBOL}:art.4-5")]
    assert merged and all(prop(tu, "x-corrected") == "es" for tu in merged)
    assert "Nadie será sometido a torturas" in " ".join(seg(tu, "es") for tu in merged)
    assert not align.validate(review.out / "tmx" / "fr-es.tmx")
    assert not align.validate(review.out / "memory.tmx")
    memory = {tu.get("tuid"): tu for tu in tus(review.out / "memory.tmx")}
    assert "corrected:es" in prop(memory[f"{SYMBOL}:pre.4"], "x-flags")
