"""The HTML reader: pages made from the real corpora by scripts/make_fixtures.py read back to the same
units as the Markdown; hostile pages are refused with a one-line reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.errors import UnreadableInput
from align.ingest import html, read_source
from align.structure import parse
from tests.conftest import CORPORA, rendered, units_of


@pytest.mark.parametrize("path", sorted(CORPORA.glob("A_RES_*.md")), ids=lambda path: path.stem)
def test_html_page_reads_as_its_markdown(path: Path, tmp_path: Path) -> None:
    page = rendered(tmp_path, "html", [path]) / f"{path.stem}.html"
    assert units_of(page) == units_of(path)
    from_html = parse(read_source(page))
    assert "analytics" not in page.read_text(encoding="utf-8").split("<main>")[1]  # the script is outside the text
    assert not any("United Nations |" in unit.text or "analytics" in unit.text for unit in from_html.units)


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        ('<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><p>&xxe;</p>', "declares entities"),
        ('<!DOCTYPE html [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><p>&b;</p>', "declares entities"),
        ("<div>" * 5000 + "texte", "nested more than 200 levels"),
        ("<p>" + "<b>" * 5000 + "texte", "nested more than 200 levels"),
    ],
)
def test_hostile_pages_are_refused(page: str, reason: str) -> None:
    with pytest.raises(UnreadableInput, match=reason):
        html.read(page)


def test_lists_footnotes_and_noise() -> None:
    blocks = html.read("""<html><body><nav>Menu</nav><script>var x = 1;</script>
        <h3>60/212. Coopération Sud-Sud</h3><ol start="3"><li>Souligne<sup>4</sup> ;<ol type="a"><li>Premier</li></ol></li></ol>
        <p>Texte<br>suite</p><div id="fn4">4 A/60/257.</div></body></html>""")
    assert [(b.kind, b.text, b.number) for b in blocks] == [
        ("heading", "60/212. Coopération Sud-Sud", ""), ("paragraph", "3. Souligne[^4] ;", ""),
        ("paragraph", "(a) Premier", ""), ("paragraph", "Texte\nsuite", ""), ("footnote", "A/60/257.", "4")]


def test_a_paragraph_of_megabytes_is_read_whole() -> None:
    """libxml2 cuts a text node past 10 MB short without a word: the paragraphs after it vanished."""
    long = "mot " * 2_700_000  # 10.8 MB
    blocks = html.read(f"<html><body><h1>Titre</h1><p>1. {long}fin.</p><p>2. Décide.</p></body></html>")
    assert [block.text[:2] for block in blocks] == ["Ti", "1.", "2."]
    assert blocks[1].text.endswith("mot fin.") and len(blocks[1].text) > 10_000_000


@pytest.mark.parametrize(("attributes", "first"), [('start="2000000"', "1. "), ('start="x1"', "1. "), ('type="a" start="30"', "30. "),
                                                   ('start="4"', "4. ")])
def test_list_numbers_the_markup_gives_are_bounded(attributes: str, first: str) -> None:
    blocks = html.read(f"<html><body><ol {attributes}><li>un</li><li>deux</li></ol></body></html>")
    assert blocks[0].text == f"{first}un"


def test_a_long_list_is_numbered_in_one_pass() -> None:
    """Each item's number was its index in its list, looked up item by item: 30,000 items took a minute."""
    items = "".join(f"<li>point {n}</li>" for n in range(30_000))
    blocks = html.read(f"<html><body><ol>{items}</ol></body></html>")
    assert len(blocks) == 30_000 and blocks[-1].text == "30000. point 29999"
