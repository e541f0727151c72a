"""Running titles set in the foot of a made-up 厚生労働白書-like PDF (``pdf_fixtures``):
the book's title on one page and the section's on the next, each printed once. Before,
both were read as text (the section's title as a heading). Expectations read off the
drawn pages."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))   # pytest's importlib mode
import pdf_fixtures as fx  # noqa: E402

from pipeline.extract.pdf.reader import extract_pdf  # noqa: E402
from pipeline.structure.stage import structure_chapter  # noqa: E402


def foot_titles(path: Path, book: str = "令和５年版　厚生労働白書") -> Path:
    """Two pages of body text; in the foot (8 pt, one baseline) the book's title on the
    left of the first page and the section's title on the right of the second, with a
    page number under them at the foot's centre."""
    c = fx._canvas(path)
    for n in range(2):
        fx.draw_column(c, fx.LEFT_X, 760, [fx.body_line(f"頁{n}行{i}", 40) for i in range(1, 6)])
        if n == 0:
            fx.draw(c, fx.LEFT_X, 30, book, 8)
        else:
            fx.draw(c, fx.LEFT_X + 420 - 8 * 15, 30, "第２節　労働市場の動向と課題", 8)
        fx.draw(c, fx.WIDTH / 2, 16, str(10 + n), 9)
        c.showPage()
    c.save()
    return path


def test_running_titles_printed_once_in_the_foot(tmp_path: Path) -> None:
    ex = extract_pdf(foot_titles(tmp_path / "case.pdf"), "mhlw2024-1-2")
    heads = [(ln.page_index, ln.text) for ln in ex.lines if ln.hint == "running_header"]
    assert heads == [(1, "令和５年版　厚生労働白書"), (2, "第２節　労働市場の動向と課題")]
    result = structure_chapter(ex)
    assert result.sections == []
    assert not any("厚生労働白書" in p["text"] or "労働市場" in p["text"]
                   for p in result.paragraphs)


def test_a_foot_line_naming_no_book_stays_text(tmp_path: Path) -> None:
    """With no book's title to set the slot, a line printed once in the foot is left to
    the text (a section's title there is read as its heading, as before)."""
    ex = extract_pdf(foot_titles(tmp_path / "case.pdf", book="資料の見方について"),
                     "mhlw2024-1-2")
    assert [ln.text for ln in ex.lines if ln.hint == "running_header"] == []
