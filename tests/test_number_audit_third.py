"""Third number audit: a third seeded random sample of 60 rows of the ``numbers`` dataset
of the registered chapters, drawn from the rows the first two audits left and judged
before any rule was mended on it, so that its first score is an honest estimate of the
precision of ``numbers`` (the held-out audit's 37/60 no longer is one: rules were mended
on its wrong rows).

How the sample was drawn: ``numbers.csv`` of every registered chapter of the reference
build at HEAD 8d27c89 (``/tmp/ref_output1``, 805 rows), read with
``keep_default_na=False`` and concatenated in the order of ``raw/chapters.toml`` with a
fresh index; the 120 rows of ``test_number_audit.SAMPLE`` and
``test_number_audit_heldout.SAMPLE`` (matched on chapter, para_id, note_id, start, end)
dropped (685 rows left); then ``pandas.DataFrame.sample(n=60, random_state=31)``. The
rows are listed below in the order drawn. Each row was judged against its sentence
(``sentences.csv`` by ``sent_id``; the footnote's text for a footnote row; the paragraph
where the period came from the paragraph), by the first audit's standard ("fully
right": ``value`` in base units, ``unit``, ``approx`` and ``modifier``; ``measure`` names
what is counted or measured as the sentence says it, a measure naming the actor,
category, place, direction or object instead being wrong and an empty one right only when
the sentence does not say; a count whose counter is the only name of the things counted
is right with an empty measure; a generic head noun the sentence uses is right; the
period is the one the sentence gives, empty when it gives none; ``最大`` is no modifier).

40 of the 60 rows were judged fully right. The 20 wrong rows (each says what is wrong
and what the right value is): measure naming a category, place, direction or object
instead of what is counted or measured: 9 (a breakdown's item, ``新潟県106棟`` inside
``全壊が8,459棟（…）``, ``映像系ソフト5兆1,009億円`` after ``内訳は``, ``「バラエティ」46.5％``:
5; the industry whose share or change it is, ``情報通信産業は全産業の8.6％を占め``,
``「情報通信関連製造業」は44.8%の減少``: 2; the direction
``南西方向への変動``: 1; the corpus ``約１億語の「…コーパス」``: 1), measure a piece of a term
(``内生79部門表`` → 内生): 1; measure empty although the sentence names it: 6
(``全産業の実質GDP成長率0.7%の約3割``, ``資本金規模別にみると…「1億円未満」``,
``横断勾配が…S=1.5～2.0％``, ``回答企業の割合が大きかったものは…が15.4％``,
``雇用者数は、399.0万人で…15.9％減少``, ``関係Cは、…0.25m``); measure and unit both
(``データ容量が月5GB及び20GBの…、50GB及び100GBのプラン``: 100GB has neither
データ容量 nor GB/月): 1; a bound lost (``20m間隔以下``, ``100m間隔以下``,
``最大震度6弱以上``): 3. No value, approx or period was wrong. 40 of 60 is the third
audit's score as first measured.

After it was measured, general rules made 8 of the wrong rows right (each row now gives
the value published, judged right; no other value changed): a part in a bracket after its
whole's figure has the whole's measure (``全壊が8,459棟（…新潟県106棟）`` → 全壊,
``床上・床下浸水が25棟（…石川県11棟）`` → 床上・床下浸水); a noun of direction after a
figure is passed over for the noun of what moved (``2.0m程度の南西方向への変動`` → 変動); a
change from a year before は has the measure of the figure before (``2000年からは15.9％
減少`` → 雇用者数); a share of a figure measures what it is part of (``実質GDP成長率0.7%の
約3割`` → 実質GDP成長率); 語 counts words, not the corpus (``約１億語の「…コーパス」`` →
empty); a bound after a noun of spacing is the figure's (``20m間隔以下``, ``100m間隔以下`` →
modifier 以下). So 48 of the 60 were then fully right. Next, an item glued to its figure
with no particle in a list opened by a measure noun or by ``Xの内訳は`` measures the list's
measure, as an item before は or が does: ``1次流通市場の内訳は、映像系ソフト5兆1,009億円、…
テキスト系ソフト3兆3,979億円`` → 1次流通市場 (the market broken down: its size, as
``市場は9兆円`` says; taken as right), ``放送番組の種類の割合は、「情報番組…」が71.2％と最も
高く、次いで「CM」66.5％、「バラエティ」46.5％`` → 種類の割合 (what 71.2％ already had; the
head the sentence uses). So 51 of the 60 were then fully right. Then a ranking by M
(``回答企業の割合が大きかったものは「…」が15.4％``) opens a list of M → 回答企業の割合, and an
entity's share of a whole right after a frame that surely opens a list is a share of the
frame's M (``主な産業の名目GDPの規模をみると、情報通信産業は全産業の8.6％を占め`` →
名目GDPの規模): 53 of the 60 were then fully right. Last, a count glued to kanji on
both sides is a piece of one term, the noun before it no measure (``内生79部門表`` →
empty), and a clause parallel to the one before, its figure of the same unit qualifying
the same noun after の, has the measure of the figure before (``50GB及び100GBのプランでは``
→ データ容量, GB/月): 55 of the 60 were then fully right; and a bound that marks off a
class in a sentence that breaks figures down by an attribute measures it
(``資本金規模別にみると…「1億円未満」`` → 資本金規模): 56 of the 60 were then fully
right; and a level mark keeps the bound after it (``最大震度6弱以上``: the row, drawn as
``6弱`` at 11-13 with modifier 弱, is now ``6弱以上`` at 11-15 with modifier 弱以上): 57 of
the 60 were then fully right; and a letter symbol set equal to a figure is read past
to the noun before it (``横断勾配が拝み勾配S=1.5～2.0％`` → 拝み勾配, the crown slope, a
kind of cross slope: taken as right): 58 of the 60 are now fully right. The two still
wrong: a quoted category before は taken (``「情報通信関連製造業」は44.8%の減少``) and a
letter's measure (``関係Cは、…0.25m``).

The test checks that the outputs still give every judged-right row's values (and the
bounds the rules above mended) and that the share of fully-right rows stays at least the
count judged right.
"""

