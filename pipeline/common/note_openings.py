"""What opens a note or a source line (``注：…``, ``注1）…``, ``（注）…``, ``※…``,
``資料：…``, ``（出典）…``, ``Source:``): one convention, the rows of
``pipeline/data/note_openings.tsv``. Shared, as ``caption_grammar`` is, by the structure
stage (a line under or over a figure is a note or a source: ``kinds``), the PDF table
finder (a note line at a table's foot is no data line to measure columns on) and the
tables stage (a note row is no data row), so that a ministry's own word (``備考：``,
``資料出所：``) is added in one place."""

from __future__ import annotations

import re
from functools import cache

from pipeline.common.lexicons import data_rows
from pipeline.common.text import fold_nfkc
from pipeline.errors import PipelineError

OPENINGS_FILE = "pipeline/data/note_openings.tsv"
COLUMNS = ("opening", "kind", "shape", "source")
KINDS = ("note", "source")
# what may follow a ``word`` opening (and its digits): on NFKC text, ``：`` is ``:``,
# ``）`` is ``)``, ``．`` is ``.`` and the ideographic space white space
WORD_ENDS = r"[):.\s]"


def openings() -> tuple[tuple[str, str, str], ...]:
    """(opening as NFKC, kind, shape) of every row, longest opening first, checked."""
    rows = []
    for opening, kind, shape, _ in data_rows("note_openings", COLUMNS):
        if kind not in KINDS or shape not in SHAPES:
            raise PipelineError(
                f"{OPENINGS_FILE}: the row of {opening!r} has kind {kind!r} and shape "
                f"{shape!r}; kind must be one of {list(KINDS)} and shape one of "
                f"{list(SHAPES)}")
        rows.append((fold_nfkc(opening), kind, shape))
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


def word_form(word: str) -> str:
    """``注``: at most two digits and a colon, a closing bracket, a full stop or white
    space (``注1）``, ``注 ``, ``(注:``), or in brackets (``（注１）``)."""
    return rf"\(?{re.escape(word)}\d{{0,2}}{WORD_ENDS}"


def colon_form(word: str) -> str:
    """``Source``: at most two digits and a colon (``Source:``, ``Notes:``), any case."""
    return rf"(?i:{re.escape(word)})\d{{0,2}}:"


def mark_form(word: str) -> str:
    """``※``: the mark alone, whatever follows."""
    return re.escape(word)


SHAPES = {"word": word_form, "colon": colon_form, "mark": mark_form}


@cache
def opening_rules(kinds: tuple[str, ...] = KINDS) -> tuple[frozenset[str], re.Pattern[str]]:
    """For ``kinds``: the characters (NFKC) an opening starts with (a bracket, or its
    word's first letter in either case), and the pattern of an opening at the start of
    NFKC text (``match``; its ``end`` is where the note's own text starts, past the
    opening's separator or bracket). Read from the file once."""
    rows = [(word, shape) for word, kind, shape in openings() if kind in kinds]
    firsts = {word[0] for word, _ in rows}
    forms = [SHAPES[shape](word) for word, shape in rows]
    pattern = re.compile(rf"^(?:{'|'.join(forms)})" if forms else r"(?!)")
    return frozenset({"("} | firsts | {c.swapcase() for c in firsts}), pattern


def note_opening(kinds: tuple[str, ...] = KINDS) -> re.Pattern[str]:
    """The pattern of an opening of ``kinds`` at the start of NFKC text."""
    return opening_rules(kinds)[1]


def opens_note(text: str, kinds: tuple[str, ...] = KINDS) -> bool:
    """The text opens as a note or source of one of ``kinds`` (``注：``, ``注1）``,
    ``（注）``, ``※``, ``資料：``, ``（出典）``), white space around it ignored. Most
    lines are tried and fail on their first character, folded alone: folding the whole
    line first made the structure stage's note and source tests ten times slower."""
    text = text.strip()
    starts, pattern = opening_rules(kinds)
    if not text or fold_nfkc(text[0])[:1] not in starts:
        return False
    return pattern.match(fold_nfkc(text).strip()) is not None
