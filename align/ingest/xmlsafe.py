"""XML parsed the one safe way every XML-based reader uses: no network, no DTD, no entity expansion."""

from __future__ import annotations

from lxml import etree

from align.errors import UnreadableInput


def parse_xml(data: bytes, what: str) -> etree._Element:
    """The root element of `data`; a document declaring a DTD or entities is refused whatever its encoding.

    The declaration is looked for in the parsed tree, not in the bytes, so that a UTF-16 file cannot hide
    it; nothing is expanded or fetched meanwhile (resolve_entities, load_dtd and no_network off), and
    libxml2's default limits (no huge_tree) bound depth and node sizes.
    """
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    refused = UnreadableInput(
        f"{what} declares a DTD or entities: refused, as in billion-laughs and external-entity attacks"
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        if any(
            declaration.encode(codec) in data for declaration in _DECLARATIONS for codec in _CODECS
        ):
            raise refused from None  # said first: the declaration is why, whatever else is broken
        raise UnreadableInput(f"broken {what}: {error.msg}") from None
    if root is None:
        raise UnreadableInput(f"broken {what}: no root element")
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise refused
    return root


_DECLARATIONS = ("<!DOCTYPE", "<!ENTITY")
_CODECS = ("ascii", "utf-16-le", "utf-16-be")
