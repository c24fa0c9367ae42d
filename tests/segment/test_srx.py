"""SRX segmentation: UN abbreviations never end a sentence; the merged rules are valid SRX 2.0."""

import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from align.segment import Segmenter, rules_xml

SPEC = Path(__file__).resolve().parents[1] / "spec"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Voir le par. 3 de la résolution 60/1. Il le note.", ["Voir le par. 3 de la résolution 60/1.", "Il le note."]),
        ("fr", "Voir art. 26, p. ex. le Fonds. M. Annan vient.", ["Voir art. 26, p. ex. le Fonds.", "M. Annan vient."]),
        ("fr", "Supplément no. 39 (A/60/39). Fin.", ["Supplément no. 39 (A/60/39).", "Fin."]),
        ("en", "See para. 3 of A/60/257. It is noted.", ["See para. 3 of A/60/257.", "It is noted."]),
        ("en", "Official Records, Suppl. No. 39 (A/60/39). Mr. Annan, i.e. the Secretary-General, agreed.",
         ["Official Records, Suppl. No. 39 (A/60/39).", "Mr. Annan, i.e. the Secretary-General, agreed."]),
        ("en", "As in annex I. The Assembly agreed.", ["As in annex I.", "The Assembly agreed."]),
        ("es", "Véase el párr. 3 del art. 5. El Sr. Annan llegó.", ["Véase el párr. 3 del art. 5.", "El Sr. Annan llegó."]),
        ("ru", "См. п. 3 резолюции 60/1. Ст. 5 применяется.", ["См. п. 3 резолюции 60/1.", "Ст. 5 применяется."]),
        ("zh", "人人生而自由,在尊严和权利上一律平等。他们赋有理性和良心。", ["人人生而自由,在尊严和权利上一律平等。", "他们赋有理性和良心。"]),
        ("ar", "يولد جميع الناس أحرارًا. وقد وهبوا عقلاً وضميرًا.", ["يولد جميع الناس أحرارًا.", "وقد وهبوا عقلاً وضميرًا."]),
        # a paragraph's list label is a segment of its own (a CAT tool then matches the text after it), not a
        # label inside the text
        ("fr", "a) d’intensifier leurs efforts. Ensuite.", ["a)", "d’intensifier leurs efforts.", "Ensuite."]),
        ("en", "(ii) the rest of it;", ["(ii)", "the rest of it;"]),
        ("fr", "Voir l’alinéa a) ci-dessus.", ["Voir l’alinéa a) ci-dessus."]),
        # a cover page's distribution line is one segment in every version, as it is one line
        ("fr", "Distr. limitée", ["Distr. limitée"]),
        ("zh", "Distr.: General", ["Distr.: General"]),
    ],
)
def test_sentences(lang: str, text: str, expected: list[str]) -> None:
    assert Segmenter().split(text, lang) == expected


def _resolver() -> etree.Resolver:
    class Local(etree.Resolver):
        def resolve(self, url, pubid, context):  # srx20.xsd imports the W3C xml.xsd by URL: serve the local copy
            if url.endswith("xml.xsd"):
                return self.resolve_filename(str(SPEC / "xml.xsd"), context)
            return None

    return Local()


def test_merged_rules_are_valid_srx20() -> None:
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_resolver())
    schema = etree.XMLSchema(etree.parse(str(SPEC / "srx20.xsd"), parser))
    document = etree.fromstring(rules_xml())
    assert schema.validate(document), schema.error_log
    names = [element.get("languagerulename") for element in document.iter("{http://www.lisa.org/srx20}languagemap")]
    assert names[:5] == ["UN-French", "UN-English", "UN-Spanish", "UN-Russian", "UN-Common"]  # UN rules cascade first


def test_xmlschema_which_choppa_imports_is_loaded_only_when_used() -> None:
    """choppa imports xmlschema (for validation align does not use): a build never loads it, a user still can."""
    code = ("import sys; import align.segment; assert 'elementpath' not in sys.modules; "
            "import xmlschema; assert xmlschema.XMLSchema.__name__.startswith('XMLSchema'); assert 'elementpath' in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
