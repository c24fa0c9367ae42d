"""Document symbol and language from a file name, by the UN Official Document System convention."""

from __future__ import annotations

import re

from align.errors import InvalidFilename
from align.langs import UN_LETTERS, parse_lang
from align.untext import check_symbol

# ODS names a language version `<symbol with / as _>-<LANG>.<ext>`: A_RES_60_212-FR.pdf.
_ODS_NAME = re.compile(r"^(?P<symbol>[A-Za-z][A-Za-z0-9_.()+\-]*?)-(?P<lang>[A-Za-z]{2})$")
# The UN's own names for the files it publishes: the symbol, the job number (seven digits, which is no part
# of the symbol) and the language letter: A_RES_80_156-2520753F, A_RES_77_301_2312771G,
# S_RES_2618 (2022)-2201005E, or the letter alone: A_RES_77_276-G. The parts of a resolution in one
# file are named by the first and the last: A_RES_80_244AC is A/RES/80/244 A to C, A/RES/80/244A-C.
_UN_NAME = re.compile(r"^(?P<symbol>[A-Za-z][A-Za-z0-9_.()+\- ]*?)(?:[-_][A-Z]?\d{7}|-)(?P<letter>[ACEFRSG])$")
_PARTS = re.compile(r"(?<=\d)([A-Z])([A-Z])$")



def parse_filename(stem: str) -> tuple[str, str] | None:
    """Return (symbol, lang) from an ODS file stem or a UN publisher's name, None if the stem is neither.

    >>> parse_filename("A_RES_60_212-FR")
    ('A/RES/60/212', 'fr')
    >>> parse_filename("A_RES_217(III)-zh")
    ('A/RES/217(III)', 'zh')
    >>> parse_filename("A_RES_80_156-2520753F"), parse_filename("S_RES_2618 (2022)-2201005G")
    (('A/RES/80/156', 'fr'), ('S/RES/2618(2022)', 'de'))
    >>> parse_filename("A_RES_80_244AC-2521251A")
    ('A/RES/80/244A-C', 'ar')
    >>> parse_filename("notes") is None
    True
    >>> parse_filename("A_RES_60_212-QQ")
    Traceback (most recent call last):
    ...
    align.errors.InvalidFilename: unknown language code 'QQ' in file name 'A_RES_60_212-QQ'
    """
    match = _ODS_NAME.match(stem)
    if not match:
        match = _UN_NAME.match(stem)
        if not match:
            return None
        symbol = _PARTS.sub(r"\1-\2", match["symbol"].replace("_", "/").replace(" (", "("))
        return check_symbol(symbol), UN_LETTERS[match["letter"]]
    try:
        lang = parse_lang(match["lang"])
    except ValueError as error:
        raise InvalidFilename(f"{error} in file name {stem!r}") from None
    return check_symbol(match["symbol"].replace("_", "/")), lang
