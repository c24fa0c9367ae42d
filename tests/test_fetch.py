"""`align fetch` against a real HTTP server on 127.0.0.1 that answers as the UN's Official Document System
and the Akoma Ntoso archive's listing do (nothing leaves the machine): redirects to a PDF and to a Word
file, an empty 200 for a version not yet published, 404, 400, 503 twice then the file, a symbol found
only with "/" unescaped, a slow answer, a redirect to another host, a hostile file name, an oversized body."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import align
from align.pipeline.options import BuildOptions
from align.pipeline.run import build
from tests.conftest import CORPORA, CREATED, rendered

UDHR = "A/RES/217(III)"
FAST = {"rate": 0, "backoff": 0.01, "timeout": 1.0, "retries": 2}


class _Quiet(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up (a fetch stopping an oversized or interrupted download) is no error here."""


class Server:
    """The test's UN: answers by symbol and language letter, counts what it is asked."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files, self.asked, self.failures, self.sent = files, [], {}, threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                server.asked.append(self.path)
                server.answer(self)

        self.httpd = _Quiet(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        path, _, query = handler.path.partition("?")
        if path.startswith("/files/"):
            return self._send(handler, 200, self.files[urllib.parse.unquote(path.rsplit("/", 1)[1])])
        if path.startswith("/repos/UNxml/GAresolutions/contents/"):
            listing = [{"name": name, "download_url": f"{self.url}/files/{name}"} for name in self.files if name.endswith(".xml")]
            return self._send(handler, 200, json.dumps(listing).encode())
        raw = dict(part.split("=", 1) for part in query.split("&"))
        symbol, letter = urllib.parse.unquote(raw["s"]), raw["l"]
        key = f"{symbol}|{letter}"
        if "^" in symbol:
            return self._send(handler, 400, b"bad symbol")
        if symbol == UDHR:
            if letter == "E":  # a redirect whose file name tries to leave the folder
                return self._redirect(handler, "/files/..%2F..%2Fescape-EN.pdf")
            if letter == "F":
                return self._redirect(handler, "/files/A_RES_217(III)-FR.docx")
            if letter == "S":  # unavailable twice, then there
                self.failures[key] = self.failures.get(key, 0) + 1
                return self._send(handler, 503, b"busy") if self.failures[key] <= 2 else self._redirect(handler, "/files/A_RES_217(III)-ES.pdf")
            if letter == "R":  # found only when "/" is sent as it is
                return self._send(handler, 404, b"") if "%2F" in raw["s"] else self._send(handler, 200, self.files["A_RES_217(III)-RU.pdf"])
            if letter == "C":
                return self._send(handler, 200, b"")
            return self._send(handler, 404, b"no such document")
        if symbol == "A/RES/1/1":
            if letter == "E":
                return self._redirect(handler, "http://example.invalid/evil.pdf")
            if letter == "F":
                time.sleep(3)
                return self._send(handler, 200, b"%PDF-1.4 late")
            if letter == "S":
                return self._send(handler, 200, b"%PDF-1.4\n" + b"0" * (3 << 20))
            if letter == "R":
                return self._send(handler, 200, b"<html>Document not found</html>")
        if symbol == "A/RES/2/2":  # a slow body, to be interrupted
            handler.send_response(200)
            handler.end_headers()
            for index in range(40):
                handler.wfile.write(b"%PDF-1.4\n" if index == 0 else b"0" * 1000)
                handler.wfile.flush()
                if index == 2:
                    self.sent.set()
                time.sleep(0.25)
            return None
        return self._send(handler, 404, b"")

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, status: int, body: bytes) -> None:
        handler.send_response(status)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    @staticmethod
    def _redirect(handler: BaseHTTPRequestHandler, location: str) -> None:
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Server:
    folder = tmp_path_factory.mktemp("un")
    sources = [CORPORA / f"A_RES_217(III)-{lang}.md" for lang in ("EN", "ES", "RU")]
    rendered(folder, "pdf", sources)
    rendered(folder, "docx", [CORPORA / "A_RES_217(III)-FR.md"])
    files = {path.name: path.read_bytes() for path in folder.iterdir()}
    files["../../escape-EN.pdf"] = files["A_RES_217(III)-EN.pdf"]
    files["A_RES_80_156-2520753F.xml"] = next((CORPORA / "un-akn").rglob("A_RES_80_156-2520753F.xml")).read_bytes()
    files["A_RES_80_156-2520753E.xml"] = next((CORPORA / "un-akn").rglob("A_RES_80_156-2520753E.xml")).read_bytes()
    yield (server := Server(files))
    server.httpd.shutdown()
    server.httpd.server_close()


def test_each_answer_of_the_server_gets_its_outcome_and_the_folder_builds(server: Server, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    result = align.fetch([UDHR, "A/RES/1/1"], docs, server=server.url, langs=["ar", "zh", "en", "fr", "ru", "es"], max_bytes=1 << 20, **FAST)
    outcomes = {(entry.symbol, entry.lang): (entry.outcome, entry.reason) for entry in result.entries}
    assert {key: outcome for key, (outcome, _) in outcomes.items() if key[0] == UDHR} == {
        (UDHR, "ar"): "not-found", (UDHR, "zh"): "not-published", (UDHR, "en"): "fetched",
        (UDHR, "fr"): "fetched", (UDHR, "ru"): "fetched", (UDHR, "es"): "fetched"}
    assert {lang: outcome for (symbol, lang), (outcome, _) in outcomes.items() if symbol == "A/RES/1/1"} == {
        "ar": "not-found", "zh": "not-found", "en": "failed", "fr": "failed", "ru": "failed", "es": "failed"}
    assert "another host" in outcomes["A/RES/1/1", "en"][1]
    assert "no answer within 1 s, 3 tries" in outcomes["A/RES/1/1", "fr"][1]
    assert "--max-bytes" in outcomes["A/RES/1/1", "es"][1]
    assert "not a PDF" in outcomes["A/RES/1/1", "ru"][1]
    # named as `align build` reads them, typed by content, never by the server's names; nothing else written
    assert sorted(path.name for path in docs.iterdir()) == [
        "A_RES_217(III)-EN.pdf", "A_RES_217(III)-ES.pdf", "A_RES_217(III)-FR.docx", "A_RES_217(III)-RU.pdf", "fetch.json"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["docs"]
    report = json.loads((docs / "fetch.json").read_text(encoding="utf-8"))
    fetched = next(entry for entry in report["entries"] if entry["lang"] == "fr" and entry["symbol"] == UDHR)
    assert fetched["status"] == 200 and fetched["bytes"] == (docs / "A_RES_217(III)-FR.docx").stat().st_size and len(fetched["sha256"]) == 64
    built = build(BuildOptions.of(inputs=(docs,), out=tmp_path / "out", created=CREATED))
    # English is partial: its "Now, therefore," has no French counterpart
    assert built.documents == 1 and (built.count("aligned"), built.count("partial")) == (3, 1)


def test_a_rerun_asks_only_for_what_is_missing(server: Server, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    align.fetch([UDHR], docs, server=server.url, **FAST)
    before = len(server.asked)
    again = align.fetch([UDHR], docs, server=server.url, **FAST)
    assert len(server.asked) == before and again.requests == 0  # files whole, "not found" and "not published" remembered
    assert {entry.outcome for entry in again.entries} == {"exists", "not-found", "not-published"}
    align.fetch([UDHR], docs, server=server.url, refresh=True, **FAST)
    assert len(server.asked) > before  # --refresh asks again for what is not here


def test_a_symbol_is_checked_before_anything_is_asked(server: Server, tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "align", "fetch", "A/RES/60/212^", "-o", str(tmp_path / "docs"), "--server", server.url],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "not a document symbol" in done.stderr


def test_akn_versions_come_from_the_archive_listing(server: Server, tmp_path: Path) -> None:
    result = align.fetch(["A/RES/80/156", "S/RES/2618(2022)"], tmp_path / "docs", server=server.url, format="akn", langs=["fr", "en", "es"], **FAST)
    outcomes = {(entry.symbol, entry.lang): entry.outcome for entry in result.entries}
    assert outcomes == {("A/RES/80/156", "fr"): "fetched", ("A/RES/80/156", "en"): "fetched", ("A/RES/80/156", "es"): "not-found",
                        ("S/RES/2618(2022)", "fr"): "failed", ("S/RES/2618(2022)", "en"): "failed", ("S/RES/2618(2022)", "es"): "failed"}
    assert (tmp_path / "docs" / "A_RES_80_156-FR.xml").is_file()
    built = build(BuildOptions.of(inputs=(tmp_path / "docs",), out=tmp_path / "out", created=CREATED))
    assert built.count("aligned") == 2


def test_a_fetch_killed_mid_download_leaves_no_file_under_its_name(server: Server, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    server.sent.clear()
    process = subprocess.Popen([sys.executable, "-m", "align", "-q", "fetch", "A/RES/2/2", "--langs", "en", "-o", str(docs),
                                "--server", server.url, "--rate", "0"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert server.sent.wait(30)
        time.sleep(0.3)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(30)
    assert not (docs / "A_RES_2_2-EN.pdf").exists()
    assert [path.name for path in docs.iterdir()] == [".A_RES_2_2-EN.part"]  # what the next run removes
    align.fetch(["A/RES/9/9"], docs, server=server.url, langs=["en"], **FAST)
    assert sorted(path.name for path in docs.iterdir()) == ["fetch.json"]
