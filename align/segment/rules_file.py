"""OUT/segmentation.srx: the exact SRX rules used, for CAT tools to segment new texts the same way; with
--profile omegat also OUT/omegat/segmentation.conf, the same rules as OmegaT 3.6 reads a project's own
(a java.beans.XMLEncoder document of its SRX, MapRule and Rule classes; newer OmegaT versions read SRX).

An exporter (registered in align/outputs/__init__.py) that lives with the rules it writes: it needs of
the export options only where the files go and which CAT tool they are for."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lxml import etree

from align.files import atomic_path
from align.model import AlignedDocument, BuildResult
from align.segment.srx import SRX_NS, rules_xml

if TYPE_CHECKING:
    from align.streams import Recorder

OMEGAT_CONF = "omegat/segmentation.conf"
# SRX.CURRENT_VERSION of OmegaT 3.6: a lower one is merged with OmegaT's defaults
_OMEGAT_VERSION = "0.2.2"


class SrxExporter:
    """Writes the merged SRX document that `align.segment` segments with (and OmegaT's form of it)."""

    def __init__(
        self, options: Any, langs: frozenset[str] = frozenset(), layout: Recorder | None = None
    ) -> None:
        self.out, self.omegat = options.out, options.profile == "omegat"

    @staticmethod
    def render(document: AlignedDocument, options: Any) -> None:
        """The rules do not depend on the documents."""

    def write(self, rendered: None) -> None:
        """Nothing to append."""

    def abort(self) -> None:
        """Nothing is open before close()."""

    def close(self, result: BuildResult) -> list[str]:
        srx = rules_xml()
        written = {"segmentation.srx": srx}
        if self.omegat:
            written[OMEGAT_CONF] = omegat_conf(srx)
        for name, data in written.items():
            with atomic_path(self.out / name) as path:
                path.write_bytes(data)
        return list(written)


def omegat_conf(srx: bytes) -> bytes:
    """An SRX 2.0 document as OmegaT 3.6's segmentation.conf: one MapRule per language map, in order, each
    with its language rule's rules (OmegaT cascades them as SRX does)."""
    root = etree.fromstring(srx, etree.XMLParser(resolve_entities=False, no_network=True))
    rules = {
        languagerule.get("languagerulename"): [
            (
                rule.get("break", "yes") == "yes",
                rule.findtext(f"{{{SRX_NS}}}beforebreak") or "",
                rule.findtext(f"{{{SRX_NS}}}afterbreak") or "",
            )
            for rule in languagerule.iter(f"{{{SRX_NS}}}rule")
        ]
        for languagerule in root.iter(f"{{{SRX_NS}}}languagerule")
    }
    java = etree.Element("java", version="1.8.0", attrib={"class": "java.beans.XMLDecoder"})
    srx_object = etree.SubElement(
        java, "object", attrib={"class": "org.omegat.core.segmentation.SRX"}
    )
    mapping = _list(srx_object, "mappingRules")
    for languagemap in root.iter(f"{{{SRX_NS}}}languagemap"):
        name = languagemap.get("languagerulename")
        add = etree.SubElement(mapping, "void", method="add")
        map_rule = etree.SubElement(
            add, "object", attrib={"class": "org.omegat.core.segmentation.MapRule"}
        )
        _property(map_rule, "language", "string", name)
        _property(map_rule, "pattern", "string", languagemap.get("languagepattern"))
        listed = _list(map_rule, "rules")
        for breaks, before, after in rules.get(name, []):
            rule = etree.SubElement(
                etree.SubElement(listed, "void", method="add"),
                "object",
                attrib={"class": "org.omegat.core.segmentation.Rule"},
            )
            _property(rule, "afterbreak", "string", after)
            _property(rule, "beforebreak", "string", before)
            _property(rule, "breakRule", "boolean", "true" if breaks else "false")
    _property(srx_object, "version", "string", _OMEGAT_VERSION)
    return etree.tostring(java, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _list(parent: etree._Element, name: str) -> etree._Element:
    """A property set to a new list (a new MapRule's getter gives none to add to)."""
    holder = etree.SubElement(parent, "void", property=name)
    return etree.SubElement(holder, "object", attrib={"class": "java.util.ArrayList"})


def _property(parent: etree._Element, name: str, kind: str, value: str) -> None:
    etree.SubElement(etree.SubElement(parent, "void", property=name), kind).text = value
