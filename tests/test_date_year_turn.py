"""January right after a span that ends in December is the next year's
(pipeline/tagging/date_anaphora.py ``closes_span``, ``_january_after``): ``令和5年12月までの
地震活動は…、1月1日の本地震直後から`` → 2024-01-01 (bousai2024-t2-1 p0018, the third date
audit's recall misses). Made-up sentences in the styles of other ministries' white papers;
every expectation read off the sentence by hand. Not after a December that closes no span,
nor inside a span whose length follows it, nor any other month: those may be of either year."""

from __future__ import annotations

import pytest

from tests.test_dates_other_papers import Row, _rows


@pytest.mark.parametrize(("text", "expected"), [
    # 防災白書 style (the audited paragraph's shape, shortened)
    ("令和5年12月までの地震活動は狭い範囲であったが、1月1日の本地震直後から広がっている。"
     "同日16時12分に地震が発生した。",
     [("令和5年12月", "2023-12-01", "2023-12-31"), ("1月1日", "2024-01-01", "2024-01-01"),
      ("同日", "2024-01-01", "2024-01-01")]),
    # 厚生労働白書 style: a deadline at the year's end, then the next January
    ("令和5年12月末までに指針を策定し、1月15日から適用した。",
     [("令和5年12月末", "2023-12-31", "2023-12-31"), ("1月15日から", "2024-01-15", None)]),
    # 食料・農業・農村白書 style: a range of one year ending in December, then months after it
    ("2023年4月から12月まで実証を行い、1月から3月にかけて結果を検証した。",
     [("2023年4月から12月まで", "2023-04-01", "2023-12-31"),
      ("1月から3月にかけて", "2024-01-01", "2024-03-31")]),
    # 防衛白書 style: a month
    ("2023年12月まで派遣を継続し、1月には部隊を交代した。",
     [("2023年12月", "2023-12-01", "2023-12-31"), ("1月", "2024-01-01", "2024-01-31")]),
])
def test_january_after_a_span_ending_in_december_is_the_next_years(
        text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # no span closed: 1月 after 12月 may be of either year
    ("令和5年12月に公表し、1月には改定した。", [("令和5年12月", "2023-12-01", "2023-12-31")]),
    # the span's length follows: its months are inside it
    ("2023年12月までの1年間の推移をみると、1月には増加した。",
     [("2023年12月", "2023-12-01", "2023-12-31")]),
    ("令和5年12月までの間、1月には増加した。", [("令和5年12月", "2023-12-01", "2023-12-31")]),
    # a span from January: its January (the existing rule)
    ("2023年1月から12月までの輸出額は増加し、1月には最高となった。",
     [("2023年1月から12月まで", "2023-01-01", "2023-12-31"), ("1月", "2023-01-01", "2023-01-31")]),
    # a span ending in another month: a month before it may be of either year
    ("令和5年9月までに策定し、1月15日から施行した。", [("令和5年9月", "2023-09-01", "2023-09-30")]),
    # a month after January: not the month right after the span
    ("2023年12月までの累計は約3万件であった。2月には約2,000件が追加された。",
     [("2023年12月", "2023-12-01", "2023-12-31")]),
])
def test_no_year_turn_where_the_text_does_not_say(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected
