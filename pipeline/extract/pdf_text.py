"""Adapter for ``format = "pdf-text"``: text extracted from a printed PDF.

What this layout looks like (and what the rules below rely on): every printed line
is followed by a blank line; a page's first line begins with a space; running
headers (``第N部 …``/``第Ⅰ部 …``/``第N章 …``, or the book's title, printed the same on
every page) sit beside a line holding only the printed page number (bare or between
dashes, ``－ 2 －``; front matter numbered in small roman numerals alone, ``ⅲ``); the chapter tab on the page edge comes out as one character per line; a
footnote block starts with a long line of spaces. Lines holding only a few spaces are
layout noise and count as blank. Where the extractor marks its pages with form feeds
(``pdftotext`` sets one before each page's first line), they are the pages.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace

from pipeline.common.page_numbers import PAGE_NUMBER
from pipeline.common.running_titles import is_book_title
from pipeline.common.text import ascii_digits
from pipeline.extract.pages import printed_numbers
from pipeline.schemas import Extracted, Layout, SourceLine

LAYOUT = Layout(wrapped=True, footnotes="rule-block", double_spaced=True)

RULE_MIN_SPACES = 10
# Front matter numbered in small roman numerals alone (``ⅲ``, ``- iv -``)
ROMAN_PAGE = re.compile(r"^\s*[-－‐—]?\s*(?P<roman>[ⅰ-ⅿ]{1,4}|[ivxlc]{1,7})\s*[-－‐—]?\s*$")
RUNNING_HEADER = re.compile(r"^\s*第[0-9０-９Ⅰ-Ⅻ]{1,2}[部章編]\s*\S")
HEADING_LIKE = re.compile(r"^\s*(?:[0-9０-９]{1,2}|（[0-9０-９]{1,2}）|第[0-9０-９]{1,2}節)\s")
FURNITURE_REACH = 2          # header and page number sit within this many lines
VERTICAL_RUN_MIN = 3         # a chapter tab printed one character per line
SENTENCE_ENDS = "。．！？"      # a line ending so is text, never a running head
DASHES_AND_SPACES = "-－‐— \u3000"
MIN_PAGE_LINES = 3           # lines between two page numbers at least (else a figure's items)
FORM_FEED = "\f"             # set between pages by text extractors (pdftotext)


@dataclass(frozen=True, slots=True)
class _Raw:
    line: int
    text: str
    gap: int
    rule: bool
    feed: bool = False       # a form feed before it: a page's first line


def _content_lines(text: str) -> list[_Raw]:
    """The lines with text (and the rules of spaces), each with the count of blank lines
    before it; a form feed is taken out of the text and marks the next line as a page's
    first (after a line's text, the line after it)."""
    items: list[_Raw] = []
    gap = 0
    feed = False
    for number, raw in enumerate(text.split("\n"), 1):
        raw = raw.rstrip("\n")
        after_text = False
        if FORM_FEED in raw:
            after_text = bool(raw[:raw.index(FORM_FEED)].strip())
            feed = feed or not after_text
            raw = raw.replace(FORM_FEED, "")
        if not raw.strip():
            if len(raw) >= RULE_MIN_SPACES:
                items.append(_Raw(number, raw, gap, True, feed))
                gap, feed = 0, False
            else:
                gap += 1
        else:
            items.append(_Raw(number, raw, gap, False, feed))
            gap, feed = 0, False
        feed = feed or after_text
    return items


def find_furniture(items: list[_Raw]) -> dict[int, str]:
    """Index → hint for running headers, page numbers and vertical chapter tabs. A
    running header sits beside a page number: a part or chapter head (``第Ⅰ部 …``), or a
    line printed the same beside another page number too (the book's title,
    ``令和５年版 国土交通白書``)."""
    hints: dict[int, str] = {}
    numbers = [i for i, it in enumerate(items) if not it.rule and PAGE_NUMBER.match(it.text)]
    beside = {i: [j for j in range(max(0, i - FURNITURE_REACH),
                                   min(len(items), i + FURNITURE_REACH + 1))
                  if j != i and not items[j].rule and j not in numbers]
              for i in numbers}
    # printed on two pages at least: two lines of the same text (one line beside two
    # page numbers, on a short page, is no running head)
    seen = Counter(items[j].text.strip() for j in {j for js in beside.values() for j in js})
    for i in numbers:
        headers = [j for j in beside[i]
                   if (RUNNING_HEADER.match(items[j].text) and not opens_next_page(items, i, j))
                   or (seen[items[j].text.strip()] >= 2
                       and items[j].text.strip()[-1:] not in SENTENCE_ENDS)
                   or is_book_title(items[j].text)]
        if headers:
            hints[i] = "page_number"
            for j in headers:
                hints[j] = "running_header"
    hints.update({i: "page_number" for i in lone_page_numbers(items, numbers, hints)})
    hints.update({i: "page_number" for i in roman_page_numbers(items)})
    run: list[int] = []
    for i, it in enumerate(items + [_Raw(0, "", 1, False)]):
        single = len(it.text.strip()) == 1 and not it.rule
        if single and (not run or it.gap == 0):
            run.append(i)
            continue
        if len(run) >= VERTICAL_RUN_MIN:
            hints.update({j: "vertical_text" for j in run})
        run = [i] if single else []
    return hints


def opens_next_page(items: list[_Raw], number: int, j: int) -> bool:
    """``items[j]``, right after the page number ``items[number]`` (page numbers between
    aside), begins with a space: the next page's first line (`` 第1章 人口減少社会の到来``
    under the footer of the page before), not a part or chapter head printed once as
    this page's running head. (A line printed the same on two pages stays a running
    head wherever it stands.)"""
    return (j > number and _space_led(items[j])
            and all(PAGE_NUMBER.match(items[k].text) for k in range(number + 1, j)))


def lone_page_numbers(items: list[_Raw], numbers: list[int], hints: dict[int, str],
                      ) -> list[int]:
    """Page numbers printed with no running head beside them (a chapter's opening page,
    ``－ 1 －``): a number alone on its line that continues the page numbers found beside
    running heads, one less than the next or one more than the one before, a page's
    lines away from it, at a page's edge (it, or the line after it, begins with a space:
    a page's first line does); a figure's ``1`` above the page's foot is none."""
    found = [i for i in numbers if hints.get(i) == "page_number"]
    value = {i: int(ascii_digits(items[i].text).strip(DASHES_AND_SPACES)) for i in numbers}
    lone = []
    for i in numbers:
        edge = _space_led(items[i]) or (i + 1 < len(items) and _space_led(items[i + 1]))
        if i in hints or not edge:
            continue
        before = [j for j in found if j < i][-1:]
        after = [j for j in found if j > i][:1]
        if any(value[j] + 1 == value[i] and i - j > MIN_PAGE_LINES for j in before) \
                or any(value[j] - 1 == value[i] and j - i > MIN_PAGE_LINES for j in after):
            lone.append(i)
    return lone


ROMAN_DIGITS = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def roman_value(text: str) -> int | None:
    """``ⅲ`` / ``iii`` → 3; None for what is no well-formed roman numeral (``iiiii``)."""
    letters = unicodedata.normalize("NFKC", text).lower()
    if not letters or any(ch not in ROMAN_DIGITS for ch in letters):
        return None
    values = [ROMAN_DIGITS[ch] for ch in letters]
    value = sum(-v if v < after else v for v, after in zip(values, values[1:] + [0], strict=True))
    return value if 0 < value < 400 and to_roman(value) == letters else None


def to_roman(value: int) -> str:
    out = ""
    for symbol, number in (("c", 100), ("xc", 90), ("l", 50), ("xl", 40), ("x", 10),
                           ("ix", 9), ("v", 5), ("iv", 4), ("i", 1)):
        while value >= number:
            out += symbol
            value -= number
    return out


def roman_page_numbers(items: list[_Raw]) -> list[int]:
    """Indexes of lines holding only a small roman numeral that number pages: two such
    lines at least, their values rising along the text (front matter, ``ⅲ`` then
    ``ⅳ``), a page's lines apart; a lone ``ⅱ``, or ``ⅰ`` ``ⅱ`` ``ⅲ`` on lines close
    together, may be a figure's items and is left alone."""
    found = [(i, value) for i, it in enumerate(items) if not it.rule
             and (match := ROMAN_PAGE.match(it.text))
             and (value := roman_value(match.group("roman"))) is not None]
    if len(found) < 2 or any(b[1] <= a[1] or b[0] - a[0] <= MIN_PAGE_LINES
                             for a, b in zip(found, found[1:], strict=False)):
        return []
    return [i for i, _ in found]


def edge_page_numbers(items: list[_Raw], starts: list[int]) -> list[int]:
    """Where the pages are known (form feeds), the number lines that print their page's
    number with no running head beside them: a page's first or last line (``- 1 -``), on
    two pages at least whose numbers agree on one offset from the page's index (a
    figure's ``1`` at a page's foot agrees with no other page's number)."""
    bounds = starts + [len(items)]
    value = {}
    for page, (first, end) in enumerate(zip(bounds, bounds[1:], strict=False)):
        for i in {first, end - 1}:
            if first <= i < end and not items[i].rule and PAGE_NUMBER.match(items[i].text):
                value[i] = int(ascii_digits(items[i].text).strip(DASHES_AND_SPACES)) - page
    offsets = Counter(value.values()).most_common(1)
    if not offsets or offsets[0][1] < 2:
        return []
    return sorted(i for i, offset in value.items() if offset == offsets[0][0])


def _space_led(item: _Raw) -> bool:
    """A page's first line: it begins with a space, or a form feed came before it."""
    return ((item.feed or item.text.startswith(" ")) and bool(item.text.strip())
            and not item.rule)


def find_page_starts(items: list[_Raw], hints: dict[int, str]) -> list[int]:
    """Indexes of lines that begin a new page (the first line is always a page start).

    A page begins at a block of furniture (a header over the page), or, where the
    document sets its page numbers in footers, right after a block holding one
    (``footers``), or at a line that begins with a space and
    directly follows the previous line (no blank between) while the text after it is
    double-spaced again. Runs of space-led lines (bullets inside a figure) are not
    page starts.
    """
    starts = [0]
    blocks = furniture_blocks(items, hints)
    in_footers = footers(items, blocks)
    for i in range(1, len(items)):
        if i in blocks:
            end, numbered = blocks[i]
            if not (in_footers and numbered):
                starts.append(i)
            elif end < len(items):
                starts.append(end)
            continue
        item = items[i]
        if not _space_led(item) or item.gap or i in hints:
            continue
        after = items[i + 1] if i + 1 < len(items) else None
        if after is not None and after.gap == 0:
            continue
        if _space_led(items[i - 1]):
            continue
        if after is not None and _space_led(after) and not HEADING_LIKE.match(after.text):
            continue
        if (i - 1) in hints:
            continue
        starts.append(i)
    return sorted(set(starts))


def furniture_blocks(items: list[_Raw], hints: dict[int, str]) -> dict[int, tuple[int, bool]]:
    """First index of each run of furniture lines (the first line aside) → the index
    after the run, and whether it holds a page number."""
    blocks = {}
    for i in range(1, len(items)):
        if i in hints and (i - 1) not in hints:
            end = next((j for j in range(i, len(items)) if j not in hints), len(items))
            blocks[i] = (end, any(hints[j] == "page_number" for j in range(i, end)))
    return blocks


def footers(items: list[_Raw], blocks: dict[int, tuple[int, bool]]) -> bool:
    """The document sets its page numbers under its pages: after most blocks holding a
    page number comes a line beginning with a space (the next page's first line), or
    nothing. Where most are followed by text, they are headers over their page."""
    votes = [end == len(items) or _space_led(items[end])
             for end, numbered in blocks.values() if numbered]
    return 2 * sum(votes) > len(votes)


def printed_pages(page_of: list[int], hints: dict[int, str], items: list[_Raw]) -> dict[int, str]:
    """page_index → printed page. Every page when two or more printed numbers agree with
    the page count between them; otherwise only the pages that show their number
    (``pages.printed_numbers``, as for PDFs)."""
    on_page = {page_of[i]: items[i].text for i, hint in hints.items() if hint == "page_number"}
    numbers = printed_numbers(on_page, sorted(set(page_of)))
    return {index: number for index, number in numbers.items() if number is not None}


def extract_pdf_text(text: str, chapter_id: str) -> Extracted:
    items = _content_lines(text)
    hints = find_furniture(items)
    fed = {i for i, item in enumerate(items) if item.feed}
    starts = {0} | fed if fed else set(find_page_starts(items, hints))
    if fed:
        hints.update({i: "page_number" for i in edge_page_numbers(items, sorted(starts))
                      if i not in hints})
    page_of: list[int] = []
    page = 0
    for i in range(len(items)):
        page += i in starts
        page_of.append(page)
    printed = printed_pages(page_of, hints, items)
    lines = []
    for i, item in enumerate(items):
        hint = "footnote_rule" if item.rule else hints.get(i, "")
        line = SourceLine(line=item.line, text=item.text, page_index=page_of[i],
                          page=printed.get(page_of[i]), gap_before=item.gap, hint=hint)
        if i in starts and i:
            line = replace(line, extras={"page_start": True})
        lines.append(line)
    return Extracted(chapter=chapter_id, format="pdf-text", layout=LAYOUT, lines=tuple(lines))
