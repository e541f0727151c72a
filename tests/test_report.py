"""The HTML report: parses, is self-contained, names every chapter and its flags."""

from __future__ import annotations

import base64
import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd

from pipeline.common.frames import to_frame, write_csv, write_parquet
from pipeline.config import Paths, load_registry
from pipeline.corpus.report import figure_png, load_chapter, plot_paragraph_kinds, write_report
from pipeline.schemas import DATASETS
from tests.conftest import needs_output
from tests.projects import copy_build as copy_build_of

ROOT = Path(__file__).resolve().parent.parent
CHAPTER = "st2019-2-5"
PNG = b"\x89PNG\r\n\x1a\n"


class Page(HTMLParser):
    """What the tests look at: element ids, image sources, outside links, the text."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.images: list[str] = []
        self.external: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(str(found["id"]))
        if tag == "img":
            self.images.append(str(found.get("src")))
        if tag in ("script", "link", "iframe") or (tag == "img" and not str(
                found.get("src")).startswith("data:")):
            self.external.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def copy_build(tmp_path: Path, chapters: tuple[str, ...] = ()) -> Paths:
    """output/ and interim/extract copied into tmp_path; only ``chapters`` if given."""
    paths = copy_build_of(ROOT, tmp_path, chapters, ("*.sqlite", "*.html", "*.json"))
    shutil.copytree(ROOT / "interim" / "extract", tmp_path / "interim" / "extract")
    return paths


def plant_flags(paths: Paths) -> None:
    """A flagged paragraph and heading, a flagged page, a poor table and a number
    without unit."""
    folder = paths.output / CHAPTER
    paragraphs = pd.read_parquet(folder / "paragraphs.parquet")
    paragraphs.loc[3, "flag"] = "cut_upstream"
    write_parquet(paragraphs, folder / "paragraphs.parquet")
    sections = pd.read_parquet(folder / "sections.parquet")
    sections.loc[2, "flag"] = "numbering_only"
    write_parquet(sections, folder / "sections.parquet")
    extract = paths.stage_dir("extract") / f"{CHAPTER}.json"
    data = json.loads(extract.read_text(encoding="utf-8"))
    data["page_flags"] = [{"page_index": 4, "flag": "cid_codes"}]
    extract.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    tables = to_frame(DATASETS["tables"], [{"chapter": CHAPTER, "table_id": "t_poor",
                                            "title": "崩れた表", "quality": 0.25}])
    write_parquet(tables, folder / "tables.parquet")
    numbers = to_frame(DATASETS["numbers"], [{"chapter": CHAPTER, "para_id": "p0001",
                                              "start": 0, "end": 3, "surface": "三百二",
                                              "value": 302.0}])
    write_parquet(numbers, folder / "numbers.parquet")
    write_csv(numbers, folder / "numbers.csv")


@needs_output
def test_the_report_names_every_chapter_and_its_flags(tmp_path: Path) -> None:
    paths = copy_build(tmp_path)
    plant_flags(paths)
    target = write_report(paths)
    page = Page()
    page.feed(target.read_text(encoding="utf-8"))
    page.close()
    text = " ".join(page.text)
    for chapter in load_registry(paths):
        assert chapter.id in page.ids
        assert chapter.title in text
    flagged_id = pd.read_parquet(paths.output / CHAPTER / "paragraphs.parquet").loc[3, "para_id"]
    flagged_heading = pd.read_parquet(paths.output / CHAPTER / "sections.parquet").loc[
        2, "section_id"]
    for planted in ("cut_upstream", flagged_id, "numbering_only", flagged_heading,
                    "cid_codes", "t_poor", "三百二", "no unit, no period"):
        assert planted in text
    assert page.external == []
    assert 2 <= len(page.images) <= 3
    for source in page.images:
        assert base64.b64decode(source.split(",", 1)[1]).startswith(PNG)


@needs_output
def test_the_report_lists_validation_problems(tmp_path: Path) -> None:
    paths = copy_build(tmp_path, (CHAPTER,))
    folder = paths.output / CHAPTER
    footnotes = pd.read_parquet(folder / "footnotes.parquet")
    footnotes.loc[2, "para_id"] = "p9999"
    write_parquet(footnotes, folder / "footnotes.parquet")
    write_csv(footnotes, folder / "footnotes.csv")
    page = Page()
    page.feed(write_report(paths).read_text(encoding="utf-8"))
    text = " ".join(page.text)
    assert "1 error(s)" in text and "'p9999' is not a paragraphs.para_id" in text


@needs_output
def test_a_plot_renders_japanese_glyphs() -> None:
    """IPAexGothic is the font in use, so labels are glyphs, not tofu boxes."""
    from matplotlib import font_manager, rcParams

    paths = Paths(ROOT)
    data = [load_chapter(c, paths) for c in load_registry(paths)
            if (paths.output / c.id).is_dir()]
    assert figure_png(plot_paragraph_kinds, data).startswith(PNG)
    font = font_manager.findfont(rcParams["font.family"][0], fallback_to_default=False)
    assert "ipaex" in Path(font).name.lower()
