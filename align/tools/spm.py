"""SentencePiece: one joint model trained on a built corpus (OUT/moses), and the corpus encoded with it.

Writes OUT/spm/<name>.model and OUT/spm/<name>.vocab (SentencePiece's own files) and
OUT/moses/spm/<pair>.<lang> (pieces separated by spaces). Byte fallback and the identity normalisation
make `decode(encode(line)) == line` for every line, Chinese and Arabic included.
"""

from __future__ import annotations

import hashlib
import heapq
import io
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import sentencepiece

from align.errors import AlignError, UsageError
from align.files import atomic_path, only_writer

MODEL_TYPES = ("unigram", "bpe")
# Distinct lines per language trained on at most, a uniform sample of a larger corpus: SentencePiece's
# authors train on a few million sentences, and all of an archive's lines would not fit in memory.
MAX_LINES = 200_000
CHARACTER_COVERAGE = 0.9995  # SentencePiece's advice for languages with large character sets (zh)
_TOO_HIGH = re.compile(r"Vocabulary size too high \(\d+\)\. Please set it to a value <= (\d+)")
_TOO_LOW = re.compile(r"Vocabulary size is smaller than required_chars\. \d+ vs (\d+)")


@dataclass(frozen=True)
class SpmOptions:
    """What `align spm` trains: one joint model over the chosen languages of OUT's Moses files."""

    out: Path
    vocab_size: int = 8000
    model_type: str = "unigram"
    langs: tuple[str, ...] = ()
    name: str = "spm"
    seed: int = 1
    max_lines: int = MAX_LINES


@dataclass
class SpmResult:
    model: Path
    vocab_size: int
    lines_per_lang: dict[str, int]
    notes: list[str] = field(default_factory=list)
    encoded: list[str] = field(default_factory=list)


def corpus_files(out: Path, langs: tuple[str, ...] = ()) -> list[tuple[Path, str]]:
    """The raw Moses files of a build, with their language (`moses/fr-en.en` -> en)."""
    files = [
        (path, path.suffix[1:]) for path in sorted((out / "moses").glob("*-*.*")) if path.is_file()
    ]
    return [(path, lang) for path, lang in files if not langs or lang in langs]


def balanced_lines(
    files: list[tuple[Path, str]], seed: int, max_lines: int = MAX_LINES
) -> dict[str, list[str]]:
    """Each language's distinct lines (a uniform sample of `max_lines` of them where it has more), cut by a
    seeded sample to the smallest language's count so no language dominates. Files are read line by line."""
    samples: dict[str, _Lowest] = {}
    for path, lang in files:
        sample = samples.setdefault(lang, _Lowest(max_lines, seed))
        try:
            with open(path, encoding="utf-8") as lines:
                for line in lines:
                    if line != "\n":
                        sample.add(line[:-1] if line.endswith("\n") else line)
        except UnicodeDecodeError as error:  # every file is read here before any is encoded below
            raise AlignError(
                f"{path}: not UTF-8 text (byte {error.start}): not a Moses file a build wrote"
            ) from None
    if not samples:
        return {}
    by_lang = {lang: sample.lines() for lang, sample in samples.items()}
    size = min(len(lines) for lines in by_lang.values())
    rng = random.Random(seed)
    return {lang: rng.sample(sorted(lines), size) for lang, lines in sorted(by_lang.items())}


class _Lowest:
    """The `size` distinct lines whose seeded hash is lowest: all of them when there are no more, else a
    uniform sample of the distinct lines, whatever their number, in memory for `size` lines."""

    def __init__(self, size: int, seed: int) -> None:
        self.size, self.key = size, str(seed).encode()
        self.heap: list[
            tuple[int, str]
        ] = []  # (-hash, line): the line with the highest hash on top
        self.hashes: set[int] = set()

    def add(self, line: str) -> None:
        found = -int.from_bytes(
            hashlib.blake2b(line.encode(), digest_size=8, key=self.key).digest(), "little"
        )
        if found in self.hashes:
            return
        if len(self.heap) < self.size:
            heapq.heappush(self.heap, (found, line))
        elif found > self.heap[0][0]:
            self.hashes.discard(heapq.heapreplace(self.heap, (found, line))[0])
        else:
            return
        self.hashes.add(found)

    def lines(self) -> set[str]:
        return {line for _hash, line in self.heap}


def train(options: SpmOptions) -> SpmResult:
    """Train the joint model; a vocabulary the data cannot fill is lowered to what it can, with a note."""
    if options.model_type not in MODEL_TYPES:
        raise UsageError(
            f"--model-type must be one of {', '.join(MODEL_TYPES)}, not {options.model_type!r}"
        )
    if options.max_lines < 1:
        raise UsageError(f"--max-lines must be 1 or more, not {options.max_lines}")
    if options.vocab_size < 1:
        raise UsageError(f"--vocab-size must be 1 or more, not {options.vocab_size}")
    with only_writer(options.out):  # a build meanwhile would replace the corpus being read
        return _train_locked(options)


def _train_locked(options: SpmOptions) -> SpmResult:
    files = corpus_files(options.out, options.langs)
    lines = balanced_lines(files, options.seed, options.max_lines)
    if not lines:
        raise UsageError(f"{options.out}: no Moses files to train on (run `align build` first)")
    sample = [line for lang in lines for line in lines[lang]]
    result = SpmResult(
        options.out / "spm" / f"{options.name}.model",
        options.vocab_size,
        {k: len(v) for k, v in lines.items()},
    )
    proto = _train(sample, options, result)
    with atomic_path(result.model) as path:
        path.write_bytes(proto)
    processor = sentencepiece.SentencePieceProcessor(model_proto=proto)
    with atomic_path(result.model.with_suffix(".vocab")) as path:
        path.write_text(
            "".join(
                f"{processor.id_to_piece(i)}\t{processor.get_score(i):g}\n"
                for i in range(processor.get_piece_size())
            ),
            encoding="utf-8",
        )
    for source, _lang in corpus_files(options.out):
        target = options.out / "moses" / "spm" / source.name
        with (
            atomic_path(target) as path,
            open(path, "w", encoding="utf-8", newline="\n") as handle,
            open(source, encoding="utf-8") as lines,
        ):
            for line in lines:
                if line.endswith("\n"):  # every Moses line ends with one
                    handle.write(" ".join(processor.encode(line[:-1], out_type=str)) + "\n")
        result.encoded.append(str(target.relative_to(options.out)))
    return result


def _train(sample: list[str], options: SpmOptions, result: SpmResult) -> bytes:
    for _attempt in range(2):
        model = io.BytesIO()
        try:
            sentencepiece.SentencePieceTrainer.train(
                sentence_iterator=iter(sample),
                model_writer=model,
                vocab_size=result.vocab_size,
                model_type=options.model_type,
                character_coverage=CHARACTER_COVERAGE,
                byte_fallback=True,
                normalization_rule_name="identity",
                num_threads=1,
                minloglevel=2,
            )
            return model.getvalue()
        except RuntimeError as error:
            high, low = _TOO_HIGH.search(str(error)), _TOO_LOW.search(str(error))
            if high:
                result.notes.append(
                    f"vocabulary of {result.vocab_size} is more than this corpus allows; trained {high[1]} instead"
                )
                result.vocab_size = int(high[1])
            elif low:
                raise UsageError(
                    f"--vocab-size {result.vocab_size} is too small: this corpus needs at least {low[1]}"
                ) from None
            else:
                raise
    raise UsageError(
        f"SentencePiece could not train a model of {result.vocab_size} pieces on this corpus"
    )
