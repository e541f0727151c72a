"""Tables of contents: pages that list headings printed later, taken out before assembly.

A part's title page often prints the table of contents of the chapters that follow
(``第1章`` / ``令和6年能登半島地震及びその被害の概要`` …): read as lines, its entries
look like headings and open the outline with chapters that are not there. A page is a
table of contents on evidence measured on the page and the document alone:

- at least ``MIN_ENTRIES`` lines carry a heading label (``第1章``, ``1``, ``（1）`` …),
  with their title on the line or, for a label standing alone, on the next line;
- at least ``MIN_REPEATED`` of those titles is printed again on a later page;
- and the page holds no running text (no line ends a sentence) or most of its entries
  end in a page number (``…… 12``).

Its lines go to ``removed`` with the reason ``table_of_contents``: nothing is dropped
silently. Pure functions: lines in, new lists out.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from pipeline.schemas import SourceLine
from pipeline.structure.lines import Removed
from pipeline.structure.patterns import match_heading

MIN_ENTRIES = 2        # a contents page lists two headings at least
MIN_REPEATED = 1       # … and one of them at least is printed again later (a part's
#                        contents lists chapters the file may not hold)
REASON = "table_of_contents"
# An entry's page number at its end, after leader dots or white space (``…… 12``).
PAGE_AT_END = re.compile(r"(?:[…‥・.．·]{2,}|[ \u3000])[ \u3000]*[0-9０-９]{1,4}$")
SENTENCE_ENDS = ("。", "．")


def label_alone(text: str) -> bool:
    """A heading label printed without its title (``第1章``, ``第1節``)."""
    own = match_heading(text)
    if own is not None:
        return not own.title
    probe = match_heading(f"{text}\u3000見出し")
    return probe is not None and probe.title == "見出し" and len(text) <= 8


def entry_titles(lines: Sequence[SourceLine]) -> list[str]:
    """The titles of the page's heading-shaped lines, page numbers at their end cut off;
    a label alone takes the next line as its title."""
    titles: list[str] = []
    texts = [line.text.strip() for line in lines]
    for i, text in enumerate(texts):
        if label_alone(text):
            following = texts[i + 1] if i + 1 < len(texts) else ""
            if following and match_heading(following) is None and not label_alone(following):
                titles.append(PAGE_AT_END.sub("", following).strip())
            continue
        heading = match_heading(PAGE_AT_END.sub("", text).strip())
        if heading is not None and heading.title:
            titles.append(heading.title)
    return titles


def last_pages(lines: Sequence[SourceLine]) -> dict[str, int]:
    """The last page each text is printed on: every line's text and the title of every
    heading line. A title is printed after page ``p`` when its last page is after ``p``;
    one pass over the chapter, where a set of the text after each candidate page cost a
    heading match per line and page (a third of st2019-2-5's structure stage, measured)."""
    last: dict[str, int] = {}
    for line in lines:
        if line.page_index is None:
            continue
        text = line.text.strip()
        heading = match_heading(text)
        keys = (text, heading.title) if heading is not None and heading.title else (text,)
        for key in keys:
            if last.get(key, -1) < line.page_index:
                last[key] = line.page_index
    return last


def is_contents_page(page_lines: Sequence[SourceLine], last_page: Callable[[], dict[str, int]],
                     page: int) -> bool:
    """``last_page``: ``last_pages`` of the chapter's lines, made on first need."""
    titles = entry_titles(page_lines)
    if len(titles) < MIN_ENTRIES:          # most pages: the later text is never read
        return False
    last = last_page()
    if sum(last.get(title, -1) > page for title in titles) < MIN_REPEATED:
        return False
    prose = any(line.text.strip().endswith(SENTENCE_ENDS) for line in page_lines)
    numbered = sum(bool(PAGE_AT_END.search(line.text.strip())) for line in page_lines)
    return not prose or 2 * numbered >= len(titles)


def split_contents_pages(lines: list[SourceLine]) -> tuple[list[SourceLine], list[Removed]]:
    """Lines of table-of-contents pages → ``removed`` (reason ``table_of_contents``)."""
    pages: dict[int, list[SourceLine]] = {}
    for line in lines:
        if line.page_index is not None:
            pages.setdefault(line.page_index, []).append(line)
    if len(pages) < 2:
        return lines, []
    last_page = functools.cache(lambda: last_pages(lines))
    contents = {page for page, page_lines in pages.items()
                if is_contents_page(page_lines, last_page, page)}
    if not contents:
        return lines, []
    kept = [line for line in lines if line.page_index not in contents]
    removed = [Removed(line.page_index, line.line, line.text.strip(), REASON)
               for line in lines if line.page_index in contents]
    return kept, removed
