"""Moses-style tokenization for training pipelines (sacremoses), reversible on UN text.

`normalize` is Moses punctuation normalisation plus the fixes that make `detokenize(tokenize(x)) == x`
hold for normalised UN text: Unicode hyphens become "-", French keeps its typographic space before
; : ! ? % (UN French usage, which Moses' French detokenizer restores), guillemets in pairs become
straight quotes, Arabic punctuation attaches to the word before it.
Chinese (and Japanese) is tokenized by character (each ideograph, kana or CJK punctuation mark is a token,
as Chinese MT pipelines without a word segmenter expect); runs of other scripts inside it go through Moses.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from sacremoses import MosesDetokenizer, MosesPunctNormalizer, MosesTokenizer
from sacremoses.tokenize import nonbreaking_prefixes, perluniprops

from align.untext import SYMBOL_IN_TEXT, UNSPACED

_GUILLEMETS = [(re.compile(r"«\s*"), '"'), (re.compile(r"\s*»"), '"')]
# Private Use Area: no normaliser rule touches them
_HIDE_GUILLEMETS = str.maketrans("«»", "\ue100\ue101")
_SHOW_GUILLEMETS = str.maketrans("\ue100\ue101", "«»")
_FRENCH_SPACE = re.compile(r"(?<=\S)([;:!?])(?=\s|$)|(?<=\d)(%)")
_CJK = re.compile(f"([{UNSPACED}])")
_CJK_SPACE = re.compile(f"(?<=[{UNSPACED}]) +| +(?=[{UNSPACED}])")
# UN document symbols (A/60/493/Add.2, A/RES/60/212) and resolution numbers (58/220) stay one token:
# they are names, not phrases, and Moses' detokenizer could not glue their parts back.
# So do other words joined by a slash, which UN texts write without spaces (Arabic month pairs
# "نيسان/أبريل", decisions "1/CP.21").
PROTECTED = [
    SYMBOL_IN_TEXT,
    r"\b\d+(?:/\d+)+\b",
    r"\b[nN][°º]",  # and "n°" (numéro)
    r"\w+(?:[.\-]\w+)*(?:/\w+(?:[.\-]\w+)*)+",
    # a symbol's addendum after a space: "A/79/6 (Sect. 3) /Add.10" (A/RES/79/258 B)
    r"(?<!\S)/\w+(?:[.\-]\w+)*",
]
# as sacremoses compiles them
_PROTECTED = [re.compile(pattern, re.IGNORECASE) for pattern in PROTECTED]
_ASCII_DIGITS = frozenset("0123456789")
# Arabic comma, semicolon and question mark attach to the word before them, like their Latin cousins.
_ARABIC_PUNCTUATION = re.compile(r" ([،؛؟])")
# Moses' normaliser spaces every parenthesis ("(x)]" -> "(x) ]"); the detokenizer attaches a bracket
# to the one beside it, so the space it made there goes again.
_BRACKET_SPACE = re.compile(r"(?<=\)) (?=[\])}])|(?<=[\[({]) (?=\()")
_SLASH_SPACE = re.compile(r"(?<=\w) */ +(?=\w)|(?<=\w) +/(?=\w)")
# no metacharacter but escaped ( ) ? ! .
_LITERAL = re.compile(r"(?:[^.^$*+?{}\[\]|()\\]|\\[()?!.])+")
# A string that every change made by one of sacremoses' normaliser patterns needs in the text (a
# literal piece of the pattern; for " +" -> " ", two spaces): without it the substitution is skipped.
_NEEDS = {
    r"\r": "\r",
    " +": "  ",
    r"\) ([.!:?;,])": ") ",
    r"(\d) %": " %",
    "([a-zA-Z])\u2018([a-zA-Z])": "\u2018",
    "([a-zA-Z])\u2019([a-zA-Z])": "\u2019",
    r'(\.+)"(\s*[^<])': '."',
    "(\\d)\u00a0(\\d)": "\u00a0",
    '"([,.]+)': '"',
}


def _literal(pattern: str, replacement: str) -> str:
    """The fixed string a substitution replaces, or "" if it is a real pattern or refers to groups."""
    if "\\" in replacement or not _LITERAL.fullmatch(pattern):
        return ""
    return re.sub(r"\\(.)", r"\1", pattern)


def char_class(chars: str) -> str:
    """A regex class body matching exactly `chars`, as ranges.

    >>> char_class("cabx")
    'a-cx'
    """
    points = sorted(set(map(ord, chars)))
    ranges: list[list[int]] = []
    for point in points:
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    return "".join(
        re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        for low, high in ranges
    )


def substitution(pattern: re.Pattern, template: str) -> Callable[[str], str]:
    """`pattern.sub(template, text)` as a function of text. A template made of group references (\\1)
    and plain text becomes a function of the match: in this Python a template is expanded by Python
    code at every match.

    >>> substitution(re.compile(r"(\\w),"), r"\\1 , ")("a,b")
    'a , b'
    """
    pieces = re.split(r"\\(\d)", template)
    if "\\" in template and not any("\\" in piece for piece in pieces[::2]):
        return functools.partial(
            pattern.sub, _expansion(pieces[::2], [int(group) for group in pieces[1::2]])
        )
    return functools.partial(pattern.sub, template)


def _expansion(literals: list[str], groups: list[int]) -> Callable[[re.Match], str]:
    """literals[0] + group + literals[1] + group + ...: as one expression for the one- and two-group
    templates sacremoses uses (a loop costs as much as the template it replaces)."""
    if len(groups) == 1:
        (first, last), (group,) = literals, groups
        return lambda match: first + (match[group] or "") + last
    if len(groups) == 2:
        (first, middle, last), (one, two) = literals, groups
        return lambda match: first + (match[one] or "") + middle + (match[two] or "") + last
    return lambda match: (
        literals[0]
        + "".join((match[group] or "") + literal for group, literal in zip(groups, literals[1:]))
    )


class _MosesTokenizer(MosesTokenizer):
    """sacremoses' tokenizer with its character classes built once: its `islower` and `isanyalpha` build
    a set of a whole Unicode class on every call, and its prefix check runs a regex on every token.
    For Chinese, the three patterns it compiles with every Han character listed one by one (slow to
    compile, in every worker that tokenizes Chinese) are compiled from the same characters as ranges.
    The rules and their order are sacremoses'; tests compare the output with the original's."""

    def __init__(self, lang: str) -> None:
        super().__init__(lang="en" if lang == "zh" else lang)
        if lang == "zh":  # what sacremoses' __init__ does for "zh", with ranges
            self.lang = lang
            self.NONBREAKING_PREFIXES = [
                prefix.strip() for prefix in nonbreaking_prefixes.words(lang)
            ]
            self.NUMERIC_ONLY_PREFIXES = [
                word.rpartition(" ")[0]
                for word in self.NONBREAKING_PREFIXES
                if self.has_numeric_only(word)
            ]
            han = "".join(perluniprops.chars("Han"))
            self.IsAlpha, self.IsAlnum = self.IsAlpha + han, self.IsAlnum + han
            alnum = char_class(self.IsAlnum)
            self.PAD_NOT_ISALNUM = re.compile(rf"([^{alnum}\s\.'\`\,\-])"), r" \1 "
            self.AGGRESSIVE_HYPHEN_SPLIT = re.compile(rf"([{alnum}])\-(?=[{alnum}])"), r"\1 @-@ "
            self.INTRATOKEN_SLASHES = re.compile(rf"([{alnum}])\/([{alnum}])"), r"$1 \@\/\@ $2"
        self._lower, self._alpha = frozenset(self.IsLower), frozenset(self.IsAlpha)
        self._prefixes, self._numeric_only = (
            frozenset(self.NONBREAKING_PREFIXES),
            frozenset(self.NUMERIC_ONLY_PREFIXES),
        )
        apostrophes = (
            self.ENGLISH_SPECIFIC_APOSTROPHE
            if self.lang == "en"
            else self.FR_IT_SPECIFIC_APOSTROPHE
            if self.lang in ("fr", "it")
            else [self.NON_SPECIFIC_APOSTROPHE]
        )
        self._commas = [
            substitution(*rule)
            for rule in (self.COMMA_SEPARATE_1, self.COMMA_SEPARATE_2, self.COMMA_SEPARATE_3)
        ]
        self._apostrophes = [substitution(*rule) for rule in apostrophes]

    def islower(self, text: str) -> bool:
        return self._lower.issuperset(text)

    def isanyalpha(self, text: str) -> bool:
        return not self._alpha.isdisjoint(text)

    def handles_nonbreaking_prefixes(self, text: str) -> str:
        """sacremoses' rule, with its per-token regexes as string tests and its prefix lists as sets."""
        tokens = text.split()
        last = len(tokens) - 1
        for index, token in enumerate(tokens):
            if len(token) < 2 or token[-1] != ".":  # r"^(\S+)\.$" on a token without spaces
                continue
            prefix, following = token[:-1], tokens[index + 1] if index < last else ""
            if (
                ("." in prefix and self.isanyalpha(prefix))
                or (prefix in self._prefixes and prefix not in self._numeric_only)
                or (following and self.islower(following[0]))
            ):
                continue
            if prefix in self._numeric_only and following[:1] in _ASCII_DIGITS:  # r"^[0-9]+"
                continue
            tokens[index] = prefix + " ."
        return " ".join(tokens)

    def moses(self, text: str, escape: bool) -> str:
        """What sacremoses' tokenize(text, escape=escape, return_str=True, aggressive_dash_splits=False,
        protected_patterns=PROTECTED) gives, step for step in its order, with the protected patterns
        compiled once and each step skipped when the text lacks a character its pattern needs (a
        substitution that cannot match changes nothing)."""
        if (
            "  " in text or not text.isprintable()
        ):  # else no whitespace but single spaces, no control character
            for pattern, replacement in (self.DEDUPLICATE_SPACE, self.ASCII_JUNK):
                text = pattern.sub(replacement, text)
        # every protected pattern needs a "/", "°" or "º" (which no other character matches, even ignoring case)
        protected = (
            [match.group() for pattern in _PROTECTED for match in pattern.finditer(text)]
            if "/" in text or "\u00b0" in text or "\u00ba" in text
            else []
        )
        if len(protected) > self.MAX_PROTECTED_TOKENS:
            raise ValueError(
                f"too many protected tokens: {len(protected)} matches exceeds the limit of {self.MAX_PROTECTED_TOKENS}"
            )
        marker = self.unused_protect_marker(text)
        for index, token in sorted(
            enumerate(protected), key=lambda pair: len(pair[1]), reverse=True
        ):
            text = text.replace(token, marker + str(index).zfill(3))
        # PAD_NOT_ISALNUM puts a space each side of every match (r" \1 ", its group being the whole match):
        # that is the pieces re.split gives (text, match, text, ...) joined by spaces, without a Python
        # call per match as a template substitution makes in this Python.
        text = " ".join(self.PAD_NOT_ISALNUM[0].split(text.strip()))
        if ".." in text:
            text = self.replace_multidots(text)
        if "," in text:
            for substitute in self._commas:
                text = substitute(text)
        if "'" in text:
            for substitute in self._apostrophes:
                text = substitute(text)
        # sacremoses then collapses whitespace and strips: a no-op here, as handles_nonbreaking_prefixes
        # joins the text's whitespace-split tokens with single spaces (a token it changes gains one).
        text = self.handles_nonbreaking_prefixes(text)
        if ".'" in text:
            pattern, replacement = self.TRAILING_DOT_APOSTROPHE
            text = pattern.sub(replacement, text)
        for index, token in enumerate(protected):
            text = text.replace(marker + str(index).zfill(3), token)
        if "DOTMULTI" in text:
            text = self.restore_multidots(text)
        return self.escape_xml(text) if escape else text


