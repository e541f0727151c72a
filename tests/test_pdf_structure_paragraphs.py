"""Paragraph starts on other ministries' pages, on made-up PDFs (``pdf_fixtures``).
Expectations read off the drawn pages."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))   # pytest's importlib mode
import pdf_fixtures as fx  # noqa: E402

from pipeline.extract.pdf.reader import extract_pdf  # noqa: E402
from pipeline.structure.stage import structure_chapter  # noqa: E402


def test_heading_in_larger_type_at_the_top_of_a_page(tmp_path: Path) -> None:
    """No line above it on its page: the line below, in the body's size, tells the
    heading in larger type from a paragraph running on from the page before."""
    extracted = extract_pdf(fx.heading_at_page_top(tmp_path / "case.pdf"), "mhlw2024-1-3")
    result = structure_chapter(extracted)
    assert [(s["label"], s["title"], s["page"]) for s in result.sections] == [
        ("", "人手不足への対応", "11")]
    body = [p["text"] for p in result.paragraphs if p["kind"] == "body"]
    assert len(body) == 2 and body[1].startswith("頁1行1")


def test_an_indented_paragraph_under_a_short_bulleted_subhead(tmp_path: Path) -> None:
    """``●国・地域別の状況`` stands short on its line: the line indented one em under it
    opens a paragraph (no item's text wraps from a short line); an item whose first line
    fills the column still hangs its second line under its text. The sub-head, in a
    gothic face at body size over mincho body text, is a heading."""
    result = structure_chapter(extract_pdf(fx.bulleted_subheads(tmp_path / "case.pdf"),
                                           "mlit2024-1-2"))
    assert [(s["label"], s["title"]) for s in result.sections] == [("", "国・地域別の状況")]
    body = [p["text"] for p in result.paragraphs if p["kind"] == "body"]
    assert body[1:3] == [
        "国・地域別にみると、韓国が最も多く、次いで台湾、中国、香港、米国の順となっている。"
        "上位5か国・地域で全体の約7割を占めている。",
        "●東アジア市場における個人旅行者の取込みと、欧米豪市場における高付加価値旅行者の"
        "誘致を進める。"]
