"""The plan of a build: every input file listed and classified, the documents grouped by symbol, and each
group's cache keys. It is made in a child process (workers.in_child) and kept on disk: the UN archive has
800,000 files in 133,000 groups, and the process that writes the outputs must hold neither the groups
nor the memory a listing leaves scattered behind it, or its footprint grows with the corpus."""

from __future__ import annotations

import dataclasses
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from align.corrections import Correction, encode
from align.errors import AlignError
from align.ingest import identity_from_name, kind_of, read_source
from align.langs import lang_order
from align.model import Group, InputRecord
from align.pipeline.cache import Cache
from align.pipeline.work import failure
from align.spool import Spool

if TYPE_CHECKING:
    from align.pipeline.options import BuildOptions


class Plan:
    """The groups a build writes, in order, with their cache keys and whether the cache holds their
    outputs, and the groups the workers get (to align, or to render from the alignment the cache holds):
    two spools in the output folder, made here and filled by `make`, which runs in a child process;
    each is read back one group at a time."""

    def __init__(self, out: Path) -> None:
        self._groups = Spool(
            out
        ).open()  # [symbol, files, alignment key, rendering key, cached] of every group, in order
        self._for_workers = Spool(
            out
        ).open()  # [symbol, files, cached alignment] of the groups the cache lacks, in order

    def make(
        self, options: BuildOptions, pinned: str, corrections: dict[str, list[Correction]]
    ) -> tuple[set[str], list[InputRecord], int, int]:
        """List, classify, group and hash the inputs (`pinned`: see Cache; `corrections`: by document, each
        group gets its own). Gives the languages the tables will have columns for, the files left out,
        the number of groups for the workers, and of all groups."""
        by_symbol, langs, records = _classify(options)
        langs = {lang for lang in langs if options.read.wanted(lang)}
        cache = Cache(with_languages(options, langs), pinned)
        to_work = 0
        for symbol, files in sorted(by_symbol.items()):
            group = Group.of(
                symbol,
                sorted(files.split("\0"), key=_preference),
                encode(corrections.get(symbol, [])),
            )
            aligned, rendered = cache.keys(group)
            cached = cache.has(rendered)
            self._groups.append(
                [group.symbol, group.files, aligned, rendered, cached, group.corrections]
            )
            if not cached:
                self._for_workers.append(
                    [group.symbol, group.files, cache.aligned_path(aligned), group.corrections]
                )
                to_work += 1
        self._groups.flush()
        self._for_workers.flush()
        return langs, records, to_work, len(by_symbol)

    def groups(self) -> Iterator[tuple[Group, str, str, bool]]:
        """Every group, with its alignment and rendering keys ("" without a cache) and whether the cache
        holds its outputs."""
        return (
            (Group(symbol, files, corrections=corrections), aligned, rendered, cached)
            for symbol, files, aligned, rendered, cached, corrections in self._groups
        )

    def for_workers(self) -> Iterator[Group]:
        """The groups for the workers: to align, or to render from the alignment the cache holds."""
        return (Group(*fields) for fields in self._for_workers)


def with_languages(options: BuildOptions, langs: Iterable[str]) -> BuildOptions:
    """The options with the tables' language columns: the languages found, in the UN's order."""
    return dataclasses.replace(
        options, export=dataclasses.replace(options.export, columns=tuple(lang_order(langs)))
    )


def _classify(options: BuildOptions) -> tuple[dict[str, str], set[str], list[InputRecord]]:
    """Every file under the inputs: documents by symbol (from the ODS file name, else from the content;
    a symbol's paths NUL-separated, as listed), the languages found, and the files left out."""
    by_symbol: dict[str, str] = {}
    langs: set[str] = set()
    records: list[InputRecord] = []

    def left_out(path: str, reason: str) -> None:
        records.append(InputRecord(path, "skipped", reason))

    for path in discover(options.inputs, options.out, left_out):
        name = os.path.basename(path)
        kind = kind_of(name)
        if kind == "ignored":
            records.append(InputRecord(path, "ignored", "not a document file"))
            continue
        if kind == "unsupported":
            records.append(
                InputRecord(
                    path, "skipped", f"{os.path.splitext(name)[1].lower()} files are not read yet"
                )
            )
            continue
        try:
            from_name = identity_from_name(path, options.read.lang_of(path))
            symbol, lang = (
                from_name if from_name else _identify(Path(path), options.read.lang_of(path))
            )
            symbol = options.read.symbol or symbol
        except AlignError as error:
            records.append(InputRecord(path, "skipped", str(error)))
            continue
        except (
            Exception
        ) as error:  # a reader's failure on one file is that file's outcome, never the build's
            records.append(InputRecord(path, "skipped", failure(error)))
            continue
        by_symbol[symbol] = by_symbol[symbol] + "\0" + path if symbol in by_symbol else path
        langs.add(lang)
    return by_symbol, langs, records


