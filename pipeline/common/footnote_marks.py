"""The marks printed before a footnote's number (``※1``, ``*1``, ``注1``, ``（注1）``):
one convention, the rows of ``pipeline/data/footnote_marks.tsv``. Shared by the PDF
adapter (a raised mark read with its raised number, ``※¹``, ``注¹``; a footnote's first
line at a page's foot) and the structure stage (a marker taken out with its mark; a
footnote line below a rule, of a numbered-lines source, hinted by the adapter; a note's
own mark), so that a ministry's own mark is added in one place.

A mark has a shape: a ``sign`` (``※``, ``*``) goes out with its number wherever it is
glued before it and opens a footnote line in every source; a ``word`` (``注``) may stand
in brackets with its number (``（注1）``), goes out of a PDF's text only when raised with
it, and opens no numbered-lines source's footnote line. Callers write their patterns with
``%SIGN%``, ``%WORD%`` or ``%MARK%`` (either shape) where a mark goes (``with_marks``)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from pipeline.common.lexicons import data_rows
from pipeline.errors import PipelineError

MARKS_FILE = "pipeline/data/footnote_marks.tsv"
COLUMNS = ("mark", "shape", "source")
SHAPES = ("sign", "word")
PLACEHOLDERS = {"%SIGN%": ("sign",), "%WORD%": ("word",), "%MARK%": SHAPES}


def _fullwidth(text: str) -> str:
    """``*`` → ``＊``: the full-width form of printable ASCII, other characters kept."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


@cache
def mark_forms(shapes: tuple[str, ...] = SHAPES) -> tuple[str, ...]:
    """Every form of the marks of ``shapes`` (as listed, after NFKC, and the full-width
    form of an ASCII mark: ``*``, ``＊``), longest first, checked. Read from the file once."""
    forms: set[str] = set()
    for mark, shape, _ in data_rows("footnote_marks", COLUMNS):
        if shape not in SHAPES or any(c.isdigit() or c.isspace() for c in mark):
            raise PipelineError(
                f"{MARKS_FILE}: the row of {mark!r} has shape {shape!r}; shape must be one "
                f"of {list(SHAPES)} and a mark holds no digit or space (list 注, not 注1)")
        if shape in shapes:
            folded = unicodedata.normalize("NFKC", mark)
            forms |= {mark, folded, _fullwidth(folded)}
    return tuple(sorted(forms, key=lambda form: (-len(form), form)))


def marks_pattern(shapes: tuple[str, ...] = SHAPES) -> str:
    """A regular expression of any one mark of ``shapes`` (none matches when no row has
    that shape)."""
    forms = mark_forms(shapes)
    return f"(?:{'|'.join(map(re.escape, forms))})" if forms else "(?!)"


@cache
def with_marks(template: str) -> re.Pattern[str]:
    """``template`` compiled with ``%SIGN%``, ``%WORD%`` and ``%MARK%`` replaced by the
    pattern of a mark of that shape (``%MARK%``: either)."""
    for placeholder, shapes in PLACEHOLDERS.items():
        template = template.replace(placeholder, marks_pattern(shapes))
    return re.compile(template)


def mark_ending(text: str, shapes: tuple[str, ...] = SHAPES) -> str:
    """The longest mark of ``shapes`` that ``text`` ends with (``トン*`` → ``*``), or ""."""
    return next((form for form in mark_forms(shapes) if text.endswith(form)), "")


def leading_mark(text: str, shapes: tuple[str, ...] = SHAPES) -> str:
    """The longest mark of ``shapes`` that ``text`` starts with (``注1`` → ``注``), or ""."""
    return next((form for form in mark_forms(shapes) if text.startswith(form)), "")


def without_marks(text: str) -> str:
    """``text`` without the marks it opens with (``※1`` → ``1``, ``注1`` → ``1``)."""
    mark = leading_mark(text)
    while mark:
        text = text[len(mark):]
        mark = leading_mark(text)
    return text
