"""The tagging stage over the shipped chapters: numbers and dates per sentence, with
offsets into the paragraph and the nlp stage's sentence ids."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from pipeline.nlp.stage import tokenize_paragraphs
from pipeline.nlp.tokenizer import make_nlp
from pipeline.tagging.stage import tag_docs, tag_footnotes
from tests.conftest import ROOT, needs_output, structured


@cache
def tagged(chapter: str) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str], set[str]]:
    paragraphs = pd.DataFrame(structured(chapter).paragraphs)
    docs, sentences, _ = tokenize_paragraphs(paragraphs, make_nlp())
    numbers, dates = tag_docs(docs, chapter)
    texts = dict(zip(paragraphs["para_id"], paragraphs["text"], strict=True))
    return pd.DataFrame(numbers), pd.DataFrame(dates), texts, set(sentences["sent_id"])


@pytest.mark.parametrize("chapter", ["st2019-2-5", "ict2019-3-1"])
def test_offsets_slice_the_paragraph_and_sentences_exist(chapter: str) -> None:
    numbers, dates, texts, sent_ids = tagged(chapter)
    for frame in (numbers, dates):
        assert len(frame) > 50
        for row in frame.itertuples():
            assert texts[row.para_id][row.start:row.end] == row.surface
            assert row.sent_id in sent_ids


@pytest.mark.parametrize("chapter", ["st2019-2-5", "ict2019-3-1"])
def test_no_dates_ids_labels_or_law_numbers_among_numbers(chapter: str) -> None:
    numbers, _, _, _ = tagged(chapter)
    for surface in numbers["surface"]:
        assert not re.search(r"(年|年度|月|日)$", surface), surface
        assert not re.search(r"[図表]|第.*[号回次節章]|^（\d+）$", surface), surface


@pytest.mark.parametrize(("chapter", "surface", "value", "unit", "measure", "period_start"), [
    ("st2019-2-5", "２万5,451件", 25451.0, "件", "共同研究実施件数", "2017-04-01"),
    ("st2019-2-5", "約608億円", 60_800_000_000.0, "円", "研究費受入額", "2017-04-01"),
    ("st2019-2-5", "9,120件", 9120.0, "件", "特許実施許諾件数", "2016-04-01"),
    ("ict2019-3-1", "3兆8,844億円", 3_884_400_000_000.0, "円", None, "2017-04-01"),
])
def test_figures_with_measure_and_period(chapter: str, surface: str, value: float, unit: str,
                                         measure: str | None, period_start: str) -> None:
    numbers, _, _, _ = tagged(chapter)
    row = numbers[numbers["surface"] == surface].iloc[0]
    assert (row["value"], row["unit"], row["period_start"]) == (value, unit, period_start)
    if measure:
        assert row["measure"] == measure


def test_previous_year_resolves_against_the_sentence_period() -> None:
    _, dates, _, _ = tagged("st2019-2-5")
    relative = dates[dates["era"] == "relative"]
    first = relative[relative["para_id"] == "p0003"].iloc[0]
    assert (first["surface"], first["start_date"], first["end_date"]) == (
        "前年度", "2016-04-01", "2017-03-31")        # 平成29年度は…（前年度比10.6％増）
    _, dates, _, _ = tagged("ict2019-3-1")
    relative = dates[dates["era"] == "relative"]
    assert ("前年", "2016-01-01") in set(zip(relative["surface"], relative["start_date"],
                                             strict=True))


@pytest.mark.parametrize("chapter", ["st2024-1-1", "st2024-1-2", "st2024-1-3"])
def test_pdf_chapters_get_numbers_and_dates_unchanged(chapter: str) -> None:
    numbers, dates, texts, sent_ids = tagged(chapter)
    assert len(numbers) > 5 and len(dates) > 20
    for frame in (numbers, dates):
        for row in frame.itertuples():
            assert texts[row.para_id][row.start:row.end] == row.surface
            assert row.sent_id in sent_ids


# --------------------------------------------------------------- every paragraph kind, footnotes

BUILT = ("st2019-2-5", "ict2019-3-1", "st2024-1-2", "ict2023-4-1", "bousai2024-t2-1")


@needs_output
@pytest.mark.parametrize("chapter", BUILT)
def test_every_row_slices_its_paragraph_or_footnote(chapter: str) -> None:
    """On the built chapter: every numbers/dates row is in one place (a paragraph, where =
    its kind, or a footnote, where = footnote) and its offsets slice that text exactly."""
    folder = ROOT / "output" / chapter
    paragraphs = pd.read_parquet(folder / "paragraphs.parquet")
    notes = pd.read_parquet(folder / "footnotes.parquet")
    texts = dict(zip(paragraphs["para_id"], paragraphs["text"], strict=True))
    kinds = dict(zip(paragraphs["para_id"], paragraphs["kind"], strict=True))
    note_texts = dict(zip(notes["note_id"], notes["text"], strict=True))
    for name in ("numbers", "dates"):
        frame = pd.read_parquet(folder / f"{name}.parquet")
        assert len(frame) > 0
        for row in frame.itertuples():
            if pd.isna(row.note_id):
                assert (row.where, texts[row.para_id][row.start:row.end]) == \
                    (kinds[row.para_id], row.surface)
            else:
                assert pd.isna(row.para_id) and pd.isna(row.sent_id)
                assert (row.where, note_texts[row.note_id][row.start:row.end]) == \
                    ("footnote", row.surface)


@needs_output
def test_footnotes_and_captions_are_tagged() -> None:
    """ict2019-3-1: n024 「…の労働生産性は739万円となっている。」 and the caption dates;
    st2024-1-2: n010 「…公開５日間で13万人が利用」."""
    numbers = pd.read_parquet(ROOT / "output" / "ict2019-3-1" / "numbers.parquet")
    row = numbers[(numbers["note_id"] == "n024") & (numbers["surface"] == "739万円")].iloc[0]
    assert (row["where"], row["value"], row["unit"], row["measure"]) == \
        ("footnote", 7_390_000, "円", "労働生産性")
    numbers = pd.read_parquet(ROOT / "output" / "st2024-1-2" / "numbers.parquet")
    found = numbers[numbers["note_id"] == "n010"]
    assert {("５日間", "duration"), ("13万人", "count")} <= set(
        zip(found["surface"], found["kind"], strict=True))
    for chapter in ("ict2019-3-1", "ict2023-4-1"):
        dates = pd.read_parquet(ROOT / "output" / chapter / "dates.parquet")
        assert {"caption", "source", "footnote"} <= set(dates["where"])


def test_tag_footnotes_made_up() -> None:
    """Footnotes are in no Doc: sentences split after 。, offsets into the footnote."""
    notes = [("n001", "総務省「調査」（2023年３月）。回答は1,200社であった。"),
             ("n002", "Technology Licensing Organization")]
    numbers, dates = tag_footnotes(notes, "made-up-1")
    assert [(r["note_id"], r["where"], r["para_id"], r["surface"], r["start"])
            for r in numbers] == [("n001", "footnote", None, "1,200社", 20)]
    assert notes[0][1][20:26] == "1,200社"
    assert [(r["surface"], r["start_date"]) for r in dates] == [("2023年３月", "2023-03-01")]


def test_where_is_the_paragraph_kind() -> None:
    paragraphs = pd.DataFrame(structured("st2019-2-5").paragraphs)
    docs, _, _ = tokenize_paragraphs(paragraphs, make_nlp())
    kinds = dict(zip(paragraphs["para_id"], paragraphs["kind"], strict=True))
    numbers, dates = tag_docs(docs, "st2019-2-5", kinds=kinds)
    assert {r["where"] for r in numbers + dates} >= {"body", "figure_text", "note"}
    assert all(r["where"] == kinds[r["para_id"]] and r["note_id"] is None
               for r in numbers + dates)


def test_this_fiscal_year_is_read_against_the_edition_year() -> None:
    """今年度 and 年度内 (no year printed) are the fiscal year of the edition the registry
    gives (2024: 令和6年版), flagged publication_year, and date no figure."""
    notes = [("n001", "今年度は約300件の申請があり、年度内に報告書を取りまとめる。")]
    numbers, dates = tag_footnotes(notes, "made-up-1", edition=2024)
    assert [(r["surface"], r["start_date"], r["end_date"], r["flag"]) for r in dates] == [
        ("今年度", "2024-04-01", "2025-03-31", "publication_year"),
        ("年度内", "2024-04-01", "2025-03-31", "publication_year")]
    assert [(r["surface"], r["period_start"]) for r in numbers] == [("約300件", None)]
    assert tag_footnotes(notes, "made-up-1")[1] == []   # no edition: no date


def test_a_footnotes_yearless_as_of_day_dates_its_figures_as_an_inference() -> None:
    """Made-up footnote of a 令和6年版 white paper: 3月31日時点 with nothing before it is
    read in the edition's year (flag publication_year) and dates the figure of its own
    sentence, period_basis edition_year (it had no period); not the next sentence's."""
    notes = [("n001", "（注）登録者数は約1万2,000人（3月31日時点）。対象は全国の約300団体。")]
    numbers, dates = tag_footnotes(notes, "made-up-1", edition=2024)
    assert [(r["surface"], r["start_date"], r["flag"]) for r in dates] == [
        ("3月31日時点", "2024-03-31", "publication_year")]
    assert [(r["surface"], r["period_start"], r["period_end"], r.get("period_basis"))
            for r in numbers] == [("約1万2,000人", "2024-03-31", "2024-03-31", "edition_year"),
                                  ("約300団体", None, None, None)]


