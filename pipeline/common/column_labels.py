"""A boxed column's label, shared by the PDF adapter (which box holds a column) and the
structure stage (which line opens one). Its words are the rows of
``pipeline/data/column_label_words.tsv``."""

from __future__ import annotations

import re
from functools import cache

from pipeline.common.lexicons import data_rows

NUMBER = r"[0-9０-９]{1,2}(?:[-－][0-9０-９]{1,3}){0,2}"
BRACKETS = ("[【［〔＜〈]", "[】］〕＞〉]")     # a label set in brackets: 【コラム】題名


@cache
def label_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The label words, and those that label a column alone on their line."""
    rows = data_rows("column_label_words", ("word", "value", "source"))
    return (tuple(word for word, _, _ in rows),
            tuple(word for word, alone, _ in rows if alone == "yes"))


@cache
def column_label() -> re.Pattern[str]:
    """A boxed column's label: ``コラム1-1`` or ``2-11`` alone, a label word (numbered or
    not) with its title (``コラム　スマート農業の現場から``, ``コラム１　脱炭素先行地域``,
    ``解説　統合抑止とは``), in brackets with its title or alone (``【コラム】スマート農業``,
    ``【解説】``), or a word that labels alone (``コラム``, ``コラム３``)."""
    words, alone = label_words()
    any_word = "|".join(map(re.escape, words))
    alone_word = "|".join(map(re.escape, alone)) or "(?!)"
    return re.compile(rf"^(?:(?:{any_word})?[0-9０-９]{{1,2}}[-－][0-9０-９]{{1,3}}"
                      rf"|(?:{any_word})(?:{NUMBER})?[\s\u3000：:]+[^。]{{1,40}}"
                      rf"|{BRACKETS[0]}(?:{any_word})(?:{NUMBER})?{BRACKETS[1]}\s*[^。]{{0,40}}"
                      rf"|(?:{alone_word})(?:{NUMBER})?)$")


def is_column_label(text: str) -> bool:
    return column_label().match(text) is not None


def is_bare_column_label(text: str) -> bool:
    """A label word alone (``コラム``, ``コラム3``), or any label word alone in brackets
    (``【解説】``): its title comes on the next line."""
    words, alone = label_words()
    return (any(re.fullmatch(rf"{re.escape(word)}(?:{NUMBER})?", text) for word in alone)
            or any(re.fullmatch(rf"{BRACKETS[0]}{re.escape(word)}(?:{NUMBER})?{BRACKETS[1]}",
                                text) for word in words))
