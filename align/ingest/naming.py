"""Document symbol and language from a file name, by the UN Official Document System convention."""

from __future__ import annotations

import re

from align.errors import InvalidFilename
from align.langs import parse_lang

# ODS names a language version `<symbol with / as _>-<LANG>.<ext>`: A_RES_60_212-FR.pdf.
_ODS_NAME = re.compile(r"^(?P<symbol>[A-Za-z][A-Za-z0-9_.()+\-]*?)-(?P<lang>[A-Za-z]{2})$")
# What a UN symbol is made of: letters, digits, "/", ".", "(", ")", "-", "+"; never "..", never a
# leading "/", never a NUL or a backslash. A symbol is an identifier, not a path.
_SYMBOL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/.()+\-]*$")
# A UN document symbol in running text: series letters, then "/"-separated parts (A/60/493/Add.2,
# A/RES/217(III)); and a line that is nothing but a symbol, the running header of a UN page.
SYMBOL_IN_TEXT = r"\b[A-Z]{1,6}(?:/[A-Za-z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?(?:\([A-Za-z0-9]+\))?)+"
SYMBOL_LINE = re.compile(r"^[A-Z]{1,6}(?:/[A-Z0-9.()\-]+){1,6}$")


def parse_filename(stem: str) -> tuple[str, str] | None:
    """Return (symbol, lang) from an ODS file stem, None if the stem does not follow ODS.

    >>> parse_filename("A_RES_60_212-FR")
    ('A/RES/60/212', 'fr')
    >>> parse_filename("A_RES_217(III)-zh")
    ('A/RES/217(III)', 'zh')
    >>> parse_filename("notes") is None
    True
    >>> parse_filename("A_RES_60_212-QQ")
    Traceback (most recent call last):
    ...
    align.errors.InvalidFilename: unknown language code 'QQ' in file name 'A_RES_60_212-QQ'
    """
    match = _ODS_NAME.match(stem)
    if not match:
        return None
    try:
        lang = parse_lang(match["lang"])
    except ValueError as error:
        raise InvalidFilename(f"{error} in file name {stem!r}") from None
    return check_symbol(match["symbol"].replace("_", "/")), lang


def check_symbol(symbol: str) -> str:
    """Return `symbol` if it is a safe UN document symbol, else raise InvalidFilename.

    >>> check_symbol("A/RES/60/212")
    'A/RES/60/212'
    >>> check_symbol("A/../../etc")
    Traceback (most recent call last):
    ...
    align.errors.InvalidFilename: not a document symbol: 'A/../../etc'
    """
    if not _SYMBOL.match(symbol) or ".." in symbol or "//" in symbol:
        raise InvalidFilename(f"not a document symbol: {symbol!r}")
    return symbol


def symbol_slug(symbol: str) -> str:
    """The symbol as ODS writes it in a file name: safe as one path component.

    >>> symbol_slug("A/RES/217(III)")
    'A_RES_217(III)'
    """
    return check_symbol(symbol).replace("/", "_")
