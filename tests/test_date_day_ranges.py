"""Ranges of days with a time of day at either end, and a yearless range of days that ends
on the day just named (pipeline/tagging/date_ranges.py ``after_day_marks``,
date_anaphora.py ``_range_to_day``): ``現在（令和6年4月1日現在）…、1月1日16時から4月1日0時
までの間に、…1,772回`` → 2024-01-01 … 2024-04-01 (bousai2024-t2-1 p0018, the third date
audit's last recall miss). Made-up sentences in the styles of other ministries' white
papers; every expectation read off the sentence by hand."""

from __future__ import annotations

import pytest

from tests.test_dates_other_papers import Row, _rows


@pytest.mark.parametrize(("text", "expected"), [
    # 国土交通白書 style: a time at both ends of a range of days is part of its surface
    ("令和6年1月1日16時から1月3日18時までの間、全線で運転を見合わせた。",
     [("令和6年1月1日16時から1月3日18時までの間", "2024-01-01", "2024-01-03")]),
    ("2023年8月9日6時から同月10日12時まで通行止めとした。",
     [("2023年8月9日6時から同月10日12時まで", "2023-08-09", "2023-08-10")]),
    # 防災白書 style, after a weekday
    ("2023年9月1日（金）9時から9月3日（日）まで訓練を実施した。",
     [("2023年9月1日（金）9時から9月3日（日）まで", "2023-09-01", "2023-09-03")]),
])
def test_a_time_of_day_stays_inside_a_range_of_days(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a time after a day alone stays out of its surface
    ("2016年4月14日21時26分にマグニチュード6.5の地震が発生した。",
     [("2016年4月14日", "2016-04-14", "2016-04-14")]),
    # a range of hours within one day is no range of days
    ("2024年1月1日16時から17時までの間に発生した。", [("2024年1月1日", "2024-01-01", "2024-01-01")]),
])
def test_a_time_alone_or_a_range_of_hours_is_no_range_of_days(
        text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 防災白書 style (the audited sentence, shortened)
    ("現在（令和6年4月1日現在）も地震が発生しており、1月1日16時から4月1日0時までの間に、"
     "地震は1,772回発生している。",
     [("令和6年4月1日現在", "2024-04-01", "2024-04-01"),
      ("1月1日16時から4月1日0時までの間", "2024-01-01", "2024-04-01")]),
    # 厚生労働白書 style: a period that runs up to the day a law took effect
    ("改正法は令和6年4月1日に施行された。1月1日から4月1日までの間に説明会を開催した。",
     [("令和6年4月1日", "2024-04-01", "2024-04-01"),
      ("1月1日から4月1日までの間", "2024-01-01", "2024-04-01")]),
])
def test_a_yearless_range_ending_on_the_day_just_named_is_of_its_year(
        text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 農林水産: ending on another day, it may be of the year before (undated, as before)
    ("令和6年4月1日現在、1月1日から3月31日までの間に約2万件の相談があった。",
     [("令和6年4月1日現在", "2024-04-01", "2024-04-01")]),
    # a single day before the month named: of either year
    ("令和6年4月1日現在の数値である。1月10日には公表した。",
     [("令和6年4月1日現在", "2024-04-01", "2024-04-01")]),
])
def test_no_yearless_range_or_day_before_the_anchor_otherwise(
        text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected
