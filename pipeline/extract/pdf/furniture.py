"""Page furniture of a PDF: running heads and feet, page numbers and page labels, found
across pages by their position in the top or foot band and their repetition at the same
height on several pages (``find_furniture``); the page's printed number among them
(``furniture_page_number``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.common.page_numbers import PAGE_NUMBER
from pipeline.common.running_titles import is_book_title
from pipeline.extract.pdf.hints import Text
from pipeline.extract.pdf.layout import BODY_SIZE_SLACK, Line, PageLayout
from pipeline.extract.pdf.settings import PdfSettings

# A page number with a part before it, as manuals, appendices and reports number their
# pages: ``1－3`` (page 3 of chapter 1), ``Ⅱ-12``, ``資-4``, ``A.7``: a part of one to
# three digits, roman numerals, capitals or kanji (one kind: ``図1－3`` is a figure's
# number), a dash or a dot, then the number.
PAGE_LABEL = re.compile(r"^[\-－‐—\s]*(?P<part>[0-9０-９]{1,3}|[Ⅰ-Ⅻⅰ-ⅻ]{1,3}|[A-ZＡ-Ｚ]{1,3}"
                        r"|[\u4e00-\u9fff]{1,3})(?P<dash>[\-－‐‑–—.．・])(?P<number>[0-9０-９]{1,4})"
                        r"[\-－‐—\s]*$")
EDGE_NUMBER = re.compile(r"^(?:(?P<a>[0-9０-９]{1,4})[\s\u3000]+(?P<rest>\S.*?)"
                         r"|(?P<rest2>.*?\S)[\s\u3000]+(?P<b>[0-9０-９]{1,4}))[\s\u3000]*$")


def in_band(line: Line, height: float, band: float) -> str:
    if line.top < band * height:
        return "top"
    if line.bottom > (1 - band) * height:
        return "foot"
    return ""


def split_edge_number(text: str) -> tuple[str, str]:
    """(the text without a page number at either end, that number or ""):
    ``32 令和6年版 防災白書`` and ``White Paper 2024  33`` → the title and the number."""
    found = EDGE_NUMBER.match(text)
    if found is None:
        return text, ""
    return (found.group("rest") or found.group("rest2"),
            found.group("a") or found.group("b"))


def find_furniture(layouts: Sequence[PageLayout], texts: Sequence[dict[int, Text]],
                   settings: PdfSettings) -> list[dict[int, str]]:
    """Per page: line index → ``running_header`` or ``page_number``.

    A line in the top or foot band is furniture when its text (a page number alone is
    ``#``) repeats at the same height on ``furniture_min_pages`` pages, in any script;
    a number at either end of it (a running foot ``32 令和6年版 防災白書``) is set
    aside first and, where it changes from page to page, is the page number. A book's
    title (``令和５年版 厚生労働白書``: ``running_titles``) is furniture there though
    printed on one page only (the section's title set in the other pages' foot)."""
    spots: list[tuple[int, int, str, float, str]] = []    # page, line, key, top, number
    for p, layout in enumerate(layouts):
        for i, line in enumerate(layout.lines):
            if line.vertical or not in_band(line, layout.page.height, settings.furniture_band):
                continue
            key, number = furniture_key(texts[p][i].text)
            spots.append((p, i, key, line.top, number))
    found: list[dict[int, str]] = [{} for _ in layouts]
    few_pages = len(layouts) < settings.furniture_min_pages
    for p, i, key, top, number in spots:
        group = [(q, n) for q, _, k, t, n in spots
                 if k == key and abs(t - top) <= settings.furniture_y_tolerance]
        pages = {q for q, _ in group}
        numbered = key == "#" or (bool(number) and len({n for _, n in group}) == len(group))
        page_shaped = key == "#" or key.endswith(LABEL_KEY)
        if (len(pages) >= settings.furniture_min_pages or (page_shaped and few_pages)
                or is_book_title(key)):
            found[p][i] = "page_number" if numbered else "running_header"
    add_header_slot_lines(layouts, spots, found, settings)
    return found


def add_header_slot_lines(layouts: Sequence[PageLayout],
                          spots: Sequence[tuple[int, int, str, float, str]],
                          found: list[dict[int, str]], settings: PdfSettings) -> None:
    """A running title that changes with the section (the section's title on odd pages,
    the chapter's on even ones, as many white papers set them) may be printed on one
    page only; it still sits in the document's header or footer slot: the topmost line
    of its page, or the lowest of its foot but for the page number (``at_page_edge``),
    on the baseline and in the type size of a running title found on another page (by
    repetition or as a book's title), or, for a topmost line, of the topmost line of
    another page where both are set smaller than the body (a short document whose every
    head differs; not so in the foot, where footnotes end pages in small type). Such a
    line is a running header too (a page number alone is left to the repetition rule)."""
    candidates: list[tuple[int, int, Line, str]] = []
    for p, i, key, _, _ in spots:
        line = layouts[p].lines[i]
        edge = "" if i in found[p] or key == "#" else at_page_edge(layouts[p], i, found[p],
                                                                    settings)
        if edge:
            candidates.append((p, i, line, edge))
    slots = [(layouts[p].lines[i].bottom, layouts[p].lines[i].size, p)
             for p, i, *_ in spots if found[p].get(i) == "running_header"]
    slots += [(line.bottom, line.size, p) for p, _, line, edge in candidates
              if edge == "top" and line.size < (1 - BODY_SIZE_SLACK) * layouts[p].body_size]
    for p, i, line, _ in candidates:
        if any(q != p and abs(bottom - line.bottom) <= settings.furniture_y_tolerance
               and abs(size - line.size) <= 0.05 * size for bottom, size, q in slots):
            found[p][i] = "running_header"


def at_page_edge(layout: PageLayout, index: int, furniture: dict[int, str],
                 settings: PdfSettings) -> str:
    """``top`` where the line is the topmost of its page; ``foot`` where it is the lowest
    in the foot band but for the page's number (a running title set in the foot:
    ``令和５年版 厚生労働白書`` on one page, the section's title on the next); else ""."""
    line, tolerance = layout.lines[index], settings.furniture_y_tolerance
    others = [(j, other) for j, other in enumerate(layout.lines)
              if j != index and not other.vertical]
    if not any(other.top < line.top - tolerance for _, other in others):
        return "top"
    lowest = not any(other.bottom > line.bottom + tolerance
                     and furniture.get(j) != "page_number" for j, other in others)
    foot = in_band(line, layout.page.height, settings.furniture_band) == "foot"
    return "foot" if foot and lowest else ""


LABEL_KEY = "\x00#"   # ends the key of a page label: no printed text ends so


def furniture_key(text: str) -> tuple[str, str]:
    """(what a line of the top or foot band repeats from page to page, the page number
    it holds or ""): ``#`` for a number alone; a page label's part before its number
    (``1－3`` → ``1－`` and ``3``: the part repeats, the number changes); else a running
    title without the number at either end (``split_edge_number``)."""
    if PAGE_NUMBER.match(text):
        return "#", text
    label = PAGE_LABEL.match(text)
    if label:
        return label.group("part") + label.group("dash") + LABEL_KEY, label.group("number")
    return split_edge_number(text)


def furniture_page_number(texts: dict[int, Text], furniture: dict[int, str]) -> str | None:
    """The printed page number: the first line marked ``page_number``, without the
    running title set beside it (``令和6年版 防災白書 33`` → ``33``); a page label
    whole (``1－3``). The dashes set around either are left for ``pages.printed_numbers``
    to take off."""
    text = next((texts[i].text for i, h in sorted(furniture.items()) if h == "page_number"),
                None)
    if text is None or PAGE_NUMBER.match(text) or PAGE_LABEL.match(text):
        return text
    return split_edge_number(text)[1] or text
