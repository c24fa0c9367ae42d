"""Scale benchmark: build corpora of growing size and compare with a serial build and an I/O floor.

Usage: python scripts/bench_scale.py [--sizes 10 100 1000] [--jobs 2] [--work DIR]
       python scripts/bench_scale.py --archive GAresolutions --sizes 1 3 6 [--jobs 2]

Each corpus has SIZE document groups made from the real documents in corpora/: the six UDHR versions
under a new symbol, with a different third of the articles left out in each group (so no two groups
are the same text), plus the French seed resolution under a new symbol. For each size it prints: wall
time of a serial build (--jobs 1) and of a parallel one (--jobs N), MB/s of input text per core, peak
RSS (the largest process), the parallel speed-up over serial, and the ratio to a read-and-write floor
measured in the same run (reading the inputs and writing as many bytes as the build wrote). At the
largest size it also changes one file and times the incremental rebuild (the median of three, each
after another edit of that file) against the first build.

With --archive, the corpus is real: a folder of the UN's own files with one folder per part (the UN's
GAresolutions archive, one folder per session, its Akoma Ntoso XML in `<Language>/` folders), built a
growing number of its parts at a time (SIZE = the first SIZE parts, in name order), the archive left as
it is except for the one file the incremental rebuild edits (an XML comment appended, then removed).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_ARTICLE = re.compile(r"^## .+$", re.M)
# Runs one build in a fresh interpreter as the `align` command does (align.cli.run: main, then exit
# without tearing the interpreter down) and reports its peak RSS (largest of itself and its workers).
_MEASURE = """
import os, resource, sys
from align.cli import main
code = main(sys.argv[1:])
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(f"BENCH {code} {peak}", file=sys.stderr, flush=True)
sys.stdout.flush()
os._exit(code)
"""


def make_corpus(folder: Path, size: int) -> int:
    """SIZE groups varied from corpora/; returns the bytes of input text."""
    folder.mkdir(parents=True, exist_ok=True)
    udhr = {path.name[-5:-3]: path.read_text(encoding="utf-8") for path in (ROOT / "corpora").glob("A_RES_217(III)-*.md")}
    seed = (ROOT / "corpora" / "A_RES_60_212-FR.md").read_bytes()
    total = 0
    for group in range(size):
        for lang, text in udhr.items():
            sections = _ARTICLE.split(text)
            headings = _ARTICLE.findall(text)
            kept = [sections[0]] + [h + s for k, (h, s) in enumerate(zip(headings, sections[1:])) if k < 2 or (k + group) % 3]
            data = "".join(kept).encode()
            (folder / f"A_RES_9{group:05d}-{lang}.md").write_bytes(data)
            total += len(data)
        if group % 10 == 0:
            (folder / f"A_RES_8{group:05d}-FR.md").write_bytes(seed)
            total += len(seed)
    return total


def timed_build(inputs: list[Path], out: Path, *flags: str) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one `align build`, started once what earlier steps wrote is
    on disk (os.sync), so that no build is timed while the kernel flushes another's files. The time is
    the whole command's, as a user waits for it: the interpreter's start and the imports included."""
    os.sync()
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _MEASURE, "build", *map(str, inputs), "-o", str(out), *flags],
                          capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    line = next(line for line in done.stderr.splitlines() if line.startswith("BENCH "))
    code, peak = line.split()[1:]
    if code != "0":
        raise SystemExit(f"build failed: {done.stderr[-2000:]}")
    return wall, int(peak)


