"""Entity audit (issue 15, acceptance 6, entity half): a seeded random sample of 60 entity
rows of the registered chapters, each judged by reading its paragraph.

The sample was drawn from the published outputs of every registered chapter with
``pandas.DataFrame.sample(n=60, random_state=2026)`` over ``output/<chapter>/entities.csv``
concatenated in registry order, after this branch's rules were final. Each row was then
judged by hand against its paragraph: label, span (start, end), canonical and
canonical_en all right ("fully right"); a row whose canonical_en is empty is right when no
official English name is claimed (an ORG's romanised fallback sits in its own column).
The three rows judged wrong say why. The test checks that the outputs still give every
judged-right row's values and that at least 90% of the sample was judged fully right.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]

# (chapter, para_id, start, end, text, label, canonical, canonical_en, fully right, why not)
SAMPLE: list[tuple[str, str, int, int, str, str, str, str, bool, str]] = [
    ('bousai2024-t2-1', 'p0194', 14, 17, '石川県', 'PLACE', '石川県', 'Ishikawa Prefecture', True, ''),
    ('ict2019-3-1', 'p0053', 4, 7, '総務省', 'ORG', '総務省', 'Ministry of Internal Affairs and Communications', True, ''),
    ('ict2019-3-1', 'p0074', 76, 79, '総務省', 'ORG', '総務省', 'Ministry of Internal Affairs and Communications', True, ''),
    ('ict2019-3-1', 'p0223', 11, 14, 'NHK', 'ORG', '日本放送協会', 'Japan Broadcasting Corporation', True, ''),
    ('ict2019-3-1', 'p0267', 4, 7, '総務省', 'ORG', '総務省', 'Ministry of Internal Affairs and Communications', True, ''),
    ('ict2023-4-1', 'p0024', 130, 133, 'ICT', 'ACRONYM', '情報通信技術', 'Information and Communications Technology', True, ''),
    ('ict2023-4-1', 'p0066', 4, 14, 'リコー経済社会研究所', 'ORG', 'リコー経済社会研究所', '', True, ''),
    ('ict2023-4-1', 'p0068', 151, 153, '日本', 'PLACE', '日本', 'Japan', True, ''),
    ('ict2023-4-1', 'p0075', 4, 7, '総務省', 'ORG', '総務省', 'Ministry of Internal Affairs and Communications', True, ''),
    ('ict2023-4-1', 'p0121', 281, 284, 'NEC', 'ORG', '日本電気株式会社', 'NEC Corporation', True, ''),
    ('ict2023-4-1', 'p0123', 3, 6, 'IDC', 'ACRONYM', 'IDC', '', True, ''),
    ('ict2023-4-1', 'p0126', 341, 345, 'OTIC', 'ACRONYM', 'OTIC', 'Open Testing & Integration Centres', True, ''),
    ('ict2023-4-1', 'p0130', 28, 44, '株式会社SpaceCompass', 'ORG', '株式会社SpaceCompass', '', True, ''),
    ('st2019-2-5', 'p0032', 0, 18, 'マルマンコンピュータサービス株式会社', 'ORG', 'マルマンコンピュータサービス株式会社', '', True, ''),
    ('st2019-2-5', 'p0085', 0, 16, 'JR東日本スタートアップ株式会社', 'ORG', 'JR東日本スタートアップ株式会社', '', True, ''),
    ('st2019-2-5', 'p0108', 0, 11, '東日本電信電話株式会社', 'ORG', '東日本電信電話株式会社', 'Nippon Telegraph and Telephone East Corporation', True, ''),
    ('st2019-2-5', 'p0144', 3, 6, '内閣府', 'ORG', '内閣府', 'Cabinet Office', True, ''),
    ('st2019-2-5', 'p0271', 0, 18, 'NECソリューションイノベータ(株)', 'ORG', 'NECソリューションイノベータ株式会社', '', True, ''),
    ('st2019-2-5', 'p0343', 0, 5, '経済産業省', 'ORG', '経済産業省', 'Ministry of Economy, Trade and Industry', True, ''),
    ('st2019-2-5', 'p0346', 338, 346, '知的財産戦略本部', 'ORG', '知的財産戦略本部', 'Intellectual Property Strategy Headquarters', True, ''),
    ('st2019-2-5', 'p0347', 122, 128, '改正ＪＩＳ法', 'LAW', '改正ＪＩＳ法', '', True, ''),
    ('st2019-2-5', 'p0362', 154, 156, 'ＡＩ', 'ACRONYM', '人工知能', 'Artificial Intelligence', True, ''),
    ('st2019-2-5', 'p0363', 201, 219, '地域科学技術イノベーション推進委員会', 'ORG', '地域科学技術イノベーション推進委員会', '', True, ''),
    ('st2019-2-5', 'p0487', 49, 52, 'ABC', 'ACRONYM', '主体中心のコミュニティ', '', True, ''),
    ('st2019-2-5', 'p0501', 10, 12, '長野', 'PLACE', '長野県', 'Nagano Prefecture', True, ''),
    ('st2024-1-1', 'p0158', 0, 7, 'ChatGPT', 'ACRONYM', 'ChatGPT', '', False, 'ChatGPT is a product name, not an acronym (label)'),
    ('st2024-1-1', 'p0160', 7, 9, 'AI', 'ACRONYM', '人工知能', 'Artificial Intelligence', True, ''),
    ('st2024-1-1', 'p0190', 86, 88, 'ＡＩ', 'ACRONYM', '人工知能', 'Artificial Intelligence', True, ''),
    ('st2024-1-1', 'p0272', 0, 8, 'NICT-LLM', 'ACRONYM', 'NICT-LLM', '', True, ''),
    ('st2024-1-2', 'p0007', 161, 164, '総務省', 'ORG', '総務省', 'Ministry of Internal Affairs and Communications', True, ''),
    ('st2024-1-2', 'p0031', 3, 13, '日本電信電話株式会社', 'ORG', '日本電信電話株式会社', 'Nippon Telegraph and Telephone Corporation', True, ''),
    ('st2024-1-2', 'p0032', 144, 161, '新エネルギー・産業技術総合開発機構', 'ORG', '新エネルギー・産業技術総合開発機構', 'New Energy and Industrial Technology Development Organization', True, ''),
    ('st2024-1-2', 'p0087', 0, 5, 'GPT-３', 'ACRONYM', 'GPT-3', '', True, ''),
    ('st2024-1-2', 'p0117', 9, 11, 'ＡＩ', 'ACRONYM', '人工知能', 'Artificial Intelligence', True, ''),
    ('st2024-1-2', 'p0136', 0, 6, 'Ｋ－ＤＡＳＨ', 'ACRONYM', 'K-DASH', '', True, ''),
    ('st2024-1-2', 'p0164', 6, 11, '文部科学省', 'ORG', '文部科学省', 'Ministry of Education, Culture, Sports, Science and Technology', True, ''),
    ('st2024-1-2', 'p0189', 12, 14, 'ＩＴ', 'ACRONYM', 'IT', '', True, ''),
    ('st2024-1-2', 'p0199', 0, 8, '富山高等専門学校', 'ORG', '富山高等専門学校', '', True, ''),
    ('st2024-1-3', 'p0002', 25, 27, 'ＡＩ', 'ACRONYM', '人工知能', 'Artificial Intelligence', True, ''),
    ('st2024-1-3', 'p0090', 326, 328, 'ＡＩ', 'ACRONYM', '人工知能', 'Artificial Intelligence', True, ''),
    ('st2024-1-3', 'p0092', 75, 77, 'ＡＩ', 'ACRONYM', '人工知能', 'Artificial Intelligence', True, ''),
    ('st2024-1-3', 'p0098', 30, 32, 'AI', 'ACRONYM', '人工知能', 'Artificial Intelligence', True, ''),
    ('st2024-1-3', 'p0123', 4, 8, 'ＯＵＳＤ', 'ACRONYM', 'OUSD', '', True, ''),
    ('st2024-1-3', 'p0136', 5, 7, 'ＡＩ', 'ACRONYM', '人工知能', 'Artificial Intelligence', True, ''),
    ('st2024-1-3', 'p0149', 234, 236, 'ＡＩ', 'ACRONYM', '人工知能', 'Artificial Intelligence', True, ''),
    ('st2024-1-3', 'p0182', 26, 28, 'ＡＩ', 'ACRONYM', '人工知能', 'Artificial Intelligence', True, ''),
    ('st2024-1-3', 'p0198', 0, 7, 'ブリストル大学', 'ORG', 'ブリストル大学', '', True, ''),
    ('st2024-1-3', 'p0214', 615, 621, 'ＵＫＡＩＳＩ', 'ACRONYM', 'ＡＩ安全研究所', '', True, ''),
    ('st2024-1-3', 'p0215', 20, 23, 'ＬＬＭ', 'ACRONYM', '大規模言語モデル', 'Large Language Models', True, ''),
    ('st2024-1-3', 'p0222', 8, 12, 'ＡＩ法案', 'LAW', 'ＡＩ法案', '', True, ''),
    ('st2024-1-3', 'p0230', 1, 13, 'MINIMAL RISK', 'ACRONYM', 'MINIMAL RISK', '', False, 'MINIMAL RISK is two English words in capitals, not an acronym (label)'),
    ('st2024-1-3', 'p0242', 164, 166, 'ＡＩ', 'ACRONYM', '人工知能', 'Artificial Intelligence', True, ''),
    ('st2024-1-3', 'p0243', 92, 94, 'ＡＩ', 'ACRONYM', '人工知能', 'Artificial Intelligence', True, ''),
    ('st2024-1-3', 'p0269', 201, 203, 'ＡＩ', 'ACRONYM', '人工知能', 'Artificial Intelligence', True, ''),
    ('st2024-1-3', 'p0270', 4, 6, 'ＡＩ', 'ACRONYM', '人工知能', 'Artificial Intelligence', True, ''),
    ('st2024-1-3', 'p0272', 209, 211, 'ＡＩ', 'ACRONYM', '人工知能', 'Artificial Intelligence', True, ''),
    ('st2024-1-3', 'p0272', 234, 238, 'ＧＰＡＩ', 'ACRONYM', '汎用目的ＡＩ', '', False, "here ＧＰＡＩ is the Global Partnership on AI (footnote 97), not the chapter's 汎用目的ＡＩ (canonical)"),
    ('st2024-1-3', 'p0280', 42, 44, 'ＡＩ', 'ACRONYM', '人工知能', 'Artificial Intelligence', True, ''),
    ('st2024-1-3', 'p0288', 383, 385, '日本', 'PLACE', '日本', 'Japan', True, ''),
    ('st2024-1-3', 'p0289', 103, 105, 'ＡＩ', 'ACRONYM', '人工知能', 'Artificial Intelligence', True, ''),
]


@cache
def published(chapter_id: str) -> pd.DataFrame:
    return pd.read_csv(ROOT / "output" / chapter_id / "entities.csv", keep_default_na=False)


def test_sample_is_sixty_rows_across_the_chapters() -> None:
    assert len(SAMPLE) == 60
    assert len({row[:4] for row in SAMPLE}) == 60
    assert len({row[0] for row in SAMPLE}) >= 5


def test_at_least_90_percent_fully_right() -> None:
    right = sum(row[8] for row in SAMPLE)
    print(f"entity audit: {right} of {len(SAMPLE)} fully right ({right / len(SAMPLE):.0%})")
    assert right / len(SAMPLE) >= 0.9
    assert all(row[9] for row in SAMPLE if not row[8])   # every wrong row says why


@pytest.mark.parametrize("row", [row for row in SAMPLE if row[8]], ids=lambda r: f"{r[0]}:{r[1]}:{r[2]}")
def test_outputs_still_give_the_judged_right_values(
        row: tuple[str, str, int, int, str, str, str, str, bool, str]) -> None:
    chapter, para_id, start, end, text, label, canonical, english, _, _ = row
    rows = published(chapter)
    found = rows[(rows.para_id == para_id) & (rows.start == start) & (rows.end == end)]
    assert len(found) == 1, row
    got = found.iloc[0]
    assert (got.text, got.label, got.canonical, got.canonical_en) == \
        (text, label, canonical, english)
