"""Bytes to text: BOMs, UTF-8, UTF-16 without BOM, legacy code pages; binary files refused."""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from align.errors import UnreadableInput

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding) for the bytes of a text file; raise UnreadableInput if it is not text.

    >>> decode("Résolution".encode("cp1252"))
    ('Résolution', 'cp1252')
    >>> decode(codecs.BOM_UTF8 + "Résolution".encode())[0]
    'Résolution'
    """
    if not data.strip():
        raise UnreadableInput("empty file")
    text, encoding = _decode(data)
    if _is_binary(text):
        raise UnreadableInput("binary file, not text")
    return unicodedata.normalize("NFC", text), encoding


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding), encoding
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data" and error.end == len(data):
            return data[: error.start].decode(
                "utf-8"
            ), "utf-8 (truncated)"  # a file cut in a character
        mixed = _mixed_utf8(data)
        if mixed is not None:
            return mixed, "utf-8 + cp1252"
    try:  # the usual legacy code page of Western European Word and PDF exports
        text = data.decode("cp1252")
        if _looks_western(text):
            return text, "cp1252"
    except UnicodeDecodeError:
        pass
    guess = from_bytes(data).best()
    if guess is None:
        raise UnreadableInput("binary file, not text")
    return str(guess), guess.encoding


def _mixed_utf8(data: bytes) -> str | None:
    """Files pasted together from UTF-8 and cp1252 sources: each line in the encoding it decodes in,
    when most lines that are not ASCII are UTF-8 (else the file is taken as a legacy code page)."""
    lines = data.split(b"\n")
    decoded, utf8, legacy = [], 0, 0
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
            utf8 += not line.isascii()
        except UnicodeDecodeError:
            decoded.append(line.decode("cp1252", errors="replace"))
            legacy += 1
    return "\n".join(decoded) if utf8 > legacy else None


def _strict(data: bytes, encoding: str) -> str:
    if encoding.startswith("utf-16") and len(data) % 2:
        data = data[:-1]  # a UTF-16 file cut in the middle of a code unit
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        if error.reason in ("truncated data", "unexpected end of data") and error.end == len(data):
            return data[: error.start].decode(encoding)
        raise UnreadableInput(f"broken {encoding} text at byte {error.start}") from None


def _utf16_without_bom(data: bytes) -> str:
    """UTF-16 text of one alphabetic script has few distinct high bytes (0x00 for ASCII, 0x04 for
    Cyrillic, 0x06 for Arabic) in every other byte, and varied low bytes in the others.

    >>> _utf16_without_bom("Все люди рождаются свободными".encode("utf-16-le"))
    'utf-16-le'
    """
    sample = data[:4096] if len(data) % 2 == 0 else data[:4095]
    if len(sample) < 8:
        return ""
    for encoding, high, low in (
        ("utf-16-le", sample[1::2], sample[0::2]),
        ("utf-16-be", sample[0::2], sample[1::2]),
    ):
        if (
            len(set(high)) <= 3
            and len(set(low)) >= 3 * len(set(high))
            and high.count(0) + high.count(4) + high.count(6) > 0.6 * len(high)
        ):
            return encoding
    return ""


def _looks_western(text: str) -> bool:
    """cp1252 decodes almost any bytes: accept it for text whose letters are mostly ASCII, as in
    French, Spanish or English (Cyrillic or Arabic bytes read as cp1252 are nearly all accented)."""
    letters = [char for char in text if char.isalpha()]
    accented = sum(1 for char in letters if ord(char) > 0x7F)
    return (
        bool(letters)
        and accented < 0.25 * len(letters)
        and not any(0x80 <= ord(char) < 0xA0 for char in text)
    )


# C0 and C1 control characters but the line and page breaks and tabs (Unicode category Cc)
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _is_binary(text: str) -> bool:
    sample = text[:8192]
    controls = len(_CONTROLS.findall(sample))
    # a few stray control codes are PDF-conversion noise
    return controls > max(8, len(sample) // 100)
