"""What opens a note or source printed inside a table's frame (``注：…``, ``注1）…``,
``（注）…``, ``資料：…``, ``※…``): the words of ``pipeline/data/table_note_openings.tsv``.
Shared by the PDF table finder (a note line is no data line to measure columns on) and
the tables stage (a note row is no data row), as ``caption_grammar`` is."""

from __future__ import annotations

import re
from functools import cache

from pipeline.common.lexicons import word_list
from pipeline.common.text import fold_nfkc


@cache
def note_opening() -> re.Pattern[str]:
    """A word of the list with at most two digits, then a colon, a bracket, a full stop,
    a space or the end; the same in brackets; or ``※``; on NFKC text."""
    words = "|".join(re.escape(fold_nfkc(w)) for w in word_list("table_note_openings"))
    return re.compile(rf"^(?:\(?(?:{words})\d{{0,2}}(?:[):.\s]|$)|\((?:{words})\d{{0,2}}\)|※)")


def opens_note(text: str) -> bool:
    """The text opens as a note or source (``注：``, ``注1）``, ``（注）``, ``資料：``,
    ``※``)."""
    return note_opening().match(fold_nfkc(text).strip()) is not None
