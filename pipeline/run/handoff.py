"""What one chapter's stages wrote, kept in memory for the stages after them.

Stages talk through files in ``interim/``: each writes its artefact, the next one reads
it. When one process runs a chapter's stages in a row (``build.build_chapter``),
reading back what the previous stage has just written is wasted work: parsing Parquet
files, rebuilding spaCy Docs from a DocBin (about a tenth of a text chapter's time).

A ``Handoff`` keeps, beside the value a stage wrote to a file, the identity of that
file and of the files the value also came from (device, inode, size, modification and
change times). A stage reads through it: it gets the value back while those files are
still the ones written, and reads the file otherwise. Only values that reading the
file gives back equal are kept (Arrow tables, the nlp stage's Docs; not the extract
stage's JSON, whose round trip is lossy). A stage run alone has no handoff and reads
its files; both ways give the same bytes (tests/test_handoff.py builds the text
chapters both ways). One ``Handoff`` lives for one chapter's build and is dropped with
it, so memory stays that of one chapter.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar

Value = TypeVar("Value")
FileStamp = tuple[int, int, int, int, int]   # device, inode, size, mtime and ctime in ns


def file_stamp(path: Path) -> FileStamp | None:
    """What tells a rewritten file from the one written before; None if there is none."""
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return None
    return found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns


class Handoff:
    """Values written to files by earlier stages of one chapter, by path."""

    def __init__(self) -> None:
        self._kept: dict[Path, tuple[tuple[Path, ...], tuple[FileStamp | None, ...], object]] = {}

    def keep(self, path: Path, value: object, along: tuple[Path, ...] = ()) -> None:
        """Remember that ``path`` (written and in place) holds ``value``, with the files
        ``along`` it that the value also comes from."""
        files = (path, *along)
        stamps = tuple(file_stamp(f) for f in files)
        if None not in stamps:
            self._kept[path] = (files, stamps, value)

    def get(self, path: Path) -> object | None:
        """The value kept for ``path`` if its files are still the ones written, else None.
        Readers must not change a value they get (a Doc list is the exception: only the
        tagging stage reads it)."""
        kept = self._kept.get(path)
        if kept is not None and kept[1] == tuple(file_stamp(f) for f in kept[0]):
            return kept[2]
        return None

    def read(self, path: Path, read_file: Callable[[Path], Value]) -> Value:
        """``get(path)``, or ``read_file(path)`` when nothing (still valid) is kept."""
        kept = self.get(path)
        return read_file(path) if kept is None else kept   # type: ignore[return-value]


def read_through(handoff: Handoff | None, path: Path,
                 read_file: Callable[[Path], Value]) -> Value:
    """``handoff.read(path, read_file)``, or ``read_file(path)`` for a stage run alone."""
    return read_file(path) if handoff is None else handoff.read(path, read_file)


def keep_written(handoff: Handoff | None, folder: Path, values: Mapping[str, object]) -> None:
    """Keep ``values`` (file name → value) as what ``folder``'s files hold."""
    if handoff is not None:
        for name, value in values.items():
            handoff.keep(folder / name, value)
