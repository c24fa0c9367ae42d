"""Tokenized corpora: Moses tokens that detokenize back to the (normalised) text, in six languages."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sacremoses import MosesPunctNormalizer, MosesTokenizer

from align.model import Document
from align.outputs.tokenize import _NEEDS, PROTECTED, Tokenizer, char_class, substitution, tokenizer
from tests.conftest import UDHR_LANGS

CORPORA = Path(__file__).resolve().parents[2] / "corpora"


@pytest.mark.parametrize("lang", UDHR_LANGS)
def test_round_trip_on_every_corpus_line(built: Path, lang: str) -> None:
    words = tokenizer(lang)
    files = [path for path in (built / "moses").glob(f"*.{lang}")]
    lines = [line for path in files for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 50
    for line in lines:
        normal = words.normalize(line)
        back = words.detokenize(words.tokenize(normal))
        if _nested_quotes(line):  # straight quotes cannot say which is inner: only the spaces beside them differ
            assert back.replace(" ", "") == normal.replace(" ", "")
        else:
            assert back == normal


def _nested_quotes(line: str) -> bool:
    """A quotation inside a quotation («... “...” ...», A/RES/80/9 in Russian), both straight once normalised."""
    depth = deepest = 0
    for char in line:
        depth += char in "«“„" and 1 or char in "»”" and -1 or 0
        deepest = max(deepest, depth)
    return deepest > 1


def test_round_trip_on_the_seed(seed: Document) -> None:
    words = tokenizer("fr")
    for unit in seed.units:
        normal = words.normalize(unit.text)
        assert words.detokenize(words.tokenize(normal)) == normal, unit.id


@pytest.mark.parametrize("lang", UDHR_LANGS)
def test_tokenized_files_are_the_tokens_of_the_raw_files(built: Path, lang: str) -> None:
    words = tokenizer(lang)
    for raw in (built / "moses").glob(f"*.{lang}"):
        tokens = (built / "moses" / "tok" / raw.name).read_text(encoding="utf-8").splitlines()
        lines = raw.read_text(encoding="utf-8").splitlines()
        assert len(tokens) == len(lines)
        assert tokens == [words.tokenize(words.normalize(line)) for line in lines]


@pytest.mark.parametrize(
    ("lang", "text", "tokens"),
    [
        ("fr", "la coopération Sud‐Sud ; « en 2005 »", 'la coopération Sud-Sud ; " en 2005 "'),
        ("en", "Member States' co‐operation (A/60/257).", "Member States ' co-operation ( A/60/257 ) ."),
        ("en", "resolution 58/220 and A/60/493/Add.2.", "resolution 58/220 and A/60/493/Add.2 ."),
        ("zh", "大会,第60/212号决议。", "大 会 , 第 60/212 号 决 议 。"),
        ("ar", "الحرية، والعدل؛", "الحرية ، والعدل ؛"),
        ("en", "[on the report (A/80/555, para. 7)]", "[ on the report ( A/80/555 , para . 7 ) ]"),
    ],
)
def test_tokens(lang: str, text: str, tokens: str) -> None:
    words = Tokenizer(lang)
    assert words.tokenize(words.normalize(text)) == tokens


def test_french_guillemets_in_pairs_become_quotes_and_one_alone_stays() -> None:
    """A quotation that runs over two paragraphs leaves one guillemet in each (A/RES/77/185, op.6): as a
    straight quote it would be taken for an opening one and detokenized with a space before it."""
    words = Tokenizer("fr")
    assert words.normalize("le « Programme » et") == 'le "Programme" et'
    for text in ("fin de citation » ; puis", "puis « début"):
        assert words.normalize(text) == text
        assert words.detokenize(words.tokenize(text)) == text


def test_escape_is_an_option() -> None:
    assert Tokenizer("en").tokenize("A & B") == "A & B"
    assert Tokenizer("en", escape=True).tokenize("A & B") == "A &amp; B"


# Characters the normaliser's and tokenizer's rules react to.
PUNCTUATED = "ab AB (),.;:!?%'\"`„“”–—´‘’‚…«»\u00a0º12nC\r-/ M. No. A/RES/60/1 n°"


def _sacremoses(lang: str, text: str) -> str:
    """sacremoses itself, as `Tokenizer` would call it, without our speed-ups."""
    normal = MosesPunctNormalizer(lang=lang).normalize(text)
    return MosesTokenizer(lang=lang).tokenize(normal, escape=False, return_str=True, aggressive_dash_splits=False,
                                              protected_patterns=PROTECTED)


def _ours(lang: str, text: str) -> str:
    words = tokenizer(lang)
    return words._moses(words.moses_normalize(text))


@pytest.mark.parametrize("lang", UDHR_LANGS)
def test_same_as_sacremoses_on_every_corpus_line(lang: str) -> None:
    lines = [line for path in CORPORA.glob("*.md") if path.name.lower().endswith(f"-{lang}.md")
             for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 50
    for line in lines:
        assert _ours(lang, line) == _sacremoses(lang, line)


@settings(max_examples=300, deadline=None)
@given(lang=st.sampled_from(UDHR_LANGS), text=st.text(alphabet=PUNCTUATED, max_size=60))
def test_same_as_sacremoses_on_generated_text(lang: str, text: str) -> None:
    assert _ours(lang, text) == _sacremoses(lang, text)


def test_chinese_patterns_match_what_sacremoses_compiles() -> None:
    """The Chinese tokenizer's Han-extended patterns are sacremoses' own with the listed characters
    written as ranges, which match exactly the characters of sacremoses' listing (checked on the whole
    BMP); the rest of the tokenizer's state is equal."""
    ours, theirs = tokenizer("zh")._tokenizer, MosesTokenizer(lang="zh")
    for name in ("NONBREAKING_PREFIXES", "NUMERIC_ONLY_PREFIXES", "IsAlpha", "IsAlnum", "lang"):
        assert getattr(ours, name) == getattr(theirs, name), name
    compact = char_class(theirs.IsAlnum)
    for name in ("PAD_NOT_ISALNUM", "AGGRESSIVE_HYPHEN_SPLIT", "INTRATOKEN_SLASHES"):
        (mine, replacement), (original, same_replacement) = getattr(ours, name), getattr(theirs, name)
        assert (mine.pattern, replacement) == (original.pattern.replace(theirs.IsAlnum, compact), same_replacement), name
    assert not set(theirs.IsAlnum) & set("\\]-^[")  # so sacremoses' listing is read as just these characters
    everything = "".join(chr(point) for point in range(0x10000) if not 0xD800 <= point <= 0xDFFF)
    mine, original = ours.PAD_NOT_ISALNUM[0], theirs.PAD_NOT_ISALNUM[0]
    assert [match.start() for match in mine.finditer(everything)] == [match.start() for match in original.finditer(everything)]


