"""Language and document symbol from a document's content: for files whose names do not say, and to check
the language a name says.

Languages are identified by py3langid (a maintained fork of langid.py: 97 languages, its model shipped
in the package, pure Python on numpy, which align has anyway). Compared on the corpora with
lingua-language-detector: the same accuracy (71/71 documents; units of 40 characters or more 0.993
against 0.994; the stopword heuristic it replaces 0.944 and 0.904), a 0.75 MB package instead of one
with models for every language, and several times faster per text.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from align.langs import GENERAL_ASSEMBLY, language
from align.model import Block

# Scripts that identify a UN language by themselves (Unicode blocks), as runs: counting the letters of
# runs costs one match per run instead of one per letter.
_SCRIPTS = {
    "ar": re.compile(r"[\u0600-\u06ff\u0750-\u077f]+"),
    "zh": re.compile(r"[\u4e00-\u9fff]+"),
    "ru": re.compile(r"[\u0400-\u04ff]+"),
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f]+"),
}
_KEYS = {
    "arabic": "ar",
    "han": "zh",
    "cyrillic": "ru",
    "latin": "latin",
}  # script -> its key in _SCRIPTS
_SAMPLE = 20000  # characters looked at: enough to tell, and the same time for any file
# How sure the identifier must be to name a text's language, and to contradict a file's name (a name
# is the user's word: only a text of some length, identified beyond doubt, overrules it).
_SURE, _BEYOND_DOUBT, _LONG_ENOUGH = 0.9, 0.999, 200
# A resolution's own number heads its title: "60/212. South-South cooperation".
_RESOLUTION_NUMBER = re.compile(r"^(\d{1,3})/(\d{1,4})\s*[.．]")
# A document symbol printed in the text: A/RES/60/212, S/RES/1325 (2000), E/RES/2005/1.
_RES_SYMBOL = re.compile(r"\b([ASE]/RES/[0-9A-Z/()]+(?: \(\d{4}\))?)")


@functools.cache
def _identifier() -> Any:
    """py3langid's identifier, loaded once per process (the model takes a moment: workers load it as they start)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """The language of a text and the identifier's probability for it."""
    lang, probability = _identifier().classify(text[:_SAMPLE])
    return lang, float(probability)


def detect_lang(text: str) -> str | None:
    """The language a text is written in: by its script where that tells a UN language (Arabic, Chinese,
    Russian), else by py3langid; None when the text does not tell.

    >>> detect_lang("Tous les êtres humains naissent libres et égaux en dignité et en droits.")
    'fr'
    >>> detect_lang("Alle Menschen sind frei und gleich an Würde und Rechten geboren.")
    'de'
    >>> detect_lang("12345") is None
    True
    """
    script = _script(text)
    if script is None:
        return None
    if script != "latin":
        return script
    lang, probability = identify(text)
    return lang if probability >= _SURE else None


def wrong_language(text: str, lang: str) -> str | None:
    """The language a text is in when it is not `lang` (a file named French holding English or Arabic);
    None when it is `lang`, or when the text does not tell beyond doubt."""
    found = wrong_script(text, lang)
    if found or script_of(lang) != "latin" or len(text) < _LONG_ENOUGH:
        return found
    identified, probability = identify(text)
    return (
        identified
        if identified != lang and probability >= _BEYOND_DOUBT and script_of(identified) == "latin"
        else None
    )


def wrong_script(text: str, lang: str) -> str | None:
    """The language a text is in when its script is not `lang`'s (a file named French holding Arabic);
    None when it is, or when the text does not tell. As detect_lang would answer, but without telling
    Latin-script languages apart where `lang` is one of them (any of them has its script)."""
    own = _SCRIPTS.get(_KEYS.get(script_of(lang), ""))
    if (
        own is not None
    ):  # the usual case: over half the sample in lang's script, which no other can outnumber
        sample = text[:_SAMPLE]
        count = _letters(own, sample)
        if count >= 20 and 2 * count > len(sample):
            return None
    script = _script(text)
    if script == "latin":
        found = None if script_of(lang) == "latin" else detect_lang(text)
    else:
        found = script
    return found if found and script_of(found) != script_of(lang) else None


def _script(text: str) -> str | None:
    """The script (a key of _SCRIPTS) most letters of the text's start are in; None below 20 of them."""
    sample = text[:_SAMPLE]
    counts = {name: _letters(pattern, sample) for name, pattern in _SCRIPTS.items()}
    script, count = max(counts.items(), key=lambda item: item[1])
    return script if count >= 20 else None


def _letters(script: re.Pattern, sample: str) -> int:
    return sum(map(len, script.findall(sample)))


def script_of(lang: str) -> str:
    """The script a language is written in, to check a file name's language against the text.

    >>> script_of("ru"), script_of("es")
    ('cyrillic', 'latin')
    """
    return language(lang).script


def detect_symbol(blocks: list[Block]) -> str | None:
    """The document symbol from the header: a printed `A/RES/...`, or a GA resolution number.

    >>> detect_symbol([Block("Assemblée générale", "heading"), Block("60/212. Coopération Sud-Sud", "heading")])
    'A/RES/60/212'
    """
    header = [block.text for block in blocks[:30] if block.kind != "footnote"]
    for text in header:
        match = _RES_SYMBOL.search(text)
        if match:
            return match[1]
    is_assembly = any(name in text for text in header for name in GENERAL_ASSEMBLY.values())
    for block in blocks[:30]:
        match = _RESOLUTION_NUMBER.match(block.text)
        if match and block.kind == "heading" and is_assembly:
            return f"A/RES/{match[1]}/{match[2]}"
    return None
