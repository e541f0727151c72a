"""Atomic file writing: write to a temporary file beside the target, then rename.

A build killed at any moment leaves either the old file or the new one, never half of
one (only a ``.<name>.<random>.tmp`` file, which ``build.remove_leftovers`` deletes).
Directories are swapped the same way: ``replace_dir`` fills a ``.<name>.<random>.tmp``
folder and renames it into place whole, so the files written inside it need no
temporary file and rename of their own (``in_folder_being_built``).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

_TEMP_NAME = re.compile(r"\..+\.[0-9a-f]{8}\.tmp")   # what temp_beside names


def in_folder_being_built(target: Path) -> bool:
    """Is ``target`` in a folder ``replace_dir`` is filling (named by ``temp_beside``)?
    Nothing reads that folder before it is renamed into place whole, and a killed build's
    is removed whole (``build.remove_leftovers``), so a file there is written in place:
    its own temporary file and rename cost ~35 µs CPU, ~2 ms of a PDF chapter's stages
    after the extract (some 55 files; /tmp driver, best of 3)."""
    return _TEMP_NAME.fullmatch(target.parent.name) is not None


def temp_beside(target: Path) -> Path:
    """A fresh ``.<target name>.<random>.tmp`` name in ``target``'s folder (made if
    missing). Named before it is created, so that a writer can create it inside its
    ``try`` and an interrupt at any point (Ctrl-C) leaves nothing behind."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"


def create_file(path: Path) -> int:
    """Create ``path`` (it must not exist: ``O_EXCL``), open for writing; its descriptor.
    Mode 0600, as ``tempfile.mkstemp`` gave the files before."""
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)


def open_in_place(path: Path) -> int:
    """Create ``path``, or empty it, open for writing; its descriptor (mode 0600, as
    ``create_file``)."""
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)


@contextmanager
def written_beside(target: Path) -> Iterator[tuple[Path, int]]:
    """Yield a path and its descriptor, open for writing, for ``target``'s content: a
    temporary file beside it, renamed over it on success; in a folder being built
    (``in_folder_being_built``), ``target`` itself. On failure the file is removed.
    ``atomic_path`` and ``atomic_file`` both write through this."""
    in_place = in_folder_being_built(target)
    path = target if in_place else temp_beside(target)
    try:
        yield path, (open_in_place(path) if in_place else create_file(path))
        if not in_place:
            os.replace(path, target)
    except BaseException:
        path.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it over ``target`` on success.
    For writers that need a path (SQLite, a Parquet writer); others use ``atomic_file``.
    In a folder being built, the path is ``target`` itself."""
    with written_beside(target) as (path, descriptor):
        os.close(descriptor)
        yield path


@contextmanager
def atomic_file(target: Path) -> Iterator[IO[bytes]]:
    """Yield a binary file beside ``target``, open for writing; rename it over ``target``
    once written and closed. (The file made is the file written: no reopening by name.)
    In a folder being built, the file is ``target`` itself."""
    with written_beside(target) as (_, descriptor), open(descriptor, "wb") as file:
        yield file


def write_text(target: Path, text: str) -> None:
    write_bytes(target, text.encode("utf-8"))


def write_bytes(target: Path, data: bytes | memoryview) -> None:
    with atomic_file(target) as file:
        file.write(data)


def dumps_json(data: Any, indent: int | None = 1) -> str:
    """JSON text, UTF-8 characters as they are. ``indent=None`` writes it on one line, in a
    fifth of the time: the C encoder does not indent."""
    return json.dumps(data, ensure_ascii=False, indent=indent, sort_keys=False) + "\n"


def write_json(target: Path, data: Any, indent: int | None = 1) -> None:
    write_text(target, dumps_json(data, indent))


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def replace_dir(target: Path, fill: Callable[[Path], None]) -> None:
    """Build a directory with ``fill(tmp_dir)`` and swap it in place of ``target``."""
    tmp = temp_beside(target)
    try:
        tmp.mkdir()
        fill(tmp)
        old = None
        if target.exists():
            old = target.parent / f".{target.name}.old.{os.getpid()}"
            os.replace(target, old)
        os.replace(tmp, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
