"""The word lists under pipeline/data/ load, keep their order, and a malformed file is
reported with its name and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.common.lexicons import (
    LIST_COLUMNS,
    MAP_COLUMNS,
    parse_rows,
    word_list,
    word_map,
)
from pipeline.errors import PipelineError
from pipeline.tagging.entities.org_words import ORG_SUFFIXES, PREFIX_FORMS

DATA = Path(__file__).resolve().parent.parent / "pipeline" / "data"


def word_list_files() -> list[tuple[str, tuple[str, ...]]]:
    """(name, columns) of every word list in pipeline/data/: a TSV that opens with a '#'
    comment and whose header starts with ``word`` (the lexicons with loaders of their own,
    counters, eras, gazetteer, places and the quality thresholds, are not word lists)."""
    found = []
    for path in sorted(DATA.glob("*.tsv")):
        lines = path.read_text(encoding="utf-8").splitlines()
        if lines and lines[0].startswith("#"):
            header = next(ln for ln in lines if not ln.startswith("#"))
            if header.split("\t")[0] == "word":
                found.append((path.stem, tuple(header.split("\t"))))
    return found


@pytest.mark.parametrize(("name", "columns"), word_list_files())
def test_every_word_list_loads_with_a_source_per_row(name: str,
                                                     columns: tuple[str, ...]) -> None:
    assert columns in (LIST_COLUMNS, MAP_COLUMNS)
    words = word_map(name) if columns == MAP_COLUMNS else word_list(name)
    assert words and all(w == w.strip() for w in words)


def test_at_least_the_moved_lists_are_there() -> None:
    assert len(word_list_files()) >= 20


def test_order_is_file_order() -> None:
    assert word_list("number_basis_words")[:3] == ("前年同期", "前年同月", "前年度")
    assert list(ORG_SUFFIXES)[:3] == ["大学", "大学院", "大学校"]
    assert ORG_SUFFIXES["省"] == "ORG_MINISTRY" and ORG_SUFFIXES["委員会"] == "ORG_COUNCIL"
    assert PREFIX_FORMS[0] == "株式会社" and PREFIX_FORMS[-1] == "(特非)"


GOOD = "# a list\nword\tsource\n大学\thand list\n"


@pytest.mark.parametrize(("text", "message"), [
    ("# a list\nword\tsrc\n大学\thand list\n", "line 2: header ['word', 'src']"),
    ("# a list\nword\tsource\n大学\n", "line 3: '大学' is not 2 non-empty"),
    ("word\tsource\n大学\t\n", "line 2: '大学\\t' is not 2 non-empty"),
    ("word\tsource\n 大学\thand list\n", "line 2"),
    ("word\tsource\n大学\thand list\n\n大学\tother\n", "line 4: '大学' is already on line 2"),
    ("# only a comment\n", "no header row"),
])
def test_malformed_rows_name_the_file_and_line(text: str, message: str) -> None:
    with pytest.raises(PipelineError, match="pipeline/data/x.tsv") as error:
        parse_rows(text, "pipeline/data/x.tsv", LIST_COLUMNS)
    assert message in str(error.value)


def test_good_rows_and_missing_file() -> None:
    assert parse_rows(GOOD, "x", LIST_COLUMNS) == [("大学", "hand list")]
    with pytest.raises(PipelineError, match="pipeline/data/no_such_list.tsv: no such word list"):
        word_list("no_such_list")
