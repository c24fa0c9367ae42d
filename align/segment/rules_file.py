"""OUT/segmentation.srx: the exact SRX rules used, for CAT tools to segment new texts the same way.

An exporter (registered in align/outputs/__init__.py) that lives with the rules it writes: it needs of
the export options only where the files go."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from align.files import atomic_path
from align.model import AlignedDocument, BuildResult
from align.segment.srx import rules_xml

if TYPE_CHECKING:
    from align.streams import Recorder


class SrxExporter:
    """Writes the merged SRX document that `align.segment` segments with."""

    def __init__(
        self, options: Any, langs: frozenset[str] = frozenset(), layout: Recorder | None = None
    ) -> None:
        self.path = options.out / "segmentation.srx"

    @staticmethod
    def render(document: AlignedDocument, options: Any) -> None:
        """The rules do not depend on the documents."""

    def write(self, rendered: None) -> None:
        """Nothing to append."""

    def abort(self) -> None:
        """Nothing is open before close()."""

    def close(self, result: BuildResult) -> list[str]:
        with atomic_path(self.path) as path:
            path.write_bytes(rules_xml())
        return [self.path.name]
