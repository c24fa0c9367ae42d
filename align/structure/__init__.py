"""structure: Sources to Documents (header metadata, units with ids), repairing conversion damage."""

from align.structure.parser import parse

__all__ = ["parse"]
