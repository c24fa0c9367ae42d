"""`align review OUT`: the review page served to one translator on their own machine.

Bound to 127.0.0.1 only, no login. So that no other web page the browser has open can read or drive it,
a request is answered only when its Host is this server's own address (no DNS rebinding) and, when it
has an Origin or a Sec-Fetch-Site, when these say the request comes from the page itself; changes are
POSTs of JSON (which no foreign form can send without a CORS preflight this server never grants). Anything
else gets an empty 403. The page and its script come from the package: nothing from the network.
"""

from __future__ import annotations

import http.server
import json
import logging
from importlib import resources
from typing import Any
from urllib.parse import parse_qs, urlsplit

from align.errors import AlignError
from align.json_text import json_text
from align.review.session import Refused, Session

log = logging.getLogger(__name__)

# the files of the page: name -> content type; nothing else is served from the package
PAGE = {
    "index.html": "text/html; charset=utf-8",
    "review.js": "text/javascript; charset=utf-8",
    "review.css": "text/css; charset=utf-8",
}
MAX_BODY = 1 << 20  # a correction is a few hundred bytes
_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class ReviewServer(http.server.HTTPServer):
    """One request at a time: corrections and rebuilds of one OUT never interleave."""

    def __init__(self, session: Session, port: int = 0) -> None:
        self.session = session
        super().__init__(("127.0.0.1", port), _Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def own_hosts(self) -> set[str]:
        port = self.server_address[1]
        return {f"127.0.0.1:{port}", f"localhost:{port}"}


class _Handler(http.server.BaseHTTPRequestHandler):
    server: ReviewServer
    # one request per connection: a kept-alive connection would hold the one-at-a-time server from the
    # browser's other requests
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        log.debug("%s " + format, self.address_string(), *args)

    def _trusted(self) -> bool:
        hosts = self.server.own_hosts()
        if self.headers.get("Host", "") not in hosts:
            return False
        origin = self.headers.get("Origin")
        if origin is not None and origin not in {f"http://{host}" for host in hosts}:
            return False
        return self.headers.get("Sec-Fetch-Site", "same-origin") in ("same-origin", "none")

    def _refuse(self) -> None:
        self.send_response(403)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in _HEADERS.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, value: Any, status: int = 200) -> None:
        self._send(status, json_text(value).encode(), "application/json; charset=utf-8")

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if not self._trusted():
            return self._refuse()
        url = urlsplit(self.path)
        query = {name: values[0] for name, values in parse_qs(url.query).items()}
        name = url.path.lstrip("/") or "index.html"
        if name == "favicon.ico":  # asked for by every browser: nothing to show
            return self._send(204, b"", "text/plain")
        if name in PAGE:
            page = resources.files("align.review").joinpath("page", name).read_bytes()
            return self._send(200, page, PAGE[name])
        try:
            if url.path == "/api/documents":
                return self._json(
                    {
                        "out": str(self.server.session.out),
                        "documents": self.server.session.documents(),
                        "unsaved": len(self.server.session.pending),
                    }
                )
            if url.path == "/api/document":
                return self._json(self.server.session.view(query.get("symbol", "")))
        except Refused as error:
            return self._json({"error": str(error)}, 400)
        except AlignError as error:
            return self._json({"error": str(error)}, 500)
        self._json({"error": "not found"}, 404)

    def do_POST(self) -> None:  # noqa: N802
        if (
            not self._trusted()
            or self.headers.get("Origin") is None
            or not self.headers.get("Content-Type", "").startswith("application/json")
        ):
            return self._refuse()
        length = int(self.headers.get("Content-Length") or 0)
        if not 0 <= length <= MAX_BODY:
            return self._refuse()
        try:
            body = json.loads(self.rfile.read(length) or b"{}")
            if not isinstance(body, dict):
                raise ValueError("a JSON object is expected")
            return self._json(self._post(urlsplit(self.path).path, body))
        except (Refused, ValueError, TypeError, KeyError) as error:
            return self._json({"error": str(error) or type(error).__name__}, 400)
        except AlignError as error:  # a rebuild that failed: said in one line, the server goes on
            return self._json({"error": str(error)}, 500)

    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        session = self.server.session
        if path == "/api/action":
            session.act(
                str(body["symbol"]),
                str(body["lang"]),
                int(body["index"]),
                str(body["action"]),
                str(body.get("side", "")),
            )
        elif path == "/api/split":
            session.split(
                str(body["symbol"]),
                str(body["lang"]),
                str(body["unit"]),
                int(body["at"]),
                str(body.get("pair", "")),
            )
        elif path == "/api/undo":
            if not session.undo():
                raise Refused("nothing to undo")
        elif path == "/api/save":
            return session.save()
        else:
            raise Refused(f"no {path}")
        return session.view(str(body["symbol"])) if "symbol" in body else {}


def serve(session: Session, port: int = 0, opened: bool = True, ready: Any = print) -> None:
    """Serve the review page until interrupted; `ready` is told the address."""
    server = ReviewServer(session, port)
    ready(server.url)
    if opened:
        import webbrowser

        webbrowser.open(server.url)
    try:
        server.serve_forever()
    finally:
        server.server_close()
