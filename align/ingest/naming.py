"""Document symbol and language from a file name: by the UN Official Document System convention, the UN's
own publishing names, or the habits people name translations by (guide.en.txt, guide_en.txt, en/guide.txt,
English/guide.xml, en.txt beside fr.txt in one folder)."""

from __future__ import annotations

import os
import re

from align.errors import InvalidFilename
from align.langs import ISO_639_1, LANGUAGES, UN_LETTERS, parse_lang
from align.untext import check_symbol, parts_of

# ODS names a language version `<symbol with / as _>-<LANG>.<ext>`: A_RES_60_212-FR.pdf.
_ODS_NAME = re.compile(r"^(?P<symbol>[A-Za-z][A-Za-z0-9_.()+\-]*?)-(?P<lang>[A-Za-z]{2})$")
# The UN's own names for the files it publishes: the symbol, the job number (seven digits, which is no part
# of the symbol) and the language letter: A_RES_80_156-2520753F, A_RES_77_301_2312771G,
# S_RES_2618 (2022)-2201005E, or the letter alone: A_RES_77_276-G, A_RES_76_235B_F. The parts of a
# resolution are named as printed (A_RES_76_84 A-B, A_RES_77_253 B) or by the first and the last letter
# (A_RES_80_244AC: A/RES/80/244 A to C, A/RES/80/244A-C).
_UN_NAME = re.compile(
    r"^(?P<symbol>[A-Za-z][A-Za-z0-9_.()+\- ]*?)(?:[-_][A-Z]?\d{7}|(?P<alone>[-_]))(?P<letter>[ACEFRSG])$"
)
# A version the UN published again says so in its name, before or after the letter: A_RES_76_16_reissue_S
_REISSUE = re.compile(r"[_-]reissue(?=[_-]|$)", re.IGNORECASE)
_FIRST_LAST = re.compile(r"(?<=\d)([A-Z])([A-Z])$")


def parse_filename(stem: str) -> tuple[str, str] | None:
    """Return (symbol, lang) from an ODS file stem or a UN publisher's name, None if the stem is neither.

    >>> parse_filename("A_RES_60_212-FR")
    ('A/RES/60/212', 'fr')
    >>> parse_filename("A_RES_217(III)-zh")
    ('A/RES/217(III)', 'zh')
    >>> parse_filename("A_RES_80_156-2520753F"), parse_filename("S_RES_2618 (2022)-2201005G")
    (('A/RES/80/156', 'fr'), ('S/RES/2618(2022)', 'de'))
    >>> parse_filename("A_RES_80_244AC-2521251A"), parse_filename("A_RES_76_84 A-B-2118640F")
    (('A/RES/80/244A-C', 'ar'), ('A/RES/76/84A-B', 'fr'))
    >>> parse_filename("A_RES_76_235B_F"), parse_filename("A_RES_76_16_reissue_S"), parse_filename("guide_E")
    (('A/RES/76/235B', 'fr'), ('A/RES/76/16', 'es'), None)
    >>> parse_filename("notes") is None
    True
    >>> parse_filename("A_RES_60_212-QQ")
    Traceback (most recent call last):
    ...
    align.errors.InvalidFilename: unknown language code 'QQ' in file name 'A_RES_60_212-QQ'
    """
    match = _ODS_NAME.match(stem)
    if not match:
        match = _UN_NAME.match(_REISSUE.sub("", stem))
        if not match or (match["alone"] == "_" and "_" not in match["symbol"]):
            return None  # a letter after "_" is the UN's only with a symbol's "_" before it: not guide_E
        named = _FIRST_LAST.sub(r"\1-\2", match["symbol"].replace("_", "/").replace(" (", "("))
        return check_symbol("".join(parts_of(named))), UN_LETTERS[match["letter"]]
    try:
        lang = parse_lang(match["lang"])
    except ValueError as error:
        raise InvalidFilename(f"{error} in file name {stem!r}") from None
    return check_symbol(match["symbol"].replace("_", "/")), lang


# A translation's habits: a language code after the name (guide.en, guide_en, guide-EN: the last is ODS's
# too), a folder named by the language (en/, English/, Français/), or a file named by it alone (en.txt).
_CODE_AFTER = re.compile(r"^(?P<name>.+?)[._-](?P<lang>[A-Za-z]{2})$")
_FOLDER_LANG = {
    name.casefold(): code
    for code, record in LANGUAGES.items()
    for name in (record.name, record.native)
    if name
}
_NOT_IN_SYMBOL = re.compile(r"[^A-Za-z0-9.()+]+")


def name_of(path: str, lang: str = "") -> tuple[str, str] | None:
    """(symbol, lang) of a file from its name and folder, None if neither tells; `lang`, when given
    (--lang FILE=LANG), is the language whatever the name says.

    >>> name_of("docs/A_RES_60_212-FR.md"), name_of("docs/guide.en.txt"), name_of("docs/guide_fr.txt")
    (('A/RES/60/212', 'fr'), ('guide', 'en'), ('guide', 'fr'))
    >>> name_of("manual/en.txt"), name_of("English/guide.xml"), name_of("ru/руководство.txt")
    (('manual', 'en'), ('guide', 'en'), ('document', 'ru'))
    >>> name_of("docs/notes.txt") is None, name_of("docs/notes.txt", "de")
    (True, ('notes', 'de'))
    """
    folder, stem = os.path.split(path)
    stem = os.path.splitext(stem)[0]
    parent = os.path.basename(folder)
    named = parse_filename(stem)
    if named:
        return (named[0], lang) if lang else named
    match = _CODE_AFTER.match(stem)
    if match and match["lang"].lower() in ISO_639_1:
        return _symbol(match["name"]), lang or match["lang"].lower()
    if stem.lower() in ISO_639_1:
        return _symbol(parent or "document"), lang or stem.lower()
    if parent.casefold() in _FOLDER_LANG or parent.lower() in ISO_639_1:
        found = _FOLDER_LANG.get(parent.casefold(), parent.lower())
        return _symbol(stem), lang or found
    return (_symbol(stem), lang) if lang else None


def _symbol(name: str) -> str:
    """A file's name as the symbol that groups its language versions: itself when it is a safe symbol, else
    its safe characters; a name with none (written in another script) is "document", as each version of a
    translated document may be named in its own language."""
    try:
        return check_symbol(name)
    except InvalidFilename:
        safe = _NOT_IN_SYMBOL.sub("-", name).strip("-.")
        return check_symbol(safe) if safe and safe[0].isalnum() else "document"
