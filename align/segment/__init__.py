"""segment: sentence segmentation with SRX 2.0 rules (UN rules layered over LanguageTool's)."""

from align.segment.srx import Segmenter, rules_xml

__all__ = ["Segmenter", "rules_xml"]
