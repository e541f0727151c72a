"""Headings of other ministries' PDFs, on made-up pages (``pdf_fixtures``).
Expectations read off the drawn page."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))   # pytest's importlib mode
import pdf_fixtures as fx  # noqa: E402
import pytest  # noqa: E402

from pipeline.extract.pdf.font_names import GOTHIC, MINCHO, NO_FACE, font_face  # noqa: E402
from pipeline.extract.pdf.reader import extract_pdf  # noqa: E402
from pipeline.extract.pdf.settings import PdfSettings  # noqa: E402
from pipeline.structure.stage import structure_chapter  # noqa: E402


def test_a_lone_first_ordinal_in_heading_type(tmp_path: Path) -> None:
    result = structure_chapter(extract_pdf(fx.lone_ordinal_heading(tmp_path / "case.pdf"),
                                           "npa2024-3-1"))
    got = [(s["level"], s["label"], s["title"]) for s in result.sections]
    assert got[:2] == [(1, "第３章", "組織犯罪対策"), (2, "第1", "暴力団情勢")]
    # 第3 with no 第2 before it: a heading by its type (at the level of 第1's type),
    # its number not read
    assert got[2:] == [(2, "", "第3　組織の動向")]


def gothic_subheads_result(tmp_path: Path, all_gothic: bool, source: str) -> tuple[
        list[tuple[int, str, str, str]], list[str]]:
    path = fx.gothic_subheads(tmp_path / f"case_{all_gothic}_{source}.pdf", all_gothic)
    result = structure_chapter(extract_pdf(path, "mlit2024-1-2", PdfSettings(source=source)))
    sections = [(s["level"], s["label"], s["title"], s["flag"] or "") for s in result.sections]
    return sections, [p["text"] for p in result.paragraphs if p["kind"] == "body"]


PROSE = ("訪日外国人旅行者数は増加を続けており、地域経済の活性化に大きく寄与している。"
         "今後も受入環境の整備を進めることが重要である。")


@pytest.mark.parametrize("source", ["pdfium", "pdfplumber"])
def test_gothic_subheads_at_body_size_over_mincho_body(tmp_path: Path, source: str) -> None:
    """Sub-heads in a gothic face of regular weight (HeiseiKakuGo-W5) at body size over
    body text in mincho (HeiseiMin-W3) are in heading type, as a bold face is: the
    ``●`` line is a heading and the ``①②`` heads are not flagged ``numbering_only``;
    a gothic word inside a body line and a whole gothic sentence filling the line
    stay body text. Both character sources read it alike."""
    sections, body = gothic_subheads_result(tmp_path, False, source)
    assert sections == [(2, "", "国・地域別の状況", ""),
                        (3, "①", "訪日外国人旅行者数の推移", ""),
                        (3, "②", "旅行消費額の動向", "")]
    assert body == [PROSE, PROSE, PROSE,
                    "このうち個人旅行者の割合は年々高まっている。"
                    "観光は我が国の成長戦略の柱であり、地方創生の切り札であることから、"
                    "政府一体となって取組を進める。"]


@pytest.mark.parametrize("source", ["pdfium", "pdfplumber"])
def test_a_document_set_all_in_gothic_has_no_face_heads(tmp_path: Path, source: str) -> None:
    """The same page set in gothic throughout: no face stands out, so the ``●`` line
    stays a body paragraph and the ``①②`` heads are read from their numbering run
    alone, flagged ``numbering_only`` (their type is the body's)."""
    sections, body = gothic_subheads_result(tmp_path, True, source)
    assert sections == [(3, "①", "訪日外国人旅行者数の推移", "numbering_only"),
                        (3, "②", "旅行消費額の動向", "numbering_only")]
    assert body[0] == "●国・地域別の状況"


@pytest.mark.parametrize(("name", "face"), [
    ("HeiseiKakuGo-W5", GOTHIC), ("ABCDEF+MS-PGothic", GOTHIC), ("UDShinMGoPr6N-Regular", GOTHIC),
    ("BCDJEE+TBPｺﾞｼｯｸSL", GOTHIC), ("ＭＳ Ｐゴシック", GOTHIC), ("RgPG2サンセリフ-B", GOTHIC),
    ("NotoSansCJKjp-Regular", GOTHIC), ("HeiseiMin-W3", MINCHO), ("KozMinPr6N-Regular", MINCHO),
    ("UDReiminPr6N-Regular", MINCHO), ("BCDMEE+ＤＦＰ平成明朝体W3", MINCHO),
    ("ArialMT", NO_FACE), ("Century", NO_FACE), ("Admin", NO_FACE), ("Logo", NO_FACE)])
def test_the_face_a_font_name_tells(name: str, face: int) -> None:
    """Family words are parts of the name (``Go`` of ``KozGo``, not of ``Logo``; ``Min``
    of ``HeiseiMin``, not of ``Admin``) or words in Japanese anywhere in it."""
    assert font_face(name) == face
