"""Body joiners, one per layout: how a body line starts or continues a paragraph.

``body_roles`` decides whether a body line starts a paragraph, continues the open one, and
whether it closes it; each layout keeps different state around that:

- ``html-text`` (``join_one_per_line``): every line is a paragraph; a line cut short
  upstream (ending in U+FFFD) is flagged.
- ``pdf-text`` (``join_by_width``): the open paragraph is continued only if no other
  text was set in between, unless a new page starts.
- ``pdf`` (``join_by_geometry``): the adapter marks paragraph starts and ends.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pipeline.schemas import Layout, SourceLine
from pipeline.structure.roles import Decision, Role
from pipeline.structure.units import new_unit

if TYPE_CHECKING:
    from pipeline.structure.assemble import Builder

CUT_MARK = "\ufffd"

BodyJoiner = Callable[["Builder", SourceLine, Decision], None]


def body_joiner(layout: Layout) -> BodyJoiner:
    if not layout.wrapped:
        return join_one_per_line
    if layout.footnotes == "hinted":
        return join_by_geometry
    return join_by_width


def join_one_per_line(builder: Builder, line: SourceLine, decision: Decision) -> None:
    unit = new_unit("body", line, decision.text)
    if decision.text.endswith(CUT_MARK):
        unit.flag = "cut_upstream"
    builder.close_region()
    builder.add(unit)
    builder.flow.in_flow = True
    builder.figures.close()


def join_by_geometry(builder: Builder, line: SourceLine, decision: Decision) -> None:
    flow = builder.flow
    if decision.role is Role.BODY_CONTINUES and flow.open_body is not None:
        flow.open_body.append(line, decision.text)
    else:
        builder.close_region()
        flow.open_body = new_unit("body", line, decision.text)
        builder.add(flow.open_body)
        builder.figures.table_open = False
    if decision.closes:
        builder.end_body()


def join_by_width(builder: Builder, line: SourceLine, decision: Decision) -> None:
    flow = builder.flow
    if decision.role is Role.BODY_CONTINUES and flow.open_body is not None:
        flow.open_body.append(line, decision.text)
        flow.units_at_last_body_line = len(flow.units)
        if decision.closes:
            builder.end_body()
        return
    builder.close_region()
    unit = new_unit("body", line, decision.text)
    builder.add(unit)
    builder.figures.close()
    if decision.closes:
        builder.end_body()
    else:
        flow.open_body = unit
        flow.units_at_last_body_line = len(flow.units)
