"""Footnote roles: a footnote line (hinted by the adapter, below a footnote rule, or
the next number of a numbered-lines source), a footnote that goes on, a list item inside
one."""

from __future__ import annotations

import re
import unicodedata

from pipeline.common.footnote_marks import with_marks
from pipeline.common.text import NOT_NUMBER_GOES_ON
from pipeline.schemas import SourceLine
from pipeline.structure.patterns import URL_ONLY, match_caption, match_heading
from pipeline.structure.roles import Decision, Flow, Measures, Mode, Role

# The marks (``%SIGN%``, ``%WORD%``, ``%MARK%``: either) are the rows of
# pipeline/data/footnote_marks.tsv, put in by ``with_marks``.
# A footnote line of a numbered-lines source: its number, after a sign for some
# ministries (``*1``, ``※1``: the marks its marker in the text takes out with it); not a
# word (``注1 …`` there is a figure's note)
FOOTNOTE_LINE = r"^(?:%SIGN%)?(?P<num>[0-9]{1,3})[ \u3000]+(?P<text>\S.*)$"
# … or a word (``注1　…``, ``（注1）…``) where the text before printed its marker with that
# word and no figure is open (``word_footnote_role``); else it is a figure's note
WORD_FOOTNOTE_LINE = r"^[（(]?%WORD%(?P<num>[0-9０-９]{1,3})[)）]?[ \u3000:：]*(?P<text>\S.*)$"
# A marker printed with a word in running text: ``注1``, ``（注1）`` (not ``注10`` for 1)
WORD_MARKER = r"%WORD%{number}(?![0-9０-９])"
# Below a footnote rule a footnote may open with a word too (``注1 …``: its marker ``注1``)
RULE_FOOTNOTE_LINE = r"^(?:%MARK%)?(?P<num>[0-9]{1,3})[ \u3000]+(?P<text>\S.*)$"
# A footnote line the PDF adapter hinted: ``1 …``, ``１　…`` (full-width digits), ``※1 …``,
# ``注1 …``, ``（注1）…``; a bare number has a space after it, or text no number goes
# on with (``1食料自給率とは…``: ``NOT_NUMBER_GOES_ON``).
HINTED_FOOTNOTE_LINE = (
    r"^(?:(?P<num>[0-9０-９]{1,3})(?:[ \u3000]+|(?=[^\s" + NOT_NUMBER_GOES_ON + r"]))"
    r"|(?:%SIGN%|[（(]?%WORD%)(?P<marked>[0-9０-９]{1,3})[)）]?[ \u3000:：]*)(?P<text>\S.*)$")
FOOTNOTE_LIST_ITEM = re.compile(r"^(?:[一二三四五六七八九十]+[ \u3000]|[・※])")


def footnote_role(line: SourceLine, text: str, m: Measures, flow: Flow) -> Decision | None:
    if line.hint == "footnote":
        last = flow.last
        if line.extras.get("continues") and last is not None and last.kind == "footnote":
            return Decision(Role.FOOTNOTE_CONTINUES, text)
        return Decision(Role.FOOTNOTE, text, with_marks(HINTED_FOOTNOTE_LINE).match(text))
    if flow.mode is Mode.RULE_FOOTNOTES and not line.extras.get("page_start"):
        return rule_block_role(line, text, flow)    # a footnote block ends with its page
    if m.layout.footnotes == "numbered-lines":
        return numbered_footnote_role(text, flow)
    return None


def rule_block_role(line: SourceLine, text: str, flow: Flow) -> Decision | None:
    """Below a footnote rule: numbered lines start footnotes, unspaced lines go on."""
    found = with_marks(RULE_FOOTNOTE_LINE).match(text)
    if found:
        return Decision(Role.FOOTNOTE, text, found)
    last = flow.last
    if (last is not None and last.kind == "footnote" and line.gap_before == 0
            and not line.text.startswith(" ") and match_caption(text) is None):
        return Decision(Role.FOOTNOTE_CONTINUES, text)
    return None


def numbered_footnote_role(text: str, flow: Flow) -> Decision | None:
    """A footnote is a line with the next footnote number, or with 1 where a 章 or 節
    began since the last footnote (numbering restarts per section), unless it is a
    heading that continues the outline where it is set (``１`` under ``第1``, at 4). A URL alone on a line goes on with the footnote before it."""
    found = with_marks(FOOTNOTE_LINE).match(text) or word_footnote_line(text, flow)
    fits = found is not None and footnote_number_fits(int(found.group("num")), flow)
    if flow.mode is Mode.NUMBERED_FOOTNOTE and flow.last is not None and not fits:
        if FOOTNOTE_LIST_ITEM.match(text):
            return Decision(Role.FOOTNOTE_ITEM, text)
        if URL_ONLY.match(text):
            return Decision(Role.URL_CONTINUES, text)
    if not fits:
        return None
    heading = match_heading(text)
    if heading is not None and heading.level == 3 \
            and flow.outline.fits(flow.outline.nested(heading)):
        return None           # ``1　認知件数`` under ``第1``: a heading, one level below
    return Decision(Role.NUMBERED_FOOTNOTE, text, found)


FIGURE_MODES = (Mode.CAPTION, Mode.NOTES, Mode.SOURCE)   # a figure's caption, notes, source
# after a figure's source only a footnote's own form, ``注1　…`` (a figure's note printed
# under its source takes a colon or brackets: ``注1：…``, ``（注1）…``)
SPACED_WORD_LINE = r"^%WORD%[0-9０-９]{1,3}[ \u3000]+\S"


def word_footnote_line(text: str, flow: Flow) -> re.Match[str] | None:
    """A numbered-lines source's footnote printed with a word mark (``注1　…``,
    ``（注1）…``; 厚生労働白書, 防衛白書): no figure is open (under a caption or its
    notes it is the figure's note, ``注1：…``; under its source only ``注1　…`` is a
    footnote), and text since the last 章 or 節 printed its marker, ``…343,275人注1であり``,
    ``（注1）`` (the notes of a 節 may follow all its sub-sections)."""
    found = with_marks(WORD_FOOTNOTE_LINE).match(text)
    if found is None or flow.mode in FIGURE_MODES and not (
            flow.mode is Mode.SOURCE and with_marks(SPACED_WORD_LINE).match(text)):
        return None
    number = str(int(unicodedata.normalize("NFKC", found.group("num"))))
    marker = with_marks(WORD_MARKER.replace("{number}", number))
    for unit in reversed(flow.units):
        if unit.kind == "heading" and unit.heading is not None and unit.heading.level <= 2:
            return None
        if unit.kind in ("body", "column") and marker.search(
                unicodedata.normalize("NFKC", unit.text)):
            return found
    return None


def footnote_number_fits(number: int, flow: Flow) -> bool:
    return number == flow.next_footnote or (number == 1 and flow.footnotes_may_restart)
