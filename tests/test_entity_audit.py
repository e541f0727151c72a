"""Entity audit (issue 15, acceptance 6, entity half): a seeded random sample of 60 entity
rows of the registered chapters, each judged by reading its paragraph.

The sample was drawn from the published outputs of every registered chapter with
``pandas.DataFrame.sample(n=60, random_state=2026)`` over ``output/<chapter>/entities.csv``
concatenated in registry order, after this branch's rules were final. Each row was then
judged by hand against its paragraph: label, span (start, end), canonical and
canonical_en all right ("fully right"); a row whose canonical_en is empty is right when no
official English name is claimed (an ORG's romanised fallback sits in its own column).
The four rows judged wrong say why. Paragraph ids were mapped to the merged build's
(identical paragraph text; one source paragraph that now wraps on, p0189 → p0191) when
the structure rules of the 防災白書 chapter moved them, and again when ruled-table cells
became table text (the 京都府 of a garbled mlit line is now the first word of its own
cell, p0381:28 → p0995:0), and when PDFium put two lines of st2024-1-2 p.5 back in
p0028 (ＡＩ of p0029 from 565 to 518), and when the manual's page labels (``1－15``)
were read as page numbers instead of paragraphs of their own (p0077 → p0076, p0995 →
p0980), and when a paragraph of st2024-1-2 after a line opening with a bracket was no
longer joined to it (p0029:518 → p0033:39; later ids of that chapter up by 2 or 3), and
when the manual's body-type headings (``1．``, ``2－1``) were read from their numbering
(p0076 → p0075, p0980 → p0978), and when two raised 注 marks of the 防災白書 table on
p. 37 left the table text (bousai ids after p0147 down by 2). The test checks that the outputs still give every
judged-right row's values and that at least 90% of the sample was judged fully right.

The row ロンドン大学 (st2024-1-3 p0185), judged wrong (a piece of the college's name), was
fixed later (branch horg: a university's name runs on over a campus printed glued after it,
``org_university_part_words.tsv``) and keeps its first judgement, so the score stays the one
first measured; ``FIXED`` checks the outputs give the whole name its "why not" says is right
(named as printed, no English claimed: Royal Holloway is listed nowhere).
"""

from __future__ import annotations

import pytest

from tests.projects import published_rows

