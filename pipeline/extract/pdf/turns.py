"""Pages printed sideways: read in their own frame.

A landscape table or figure set on a portrait page has its glyphs' baselines running up
or down the page as a viewer shows it (so has a page turned by a ``/Rotate`` its content
does not undo). Read as it stands, every line of it is turned text, which the layout
keeps apart (``vertical_text``) and the datasets never see. ``page_turn`` measures the
quarter turn the page's glyphs share (each glyph's from its matrix: ``chars.quarter_turn``,
the same sums for both character sources); a page where at least ``share`` of the
glyphs on it run up (turn 1) or down (turn 3) is turned back by ``turn_page``, glyphs and
paths alike, so that those glyphs stand upright and the layout, the ruled-table finder
included, reads it as any other page; so is a page printed upside down (turn 2), whose
glyphs pdfminer calls upright and the layout would read backwards. Only glyphs in the
page's margins may stand otherwise (a running head, the page number, a side tab): they
then stand turned and go where turned text goes, and so may short runs in its body (a
chart's axis title, a legend). A page with a line of text of another turn across its
body (a paragraph beside a turned table) is read as printed, and flagged.

Coordinates are turned within the page as shown (``RawPage.shown``): the turned page's
box starts at (0, 0) and is as wide as the shown page is tall.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, NamedTuple, TypeVar

from pipeline.extract.pdf.chars import Char, RawChar, centre_on_page
from pipeline.extract.pdf.pdfium_source import RawPage

Box = tuple[float, float, float, float]   # x0, top, x1, bottom (pdfplumber's coordinates)
TURNS = (1, 2, 3)                         # the quarter turns a page is read back from


class Turn(NamedTuple):
    """What ``page_turn`` found: the quarter turn to read the page back from (0: read
    it as printed), and the one most of its glyphs share that was held back (0: none)."""

    turn: int
    held: int = 0


def page_turn(chars: Sequence[RawChar], shown: Box, share: float, margin: float,
              body_run: float) -> Turn:
    """The quarter turn (1: baselines up the page, 2: upside down, 3: down) of at least
    ``share`` of the glyphs on the page ``shown`` (not spaces, not off the page; an
    invisible layer's too, which pdfminer does not tell apart), unless the glyphs set
    otherwise run text across its body: outside its margins (its outer ``margin`` of
    height at the head and foot, of width at each side: a running head, a page number,
    a side tab), a run of them as long as ``body_run`` of the page (a line of a
    paragraph; an axis title or a legend is shorter). Such a page is read as printed
    and its turn held back (``Turn.held``): which text to set apart is not for a rule
    to guess. 0 when no turn has that share (an upright page, or a figure's turned
    labels beside upright text)."""
    if not may_turn(chars, shown, share):
        return Turn(0)
    counted = [c for c in chars if c.text.strip() and centre_on_page(c, shown)]
    turns = Counter(c.turn for c in counted)
    turn = next((t for t in TURNS if counted and turns[t] >= share * len(counted)), 0)
    if not turn:
        return Turn(0)
    other = [c for c in counted if c.turn != turn and not in_margin(c, shown, margin)]
    return Turn(0, turn) if runs_across(other, shown, body_run) else Turn(turn)


def runs_across(glyphs: Sequence[RawChar], shown: Box, run_share: float) -> bool:
    """Some run of ``glyphs`` (on one line: one turn, the same place across the
    baseline within a point; no gap over one glyph's size) is as long as ``run_share``
    of the page ``shown`` along its baseline."""
    left, top, right, bottom = shown

    def across(c: RawChar) -> float:
        return c.top if c.turn % 2 == 0 else c.x0

    def span(c: RawChar) -> tuple[float, float, float]:     # start, end, size
        if c.turn % 2 == 0:
            return c.x0, c.x1, c.bottom - c.top
        return c.top, c.bottom, c.x1 - c.x0

    lines: list[list[RawChar]] = []
    for c in sorted(glyphs, key=lambda c: (c.turn, across(c))):
        last = lines[-1][-1] if lines else None
        if last is not None and last.turn == c.turn and across(c) - across(last) <= 1.0:
            lines[-1].append(c)
        else:
            lines.append([c])
    for line in lines:
        length = (right - left) if line[0].turn % 2 == 0 else (bottom - top)
        start = end = -float("inf")
        for s, e, size in sorted(span(c) for c in line):
            if s - end > size:              # a gap: a new run starts
                start = s
            end = max(end, e)
            if end - start >= run_share * length:
                return True
    return False


def may_turn(chars: Sequence[RawChar], shown: Box, share: float) -> bool:
    """Whether some turn can have ``share`` of the page's glyphs (``page_turn``): not
    while the upright ones that count outnumber the turned ones by more than
    (1 - share) / share. Most pages have no turned glyph, or a few (a tab) against a
    page of upright text: told after one pass, or after a few upright glyphs (the full
    count on every page with a turned tab cost st2024-1-3's extract about 2%)."""
    turned = sum(1 for c in chars if c.turn)
    if not turned:
        return False
    limit, upright = turned * (1 - share) / share, 0
    for c in chars:
        if not c.turn and c.text.strip() and centre_on_page(c, shown):
            upright += 1
            if upright > limit:
                return False
    return True


def in_margin(c: RawChar, shown: Box, margin: float) -> bool:
    """The glyph's middle lies in the outer ``margin`` (a share) of the page ``shown``."""
    left, top, right, bottom = shown
    x, y = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
    width, height = right - left, bottom - top
    return (y - top < margin * height or bottom - y < margin * height
            or x - left < margin * width or right - x < margin * width)


def turn_box(box: Box, shown: Box, turn: int) -> Box:
    """``box`` turned back by ``turn`` within the shown page ``shown``: the turned
    glyphs' baselines run left to right."""
    x0, top, x1, bottom = (box[0] - shown[0], box[1] - shown[1],
                           box[2] - shown[0], box[3] - shown[1])
    width, height = shown[2] - shown[0], shown[3] - shown[1]
    if turn == 1:      # baselines ran up: what was low on the page is now at the left
        return height - bottom, x0, height - top, x1
    if turn == 2:      # upside down
        return width - x1, height - bottom, width - x0, height - top
    return top, width - x1, bottom, width - x0


def turn_point(x: float, y: float, shown: Box, turn: int) -> tuple[float, float]:
    left, top, _, _ = turn_box((x, y, x, y), shown, turn)
    return left, top


Glyph = TypeVar("Glyph", RawChar, Char)


def turn_glyph(c: Glyph, shown: Box, turn: int) -> Glyph:
    """A glyph (as read, or a page's character) turned back by ``turn`` within the page
    ``shown``: upright when it ran that way; its size, as pdfminer gives a glyph's size,
    the height of its box (a turned glyph's size on the page as shown is its advance)."""
    x0, top, x1, bottom = turn_box((c.x0, c.top, c.x1, c.bottom), shown, turn)
    return c._replace(x0=x0, x1=x1, top=top, bottom=bottom, size=bottom - top,
                      upright=c.turn == turn, turn=(c.turn - turn) % 4)


def turn_char(c: RawChar, shown: Box, turn: int) -> RawChar:
    """A glyph as read in the turned page (``turn_glyph``), its place in the document
    moved with it."""
    turned = turn_glyph(c, shown, turn)
    return turned._replace(doctop=c.doctop - c.top + turned.top)


def turn_path(record: dict[str, Any], shown: Box, turn: int) -> dict[str, Any]:
    """A path record (pdfplumber's keys) in the turned page; pdfplumber's raw ``path``
    operators, which are not turned, are left out."""
    x0, top, x1, bottom = turn_box((record["x0"], record["top"], record["x1"],
                                    record["bottom"]), shown, turn)
    # the turned page's height: the shown page's width, or its height turned upside down
    height = shown[3] - shown[1] if turn == 2 else shown[2] - shown[0]
    turned = {k: v for k, v in record.items() if k != "path"}
    turned.update(x0=x0, x1=x1, top=top, bottom=bottom, y0=height - bottom, y1=height - top,
                  width=x1 - x0, height=bottom - top,
                  doctop=record.get("doctop", record["top"]) - record["top"] + top)
    if record.get("pts"):
        turned["pts"] = [turn_point(x, y, shown, turn) for x, y in record["pts"]]
    return turned


def turn_page(raw: RawPage, turn: int) -> RawPage:
    """The page turned back by ``turn`` (``page_turn``): glyphs, paths and box."""
    shown = raw.shown
    width, height = shown[2] - shown[0], shown[3] - shown[1]
    box = (0.0, 0.0, width, height) if turn == 2 else (0.0, 0.0, height, width)
    return replace(raw, bbox=box, crop=None,
                   chars=[turn_char(c, shown, turn) for c in raw.chars],
                   rects=[turn_path(r, shown, turn) for r in raw.rects])
