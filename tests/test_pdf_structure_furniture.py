"""Page furniture of other ministries' layouts, on made-up PDFs (``pdf_fixtures``):
running heads that change from page to page. Expectations read off the drawn pages."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))   # pytest's importlib mode
import pdf_fixtures as fx  # noqa: E402

from pipeline.extract.pdf.reader import extract_pdf  # noqa: E402
from pipeline.structure.stage import structure_chapter  # noqa: E402


def test_running_head_printed_once_in_the_header_slot(tmp_path: Path) -> None:
    """The section's title heads the one odd page: not repeated, but topmost, on the
    baseline and in the size of the chapter's head found on the even pages."""
    ex = extract_pdf(fx.alternating_running_heads(tmp_path / "case.pdf"), "mhlw2024-1-2")
    heads = [(ln.page_index, ln.text) for ln in ex.lines if ln.hint == "running_header"]
    assert heads == [(1, "第１章　人口減少社会の課題"), (2, "第２節　労働市場の動向と課題"),
                     (3, "第１章　人口減少社会の課題")]
    # the same words as a heading in larger type below the head stay in the text
    assert [ln.hint for ln in ex.lines if ln.text == "第２節　労働市場の動向と課題"
            and ln.page_index == 1] == [""]
    result = structure_chapter(ex)
    assert [(s["label"], s["title"]) for s in result.sections] == [("第２節", "労働市場の動向と課題")]
    assert not any("労働市場" in p["text"] for p in result.paragraphs)


def test_two_pages_whose_heads_differ(tmp_path: Path) -> None:
    """Two pages, each head printed once: the topmost lines of both pages share a
    baseline and a size smaller than the body's, the slot of a running head."""
    ex = extract_pdf(fx.alternating_running_heads(tmp_path / "case.pdf", pages=2),
                     "mhlw2024-1-2")
    heads = [(ln.page_index, ln.text) for ln in ex.lines if ln.hint == "running_header"]
    assert heads == [(1, "第１章　人口減少社会の課題"), (2, "第２節　労働市場の動向と課題")]
    # body lines at the top of page 2 share a baseline with nothing: body text
    assert all(ln.hint == "" for ln in ex.lines if ln.text.startswith("頁"))
    result = structure_chapter(ex)
    assert [(s["level"], s["label"]) for s in result.sections] == [(2, "第２節")]