def discover(
    inputs: tuple[Path, ...],
    out: Path | None = None,
    left_out: Callable[[str, str], None] | None = None,
) -> Iterator[str]:
    """Every file under the inputs, once, in a stable order (sorted as paths sort); an output folder
    inside an input folder is not an input; `left_out` is told of what is found but not read, with why:
    a folder that cannot be listed, a link to a folder (never followed: links can loop), a FIFO, a device,
    a socket, a link to nothing. Files are listed and handed out as strings: an archive has 800,000 files,
    a Path is three times a str, and pathlib keeps every name it parses (sys.intern)."""
    # real paths, kept where two names may be one file: several inputs, or a link
    seen: set[str] = set()
    skip = str(out.resolve()) if out else ""
    tell = left_out or (lambda _path, _reason: None)

    def unlisted(
        error: OSError,
    ) -> None:  # its files cannot be named: the folder is reported instead
        tell(str(error.filename), f"folder cannot be read: {error.strerror or error}")

    for root in inputs:
        if root.is_dir():
            base, resolved = str(root), str(root.resolve())
            keys = []
            for folder, folders, files in os.walk(root, onerror=unlisted):
                keys += [os.path.join(folder, name).replace(os.sep, "\0") for name in files]
                for name in (
                    folders
                ):  # os.walk lists a link to a folder among the folders, and does not follow it
                    if os.path.islink(os.path.join(folder, name)):
                        tell(
                            os.path.join(folder, name),
                            "a link to a folder: not followed (links may loop or leave the input)",
                        )
            # sorted as component lists sort: the names with the separator made the lowest character (no
            # path holds NUL) are what is sorted, not keys held beside the names (half the memory)
            keys.sort()
            # names whose real path is asked of the system: links, or (below) a file given as an input itself
            resolve = {
                name for name in (key.replace("\0", os.sep) for key in keys) if os.path.islink(name)
            }
        elif not root.exists() and not root.is_symlink():
            tell(str(root), "no such file or folder")
            continue
        else:
            base, resolved, keys, resolve = "", "", [str(root).replace(os.sep, "\0")], {str(root)}
        remember = len(inputs) > 1 or bool(resolve)
        keys.reverse()
        while (
            keys
        ):  # each name let go once handed out: the grouping keeps only its own string of paths
            name = keys.pop().replace("\0", os.sep)
            # a file under an input folder resolves inside the resolved folder unless it is a link
            real = resolved + name[len(base) :] if name not in resolve else os.path.realpath(name)
            if real in seen or (skip and (real == skip or real.startswith(skip + os.sep))):
                continue
            if not os.path.isfile(name):
                tell(name, _not_a_file(name))
                continue
            if remember:
                seen.add(real)
            yield name


def _not_a_file(path: str) -> str:
    """Why a name found among the files is not read."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        return (
            f"a link to nothing ({error.strerror})"
            if os.path.islink(path)
            else f"cannot be read: {error.strerror or error}"
        )
    if stat.S_ISDIR(mode):
        return "a link to a folder: not followed (links may loop or leave the input)"
    kinds = {
        stat.S_ISFIFO: "a FIFO (named pipe)",
        stat.S_ISCHR: "a character device",
        stat.S_ISBLK: "a block device",
        stat.S_ISSOCK: "a socket",
    }
    return next(
        (f"{kind}, not a file: not read" for test, kind in kinds.items() if test(mode)),
        "not a regular file: not read",
    )


def _preference(path: str) -> tuple[int, str]:
    """The order in which copies of one language version are tried: the first usable one is aligned,
    the others are reported as skipped. The UN's Akoma Ntoso XML, whose structure is markup, comes first;
    then formats that carry structure as text (Markdown and text, then Word, HTML, then PDF, whose
    structure is recovered from layout), then the path."""
    return FORMAT_PREFERENCE.get(os.path.splitext(path)[1].lower(), len(FORMAT_PREFERENCE)), path


def _identify(path: Path, lang: str) -> tuple[str, str]:
    """Symbol and language of a file whose name does not tell: read from its content."""
    source = read_source(path, lang)
    return source.symbol, source.lang


# Which copy of a language version wins when several formats hold it (see _preference).
FORMAT_PREFERENCE = {
    ".xml": -1,
    ".md": 0,
    ".markdown": 0,
    ".txt": 1,
    ".docx": 2,
    ".html": 3,
    ".htm": 3,
    ".pdf": 4,
}
