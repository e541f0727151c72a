"""The words around a figure that qualify it: before it a sign, a tolerance, a plus, an
approximation, 延べ and a comparison base (``前年度比``); after it an approximation
(``程度``), a bound (``以上``, ``台``; past a noun of spacing, ``200m間隔以下``), a change (``増``, ``0.2ポイント上回った``) and a verb
that makes it a bound (``5%を超えた``, ``3%を下回る``).

Read by ``raw_figures`` for each numeral it finds; the words are data
(``pipeline/data/number_*_words.tsv``).
"""

from __future__ import annotations

import re

from pipeline.common.lexicons import word_list
from pipeline.tagging.figure_units import SUFFIX_APPROX, SUFFIX_BOUND, SUFFIX_CHANGE
from pipeline.tagging.measure_nouns import is_measure_noun

SIGN_WORDS = word_list("number_sign_words")
TOLERANCE_WORDS = word_list("number_tolerance_words")
PLUS_WORDS = word_list("number_plus_words")
APPROX_WORDS = word_list("number_approx_words")
TOTAL_WORDS = ("延べ",)
BASIS_WORDS = word_list("number_basis_words")
BASIS_ENDS = ("比", "差")


def one_of(words: tuple[str, ...]) -> str:
    """A regular expression group matching any of ``words``."""
    return "(?:" + "|".join(re.escape(w) for w in words) + ")"


_PREFIXES = (
    # before sign: プラスマイナス ends with マイナス
    ("tolerance", re.compile(rf"{one_of(TOLERANCE_WORDS)}$")),
    ("sign", re.compile(rf"(?<![0-9A-Za-z]){one_of(SIGN_WORDS)}$")),
    ("plus", re.compile(rf"(?<![0-9A-Za-z]){one_of(PLUS_WORDS)}$")),
    ("approx", re.compile(rf"{one_of(APPROX_WORDS)}$")),
    ("total", re.compile(rf"{one_of(TOTAL_WORDS)}$")),
    # 前年度比, 前年差; a word may qualify the period before 比 (前年度当初予算比)
    ("basis", re.compile(rf"(?:対)?{one_of(BASIS_WORDS)}"
                         rf"(?:[一-鿿々゠-ヿ]{{1,6}}?{one_of(BASIS_ENDS)}|{one_of(BASIS_ENDS)}?)$")),
)
_BASIS_REACH = 14   # 対前年度当初予算比: how far back a prefix may start
# The last character of every word ``_PREFIXES`` reads (and a newline, before which ``$``
# matches too): a figure after any other character has no prefix, and the four searches
# are skipped (nine figures in ten).
_PREFIX_LAST_CHARS = frozenset({w[-1] for w in (*SIGN_WORDS, *TOLERANCE_WORDS, *PLUS_WORDS,
                                                *APPROX_WORDS, *TOTAL_WORDS, *BASIS_WORDS,
                                                *BASIS_ENDS)} | {"\n"})
# A verb that makes the figure a bound: 5%を超えた, 30%を上回る (超); 3%を下回る (未満)
_VERB_BOUND = re.compile(r"を(?:超え|超す|上回|下回|割り込|割っ|割る)")
_VERB_BOUND_MODIFIER = {"超": "超", "上": "超", "下": "未満", "割": "未満"}


def prefixes_before(folded: str, start: int) -> tuple[int, dict[str, str]]:
    """Walk back over sign, approximation, 延べ/合計 and comparison base before a figure."""
    found: dict[str, str] = {}
    if folded[start - 1:start] not in _PREFIX_LAST_CHARS:
        return start, found
    progress = True
    while progress:
        progress = False
        for name, pattern in _PREFIXES:
            reach = _BASIS_REACH if name == "basis" else 8
            match = pattern.search(folded, max(0, start - reach), start) \
                if name not in found else None
            if match:
                found[name], start, progress = match.group(), match.start(), True
    return start, found


def suffixes_after(folded: str, end: int) -> tuple[int, bool, str]:
    """Walk forward over approximation, bounds and changes after a figure and unit."""
    approx, modifier = False, ""
    for _ in range(3):
        match = SUFFIX_APPROX.match(folded, end)
        if match:
            approx, end = True, match.end()
            continue
        match = SUFFIX_BOUND.match(folded, end) or SUFFIX_CHANGE.match(folded, end)
        if match and not modifier:
            word = match.group()
            modifier = change_of(word) if match.re is SUFFIX_CHANGE else word
            end = match.end()
            continue
        level_bound = _LEVEL_BOUND.match(folded, end) if modifier in _LEVEL_MARKS else None
        if level_bound is not None:   # 震度6弱以上: the level and its bound, 弱以上
            modifier, end = modifier + level_bound.group(), level_bound.end()
            continue
        break
    return end, approx, modifier


