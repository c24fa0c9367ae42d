import pytest

from align.errors import InvalidFilename
from align.ingest.naming import parse_filename
from align.untext import check_symbol, symbol_slug


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("A_RES_60_212-FR", ("A/RES/60/212", "fr")),
        ("A_RES_217(III)-ZH", ("A/RES/217(III)", "zh")),
        ("a_res_60_212-en", ("a/res/60/212", "en")),
        ("S_RES_1325(2000)-ES", ("S/RES/1325(2000)", "es")),
        ("A_60_493_Add.2-RU", ("A/60/493/Add.2", "ru")),
        ("E_2005_L.1-DE", ("E/2005/L.1", "de")),
        ("A_RES_80_156-2520753F", ("A/RES/80/156", "fr")),
        ("A_RES_77_301_2312771G", ("A/RES/77/301", "de")),
        ("A_RES_77_276-G", ("A/RES/77/276", "de")),
        ("S_RES_2618 (2022)-2201005E", ("S/RES/2618(2022)", "en")),
        ("A_RES_76_262-2206243A", ("A/RES/76/262", "ar")),
        ("75_234_F", None),  # the session's number alone: not a symbol, the content says which
        ("N0549781", None),
        ("notes", None),
        ("udhr_fra", None),
    ],
)
def test_parse_filename(stem: str, expected: tuple[str, str] | None) -> None:
    assert parse_filename(stem) == expected


@pytest.mark.parametrize("stem", ["A_RES_60_212-QQ", "A_RES_60_212-XX"])
def test_unknown_language_code_is_named(stem: str) -> None:
    with pytest.raises(InvalidFilename, match=stem[-2:]):
        parse_filename(stem)


@pytest.mark.parametrize("symbol", ["../etc/passwd", "/etc/passwd", "A/../../x", "A//RES", "A\\RES", "A/RES\x00/1", ""])
def test_symbols_never_become_paths(symbol: str) -> None:
    with pytest.raises(InvalidFilename):
        check_symbol(symbol)


def test_slug_is_one_path_component() -> None:
    assert symbol_slug("A/RES/217(III)") == "A_RES_217(III)"