from __future__ import annotations

import pytest

from tests.audit_rows import (
    assert_number_as_judged,
    assert_sixty_rows_across_chapters,
    fully_right_count,
)
from tests.projects import published_rows
from tests.test_number_audit import SAMPLE as FIRST_AUDIT
from tests.test_number_audit_heldout import SAMPLE as HELDOUT_AUDIT

JUDGED_RIGHT = 58

# (chapter, para_id, note_id, start, end, surface, value, unit, measure, period_start,
#  period_end, fully right, why not)
Row = tuple[str, str, str, int, int, str, float, str, str, str, str, bool, str]
SAMPLE: list[Row] = [
    ('bousai2024-t2-1', 'p0192', '', 166, 169, '11棟', 11.0, '棟',
     '床上・床下浸水', '2024-05-28', '2024-05-28', True, ''),   # measure was 石川県 (a breakdown's place)
    ('ict2023-4-1', 'p0010', '', 19, 25, '52.7兆円', 52700000000000.0, '円',
     '名目GDP', '2021-01-01', '2021-12-31', True, ''),
    ('ict2019-3-1', 'p0024', '', 80, 88, '44.8%の減少', 44.8, '%',
     '情報通信関連製造業', '', '', False, 'measure names the industry (the category 「情報通信関連製造業」) instead of what fell; the paragraph does not name the quantity (right: empty)'),
    ('ict2019-3-1', '', 'n036', 119, 123, '3万以上', 30000.0, '',
     '影響利用者数', '', '', True, ''),
    ('ict2019-3-1', 'p0013', '', 78, 82, '8.6％', 8.6, '%',
     '名目GDPの規模', '2017-01-01', '2017-12-31', True, ''),   # measure was 情報通信産業 (the industry)
    ('ict2023-4-1', 'p0095', '', 160, 165, '100GB', 100.0, 'GB/月',
     'データ容量', '2023-03-01', '2023-03-31', True, ''),   # measure was empty, unit GB
    ('st2024-1-2', 'p0106', '', 196, 200, '約１億語', 100000000.0, '語',
     '', '', '', True, ''),   # measure was the corpus
    ('bousai2024-t2-1', 'p0128', '', 6, 9, '約4m', 4.0, 'm',
     '隆起', '', '', True, ''),
    ('ict2019-3-1', 'p0239', '', 60, 69, '5兆1,009億円', 5100900000000.0, '円',
     '1次流通市場', '2017-01-01', '2017-12-31', True, ''),   # measure was 映像系ソフト (a breakdown's item)
    ('ict2019-3-1', 'p0033', '', 112, 115, '約3割', 3.0, '割',
     '実質GDP成長率', '2012-01-01', '2017-12-31', True, ''),   # measure was empty
    ('ict2019-3-1', 'p0051', '', 61, 68, '5,123億円', 512300000000.0, '円',
     '受取額', '2017-04-01', '2018-03-31', True, ''),
    ('mlit2023-1-1', 'p0420', '', 6, 9, '20m', 20.0, 'm',
     '間隔', '', '', True, ''),   # modifier was empty (以下 lost)
    ('ict2019-3-1', 'p0086', '', 41, 46, '1億円未満', 100000000.0, '円',
     '資本金規模', '', '', True, ''),   # measure was empty
    ('ict2019-3-1', 'p0002', '', 21, 27, '97.5兆円', 97500000000000.0, '円',
     '名目国内生産額', '2017-01-01', '2017-12-31', True, ''),
    ('mlit2023-1-1', 'p1117', '', 0, 3, '１．５', 1.5, '%',
     '', '', '', True, ''),
    ('ict2019-3-1', 'p0098', '', 99, 106, '4,790億円', 479000000000.0, '円',
     '売上高', '2017-04-01', '2018-03-31', True, ''),
    ('ict2023-4-1', 'p0090', '', 169, 177, '0.1ポイント減', 0.1, 'ポイント',
     '事業者別シェア', '2022-12-31', '2022-12-31', True, ''),
    ('ict2023-4-1', 'p0023', '', 124, 129, '17.3％', 17.3, '%',
     '輸入額', '2021-01-01', '2021-12-31', True, ''),
    ('bousai2024-t2-1', 'p0095', '', 58, 64, '2.0m程度', 2.0, 'm',
     '変動', '', '', True, ''),   # measure was 南西方向
    ('ict2023-4-1', 'p0086', '', 32, 42, '前年同期比2.2％増', 2.2, '%',
     '契約数', '2022-12-31', '2022-12-31', True, ''),
    ('ict2019-3-1', 'p0182', '', 41, 50, '1兆9,126億円', 1912600000000.0, '円',
     '広告収入', '2018-01-01', '2018-12-31', True, ''),
    ('ict2019-3-1', 'p0250', '', 53, 58, '31.1%', 31.1, '%',
     '市場規模', '', '', True, ''),
    ('ict2019-3-1', 'p0058', '', 73, 78, '26.9%', 26.9, '%',
     '研究費', '', '', True, ''),
    ('ict2019-3-1', 'p0012', '', 20, 26, '43.9兆円', 43900000000000.0, '円',
     '名目GDP', '2017-01-01', '2017-12-31', True, ''),
    ('mlit2023-1-1', 'p1153', '', 2, 4, '5m', 5.0, 'm',
     '', '', '', True, ''),
    ('bousai2024-t2-1', 'p0192', '', 64, 68, '106棟', 106.0, '棟',
     '全壊', '2024-05-28', '2024-05-28', True, ''),   # measure was 新潟県 (a breakdown's place)
    ('bousai2024-t2-1', 'p0005', '', 120, 123, '6.5', 6.5, '',
     'マグニチュード', '2023-05-05', '2023-05-05', True, ''),
    ('mlit2023-1-1', 'p1005', '', 120, 123, '2種類', 2.0, '種類',
     '', '', '', True, ''),
    ('ict2019-3-1', 'p0022', '', 22, 29, '399.0万人', 3990000.0, '人',
     '雇用者数', '2017-01-01', '2017-12-31', True, ''),
    ('ict2023-4-1', 'p0037', '', 135, 141, '45.2万人', 452000.0, '人',
     '研究者数', '2020-01-01', '2020-12-31', True, ''),
    ('ict2019-3-1', '', 'n036', 145, 150, '10万以上', 100000.0, '',
     '影響利用者数', '', '', True, ''),
    ('ict2019-3-1', 'p0155', '', 88, 93, '27.6％', 27.6, '%',
     '割合', '', '', True, ''),
    ('ict2019-3-1', 'p0258', '', 137, 142, '46.5％', 46.5, '%',
     '種類の割合', '', '', True, ''),   # measure was バラエティ (a list's item)
    ('mlit2023-1-1', 'p1113', '', 22, 26, '2.0％', 2.0, '%',
     '拝み勾配', '', '', True, ''),   # measure was empty
    ('ict2019-3-1', 'p0126', '', 95, 100, '15.4％', 15.4, '%',
     '回答企業の割合', '', '', True, ''),   # measure was empty
    ('st2024-1-2', 'p0026', '', 213, 222, '130億パラメータ', 13000000000.0, 'パラメータ',
     'パラメータ数', '', '', True, ''),
    ('ict2019-3-1', 'p0232', '', 93, 96, '約6％', 6.0, '%',
     '市場構成比', '', '', True, ''),
    ('ict2019-3-1', '', 'n015', 14, 18, '79部門', 79.0, '部門',
     '', '', '', True, ''),   # measure was 内生 (a piece of the term)
    ('ict2023-4-1', 'p0032', '', 84, 94, '14兆2,244億円', 14224400000000.0, '円',
     '研究費', '2021-04-01', '2022-03-31', True, ''),
    ('ict2019-3-1', 'p0013', '', 37, 44, '0.9％の増加', 0.9, '%',
     '名目GDP', '2017-01-01', '2017-12-31', True, ''),
    ('ict2023-4-1', 'p0118', '', 12, 14, '5社', 5.0, '社',
     '大手通信事業者', '', '', True, ''),
    ('mlit2023-1-1', 'p0337', '', 6, 10, '100m', 100.0, 'm',
     '間隔', '', '', True, ''),   # modifier was empty (以下 lost)
    ('ict2023-4-1', 'p0023', '', 44, 50, '91.2兆円', 91200000000000.0, '円',
     '輸出額', '2021-01-01', '2021-12-31', True, ''),
    ('ict2019-3-1', 'p0037', '', 44, 49, '15.1%', 15.1, '%',
     '情報化投資', '2017-01-01', '2017-12-31', True, ''),
    ('ict2019-3-1', 'p0193', '', 75, 79, '325社', 325.0, '社',
     '事業者', '2019-03-31', '2019-03-31', True, ''),
    ('ict2019-3-1', 'p0141', '', 34, 43, '前年度比2.2％減', 2.2, '%',
     '売上高', '2017-04-01', '2018-03-31', True, ''),
    ('ict2019-3-1', 'p0022', '', 53, 60, '15.9％減少', 15.9, '%',
     '雇用者数', '2017-01-01', '2017-12-31', True, ''),   # measure was empty
    ('bousai2024-t2-1', 'p0036', '', 11, 15, '6弱以上', 6.0, '',
     '最大震度', '', '', True, ''),   # was 6弱 at 11-13, modifier 弱 (以上 lost)
    ('st2024-1-3', 'p0269', '', 148, 151, '約70', 70.0, '',
     '国・地域', '', '', True, ''),
    ('bousai2024-t2-1', 'p0169', '', 3, 10, '約3,800人', 3800.0, '人',
     '', '', '', True, ''),
    ('ict2023-4-1', 'p0052', '', 72, 74, '6%', 6.0, '%',
     '研究開発費の比率', '2021-01-01', '2021-12-31', True, ''),
    ('bousai2024-t2-1', 'p0131', '', 195, 199, '4m以上', 4.0, 'm',
     '浸水高', '', '', True, ''),
    ('bousai2024-t2-1', 'p0004', '', 47, 50, '7.6', 7.6, '',
     'マグニチュード', '2024-01-01', '2024-01-01', True, ''),
    ('ict2019-3-1', 'p0119', '', 60, 66, '48.4億円', 4840000000.0, '円/企業',
     '売上高', '2017-04-01', '2018-03-31', True, ''),
    ('ict2019-3-1', 'p0042', '', 89, 94, '9.0兆円', 9000000000000.0, '円',
     '輸出額', '2017-01-01', '2017-12-31', True, ''),
    ('ict2019-3-1', 'p0239', '', 92, 101, '3兆3,979億円', 3397900000000.0, '円',
     '1次流通市場', '2017-01-01', '2017-12-31', True, ''),   # measure was テキスト系ソフト (a breakdown's item)
    ('bousai2024-t2-1', 'p0095', '', 212, 216, '4m程度', 4.0, 'm',
     '隆起', '', '', True, ''),
    ('st2019-2-5', 'p0003', '', 161, 167, '約1.54倍', 1.54, '倍',
     '研究費受入額', '2017-04-01', '2018-03-31', True, ''),
    ('st2024-1-1', 'p0254', '', 0, 4, '700億', 70000000000.0, '',
     '', '', '', True, ''),
    ('mlit2023-1-1', 'p1002', '', 47, 52, '0.25m', 0.25, 'm',
     '', '', '', False, 'measure empty, but the sentence names it: …施設帯幅員の関係Cは、第1種1級、2級は0.5m、それ以外はすべて0.25m (right: 関係C)'),
]


