"""Compare the build of a folder by two source trees of align (say, a worktree of the last release and
this one), alternating them in fresh processes: the median CPU and wall time of each and their ratio.

Usage: python scripts/bench_build.py OLD_TREE NEW_TREE [--inputs corpora] [--runs 7]

Each run imports align from its tree alone: the child starts in a temporary folder, since `python -m`
or a script run from a checkout puts the checkout's align ahead of PYTHONPATH (which would time one
tree twice). The build runs in the child's own process (`--jobs 1`, no cache), so CPU time is the
build's; the first pair of runs warms the disk cache and is dropped.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_CHILD = """
import json, sys, tempfile, time
from pathlib import Path
import align
from align.pipeline.options import BuildOptions
from align.pipeline.run import build
assert Path(align.__file__).resolve().is_relative_to(Path(sys.argv[1]).resolve()), align.__file__
with tempfile.TemporaryDirectory() as out:
    wall, cpu = time.perf_counter(), time.process_time()
    build(BuildOptions.of(inputs=(Path(sys.argv[2]),), out=Path(out) / "out", jobs=1, cache=False))
    print(json.dumps([time.perf_counter() - wall, time.process_time() - cpu]))
"""


def run(tree: Path, inputs: Path) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as here:
        found = subprocess.run(
            [sys.executable, "-c", _CHILD, str(tree), str(inputs)], cwd=here, check=True, capture_output=True,
            text=True, env={**os.environ, "PYTHONPATH": str(tree)},
        )
    wall, cpu = json.loads(found.stdout.strip().splitlines()[-1])
    return wall, cpu


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--inputs", type=Path, default=ROOT / "corpora")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    times: dict[str, list[tuple[float, float]]] = {"old": [], "new": []}
    for index in range(args.runs):
        for name, tree in (("old", args.old), ("new", args.new)):
            found = run(tree.resolve(), args.inputs.resolve())
            if index:
                times[name].append(found)
    medians = {name: [statistics.median(column) for column in zip(*found)] for name, found in times.items()}
    for name, (wall, cpu) in medians.items():
        print(f"{name}: median wall {wall:.2f} s, CPU {cpu:.2f} s over {len(times[name])} runs")
    print(f"new/old: wall {medians['new'][0] / medians['old'][0]:.2f}, CPU {medians['new'][1] / medians['old'][1]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
