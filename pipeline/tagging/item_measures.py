"""Measures of a figure read from the items around it (``figure_measures`` asks): a noun
glued to the figure that is an item of a list (``映像系ソフト5兆1,009億円`` after ``1次流通
市場の内訳は、``), a count inside one term (``内生79部門表``), and a figure whose noun after
の is the noun an earlier figure of its unit had (``月5GB及び20GBのプランでは…、50GB及び
100GBのプランでは``: the same measure), and a figure in brackets after a share, which the
share noun cannot measure (``取組面積の割合を25％（100万ha）``: the noun the share is of).
"""

from __future__ import annotations

import re

from pipeline.tagging import measures
from pipeline.tagging.dates import DateMention
from pipeline.tagging.measure_lists import GLUED, fits_kind
from pipeline.tagging.measure_nouns import in_date
from pipeline.tagging.raw_figures import RawFigure

_KANJI = re.compile(r"[一-鿿々]")


def inside_a_term(folded: str, raw: RawFigure, anchor: int) -> bool:
    """A count glued to a noun before it and to a kanji after its counter is a piece of one
    term (``内生79部門表``, ``統合大分類37部門表``): the noun before it is a piece of that
    term, not what the figure belongs to."""
    return raw.kind == "count" and folded[anchor - 1:anchor] != "の" \
        and _KANJI.match(folded, raw.end) is not None \
        and _KANJI.match(folded, anchor - 1) is not None


def listed_owner(folded: str, raw: RawFigure, anchor: int, owner: measures.Measure,
                 dates: list[DateMention], figure_starts: frozenset[int],
                 listed: tuple[str, measures.Measure, int]) -> measures.Measure:
    """The measure of a list whose item is the noun glued to the figure (``1次流通市場の
    内訳は、映像系ソフト5兆1,009億円`` → ``1次流通市場``; ``種類の割合は、「情報番組」が71.2％と
    最も高く、次いで「CM」66.5％`` → ``種類の割合``), as for ``XはN``
    (``measure_lists.listed_measure``), or ``NONE``."""
    start = anchor - len(owner.text) - (folded[anchor - 1:anchor] == "」")
    if not folded.startswith(owner.text, start):
        return measures.NONE
    unit, before, before_end = listed
    entity = measures.Measure(owner.text, "medium", GLUED, start)
    return measures.listed_measure(folded, raw.start, entity, dates, figure_starts,
                                   before if unit == raw.unit else measures.NONE,
                                   before_end, raw.kind)


def _base_unit(unit: str) -> str:
    """The unit before a rate's span (``GB/月`` → ``GB``)."""
    return unit.split("/")[0]


def _noun_after_group(folded: str, end: int, unit: str) -> str:
    """The noun after ``の`` that closes the group of figures of ``unit`` joined by a
    conjunction, from the figure ending at ``end`` (``50GB及び100GBのプラン`` → ``プラン``),
    or ''."""
    group = re.compile(rf"(?:\s*(?:及び|および|又は|または|や|と|、)\s*[0-9][0-9,.]*"
                       rf"{re.escape(unit)})*の(?P<m>{measures.NOUN})")
    match = group.match(folded, end)
    return match.group("m") if match is not None else ""


def parallel_measure(folded: str, raw: RawFigure,
                     listed: tuple[str, measures.Measure, int]) -> measures.Measure:
    """The measure of the figure before (outside brackets), when both figures, or the
    groups they close, are of one unit and qualify the same noun after の: a clause
    parallel to the one before (``データ容量が月5GB及び20GBのプランでは低位の水準、50GB及び
    100GBのプランでは中位の水準`` → ``データ容量``, ``medium``); else ``NONE``."""
    unit, before, end = listed
    base = _base_unit(raw.unit)
    if not before.text or end < 0 or not base or _base_unit(unit) != base:
        return measures.NONE
    noun = _noun_after_group(folded, raw.end, base)
    if not noun or _noun_after_group(folded, end, base) != noun:
        return measures.NONE
    return measures.Measure(before.text, "medium")


def share_owner(folded: str, share: measures.Measure, kind: str,
                dates: list[DateMention]) -> measures.Measure:
    """The measure of a figure that the figure before's measure, a share noun, cannot
    measure (``measure_head_kinds.tsv``: ``取組面積の割合を25％（100万ha）`` → 100万ha is
    no share): the noun the share is of (``取組面積``, ``medium``) when it fits the
    figure's kind, else ``NONE``."""
    if share.start < 0:
        return measures.NONE
    match = _SHARE_OF.search(folded, max(0, share.start - 30), share.start)
    if match is None or in_date(match.start("m"), match.end("m"), dates) \
            or not measures.is_measure_noun(match.group("m")) \
            or not fits_kind(match.group("m"), kind):
        return measures.NONE
    return measures.Measure(match.group("m"), "medium")


_SHARE_OF = re.compile(rf"(?P<m>{measures.NOUN})の$")
