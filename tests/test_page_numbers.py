"""The one page-number pattern both the pdf-text adapter and the PDF adapter read."""

from __future__ import annotations

import pytest

from pipeline.common.page_numbers import PAGE_NUMBER


@pytest.mark.parametrize("line", ["12", " 12 ", "１２", "－ 12 －", "- 3 -", "—7—", "‐128‐", "1234"])
def test_a_page_number_alone_on_its_line(line: str) -> None:
    assert PAGE_NUMBER.match(line)


@pytest.mark.parametrize("line", ["12345", "1-2", "1－3", "第1", "12頁", "－－12－－", "p.12", ""])
def test_not_a_page_number(line: str) -> None:
    assert not PAGE_NUMBER.match(line)
