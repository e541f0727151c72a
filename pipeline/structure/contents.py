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
from pipeline.structure.patterns import HeadingMatch, match_heading

MIN_ENTRIES = 2        # a contents page lists two headings at least
MIN_REPEATED = 1       # … and one of them at least is printed again later (a part's
#                        contents lists chapters the file may not hold)
MAX_LABEL_CHARS = 8   # a label alone (``第1章``, ``第1節``) is no longer than this
REASON = "table_of_contents"
# An entry's page number at its end, after leader dots or white space (``…… 12``).
PAGE_AT_END = re.compile(r"(?:[…‥・.．·]{2,}|[ \u3000])[ \u3000]*[0-9０-９]{1,4}$")
SENTENCE_ENDS = ("。", "．")


def label_alone(text: str) -> bool:
    """A heading label printed without its title (``第1章``, ``第1節``)."""
    return is_label_alone(text, match_heading(text))


def is_label_alone(text: str, own: HeadingMatch | None) -> bool:
    """``label_alone`` of a text whose ``match_heading`` is ``own``."""
    if own is not None:
        return not own.title
    if len(text) > MAX_LABEL_CHARS:   # decided before a second heading match
        return False
    probe = match_heading(f"{text}\u3000見出し")
    return probe is not None and probe.title == "見出し"


Read = tuple[str, "HeadingMatch | None"]   # a line's stripped text and its match_heading


def read_line(line: SourceLine) -> Read:
    text = line.text.strip()
    return text, match_heading(text)


def without_page_number(text: str) -> str:
    """An entry without the page number at its end (``…… 12``); a text not ending in a
    digit has none, and is not searched."""
    return PAGE_AT_END.sub("", text).strip() if text[-1:].isdigit() else text


def entry_titles(page: Sequence[Read]) -> list[str]:
    """The titles of the page's heading-shaped lines, page numbers at their end cut off;
    a label alone takes the next line as its title."""
    titles: list[str] = []
    for i, (text, own) in enumerate(page):
        if is_label_alone(text, own):
            following, heading = page[i + 1] if i + 1 < len(page) else ("", None)
            if following and heading is None and not is_label_alone(following, None):
                titles.append(without_page_number(following))
            continue
        entry = without_page_number(text)
        heading = own if entry == text else match_heading(entry)
        if heading is not None and heading.title:
            titles.append(heading.title)
    return titles


def last_pages(lines: Sequence[SourceLine], read: Sequence[Read]) -> dict[str, int]:
    """The last page each text is printed on: every line's text and the title of every
    heading line (``read``: ``read_line`` of each line). A title is printed after page
    ``p`` when its last page is after ``p``; one pass over the chapter, where a set of the
    text after each candidate page cost a heading match per line and page (a third of
    st2019-2-5's structure stage, measured)."""
    last: dict[str, int] = {}
    for line, (text, heading) in zip(lines, read, strict=True):
        if line.page_index is None:
            continue
        keys = (text, heading.title) if heading is not None and heading.title else (text,)
        for key in keys:
            if last.get(key, -1) < line.page_index:
                last[key] = line.page_index
    return last


def is_contents_page(page: Sequence[Read], last_page: Callable[[], dict[str, int]],
                     page_index: int) -> bool:
    """``page``: ``read_line`` of each line of the page; ``last_page``: ``last_pages`` of
    the chapter's lines, made on first need."""
    titles = entry_titles(page)
    if len(titles) < MIN_ENTRIES:          # most pages: the later text is never read
        return False
    last = last_page()
    if sum(last.get(title, -1) > page_index for title in titles) < MIN_REPEATED:
        return False
    prose = any(text.endswith(SENTENCE_ENDS) for text, _ in page)
    numbered = sum(bool(PAGE_AT_END.search(text)) for text, _ in page)
    return not prose or 2 * numbered >= len(titles)


def split_contents_pages(lines: list[SourceLine]) -> tuple[list[SourceLine], list[Removed]]:
    """Lines of table-of-contents pages → ``removed`` (reason ``table_of_contents``).
    Each line is stripped and matched as a heading once, for its page and the chapter."""
    if len({line.page_index for line in lines} - {None}) < 2:
        return lines, []
    read = [read_line(line) for line in lines]
    pages: dict[int, list[Read]] = {}
    for line, line_read in zip(lines, read, strict=True):
        if line.page_index is not None:
            pages.setdefault(line.page_index, []).append(line_read)
    last_page = functools.cache(lambda: last_pages(lines, read))
    contents = {page_index for page_index, page in pages.items()
                if is_contents_page(page, last_page, page_index)}
    if not contents:
        return lines, []
    kept = [line for line in lines if line.page_index not in contents]
    removed = [Removed(line.page_index, line.line, line.text.strip(), REASON)
               for line in lines if line.page_index in contents]
    return kept, removed
