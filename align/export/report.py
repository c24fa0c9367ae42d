"""OUT/report.json and OUT/report.html: every input with its outcome, what was aligned, what is flagged."""

from __future__ import annotations

import dataclasses
import html
import json
from collections import Counter
from typing import TYPE_CHECKING

from align import __version__
from align.export.files import atomic_path
from align.model import AlignedDocument, BuildResult

if TYPE_CHECKING:
    from align.pipeline import BuildOptions

REPORT_VERSION = 1


class ReportExporter:
    """Summarises the build; written last, so it can list the files the other exporters wrote."""

    def __init__(self, options: BuildOptions) -> None:
        self.options = options
        self.documents: list[dict[str, object]] = []
        self.flagged: list[dict[str, object]] = []

    def add(self, document: AlignedDocument) -> None:
        per_lang = Counter(lang for unit in document.units if len(unit.texts) > 1 for lang in unit.texts)
        self.documents.append({
            "symbol": document.symbol,
            "pivot": document.pivot,
            "langs": document.langs,
            "units": len(document.units),
            "aligned_units": sum(1 for unit in document.units if len(unit.texts) > 1),
            "aligned_per_lang": dict(sorted(per_lang.items())),
            "levels": dict(Counter(unit.level for unit in document.units)),
        })
        self.flagged += [
            {"document": unit.document, "unit": unit.id, "score": unit.score, "flags": list(unit.flags),
             "text": unit.texts.get(document.pivot) or next(iter(unit.texts.values()))}
            for unit in document.units if unit.flags
        ]

    def report(self, result: BuildResult) -> dict[str, object]:
        options = self.options
        return {
            "version": __version__,
            "report_version": REPORT_VERSION,
            "signature": options.signature(),
            "options": {
                "inputs": [str(path) for path in options.inputs], "out": str(options.out), "pivot": options.pivot,
                "langs": list(options.langs), "sentences": options.sentences, "strict": options.strict, "engine": options.engine,
                "jobs": options.jobs, "created": options.created,
            },
            "summary": dict(Counter(record.outcome for record in result.inputs)),
            "inputs": [dataclasses.asdict(record) for record in result.inputs],
            "documents": self.documents,
            "flagged": self.flagged,
            "outputs": list(result.outputs) + ["report.json", "report.html"],
        }

    def abort(self) -> None:
        """Nothing is open before close()."""

    def close(self, result: BuildResult) -> list[str]:
        report = self.report(result)
        with atomic_path(self.options.out / "report.json") as path:
            path.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        with atomic_path(self.options.out / "report.html") as path:
            path.write_text(render_html(report), encoding="utf-8")
        return ["report.json", "report.html"]


def render_html(report: dict[str, object]) -> str:
    """A self-contained page (no scripts, no network) with the report's tables."""
    esc = html.escape
    rows = lambda cells: "<tr>" + "".join(f"<td dir=\"auto\">{esc(str(cell))}</td>" for cell in cells) + "</tr>"
    head = lambda names: "<tr>" + "".join(f"<th>{esc(name)}</th>" for name in names) + "</tr>"
    inputs = "".join(rows([r["path"], r["outcome"], r["symbol"], r["lang"], r["reason"]]) for r in report["inputs"])
    documents = "".join(rows([d["symbol"], d["pivot"], " ".join(d["langs"]), d["units"], d["aligned_units"]])
                        for d in report["documents"])
    flagged = "".join(rows([f["document"], f["unit"], f["score"], " ".join(f["flags"]), f["text"]]) for f in report["flagged"])
    summary = ", ".join(f"{count} {outcome}" for outcome, count in report["summary"].items())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>align report</title>
<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse;margin-bottom:2em}}
td,th{{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:start}}th{{background:#eee}}</style>
</head><body>
<h1>align report</h1>
<p>align {esc(str(report["version"]))} &middot; <code>{esc(str(report["signature"]))}</code></p>
<p>Inputs: {esc(summary)}</p>
<h2>Inputs</h2><table>{head(["file", "outcome", "symbol", "lang", "reason"])}{inputs}</table>
<h2>Documents</h2><table>{head(["symbol", "pivot", "languages", "units", "aligned units"])}{documents}</table>
<h2>Flagged units</h2><table>{head(["document", "unit", "score", "flags", "pivot text"])}{flagged}</table>
</body></html>
"""
