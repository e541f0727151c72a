"""A page's line drafts → numbered ``SourceLine`` records (``reader.number_lines``):
lines without text are left out, the rest numbered from 1 on their page, and each
record's JSON is the one a record made whole gives."""

from __future__ import annotations

from pipeline.extract.pdf.hints import LineDraft
from pipeline.extract.pdf.reader import number_lines
from pipeline.schemas import SourceLine


def test_number_lines_makes_each_record_once_with_its_place() -> None:
    drafts = [LineDraft(text="－ 12 －", hint="page_number", x0=290.0, size=9.0, extras={}),
              LineDraft(text="", hint="", x0=60.0, size=10.5, extras={}),
              LineDraft(text="農業産出額は前年に比べ増加した。", hint="", x0=60.0, size=10.5,
                        extras={"starts_paragraph": True}),
              LineDraft(text="さんしゅつ", hint="ruby", x0=80.0, size=5.0, extras={})]
    lines = number_lines(drafts, 3, "12")
    assert [(ln.line, ln.text, ln.page_index, ln.page) for ln in lines] == [
        (1, "－ 12 －", 3, "12"), (2, "農業産出額は前年に比べ増加した。", 3, "12"),
        (3, "さんしゅつ", 3, "12")]
    whole = SourceLine(line=2, text="農業産出額は前年に比べ増加した。", page_index=3, page="12",
                       x0=60.0, size=10.5, extras={"starts_paragraph": True})
    assert lines[1] == whole and list(lines[1].to_json()) == list(whole.to_json())
    assert number_lines([], 1, None) == []
