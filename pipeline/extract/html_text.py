"""Adapter for ``format = "html-text"``: text published one paragraph per line.

No pages and no wrapping: each non-blank line is a paragraph, a heading, a caption,
a source line or a footnote; the structure stage decides which.
"""

from __future__ import annotations

from pipeline.schemas import Extracted, Layout, SourceLine

LAYOUT = Layout(wrapped=False, footnotes="numbered-lines")


def extract_html_text(text: str, chapter_id: str) -> Extracted:
    lines: list[SourceLine] = []
    gap = 0
    for number, raw in enumerate(text.split("\n"), 1):
        if not raw.strip():
            gap += 1
            continue
        lines.append(SourceLine(line=number, text=raw.rstrip(), page_index=None, gap_before=gap))
        gap = 0
    return Extracted(chapter=chapter_id, format="html-text", layout=LAYOUT, lines=tuple(lines))
