"""io: atomic writes leave the old file or the new one, never half of one, and no
temporary file once done or failed."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from pipeline.common import files as io
from pipeline.config import Paths
from pipeline.run.build import remove_leftovers


def beside(target: Path) -> list[str]:
    return sorted(p.name for p in target.parent.iterdir())


@pytest.mark.parametrize("write", [
    lambda target: io.write_bytes(target, "白書\n".encode()),
    lambda target: io.write_text(target, "白書\n"),
    lambda target: io.write_json(target, "白書", indent=None),
], ids=["bytes", "text", "json"])
def test_a_write_makes_the_folder_and_leaves_only_the_target(tmp_path: Path, write) -> None:
    target = tmp_path / "new" / "deeper" / "x.txt"
    write(target)
    assert target.read_bytes() in ("白書\n".encode(), '"白書"\n'.encode())
    assert beside(target) == ["x.txt"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600   # as tempfile.mkstemp made it (create_file)


class Interrupted(Exception):
    pass


@pytest.mark.parametrize("kind", ["file", "path"])
def test_a_failed_write_keeps_the_old_file_and_no_temporary(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "x.parquet"
    target.write_bytes(b"old")
    with pytest.raises(Interrupted):
        if kind == "file":
            with io.atomic_file(target) as file:
                file.write(b"half")
                raise Interrupted
        else:
            with io.atomic_path(target) as tmp:
                tmp.write_bytes(b"half")
                raise Interrupted
    assert target.read_bytes() == b"old"
    assert beside(target) == ["x.parquet"]


def test_a_killed_write_leaves_a_temporary_that_remove_leftovers_finds(tmp_path: Path) -> None:
    """What a SIGKILL in the middle of a write leaves: the temporary file (never closed,
    never renamed), under a name ``build.remove_leftovers`` deletes."""
    target = tmp_path / "output" / "c" / "x.csv"
    tmp = io.temp_beside(target)
    fd = io.create_file(tmp)
    (tmp_path / "interim").mkdir()
    assert tmp.parent == target.parent and tmp.name.startswith(".x.csv.")
    try:
        assert remove_leftovers(Paths(tmp_path)) == [tmp]
        assert not tmp.exists() and not target.exists()
    finally:
        os.close(fd)


@pytest.mark.parametrize("data", [{"章": [1, 2.5, None, True], "空": {}}, [], "改行\n"])
def test_one_line_json_reads_back_the_same(tmp_path: Path, data: object) -> None:
    io.write_json(tmp_path / "x.json", data, indent=None)
    text = (tmp_path / "x.json").read_text(encoding="utf-8")
    assert text.endswith("\n") and text.count("\n") == 1
    assert "\\u" not in text   # characters as they are, not escaped
    assert io.read_json(tmp_path / "x.json") == data
    assert json.loads(text) == json.loads(io.dumps_json(data))


def test_an_interrupt_while_the_folder_is_made_leaves_nothing(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C right after the temporary folder is created (before anything is written
    in it) leaves no temporary folder: it is named before it is made, inside the try."""
    target = tmp_path / "interim" / "nlp" / "c"
    made = Path.mkdir

    def mkdir_then_interrupt(self: Path, *args: object, **kwargs: object) -> None:
        made(self, *args, **kwargs)   # type: ignore[arg-type]
        if self.name.endswith(".tmp"):
            raise KeyboardInterrupt

    monkeypatch.setattr(Path, "mkdir", mkdir_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        io.replace_dir(target, lambda folder: None)
    monkeypatch.undo()
    assert list(target.parent.iterdir()) == []


def test_files_in_a_folder_being_built_are_written_in_place(tmp_path: Path) -> None:
    """``replace_dir`` swaps its folder in whole, so the writes inside it make no
    temporary file of their own; a write that fails leaves no half file there."""
    target = tmp_path / "interim" / "tagging" / "c"
    seen: list[list[str]] = []

    def fill(folder: Path) -> None:
        assert io.in_folder_being_built(folder / "x.json")
        io.write_json(folder / "x.json", {"行": 1})
        io.write_bytes(folder / "x.json", b"again\n")   # written twice: the last one holds
        with io.atomic_path(folder / "y.parquet") as path:
            assert path == folder / "y.parquet"
            path.write_bytes(b"y")
        with pytest.raises(Interrupted), io.atomic_file(folder / "z.csv") as file:
            file.write(b"half")
            raise Interrupted
        seen.append(sorted(p.name for p in folder.iterdir()))

    io.replace_dir(target, fill)
    assert seen == [["x.json", "y.parquet"]]
    assert (target / "x.json").read_bytes() == b"again\n"
    assert stat.S_IMODE((target / "y.parquet").stat().st_mode) == 0o600
    assert beside(target) == ["c"]


@pytest.mark.parametrize("name", ["c", ".c.tmp", "c.1234abcd.tmp", ".c.1234abcd.tmp.old"])
def test_only_a_folder_replace_dir_names_is_one_being_built(tmp_path: Path, name: str) -> None:
    assert not io.in_folder_being_built(tmp_path / name / "x.json")
    assert io.in_folder_being_built(io.temp_beside(tmp_path / name) / "x.json")
