import codecs
import unicodedata

import pytest

from align.errors import UnreadableInput
from align.ingest.decode import _CONTROLS, decode
from tests.conftest import udhr_path

TEXT = "Considérant que la reconnaissance de la dignité inhérente à tous les membres de la famille humaine"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings(data: bytes, encoding: str) -> None:
    assert decode(data) == (TEXT, encoding)


def test_legacy_cyrillic_code_page() -> None:
    text = udhr_path("ru").read_text(encoding="utf-8")[:3000]
    assert decode(text.encode("cp1251"))[0] == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty"), (b"  \n\n ", "empty"), (bytes(range(256)) * 20, "binary"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50, "binary")],
)
def test_not_text(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableInput, match=reason):
        decode(data)


def test_broken_utf16_names_the_byte() -> None:
    with pytest.raises(UnreadableInput, match="broken utf-16-le text at byte 6"):
        decode(codecs.BOM_UTF16_LE + "abc".encode("utf-16-le") + b"\x00\xd8" + "abc".encode("utf-16-le"))


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (TEXT.encode("utf-8") + "é".encode()[:1], TEXT, "utf-8 (truncated)"),  # cut inside a character
        (codecs.BOM_UTF16_LE + (TEXT + "é").encode("utf-16-le")[:-1], TEXT, "utf-16-le"),  # cut inside a code unit
        ("Résolution adoptée\n".encode() * 3 + "Décidé à Genève\n".encode("cp1252"),
         "Résolution adoptée\n" * 3 + "Décidé à Genève\n", "utf-8 + cp1252"),  # pasted from two sources
    ],
)
def test_truncated_and_mixed(data: bytes, text: str, encoding: str) -> None:
    assert decode(data) == (text, encoding)


def test_controls_are_the_unicode_controls_but_breaks_and_tabs() -> None:
    controls = {chr(point) for point in range(0x110000) if unicodedata.category(chr(point)) == "Cc"} - set("\n\r\t\f")
    assert {chr(point) for point in range(0x110000) if _CONTROLS.match(chr(point))} == controls
