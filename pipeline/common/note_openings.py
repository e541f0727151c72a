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


@cache
def openings() -> tuple[tuple[str, str, str], ...]:
    """(opening as NFKC, kind, shape) of every row, longest opening first, checked."""
    rows = []
    for number, (opening, kind, shape, _) in enumerate(data_rows("note_openings", COLUMNS)):
        if kind not in KINDS or shape not in SHAPES:
            raise PipelineError(
                f"{OPENINGS_FILE} row {number + 1} ({opening!r}): kind {kind!r}, shape "
                f"{shape!r}; kind is one of {list(KINDS)} and shape one of {list(SHAPES)}")
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
def note_opening(kinds: tuple[str, ...] = KINDS) -> re.Pattern[str]:
    """An opening of one of ``kinds`` at the start of NFKC text (``match``; its ``end``
    is where the note's own text starts, past the opening's separator or bracket)."""
    forms = [SHAPES[shape](word) for word, kind, shape in openings() if kind in kinds]
    return re.compile(rf"^(?:{'|'.join(forms)})" if forms else r"(?!)")


def opens_note(text: str, kinds: tuple[str, ...] = KINDS) -> bool:
    """The text opens as a note or source of one of ``kinds`` (``注：``, ``注1）``,
    ``（注）``, ``※``, ``資料：``, ``（出典）``), white space around it ignored."""
    return note_opening(kinds).match(fold_nfkc(text).strip()) is not None
