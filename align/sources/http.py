"""The one HTTP client of `align fetch`: polite (a clear User-Agent, at most `rate` requests a second,
retries with backoff on 5xx, 429 and timeouts, honouring Retry-After), careful (certificates checked, no
credentials sent, redirects followed only to the hosts allowed, a body never larger than `max_bytes`,
written under a temporary name and renamed when whole).

requests with urllib3's Retry: both maintained, already what Python's packaging tools use, and Retry
does backoff, Retry-After and the choice of what to retry, which a hand-written loop would get wrong.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ConnectTimeoutError, ReadTimeoutError
from urllib3.util import Retry

from align.version import __version__

USER_AGENT = f"align/{__version__} (fetches UN documents by symbol to align their language versions; python-requests)"
_MAX_REDIRECTS = 5
_CHUNK = 1 << 16


class _NoCredentials(requests.auth.AuthBase):
    """Stands for the authentication of every request, so that requests never reads ~/.netrc: no credentials."""

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        return request


@dataclass
class Answer:
    """What the server answered one request: the final URL and status, and for a 200 the body's size,
    digest and first bytes, with the body at `path` (a temporary file the caller renames or removes)."""

    url: str
    status: int
    size: int = 0
    sha256: str = ""
    head: bytes = b""
    path: Path | None = None
    error: str = ""  # why there is no answer (a refused redirect, a body too large, a timeout)


class Client:
    """A session for one fetch: its requests spaced by `1 / rate` seconds."""

    def __init__(
        self,
        allowed_hosts: set[str],
        rate: float = 1.0,
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 1.0,
        max_bytes: int = 200 << 20,
    ) -> None:
        self.allowed_hosts, self.interval, self.timeout, self.max_bytes = (
            allowed_hosts,
            1 / rate if rate > 0 else 0.0,
            timeout,
            max_bytes,
        )
        self.session = requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.session.auth = _NoCredentials()
        retry = Retry(
            total=retries,
            connect=retries,
            read=retries,
            status=retries,
            redirect=False,
            backoff_factor=backoff,
            status_forcelist=(429, 500, 502, 503, 504),
            allowed_methods=frozenset({"GET"}),
            respect_retry_after_header=True,
            raise_on_status=False,
        )
        for scheme in ("http://", "https://"):
            self.session.mount(scheme, HTTPAdapter(max_retries=retry))
        self.retries, self.requests, self._last = retries, 0, 0.0

    def close(self) -> None:
        self.session.close()

    def get(self, url: str, to: Path) -> Answer:
        """GET `url`, following allowed redirects, its body streamed to `to` (removed unless the answer is a 200)."""
        refused = self._refused(url, url)  # a listing may name any address
        if refused:
            return Answer(url, 0, error=refused.replace("redirected to", "asked to fetch"))
        for _hop in range(_MAX_REDIRECTS + 1):
            self._wait()
            try:
                response = self.session.get(
                    url, stream=True, allow_redirects=False, timeout=self.timeout
                )
            except requests.RequestException as error:
                return Answer(url, 0, error=self._failure(error))
            with response:
                if response.is_redirect:
                    target = urllib.parse.urljoin(url, response.headers.get("Location", ""))
                    refused = self._refused(url, target)
                    if refused:
                        return Answer(url, response.status_code, error=refused)
                    url = target
                    continue
                if response.status_code != 200:
                    return Answer(url, response.status_code)
                return self._body(url, response, to)
        return Answer(url, 0, error=f"more than {_MAX_REDIRECTS} redirects")

    def get_json(self, url: str, to: Path) -> tuple[Answer, object]:
        """GET a JSON document (a listing); the value, or None if the answer is not one."""
        answer = self.get(url, to)
        value = None
        if answer.path is not None:
            try:
                value = json.loads(answer.path.read_bytes())
            except ValueError:
                answer.error = "the listing is not JSON"
            answer.path.unlink(missing_ok=True)
            answer.path = None
        return answer, value

    def _failure(self, error: BaseException) -> str:
        """One line on a request that got no answer, after its retries."""
        cause = error.args[0] if error.args else None
        # urllib3's MaxRetryError holds the last try's error
        cause = getattr(cause, "reason", cause)
        if isinstance(error, requests.Timeout) or isinstance(
            cause, (ReadTimeoutError, ConnectTimeoutError)
        ):
            return f"no answer within {self.timeout:g} s, {self.retries + 1} tries"
        return "cannot connect: " + (
            " ".join(str(cause or error).split())[:200] or type(error).__name__
        )

    def _wait(self) -> None:
        """At most one request every `interval` seconds."""
        pause = self._last + self.interval - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        self._last = time.monotonic()
        self.requests += 1

    def _refused(self, source: str, target: str) -> str:
        """Why a redirect is not followed ("" if it is): to a host not allowed, or from HTTPS to HTTP."""
        parts = urllib.parse.urlsplit(target)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return f"redirected to {target!r}: not a web address"
        if urllib.parse.urlsplit(source).scheme == "https" and parts.scheme != "https":
            return f"redirected from HTTPS to {target}: not followed"
        if not any(
            parts.hostname == host or host.startswith(".") and parts.hostname.endswith(host)
            for host in self.allowed_hosts
        ):
            return f"redirected to another host ({parts.hostname}): not followed"
        return ""

    def _body(self, url: str, response: requests.Response, to: Path) -> Answer:
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            return Answer(
                url, 200, error=f"{int(declared):,} bytes, over --max-bytes {self.max_bytes:,}"
            )
        digest, size, head = hashlib.sha256(), 0, b""
        try:
            with open(to, "wb") as file:
                for chunk in response.iter_content(_CHUNK):
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise _TooLarge
                    head = head or chunk[:8]
                    digest.update(chunk)
                    file.write(chunk)
                file.flush()
                os.fsync(file.fileno())
        except _TooLarge:
            to.unlink(missing_ok=True)
            return Answer(
                url, 200, error=f"over --max-bytes {self.max_bytes:,}: the download was stopped"
            )
        except (requests.RequestException, OSError) as error:
            to.unlink(missing_ok=True)
            return Answer(url, 200, error=f"the download broke off: {self._failure(error)}")
        return Answer(url, 200, size, digest.hexdigest(), head, to)


class _TooLarge(Exception):
    pass
