"""segment: sentence segmentation with SRX 2.0 rules (UN rules layered over LanguageTool's)."""

import importlib.util
import sys
import types


def _deferred(name: str) -> None:
    """Module `name` imported on first use of one of its attributes, not when a module imports it. (The
    standard library's LazyLoader does not do for this: in Python 3.11 the import statement itself reads
    the module's __spec__, which loads it.)"""
    if name in sys.modules or importlib.util.find_spec(name) is None:
        return
    stand_in = types.ModuleType(name)

    def __getattr__(attribute: str) -> object:  # noqa: N807 (a module's __getattr__, PEP 562)
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
        return getattr(importlib.import_module(name), attribute)

    stand_in.__getattr__ = __getattr__  # type: ignore[method-assign]
    sys.modules[name] = stand_in


# choppa imports xmlschema for the validation of SRX files it offers, which align does not use: time
# taken from every start, and every worker's, before the worker can align anything. Done here,
# the package's first lines, so that it comes before srx.py imports choppa.
_deferred("xmlschema")

from align.segment.srx import RULES_NAME, Segmenter, rules_xml  # noqa: E402

__all__ = ["RULES_NAME", "Segmenter", "rules_xml"]