# a level mark (震度6弱, 5強) and a bound after it: 震度6弱以上 is 6弱 or more (弱以上)
_LEVEL_MARKS = ("強", "弱")
_LEVEL_BOUND = re.compile(r"以上|以下|未満")
# nouns of spacing glued after a length or time (200m間隔以下): measure_spacing_nouns.tsv
_SPACING_NOUNS = word_list("measure_spacing_nouns")
_SPACED_BOUND = re.compile(r"以上|以下|以内|未満|超")


def bound_past_spacing(folded: str, end: int) -> str:
    """The bound after a noun of spacing glued to the figure ending at ``end``
    (``縦断図は200m間隔以下``, ``10分間隔以内``: ``以下``, ``以内``; the figure's surface stays
    ``200m``), or ``''``."""
    noun = next((n for n in _SPACING_NOUNS if folded.startswith(n, end)), "")
    bound = _SPACED_BOUND.match(folded, end + len(noun)) if noun else None
    return bound.group() if bound is not None else ""


# a bracket holding only a figure (its share: 2,102人（16.4％）増加)
_FIGURE_BRACKET = re.compile(r"（[0-9][0-9.,]*[^（）、。0-9]{0,5}）")


def change_past_bracket(folded: str, start: int, end: int) -> str:
    """``増`` or ``減`` when a change word follows the figure ``folded[start:end]`` past a
    bracket that holds only another figure (``前年より2,102人（16.4％）増加``), or the
    figure is the one in that bracket: the change is both figures'; else ``''``."""
    bracket = _FIGURE_BRACKET.match(folded, end)
    if bracket is not None:
        after = bracket.end()
    elif start > 1 and folded[start - 2] not in "（）、。 \n" and (
            (inner := _FIGURE_BRACKET.match(folded, start - 1)) is not None
            and inner.end() == end + 1):
        after = end + 1
    else:
        return ""
    change = SUFFIX_CHANGE.match(folded, after)
    return change_of(change.group()) if change is not None else ""


def change_of(word: str) -> str:
    """``増`` or ``減`` for a change word: 増, 増加, 増額, 上昇, 拡大, 上回る, 引き上げ, 高い, 多い
    by so much; 減, 減少, 減額, 低下, 低減, 縮小, 下回る, 引き下げ, 低い, 少ない."""
    word = word.removeprefix("の").removeprefix("引き").removeprefix("引")
    return "増" if word[0] in "増上高多拡" else "減"


def verb_bound(folded: str, end: int) -> tuple[int, str]:
    """The end of the figure's surface and its modifier when a verb after it makes a
    figure with a unit a bound (``5%を超えた`` 超, ``3%を下回る`` 未満); a bare count's
    ``140を超え`` is ``raw_figures``' bare count."""
    match = _VERB_BOUND.match(folded, end)
    if match is None:
        return end, ""
    return match.end(), _VERB_BOUND_MODIFIER[match.group()[1]]


# between two items of a list before one change word: 、 and at most the next item's
# topic (男性は0.42年、女性は0.49年下回った; 0.42年、0.49年下回った)
# or the next item's own time, when the item before has one of the same form (2030年までに
# 43％、2035年までに60％削減)
_LIST_GAP = re.compile(r"、[ 　]?(?:(?P<topic>[一-鿿々゠-ヿA-Za-z]{1,10}?)(?:では|は|が)"
                       r"|(?P<time>[0-9]{4}年度?末?までに))?")
_DEADLINE = re.compile(r"[0-9]{4}年度?末?までに")
_TOPIC_BEFORE = re.compile(r"(?P<topic>[一-鿿々゠-ヿA-Za-z]{1,10})(?:では|は|が)$")


def shares_the_change(folded: str, start: int, end: int, next_start: int) -> bool:
    """Does the change word after the next figure (at ``next_start``) apply to the figure
    ``folded[start:end]`` too? Yes when only 、 and an item's topic stand between
    (``男性は0.42年、女性は0.49年下回った``: both fell), or each item's own deadline when
    both have one (``2030年までに43％、2035年までに60％削減``: both cuts); not when a topic is a measure noun
    (``売上高は100億円、営業利益は5億円増加``: the first is a level, not a change), nor
    when it is a time (``前年は``: the base)."""
    gap = _LIST_GAP.fullmatch(folded, end, next_start)
    if gap is None:
        return False
    if gap.group("time"):   # each item its own time: the item before has one too
        clause = max(folded.rfind("、", 0, start), folded.rfind("。", 0, start)) + 1
        if not _DEADLINE.search(folded, clause, start):
            return False
    topics = [gap.group("topic")]
    before = _TOPIC_BEFORE.search(folded, max(0, start - 12), start)
    if before is not None:
        topics.append(before.group("topic"))
    return not any(t and (is_measure_noun(t) or t[-1] in "年月日度") for t in topics)
