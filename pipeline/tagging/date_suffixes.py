"""What follows a date, for ``dates.find_dates``: ``頃``/``ごろ``/``前後`` (approx), then
``現在``/``時点`` (``role = as_of``; a time of the day before it is part of the surface:
``2023年10月1日0時現在``), a word that opens a period (``以降``, ``から``, ``より``, ``以来``:
``pipeline/data/date_open_words.tsv``) or a ``～`` with nothing after it (``2022年度～``):
``role = since``. ``より`` or ``から`` before a comparison (``2016年度より増加``,
``2000年からは15.9％減少``: ``pipeline/data/date_comparison_words.tsv``) opens no period;
``opens_period`` says so for ``relative_dates`` too.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from pipeline.common.lexicons import word_list
from pipeline.tagging.date_ranges import after_weekday

_APPROX_RE = re.compile(r"頃|ごろ|前後")
_AS_OF_RE = re.compile(r"\s?(?:現在|時点)")
_OPEN_DASH_RE = re.compile(r"～(?=$|\s|[）)、。，,]|現在)")   # a range with no end printed
_TIME_RE = re.compile(r"\s?\d{1,2}時(?:\d{1,2}分)?")
_CLAUSE_END_RE = re.compile(r"[、。，）]|,(?!\d{3})")   # not a thousands comma: 4万3,482人
_LIST_CLAUSE_END_RE = re.compile(r"、(?!\d)|[。，）]|,(?!\d)")   # それぞれ60％、73％削減
# a figure and the unit or bound after it, where a comparison word may start (5万件以上増加:
# 増加 starts three characters on)
_FIGURE_RE = re.compile(r"[\d.,万億千百]+")
_AFTER_FIGURE = 4
_CHANGE_FIRSTS = frozenset("増減上低多少高引下")   # a change or comparison after a figure


@lru_cache(maxsize=1)
def _open_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words after a date that open a period (以降, から …), and words after より that
    make it a comparison (より増加)."""
    return word_list("date_open_words"), word_list("date_comparison_words")


@lru_cache(maxsize=1)
def _suffix_firsts() -> frozenset[str]:
    """First characters of everything ``suffix_after`` reads (a quick test first)."""
    return frozenset("頃ご前現時 ～") | {word[0] for word in _open_words()[0]}


class Suffix(NamedTuple):
    """What follows a date: the end of the date's surface with it, whether it makes the
    date approximate, and the role it gives (``None``: the date's own)."""
    end: int
    approx: bool
    role: str | None


def suffix_after(folded: str, end: int, day: bool) -> Suffix | None:
    """頃/ごろ/前後 (approx), then 現在/時点 (as_of) or an open-period word (since) after
    a date ending at ``end``; for a ``day``, a time of the day between it and 現在 or 時点
    is part of the surface (``１日０時現在``; ``16時10分頃`` makes the time approximate, not
    the day: left out). ``None``: nothing this reads follows."""
    end, approx = after_weekday(folded, end), False
    time = _TIME_RE.match(folded, end) if day else None
    if time and _AS_OF_RE.match(folded, time.end()):
        end = time.end()
    if end >= len(folded) or folded[end] not in _suffix_firsts():
        return None   # most dates: nothing follows them that this reads (a weekday alone
                      # stays out of the surface)
    near = _APPROX_RE.match(folded, end)
    if near:
        end, approx = near.end(), True
    as_of = _AS_OF_RE.match(folded, end)
    if as_of:
        return Suffix(as_of.end(), approx, "as_of")
    if _OPEN_DASH_RE.match(folded, end):   # 2022年度～ (a table's cell): from then on
        return Suffix(end + 1, approx, "since")
    opened = opens_period(folded, end)
    if opened:
        return Suffix(opened, approx, "since")
    return Suffix(end, approx, None)


def opens_period(folded: str, end: int, relative: bool = False) -> int:
    """The end of a word at ``end`` that opens a period from the date before it (以降,
    から, より …: ``date_open_words.tsv``), else 0; not より or から before a comparison
    (``2016年度より1件減少``; after a ``relative`` date, ``前年度から増加``, too)."""
    opening, comparisons = _open_words()
    word = next((w for w in opening if folded.startswith(w, end)), None)
    if word is None or word in ("より", "から") and _compares(
            folded, end + len(word), comparisons, word == "より" or relative):
        return 0
    return end + len(word)


def _compares(folded: str, pos: int, comparisons: tuple[str, ...], direct: bool) -> bool:
    """A comparison word after the figure that follows より or から, within the clause
    (``2016年度より1件減少``, ``2000年からは15.9％減少``: the base of a change, not the
    start of a period); ``direct``: also right after it (``より増加``; ``から増加`` is an
    increase since then)."""
    if folded.startswith("それぞれ", pos):   # からそれぞれ60％、73％削減: the list's clause
        clause = _LIST_CLAUSE_END_RE.split(folded[pos:pos + 28], maxsplit=1)[0]
    else:
        clause = _CLAUSE_END_RE.split(folded[pos:pos + 16], maxsplit=1)[0]
    return (direct and clause.startswith(comparisons)) or any(
        clause.startswith(comparisons, at) for m in _FIGURE_RE.finditer(clause)
        for at in range(m.end(), m.end() + _AFTER_FIGURE + 1)
        if clause[at:at + 1] in _CHANGE_FIRSTS and not any(c.isdigit() for c in clause[m.end():at]))