class Tokenizer:
    """Normalise, tokenize and detokenize one language's text (Moses conventions)."""

    def __init__(self, lang: str, escape: bool = False) -> None:
        self.lang, self.escape = lang, escape
        # sacremoses' own substitutions in its order, compiled once (it looks each pattern up per call);
        # the many that replace one fixed string by another run as str.replace, which is the same thing.
        self._substitutions = [
            (
                _literal(pattern, replacement),
                _NEEDS.get(pattern, ""),
                re.compile(pattern),
                replacement,
            )
            for pattern, replacement in MosesPunctNormalizer(lang=lang).substitutions
        ]
        self._tokenizer = _MosesTokenizer(lang)
        self._detokenizer = MosesDetokenizer(lang=lang)

    def normalize(self, text: str) -> str:
        """Punctuation normalised as Moses does, made consistent with the detokenizer.

        >>> Tokenizer("fr").normalize("« Coopération Sud‐Sud » ; 3 %")
        '"Coopération Sud-Sud" ; 3 %'
        """
        # Unicode hyphens (str.translate is slower)
        text = text.replace("\u2010", "-").replace("\u2011", "-")
        # guillemets in pairs become straight quotes; one alone (a quotation running over two paragraphs)
        # stays, spaced as French prints it, since the detokenizer pairs straight quotes by count
        alone = self.lang == "fr" and text.count("«") != text.count("»")
        if alone:  # kept from Moses' normaliser, which makes every guillemet a straight quote
            text = text.translate(_HIDE_GUILLEMETS)
        elif self.lang == "fr" and ("«" in text or "»" in text):
            for pattern, replacement in _GUILLEMETS:
                text = pattern.sub(replacement, text)
        text = self.moses_normalize(text)
        if ") " in text or " (" in text:
            text = _BRACKET_SPACE.sub("", text)
        if alone:
            text = text.translate(_SHOW_GUILLEMETS)
        if self.lang == "fr":
            text = _FRENCH_SPACE.sub(lambda match: " " + (match[1] or match[2]), text)
        if self.lang == "zh":
            # "1948 年 12 月": spaces beside Chinese characters are layout
            text = _CJK_SPACE.sub("", text)
        if self.lang == "ar" and " " in text:
            # "(...) ،": the comma attaches to what precedes it
            text = _ARABIC_PUNCTUATION.sub(r"\1", text)
            # "تشرين الأول/ أكتوبر": the two calendars' month names are one
            text = _SLASH_SPACE.sub("/", text)
        return text

    def moses_normalize(self, text: str) -> str:
        """What sacremoses' MosesPunctNormalizer(lang).normalize(text) gives, faster."""
        for literal, needs, pattern, replacement in self._substitutions:
            if literal:
                text = text.replace(literal, replacement)
            elif needs in text:  # "" (no known need) is in every text
                text = pattern.sub(replacement, text)
        return text.strip()

    def tokenize(self, text: str) -> str:
        """Space-separated tokens of normalised text.

        >>> Tokenizer("en").tokenize("Everyone has the right to life, liberty.")
        'Everyone has the right to life , liberty .'
        >>> Tokenizer("zh").tokenize("人人有权享有生命,自由。")
        '人 人 有 权 享 有 生 命 , 自 由 。'
        """
        if self.lang != "zh":
            return self._moses(text)
        parts = (
            part if _CJK.fullmatch(part) else self._moses(part)
            for part in _CJK.split(text)
            if part.strip()
        )
        return " ".join(" ".join(parts).split())

    def _moses(self, text: str) -> str:
        return self._tokenizer.moses(text, self.escape)

    def detokenize(self, tokens: str) -> str:
        """Text back from tokens: the inverse of `tokenize` on normalised UN text.

        >>> Tokenizer("ar").detokenize("في هذا الإعلان ، دون")
        'في هذا الإعلان، دون'
        """
        text = self._detokenizer.detokenize(tokens.split(), unescape=self.escape)
        if self.lang == "ar":
            text = _ARABIC_PUNCTUATION.sub(r"\1", text)
        if self.lang == "zh":
            text = _CJK_SPACE.sub("", text)
        return text


@functools.cache
def tokenizer(lang: str, escape: bool = False) -> Tokenizer:
    """One shared Tokenizer per language (sacremoses compiles its patterns per instance)."""
    return Tokenizer(lang, escape)
