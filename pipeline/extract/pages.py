"""Printed page numbers for pages that do not show theirs.

A chapter's opening page, a page of one figure or of a table printed sideways often
carries no page number. When the pages that show one agree on a single offset from the
page index (two at least), every page's number follows from it; otherwise only the
pages that show their number have one: a guess is never made from one page alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pipeline.common.text import ascii_digits


def page_offset(shown: Mapping[int, int]) -> int | None:
    """The one offset of printed number over page index that the pages ``shown``
    (page index → the number printed on it) agree on, two pages at least; else None."""
    offsets = {number - index for index, number in shown.items()}
    return offsets.pop() if len(shown) >= 2 and len(offsets) == 1 else None


def printed_numbers(on_page: Mapping[int, str | None], pages: Iterable[int],
                    ) -> dict[int, str | None]:
    """Page index → printed page for ``pages``: the number a page prints (``on_page``;
    a number in any digits given in ASCII ones, ``１２`` as ``12``, other forms as
    printed), or, for a page that prints none, the one the agreeing pages give it
    (``page_offset``)."""
    digits = {index: ascii_digits(text).strip() for index, text in on_page.items() if text}
    numbers = {index: int(text) for index, text in digits.items() if text.isdecimal()}
    offset = page_offset(numbers)

    def printed(index: int) -> str | None:
        if index in numbers:
            return str(numbers[index])
        if on_page.get(index) or offset is None or index + offset <= 0:
            return on_page.get(index)
        return str(index + offset)
    return {index: printed(index) for index in pages}
