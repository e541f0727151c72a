"""Relative periods (``前年度``, ``前年``, ``翌年度``, ``同月`` …) resolved to ISO dates.

``resolve_relative(surface, period)`` resolves ``前年度``, ``前年``, ``翌年度`` … against
the period of a sentence; ``find_relative_dates(text, mentions)`` finds them in a text
and reads each against the text's absolute date mentions (from ``dates.find_dates``).
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.tagging.dates import WESTERN, DateMention, Period, month_period, year_period

_RELATIVE_RE = re.compile(r"^(?:対)?(?P<when>前|昨|翌|同|本|当|今)(?P<unit>年度|年|月)")
_SHIFT = {"前": -1, "昨": -1, "翌": 1, "同": 0, "本": 0, "当": 0, "今": 0}


def resolve_relative(surface: str, period: tuple[str, str]) -> tuple[str, str] | None:
    """Period named by ``前年度``, ``前年``, ``翌年度``, ``同月`` … relative to ``period``.

    ``period`` is the (start, end) ISO dates the sentence refers to; the result is
    (start, end) ISO, or ``None`` when ``surface`` does not start with a relative
    expression or ``period`` is not ISO. ``前年度比`` and ``対前年比`` work too.
    """
    match = _RELATIVE_RE.match(surface.strip())
    try:
        anchor = date.fromisoformat(period[0])
    except (ValueError, IndexError, TypeError):
        return None
    if match is None:
        return None
    shift, unit = _SHIFT[match.group("when")], match.group("unit")
    if unit == "年度":
        fiscal = anchor.year if anchor.month >= 4 else anchor.year - 1
        found = year_period(WESTERN, fiscal + shift, True, False)
    elif unit == "年":
        found = year_period(WESTERN, anchor.year + shift, False, False)
    else:
        months = anchor.year * 12 + anchor.month - 1 + shift
        span = month_period(months // 12, months % 12 + 1, None)
        found = Period(WESTERN, "month", span[0], span[1]) if span else None
    return (found.first.isoformat(), found.last.isoformat()) if found else None


_RELATIVE_FIND_RE = re.compile(r"(?=[対前昨翌同])(?:対)?(?:前|昨|翌|同)(?:年度|年|月)")
_ABSOLUTE_KINDS = ("fiscal_year", "year", "month", "date")


def find_relative_dates(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``前年度``, ``前年``, ``翌年度``, ``同月`` … resolved against the sentence's period.

    The period is the nearest absolute date mention before the expression in ``text``
    (else the first one after it); without one nothing is returned: a wrong year is
    worse than none. The resolved mentions carry ``era = "relative"``.
    """
    absolute = [m for m in mentions if m.kind in _ABSOLUTE_KINDS and m.start_date and m.end_date]
    taken = [(m.start, m.end) for m in mentions]
    found = []
    for match in _RELATIVE_FIND_RE.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        before = [m for m in absolute if m.end <= match.start()]
        anchor = before[-1] if before else next((m for m in absolute if m.start >= match.end()),
                                                None)
        if anchor is None or anchor.start_date is None or anchor.end_date is None:
            continue
        resolved = resolve_relative(match.group(), (anchor.start_date, anchor.end_date))
        if resolved is None:
            continue
        unit = "fiscal_year" if match.group().endswith("年度") else (
            "year" if match.group().endswith("年") else "month")
        found.append(DateMention(match.start(), match.end(), match.group(), unit,
                                 resolved[0], resolved[1], "relative"))
    return found
