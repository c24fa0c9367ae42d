"""OUT/segmentation.srx: the exact SRX rules used, for CAT tools to segment new texts the same way."""

from __future__ import annotations

from typing import TYPE_CHECKING

from align.export.files import atomic_path
from align.model import AlignedDocument, BuildResult
from align.segment import rules_xml

if TYPE_CHECKING:
    from align.export.layout import Layout
    from align.pipeline import BuildOptions


class SrxExporter:
    """Writes the merged SRX document that `align.segment` segments with."""

    def __init__(self, options: BuildOptions, langs: frozenset[str] = frozenset(), layout: Layout | None = None) -> None:
        self.path = options.out / "segmentation.srx"

    @staticmethod
    def render(document: AlignedDocument, options: BuildOptions) -> None:
        """The rules do not depend on the documents."""

    def write(self, rendered: None) -> None:
        """Nothing to append."""

    def abort(self) -> None:
        """Nothing is open before close()."""

    def close(self, result: BuildResult) -> list[str]:
        with atomic_path(self.path) as path:
            path.write_bytes(rules_xml())
        return [self.path.name]
