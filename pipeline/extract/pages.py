"""Printed page numbers for pages that do not show theirs.

A chapter's opening page, a page of one figure or of a table printed sideways often
carries no page number. When the pages that show one agree on a single offset from the
page index (two at least), every page's number follows from it; otherwise only the
pages that show their number have one: a guess is never made from one page alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from pipeline.common.text import ascii_digits

DECORATION = "-－‐— \u3000"      # dashes and spaces set around a number: ``－ 2 －``
TRAILING_NUMBER = re.compile(r"^(?P<part>.*?)(?P<number>[0-9]+)$")


def page_offset(shown: Mapping[int, int]) -> int | None:
    """The one offset of printed number over page index that the pages ``shown``
    (page index → the number printed on it) agree on, two pages at least; else None."""
    offsets = {number - index for index, number in shown.items()}
    return offsets.pop() if len(shown) >= 2 and len(offsets) == 1 else None


def printed_numbers(on_page: Mapping[int, str | None], pages: Iterable[int],
                    ) -> dict[int, str | None]:
    """Page index → printed page for ``pages``: what a page prints (``on_page``), its
    digits in ASCII and the dashes around it left out (``－ １２ －`` → ``12``; a page
    label ``1－3``, page 3 of chapter 1, stays whole), or, for a page that prints none,
    the one the agreeing pages give it: the pages' numbers agree on one offset from the
    page index (``page_offset``), and the part before the number (``1－``) is the same
    on all of them."""
    shown = {index: ascii_digits(text).strip(DECORATION) for index, text in on_page.items()
             if text}
    split = {index: TRAILING_NUMBER.match(text) for index, text in shown.items()}
    numbers = {index: int(found.group("number")) for index, found in split.items() if found}
    parts = {found.group("part") for found in split.values() if found}
    offset = page_offset(numbers) if len(parts) == 1 else None
    part = parts.pop() if offset is not None else ""

    def printed(index: int) -> str | None:
        found = split.get(index)
        if found is not None:
            return found.group("part") + str(int(found.group("number")))
        if index in shown or offset is None or index + offset <= 0:
            return shown.get(index) or on_page.get(index)
        return part + str(index + offset)
    return {index: printed(index) for index in pages}
