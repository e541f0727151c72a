"""What one chapter's stages wrote, kept in memory for the stages after them.

Stages talk through files in ``interim/``: each writes its artefact, the next one reads
it. When one process runs a chapter's stages in a row (``build.build_chapter``),
reading back what the previous stage has just written is wasted work: parsing Parquet
files, rebuilding spaCy Docs from a DocBin (about a tenth of a text chapter's time).

A ``Handoff`` keeps, beside the value a stage wrote to a file, the file's identity
(inode, size, modification time). A stage reads through it: it gets the value back
while the file is still the one written, and reads the file otherwise. A stage run
alone has no handoff and reads its files; both ways give the same values (tested on
every shipped chapter: the outputs are byte-identical). One ``Handoff`` lives for one
chapter's build and is dropped with it, so memory stays that of one chapter.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar

Value = TypeVar("Value")
FileStamp = tuple[int, int, int, int]   # device, inode, size, mtime in ns


def file_stamp(path: Path) -> FileStamp | None:
    """What tells a rewritten file from the one written before; None if there is none."""
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return None
    return found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns


class Handoff:
    """Values written to files by earlier stages of one chapter, by path."""

    def __init__(self) -> None:
        self._kept: dict[Path, tuple[FileStamp, object]] = {}

    def keep(self, path: Path, value: object) -> None:
        """Remember that ``path`` (written and in place) holds ``value``."""
        stamp = file_stamp(path)
        if stamp is not None:
            self._kept[path] = (stamp, value)

    def read(self, path: Path, read_file: Callable[[Path], Value]) -> Value:
        """The value kept for ``path`` if the file is still the one written, else
        ``read_file(path)``. Readers must not change a value they get (a Doc list is
        the exception: only the tagging stage reads it)."""
        kept = self._kept.get(path)
        if kept is not None and kept[0] == file_stamp(path):
            return kept[1]   # type: ignore[return-value]
        return read_file(path)


def read_through(handoff: Handoff | None, path: Path,
                 read_file: Callable[[Path], Value]) -> Value:
    """``handoff.read(path, read_file)``, or ``read_file(path)`` for a stage run alone."""
    return read_file(path) if handoff is None else handoff.read(path, read_file)


def keep_written(handoff: Handoff | None, folder: Path, values: Mapping[str, object]) -> None:
    """Keep ``values`` (file name → value) as what ``folder``'s files hold."""
    if handoff is not None:
        for name, value in values.items():
            handoff.keep(folder / name, value)
