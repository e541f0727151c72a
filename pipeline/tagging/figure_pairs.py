"""Two figures read together: a proportion or a rate (``約5人に1人``, ``1人に1台``) and a
range (``50～100件``, ``2～3万円``), from the raw figures of one sentence (``raw_figures``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.tagging.raw_figures import RawFigure

_RANGE_RE = re.compile(r"\s?～\s?")


_EQUALS = ("＝", "=")
_OF_EVERY = "中"   # 10人中3人: 3 of every ten
_POWER_OF_TEN = re.compile(r"10+")


def join_proportions(folded: str, raws: list[RawFigure]) -> list[RawFigure]:
    """``N人にM人`` is a proportion (``約5人に1人``: one in five), no count of five people
    or of one: both go. ``1人に1台`` is a rate: the first goes, the second is per it
    (``台/人``). Another pair (``3社に1億円``: each or all?) is left as it is. An exchange
    rate ``1ドル＝150円`` is one figure, 150 ``円/ドル``, its surface from ``1ドル``; so is
    ``10人中3人``, 3 of every ten: 3 ``人/10人``, as a rate per a base is
    (``人口10万人当たり`` → ``/100000人``), no count of ten people."""
    if len(raws) < 2 or "に" not in folded and "=" not in folded and "＝" not in folded \
            and _OF_EVERY not in folded:
        return raws
    kept: list[RawFigure] = []
    index = 0
    while index < len(raws):
        first = raws[index]
        second = raws[index + 1] if index + 1 < len(raws) else None
        index += 1
        if (second is not None and first.value == 1 and first.unit and second.unit
                and first.unit != second.unit and not first.modifier
                and folded.startswith(_EQUALS, first.end) and second.start == first.end + 1):
            kept.append(replace(second, start=first.start,
                                unit=f"{second.unit}/{first.unit}"))
            index += 1      # 1ドル＝150円: 150 円 per dollar
        elif second is not None and _part_of_every(folded, first, second):
            kept.append(replace(second, start=first.start,
                                unit=f"{second.unit}/{first.value}{first.unit}"))
            index += 1      # 10人中3人: 3 per ten people
        elif (second is None or not first.unit or not second.unit or first.modifier
                or not folded.startswith("に", first.end) or second.start != first.end + 1):
            kept.append(first)
        elif first.unit == second.unit:
            index += 1      # 5人に1人: a share, neither figure a count
        elif first.value == 1:
            kept.append(replace(raws[index], unit=f"{second.unit}/{first.unit}"))
            index += 1      # 1人に1台: 1 台 per person
        else:
            kept.append(first)
    return kept


def _part_of_every(folded: str, first: RawFigure, second: RawFigure) -> bool:
    """``N<unit>中M<unit>`` (``10人中3人``, ``100人中5人``): a power of ten of the same
    unit, bare of marks, then 中 glued to the part. Any other whole is a real count
    (``12業種中8業種``, ``5社中4社``: both figures are kept)."""
    if first.value is None or second.value is None or not first.unit:
        return False
    return first.unit == second.unit and not first.modifier and not first.approx \
        and first.value > second.value and _POWER_OF_TEN.fullmatch(str(first.value)) is not None \
        and folded.startswith(_OF_EVERY, first.end) \
        and second.start == first.end + len(_OF_EVERY)


def pair_ranges(folded: str, raws: list[RawFigure]) -> list[tuple[RawFigure, str]]:
    """Join ``50～100件`` into a low and a high row that share the unit."""
    rows: list[tuple[RawFigure, str]] = []
    index = 0
    while index < len(raws):
        low = raws[index]
        high = raws[index + 1] if index + 1 < len(raws) else None
        index += 1
        # 50～100件; or both ends with the unit, 約2,000億円～3,000億円
        tilde = _RANGE_RE.match(folded, low.numeral_end if not low.unit else low.end)
        if (high is None or tilde is None or tilde.end() != high.start or not high.unit
                or low.unit and (low.unit != high.unit or low.modifier)):
            rows.append((low, ""))
            continue
        value = low.value
        # 2～3万円, 8～9千人, 2～3百万円: a bare low end takes the high end's scale when it
        # stays below it so; a low end printed whole (5,000～1万人, 8千～1万2千人) is its own
        # value, and a high end of several scales (1億3,005万) lends none
        if (value is not None and not low.unit and low.scale == 1 and high.scale > 1
                and high.value is not None and value * high.scale <= high.value):
            value *= high.scale
        approx = low.approx or high.approx
        rows.append((replace(low, value=value, unit=high.unit, kind=high.kind, approx=approx,
                             bare=False, modifier=""), "low"))
        rows.append((replace(high, approx=approx), "high"))
        index += 1
    return rows