def test_sample_is_sixty_rows_across_the_chapters() -> None:
    assert_sixty_rows_across_chapters(SAMPLE)


def test_sample_is_held_out_from_the_two_earlier_audits() -> None:
    earlier = {row[:5] for row in FIRST_AUDIT} | {row[:5] for row in HELDOUT_AUDIT}
    assert not {row[:5] for row in SAMPLE} & earlier


def test_share_fully_right_holds() -> None:
    right = fully_right_count(SAMPLE, 11, 12, "third number audit")
    assert right / len(SAMPLE) >= JUDGED_RIGHT / 60


@pytest.mark.parametrize("row", [row for row in SAMPLE if row[11]],
                         ids=lambda r: f"{r[0]}:{r[1] or r[2]}:{r[3]}")
def test_outputs_still_give_the_judged_right_values(row: Row) -> None:
    assert_number_as_judged(row)


@pytest.mark.parametrize(("chapter", "para_id", "start", "modifier"), [
    ("mlit2023-1-1", "p0420", 6, "以下"),   # 20m間隔以下
    ("mlit2023-1-1", "p0337", 6, "以下"),   # 100m間隔以下
    ("bousai2024-t2-1", "p0036", 11, "弱以上"),   # 最大震度6弱以上
])
def test_a_bound_judged_lost_is_kept(chapter: str, para_id: str, start: int,
                                     modifier: str) -> None:
    rows = published_rows(chapter, "numbers")
    found = rows[(rows.para_id == para_id) & (rows.start == start)]
    assert found.modifier.tolist() == [modifier]
