"""When a date in brackets is a cited work's or document's (``dates.find_dates`` sets
``role = citation``): a western year alone in brackets as citations print it
(``bare_paren``), a document's date with its word of adoption closing the bracket after
its name (``adoption_in_bracket``), a date opening a cited work's entry right before its title
(``before_cited_title``); and not a date inside a quoted title, which is part of the title
(``in_quoted_title``)."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.common.lexicons import word_list
from pipeline.tagging.periods import WESTERN, Period, year_period

BARE_PAREN_RE = re.compile(r"（(?P<wy>\d{4})）")
TITLE_MARKS = {"「": "」", "『": "』", "“": "”"}   # a title's opening and closing marks
ITEM_OPENERS = "、,， 　"   # what opens an item of a citation before its date


def bare_paren(folded: str, pos: int, citations: bool) -> tuple[Period, int] | None:
    """A western year alone in brackets, as in citations: ``（2019）`` where ``citations``
    (a footnote, source or caption), and anywhere before a title (``櫻本健（2018）「…」``)."""
    paren = BARE_PAREN_RE.match(folded, pos - 1) if pos > 0 else None
    if paren and not citations and not folded.startswith(("「", "『"), paren.end()):
        return None
    year = int(paren.group("wy")) if paren else 0
    found = year_period(WESTERN, year, False, False) if 1868 <= year <= 2100 else None
    return (found, paren.end() - 1) if found and paren else None


def in_quoted_title(folded: str, at: int) -> bool:
    """A quoted title (``「…」``, ``『…』``) opened before ``at`` is still open there: a
    date inside it is part of the title (``「…の公表（令和4年度第3四半期（12月末））」``:
    the quarter's day the data is of), not the cited work's date."""
    depth = 0
    for char in reversed(folded[:at]):
        if char in "」』":
            depth += 1
        elif char in "「『":
            if depth == 0:
                return True
            depth -= 1
    return False


@lru_cache(maxsize=1)
def adoption_re() -> re.Pattern[str]:
    """A word of a document's adoption closing a bracketed item after its date
    (``閣議決定）``, ``改定、``: ``pipeline/data/date_adoption_words.tsv``)."""
    words = "|".join(re.escape(w) for w in sorted(word_list("date_adoption_words"),
                                                   key=len, reverse=True))
    return re.compile(rf"(?:{words})[）)、]")


def adoption_in_bracket(folded: str, start: int, end: int) -> bool:
    """The date ``folded[start:end]`` opens an item of a bracket and a word of adoption
    closes it (``第6次エネルギー基本計画（2021年10月閣議決定）``, ``（2019年6月閣議決定、
    2021年10月改定）``): the bracketed document's date."""
    if adoption_re().match(folded, end) is None:
        return False
    depth = 0
    for at in range(start - 1, -1, -1):   # the item opens the bracket or follows 、 in it
        char = folded[at]
        if char in "）)":
            depth += 1
        elif char in "（(":
            if depth == 0:
                return True
            depth -= 1
        elif char in "。" or at == start - 1 and char != "、":
            return False
    return False


def before_cited_title(folded: str, start: int, end: int) -> bool:
    """The date ``folded[start:end]`` opens an item of a citation (after 、 or a space, or
    at the start) right before a quoted title that the item ends with
    (``ガートナー、プレスリリース、2023年2月27日“…”https://…``, ``日本経済新聞 2023年5月1日
    「…」``): the cited work's date. Not a date before a name a sentence goes on about,
    a particle after its closing mark (``2023年11月「ＡＩ安全性サミット」を開催``)."""
    closer = TITLE_MARKS.get(folded[end:end + 1])
    if closer is None or start > 0 and folded[start - 1] not in ITEM_OPENERS:
        return False
    close = folded.find(closer, end + 1)
    return close > 0 and not "ぁ" <= folded[close + 1:close + 2] <= "ゖ"
