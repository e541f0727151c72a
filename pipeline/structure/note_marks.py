"""Raised note marks in a figure's or table's own text that point to a note printed
under it, not to a footnote: ``能登半島地震注¹`` in a table's cell, the table's note
``注１）「能登半島地震」の欄には…``. The PDF adapter places the mark (``注1`` at its
offset, ``Unit.markers``); no footnote links it, so it stayed glued to the cell's text.
It is taken out like a footnote's marker, reason ``note_marker``, where the figure
prints a note with the same mark and number; otherwise it stays (a wrong cut is worse
than a mark left in)."""

from __future__ import annotations

from pipeline.common.footnote_marks import with_marks
from pipeline.common.text import fold_nfkc
from pipeline.structure.footnotes import FootnoteLink, cut_out, marker_number, placed_mark
from pipeline.structure.lines import Removed
from pipeline.structure.units import Unit

FIGURE_TEXT_KINDS = ("figure_text", "table_text")
# a note's own mark and number, on NFKC text: ``注１）`` / ``（注1）`` → 注, 1; ``※2 …`` → ※, 2
# (a mark of pipeline/data/footnote_marks.tsv, put in by ``with_marks``)
NOTE_NUMBER = r"\s*\(?(%MARK%)([0-9]{1,2})(?=[):.\s]|$)"


def figure_note_numbers(units: list[Unit]) -> dict[int, set[tuple[str, str]]]:
    """Caption unit index → the (mark, number) its notes are printed with."""
    found: dict[int, set[tuple[str, str]]] = {}
    for unit in units:
        if unit.kind == "note" and unit.figure_key is not None:
            numbered = with_marks(NOTE_NUMBER).match(fold_nfkc(unit.text))
            if numbered:
                found.setdefault(unit.figure_key, set()).add(
                    (numbered[1], str(int(numbered[2]))))
    return found


def remove_note_marks(units: list[Unit], links: list[FootnoteLink]) -> list[Removed]:
    """Take out of a figure's or table's text each placed marker with a note mark
    (``注¹``, ``※¹``) whose figure prints a note of that mark and number, with the
    brackets round it (``（注¹）``); units a footnote took a marker from are left."""
    notes = figure_note_numbers(units)
    linked = {link.unit for link in links}
    removed: list[Removed] = []
    for index, unit in enumerate(units):
        if (unit.kind not in FIGURE_TEXT_KINDS or index in linked or not unit.markers
                or unit.figure_key not in notes):
            continue
        for offset, placed in sorted(unit.markers, reverse=True):
            mark, number = placed_mark(placed), marker_number(placed)
            end = offset + len(placed)
            if (not mark or not (number.isascii() and number.isdigit())
                    or (mark, str(int(number))) not in notes[unit.figure_key]
                    or fold_nfkc(unit.text[offset:end]) != fold_nfkc(placed)):
                continue
            start = offset
            if (start > 0 and unit.text[start - 1] in "（("
                    and unit.text[end:end + 1] in ("）", ")")):
                start, end = start - 1, end + 1
            removed.append(cut_out(units, index, start, end - start, "note_marker"))
    return removed
