"""Languages: one record per language (align/langs/<code>.py, the fields in record.py), the codes of the
six UN official languages (ODS codes AR ZH EN FR RU ES) and ISO 639-1.

Adding a language is one module here with its LANGUAGE record, and its name in _RECORDS below.
"""

from __future__ import annotations

import importlib

from align.langs.record import Language

# The UN's six official languages in the order the UN lists them (Arabic, Chinese, English, French,
# Russian, Spanish); outputs list languages in this order, others after them alphabetically.
UN_LANGS: tuple[str, ...] = ("ar", "zh", "en", "fr", "ru", "es")

# The languages that have a record of their own.
_RECORDS = ("ar", "zh", "en", "fr", "ru", "es", "de")
LANGUAGES: dict[str, Language] = {
    code: importlib.import_module(f"align.langs.{code}").LANGUAGE for code in _RECORDS
}

# What is known of languages without a record: the script they are written in, where it is not Latin
# (languages ODS names may carry), and which are written right to left.
_SCRIPTS = {"fa": "arabic", "ur": "arabic", "ps": "arabic", "ja": "han"} | dict.fromkeys(
    "uk be bg sr mk kk ky tg mn".split(), "cyrillic"
)
_RIGHT_TO_LEFT = frozenset({"fa", "he", "ur", "ps", "yi"})


def language(code: str) -> Language:
    """The record of a language: its own, or one with the generic convention and what is known of its script.

    >>> language("fr").un_letter, language("ar").direction, language("fa").direction, language("pt").convention is language("de").convention
    ('F', 'rtl', 'rtl', True)
    """
    if code in LANGUAGES:
        return LANGUAGES[code]
    return Language(
        code,
        code,
        script=_SCRIPTS.get(code, "latin"),
        direction="rtl" if code in _RIGHT_TO_LEFT else "ltr",
    )


# The language letter that ends the UN's own file names (A_RES_80_156-2520753F.xml): A C E F R S, and
# G for the German versions of the Deutscher Übersetzungsdienst.
UN_LETTERS: dict[str, str] = {
    record.un_letter: code for code, record in LANGUAGES.items() if record.un_letter
}

# The language the others are aligned to unless the user says otherwise.
DEFAULT_PIVOT = "fr"

# When the chosen pivot is missing from a document, the first of these that is present pivots it.
PIVOT_FALLBACK: tuple[str, ...] = tuple(
    sorted((code for code in UN_LANGS), key=lambda code: LANGUAGES[code].fallback)
)

# ISO 639-1 (two-letter) codes, 2002 list plus later additions; ODS file names may use any of them.
ISO_639_1: frozenset[str] = frozenset(
    """aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy
    da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy
    hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li
    ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa
    pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th
    ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu""".split()
)

# The General Assembly's name as each language version prints it at the top of a resolution.
GENERAL_ASSEMBLY: dict[str, str] = {
    code: record.assembly for code, record in LANGUAGES.items() if record.assembly
}


def parse_lang(code: str) -> str:
    """Return the ISO 639-1 code for an ODS or ISO language code, any case.

    >>> parse_lang("FR")
    'fr'
    >>> parse_lang("xx")
    Traceback (most recent call last):
    ...
    ValueError: unknown language code 'xx'
    """
    lang = code.strip().lower()
    if lang not in ISO_639_1:
        raise ValueError(f"unknown language code {code!r}")
    return lang


def lang_order(langs: set[str] | list[str]) -> list[str]:
    """Sort languages the UN way: the six official ones first, in UN order, then the others.

    >>> lang_order({"de", "fr", "ar"})
    ['ar', 'fr', 'de']
    """
    return sorted(
        set(langs), key=lambda lang: (UN_LANGS.index(lang) if lang in UN_LANGS else 99, lang)
    )
