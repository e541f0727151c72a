"""The README's notebook example runs and returns real rows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.config import project_paths


def test_the_notebook_example_in_the_readme_works(root: Path) -> None:
    if not (project_paths().output / "numbers.parquet").exists():
        pytest.fail("output/numbers.parquet, which the README example reads, is missing: "
                    "run `make all` first")
    readme = (root / "README.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", readme, re.S)
    assert code is not None
    lines = code.group(1).strip().splitlines()
    assert len(lines) == 5
    namespace: dict[str, object] = {}
    exec("\n".join(lines[:2]), namespace)
    result = eval(lines[2], namespace)
    assert len(result) > 10 and result["surface"].str.contains("円").all()
    assert (result["value"] > 0).all()
    exec(lines[3], namespace)
    wide = eval(lines[4], namespace)    # mlit2023-1-1 t08: the 計 row under 延長(Km)
    assert wide.loc[8, "延長(Km)"] == 467.4