# (chapter, para_id, start, end, text, label, canonical, canonical_en, fully right, why not)
SAMPLE: list[tuple[str, str, int, int, str, str, str, str, bool, str]] = [
    ('bousai2024-t2-1', 'p0136', 3, 6, '気象庁', 'ORG', '気象庁',
     'Japan Meteorological Agency', True, ''),
    ('bousai2024-t2-1', 'p0187', 28, 31, '復興庁', 'ORG', '復興庁',
     'Reconstruction Agency', True, ''),
    ('bousai2024-t2-1', 'p0192', 109, 112, '富山県', 'PLACE', '富山県',
     'Toyama Prefecture', True, ''),
    ('ict2019-3-1', 'p0004', 4, 7, '総務省', 'ORG', '総務省',
     'Ministry of Internal Affairs and Communications', True, ''),
    ('ict2019-3-1', 'p0045', 157, 160, 'ICT', 'ACRONYM', '情報通信技術',
     'Information and Communications Technology', True, ''),
    ('ict2019-3-1', 'p0107', 8, 13, '経済産業省', 'ORG', '経済産業省',
     'Ministry of Economy, Trade and Industry', True, ''),
    ('ict2019-3-1', 'p0181', 4, 7, '総務省', 'ORG', '総務省',
     'Ministry of Internal Affairs and Communications', True, ''),
    ('ict2019-3-1', 'p0267', 4, 7, '総務省', 'ORG', '総務省',
     'Ministry of Internal Affairs and Communications', True, ''),
    ('ict2019-3-1', 'p0278', 9, 12, 'アジア', 'PLACE', 'アジア',
     'Asia', True, ''),
    ('ict2023-4-1', 'p0011', 15, 18, 'GDP', 'ACRONYM', '国内総生産',
     'Gross Domestic Product', True, ''),
    ('ict2023-4-1', 'p0013', 15, 18, 'GDP', 'ACRONYM', '国内総生産',
     'Gross Domestic Product', True, ''),
    ('ict2023-4-1', 'p0045', 102, 104, '中国', 'PLACE', '中国',
     'China', True, ''),
    ('ict2023-4-1', 'p0045', 105, 107, '米国', 'PLACE', 'アメリカ合衆国',
     'United States of America', True, ''),
    ('ict2023-4-1', 'p0114', 93, 98, '日立製作所', 'ORG', '株式会社日立製作所',
     'Hitachi, Ltd.', True, ''),
    ('ict2023-4-1', 'p0114', 270, 275, 'NSSOL', 'ORG', '日鉄ソリューションズ株式会社',
     'NS Solutions Corporation', True, ''),
    ('ict2023-4-1', 'p0118', 0, 2, '欧州', 'PLACE', 'ヨーロッパ',
     'Europe', True, ''),
    ('ict2023-4-1', 'p0118', 406, 410, 'KDDI', 'ORG', 'KDDI',
     'KDDI CORPORATION', True, ''),
    ('ict2023-4-1', 'p0119', 37, 41, 'DISH', 'ACRONYM', 'DISH',
     '', False, 'DISH is the brand of the company DISH Wireless, not an acronym (label, span)'),
    ('ict2023-4-1', 'p0120', 83, 85, '米国', 'PLACE', 'アメリカ合衆国',
     'United States of America', True, ''),
    ('mlit2023-1-1', 'p0075', 1, 6, 'ＳＴＡＲＴ', 'ACRONYM', 'START',
     '', False, 'START is the English word printed at the start of a flowchart, not an acronym (label)'),
    ('mlit2023-1-1', 'p0981', 0, 3, '京都府', 'PLACE', '京都府',
     'Kyoto Prefecture', True, ''),
    ('st2019-2-5', 'p0032', 0, 18, 'マルマンコンピュータサービス株式会社', 'ORG', 'マルマンコンピュータサービス株式会社',
     '', True, ''),
    ('st2019-2-5', 'p0085', 0, 16, 'JR東日本スタートアップ株式会社', 'ORG', 'JR東日本スタートアップ株式会社',
     '', True, ''),
    ('st2019-2-5', 'p0108', 0, 11, '東日本電信電話株式会社', 'ORG', '東日本電信電話株式会社',
     'Nippon Telegraph and Telephone East Corporation', True, ''),
    ('st2019-2-5', 'p0144', 3, 6, '内閣府', 'ORG', '内閣府',
     'Cabinet Office', True, ''),
    ('st2019-2-5', 'p0162', 3, 6, '内閣府', 'ORG', '内閣府',
     'Cabinet Office', True, ''),
    ('st2019-2-5', 'p0271', 0, 18, 'NECソリューションイノベータ(株)', 'ORG', 'NECソリューションイノベータ株式会社',
     'NEC Solution Innovators, Ltd.', True, ''),   # org_companies.tsv (was '')
    ('st2019-2-5', 'p0352', 0, 5, '国土交通省', 'ORG', '国土交通省',
     'Ministry of Land, Infrastructure, Transport and Tourism', True, ''),
    ('st2019-2-5', 'p0362', 154, 156, 'ＡＩ', 'ACRONYM', '人工知能',
     'Artificial Intelligence', True, ''),
    ('st2024-1-1', 'p0116', 201, 203, 'ＡＩ', 'ACRONYM', '人工知能',
     'Artificial Intelligence', True, ''),
    ('st2024-1-1', 'p0186', 14, 18, 'ＣＲＤＳ', 'ORG', '研究開発戦略センター',
     'Center for Research and Development Strategy', True, ''),
    ('st2024-1-1', 'p0239', 0, 4, 'PaLM', 'ACRONYM', 'PaLM',
     '', True, ''),
    ('st2024-1-1', 'p0265', 0, 5, 'GPT-４', 'ACRONYM', 'GPT-4',
     '', True, ''),
    ('st2024-1-1', 'p0338', 40, 42, 'ＡＩ', 'ACRONYM', '人工知能',
     'Artificial Intelligence', True, ''),
    ('st2024-1-2', 'p0027', 55, 61, 'LLM-jp', 'ACRONYM', 'ＬＬＭ勉強会',
     '', True, ''),
    ('st2024-1-2', 'p0029', 91, 94, 'ＬＬＭ', 'ACRONYM', '大規模言語モデル',
     'Large Language Model', True, ''),   # judged with the plural of the 2024 chapters' footnote; the one acronyms table gives the singular
    ('st2024-1-2', 'p0033', 39, 41, 'ＡＩ', 'ACRONYM', '人工知能',
     'Artificial Intelligence', True, ''),
    ('st2024-1-2', 'p0034', 64, 66, 'ＡＩ', 'ACRONYM', '人工知能',
     'Artificial Intelligence', True, ''),
    ('st2024-1-2', 'p0064', 16, 22, '東京工業大学', 'ORG', '東京工業大学',
     'Tokyo Institute of Technology', True, ''),
    ('st2024-1-2', 'p0077', 0, 13, '株式会社Preferred', 'ORG', '株式会社Preferred',
     '', False, 'the paragraph holds a cut name: the company is 株式会社Preferred Networks (canonical)'),
    ('st2024-1-2', 'p0104', 3, 13, 'ソフトバンク株式会社', 'ORG', 'ソフトバンク',
     'SoftBank Corp.', True, ''),
    ('st2024-1-2', 'p0114', 292, 297, '経済産業省', 'ORG', '経済産業省',
     'Ministry of Economy, Trade and Industry', True, ''),
    ('st2024-1-2', 'p0137', 1, 6, '文部科学省', 'ORG', '文部科学省',
     'Ministry of Education, Culture, Sports, Science and Technology', True, ''),
    ('st2024-1-2', 'p0180', 0, 13, '未踏ＩＴ人材発掘・育成事業', 'PROGRAM', '未踏ＩＴ人材発掘・育成事業',
     'Exploratory IT Human Resources Project', True, ''),   # programs.tsv (was '')
    ('st2024-1-2', 'p0202', 118, 120, 'ＡＩ', 'ACRONYM', '人工知能',
     'Artificial Intelligence', True, ''),
    ('st2024-1-2', 'p0206', 12, 14, 'ＡＩ', 'ACRONYM', '人工知能',
     'Artificial Intelligence', True, ''),
    ('st2024-1-3', 'p0002', 74, 76, 'ＡＩ', 'ACRONYM', '人工知能',
     'Artificial Intelligence', True, ''),
    ('st2024-1-3', 'p0003', 8, 10, 'ＡＩ', 'ACRONYM', '人工知能',
     'Artificial Intelligence', True, ''),
    ('st2024-1-3', 'p0092', 28, 30, 'AI', 'ACRONYM', '人工知能',
     'Artificial Intelligence', True, ''),
    ('st2024-1-3', 'p0099', 0, 3, 'ＮＳＦ', 'ORG', '国立科学財団',   # org_foreign.tsv (was ACRONYM 米国・国立科学財団)
     'National Science Foundation', True, ''),
    ('st2024-1-3', 'p0099', 4, 8, 'ＮＩＳＴ', 'ORG', '国立標準技術研究所',   # org_foreign.tsv (was ACRONYM)
     'National Institute of Standards and Technology', True, ''),
    ('st2024-1-3', 'p0177', 3, 8, 'ＤＡＲＰＡ', 'ORG', '国防高等研究計画局',   # org_foreign.tsv (was ACRONYM)
     'Defense Advanced Research Projects Agency', True, ''),
    ('st2024-1-3', 'p0180', 19, 21, '英国', 'PLACE', 'イギリス',
     'United Kingdom', True, ''),
    ('st2024-1-3', 'p0185', 4, 10, 'ロンドン大学', 'ORG', 'ロンドン大学',
     '', False, "ロンドン大学 is a piece of the college's name ロンドン大学・ロイヤル・ホロウェイ校 (span)"),
    ('st2024-1-3', 'p0197', 4, 6, 'ＡＩ', 'ACRONYM', '人工知能',
     'Artificial Intelligence', True, ''),
    ('st2024-1-3', 'p0212', 36, 41, '文部科学省', 'ORG', '文部科学省',
     'Ministry of Education, Culture, Sports, Science and Technology', True, ''),
    ('st2024-1-3', 'p0259', 19, 25, 'ＵＫＡＩＳＩ', 'ACRONYM', 'ＡＩ安全研究所',
     '', True, ''),
    ('st2024-1-3', 'p0276', 4, 6, 'ＡＩ', 'ACRONYM', '人工知能',
     'Artificial Intelligence', True, ''),
    ('st2024-1-3', 'p0278', 18, 22, 'イタリア', 'PLACE', 'イタリア',
     'Italy', True, ''),
    ('st2024-1-3', 'p0279', 103, 105, 'ＡＩ', 'ACRONYM', '人工知能',
     'Artificial Intelligence', True, ''),
]


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
    rows = published_rows(chapter, "entities")
    found = rows[(rows.para_id == para_id) & (rows.start == start) & (rows.end == end)]
    assert len(found) == 1, row
    got = found.iloc[0]
    assert (got.text, got.label, got.canonical, got.canonical_en) == \
        (text, label, canonical, english)


# (chapter, para_id, start, end) of a row judged wrong and fixed since → the rows the
# outputs now give over its span, (start, end, text, label, canonical, canonical_en)
FIXED: dict[tuple[str, str, int, int], list[tuple[int, int, str, str, str, str]]] = {
    ('st2024-1-3', 'p0185', 4, 10): [
        (4, 22, 'ロンドン大学・ロイヤル・ホロウェイ校', 'ORG',
         'ロンドン大学・ロイヤル・ホロウェイ校', '')],
}


def test_rows_judged_wrong_and_fixed_give_the_right_values() -> None:
    assert set(FIXED) <= {row[:4] for row in SAMPLE if not row[8]}
    for (chapter, para_id, start, _), expected in FIXED.items():
        rows = published_rows(chapter, "entities")
        over = rows[(rows.para_id == para_id) & (rows.start == start)]
        assert [(r.start, r.end, r.text, r.label, r.canonical, r.canonical_en)
                for r in over.itertuples()] == expected
