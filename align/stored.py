"""What a build keeps in OUT to read back later (the cache, the layout), in formats whose reading can
never run code: an output folder is shared, copied and downloaded, and anyone may have put files in it.

    structure := JSON in which every container is a list tagged by its first item:
                 ["l", ...] list, ["t", ...] tuple, ["s", ...] set, ["d", k1, v1, k2, v2, ...] dict,
                 ["y", base64] bytes, ["B"] the BLOB placeholder, ["r", name, {field: value}] a record
                 of one of the dataclasses the reader names; str, int, float, bool and null as JSON has them
    texts     := b"align-texts 1\\n", a JSON line [[kind, length], ...] (kind "s" str, "y" bytes), then the
                 texts' bytes one after the other, their lengths adding up to the rest of the file
Anything else is an error (StoredError): the reader discards the entry and does the work again.
"""

from __future__ import annotations

import base64
import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

_TEXTS = b"align-texts 1\n"


class StoredError(ValueError):
    """Stored data that is not what this version writes: damaged, planted, or from another version."""


def encode(value: Any, blob: object = None) -> bytes:
    """`value` as tagged JSON (`blob`: the placeholder object written as ["B"]); a lone surrogate (a file
    name that is not UTF-8, os.fsdecode) is written as its JSON escape."""
    return json.dumps(_tagged(value, blob), ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8", "backslashreplace"
    )


def _tagged(value: Any, blob: object) -> Any:
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if value is blob:
        return ["B"]
    if isinstance(value, bytes):
        return ["y", base64.b64encode(value).decode("ascii")]
    if isinstance(value, (list, tuple, set, frozenset)):
        tag = {list: "l", tuple: "t", set: "s", frozenset: "s"}[type(value)]
        return [tag, *(_tagged(item, blob) for item in value)]
    if isinstance(value, dict):
        return ["d", *(_tagged(part, blob) for item in value.items() for part in item)]
    if dataclasses.is_dataclass(value):
        return [
            "r",
            type(value).__name__,
            {
                field.name: _tagged(getattr(value, field.name), blob)
                for field in dataclasses.fields(value)
            },
        ]
    raise TypeError(f"cannot store a {type(value).__name__}")


def decode(data: bytes, records: dict[str, Callable[..., Any]], blob: object = None) -> Any:
    """The value `encode` stored; `records`: the dataclasses it may hold, by name (no other is made)."""
    try:
        return _untagged(json.loads(data), records, blob)
    except (ValueError, TypeError, KeyError, IndexError, RecursionError) as error:
        raise StoredError(f"not stored by this version: {error}") from None


def _untagged(value: Any, records: dict[str, Callable[..., Any]], blob: object) -> Any:
    if not isinstance(value, (list, dict)):
        return value
    if isinstance(value, dict) or not value or not isinstance(value[0], str):
        raise StoredError("an untagged container")
    tag, items = value[0], value[1:]
    if tag == "B" and not items:
        return blob
    if tag == "y" and len(items) == 1 and isinstance(items[0], str):
        return base64.b64decode(items[0], validate=True)
    if tag == "r" and len(items) == 2 and items[0] in records and isinstance(items[1], dict):
        return records[items[0]](
            **{name: _untagged(field, records, blob) for name, field in items[1].items()}
        )
    inner = [_untagged(item, records, blob) for item in items]
    if tag == "l":
        return inner
    if tag == "t":
        return tuple(inner)
    if tag == "s":
        return set(inner)
    if tag == "d" and len(inner) % 2 == 0:
        return dict(zip(inner[::2], inner[1::2]))
    raise StoredError(f"an unknown tag {tag!r}")


def write_texts(path: Path, texts: list[str | bytes]) -> None:
    """Texts (str or bytes) into `path`: a header with each one's kind and length, then their bytes."""
    raw = [text.encode() if isinstance(text, str) else text for text in texts]
    header = [["s" if isinstance(text, str) else "y", len(data)] for text, data in zip(texts, raw)]
    with open(path, "wb") as handle:
        handle.write(_TEXTS + json.dumps(header).encode() + b"\n")
        for data in raw:
            handle.write(data)


def texts_header(path: Path) -> tuple[list[tuple[str, int]], int]:
    """The kinds and lengths `path` declares and where its bytes start, checked against its size."""
    with open(path, "rb") as handle:
        if handle.read(len(_TEXTS)) != _TEXTS:
            raise StoredError(f"{path.name}: not a texts file of this version")
        line = handle.readline(10_000_000)
        try:
            header = [(kind, length) for kind, length in json.loads(line)]
        except (ValueError, TypeError) as error:
            raise StoredError(f"{path.name}: a damaged header: {error}") from None
        start = handle.tell()
        size = handle.seek(0, 2)
    if (
        any(
            kind not in ("s", "y") or not isinstance(length, int) or length < 0
            for kind, length in header
        )
        or start + sum(length for _, length in header) != size
    ):
        raise StoredError(f"{path.name}: its header does not match its content")
    return header, start


def read_texts(path: Path) -> list[str | bytes]:
    """The texts `write_texts` stored, checked."""
    header, start = texts_header(path)
    texts: list[str | bytes] = []
    with open(path, "rb") as handle:
        handle.seek(start)
        for kind, length in header:
            data = handle.read(length)
            try:
                texts.append(data.decode() if kind == "s" else data)
            except UnicodeDecodeError:
                raise StoredError(f"{path.name}: a damaged text") from None
    return texts
