"""Helpers for UN text that every stage uses: document symbols (checked, in running text, in file names),
digits of every script, joining wrapped lines (with no space beside Chinese), roman numerals, the words
a paragraph opens with."""

from __future__ import annotations

import re

from align.errors import InvalidFilename

# A UN document symbol in running text: series letters, then "/"-separated parts (A/60/493/Add.2,
# A/RES/217(III)); and a line that is nothing but a symbol, the running header of a UN page.
SYMBOL_IN_TEXT = r"(?<![A-Za-z0-9])[A-Z]{1,6}(?:/[A-Za-z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?(?:\([A-Za-z0-9]+\))?)+"
SYMBOL_LINE = re.compile(r"^[A-Z]{1,6}(?:/[A-Z0-9.()\-]+){1,6}$")
# Punctuation that may end a paragraph in the six languages (a comma ends a preambular paragraph).
PARAGRAPH_END = tuple(".;:!?,。；：！？，،؛")
# ... of which a comma or semicolon also ends a clause or a list's item inside a paragraph
CLAUSE_END = tuple(",;，；،؛")
# Page furniture of UN documents (ODS PDF layout): a page number alone, the job number and its
# barcode line ("05-49777", "05-49777 (F)", "*0549777*"), a running header made of the symbol.
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[0-9٠-٩]{1,3}(?:\s*/\s*[0-9]{1,3})?$", re.I)
_JOB_NUMBER = re.compile(r"^\*?\d{2}-?\d{5}\*?(?:\s*\([A-Z]\))?(?:\s+\*\d{7}\*)?$")
# What a UN symbol is made of: letters, digits, "/", ".", "(", ")", "-", "+"; never "..", never a
# leading "/", never a NUL or a backslash. A symbol is an identifier, not a path.
_SYMBOL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/.()+\-]*$")
_PARTED = re.compile(r"^(?P<resolution>A/RES/[^/\s]+/\d+)\s*(?P<parts>[A-Z](?:\s*-\s*[A-Z])?)?$")
# Digits other than ASCII that UN documents use: Arabic-Indic, Eastern Arabic-Indic, full-width.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９", "0123456789" * 3)
# Scripts written without spaces between words: CJK radicals, punctuation, kana and ideographs,
# compatibility ideographs, full-width forms. A line wrapped there joins with no space; each is a word.
UNSPACED = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
# Han ideographs of the unified block, the characters the opener and word tables were learned on
HAN = "\u4e00-\u9fff"
_CJK = re.compile(f"[{UNSPACED}]")
# Chinese wraps its lines with no space whatever character the wrap falls on ("第73/2" | "91号决议",
# "编号：C.78.II" | ".A.11"): text ending with a Chinese character this near its end is Chinese
_CJK_TAIL = 12


def ascii_digits(text: str) -> str:
    """Arabic-Indic and full-width digits as ASCII.

    >>> ascii_digits("١٢")
    '12'
    """
    return text.translate(_DIGITS)


def join_lines(lines: list[str]) -> str:
    """Join soft-wrapped lines: a space between words, none next to a Chinese character.

    >>> join_lines(["人人生而自由,", "在尊严"])
    '人人生而自由,在尊严'
    >>> join_lines(["droits", "égaux"])
    'droits égaux'
    """
    out = ""
    for line in (line.strip(" \t") for line in lines):
        if line:
            out += separator(out, line) + line
    return out


def separator(before: str, after: str) -> str:
    """What goes between two pieces of text joined into one: a space, or nothing in Chinese.

    >>> separator("fonds", "susmentionnés"), separator("基金", "捐款"), separator("", "x")
    (' ', '', '')
    >>> separator("2019年4月15日第73/2", "91号决议"), separator("in 2015", "12 months")
    ('', ' ')
    """
    if (
        not before
        or not after
        or before.endswith("\n")
        or _CJK.search(before[-_CJK_TAIL:])
        or _CJK.match(after[0])
    ):
        return ""
    return " "


_ROMAN = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
]


def roman(number: int) -> str:
    """A lower-case roman numeral, as UN documents number the items below a lettered one: (i), (iv).

    >>> [roman(n) for n in (1, 4, 9, 11, 14, 40)]
    ['i', 'iv', 'ix', 'xi', 'xiv', 'xl']
    """
    if number < 1:
        return str(number)
    out = ""
    for value, numeral in _ROMAN:
        count, number = divmod(number, value)
        out += numeral * count
    return out


def parts_of(symbol: str) -> tuple[str, str]:
    """A General Assembly resolution's symbol and the letters of its parts, however spaced: a resolution
    adopted in parts is one document per part (A/RES/76/235 B), or one file holding them (A/RES/79/93 A-B).

    >>> parts_of("A/RES/79/93 A-B"), parts_of("A/RES/76/235 B"), parts_of("A/RES/76/235"), parts_of("S/RES/2619(2022)")
    (('A/RES/79/93', 'A-B'), ('A/RES/76/235', 'B'), ('A/RES/76/235', ''), ('S/RES/2619(2022)', ''))
    """
    match = _PARTED.match(symbol)
    if not match:
        return symbol, ""
    return match["resolution"], re.sub(r"\s", "", match["parts"] or "")


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


def furniture(text: str) -> bool:
    """A running header, page number or job number, which is layout, not text.

    >>> [furniture(t) for t in ("3", "05-49777 (F)", "A/RES/60/212", "3. Souligne", "A/80/256.")]
    [True, True, True, False, False]
    """
    text = text.strip()
    # a note that is only a symbol ends with a full stop ("A/80/256."); a running header does not
    running = SYMBOL_LINE.match(text) and not text.endswith(".")
    return bool(_PAGE_NUMBER.match(text) or _JOB_NUMBER.match(text) or running)


# Arabic's hamza seats and tatweel, which versions write differently
_ARABIC_FORMS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "\u0640": None})
_LETTERS = re.compile(r"[^\W\d_]+")
_NOT_HAN = re.compile(f"[^{HAN}]")
_CHINESE_ALSO = "又还并也再"  # "又回顾" is "also recalling": the opener is 回顾


def opener(text: str, lang: str) -> str | None:
    """The opener of a paragraph: its first word (two where the first is a particle of two letters or
    less, "se félicitant", "с удовлетворением"; after Arabic's "و" and "إذ"), or for Chinese its first
    two characters after "also".

    >>> [opener(t, l) for t, l in (("Rappelant sa résolution", "fr"), ("又回顾其决议", "zh"),
    ...     ("وإذ تشير إلى قرارها", "ar"), ("Se félicitant de", "fr"), ("2. Décide", "fr"))]
    ['rappelant', '回顾', 'اذ تشير', 'se félicitant', 'décide']
    """
    head = text.strip()[:80]
    if lang.startswith("zh"):
        return _NOT_HAN.sub("", head[:12]).lstrip(_CHINESE_ALSO)[:2] or None
    if lang.startswith("ar"):
        head = head.translate(_ARABIC_FORMS)
    words = _LETTERS.findall(head.lower())
    if lang.startswith("ar"):
        words = [w[1:] if w.startswith("و") and (len(w) > 3 or w == "واذ") else w for w in words]
    if not words:
        return None
    return " ".join(words[:2]) if len(words[0]) <= 2 and len(words) > 1 else words[0]
