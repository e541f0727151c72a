"""A figure that marks off a class rather than measures (``measure_classes``): an
attribute (``number_attribute_units.tsv``: an age, a size) with a bound or a range, set
in brackets after the noun it qualifies (``第1号被保険者（65歳以上）``) or as the topic of
an item (``3歳未満は月額1万5,000円``, ``25～29歳が87.7％``), or before の and the noun that
has it (``40～64歳の医療保険加入者``). Such a figure has no measure, and the figure after
it reads past it (``figure_measures``). A bound in a sentence that breaks figures down by
an attribute measures that attribute (``資本金規模別にみると、…「1億円未満」``).
"""

from __future__ import annotations

import re

from pipeline.common.lexicons import word_list
from pipeline.tagging.dates import DateMention
from pipeline.tagging.measure_nouns import NONE, NOUN, Measure, in_date, is_measure_noun
from pipeline.tagging.raw_figures import RawFigure

# units of an attribute of one thing: 20GBのプラン is a plan of that size, not 20GB of plans
ATTRIBUTE_UNITS = frozenset(word_list("number_attribute_units"))
# a bound on an amount or a span before の marks off a class of the noun after it
# (資本金10億円以上の大企業, 5年以上の経験): the noun is what falls in it, not what is measured
CLASS_BOUNDS = frozenset(("以上", "超", "以下", "未満", "以内"))


def marks_off_a_class(folded: str, raw: RawFigure, role: str) -> bool:
    """Does the figure (its range ``role``) mark off a class: an attribute with a bound or
    a range alone in brackets after a noun, or the topic of an item, or before の?"""
    return _marks_off_in_brackets(folded, raw) or _names_an_items_class(folded, raw, role)


def _marks_off_in_brackets(folded: str, raw: RawFigure) -> bool:
    """A figure of an attribute (``number_attribute_units.tsv``) with a bound, or the low end
    of a range of one, alone in brackets right after a noun (``第1号被保険者（65歳以上）``,
    ``第2号被保険者（40～64歳）``): it marks off the class the noun names."""
    if raw.unit not in ATTRIBUTE_UNITS or folded[raw.start - 1:raw.start] != "（" \
            or not _RUN_END.match(folded[raw.start - 2:raw.start - 1]):
        return False
    close = folded.find("）", raw.start)
    unit = re.escape(raw.unit)
    return close > 0 and re.fullmatch(
        rf"[0-9.,]+(?:{unit})?(?:[～〜~][0-9.,]+{unit})?(?:{'|'.join(CLASS_BOUNDS)})?",
        folded[raw.start:close]) is not None and (
        raw.modifier in CLASS_BOUNDS or not raw.modifier and close > raw.end)


_CLASS_TOPICS = ("は", "が", "では")   # 3歳未満は: the class an item's figure is given for
# the high end of a range of an attribute after its low end (25～29歳が)
_RANGE_HIGH = re.compile(r"\s?[～〜~]\s?[0-9][0-9,.]*(?P<unit>[^0-9\s、。はがでの]{1,3}?)"
                         rf"(?:{'|'.join(CLASS_BOUNDS)})?(?=は|が|では|の)")


def _names_an_items_class(folded: str, raw: RawFigure, role: str) -> bool:
    """An attribute (``number_attribute_units.tsv``), a bound or a range of one, that is
    the topic of an item (``3歳未満は月額1万5,000円``, ``25～29歳が87.7％``): the class the
    next figure is given for, no measure of its own."""
    if raw.unit not in ATTRIBUTE_UNITS:
        return False
    if role == "low":
        # 25～29歳が: an item's class; 40～64歳の医療保険加入者: an attribute of the noun
        # after it, which has it (the topic before, 第2号被保険者は, is no age)
        high = _RANGE_HIGH.match(folded, raw.numeral_end)
        return high is not None and high.group("unit") == raw.unit
    return role == "" and folded.startswith(_CLASS_TOPICS, raw.end)


_RUN_END = re.compile(r"[一-鿿々〆ヵヶ゠-ヿA-Za-z]")   # a noun's last character


# a breakdown by an attribute before the figure: 資本金規模別にみると、, 年齢別では、
_BREAKDOWN_BY = re.compile(rf"(?P<m>{NOUN})別(?:に(?:みる|見る)と|では|には)、")


def breakdown_attribute(folded: str, raw: RawFigure, dates: list[DateMention]) -> Measure:
    """A bound that marks off a class (``1億円未満``, ``300人以上``) in a sentence that
    breaks figures down by an attribute, a measure noun (``資本金規模別にみると、…「1億円
    未満」に属する企業が``), measures that attribute (``資本金規模``, ``medium``); else
    ``NONE`` (a breakdown by a kind, ``業種別``, names no attribute)."""
    if raw.modifier not in CLASS_BOUNDS:
        return NONE
    found = [m for m in _BREAKDOWN_BY.finditer(folded, 0, raw.start)
             if "。" not in folded[m.end():raw.start]]
    if not found:
        return NONE
    match = found[-1]
    noun = match.group("m")
    if not is_measure_noun(noun) or in_date(match.start("m"), match.end("m"), dates):
        return NONE
    return Measure(noun, "medium")
