import pytest

from align.ingest import markdown
from align.ingest.detect import detect_lang, detect_symbol, script_of, wrong_script
from tests.conftest import SEED, UDHR_LANGS, udhr_path

LOREM = "Lorem ipsum dolor sit amet, consectetur adipiscing elit " * 5


@pytest.mark.parametrize("lang", UDHR_LANGS)
def test_language_of_each_udhr_version(lang: str) -> None:
    assert detect_lang(udhr_path(lang).read_text(encoding="utf-8")) == lang


@pytest.mark.parametrize("text", ["", "12345 67890 " * 10])
def test_no_language(text: str) -> None:
    assert detect_lang(text) is None


def test_a_language_beyond_the_un_ones_is_named() -> None:
    """The identifier knows 97 languages: Lorem ipsum is Latin, which the stopwords could not tell."""
    assert detect_lang(LOREM) == "la"


@pytest.mark.parametrize("text", [udhr_path(lang).read_text(encoding="utf-8") for lang in UDHR_LANGS] + ["", "12345 " * 10, LOREM])
def test_wrong_script_is_what_detect_lang_tells(text: str) -> None:
    """What reading a named file checks, answered as the full detection would answer it, also where the
    Latin-script text's language is unknown (Lorem ipsum) and the name is or is not a Latin-script one."""
    for lang in [*UDHR_LANGS, "fa", "uk", "de", "ja"]:
        found = detect_lang(text)
        assert wrong_script(text, lang) == (found if found and script_of(found) != script_of(lang) else None), lang


def test_seed_symbol_from_its_resolution_number() -> None:
    # the seed prints no symbol: "60/212." under the General Assembly means A/RES/60/212
    assert detect_symbol(markdown.read(SEED.read_text(encoding="utf-8"))) == "A/RES/60/212"


def test_printed_symbol_wins() -> None:
    blocks = markdown.read("# General Assembly\n\nA/RES/61/1\n\n## 61/1. Title")
    assert detect_symbol(blocks) == "A/RES/61/1"
