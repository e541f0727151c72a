"""How a ruled table's cells are read from where their glyphs and rules are: items a
cell prints one a line kept apart (``cell_line_breaks``), a corner cell split by its
diagonal rule (``corner_cells``), and a unit a spanning head prints given to the columns
under it (``values.spanned_header_unit``). Made-up cells of other ministries' tables,
and generated PDFs of two such tables (MOE's corner cell ``年度`` over ``区分``, MHLW's
list of items in a cell)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))   # pytest's importlib mode
import pdf_fixtures as fx  # noqa: E402

from pipeline.extract.pdf.cell_line_breaks import first_word_width, hard_breaks
from pipeline.extract.pdf.chars import Char
from pipeline.extract.pdf.corner_cells import falling_rules, split_corner
from pipeline.extract.pdf.reader import extract_pdf
from pipeline.tables.from_pdf import page_table_to_rebuilt
from pipeline.tables.values import spanned_header_unit

SIZE = 10.0
LEFT = 50.0


def cell_lines(*texts: str, x: float = LEFT, indent: dict[int, float] | None = None,
               ) -> list[list[Char]]:
    """Printed lines of a cell, one under the other, starting at ``x`` (line ``i``
    indented by ``indent[i]`` points)."""
    indent = indent or {}
    return [fx.chars(t, top=100 + 12 * i, size=SIZE, x=x + indent.get(i, 0.0))
            for i, t in enumerate(texts)]


def box(width_em: float, pad: float = 3.0) -> tuple[float, float, float, float]:
    """A cell whose text starts ``pad`` points in and is ``width_em`` ems wide inside."""
    return (LEFT - pad, 95.0, LEFT + width_em * SIZE + pad, 200.0)


# --------------------------------------------------------------------------- line breaks


@pytest.mark.parametrize(("lines", "width_em", "breaks"), [
    # MHLW: a list of measures one a line in a wide cell
    (("特定健康診査の実施", "保健指導", "受診勧奨"), 15, [True, True]),
    # MLIT: a road section's two ends, one a line, far short of the cell's edge: two
    # lines so may be one name broken by hand (大規模言語モデルの / 研究開発), joined
    (("福井県敦賀市疋田28字井棟36番の3", "滋賀県高島郡高島町大字鵜川1071番"), 22, [False]),
    (("大規模言語モデルの", "研究開発"), 16, [False]),
    # MOD: an item wrapped at the cell's edge, then the next item
    (("代表機関：防衛装備庁航空装備", "研究所", "参加機関：大学"), 14, [False, True]),
    # two lines, the first at the edge: the second wraps
    (("代表機関：防衛装備庁航空装備", "研究所"), 14, [False]),
    # three items, two as long, far short of the cell's edge
    (("京都府綾部市七百石町中溝13番", "京都府綾部市安国寺町間谷44番", "同上"), 30,
     [True, True]),
    # text set narrower than its cell: the lines that wrap end alike, short of the box
    (("都市計画決定に際し、子細な道路敷幅", "を定める必要がある地域・箇所につい",
      "ては別に定める。"), 20, [False, False]),
    # MLIT: three drawings one a line, two as long, far short of the cell's edge
    (("配線配管図", "設備詳細図", "受配電計画図"), 12, [True, True]),
    # MAFF: a sentence that wraps at the cell's edge
    (("農地の集積・集約化を進めるため、担い", "手への支援を行う。"), 17, [False]),
    # a line the next one's 禁則 pair did not fit on (域・ may not be parted)
    (("必要がある地域を指定し、その区域の地", "域・箇所については別に定める。"), 18.5, [False]),
    # a line ending in a comma or colon runs on; one ending a sentence needs no mark
    (("計画の策定に当たっては、", "関係機関と協議する。"), 20, [False]),
    (("対象：", "中小企業"), 20, [False]),
    (("計画を策定する。", "実施状況を公表する。"), 20, [False]),
    # a bracket opening the next line is an aside to the item before
    (("東京大学", "（連携：京都大学）"), 20, [False]),
])
def test_hard_breaks(lines: tuple[str, ...], width_em: float, breaks: list[bool]) -> None:
    assert hard_breaks(cell_lines(*lines), box(width_em)) == breaks


def test_latin_word_that_did_not_fit_wraps() -> None:
    # METI: an English name wrapped before a word longer than the room left
    lines = cell_lines("Agency for Natural", "Resources and Energy")
    assert hard_breaks(lines, box(11)) == [False]
    assert first_word_width(lines[1]) == pytest.approx(9 * SIZE / 2)


def test_centred_and_indented_lines_never_break() -> None:
    # a centred head (MOD): lines share a middle
    centred = [fx.chars("防衛力整備", top=100, x=LEFT + 10), fx.chars("計画", top=112, x=LEFT + 25)]
    assert hard_breaks(centred, box(7)) == [False]
    # an aside set in a narrower box of drawn brackets, under wrapped text (MLIT)
    aside = cell_lines("構造の基本型式、主要", "寸法を選定しうる程", "度の計算を行う。",
                       "図集適用可能な", "ものは不要", indent={3: 4.5, 4: 4.5})
    assert hard_breaks(aside, box(10)) == [False, False, False, False]


def test_single_line_and_right_set_figures_never_break() -> None:
    assert hard_breaks(cell_lines("1,234"), box(8)) == []
    right = [fx.chars("12,345", top=100, x=LEFT + 50), fx.chars("678", top=112, x=LEFT + 65)]
    assert hard_breaks(right, (LEFT - 3, 95.0, LEFT + 83, 200.0)) == [False]


# --------------------------------------------------------------------------- corner cells


def corner_cell() -> tuple[list[list[tuple[float, float, float, float] | None]],
                           list[list[list[Char] | None]]]:
    """A MOE table's corner cell, 80 × 40 pt: 年度 set top right, 区分 bottom left, and
    the cell beside it."""
    grid = [[(0.0, 0.0, 80.0, 40.0), (80.0, 0.0, 160.0, 40.0)]]
    over = fx.chars("年度", top=3, x=55)
    under = fx.chars("区分", top=27, x=3)
    return grid, [[over + under, fx.chars("2023年度", top=15, x=90)]]   # type: ignore[list-item]


def test_corner_cell_split_by_its_diagonal() -> None:
    grid, cells = corner_cell()
    split, over = split_corner(grid, cells, [(0.0, 0.0, 80.0, 40.0)], 3.0)
    assert "".join(c.text for c in split[0][0] or ()) == "区分"
    assert "".join(c.text for c in over) == "年度"
    assert split[0][1] == cells[0][1]


@pytest.mark.parametrize("rules", [
    [],                                    # no diagonal
    [(0.0, 40.0, 80.0, 0.0)],              # a rule rising, not from the top-left corner
    [(80.0, 0.0, 160.0, 40.0)],            # the diagonal of another cell
])
def test_corner_cell_without_its_diagonal_unchanged(rules: list[tuple[float, ...]]) -> None:
    grid, cells = corner_cell()
    assert split_corner(grid, cells, rules, 3.0) == (cells, [])   # type: ignore[arg-type]


def test_corner_cell_with_words_on_one_side_only_unchanged() -> None:
    grid = [[(0.0, 0.0, 80.0, 40.0)]]
    cells = [[fx.chars("区分", top=27, x=3)]]
    assert split_corner(grid, cells, [(0.0, 0.0, 80.0, 40.0)], 3.0) == (cells, [])  # type: ignore[arg-type]


class _Page:
    def __init__(self, lines: list[dict[str, object]]) -> None:
        self.lines = lines


def test_falling_rules() -> None:
    page = _Page([{"pts": [(10.0, 20.0), (90.0, 60.0)]},      # falls: kept
                  {"pts": [(90.0, 60.0), (10.0, 20.0)]},      # the same, drawn back
                  {"pts": [(10.0, 60.0), (90.0, 20.0)]},      # rises
                  {"pts": [(10.0, 20.0), (90.0, 20.0)]},      # across
                  {"pts": [(10.0, 20.0), (12.0, 60.0)]},      # all but upright
                  {}])                                        # no points
    assert falling_rules(page, (0.0, 0.0), 6.0) == [(10.0, 20.0, 90.0, 60.0)] * 2


# --------------------------------------------------------------------------- spanned unit


@pytest.mark.parametrize(("header", "unit"), [
    ("人口（千人）／男性", "千人"),                 # MIC: the span prints the unit
    ("余裕巾△W(m)／宅地／余裕幅", "m"),           # MLIT: two levels down
    ("出荷量（千t）／2023年", "千t"),              # MAFF: a year under the span
    ("金額（億円）／構成比（％）", "%"),            # the column's own unit first
    ("人口（千人）／構成比", ""),                   # a ratio takes no amount's unit
    ("区分（注）／計", ""),                         # a note mark is no unit
    ("概略設計／1／10，000", ""),                   # a scale printed with a slash
])
def test_spanned_header_unit(header: str, unit: str) -> None:
    assert spanned_header_unit(header) == unit


# --------------------------------------------------------------------------- generated


def corner_and_list_table(path: Path) -> Path:
    """A caption over a ruled table: a corner cell split by a diagonal rule (年度 over
    区分), two years across, and a row whose cell lists three measures one a line."""
    c = fx._canvas(path)
    fx.draw(c, fx.LEFT_X, 760, "表１－１　温室効果ガス削減対策の実施状況")
    rows: list[list[fx.Cell]] = [
        ["", "2022年度", "2023年度"],
        ["家庭部門", ("省エネ家電の普及", "断熱改修", "照明のＬＥＤ化"), "同左"],
        ["業務部門", "設備更新の支援を行う。", "同左"],
    ]
    top = 745
    fx.draw_grid(c, fx.LEFT_X, top, [90, 150, 150], rows, row_height=40)
    fx.draw(c, fx.LEFT_X + 60, top - 11, "年度", 8)
    fx.draw(c, fx.LEFT_X + 4, top - 36, "区分", 8)
    c.line(fx.LEFT_X, top, fx.LEFT_X + 90, top - 40)
    c.showPage()
    c.save()
    return path


def test_generated_corner_and_list_table(tmp_path: Path) -> None:
    table, = extract_pdf(corner_and_list_table(tmp_path / "page.pdf"), "moe2024-1-1").tables
    assert table["rows"][0] == ["区分", "2022年度", "2023年度"]
    assert table["corner_heads"] == ["年度"]
    assert table["rows"][1][1] == "省エネ家電の普及\n断熱改修\n照明のＬＥＤ化"
    assert table["rows"][2][1] == "設備更新の支援を行う。"
    rebuilt = page_table_to_rebuilt(table)
    assert rebuilt.rebuilt.kinds == ("区分", "2022年度", "2023年度")
    assert rebuilt.info["corner_heads"] == ["年度"]
