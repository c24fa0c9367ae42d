"""`align spm`: a joint SentencePiece model that loads and encodes every corpus line back to itself."""

import shutil
from pathlib import Path

import pytest
import sentencepiece

from align.errors import UsageError
from align.tools.spm import SpmOptions, train


@pytest.fixture(scope="module")
def trained(built: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    out = tmp_path_factory.mktemp("spm") / "out"
    shutil.copytree(built, out)
    return out, train(SpmOptions(out, vocab_size=16000))


def test_model_loads_and_every_line_round_trips(trained: tuple[Path, object]) -> None:
    out, result = trained
    processor = sentencepiece.SentencePieceProcessor(model_file=str(out / "spm" / "spm.model"))
    assert processor.get_piece_size() == result.vocab_size
    lines = [line for path in (out / "moses").glob("*-*.*") for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 600
    for line in lines:
        assert processor.decode(processor.encode(line)) == line


def test_too_large_vocabulary_gives_a_note_and_a_smaller_model(trained: tuple[Path, object]) -> None:
    _out, result = trained
    assert result.vocab_size < 16000
    assert "more than this corpus allows" in result.notes[0]


def test_balanced_across_languages_and_files_encoded(trained: tuple[Path, object]) -> None:
    out, result = trained
    assert set(result.lines_per_lang) == {"ar", "zh", "en", "fr", "ru", "es", "de"}
    assert len(set(result.lines_per_lang.values())) == 1
    vocab = (out / "spm" / "spm.vocab").read_text(encoding="utf-8").splitlines()
    assert len(vocab) == result.vocab_size and vocab[0].split("\t")[0] == "<unk>"
    processor = sentencepiece.SentencePieceProcessor(model_file=str(out / "spm" / "spm.model"))
    encoded = (out / "moses" / "spm" / "fr-zh.zh").read_text(encoding="utf-8").splitlines()
    raw = (out / "moses" / "fr-zh.zh").read_text(encoding="utf-8").splitlines()
    assert [processor.decode_pieces(line.split(" ")) for line in encoded] == raw


def test_bpe_and_language_choice(trained: tuple[Path, object]) -> None:
    out, _ = trained
    result = train(SpmOptions(out, vocab_size=1000, model_type="bpe", langs=("fr", "en"), name="fr-en"))
    assert set(result.lines_per_lang) == {"fr", "en"} and result.vocab_size == 1000 and not result.notes
    assert (out / "spm" / "fr-en.model").is_file()


def test_too_small_vocabulary_is_a_clear_error(trained: tuple[Path, object]) -> None:
    out, _ = trained
    with pytest.raises(UsageError, match="too small: this corpus needs at least"):
        train(SpmOptions(out, vocab_size=50, name="tiny"))
    with pytest.raises(UsageError, match="--max-lines must be 1 or more, not 0"):
        train(SpmOptions(out, name="none", max_lines=0))


def test_a_corpus_larger_than_max_lines_is_sampled_uniformly_in_bounded_memory(trained: tuple[Path, object]) -> None:
    """Past --max-lines distinct lines a language is sampled (the lines of lowest seeded hash): each
    language gives that many, all distinct lines of its files, the same for the same seed."""
    from align.tools.spm import balanced_lines, corpus_files

    out, _ = trained
    files = corpus_files(out)
    distinct = {lang: {line for path, code in files if code == lang for line in path.read_text(encoding="utf-8").splitlines() if line}
                for _path, lang in files}
    assert min(map(len, distinct.values())) > 40
    sample = balanced_lines(files, seed=4, max_lines=40)
    assert {lang: len(lines) for lang, lines in sample.items()} == dict.fromkeys(sorted(distinct), 40)
    assert all(len(set(lines)) == 40 and set(lines) <= distinct[lang] for lang, lines in sample.items())
    assert balanced_lines(files, seed=4, max_lines=40) == sample
    other = balanced_lines(files, seed=5, max_lines=40)
    assert all(set(other[lang]) != set(lines) for lang, lines in sample.items())  # another seed, other lines
    assert balanced_lines(files, seed=4, max_lines=10_000) == balanced_lines(files, seed=4)  # under the bound: every line
    result = train(SpmOptions(out, vocab_size=1500, name="sampled", max_lines=40))
    assert result.lines_per_lang == dict.fromkeys(sorted(distinct), 40)
