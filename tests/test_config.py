"""The registry and text sources: bad input gives one clear line naming the file, the
place and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import Paths, load_registry, parse_registry
from pipeline.errors import PipelineError
from pipeline.extract.source_text import decode_source

ENTRY = """
[[chapter]]
id = "{id}"
source = "{source}"
format = "{format}"
white_paper = "令和元年版 科学技術白書"
white_paper_en = "White Paper on Science and Technology 2019"
year = 2019
publisher = "文部科学省"
title = "テスト"
"""


def entry(id: str = "st2019-9-9", source: str = "x.txt", format: str = "pdf-text") -> str:
    return ENTRY.format(id=id, source=source, format=format)


def test_the_shipped_registry_parses(root: Path) -> None:
    chapters = load_registry(Paths(root))
    assert [c.id for c in chapters][:2] == ["st2019-2-5", "ict2019-3-1"]
    assert chapters[0].format == "pdf-text" and chapters[1].format == "html-text"
    assert chapters[0].encoding == "utf-8"


@pytest.mark.parametrize(("text", "message"), [
    ("[[chapter]\nid = 1", "malformed TOML"),
    (entry() + entry(), "duplicate chapter id 'st2019-9-9'"),
    (entry(format="docx"), "unknown format 'docx'"),
    (entry(id="chapter one"), "is not a lowercase slug"),
    (entry(id="St2019-2-5"), "is not a lowercase slug"),
    (entry(id="2019-st"), "is not a lowercase slug"),
    (entry(id="st2019--5"), "is not a lowercase slug"),
    (entry(source="raw/x.txt"), "written without 'raw/' (e.g. 'x.txt')"),
    (entry(source="../x.txt"), "must be a path under raw/"),
    (entry().replace('year = 2019', 'year = "2019"'), "year must be a number"),
    (entry().replace('title = "テスト"\n', ""), "missing title"),
    (entry() + 'encoding = "klingon"\n', "unknown encoding 'klingon'"),
    ("# nothing\n", "no [[chapter]] tables"),
])
def test_bad_registries_are_refused_with_the_fix(text: str, message: str) -> None:
    with pytest.raises(PipelineError) as caught:
        parse_registry(text, "raw/chapters.toml")
    assert message in str(caught.value)
    assert str(caught.value).startswith("raw/chapters.toml")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("chapter_id", ["shoshika2022-1-1-3", "bousai2024-t2-1", "mlit2023-1-1",
                                        "ab", "x1"])
def test_any_lowercase_slug_is_an_id(chapter_id: str) -> None:
    assert parse_registry(entry(id=chapter_id))[0].id == chapter_id


def test_errors_name_the_line_of_the_entry() -> None:
    with pytest.raises(PipelineError, match=r"raw/chapters.toml:12: duplicate"):
        parse_registry(entry() + entry(), "raw/chapters.toml")


def test_encodings() -> None:
    text = "第1節　ＩＣＴ産業の動向\n"
    assert decode_source(b"\xef\xbb\xbf" + text.encode(), "utf-8", "x.txt") == text
    assert decode_source(text.encode("cp932"), "cp932", "x.txt") == text
    assert decode_source(b"a\r\nb\r\n", "utf-8", "x.txt") == "a\nb\n"


def test_wrong_encoding_names_the_line_and_the_likely_one() -> None:
    data = "一行目\n二行目は日本語\n".encode("cp932")
    with pytest.raises(PipelineError) as caught:
        decode_source(data, "utf-8", "raw/x.txt")
    assert str(caught.value).startswith("raw/x.txt:1: does not decode as utf-8")
    assert 'encoding = "cp932"' in str(caught.value)


@pytest.mark.parametrize("data", [b"", b"  \n\n", "\u3000\n".encode()])
def test_empty_sources_are_refused(data: bytes) -> None:
    with pytest.raises(PipelineError, match="empty|only whitespace"):
        decode_source(data, "utf-8", "raw/x.txt")