@pytest.mark.parametrize("name", ["numbers", "dates", "entities"])
def test_rows_are_written_as_write_dataset_writes_them(name: str, tmp_path: Path) -> None:
    """The stage writes its rows with ``write_rows``: the file and table the typed frame
    gives, with a key of no column (``how``) and a missing key among them."""
    from pipeline.common.frames import write_dataset, write_rows
    from pipeline.schemas import DATASETS

    dataset = DATASETS[name]
    samples = {"string": ["厚生労働省", None, ""], "date": ["2023-04-01", None, "2023"],
               "integer": [3, None, 12], "number": [1.5, None, 7], "boolean": [True, None, False]}
    rows = [{field.name: samples[field.type][k] for field in dataset.fields
             if (k, field.name) != (2, dataset.fields[-1].name)}   # a key left out
            | {"how": "extra"} for k in range(3)]
    for n, some in enumerate((rows, rows[:1], [])):
        new = write_rows(dataset, some, tmp_path / f"new{n}.parquet")
        old = write_dataset(dataset, some, tmp_path / f"old{n}.parquet")
        assert old.equals(new) and old.schema.metadata == new.schema.metadata
        assert (tmp_path / f"new{n}.parquet").read_bytes() == \
            (tmp_path / f"old{n}.parquet").read_bytes()
