"""Tables ruled across only (``pipeline/extract/pdf/hrule_tables.py``): made-up pages
with hand-checked cells, through the extract and the tables stage's reading of them."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))   # pytest's importlib mode
import pdf_fixtures as fx  # noqa: E402

from pipeline.extract.pdf.char_source import raw_pages
from pipeline.extract.pdf.chars import Char
from pipeline.extract.pdf.glyph_index import index_glyphs
from pipeline.extract.pdf.hrule_tables import (
    edges_to_hrules,
    glyphs_by_middle,
    hrule_stacks,
    stack_to_table,
)
from pipeline.extract.pdf.reader import extract_pdf
from pipeline.extract.pdf.table_settings import TableFinderSettings
from pipeline.extract.pdf.tables import page_to_rules
from pipeline.schemas import Extracted
from pipeline.tables.from_pdf import page_table_to_rebuilt

HEAD = ["電源", "2020年度", "2021年度", "前年度比（％）"]
ROWS = [["太陽光", "6,143", "6,614", "6.1"],
        ["風力", "448", "458", "4.8"],
        ["中小水力", "978", "981", "0.5"]]


def extract(make: Callable[[Path], Path], tmp_path: Path) -> Extracted:
    return extract_pdf(make(tmp_path / "page.pdf"), "st2024-9-9")


def body_text(extracted: Extracted) -> str:
    return "\n".join(line.text for line in extracted.lines if line.hint != "table_text")


@pytest.mark.parametrize("make, caption", [
    (fx.hrule_table, "第１-２-１表"),                          # three rules
    (lambda p: fx.hrule_table(p, rule_every_row=True,          # a rule under every row,
                              caption="図表1-2-2　電源別の導入量"), "図表1-2-2"),  # a figure
    (lambda p: fx.hrule_table(p, caption="【参考】電源別の導入量"), None),  # no label
])
def test_table_ruled_across_only(make: Callable[[Path], Path], caption: str | None,
                                 tmp_path: Path) -> None:
    extracted = extract(make, tmp_path)
    table, = extracted.tables
    # heads centred over right-aligned figures stay over their own column
    assert table["rows"] == [HEAD, *ROWS]
    assert (table["strategy"], table["caption"], table["cut"]) == ("hrules", caption, [])
    assert table["unsure_rows"] == []
    rebuilt = page_table_to_rebuilt(table).rebuilt
    assert list(rebuilt.kinds) == HEAD
    assert [[c.values[0] for c in row.cells] for row in rebuilt.rows] == ROWS
    assert {c.flag for row in rebuilt.rows for c in row.cells} == {"text_strategy"}
    body = body_text(extracted)
    assert not [cell for row in ROWS for cell in row if cell in body]
    assert table_text(extracted) == [cell for row in [HEAD, *ROWS] for cell in row]


def test_wrapped_cell_between_rules_is_one_row(tmp_path: Path) -> None:
    extracted = extract(lambda p: fx.hrule_table(p, rule_every_row=True, wrapped=True),
                        tmp_path)
    table, = extracted.tables
    assert table["rows"] == [HEAD, *ROWS, ["バイオマス（木質）", "480", "530", "7.0"]]
    assert table["unsure_rows"] == []
    assert "バイオマス" not in body_text(extracted)


def test_wrapped_cell_without_rules_under_rows_is_flagged(tmp_path: Path) -> None:
    """No rule tells whether ``（木質）`` is a row of its own: a row per line, flagged."""
    table, = extract(lambda p: fx.hrule_table(p, wrapped=True), tmp_path).tables
    assert table["rows"] == [HEAD, *ROWS, ["バイオマス", "480", "530", "7.0"],
                             ["（木質）", "", "", ""]]
    assert table["unsure_rows"] == [5]
    rebuilt = page_table_to_rebuilt(table).rebuilt
    assert {c.flag for c in rebuilt.rows[-1].cells} == {"unsure_row"}


@pytest.mark.parametrize("head, rows, widths, unsure", [
    # a label and its figure
    (["区分", "件数"], [["相談件数", "1,234"], ["うち電話", "987"], ["うちメール", "247"]],
     [150, 110], []),
    # a year and its event, one event wrapped (no rule under rows tells: flagged)
    (["年", "主な出来事"], [["2019年", "法律の公布"],
                         ["2020年", ("基本計画の策定（第１期）", "及び推進本部の設置")],
                         ["2023年", "法律の改正"]], [60, 200], [3]),
])
def test_two_column_table_ruled_across_only(head: list[str], rows: list[list[fx.Cell]],
                                            widths: list[float], unsure: list[int],
                                            tmp_path: Path) -> None:
    extracted = extract(lambda p: fx.two_column_hrule_table(p, head, rows, widths), tmp_path)
    table, = extracted.tables
    expected = [head]
    for label, value in rows:
        if isinstance(value, str):
            expected.append([label, value])
        else:      # a wrapped cell: its second line a row of its own
            expected += [[label, value[0]], ["", value[1]]]
    assert table["rows"] == expected
    assert (table["strategy"], table["caption"], table["unsure_rows"]) == (
        "hrules", "第１-２-２表", unsure)
    assert rows[0][0] not in body_text(extracted)
    # its text read as printed, line by line (figures set flush right: not by left edge)
    assert table_text(extracted) == [cell for row in expected for cell in row if cell]


def table_text(extracted: Extracted) -> list[str]:
    return [line.text for line in extracted.lines if line.hint == "table_text"]


def test_columns_under_their_heads_between_rules_make_no_table(tmp_path: Path) -> None:
    """The page's two columns, each under its own heading, between rules across: a
    one-line header over two columns, but the columns are set alike: running text."""
    extracted = extract(fx.columns_under_heads_between_rules, tmp_path)
    assert extracted.tables == ()
    assert "左1" in body_text(extracted) and "右1" in body_text(extracted)


def test_rules_between_paragraphs_make_no_table(tmp_path: Path) -> None:
    """A heading's rule, a rule between paragraphs and a footnote rule, of the same
    ends: running text between them (in the page's two columns) is no table."""
    extracted = extract(fx.rules_between_paragraphs, tmp_path)
    assert extracted.tables == ()
    settings = TableFinderSettings()
    (raw, page), = raw_pages(tmp_path / "page.pdf", "pdfium")
    rules = edges_to_hrules(page_to_rules(page, settings), (0.0, 0.0),
                            settings.hrule_settings())
    stack, = hrule_stacks(rules, settings.hrule_settings())
    assert len(stack) == 3        # the stack is seen, and read as no table
    glyphs = [Char(c.text, c.x0, c.x1, c.top, c.bottom, c.size) for c in raw.chars]
    assert stack_to_table(stack, glyphs_by_middle(index_glyphs(glyphs)), settings.hrule_settings()) is None


@pytest.mark.parametrize("short_rules", [True, False])
def test_head_spanning_columns(short_rules: bool, tmp_path: Path) -> None:
    """``輸出`` centred over ``金額 | 伸び率``, with a short rule under it or none: two
    header rows, the spanning head one cell over its columns, ``品目`` set down both
    rows; the columns named ``輸出／金額`` …, not ``輸出金額``, ``伸び率``, ``伸び率_2``."""
    table, = extract(lambda p: fx.hrule_table_spanning_heads(p, short_rules),
                     tmp_path).tables
    assert table["rows"][:2] == [["品目", "輸出", None, "輸入", None],
                                 [None, "金額", "伸び率", "金額", "伸び率"]]
    assert table["rows"][2:] == fx.SPAN_ROWS
    assert table["cut"] == []
    rebuilt = page_table_to_rebuilt(table).rebuilt
    assert list(rebuilt.kinds) == ["品目", "輸出／金額", "輸出／伸び率", "輸入／金額",
                                   "輸入／伸び率"]
    assert [[c.values[0] for c in row.cells] for row in rebuilt.rows] == fx.SPAN_ROWS


def test_head_wrapped_over_its_own_column_spans_nothing(tmp_path: Path) -> None:
    """A head printed on two lines over its own column (``前年度比`` / ``（％）``) is one
    header row: no head stands half way between two heads of the line under it."""
    head = ["電源", "2020年度", "2021年度", ("前年度比", "（％）")]
    rows = [["太陽光", "6,143", "6,614", "6.1"], ["風力", "448", "458", "4.8"]]
    table, = extract(lambda p: fx.two_column_hrule_table(p, head, rows, [110, 90, 90, 110]),
                     tmp_path).tables
    assert table["rows"] == [["電源", "2020年度", "2021年度", "前年度比（％）"], *rows]


def test_head_centred_over_three_columns(tmp_path: Path) -> None:
    """``令和4年度`` centred over ``当初 | 補正 | 計`` (over the middle head) with no rule
    under it spans the three columns."""
    table, = extract(fx.hrule_table_three_column_heads, tmp_path).tables
    assert table["rows"][:2] == [["区分", "令和4年度", None, None, "令和5年度", None, None],
                                 [None, "当初", "補正", "計", "当初", "補正", "計"]]
    assert table["rows"][2:] == fx.THREE_SPAN_ROWS
    assert list(page_table_to_rebuilt(table).rebuilt.kinds)[1:4] == [
        "令和4年度／当初", "令和4年度／補正", "令和4年度／計"]


def test_every_head_wrapped_over_its_own_column_spans_nothing(tmp_path: Path) -> None:
    """Every head printed on two lines over its own column (``2021年`` / ``（実績）``):
    each upper word stands over the head under it, one header row."""
    head = ["区分", ("2021年", "（実績）"), ("2022年", "（実績）"), ("2023年", "（見込み）")]
    rows = [["歳入", "1,200", "1,250", "1,300"], ["歳出", "1,100", "1,180", "1,260"]]
    table, = extract(lambda p: fx.two_column_hrule_table(p, head, rows, [110, 90, 90, 90]),
                     tmp_path).tables
    assert table["rows"] == [["区分", "2021年（実績）", "2022年（実績）", "2023年（見込み）"],
                             *rows]


def test_dense_columns_of_figures(tmp_path: Path) -> None:
    """Seven columns of ``1,234,567`` an em apart (less than the usual column gap),
    under a one-line header with a head per column: eight columns, not a label column
    and one of all the figures run together (and the header read as a row of data)."""
    head = ["地方", "2017年", "2018年", "2019年", "2020年", "2021年", "2022年", "2023年"]
    rows = [["北海道", "1,234,567", "1,245,678", "1,256,789", "998,765", "1,001,234",
             "1,100,345", "1,200,456"],
            ["東北", "2,345,678", "2,356,789", "2,367,890", "1,876,543", "1,900,321",
             "2,000,432", "2,100,543"]]
    table, = extract(lambda p: fx.two_column_hrule_table(p, head, rows, [60] + [44] * 7),
                     tmp_path).tables
    assert table["rows"] == [head, *rows]


def total_ruled_off(path: Path) -> Path:
    """A table ruled across only with one more rule over its total row (環境白書
    style), and a sub-row ``うち鉄鋼業`` that prints a figure in one column only."""
    c = fx._canvas(path)
    fx.draw_column(c, fx.LEFT_X, 780, [fx.body_line(f"行{i}", 40) for i in range(1, 3)])
    fx.draw(c, fx.LEFT_X, 730, "表1-1-6　部門別の二酸化炭素排出量")
    bottom = fx.draw_hrule_table(c, fx.LEFT_X, 718, [140, 80, 80, 80, 80],
                                 [TOTAL_HEAD, *TOTAL_ROWS], False)
    c.line(fx.LEFT_X, bottom + 20, fx.LEFT_X + 460, bottom + 20)    # over the total
    return fx.source_and_body_below(c, bottom, path)


TOTAL_HEAD: list[fx.Cell] = ["部門", "2013年度", "2020年度", "2021年度", "2022年度"]
TOTAL_ROWS: list[list[fx.Cell]] = [["産業部門", "463", "356", "373", "352"],
                                   ["うち鉄鋼業", "", "", "", "130"],
                                   ["運輸部門", "224", "185", "185", "192"],
                                   ["合計", "895", "707", "714", "702"]]


def test_rule_over_the_total_leaves_rows_above_it_rows(tmp_path: Path) -> None:
    """Four rules (a fourth over 合計) do not make a table ruled under every row: the
    sparse sub-row is a row of its own (flagged unsure), not a wrapped line of 産業部門
    (which read ``産業部門うち鉄鋼業`` and ``352 130``)."""
    table, = extract(total_ruled_off, tmp_path).tables
    assert table["rows"] == [TOTAL_HEAD, *TOTAL_ROWS]
    assert table["unsure_rows"] == [2]


@pytest.mark.parametrize("source", ["pdfium", "pdfplumber"])
def test_a_unit_line_inside_the_header_band(source: str, tmp_path: Path) -> None:
    """``（単位：千m3）`` under the top rule, over 区分 | 2021年 | 2022年 | 2023年: no head
    (not ``（単位：千m3）2023年``), the table's unit line; the figures in 千m3; 計 the
    total of rows 1-2 (82,214 = 33,721 + 48,493)."""
    import pandas as pd

    from pipeline.common.frames import to_frame
    from pipeline.extract.pdf.settings import PdfSettings
    from pipeline.schemas import DATASETS
    from pipeline.structure.stage import structure_chapter
    from pipeline.tables.cell_records import cell_rows
    from pipeline.tables.chapter_tables import rebuild_tables

    path = fx.hrule_table_unit_line_inside(tmp_path / "page.pdf")
    extracted = extract_pdf(path, "made9999-1-1", PdfSettings(source=source))
    assert extracted.tables[0]["rows"] == fx.TIMBER_ROWS
    assert extracted.tables[0]["unit_line"] == "（単位：千m3）"
    structured = structure_chapter(extracted)
    tables, _, _ = rebuild_tables(to_frame(DATASETS["paragraphs"], structured.paragraphs),
                                  to_frame(DATASETS["figures"], structured.figures),
                                  list(extracted.tables))
    cells = pd.DataFrame(cell_rows(tables))
    units = cells.groupby("column", sort=False)["column_unit"].first().fillna("")
    assert list(units) == ["", "千m3", "千m3", "千m3"]
    assert list(cells.groupby("row")["total_of"].first().fillna("")) == ["", "", "1-2"]
