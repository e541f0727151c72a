"""Body roles: a body line starts a paragraph, continues the open one, and may close
it; read by geometry (a PDF's adapter marks paragraph starts) or by width (double-spaced
printed text), one paragraph per line where lines are not wrapped."""

from __future__ import annotations

from pipeline.common.text import display_width
from pipeline.schemas import SourceLine
from pipeline.structure.body_measures import CONTINUATION_SHARE, SIZE_TOLERANCE, WIDTH_SLACK
from pipeline.structure.patterns import SENTENCE_END
from pipeline.structure.roles import BULLETS, Decision, Flow, Measures, Role, same_size, spaced
from pipeline.structure.units import Unit

INDENT_EMS = 1.25         # a first line's indent: one em, and some slack
WIDTH_OVERRUN = 8          # … or exceed it, when half-width characters are spaced out


def body_role(line: SourceLine, text: str, m: Measures, flow: Flow) -> Decision | None:
    if not m.layout.wrapped:
        return Decision(Role.BODY_STARTS, text)        # one paragraph per line
    if m.layout.footnotes == "hinted":
        return body_role_by_geometry(line, text, m, flow)
    return body_role_by_width(line, text, m, flow)


def body_role_by_geometry(line: SourceLine, text: str, m: Measures, flow: Flow,
                          ) -> Decision | None:
    """Body lines of a page read by geometry: the adapter marks paragraph starts.

    Text set in another type size is not body text, except bulleted sub-heads
    (``●…``): it is the title or labels of a figure drawn without a frame."""
    body = flow.open_body
    if line.extras.get("box") == "figure" and text[-1:] not in SENTENCE_END \
            and m.width and display_width(text) < m.width * CONTINUATION_SHARE:
        return None      # a short label inside a figure's frame (an axis title), in body type
    off_size = (line.size is not None and m.body_size is not None
                and abs(line.size - m.body_size) > SIZE_TOLERANCE)
    starts = bool(line.extras.get("starts_paragraph"))
    if off_size and body is not None and not starts and same_size(body.lines[-1], line):
        return Decision(Role.BODY_CONTINUES, text)
    if off_size and not text.startswith(BULLETS):
        return None
    if off_size or (body is not None and not same_size(body.lines[-1], line)):
        return Decision(Role.BODY_STARTS, text)
    closes = text[-1:] in SENTENCE_END and bool(line.extras.get("ends_paragraph"))
    if starts and body is not None and continues_cut_sentence(body, line, text, m):
        starts = False
    role = Role.BODY_CONTINUES if body is not None and not starts else Role.BODY_STARTS
    return Decision(role, text, closes=closes)


def body_role_by_width(line: SourceLine, text: str, m: Measures, flow: Flow,
                       ) -> Decision | None:
    """Body lines of a double-spaced printed page.

    A paragraph starts with a full-width line and ends with a line that ends in a
    space; in between, a line may fall short of the full width (line-breaking rules,
    justified Latin text) but not by much.
    """
    width = display_width(text)
    if not text or not spaced(line, m, flow) or width > m.width + WIDTH_OVERRUN:
        return None
    full = width >= m.width - WIDTH_SLACK
    final = line.text.endswith(" ") and not (text[-1].isascii() and text[-1].isalnum()
                                             and full)
    if flow.open_body is not None:
        if not (final or width >= m.width * CONTINUATION_SHARE):
            return None
        interrupted = len(flow.units) != flow.units_at_last_body_line
        if interrupted and not line.extras.get("page_start"):
            return None        # text set out of order resumes only on a new page
        return Decision(Role.BODY_CONTINUES, text, closes=final)
    if not full and not (final and flow.in_flow and text[-1] in SENTENCE_END):
        return None
    return Decision(Role.BODY_STARTS, text, closes=final)


def continues_cut_sentence(body: Unit, line: SourceLine, text: str, m: Measures) -> bool:
    """A body line the adapter saw start a paragraph that goes on with the open one:
    that paragraph's last line filled the measure and ended no sentence (cut by a
    figure set across the column, often at the next page's top; or a line that
    happens to open with a list's ``②``), and the line starts where that line does,
    or up to an em left of it (under an indented first line), with no bullet: a
    paragraph's first line is indented one em."""
    last = body.lines[-1]
    end = last.text.strip()
    if (not end or end[-1] in SENTENCE_END or not m.width
            or display_width(end) < m.width - WIDTH_SLACK or text.startswith(BULLETS)):
        return False
    if last.x0 is None or line.x0 is None or line.size is None or not same_size(last, line):
        return False
    return -INDENT_EMS * line.size <= line.x0 - last.x0 <= 0.25 * line.size
