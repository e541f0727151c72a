"""A span glued before 間隔 is the interval's length: 分間 must not reach into 間隔
(UniDic: 10 | 分 | 間隔), and N日 or N年 before it is a span of days or years, no date."""

from __future__ import annotations

import pytest

from pipeline.tagging.quantities import find_numbers


@pytest.mark.parametrize(("text", "surface", "unit", "measure"), [
    # MLIT: buses and trains every N minutes (it was 10分間, unit 分間, measure 列車)
    ("列車は10分間隔で運行している。", "10分", "分", "間隔"),
    ("路線バスを15分間隔で運行した。", "15分", "分", "間隔"),
    # JMA / MOE: observation intervals
    ("潮位は30秒間隔で記録する。", "30秒", "秒", "間隔"),
    ("雨量は1時間間隔で観測する。", "1時間", "時間", "間隔"),
    # MHLW / MAFF: inspections every N days or years (a span, no date)
    ("施設は5日間隔で点検する。", "5日", "日", "間隔"),
    ("調査は3年間隔で実施する。", "3年", "年", "間隔"),
])
def test_a_span_before_kankaku_is_the_interval(text: str, surface: str, unit: str,
                                               measure: str) -> None:
    found = [n for n in find_numbers(text) if n.surface == surface]
    assert len(found) == 1, [n.surface for n in find_numbers(text)]
    assert (found[0].unit, found[0].measure) == (unit, measure)


@pytest.mark.parametrize(("text", "surface", "unit"), [
    ("1日に10分間の休憩をとる。", "10分間", "分間/日"),   # a duration: 分間 is a word here
    ("10年間で倍増した。", "10年間", "年間"),
    ("5時間以上かかる。", "5時間以上", "時間"),
])
def test_spans_not_before_kankaku_keep_their_units(text: str, surface: str, unit: str) -> None:
    assert [(n.surface, n.unit) for n in find_numbers(text)] == [(surface, unit)]


def test_a_date_before_other_words_stays_a_date() -> None:
    assert find_numbers("令和5年12月に公表した。") == []
