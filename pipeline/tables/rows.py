"""The records a table rebuilt from text is made of: its source lines, cells, rows, the
lines set aside and the rebuilt table (``grid``, ``figure_grid``, ``lists``)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Line:
    """One line of flattened table text with where it came from."""

    text: str
    line_start: int
    line_end: int
    page: str | None = None
    page_index: int | None = None
    para_id: str = ""
    indent: float | None = None   # ems of white space the source line opens with (text
    #                               sources: ``caption_lines.source_indents``), if known


@dataclass(frozen=True)
class Cell:
    column: str
    values: tuple[str, ...]
    lines: tuple[Line, ...]
    confident: bool
    flag: str = ""
    carried: bool = False   # taken from the row above (a cell spanning rows)


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    level: int | None = None    # the indentation of its label, if measured

    @property
    def lines(self) -> tuple[Line, ...]:
        """The row's own source lines (not those of a cell carried from above)."""
        own = {(ln.page_index, ln.line_start, ln.line_end): ln
               for c in self.cells if not c.carried for ln in c.lines}
        return tuple(sorted(own.values(), key=lambda ln: (ln.page_index or 0, ln.line_start)))

    @property
    def confidence(self) -> float:
        return sum(c.confident for c in self.cells) / len(self.cells) if self.cells else 0.0

    @property
    def flags(self) -> list[str]:
        return [f"{c.column}:{c.flag}" for c in self.cells if c.flag]


@dataclass(frozen=True)
class Leftover:
    line: Line
    reason: str


@dataclass(frozen=True)
class Rebuilt:
    layout: str
    kinds: tuple[str, ...]
    headers: tuple[str, ...]
    rows: tuple[Row, ...]
    leftovers: tuple[Leftover, ...] = field(default_factory=tuple)

    @property
    def quality(self) -> float:
        return sum(r.confidence == 1.0 for r in self.rows) / len(self.rows) if self.rows else 0.0
