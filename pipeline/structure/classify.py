"""The role of a line: ``classify`` tries the role tests in a fixed order and returns
the first ``Decision`` one of them takes: footnotes (``footnote_roles``), continuations
of what the last line opened (``continuation_roles``), numbered headings, captions,
sources, notes, column labels, boxed text, headings in heading type
(``labelled_roles``), body text (``body_roles``); a line that is none of these is text of
a figure or table. Nothing is changed: ``pipeline.structure.assemble`` acts on it.
"""

from __future__ import annotations

from pipeline.schemas import SourceLine
from pipeline.structure.body_roles import body_role
from pipeline.structure.continuation_roles import continuation_role
from pipeline.structure.footnote_roles import footnote_role
from pipeline.structure.labelled_roles import (
    box_text_role,
    caption_role,
    column_label_role,
    heading_role,
    note_role,
    source_role,
    typed_heading_role,
    unnumbered_heading_role,
)
from pipeline.structure.roles import Decision, Flow, Measures, Role


def classify(line: SourceLine, measures: Measures, flow: Flow) -> Decision:
    """The role of ``line``, read after the lines that made ``flow``."""
    text = line.text.strip()
    if line.hint == "footnote_rule":
        return Decision(Role.FOOTNOTE_RULE, text)
    for role_of in ROLE_TESTS:
        decision = role_of(line, text, measures, flow)
        if decision is not None:
            return decision
    return Decision(Role.FIGURE_TEXT, text)


# The tests ``classify`` tries a line with, in order.
ROLE_TESTS = (footnote_role, continuation_role, heading_role, unnumbered_heading_role,
              caption_role, source_role,
              note_role, column_label_role, box_text_role, typed_heading_role, body_role)
