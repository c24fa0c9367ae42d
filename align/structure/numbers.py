"""Paragraph numbers and sub-paragraph letters as each language writes them, to one canonical form."""

from __future__ import annotations

from align.langs.record import ARABIC_LETTERS, CYRILLIC_LETTERS, LATIN_LETTERS
from align.untext import ascii_digits

_CHINESE_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
# Ordinal words that stand for a number in article headings ("Article premier", "Artículo primero").
_WORDS = {"premier": 1, "première": 1, "primero": 1, "first": 1}
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def parse_number(text: str) -> int:
    """The integer a paragraph or article number stands for, in any of the six languages' forms.

    >>> [parse_number(n) for n in ("12", "١٢", "premier", "二十六", "第十一", "XIV")]
    [12, 12, 1, 26, 11, 14]
    >>> parse_number("douze")
    Traceback (most recent call last):
    ...
    ValueError: not a number: 'douze'
    """
    word = ascii_digits(text.strip()).strip("第条條").lower()
    if word.isdigit():
        return int(word)
    if word in _WORDS:
        return _WORDS[word]
    if word and all(char in _CHINESE_DIGITS or char in _CHINESE_UNITS for char in word):
        return _chinese(word)
    if word and all(char in _ROMAN for char in word):
        return _roman(word)
    raise ValueError(f"not a number: {text!r}")


def _chinese(word: str) -> int:
    total, digit = 0, 0
    for char in word:
        if char in _CHINESE_DIGITS:
            digit = _CHINESE_DIGITS[char]
        else:
            total += (digit or 1) * _CHINESE_UNITS[char]
            digit = 0
    return total + digit


def _roman(word: str) -> int:
    values = [_ROMAN[char] for char in word]
    return sum(-value if value < after else value for value, after in zip(values, values[1:] + [0]))


def letter_id(mark: str) -> str:
    """The canonical id part of a sub-paragraph mark: a Latin letter, or a lower-case roman numeral.

    >>> [letter_id(m) for m in ("a", "б", "هـ", "ii", "B")]
    ['a', 'b', 'e', 'ii', 'b']
    """
    mark = mark.strip().lower()
    if mark in CYRILLIC_LETTERS and len(mark) == 1:
        return LATIN_LETTERS[CYRILLIC_LETTERS.index(mark)]
    if mark in ARABIC_LETTERS or mark == "ه":
        return LATIN_LETTERS[ARABIC_LETTERS.index("هـ" if mark == "ه" else mark)]
    if len(mark) == 1 and mark in LATIN_LETTERS:
        return mark
    if mark and all(char in "ivxl" for char in mark):
        return mark
    raise ValueError(f"not a sub-paragraph mark: {mark!r}")
