"""What a figure counts (``measure``), read from the shape of its sentence.

Patterns over the width-folded sentence, tried in this order (``measure_confidence``):

- ``high``: the noun phrase tied to the figure by the grammar:
  ``Xの件数はN件`` (→ ``Xの件数``), ``XはN件`` / ``XがN件`` / ``XをN件`` / ``XではN件`` /
  ``XもN件`` with nothing but the figure's own prefixes between (``約``, ``前年度比``), and
  ``N件のX`` / ``NのX`` (the noun after the figure and の; for a bare count the last
  noun of a chain, ``29の国等の試験研究・教育機関``), ``X（N件）`` where the bracket
  follows the noun;
- ``medium``: a comparison (``前年度比``, ``対前年比``, ``前年差``) or a figure in brackets right
  after another figure (``２万5,451件（前年度比10.6％増）``): the measure of the figure it
  compares;
- ``low``: the nearest 「…」 or noun run before は/が/では between the previous figure and
  this one (the sentence's topic: often right, sometimes the actor rather than the
  measure);
- empty: nothing found.

A noun run is kanji, katakana and Latin letters (``・`` inside), 2 to 40 characters; it
stops at hiragana, so ``平成29年度の大学等における共同研究実施件数`` gives
``共同研究実施件数``. A run inside a date (``平成28年度``) is no measure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.tagging.dates import DateMention

_RUN = r"[一-鿿々〆ヵヶ゠-ヿA-Za-z・]"
_NOUN = rf"{_RUN}(?:{_RUN}|[0-9])*{_RUN}"
# X + particle right before the figure (the figure's prefixes are already outside it)
_ADJACENT = re.compile(rf"(?:「(?P<q>[^「」]{{1,40}})」|(?P<m>(?:{_NOUN})))[0-9]{{0,2}}"
                       rf"(?:（[^（）]{{0,30}}）)?(?P<p>では|は|が|を|も)[、\s]*$")
_COUNT_WORD = re.compile(rf"(?P<m>(?:{_NOUN}))の(?P<w>件数|人数|数|金額|額|割合|比率|総数|総額)"
                         r"(?:は|が)[、\s]*$")
_AFTER = re.compile(rf"の(?P<m>(?:{_NOUN}))")
# NのAのB, NのA（な）B: a bare count counts the last noun of the chain (29の国等の試験研究機関)
_AFTER_CHAIN = re.compile(rf"の(?:(?:{_NOUN})(?:の|な))*(?P<m>(?:{_NOUN}))")
_BRACKET_AFTER_NOUN = re.compile(rf"(?P<m>(?:{_NOUN}))（[^（）]{{0,12}}$")
_QUOTED_TOPIC = re.compile(r"「(?P<m>[^「」]{1,40})」[0-9]{0,2}(?:は|が|では)")
_NOUN_TOPIC = re.compile(r"(?P<m>[一-鿿々〆ヵヶ゠-ヿA-Za-z0-9・]{2,40}?)[0-9]{0,2}"
                         r"(?:（[^（）]{0,30}）)?(?:では|は|が)")
_CONJUNCTIONS = ("又", "或い", "若しく")   # 又は, 或いは, 若しくは: は is not a topic here
_LOOK_BACK = 60


@dataclass(frozen=True)
class Measure:
    text: str
    confidence: str    # high, medium, low, or '' when nothing was found


NONE = Measure("", "")


def _in_date(start: int, end: int, dates: list[DateMention]) -> bool:
    return any(d.start < end and start < d.end for d in dates)


def adjacent_measure(folded: str, start: int, dates: list[DateMention],
                     window_start: int) -> Measure:
    """``Xの件数はN`` or ``XはN`` (は, が, を, では, も, で), X ending right before the figure."""
    left = max(window_start, start - _LOOK_BACK)
    if start == left:
        return NONE
    text = folded[left:start]
    match = _COUNT_WORD.search(text)
    if match and not _in_date(left + match.start("m"), left + match.end("m"), dates):
        return Measure(match.group("m") + "の" + match.group("w"), "high")
    match = _ADJACENT.search(text)
    if match is None:
        return NONE
    name = match.group("q") or match.group("m")
    span = match.span("q") if match.group("q") else match.span("m")
    if _in_date(left + span[0], left + span[1], dates) or name.endswith(_CONJUNCTIONS):
        return NONE
    return Measure(name, "high")


def following_measure(folded: str, end: int, dates: list[DateMention],
                      chain: bool = False) -> Measure:
    """``N件のX``: the noun right after the figure and の; with ``chain`` (a bare count),
    the last noun of ``のAのB`` / ``のAなB`` (``3,057の多様な業種の企業等`` → ``企業等``)."""
    match = (_AFTER_CHAIN if chain else _AFTER).match(folded, end)
    if match is None or _in_date(match.start("m"), match.end("m"), dates):
        return NONE
    return Measure(match.group("m"), "high")


def bracket_measure(folded: str, start: int, window_start: int,
                    dates: list[DateMention]) -> Measure:
    """``X（N件）``: a figure in brackets right after a noun (not after another figure)."""
    left = max(window_start, start - 14)
    match = _BRACKET_AFTER_NOUN.search(folded, left, start)
    if match is None or _in_date(match.start("m"), match.end("m"), dates):
        return NONE
    return Measure(match.group("m"), "high")


def topic_measure(folded: str, window_start: int, start: int,
                  dates: list[DateMention]) -> Measure | None:
    """The nearest topic in ``folded[window_start:start]`` (``low``); None when the window
    holds only brackets and spaces (the figure follows another: the caller inherits)."""
    best: tuple[int, str] | None = None
    window = folded[window_start:start]
    # every topic ends with は or が: without them, the two scans (slow ones, the noun run
    # tries each length from each start) surely find nothing
    patterns = (_QUOTED_TOPIC, _NOUN_TOPIC) if "は" in window or "が" in window else ()
    for pattern in patterns:
        for match in pattern.finditer(folded, window_start, start):
            inside_date = _in_date(match.start("m"), match.end("m"), dates)
            conjunction = match.group("m").endswith(_CONJUNCTIONS)
            if not inside_date and not conjunction and (best is None or match.end() > best[0]):
                best = (match.end(), match.group("m"))
    if best is not None:
        return Measure(best[1], "low")
    rest = window.strip("（）() 　")
    return None if not rest else NONE
