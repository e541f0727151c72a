"""Reading order of other ministries' two-column pages, on made-up PDFs
(``pdf_fixtures``). Expectations read off the drawn page."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))   # pytest's importlib mode
import pdf_fixtures as fx  # noqa: E402

from pipeline.extract.pdf.reader import extract_pdf  # noqa: E402
from pipeline.structure.stage import structure_chapter  # noqa: E402


def test_a_photo_in_one_column_does_not_cut_the_columns(tmp_path: Path) -> None:
    """An empty frame (a photograph) in the right column beside the left column's
    chart: the left column is read whole, then the right one."""
    ex = extract_pdf(fx.photo_in_one_column(tmp_path / "case.pdf"), "env2024-1-2")
    tags = [ln.text[:3].rstrip("本") for ln in ex.lines if ln.text[:1] in "左続右"]
    assert tags == ([f"左{i}" for i in range(1, 7)] + [f"続{i}" for i in range(1, 19)]
                    + [f"右{i}" for i in range(1, 7)])
    texts = [ln.text for ln in ex.lines]
    assert texts.index("資料：試験用に作成") < texts.index(next(t for t in texts
                                                            if t.startswith("続1")))
    assert texts.index("写真　試験用の写真の題名") > texts.index(next(
        t for t in texts if t.startswith("続18")))


def test_a_short_boxed_column_opened_by_its_label(tmp_path: Path) -> None:
    """A shaded box whose first line is ``コラム　題名`` and which holds three full lines
    of prose and a last short one: a boxed column (its label, then one paragraph), not
    a figure's words line by line."""
    result = structure_chapter(extract_pdf(fx.short_labelled_column(tmp_path / "case.pdf"),
                                           "mhlw2024-1-1"))
    assert [(p["kind"], p["text"]) for p in result.paragraphs if p["kind"] != "body"] == [
        ("column", "コラム　地域における子育て支援の取組"),
        ("column", "A市では、地域の子育て支援拠点において、保育士等の専門職による相談支援を"
                   "行っている。利用者からは、気軽に相談できる場所があることで、子育ての不安が"
                   "軽減されたとの声が寄せられている。こうした地域の取組は、子育て世帯の孤立を"
                   "防ぐ上で重要な役割を果たしている。")]
    assert result.figures == []


def test_a_side_column_of_notes_beside_the_main_column(tmp_path: Path) -> None:
    """防衛白書's page: a narrow column of note boxes in 8 pt beside a wide main column.
    The main column's paragraphs are read whole (no note line between two of their
    lines), the notes after them."""
    result = structure_chapter(extract_pdf(fx.side_column_notes(tmp_path / "case.pdf"),
                                           "mod2024-3-1"))
    texts = [p["text"] for p in result.paragraphs]
    first = ("我が国は、戦後最も厳しく複雑な安全保障環境に直面している。このため、防衛力を"
             "抜本的に強化することとした。防衛力は、我が国の安全保障を確保するための最終的な"
             "担保である。")
    second = ("日米両国は、日米安全保障協議委員会において、同盟の役割、任務及び能力について"
              "議論を重ね、共同対処のための態勢を強化してきた。引き続き、あらゆる段階で緊密に"
              "連携していく。この連携は、平素から緊急事態に至るまで切れ目なく行われる。")
    assert texts[:4] == [first, second, first, second]
    assert all(p["kind"] == "body" for p in result.paragraphs[:4])
    assert "".join(texts[4:]) == ("解説　抑止力相手に対し、攻撃をしても目的を達成できず、"
                                  "損害を被ると認識させる能力をいう。用語　反撃能力相手の"
                                  "ミサイル発射基地等に対し、有効な反撃を加える能力をいう。")
    assert all(p["kind"] != "body" for p in result.paragraphs[4:])