@pytest.mark.parametrize("lang", UDHR_LANGS)
@pytest.mark.parametrize("text", [
    "a..b ... c.", "DOTMULTI DOTDOTMULTI x", "He said 'no.' ", "l'homme d'Etat", "1,000 , 2,a", "n° 5 N° 6",
    "A/RES/60/1. See 58/220.", "M. Smith, No. 5 and para. 3 of art. 2.", "Mr. X met Dr. y. Then 3. Z",
    "\tspaced\u00a0out  text\x1f", "THISISPROTECTED000 A/RES/1/1", "See No. A and Art. B, No. 7 and pp. 12.",
    "a\rb", "(voir 2) . et (x) ;", "5 % et 6 %", "l\u2018a d\u2019b", 'dit."  Puis', 'dit.." x', "1\u00a0000\u00a0000", '"a", "b".',
    "« Oui » ; «\u00a0non\u00a0»", "n\u00ba,5", "a\tb", "a\x1fb", "a\x01b", "a\u3000b", "a\nb",
])
def test_same_as_sacremoses_on_the_steps_it_skips(lang: str, text: str) -> None:
    """Texts with and without the characters that let our normaliser and tokenizer skip a step."""
    assert tokenizer(lang).moses_normalize(text) == MosesPunctNormalizer(lang=lang).normalize(text)
    assert _ours(lang, text) == _sacremoses(lang, text)


def test_what_the_skipped_substitutions_need() -> None:
    """The normaliser skips a pattern when the text lacks what `_NEEDS` says its changes need: each
    entry is one of sacremoses' patterns (" +" always replaced by one space, which changes only a run
    of two or more), and the protected patterns' "°" and "º" match no other character ignoring case."""
    substitutions = {pattern: replacement for lang in UDHR_LANGS for pattern, replacement in MosesPunctNormalizer(lang=lang).substitutions}
    assert set(_NEEDS) <= set(substitutions)
    assert substitutions[" +"] == " "
    degree = re.compile("[\u00b0\u00ba]", re.IGNORECASE)
    assert [chr(point) for point in range(0x110000) if degree.match(chr(point))] == ["\u00b0", "\u00ba"]
    assert all("/" in pattern or "[°º]" in pattern for pattern in PROTECTED)


@pytest.mark.parametrize("lang", UDHR_LANGS)
def test_padding_is_a_whole_match_between_spaces(lang: str) -> None:
    """What lets the tokenizer pad by splitting: the pattern's one group is its whole match, put between spaces."""
    pattern, replacement = tokenizer(lang)._tokenizer.PAD_NOT_ISALNUM
    assert replacement == r" \1 " and pattern.groups == 1 and pattern.pattern.startswith("(") and pattern.pattern.endswith(")")


@pytest.mark.parametrize(("pattern", "template", "text"), [
    (r"([^\d]),", r"\1 , ", "a,b,,1,c"),
    (r"(\w)'(\w)", r"\1' \2", "l'homme d'Etat 'x'"),
    (r"(a)(b)(c)", r"\3-\2-\1", "xabcxabc"),
    (r"(a)?b", r"[\1]", "ab b"),  # a group that took no part is empty, as in a template
    (r"(a)", r"\1\n", "aa"),  # other escapes: the template itself
    (r"a", " A ", "banana"),
])
def test_substitution_is_the_template_substitution(pattern: str, template: str, text: str) -> None:
    compiled = re.compile(pattern)
    assert substitution(compiled, template)(text) == compiled.sub(template, text)
