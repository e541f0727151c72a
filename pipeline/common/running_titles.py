"""A book's running title (``令和５年版 厚生労働白書``): a short line naming the book, an
edition before it or not, its last word one of ``pipeline/data/running_title_words.tsv``.
Shared by the pdf-text adapter and the PDF adapter, which take such a line beside a page
number, or in a page's head or foot band, for furniture even where it is printed on one
page only."""

from __future__ import annotations

import re
from functools import cache

from pipeline.common.lexicons import word_list

# an edition set before a book's title (令和５年版, 2023年版)
EDITION = r"(?:(?:令和|平成|昭和)\s*(?:[0-9０-９]{1,2}|元)|[0-9０-９]{4})\s*年版\s*"
BOOK_TITLE_MAX_CHARS = 30    # a running title is short: a body line ending so is full


@cache
def book_title() -> re.Pattern[str]:
    """An edition or not, then a name of one or two words ending in a listed word."""
    words = "|".join(map(re.escape, word_list("running_title_words")))
    return re.compile(rf"^(?:{EDITION})?[^\s。、]*\s?[^\s。、]*(?:{words})$")


def is_book_title(text: str) -> bool:
    """The line is a book's running title, short (``令和５年版 厚生労働白書``)."""
    text = text.strip()
    return len(text) <= BOOK_TITLE_MAX_CHARS and book_title().match(text) is not None
