"""notebooks/explore.ipynb runs top to bottom on output/ and finds what the data says."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from pipeline.config import project_paths

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"
OUTPUT = project_paths().output   # where pipeline.load reads, in the kernel too
NEEDED = ("paragraphs", "sections", "footnotes", "figures", "numbers",
          "table_cells")   # what it loads


def run_notebook() -> dict[str, Any]:
    """Execute the notebook in a fresh kernel; return the summary cell's JSON."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient", reason="install the dev extras for notebooks")
    pytest.importorskip("ipykernel", reason="install the dev extras for the python3 kernel")

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(notebook, kernel_name="python3", timeout=120,
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    for cell in notebook.cells:
        if "summary" in cell.get("metadata", {}).get("tags", []):
            for output in cell.outputs:
                if "application/json" in output.get("data", {}):
                    return dict(output["data"]["application/json"])
    raise AssertionError("the cell tagged 'summary' displayed no application/json")


def missing_outputs() -> list[str]:
    return [f"output/{name}.parquet" for name in NEEDED
            if not (OUTPUT / f"{name}.parquet").exists()]


@pytest.fixture(scope="module")
def summary() -> dict[str, Any]:
    """The notebook's summary; a missing dataset it reads fails every test (the notebook
    itself only prints that a dataset is not built, so it would pass without it)."""
    if missing := missing_outputs():
        pytest.fail(f"{', '.join(missing)} missing: the notebook reads them; run `make all`")
    return run_notebook()


def test_every_dataset_the_notebook_reads_is_built() -> None:
    assert missing_outputs() == []


def test_paragraph_counts_match_the_dataset(summary: dict[str, Any]) -> None:
    paragraphs = pd.read_parquet(OUTPUT / "paragraphs.parquet")
    assert summary["paragraphs"] == len(paragraphs)
    kinds = paragraphs.groupby(["chapter", "kind"]).size()
    assert {(c, k): n for c, by_kind in summary["kinds"].items()
            for k, n in by_kind.items()} == {key: int(n) for key, n in kinds.items()}


def test_acronym_footnotes_are_expanded_in_english(summary: dict[str, Any]) -> None:
    english = summary["english_footnotes"]
    footnotes = pd.read_parquet(OUTPUT / "footnotes.parquet")
    if (footnotes["chapter"] == "st2019-2-5").any():
        assert english["TLO"] == "Technology Licensing Organization"
        assert english["NICT"].startswith("National Institute of Information")
    for acronym, text in english.items():
        assert acronym.isascii() and acronym in set(
            footnotes["anchor"].map(lambda a: unicodedata.normalize("NFKC", str(a))))
        assert not text.startswith("http")


def test_figure_sources_are_counted(summary: dict[str, Any]) -> None:
    figures = pd.read_parquet(OUTPUT / "figures.parquet")
    assert summary["figures_with_source"] == int(figures["source"].notna().sum())
    assert summary["top_source"] and summary["top_source"] in " ".join(
        figures["source"].dropna())


def test_yen_amounts_by_fiscal_year(summary: dict[str, Any]) -> None:
    by_year = summary["yen_by_fiscal_year"]
    numbers = pd.read_parquet(OUTPUT / "numbers.parquet")
    yen = numbers[(numbers["unit"] == "円") & numbers["value"].notna()]
    assert sum(by_year.values()) == len(yen)
    assert all(key == "<NA>" or 1900 < int(key) < 2100 for key in by_year)
    json.dumps(summary)


def test_a_printed_total_is_the_sum_of_its_rows(summary: dict[str, Any]) -> None:
    """mlit2023-1-1 表1-3-1 (t08) prints 延長(Km) of seven routes, 150.5 + 105.8 + 12.3 +
    131.2 + 19.8 + 45.5 + 2.3 = 467.4 (by hand), and 計 467.4 under them."""
    checked = {(t["chapter"], t["table_id"], t["column"]): (t["printed"], t["sum_of_rows"])
               for t in summary["totals_checked"]}
    assert checked[("mlit2023-1-1", "t08", "延長(Km)")] == (467.4, 467.4)
