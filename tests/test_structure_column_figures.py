"""A boxed column's label ends the figure open before it (``Builder.column_label``), on
made-up pages of other ministries' white papers."""

from __future__ import annotations

from pipeline.schemas import Extracted, Layout, SourceLine
from pipeline.structure.stage import structure_chapter

BODY = "農業経営体数は減少を続けており、担い手への農地の集積・集約化を進めることが重要である。"


def rows(spec: list[tuple[int, str, float]]) -> list[tuple[str, str, str | None]]:
    """(kind, text, figure_id) of the paragraphs of a PDF whose lines are ``spec``
    (page, text, type size); body lines are marked as paragraphs by the adapter."""
    lines = [SourceLine(n, text, page_index=page, x0=60, size=size,
                        extras={"starts_paragraph": True} if size == 10 else {})
             for n, (page, text, size) in enumerate(spec, 1)]
    extracted = Extracted("maff2024-1-1", "pdf", Layout(wrapped=True, footnotes="hinted"),
                          tuple(lines))
    return [(p["kind"], p["text"], p["figure_id"])
            for p in structure_chapter(extracted).paragraphs]


def test_a_note_in_a_column_on_a_later_page_is_not_the_figures() -> None:
    """A MAFF-like page: a table, then on the next page a column whose own ``※`` note
    is no note of the table two pages back."""
    got = rows([(1, BODY, 10), (1, "図表1-1　農業経営体数の推移", 10), (1, "（万経営体）", 6),
                (2, "コラム1-1", 10), (2, "※数値は概数である。", 8)])
    assert ("note", "※数値は概数である。", None) in got


def test_a_note_under_its_figure_keeps_it() -> None:
    """With no column label between, a note on the next page stays the open figure's."""
    got = rows([(1, BODY, 10), (1, "図表1-1　農業経営体数の推移", 10), (1, "（万経営体）", 6),
                (2, "※数値は概数である。", 8)])
    assert ("note", "※数値は概数である。", "f001") in got
