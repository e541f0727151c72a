"""pipeline/bench/compare.py (`make compare`): any CSV that differs or exists on one side only
fails the comparison; other files are only listed."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest


def load_compare() -> ModuleType:
    from pipeline.bench import compare

    return compare


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


SAME = {"a/paragraphs.csv": "para_id,text\np1,本文\n", "report.html": "<p>1</p>"}


@pytest.mark.parametrize(("work", "failures", "printed"), [
    (SAME, 0, "every CSV is byte-identical"),
    ({**SAME, "report.html": "<p>2</p>"}, 0, "other file differs: report.html"),
    ({**SAME, "a/paragraphs.csv": "para_id,text\np1,本文。\n"}, 1,
     "CSV differs: a/paragraphs.csv"),
    ({**SAME, "b/numbers.csv": "x\n"}, 1, "CSV only in work: b/numbers.csv"),
    ({"report.html": "<p>1</p>"}, 1, "CSV only in ref: a/paragraphs.csv"),
])
def test_compare_outputs(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                         work: dict[str, str], failures: int, printed: str) -> None:
    compare = load_compare()
    ref = write(tmp_path / "ref", SAME)
    got = compare.compare_outputs(ref, write(tmp_path / "work", work), "REF")
    assert got == failures
    assert printed in capsys.readouterr().out


def test_an_unknown_ref_is_refused() -> None:
    with pytest.raises(SystemExit, match="not a commit"):
        load_compare().main(["no-such-commit-anywhere"])
