"""Tokenized corpora: Moses tokens that detokenize back to the (normalised) text, in six languages."""

from pathlib import Path

import pytest

from align.export.tokenize import Tokenizer, tokenizer
from align.model import Document
from tests.conftest import UDHR_LANGS


@pytest.mark.parametrize("lang", UDHR_LANGS)
def test_round_trip_on_every_corpus_line(built: Path, lang: str) -> None:
    words = tokenizer(lang)
    files = [path for path in (built / "moses").glob(f"*.{lang}")]
    lines = [line for path in files for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 50
    for line in lines:
        normal = words.normalize(line)
        assert words.detokenize(words.tokenize(normal)) == normal


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
        assert [words.detokenize(line) for line in tokens] == [words.normalize(line) for line in lines]


@pytest.mark.parametrize(
    ("lang", "text", "tokens"),
    [
        ("fr", "la coopération Sud‐Sud ; « en 2005 »", 'la coopération Sud-Sud ; " en 2005 "'),
        ("en", "Member States' co‐operation (A/60/257).", "Member States ' co-operation ( A/60/257 ) ."),
        ("en", "resolution 58/220 and A/60/493/Add.2.", "resolution 58/220 and A/60/493/Add.2 ."),
        ("zh", "大会,第60/212号决议。", "大 会 , 第 60/212 号 决 议 。"),
        ("ar", "الحرية، والعدل؛", "الحرية ، والعدل ؛"),
    ],
)
def test_tokens(lang: str, text: str, tokens: str) -> None:
    words = Tokenizer(lang)
    assert words.tokenize(words.normalize(text)) == tokens


def test_escape_is_an_option() -> None:
    assert Tokenizer("en").tokenize("A & B") == "A & B"
    assert Tokenizer("en", escape=True).tokenize("A & B") == "A &amp; B"
