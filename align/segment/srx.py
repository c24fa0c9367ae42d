"""SRX 2.0 segmentation: our UN rules cascaded before LanguageTool's rules.

choppa (a port of the Java `segment` library that LanguageTool and OmegaT-style tools use, with
byte-identical output) parses and compiles the rules; `compiled.segments` applies them with the same
algorithm, so loading the merged rules in a CAT tool gives the same segments.
"""

from __future__ import annotations

import functools
import xml.sax
from importlib import resources

import regex
from choppa import DEFAULT_SRX_RULESET, SrxDocument
from choppa.iterators import AbstractTextIterator
from choppa.rule_manager import RuleManager
from choppa.srx_parser import SRXHandler
from lxml import etree

from align.segment.compiled import BreakRule, segments

SRX_NS = "http://www.lisa.org/srx20"
UN_RULES = "un.srx"
RULES_NAME = "un+languagetool"  # the rules, as the build's signature names them


@functools.cache
def rules_xml() -> bytes:
    """The merged SRX document: UN language rules and maps first, then LanguageTool's (SRX 2.0 cascade)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=True)
    base = etree.parse(str(DEFAULT_SRX_RULESET), parser)
    ours = etree.fromstring(
        resources.files("align.segment").joinpath("rules", UN_RULES).read_bytes(), parser
    )
    for extension in (
        base.getroot().find(f"{{{SRX_NS}}}header").findall("{http://okapi.sf.net/srx-extensions}*")
    ):
        # Okapi's extensions are not SRX 2.0: CAT tools must load the file
        extension.getparent().remove(extension)
    for section in ("languagerules", "maprules"):
        target = base.find(f"{{{SRX_NS}}}body/{{{SRX_NS}}}{section}")
        for position, element in enumerate(ours.find(f"{{{SRX_NS}}}body/{{{SRX_NS}}}{section}")):
            target.insert(position, element)
    etree.cleanup_namespaces(base)
    comment = etree.Comment(
        " align: UN rules (align/segment/rules/un.srx) cascaded before LanguageTool's segment.srx "
        "(LGPL-2.1, via choppa-srx) "
    )
    base.getroot().addprevious(comment)
    return etree.tostring(base, xml_declaration=True, encoding="UTF-8", pretty_print=True)


@functools.cache
def _document() -> SrxDocument:
    document = SrxDocument(ruleset=None)
    xml.sax.parseString(rules_xml(), SRXHandler(document=document))
    return document


@functools.cache
def break_rules(lang: str) -> list[BreakRule]:
    """The language's break rules, each with the no-break rules before it (its exceptions), as choppa
    compiles them for its iterator, except that choppa's RuleManager compiles for every break rule the
    union of all the no-break rules before it, each union repeating the one before (English: two of
    10,000 characters, the larger part of a worker's start-up). Here each run of no-break rules between
    two break rules is compiled once, and a break rule's exceptions are the runs before it: a union
    matches where one of its alternatives does, so the cuts are the same (tests compare with choppa)."""
    document = _document()
    # "_two": paragraphs end at two line breaks, so a single "\n" inside a unit never ends a sentence;
    # a manager of no language compiles nothing: it is asked only to write each no-break rule's pattern
    writer = RuleManager(document, [], AbstractTextIterator.DEFAULT_MAX_LOOKBEHIND_CONSTRUCT_LENGTH)
    rules: list[BreakRule] = []
    exceptions: tuple[regex.Pattern, ...] = ()
    run: list[str] = []
    for language_rule in document.get_language_rule_list(f"{lang}_two"):
        for rule in language_rule.rules:
            if not rule.is_break:
                run.append(writer.create_exception_pattern_string(rule))
                continue
            if run:
                exceptions, run = (*exceptions, document.compile("|".join(run))), []
            rules.append(
                BreakRule(
                    document.compile(rule.before_pattern),
                    document.compile(rule.after_pattern),
                    exceptions,
                    not rule.before_pattern,
                )
            )
    return rules


class Segmenter:
    """Splits a unit's text into sentences the way a CAT tool loaded with `segmentation.srx` would."""

    def split(self, text: str, lang: str) -> list[str]:
        """Sentences of `text`, whitespace-trimmed, none empty.

        >>> Segmenter().split("Voir le par. 3 de la résolution. Il le note.", "fr")
        ['Voir le par. 3 de la résolution.', 'Il le note.']
        """
        sentences = (sentence.strip() for sentence in segments(text, break_rules(lang)))
        return [sentence for sentence in sentences if sentence]
