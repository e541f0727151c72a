"""Rebuild a figure that is a table in all but name: a list of records, each either
opened by a vision tag (``【V1】 title`` … ``company／university``) or closed by a place
in parentheses (``title … （山梨）``) or by a line of organisations (``rebuild_list``).
Lines outside any record (legends, headings) are kept as leftovers with a reason,
never dropped silently. Cells and rows are those of ``grid``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pipeline.tables import cells as ty
from pipeline.tables.grid import missing_cell, type_cell
from pipeline.tables.rows import Cell, Leftover, Line, Rebuilt, Row

MIN_LIST_RECORDS = 3      # fewer records than this is not a list worth a table
MIN_LIST_COVERAGE = 0.5   # share of a figure's lines a list must explain


@dataclass
class _Record:
    vision: str | None = None
    title: list[Line] = field(default_factory=list)
    title_texts: list[str] = field(default_factory=list)
    organisations: Cell | None = None
    place: tuple[str, Line] | None = None


def _close(record: _Record, kinds: tuple[str, ...]) -> Row:
    cells = []
    for kind in kinds:
        if kind == "vision":
            first = record.title[:1]
            cells.append(Cell("vision", (record.vision or "",), tuple(first),
                              record.vision is not None, "" if record.vision else "missing"))
        elif kind == "title":
            if record.title:
                cell = type_cell("title", record.title, record.title_texts)
            else:
                cell = missing_cell("title")
            cells.append(cell)
        elif kind == "organisations":
            cells.append(record.organisations or missing_cell("organisations"))
        elif kind == "place":
            if record.place is None:
                cells.append(missing_cell("place"))
            else:
                ok = ty.is_place(record.place[0])
                cells.append(Cell("place", (record.place[0],), (record.place[1],), ok))
    return Row(tuple(cells))


def _list_records(lines: Sequence[Line]) -> tuple[list[_Record], list[Leftover]]:
    records: list[_Record] = []
    leftovers: list[Leftover] = []
    pending: list[Line] = []   # lines since the last record closed, not yet placed
    current: _Record | None = None   # a record opened by a vision tag, still open
    for line in lines:
        tagged = ty.split_vision_tag(line.text)
        if ty.is_legend(line.text):
            leftovers.append(Leftover(line, "legend"))
        elif tagged is not None:
            leftovers += [Leftover(p, "outside_record") for p in pending]
            pending = []
            current = _Record(vision=tagged[0], title=[line], title_texts=[tagged[1]])
            records.append(current)
        elif ty.is_org_line(line.text):
            record = current or _Record(title=pending, title_texts=[p.text for p in pending])
            if current is None:
                records.append(record)
            record.organisations = type_cell("organisations", [line])
            current, pending = None, []
        elif current is None and (placed := ty.split_place(line.text)) is not None:
            title = pending + [line]
            records.append(_Record(title=title, title_texts=[p.text for p in pending] + [placed[0]],
                                   place=(placed[1], line)))
            pending = []
        elif current is not None:
            current.title.append(line)
            current.title_texts.append(line.text)
        else:
            pending.append(line)
    leftovers += [Leftover(p, "outside_record") for p in pending]
    return records, leftovers


def rebuild_list(lines: Sequence[Line]) -> Rebuilt | None:
    """Records of a list-like figure, or None when the lines are not such a list."""
    records, leftovers = _list_records(lines)
    if len(records) < MIN_LIST_RECORDS:
        return None
    placed = len(lines) - len(leftovers)
    if placed / max(1, len(lines)) < MIN_LIST_COVERAGE:
        return None
    has: dict[str, Callable[[_Record], bool]] = {
        "vision": lambda r: r.vision is not None,
        "title": lambda r: bool(r.title),
        "organisations": lambda r: r.organisations is not None,
        "place": lambda r: r.place is not None,
    }
    kinds = tuple(k for k, test in has.items()
                  if sum(test(r) for r in records) * 2 >= len(records))
    if "title" not in kinds or len(kinds) < 2:
        return None
    rows = tuple(_close(r, kinds) for r in records)
    return Rebuilt("list", kinds, (), rows, tuple(leftovers))
