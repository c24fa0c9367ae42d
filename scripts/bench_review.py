"""What saving a correction in `align review` costs, against a build of everything in the same run.

    python scripts/bench_review.py [INPUT ...] [--runs 5]

INPUT defaults to corpora/. For each run: a build with --no-cache (the baseline: what a full rebuild
costs), then one correction on the first document with more than one language, saved (the corrections
file written, then the build into OUT, which aligns that document again and takes the others from the
cache), then that correction taken back so the next run saves one again. Prints the medians and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from align.corrections import NAME  # noqa: E402
from align.pipeline.options import BuildOptions  # noqa: E402
from align.pipeline.run import build  # noqa: E402
from align.review.session import Session  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path, default=[ROOT / "corpora"])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "out"
        build(BuildOptions.of(args.inputs, out))
        session = Session(out)
        symbol = next(item["symbol"] for item in session.documents())
        lang = next(lang for lang in session.view(symbol)["pairs"])
        full, saves = [], []
        for _ in range(args.runs):
            started = time.perf_counter()
            build(BuildOptions.of(args.inputs, Path(scratch) / "full", cache=False))
            full.append(time.perf_counter() - started)
            session.act(symbol, lang, 0, "confirm")
            started = time.perf_counter()
            result = session.save()
            saves.append(time.perf_counter() - started)
            assert result["cached"] == result["documents"] - 1, result
            (out / NAME).unlink()
    full_median, save_median = statistics.median(full), statistics.median(saves)
    print(f"documents: {result['documents']}; runs: {args.runs}")
    print(f"full build (--no-cache), median: {full_median:.2f} s")
    print(f"save one correction (rebuild from the cache), median: {save_median:.2f} s")
    print(f"ratio: {save_median / full_median:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
