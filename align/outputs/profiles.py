"""What each CAT tool imports cleanly, as data: one Profile per tool, chosen with `--profile`.

- trados: Trados Studio drops units whose languages do not match the memory's exactly and rejects
  segments over 2,000 characters, so it gets region codes (fr-FR ...), both directions of every pair,
  and units with a longer segment are left out (and counted in the report).
- memoq: memoQ takes two languages out of a multilingual TMX and matches them by region code.
- omegat: OmegaT warns when a memory's srclang differs from the project's and re-segments paragraph
  units with the project's rules (ship segmentation.srx with it): both directions of every pair.
- generic: ISO 639-1 codes, as the TMX 1.4b standard and Translate Toolkit read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from align.langs import LANGUAGES, UN_LANGS

# UN language versions as locales (their records' regions): UN English follows British (Oxford) spelling.
UN_REGIONS = {code: LANGUAGES[code].region for code in UN_LANGS}


@dataclass(frozen=True)
class Profile:
    """How the TMX files are written for one family of CAT tools."""

    name: str
    # ISO 639-1 -> the code written in xml:lang and srclang
    codes: dict[str, str] = field(default_factory=dict)
    max_chars: int = 0  # leave out units with a segment longer than this (0: no limit)
    both_directions: bool = False  # also write tmx/<lang>-<pivot>.tmx with srclang=<lang>


PROFILES: dict[str, Profile] = {
    "generic": Profile("generic"),
    "trados": Profile("trados", codes=UN_REGIONS, max_chars=2000, both_directions=True),
    "memoq": Profile("memoq", codes=UN_REGIONS),
    "omegat": Profile("omegat", both_directions=True),
}


def parse_codes(pairs: tuple[str, ...]) -> dict[str, str]:
    """`--lang-codes zh=zh-CN en=en-US` as a mapping.

    >>> parse_codes(("zh=zh-CN", "en=en-US"))
    {'zh': 'zh-CN', 'en': 'en-US'}
    >>> parse_codes(("zh",))
    Traceback (most recent call last):
    ...
    ValueError: a language code mapping is LANG=CODE, e.g. zh=zh-CN, not 'zh'
    """
    codes = {}
    for pair in pairs:
        lang, _, code = pair.partition("=")
        if not lang or not code:
            raise ValueError(f"a language code mapping is LANG=CODE, e.g. zh=zh-CN, not {pair!r}")
        codes[lang.lower()] = code
    return codes