def floor(inputs: list[Path], out: Path, scratch: Path) -> float:
    """Seconds to read every input and write as many bytes as the build's outputs, in as many files."""
    written = [path.stat().st_size for path in out.rglob("*") if path.is_file() and ".cache" not in path.parts]
    os.sync()
    start = time.perf_counter()
    data = b"".join(path.read_bytes() for folder in inputs for path in sorted(folder.rglob("*")) if path.is_file())
    scratch.mkdir(parents=True, exist_ok=True)
    for index, size in enumerate(written):
        (scratch / f"{index}.out").write_bytes((data * (size // max(1, len(data)) + 1))[:size])
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[10, 100, 1000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--work", type=Path, help="scratch folder (default: a temporary one)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--no-serial", action="store_true", help="skip the serial builds (for the largest sizes)")
    parser.add_argument("--no-incremental", action="store_true", help="skip the incremental rebuild")
    parser.add_argument("--archive", type=Path, help="build this folder's first SIZE parts (real files) instead of generated corpora")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="align-bench-"))
    rows = []
    print(f"{'groups':>7} {'input MB':>9} {'serial s':>9} {'x' + str(args.jobs) + ' s':>8} {'speed-up':>9} "
          f"{'MB/s/core':>10} {'peak RSS MB':>12} {'RSS / first':>12} {'floor s':>8} {'build/floor':>12}")
    for size in args.sizes:
        if args.archive:
            inputs = sorted(path for path in args.archive.iterdir() if path.is_dir())[:size]
            megabytes = sum(path.stat().st_size for folder in inputs for path in folder.rglob("*") if path.is_file()) / 1e6
        else:
            inputs = [work / f"in-{size}"]
            shutil.rmtree(inputs[0], ignore_errors=True)
            megabytes = make_corpus(inputs[0], size) / 1e6
        serial = float("nan") if args.no_serial else \
            timed_build(inputs, work / f"serial-{size}", "--jobs", "1", "--no-cache", "--created", "20000101T000000Z")[0]
        parallel, peak = timed_build(inputs, work / f"out-{size}", "--jobs", str(args.jobs), "--no-cache", "--created", "20000101T000000Z")
        floor_seconds = floor(inputs, work / f"out-{size}", work / f"floor-{size}")
        rows.append({"groups": size, "input_mb": megabytes, "serial_s": serial, "parallel_s": parallel, "jobs": args.jobs,
                     "speedup": serial / parallel, "mb_per_s_per_core": megabytes / (serial if serial == serial else parallel * args.jobs),
                     "peak_rss_mb": peak / 1024,
                     "floor_s": floor_seconds, "build_over_floor": parallel / floor_seconds})
        row = rows[-1]
        print(f"{size:>7} {megabytes:>9.2f} {serial:>9.2f} {parallel:>8.2f} {row['speedup']:>9.2f} {row['mb_per_s_per_core']:>10.3f} "
              f"{row['peak_rss_mb']:>12.0f} {row['peak_rss_mb'] / rows[0]['peak_rss_mb']:>12.2f} {floor_seconds:>8.2f} "
              f"{row['build_over_floor']:>12.1f}", flush=True)
    if args.no_incremental:
        return _write(args, rows, None)
    size = args.sizes[-1]
    out = work / f"out-{size}"
    inputs = sorted(path for path in args.archive.iterdir() if path.is_dir())[:size] if args.archive else [work / f"in-{size}"]
    shutil.rmtree(out / ".cache", ignore_errors=True)  # a --work folder used before keeps an earlier run's cache
    first, _ = timed_build(inputs, out, "--jobs", str(args.jobs), "--created", "20000101T000000Z")  # fills the cache
    # One file, edited differently each time (so each rebuild has one changed document); a rebuild takes a
    # second or so, in which a noise of a tenth is a few percent: the median of three.
    changed = min(inputs[0].rglob("*.xml")) if args.archive else inputs[0] / "A_RES_900000-EN.md"
    original, rebuilds = changed.read_bytes(), []
    try:
        for edit in ("Every person", "Each person", "Every human being"):
            changed.write_bytes(original + f"<!-- {edit} -->".encode() if args.archive else
                                original.decode().replace("Everyone", edit, 1).encode())
            rebuilds.append(timed_build(inputs, out, "--jobs", str(args.jobs), "--created", "20000101T000000Z")[0])
    finally:
        changed.write_bytes(original)
    second = sorted(rebuilds)[1]
    print(f"\nincremental, {size} groups, one file changed: first build {first:.2f} s, rebuilds "
          f"{' '.join(f'{seconds:.2f}' for seconds in rebuilds)} s, median {second:.2f} s, ratio {second / first:.3f}")
    return _write(args, rows, {"first_s": first, "second_s": second, "rebuilds_s": rebuilds})


def _write(args: argparse.Namespace, rows: list[dict], incremental: dict | None) -> int:
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "incremental": incremental}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
