import pytest

from align.ingest import markdown
from tests.conftest import SEED


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("*Rappelant* sa résolution 58/220,", "Rappelant sa résolution 58/220,"),
        ("de 2005<sup>1</sup>,", "de 2005[^1],"),
        ("*68<sup>e</sup> séance plénière*", "68e séance plénière"),
        ("A\\_RES\\_60\\_212 and A_RES_60_212", "A_RES_60_212 and A_RES_60_212"),
        ("**Decides** to _include_", "Decides to include"),
        ("[report](http://x.org/a) &amp; more", "report & more"),
        ("a\u00a0 b\x07 c", "a b c"),
    ],
)
def test_inline(source: str, expected: str) -> None:
    assert markdown.inline(source) == expected


def test_seed_blocks() -> None:
    blocks = markdown.read(SEED.read_text(encoding="utf-8"))
    kinds = [block.kind for block in blocks]
    assert kinds.count("page-break") == 3
    assert [block.number for block in blocks if block.kind == "footnote"] == ["1", "2", "3", "4", "5", "6"]
    assert blocks[0].text == "Assemblée générale" and blocks[0].level == 1
    assert blocks[1].text == "Distr. générale\n27 mars 2006"  # a Markdown hard break stays a line break


def test_soft_wrapped_lines_join() -> None:
    blocks = markdown.read("1. Décide de\ncontinuer.\n\n人人生而自由,\n在尊严")
    assert [block.text for block in blocks] == ["1. Décide de continuer.", "人人生而自由,在尊严"]


def test_form_feed_is_a_page_break() -> None:
    assert [block.kind for block in markdown.read("un\fdeux")] == ["paragraph", "page-break", "paragraph"]
