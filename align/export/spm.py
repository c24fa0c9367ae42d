"""SentencePiece: one joint model trained on a built corpus (OUT/moses), and the corpus encoded with it.

Writes OUT/spm/<name>.model and OUT/spm/<name>.vocab (SentencePiece's own files) and
OUT/moses/spm/<pair>.<lang> (pieces separated by spaces). Byte fallback and the identity normalisation
make `decode(encode(line)) == line` for every line, Chinese and Arabic included.
"""

from __future__ import annotations

import io
import random
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import sentencepiece

from align.errors import UsageError
from align.export.files import atomic_path

MODEL_TYPES = ("unigram", "bpe")
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


@dataclass
class SpmResult:
    model: Path
    vocab_size: int
    lines_per_lang: dict[str, int]
    notes: list[str] = field(default_factory=list)
    encoded: list[str] = field(default_factory=list)


def corpus_files(out: Path, langs: tuple[str, ...] = ()) -> list[tuple[Path, str]]:
    """The raw Moses files of a build, with their language (`moses/fr-en.en` -> en)."""
    files = [(path, path.suffix[1:]) for path in sorted((out / "moses").glob("*-*.*")) if path.is_file()]
    return [(path, lang) for path, lang in files if not langs or lang in langs]


def balanced_lines(files: list[tuple[Path, str]], seed: int) -> dict[str, list[str]]:
    """Each language's distinct lines, cut to the smallest language's count so no language dominates."""
    by_lang: dict[str, set[str]] = defaultdict(set)
    for path, lang in files:
        by_lang[lang].update(line for line in path.read_text(encoding="utf-8").split("\n") if line)
    if not by_lang:
        return {}
    size = min(len(lines) for lines in by_lang.values())
    rng = random.Random(seed)
    return {lang: rng.sample(sorted(lines), size) for lang, lines in sorted(by_lang.items())}


def train(options: SpmOptions) -> SpmResult:
    """Train the joint model; a vocabulary the data cannot fill is lowered to what it can, with a note."""
    if options.model_type not in MODEL_TYPES:
        raise UsageError(f"--model-type must be one of {', '.join(MODEL_TYPES)}, not {options.model_type!r}")
    files = corpus_files(options.out, options.langs)
    lines = balanced_lines(files, options.seed)
    if not lines:
        raise UsageError(f"{options.out}: no Moses files to train on (run `align build` first)")
    sample = [line for lang in lines for line in lines[lang]]
    result = SpmResult(options.out / "spm" / f"{options.name}.model", options.vocab_size, {k: len(v) for k, v in lines.items()})
    proto = _train(sample, options, result)
    with atomic_path(result.model) as path:
        path.write_bytes(proto)
    processor = sentencepiece.SentencePieceProcessor(model_proto=proto)
    with atomic_path(result.model.with_suffix(".vocab")) as path:
        path.write_text("".join(f"{processor.id_to_piece(i)}\t{processor.get_score(i):g}\n" for i in range(processor.get_piece_size())), encoding="utf-8")
    for source, _lang in corpus_files(options.out):
        target = options.out / "moses" / "spm" / source.name
        with atomic_path(target) as path, open(path, "w", encoding="utf-8", newline="\n") as handle:
            for line in source.read_text(encoding="utf-8").split("\n")[:-1]:
                handle.write(" ".join(processor.encode(line, out_type=str)) + "\n")
        result.encoded.append(str(target.relative_to(options.out)))
    return result


def _train(sample: list[str], options: SpmOptions, result: SpmResult) -> bytes:
    for _attempt in range(2):
        model = io.BytesIO()
        try:
            sentencepiece.SentencePieceTrainer.train(
                sentence_iterator=iter(sample), model_writer=model, vocab_size=result.vocab_size,
                model_type=options.model_type, character_coverage=CHARACTER_COVERAGE, byte_fallback=True,
                normalization_rule_name="identity", num_threads=1, minloglevel=2,
            )
            return model.getvalue()
        except RuntimeError as error:
            high, low = _TOO_HIGH.search(str(error)), _TOO_LOW.search(str(error))
            if high:
                result.notes.append(f"vocabulary of {result.vocab_size} is more than this corpus allows; trained {high[1]} instead")
                result.vocab_size = int(high[1])
            elif low:
                raise UsageError(f"--vocab-size {result.vocab_size} is too small: this corpus needs at least {low[1]}") from None
            else:
                raise
    raise UsageError(f"SentencePiece could not train a model of {result.vocab_size} pieces on this corpus")
