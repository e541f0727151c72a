"""Pages printed sideways: read in their own frame.

A landscape table or figure set on a portrait page has its glyphs' baselines running up
or down the page as a viewer shows it (so has a page turned by a ``/Rotate`` its content
does not undo). Read as it stands, every line of it is turned text, which the layout
keeps apart (``vertical_text``) and the datasets never see. ``page_turn`` measures the
quarter turn the page's glyphs share (each glyph's from its matrix: ``chars.quarter_turn``,
the same sums for both character sources); a page where at least ``share`` of the visible
glyphs run up (turn 1) or down (turn 3) is turned back by ``turn_page``, glyphs and
paths alike, so that those glyphs stand upright and the layout, the ruled-table finder
included, reads it as any other page; so is a page printed upside down (turn 2), whose
glyphs pdfminer calls upright and the layout would read backwards. Upright glyphs left
on such a page (a running head, the page number) then stand turned and go where turned
text goes.

Coordinates are turned within the page as shown (``RawPage.shown``): the turned page's
box starts at (0, 0) and is as wide as the shown page is tall.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from pipeline.extract.pdf.chars import RawChar, centre_on_page
from pipeline.extract.pdf.pdfium_source import RawPage

Box = tuple[float, float, float, float]   # x0, top, x1, bottom (pdfplumber's coordinates)
TURNS = (1, 2, 3)                         # the quarter turns a page is read back from


def page_turn(chars: Sequence[RawChar], shown: Box, share: float) -> int:
    """The quarter turn (1: baselines up the page, 2: upside down, 3: down) of at least
    ``share`` of the visible glyphs on the page ``shown`` (not spaces, not in an
    invisible text layer, not off the page), 0 when none has that share (an upright
    page, or turned labels in a figure beside upright text)."""
    if not any(c.turn for c in chars):   # most pages: one pass, no test of each glyph
        return 0
    turns = Counter(c.turn for c in chars
                    if not c.invisible and c.text.strip() and centre_on_page(c, shown))
    total = sum(turns.values())
    return next((t for t in TURNS if total and turns[t] >= share * total), 0)


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


def turn_char(c: RawChar, shown: Box, turn: int) -> RawChar:
    """A glyph in the turned page: upright when it ran the page's way; its size, as
    pdfminer gives a glyph's size, the height of its box (a turned glyph's size on the
    page as shown is its advance)."""
    x0, top, x1, bottom = turn_box((c.x0, c.top, c.x1, c.bottom), shown, turn)
    return c._replace(x0=x0, x1=x1, top=top, bottom=bottom, doctop=c.doctop - c.top + top,
                      size=bottom - top, upright=c.turn == turn, turn=(c.turn - turn) % 4)


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
