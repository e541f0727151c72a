"""Quantities: value in base units, unit, approximation, modifier, measure, period."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.tagging.quantities import NumberMention, find_numbers, load_counters, may_hold_numbers

# Sentences quoted from raw/st2019-2-5.txt (wrapped lines joined with no space) and
# raw/ict2019-3-1.txt. test_sentences_are_quoted_from_the_sources checks each one.
ST = {
    "kyodo": "平成29年度は、大学等と民間企業との「共同研究実施件数」は２万5,451件（前年度比10.6％"
             "増）、「研究費受入額」は約608億円（前年度15.7％増）と、前年度と比べて増加しており、"
             "平成26年度と比べると、「研究費受入額」は約1.54倍になっている。",
    "tokkyo": "また、「特許権実施等件数」は１万3,832件になっている（第２-５-１図）。",
    "tlo": "平成29年８月28日現在、35のＴＬＯが「大学等における技術に関する研究成果の民間事業者へ"
           "の移転の促進に関する法律」（平成10年法律第52号）に基づき文部科学省及び経済産業省の承認"
           "を受けており、平成28年度における特許実施許諾件数は9,120件となっている。",
    "kobe": "先端医療技術関連の病院や創薬・医療関係の研究機関、企業が集積（2018年7月現在、350社、"
            "9400人）。",
    "tsukuba": "筑波研究学園都市は、我が国における高水準の試験研究・教育の拠点形成と東京の過密緩和"
               "への寄与を目的として建設されており、29の国等の試験研究・教育機関をはじめ、およそ150"
               "の民間の研究機関・企業等が立地しており、研究交流の促進や国際的研究交流機能の整備等"
               "の諸施策を推進している。",
    "chi": "平成28年４月には「「知」の集積と活用の場 産学官連携協議会」を立ち上げ、平成31年３月時点"
           "で3,057の多様な業種の企業等が会員となるとともに、特定の研究課題に取り組む164の研究開発"
           "プラットフォームが設立されている。",
    "ij": "平成30年度も、新技術の産業利用を進めている民間企業主体の展示会と同じ会場において11月に同時"
          "開催し、全国から137機関が出展し、約３万8,000人が来場した。",
    "venture": "大学発ベンチャーの新規創設数は、一時期減少傾向にあり、平成22年度は１年当たり47件に"
               "至ったが、近年は回復基調にあり、平成28年度の実績は127件となった（対前年比33.7%増）。",
    "sbir": "平成30年度は、関係７省（総務省、文部科学省、厚生労働省、農林水産省、経済産業省、国土交通"
            "省、環境省）で合計91の特定補助金等を指定し、中小企業者・小規模事業者等への支出目標額を約"
            "460億円に定めた。",
    "pph": "このため、特許庁は、ある国で最初に特許可能と判断された出願に基づいて、他国において早期に"
           "審査が受けられる制度である「特許審査ハイウェイ（ＰＰＨ3）」を42か国・地域との間で実施し"
           "ている（平成31年１月時点）。",
    "satreps": "平成20～30年度（2008～2018年度）に、環境・エネルギー、生物資源、防災や感染症分野に"
               "おいて、50か国で133件（地域別ではアジア69件、アフリカ36件等）を採択している。",
    "partner": "また、自治体・産業振興機関、地域金融機関、大学・公的研究機関（パートナー機関）と一般"
               "財団法人日本規格協会が連携し、地域において標準化の戦略的活用に関する情報提供・助言等"
               "を行う「標準化活用支援パートナーシップ制度」のパートナー機関数を平成30年度末時点で159"
               "機関に拡大し、全国47都道府県に設置している。",
    "producer": "特許庁は、地方における事業化機能拡充のため、潜在ニーズを掘り起こして事業を構想し、"
                "金融機関を含む地域ネットワークを構築・活用しながらシーズのマッチングから事業資金調"
                "達、販路開拓までを含めた事業創出環境整備を支援する「事業プロデューサー」を、平成28年"
                "度から平成30年度までに３機関に１名ずつ計３名派遣した。",
}
ICT = {
    "gdp": "2017年の情報通信産業1の名目国内生産額は97.5兆円であり、情報通信産業は、全産業の9.7％を"
           "占める最大の産業である（図表3-1-1-1）。",
    "peak": "2000年時点が116.6兆円で最大となったものの、その後はいわゆるITバブル崩壊を反映し、おおむ"
            "ね減少傾向で推移した。",
    "fall": "しかしながら、2017年と最大であった2000年を比較すると、約16.4%の減少（年平均成長率では"
            "－1.1%）となっている（図表3-1-1-2、図表3-1-1-3）。",
    "mfg": "この2000年から2017年にかけての減少は、情報通信産業の中で最大の産業であった「情報通信関連"
           "製造業」において52.7％の減少（年平均成長率では－4.3%）となったことが大きく影響している。",
    "emp": "2017年の情報通信産業の雇用者数は、399.0万人（前年比0.1％増）、全産業に占める割合は5.8％"
           "であった。",
    "invest": "2017年の我が国の民間企業による情報化投資は2011年価格で約12.6兆円（前年比5.4％増）であ"
              "った。",
    "ratio": "また、2017年の民間企業設備投資に占める情報化投資比率は15.1％（前年差0.2ポイント上昇）で"
             "、設備投資の中でも情報化投資は一定の地位を占めている（図表3-1-3-1）。",
    "trade": "2017年度の我が国の技術貿易額について、技術輸出による受取額（技術輸出額）が3兆8,844億円"
             "で、そのうち情報通信産業は5,123億円となり、全体の13.2％を占めている。",
    "rd": "「平成30年科学技術研究調査」によると、2017年度の我が国の科学技術研究費（以下「研究費」という"
          "。）の総額（企業、非営利団体・公的機関及び大学等の研究費の合計）は19兆504億円となっている。",
    "researchers": "2018年3月31日現在の我が国の研究者（企業、非営利団体・公的機関及び大学等の研究者の"
                   "合計）は、86万6,950人である。",
    "share": "そのうち約58％を占める企業の研究者49万8,732人のうち、情報通信産業の研究者は17万1,235人"
             "となっており、企業の研究者の34.3％を占めている。",
    "capital": "情報通信業を営む企業の構成割合について、資本金規模別にみると、12業種中8業種で「1億円"
               "未満」に属する企業が6割以上を占めている。",
    "small": "特に映像情報制作・配給業、音声情報制作業、広告制作業では、「5千万円未満」に属する企業が4"
             "割以上を占めている（図表3-1-6-4）。",
    "lp": "情報通信業を営む企業の労働生産性21は1357.4万円/人（前年度比1.9％増）、労働装備率22は1245.6"
          "万円/人（前年度比ほぼ横ばい）、労働分配率23は41.2％（前年度差ほぼ横ばい）となっている（図表"
          "3-1-6-5）。",
    "telecos": "2018年度末における電気通信事業者数は1万9,818者（登録事業者327者、届出事業者1万9,491者）"
               "となっている（図表3-1-7-5）。",
    "accidents": "2017年度に報告のあった四半期毎の報告を要する事故37は、6,205件となり、そのうち、重大な"
                 "事故は4件であり、2016年度より1件減少した（図表3-1-7-7）。",
    "outage": "二 緊急通報を取り扱わない音声伝送役務：継続時間2時間以上かつ影響利用者数3万以上のもの又は"
              "継続時間1時間以上かつ影響利用者数10万以上のもの",
    "cable": "売上高営業利益率は10％前後を維持しており、2017年度は10.6％となっている。",
    "mhz": "地上テレビジョン放送のデジタル化により使用可能となった99～108MHzの周波数帯を用いるV-Lowマル"
           "チメディア放送については、民間基幹放送事業者（2018年度末現在6社）が放送を行っている。",
    "households": "登録に係る自主放送を行うための有線電気通信設備（501端子以上）によりサービスを受ける加"
                  "入世帯数は約3,022万世帯、世帯普及率は約52.6％となっている（図表3-1-8-9）。",
    "content": "また、テキスト系ソフトは約36％、音声系ソフトは約6％をそれぞれ占める38（図表3-1-9-1）。",
    "video": "ソフト別の市場構成比では、映像系ソフトが全体の6割近くを占める。",
    "arpu": "移動系通信サービス主要事業者のARPUをみると、NTTドコモは4,800円、KDDIは6,560円、ソフトバン"
            "クは4,360円となっている（図表3-1-7-4）。",
    "export": "2017年度の放送コンテンツ海外輸出額は、引き続き増加し、444.5億円となった（図表3-1-9-10）。",
    "genre": "2017年度の放送コンテンツ海外輸出額をジャンル別に見ると、全体及び番組販売権の輸出額に限っ"
             "た場合ともに、アニメが8割以上を占め、次いで、ドラマ、バラエティが続く（図表3-1-9-14）。",
    "per_firm": "インターネット附随サービス業の2017年度売上高は2兆5,613億円（前年度比1.2%増）であり、1企"
                "業当たりの売上高は48.4億円（前年度比2.1％増）となっている。",
}

# (sentence key, surface, value, unit, approx, modifier); values worked out by hand.
QUANTITIES = [
    ("kyodo", "２万5,451件", 25451, "件", False, ""),
    ("kyodo", "前年度比10.6％増", 10.6, "%", False, "増"),
    ("kyodo", "約608億円", 60_800_000_000, "円", True, ""),
    ("kyodo", "前年度15.7％増", 15.7, "%", False, "増"),
    ("kyodo", "約1.54倍", 1.54, "倍", True, ""),
    ("tokkyo", "１万3,832件", 13832, "件", False, ""),
    ("tlo", "9,120件", 9120, "件", False, ""),
    ("kobe", "350社", 350, "社", False, ""),
    ("kobe", "9400人", 9400, "人", False, ""),
    ("tsukuba", "およそ150", 150, "", True, ""),
    ("ij", "137機関", 137, "機関", False, ""),
    ("ij", "約３万8,000人", 38000, "人", True, ""),
    ("venture", "47件", 47, "件/年", False, ""),             # １年当たり
    ("venture", "127件", 127, "件", False, ""),
    ("venture", "対前年比33.7%増", 33.7, "%", False, "増"),
    ("sbir", "７省", 7, "省", False, ""),
    ("sbir", "約460億円", 46_000_000_000, "円", True, ""),
    ("pph", "42か国", 42, "か国", False, ""),
    ("satreps", "50か国", 50, "か国", False, ""),
    ("satreps", "133件", 133, "件", False, ""),
    ("satreps", "69件", 69, "件", False, ""),
    ("satreps", "36件", 36, "件", False, ""),
    ("partner", "159機関", 159, "機関", False, ""),
    ("partner", "47都道府県", 47, "都道府県", False, ""),
    ("producer", "３機関", 3, "機関", False, ""),
    ("producer", "１名", 1, "名", False, ""),
    ("producer", "３名", 3, "名", False, ""),
    ("gdp", "97.5兆円", 97_500_000_000_000, "円", False, ""),
    ("gdp", "9.7％", 9.7, "%", False, ""),
    ("peak", "116.6兆円", 116_600_000_000_000, "円", False, ""),
    ("fall", "約16.4%の減少", 16.4, "%", True, "減"),
    ("fall", "－1.1%", -1.1, "%", False, ""),
    ("mfg", "52.7％の減少", 52.7, "%", False, "減"),
    ("mfg", "－4.3%", -4.3, "%", False, ""),
    ("emp", "399.0万人", 3_990_000, "人", False, ""),
    ("emp", "前年比0.1％増", 0.1, "%", False, "増"),
    ("emp", "5.8％", 5.8, "%", False, ""),
    ("invest", "約12.6兆円", 12_600_000_000_000, "円", True, ""),
    ("invest", "前年比5.4％増", 5.4, "%", False, "増"),
    ("ratio", "15.1％", 15.1, "%", False, ""),
    ("ratio", "前年差0.2ポイント上昇", 0.2, "ポイント", False, "増"),
    ("trade", "3兆8,844億円", 3_884_400_000_000, "円", False, ""),
    ("trade", "5,123億円", 512_300_000_000, "円", False, ""),
    ("trade", "13.2％", 13.2, "%", False, ""),
    ("rd", "19兆504億円", 19_050_400_000_000, "円", False, ""),
    ("researchers", "86万6,950人", 866_950, "人", False, ""),
    ("share", "約58％", 58, "%", True, ""),
    ("share", "49万8,732人", 498_732, "人", False, ""),
    ("share", "17万1,235人", 171_235, "人", False, ""),
    ("share", "34.3％", 34.3, "%", False, ""),
    ("capital", "12業種", 12, "業種", False, ""),
    ("capital", "8業種", 8, "業種", False, ""),
    ("capital", "1億円未満", 100_000_000, "円", False, "未満"),
    ("capital", "6割以上", 6, "割", False, "以上"),
    ("small", "5千万円未満", 50_000_000, "円", False, "未満"),
    ("small", "4割以上", 4, "割", False, "以上"),
    ("lp", "1357.4万円/人", 13_574_000, "円/人", False, ""),
    ("lp", "前年度比1.9％増", 1.9, "%", False, "増"),
    ("lp", "1245.6万円/人", 12_456_000, "円/人", False, ""),
    ("lp", "41.2％", 41.2, "%", False, ""),
    ("telecos", "1万9,818者", 19_818, "者", False, ""),
    ("telecos", "327者", 327, "者", False, ""),
    ("telecos", "1万9,491者", 19_491, "者", False, ""),
    ("accidents", "6,205件", 6205, "件", False, ""),
    ("accidents", "4件", 4, "件", False, ""),
    ("accidents", "1件減少", 1, "件", False, "減"),
    ("outage", "2時間以上", 2, "時間", False, "以上"),
    ("outage", "3万以上", 30_000, "", False, "以上"),
    ("outage", "10万以上", 100_000, "", False, "以上"),
    ("cable", "10％前後", 10, "%", True, ""),
    ("cable", "10.6％", 10.6, "%", False, ""),
    ("mhz", "6社", 6, "社", False, ""),
    ("households", "501端子以上", 501, "端子", False, "以上"),
    ("households", "約3,022万世帯", 30_220_000, "世帯", True, ""),
    ("households", "約52.6％", 52.6, "%", True, ""),
    ("content", "約36％", 36, "%", True, ""),
    ("content", "約6％", 6, "%", True, ""),
    ("video", "6割近く", 6, "割", True, ""),
    ("arpu", "4,800円", 4800, "円", False, ""),
    ("arpu", "6,560円", 6560, "円", False, ""),
    ("arpu", "4,360円", 4360, "円", False, ""),
    ("export", "444.5億円", 44_450_000_000, "円", False, ""),
    ("genre", "8割以上", 8, "割", False, "以上"),
    ("per_firm", "2兆5,613億円", 2_561_300_000_000, "円", False, ""),
    ("per_firm", "48.4億円", 4_840_000_000, "円/企業", False, ""),   # 1企業当たり
]
SENTENCES = {**ST, **ICT}


def _joined_source(root: Path, name: str) -> str:
    lines = (root / "raw" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    if name.startswith("st"):
        return "".join(line.rstrip() for line in lines if line.strip())
    return "\n".join(lines)


def _only(sentence: str, surface: str) -> NumberMention:
    found = [m for m in find_numbers(sentence) if m.surface == surface]
    assert len(found) == 1, [m.surface for m in find_numbers(sentence)]
    return found[0]


def test_sentences_are_quoted_from_the_sources(root: Path) -> None:
    st_text, ict_text = _joined_source(root, "st2019-2-5"), _joined_source(root, "ict2019-3-1")
    missing = [key for key, text in ST.items() if text not in st_text]
    missing += [key for key, text in ICT.items() if text not in ict_text]
    assert missing == []


@pytest.mark.parametrize(("key", "surface", "value", "unit", "approx", "modifier"), QUANTITIES)
def test_quantity(key: str, surface: str, value: float, unit: str, approx: bool,
                  modifier: str) -> None:
    sentence = SENTENCES[key]
    mention = _only(sentence, surface)
    assert sentence[mention.start:mention.end] == surface
    assert mention.value == pytest.approx(value, rel=1e-12)
    assert (mention.unit, mention.approx, mention.modifier, mention.range_role) == \
        (unit, approx, modifier, "")


@pytest.mark.parametrize(("key", "expected"), [
    ("kyodo", ["２万5,451件", "前年度比10.6％増", "約608億円", "前年度15.7％増", "約1.54倍"]),
    ("tlo", ["35", "9,120件"]),          # 35のＴＬＯ: a bare count (issue 15)
    ("chi", ["3,057", "164"]),         # 3,057の企業等 / 164の研究開発プラットフォーム
    ("gdp", ["97.5兆円", "9.7％"]),
    ("lp", ["1357.4万円/人", "前年度比1.9％増", "1245.6万円/人", "41.2％"]),
    ("per_firm", ["2兆5,613億円", "前年度比1.2%増", "48.4億円", "前年度比2.1％増"]),
    ("rd", ["19兆504億円"]),
])
def test_every_quantity_of_a_sentence(key: str, expected: list[str]) -> None:
    assert [m.surface for m in find_numbers(SENTENCES[key])] == expected


@pytest.mark.parametrize(("key", "surface", "measure"), [
    ("kyodo", "２万5,451件", "共同研究実施件数"),
    ("kyodo", "前年度比10.6％増", "共同研究実施件数"),
    ("kyodo", "約608億円", "研究費受入額"),
    ("kyodo", "約1.54倍", "研究費受入額"),
    ("tokkyo", "１万3,832件", "特許権実施等件数"),
    ("tlo", "9,120件", "特許実施許諾件数"),
    ("gdp", "97.5兆円", "名目国内生産額"),
    ("fall", "－1.1%", "年平均成長率"),
    ("emp", "399.0万人", "雇用者数"),
    ("invest", "約12.6兆円", "情報化投資"),
    ("ratio", "15.1％", "情報化投資比率"),
    ("lp", "1357.4万円/人", "労働生産性"),
    ("lp", "1245.6万円/人", "労働装備率"),
    ("lp", "41.2％", "労働分配率"),
    ("telecos", "1万9,818者", "電気通信事業者数"),
    ("households", "約3,022万世帯", "加入世帯数"),
    ("households", "約52.6％", "世帯普及率"),
    ("arpu", "6,560円", "ARPU"),   # ARPUをみると、…KDDIは6,560円: the list's measure
    ("outage", "3万以上", "影響利用者数"),   # glued before the figure; 又は is no topic
    # a share in a relative clause before the part it is of: that part (it was "")
    ("share", "約58％", "企業の研究者"),
])
def test_measure(key: str, surface: str, measure: str) -> None:
    assert _only(SENTENCES[key], surface).measure == measure


@pytest.mark.parametrize(("key", "surface", "start", "end"), [
    ("kyodo", "２万5,451件", "2017-04-01", "2018-03-31"),
    ("kyodo", "約1.54倍", "2017-04-01", "2018-03-31"),   # not 平成26年度: a comparison base
    ("tlo", "9,120件", "2016-04-01", "2017-03-31"),
    ("kobe", "350社", "2018-07-01", "2018-07-31"),
    ("pph", "42か国", "2019-01-01", "2019-01-31"),       # as-of date after the figure
    ("satreps", "133件", "2008-04-01", "2019-03-31"),
    ("partner", "159機関", "2019-03-31", "2019-03-31"),
    ("peak", "116.6兆円", "2000-01-01", "2000-12-31"),
    ("researchers", "86万6,950人", "2018-03-31", "2018-03-31"),
    ("telecos", "327者", "2019-03-31", "2019-03-31"),
    ("per_firm", "48.4億円", "2017-04-01", "2018-03-31"),
    ("invest", "約12.6兆円", "2017-01-01", "2017-12-31"),  # 2011年価格 is a price base
])
def test_period(key: str, surface: str, start: str, end: str) -> None:
    mention = _only(SENTENCES[key], surface)
    assert (mention.period_start, mention.period_end) == (start, end)


def test_no_period_when_the_sentence_has_no_date() -> None:
    mention = _only(SENTENCES["arpu"], "4,800円")
    assert (mention.period_start, mention.period_end) == (None, None)


def test_range_gives_two_rows() -> None:
    rows = [(m.surface, m.value, m.unit, m.range_role) for m in find_numbers(ICT["mhz"])]
    assert rows[:2] == [("99", 99, "MHz", "low"), ("108MHz", 108, "MHz", "high")]


@pytest.mark.parametrize(("text", "rows"), [
    ("50～100件", [("50", 50, "件", False, "low"), ("100件", 100, "件", False, "high")]),
    ("約50～100件", [("約50", 50, "件", True, "low"), ("100件", 100, "件", True, "high")]),
    ("2～3万円", [("2", 20_000, "円", False, "low"), ("3万円", 30_000, "円", False, "high")]),
    # the low end takes the high end's whole scale (千, 百万), not only its 万
    ("8～9千人", [("8", 8_000, "人", False, "low"), ("9千人", 9_000, "人", False, "high")]),
    ("2～3百万円", [("2", 2_000_000, "円", False, "low"),
                   ("3百万円", 3_000_000, "円", False, "high")]),
    ("12兆9,700億円（前年度比0.6％増）", [("12兆9,700億円", 12_970_000_000_000, "円", False, ""),
                                         ("前年度比0.6％増", 0.6, "%", False, "")]),
    ("延べ200名", [("延べ200名", 200, "名", False, "")]),
    ("約一万人", [("約一万人", 10_000, "人", True, "")]),
    ("▲3.5％", [("▲3.5％", -3.5, "%", False, "")]),
    ("100億ドル超", [("100億ドル超", 10_000_000_000, "ドル", False, "")]),
    ("2000人が参加", [("2000人", 2000, "人", False, "")]),       # a counter: a count
    ("1999社が回答", [("1999社", 1999, "社", False, "")]),
    # a scale kanji alone with an approximation before it is a figure, no label's scale
    ("生産性は約十倍に高まった。", [("約十倍", 10, "倍", True, "")]),
    ("およそ千人が参加した。", [("およそ千人", 1000, "人", True, "")]),
])
def test_short_cases(text: str, rows: list[tuple[str, float, str, bool, str]]) -> None:
    assert [(m.surface, m.value, m.unit, m.approx, m.range_role)
            for m in find_numbers(text)] == rows


def test_total_and_bounds_modifiers() -> None:
    assert [m.modifier for m in find_numbers("延べ200名、5件超、3割強、100人未満")] == \
        ["延べ", "超", "強", "未満"]
    # a level mark and a bound after it: 6弱 or more (JMA-style, read by hand)
    assert [m.modifier for m in find_numbers("震度6弱以上を観測した地点、震度5強未満の地域")] == \
        ["弱以上", "強未満"]


@pytest.mark.parametrize(("text", "surface", "modifier"), [
    ("賃上げ率は33年ぶりに5%を超えた。", "5%を超え", "超"),       # a bound, not 5% itself
    ("高齢化率は30%を上回った。", "30%を上回", "超"),
    ("失業率は3%を下回る水準で推移した。", "3%を下回", "未満"),
    ("株価は2万円を割り込んだ。", "2万円を割り込", "未満"),
    ("5%以上を超える", "5%以上", "以上"),                          # one modifier
    ("近年は4,000人台で推移している。", "4,000人台", "台"),         # in the 4,000s
    ("失業率は2%台で推移した。", "2%台", "台"),
    ("車両100台を配備した。", "100台", ""),                         # 台 the counter
    # 上回る, 下回る right after the unit: by so much, a change
    ("失業率は前年度を0.2ポイント上回った。", "0.2ポイント上回", "増"),
    ("有効求人倍率は前年を0.07ポイント下回った。", "0.07ポイント下回", "減"),
    ("防衛関係費は1兆4,192億円の増額となった。", "1兆4,192億円の増額", "増"),
    # 高い, 多い, 低い, 少ない right after the unit: higher or lower by so much
    ("平均気温は平年より1.29℃高く、最も高かった。", "1.29℃高", "増"),
    ("参加者は前年より2人少なかった。", "2人少な", "減"),
    ("賃金は男性より3割低くなっている。", "3割低", "減"),
    # 削減: a cut by so much
    ("2030年度に2013年度比46％削減を目指す。", "46％削減", "減"),
    # 増, 減 before their inflection or a word they open: still a change by so much
    ("相談件数は前年より100件増えた。", "100件増", "増"),
    ("出生数は4万人減った。", "4万人減", "減"),
    ("売上高は3億円増収となった。", "3億円増", "増"),
])

def test_a_verb_after_the_figure_makes_it_a_bound(text: str, surface: str,
                                                   modifier: str) -> None:
    assert [(m.surface, m.modifier) for m in find_numbers(text)] == [(surface, modifier)]


@pytest.mark.parametrize(("text", "rows"), [
    # a change past a bracket holding the figure's share is both figures'
    ("少年の検挙人員は1万4,887人で、前年より2,102人（16.4％）増加した。",
     [("1万4,887人", ""), ("2,102人", "増"), ("16.4％", "増")]),
    ("前年度から3,000億円（5.2%）の減少となった。", [("3,000億円", "減"), ("5.2%", "減")]),
    # a bracket with words, or no change after it: none
    ("相談件数は1万9,843件（前年比5.3％減）であった。", [("1万9,843件", ""), ("前年比5.3％減", "減")]),
    ("研究者数は69.0万人（2021年）であった。", [("69.0万人", "")]),
])
def test_a_change_past_a_bracket_is_both_figures(text: str, rows: list[tuple[str, str]]) -> None:
    assert [(m.surface, m.modifier) for m in find_numbers(text)] == rows


# (text, a substring that must not be reported as (part of) a number)
NOT_NUMBERS = [
    (ST["tokkyo"], "２-５-１"),                             # figure id
    (ICT["gdp"], "3-1-1-1"),                                # figure id
    (ICT["gdp"], "2017"),                                   # a year
    (ICT["gdp"], "1の"),                                    # footnote marker
    (ST["tlo"], "10年法律第52"),                            # law number
    (ST["tlo"], "29年８月28日"),                            # a date
    ("ア 第１回 日本オープンイノベーション大賞（平成30年度）", "１"),   # st: ordinal
    ("昨今の第４次産業革命への対応", "４"),                  # st: ordinal
    ("（１） 国内外の産学連携活動の現状", "１"),              # st: section label
    ("第1節 オープンイノベーションを推進する仕組みの強化", "1"),  # st: section label
    ("（出典）総務省「科学技術研究調査」（各年）により作成https://www.stat.go.jp/data/kagaku/"
     "index.html", "kagaku"),                               # ict: URL
    ("http://www.soumu.go.jp/main_content/000504511.pdf", "000504511"),   # ict: URL
    ("35のＴＬＯ1が", "1"),                                 # Latin-glued
    ("Society 5.0に向けた技術的基盤の整備", "5.0"),          # st
    ("工業標準化法（ＪＩＳ法）の改正案を第196回国会に提出し", "196"),   # st
    ("平成20～30年度（2008～2018年度）に", "2008"),         # st: date range
    ("2011年価格による実質国内生産額", "2011"),              # ict
    ("1企業当たりの売上高", "1"),                          # ict: per-unit, not a count
    ("一度増加したものの", "一"),                           # ict: 一度 = once
    ("「ＩＳＯ/ＴＣ282」", "282"),                          # st
    ("2024春季生活闘争の回答では", "2024"),                # a year naming an event
    ("一億総活躍社会の実現に向けて", "一億"),              # a slogan, no amount
    ("面積（千ha）", "千"),                                 # an axis label's scale
    ("十人十色の働き方", "十人"),                            # a set phrase
    ("第3位置の信号", "3"),                                  # 第 before 位置: a label
    ("調査では1,2345人が回答した。", "2345人"),              # a misprint: no part is a figure
    ("12,34件の事例", "34件"),
    ("2、3件の事例がある。", "3件"),                          # two or three: no value
    # a range with no unit: neither end is a count (no 50 企業, no "about 30")
    ("30～50の企業が参加した。", "50"),
    ("約30～50の団体が参加した。", "約30"),
    ("二、三人が参加した。", "三人"),
]


def test_two_places_listed_are_no_vague_pair() -> None:
    """1、2位 lists places one and two, no "one or two"."""
    text = "売上高は1、2位を争う。"
    assert [(m.surface, m.unit) for m in find_numbers(text)] == [("2位", "位")]


@pytest.mark.parametrize("text", [
    # 1、2級 lists grades one and two (mlit2023-1-1 p1076): labels, no rank
    "第1種1、2級は0.75 mを確保する。",
    "第1種1、2級の障害者は手当の対象となる。",
    "身体障害者手帳1・2級の者が対象となる。",
    "1級、2級のいずれも対象となる。",
    "障害の程度が1級から3級の者が対象となる。",
    # a grade or level word glued before a figure with no unit (number_label_heads.tsv):
    # the range's high end is no bare count of 5 persons
    "このうち要介護3～5の者が特別養護老人ホームに入所している。",
    "要支援1・2の者は介護予防サービスを利用する。",
    "障害支援区分4以上の者が対象となる。",
    "要介護度3以上の者が入所の対象となる。",
    "ステージ3以上のがんの患者。",
    "第1号・第2号被保険者の保険料。",
])
def test_grades_and_levels_are_labels(text: str) -> None:
    assert [m.surface for m in find_numbers(text) if m.unit in ("", "級")] == []


@pytest.mark.parametrize(("text", "surface", "value"), [
    # a scale reading, no label; its bound is kept with the level mark (bousai2024-t2-1
    # p0036, the third number audit: 最大震度6弱以上 lost its 以上)
    ("震度5強以上の揺れを観測した。", "5強以上", 5),
    ("マグニチュード7以上の地震が起きた。", "7以上", 7),
    ("要介護者は3万人である。", "3万人", 30_000),          # a unit: a count
])
def test_a_scale_reading_is_no_label(text: str, surface: str, value: float) -> None:
    assert [(m.surface, m.value) for m in find_numbers(text)] == [(surface, value)]


@pytest.mark.parametrize(("text", "forbidden"), NOT_NUMBERS)
def test_not_numbers(text: str, forbidden: str) -> None:
    start = text.index(forbidden)
    end = start + len(forbidden)
    assert [m.surface for m in find_numbers(text) if m.start < end and start < m.end] == []


@pytest.mark.parametrize("text", [
    "", " ", "。", "（", "）", "「研究費受入額」は", "「「「約", "～～", "約", "－", "▲%",
    "１2,３45件", "12,34件", "1万2億円", "二三百件", "第", "https://", "万円", "％％",
    "99999兆", "約～100件", "50～", "（約608億円", "608億円）」",
])
def test_bad_input_never_raises(text: str) -> None:
    for mention in find_numbers(text):
        assert text[mention.start:mention.end] == mention.surface


def test_huge_value_is_a_value() -> None:
    assert [(m.value, m.unit) for m in find_numbers("99999兆")] == [(9.9999e16, "")]


def test_unparseable_numeral_is_dropped() -> None:
    assert [(m.surface, m.value, m.unit) for m in find_numbers("1万2億円")] == []


def test_counters_come_from_the_lexicon() -> None:
    counters = {c.surface: c for c in load_counters()}
    assert {"件", "名", "人", "社", "機関", "拠点", "地域", "か国", "課題", "施設", "者", "団体",
            "校", "大学", "円", "ドル", "％", "ポイント", "倍"} <= set(counters)
    assert all(c.source for c in counters.values())
    lengths = [len(c.surface) for c in load_counters()]
    assert lengths == sorted(lengths, reverse=True)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789０１２３４５６７８９,，.万億兆千百一二約およそ程度以上未満増減"
                        "％%件人円～－（）「」は第-年度月平成ポイント倍/ ", max_size=40))
def test_find_numbers_never_raises_and_offsets_hold(text: str) -> None:
    for mention in find_numbers(text):
        assert text[mention.start:mention.end] == mention.surface
        assert mention.range_role in ("", "low", "high")


@pytest.mark.parametrize(("text", "expected"), [
    ("約608億円", True), ("２万件", True), ("一万二千件", True), ("３割強", True),
    ("産学官連携を推進する。", False), ("ＴＬＯの活動状況", False),
])
def test_may_hold_numbers(text: str, expected: bool) -> None:
    assert may_hold_numbers(text) is expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789０１２３４５６７８９٣,万億兆千百一二十約円件％～－同年平成ａ ",
               max_size=30))
def test_no_hint_means_no_numbers(text: str) -> None:
    assert may_hold_numbers(text) or find_numbers(text) == []


@pytest.mark.parametrize("word", [
    "-", "▲", "△", "マイナス", "±", "プラスマイナス", "+", "プラス", "約", "およそ", "概ね", "おおむね", "ほぼ", "延べ",
    "前年同期", "前年同月比", "前年度", "前年", "前期差", "前月", "対前回比",
])
def test_every_prefix_word_is_read(word: str) -> None:
    """prefixes_before skips its searches unless the figure follows the last character of some
    prefix word: every word must still be read."""
    from pipeline.tagging.figure_marks import prefixes_before

    start, found = prefixes_before(f"は{word}5", len(word) + 1)
    assert (start, len(found)) == (1, 1)
    assert prefixes_before("は5", 1) == (1, {})


@pytest.mark.parametrize(("text", "surface", "start", "end"), [
    # a deadline is a target's period, not a comparison base; the decision date before
    # it is not the figure's
    ("第6期基本計画（令和3年3月26日閣議決定）では、2025年度までに約2万2,500人の支援を目標と"
     "している。", "約2万2,500人", "2025-04-01", "2026-03-31"),
    ("平成30年度までに全19地域が採択されている。", "19地域", "2018-04-01", "2019-03-31"),
    ("2015年と比べ、5万人増加した。", "5万人増加", None, None),    # と比べ: a base
])
def test_a_deadline_is_a_targets_period(text: str, surface: str, start: str | None,
                                         end: str | None) -> None:
    found = [m for m in find_numbers(text) if m.surface == surface]
    assert [(m.period_start, m.period_end) for m in found] == [(start, end)]


@pytest.mark.parametrize(("text", "rows"), [
    # a decimal with no unit, its measure named by a measure noun: a value
    ("合計特殊出生率は2022年に1.26と過去最低となった。", [("1.26", 1.26, "合計特殊出生率")]),
    ("マグニチュード7.6の地震が発生した。", [("7.6", 7.6, "マグニチュード")]),   # bousai
    ("マグニチュード9.0の地震が発生した。", [("9.0", 9, "マグニチュード")]),     # printed .0
    # a decimal no measure noun names, or an integer: left out, as labels so often are
    ("バージョン2.0を公開した。", []),
    ("参加国は12となった。", []),
    # an index's whole number is its value (MAFF: 作況指数, read by hand)
    ("水稲の作況指数は101であった。", [("101", 101, "作況指数")]),
])
def test_a_decimal_whose_measure_is_named_is_a_value(
        text: str, rows: list[tuple[str, float, str]]) -> None:
    assert [(m.surface, m.value, m.measure) for m in find_numbers(text)] == rows


@pytest.mark.parametrize(("text", "rows"), [
    # a range's low end printed whole is its own value (it was taken 1万 times)
    ("5,000～1万人", [("5,000", 5000, "人", "low"), ("1万人", 10000, "人", "high")]),
    ("8千～1万2千人", [("8千", 8000, "人", "low"), ("1万2千人", 12000, "人", "high")]),
    ("2～3万円", [("2", 20000, "円", "low"), ("3万円", 30000, "円", "high")]),
    # both ends with the unit: a range too
    ("約2,000億円～3,000億円", [("約2,000億円", 200_000_000_000, "円", "low"),
                               ("3,000億円", 300_000_000_000, "円", "high")]),
    ("2人～3万人", [("2人", 2, "人", "low"), ("3万人", 30000, "人", "high")]),
    # a fraction's parts are no counts
    ("約4分の1の企業が回答した。", []),
    ("2/3以上の自治体", []),
    ("肥料コスト上昇分の7割を支援", [("7割", 7, "割", "")]),   # no fraction: no number before 分
    # the 分 and 厘 after a 割 are its tenths and hundredths, not minutes
    ("2割5分の増加", [("2割5分の増加", 2.5, "割", "")]),
    ("打率は3割2分5厘", [("3割2分5厘", 3.25, "割", "")]),
    ("▲2割5分", [("▲2割5分", -2.5, "割", "")]),
    ("5分以内に到着", [("5分以内", 5, "分", "")]),
    # percentage points are points, not percent
    ("前年差5.1%pt低下", [("前年差5.1%pt低下", 5.1, "ポイント", "")]),
    ("前年差0.3％ポイント拡大", [("前年差0.3％ポイント拡大", 0.3, "ポイント", "")]),   # 拡大: 増
])
def test_audit_forms_of_numbers(text: str, rows: list[tuple[str, float, str, str]]) -> None:
    assert [(m.surface, m.value, m.unit, m.range_role)
            for m in find_numbers(text)] == rows


def test_a_date_before_hi_is_a_comparison_base() -> None:
    """2013年度比46%削減: FY2013 is the base the cut is measured from, not its period."""
    assert [(m.surface, m.period_start) for m in find_numbers("2013年度比46%削減")] == [
        ("46%削減", None)]
    # the same month of 2019 is the base too
    assert [(m.surface, m.period_start) for m in find_numbers(
        "2023年10月の訪日客数は2019年同月比96.4%まで回復した。")] == [("96.4%", "2023-10-01")]


@pytest.mark.parametrize(("text", "unit"), [
    ("1,741市区町村で導入された。", "市区町村"),     # not 市
    ("60歳代の就業率は上昇した。", "歳代"),          # an age band, not an age
    ("利用者は5,000人/日に達した。", "人/日"),       # a rate per a span of time
    ("最高速度は100km/hである。", "km/h"),
    ("販売農家は107万6千経営体となった。", "経営体"),   # 農林業センサス's unit
    ("管轄面積は約3万7,000km²に及ぶ。", "km2"),        # an area, not km
    ("貯水量は1,000万m³である。", "m3"),
    ("最大瞬間風速は50m/sを記録した。", "m/s"),          # a speed, not metres
    ("延べ宿泊者数は6億1,747万人泊であった。", "人泊"),  # person-nights, not persons
    ("延べ1,200人日の作業を要した。", "人日"),
    ("排出量は11億3,500万t-CO2であった。", "t-CO2"),   # CO2 equivalent, not a label
    ("生産量は80万tとなった。", "トン"),
    ("1人1日当たりの排出量は880グラムである。", "g/人/日"),   # per person per day
    ("1人1か月当たりの医療費は3万円である。", "円/人/か月"),   # か of か月 in a denominator
    ("要介護認定者1人当たりの介護費は年間約190万円である。", "円/人"),   # past 年間
    # food energy (MAFF 食料需給表), per person and day after / and ・
    ("1人1日当たり供給熱量は2,260kcalである。", "kcal/人/日"),
    ("いも類中心型の食料自給力指標は2,368kcal/人・日である。", "kcal/人/日"),
    ("PM2.5の濃度は15μg/m3以下である。", "μg/m3"),
    ("CO2濃度は420ppmを超えた。", "ppm"),
    ("時速100kmで走行する。", "km/h"),                     # a speed, not a distance
    ("最大風速は秒速約40mに達した。", "m/s"),
    ("コンテナは約2,200万TEUである。", "TEU"),
    # a span word alone before the figure: a rate per that span (MHLW: overtime caps)
    ("時間外労働の上限は原則として月45時間である。", "時間/月"),
    ("上限は年360時間である。", "時間/年"),
    ("会議は年2回開催する。", "回/年"),
    ("会議は年に2回開催する。", "回/年"),
    ("金利は年2.5%である。", "%"),                         # a share is no rate per year
    ("今年3件の申請があった。", "件"),                      # 今年: a time, not per year
    # a span of one before the figure: per that span, and no count of one day (MHLW-style,
    # read by hand: the statutory working hours)
    ("所定労働時間は1日8時間である。", "時間/日"),
    ("薬は1日に3回服用する。", "回/日"),
    ("4月1日に3件の申請があった。", "件"),                  # the first of April
    ("毎月の1日に3件の申請があった。", "件"),                # the first of each month
])
def test_units_read_whole(text: str, unit: str) -> None:
    assert [m.unit for m in find_numbers(text)] == [unit]


@pytest.mark.parametrize(("text", "start", "end"), [
    # a change counted from a time a few words on: open from it
    ("生産量は1961年のピーク時から約28%減少した。", "1961-01-01", None),
    # no change: the survey's year is the figure's period
    ("2020年の調査から、約3割が回答した。", "2020-01-01", "2020-12-31"),
])
def test_a_change_from_a_past_time_is_open(text: str, start: str, end: str | None) -> None:
    assert [(m.period_start, m.period_end) for m in find_numbers(text)] == [(start, end)]


@pytest.mark.parametrize(("text", "rows"), [
    ("輪島市西部で最大4m程度の隆起が検出された。", [("4m程度", 4, "m")]),   # bousai
    ("約4 m の隆起", [("約4 m", 4, "m")]),                                 # a space before it
    ("容量は5 GBである。", [("5 GB", 5, "GB")]),
    ("Singapore pioneers S$70m flagship AI initiative", []),              # 70 million dollars
    ("5 modes are supported", []),                                          # a Latin word
])
def test_metres_and_latin_units(text: str, rows: list[tuple[str, float, str]]) -> None:
    assert [(m.surface, m.value, m.unit) for m in find_numbers(text)] == rows


@pytest.mark.parametrize("text", ["東京都千代田区霞が関1丁目2番3号", "媒掃口1912番の1地先に設ける。",
                                  "3番地の住宅",
                                  # mlit2023-1-1 表1-3-1: 字 (aza) names a lot's district
                                  "福井県敦賀市疋田28字井棟36番の3",
                                  "福井県坂井郡金津町牛ノ谷64字上山"])
def test_addresses_are_no_numbers(text: str) -> None:
    assert [m.surface for m in find_numbers(text)] == []


@pytest.mark.parametrize(("text", "surface"), [("400字程度で記述する。", "400字程度"),
                                               ("要旨400字以内", "400字以内"),
                                               ("全角40字の説明", "40字")])
def test_characters_counted_are_no_address(text: str, surface: str) -> None:
    assert [m.surface for m in find_numbers(text)] == [surface]


@pytest.mark.parametrize(("text", "rows"), [
    # a tolerance keeps its sign: ±0.5％ is no 0.5％
    ("誤差は±0.5％である。", [("±0.5％", 0.5, "%", False, "±")]),
    ("誤差は±3％程度である。", [("±3％程度", 3, "%", True, "±")]),
    ("誤差はプラスマイナス0.5℃以内である。", [("プラスマイナス0.5℃以内", 0.5, "℃", False, "±")]),
])
def test_a_tolerance_keeps_its_sign(text: str,
                                    rows: list[tuple[str, float, str, bool, str]]) -> None:
    assert [(m.surface, m.value, m.unit, m.approx, m.modifier)
            for m in find_numbers(text)] == rows


@pytest.mark.parametrize(("text", "rows"), [
    # 数 makes a figure vague: no value would be right
    ("数10億円の投資が必要となる。", []),
    ("約数10億円の投資が必要となる。", []),
    ("毎年数10万人が訪れる。", []),
    ("10数%程度の減少となった。", []),
    ("20数件の事案がある。", []),
    ("1万数千人が避難した。", []),
    ("十数件の事例がある。", []),
    ("数百人が避難した。", []),
    ("数千億円の損失が生じた。", []),
    # a bound is a value with its modifier; 数 ending a measure noun is no vagueness
    ("1万人超が参加した。", [("1万人超", 10000, "人", "超")]),
    ("影響利用者数10万以上のもの", [("10万以上", 100000, "", "以上")]),
    ("3数値を比較した。", [("3数値", 3, "数値", "")]),
])
def test_su_makes_a_figure_vague(text: str, rows: list[tuple[str, float, str, str]]) -> None:
    assert [(m.surface, m.value, m.unit, m.modifier) for m in find_numbers(text)] == rows


@pytest.mark.parametrize(("text", "surfaces"), [
    # a rate's denominators are no counts: both of 1人1日当たり, and 1日当たり, which
    # UniDic cuts as 1 + 日当たり (sunlight)
    ("1人1日当たりの排出量は880グラムである。", ["880グラム"]),
    ("1人1回当たり2,000円を助成する。", ["2,000円"]),
    ("1日当たりの利用者数は約4.5万人である。", ["約4.5万人"]),
    ("1台当たり100万円を補助する。", ["100万円"]),
    # 対 after a figure is per: the base of a rate (人口10万対), no count of 100,000
    ("自殺死亡率（人口10万対）は17.5である。", ["17.5"]),
    ("人口10万人対の医師数は262.1人である。", ["262.1人"]),
    ("3人対応で実施する。", ["3人"]),
])
def test_every_denominator_of_a_rate_is_no_count(text: str, surfaces: list[str]) -> None:
    assert [m.surface for m in find_numbers(text)] == surfaces


@pytest.mark.parametrize(("text", "rows"), [
    # one in five: a proportion, no count of five people or of one
    ("高齢者の約5人に1人に達する見込みである。", []),
    ("約2.6人に1人が65歳以上となる。", [("65歳以上", 65, "歳")]),
    ("3社に1社が導入している。", []),
    # one per person: a rate
    ("1人に1台の端末を配備した。", [("1台", 1, "台/人")]),
    # each or all? left as printed
    ("3社に1億円を支給した。", [("3社", 3, "社"), ("1億円", 100_000_000, "円")]),
    # an exchange rate: one figure per the unit of the first, no 1 dollar
    ("円の対ドルレートは1ドル＝150円台まで下落した。", [("1ドル＝150円台", 150, "円/ドル")]),
    # N in every ten (a power of ten): one figure per that base, as 人口10万人当たり is, no
    # count of ten people (the README's weak spot: it gave two counts, 10 and 3)
    ("児童の10人中3人が朝食を欠食している。", [("10人中3人", 3, "人/10人")]),
    ("農業者の100人中約5人が新規就農者である。", [("100人中約5人", 5, "人/100人")]),
    # any other whole is a real count: both kept (ict2019-3-1 p0085: 12業種中8業種)
    ("対象の5社中4社が導入した。", [("5社", 5, "社"), ("4社", 4, "社")]),
    ("12業種中8業種で増加した。", [("12業種", 12, "業種"), ("8業種", 8, "業種")]),
])
def test_one_in_n_is_a_proportion(text: str, rows: list[tuple[str, float, str]]) -> None:
    assert [(m.surface, m.value, m.unit) for m in find_numbers(text)] == rows


@pytest.mark.parametrize(("text", "surface", "start"), [
    # a ratio of a date's figure: the date is its base; the period is the one before
    ("医療費は2040年度に約67兆円と、2018年度の約1.7倍に増加する。", "約1.7倍", "2040-04-01"),
    ("訪日客数は2023年に2,507万人と、2019年の8割の水準となった。", "8割", "2023-01-01"),
    ("国内旅行消費額は21.9兆円で、2019年の約9割まで回復した。", "約9割", None),
    # a share of a date's whole keeps the date
    ("2020年の約3割の企業が導入した。", "約3割", "2020-01-01"),
])
def test_a_ratio_of_a_dates_figure_takes_it_as_base(text: str, surface: str,
                                                   start: str | None) -> None:
    assert [m.period_start for m in find_numbers(text) if m.surface == surface] == [start]


@pytest.mark.parametrize(("text", "rows"), [
    # 約 or a fraction before 年/日: a span of years or days, no year or day of a month
    ("健康寿命との差は男性で約9年である。", [("約9年", 9, "年", "duration")]),
    ("平均寿命は男性81.05年となっている。", [("81.05年", 81.05, "年", "duration")]),
    ("平均滞在日数は8.8日である。", [("8.8日", 8.8, "日", "duration")]),
    ("真夏日は約6.4日増加した。", [("約6.4日増加", 6.4, "日", "duration")]),
    ("毎月5日に公表する。", []),
    # a bound or an approximation after 年: a span of years, as after 日 (14日以内)
    ("今後5〜10年程度で実現する。", [("5", 5, "年", "duration"), ("10年程度", 10, "年", "duration")]),
    ("5年以上の経験を有する者を採用する。", [("5年以上", 5, "年", "duration")]),
    ("耐用年数は10年前後である。", [("10年前後", 10, "年", "duration")]),
    # a year the date rules read keeps its reading
    ("2020年前後に普及した。", []),
])
def test_an_approximate_or_decimal_year_is_a_span(
        text: str, rows: list[tuple[str, float, str, str]]) -> None:
    assert [(m.surface, m.value, m.unit, m.kind) for m in find_numbers(text)] == rows


@pytest.mark.parametrize(("text", "rows"), [
    # a currency sign before a figure with no unit after it is its unit
    ("EUの対外援助は€150億である。", [("€150億", 15_000_000_000, "ユーロ", "money")]),
    ("US$1.5兆の市場規模に達した。", [("US$1.5兆", 1.5e12, "ドル", "money")]),
    ("価格は￥1,000である。", [("￥1,000", 1000, "円", "money")]),
    # another dollar, or an English magnitude after the figure: no unit from the sign
    ("HK$500億を投じた。", [("500億", 50_000_000_000, "", "")]),
    ("総額は$5bnである。", []),
    # a title quoted in a footnote (st2024-1-3 n001, n039): the magnitude after a space
    ("“AI investment forecast to approach $200 billion globally by 2025”", []),
    ("“Britain to be made AI match-fit with £118 million skills package”", []),
])
def test_a_currency_sign_before_a_figure_is_its_unit(
        text: str, rows: list[tuple[str, float, str, str]]) -> None:
    assert [(m.surface, m.value, m.unit, m.kind) for m in find_numbers(text)] == rows


@pytest.mark.parametrize(("text", "surface", "approx", "measure"), [
    # 規模 after a figure: on the scale of; after a count it marks off a class of the noun
    ("100億円規模の基金を創設した。", "100億円規模", True, "基金"),
    ("従業員300人規模の企業が回答した。", "300人規模", True, "従業員"),
])
def test_kibo_is_a_scale(text: str, surface: str, approx: bool, measure: str) -> None:
    assert [(m.approx, m.measure) for m in find_numbers(text) if m.surface == surface] == \
        [(approx, measure)]


@pytest.mark.parametrize(("text", "rows"), [
    # a plus sign between a comparison base and its figure: the base is still read
    ("相談件数は4,500件（前年度比＋3.2％）であった。",
     [("4,500件", 4500, "相談件数"), ("前年度比＋3.2％", 3.2, "相談件数")]),
    ("売上高は前年比プラス2.1%となった。", [("前年比プラス2.1%", 2.1, "売上高")]),
    # a word may qualify the period before 比: still a comparison base, no measure
    ("予算の総額は112兆5,717億円（前年度当初予算比△1兆8,095億円）となった。",
     [("112兆5,717億円", 112_571_700_000_000, "予算の総額"),
      ("前年度当初予算比△1兆8,095億円", -1_809_500_000_000, "予算の総額")]),
])
def test_a_plus_sign_keeps_the_comparison_base(text: str,
                                                rows: list[tuple[str, float, str]]) -> None:
    assert [(m.surface, m.value, m.measure) for m in find_numbers(text)] == rows


@pytest.mark.parametrize(("text", "rows"), [
    # 半 after a span adds a half: 約1年半 is no 1 year
    ("約1年半で完了した。", [("約1年半", 1.5, "年")]),
    ("1年半で完了した。", [("1年半", 1.5, "年")]),
    ("1時間半で到着する。", [("1時間半", 1.5, "時間")]),
    ("約3か月半を要した。", [("約3か月半", 3.5, "か月")]),
    # a word 半 opens, or 半ば: no half
    ("2年間半導体の開発を進めた。", [("2年間", 2, "年間")]),
    ("3か月半ばに公表した。", [("3か月", 3, "か月")]),
])
def test_han_after_a_span_adds_a_half(text: str, rows: list[tuple[str, float, str]]) -> None:
    assert [(m.surface, m.value, m.unit) for m in find_numbers(text)] == rows


def test_a_figure_after_a_day_no_rule_dated_has_no_period() -> None:
    """bousai2024-t2-1 p0018 (the final sample audit): the quakes of 同日16時12分 and
    6日23時20分 were given the as-of date printed at the sentence's end (2024-04-01); a
    day the date rules leave without its year stands before them, so none is sure. A
    time right after a dated day goes with it (p0004: 令和6年1月1日16時10分)."""
    text = ("この地震の震央周辺では、同日16時12分にマグニチュード5.7の地震（最大震度6弱）、"
            "6日23時20分にマグニチュード4.3の地震（最大震度6弱）が発生するなど、"
            "現在（令和6年4月1日現在）もおおむね同様の範囲で地震が発生している。")
    assert [(m.surface, m.period_start) for m in find_numbers(text)] == [
        ("5.7", None), ("6弱", None), ("4.3", None), ("6弱", None)]
    dated = "令和6年1月1日16時10分、石川県能登地方の深さ16km（暫定値）を震源とする地震が発生した。"
    assert [(m.surface, m.period_start) for m in find_numbers(dated)] == [("16km", "2024-01-01")]


@pytest.mark.parametrize(("text", "surface", "measure"), [
    # the noun a rank is glued to is the field it ranks in (世界, 全国), not what is ranked
    ("日本は世界第3位である。", "第3位", ""),
    ("日本は世界3位である。", "3位", ""),
    ("日本の研究開発費は世界第3位である。", "第3位", "研究開発費"),
    ("論文数は全国1位となった。", "1位", "論文数"),
])
def test_a_ranks_field_is_no_measure(text: str, surface: str, measure: str) -> None:
    assert [(m.surface, m.measure) for m in find_numbers(text)] == [(surface, measure)]


@pytest.mark.parametrize(("text", "rows"), [
    # a rate per a base of a thousand or more printed before it with 対: per that base
    ("令和4年の乳児死亡率は出生千対1.8である。",
     [("出生千対1.8", 1.8, "/1000", "ratio", "乳児死亡率")]),
    ("自殺死亡率（人口10万対）は16.4となった。", [("16.4", 16.4, "/100000", "ratio", "自殺死亡率")]),
    # or before の and the measure noun (the README's weak spot: 人口千対の婚姻率は4.1 had
    # no /1000)
    ("人口千対の婚姻率は4.1である。", [("4.1", 4.1, "/1000", "ratio", "婚姻率")]),
    ("3対1の比率は2.0である。", [("2.0", 2.0, "", "", "比率")]),
    ("人口1,000対 5.2人", [("人口1,000対 5.2人", 5.2, "人/1000", "count", "")]),
    # two figures set against each other: no base
    ("看護配置は7対1である。", []),
    # the base written with 当たり, 千 with no digit before it (MHLW-style vital rates,
    # read by hand): 6.3 births per 1,000 people, a ratio, no count
    ("出生率は人口千人当たり6.3であった。", [("6.3", 6.3, "/1000人", "ratio", "出生率")]),
    ("死亡率は人口10万人当たり1,200.5であった。",
     [("1,200.5", 1200.5, "/100000人", "ratio", "死亡率")]),
    # 千葉 is no base of a thousand; a base of one leaves a bare figure alone
    ("千葉県当たり5.3であった。", []),
])
def test_a_rate_per_a_base_before_tai(text: str,
                                      rows: list[tuple[str, float, str, str, str]]) -> None:
    assert [(m.surface, m.value, m.unit, m.kind, m.measure) for m in find_numbers(text)] == rows


@pytest.mark.parametrize(("text", "surface", "measure", "confidence"), [
    # a set-up or a mark after の is never what the figure counts (number_setup_nouns.tsv);
    # the actor before は stays, low, as for a figure it is the object of
    ("海上保安庁は22隻の体制で警備している。", "22隻", "海上保安庁", "low"),
    ("巡視船22隻の体制で警備している。", "22隻", "巡視船", "medium"),
    ("参加者は1万人の大台を超えた。", "1万人", "参加者", "low"),
    ("来場者数は1万人の大台を超えた。", "1万人", "来場者数", "high"),   # a measure noun
    # a noun the figure counts is still the measure
    ("約3,000人の職員を配置した。", "約3,000人", "職員", "high"),
])
def test_a_setup_after_the_figure_is_no_measure(text: str, surface: str, measure: str,
                                                confidence: str) -> None:
    assert [(m.surface, m.measure, m.measure_confidence) for m in find_numbers(text)] == \
        [(surface, measure, confidence)]


@pytest.mark.parametrize(("text", "surface", "measure"), [
    # an attribute of the noun after の (an age, a size) is that noun's: the topic before
    # は is no more its measure than the noun is, unless it is a measure noun
    ("児童手当は3歳未満の子に支給する。", "3歳未満", ""),
    ("本事業は65歳以上の高齢者を対象とする。", "65歳以上", ""),
    ("平均年齢は45歳である。", "45歳", "平均年齢"),
])
def test_an_attribute_of_the_noun_after_it_is_not_the_topics(text: str, surface: str,
                                                              measure: str) -> None:
    assert [(m.surface, m.measure) for m in find_numbers(text)] == [(surface, measure)]


@pytest.mark.parametrize(("text", "surface", "measure", "confidence"), [
    # a figure right after the base it is compared with: the measure before the base …
    ("平均気温は平年より1.29℃高く、統計開始以降最も高かった。", "1.29℃高", "平均気温", "high"),
    ("世界の平均気温は工業化以前と比べて約1.1℃上昇している。", "約1.1℃上昇", "平均気温", "high"),
    # … else the measure of the figure before it, as after 前年度比
    ("出生数は77万759人で、前年より4万875人減少した。", "4万875人減少", "出生数", "medium"),
    ("国債費は27兆90億円で、前年度に比べ1兆7,841億円の増加となった。", "1兆7,841億円の増加",
     "国債費", "medium"),
    # the base before を of a figure that goes over it is no measure
    ("水稲の10a当たり収量は536kgで、前年産を3kg上回った。", "3kg上回", "収量", "medium"),
    # the later end of a change from one time to another (MAFF-style, read by hand)
    ("農林水産物・食品の輸出額は、2012年の4,497億円から2023年には1兆4,541億円へと増加した。",
     "1兆4,541億円", "輸出額", "medium"),
    ("食料自給率（カロリーベース）は1965年度の73％から2022年度には38％まで低下した。", "38％",
     "食料自給率", "medium"),
    # a stock's day as the base (前年度末から, 厚生労働白書-style)
    ("認定者数は694万人で、前年度末から4万人増加した。", "4万人増加", "認定者数", "medium"),
    # a date's figure as the base (2019年比で)
    ("訪日外国人旅行者数は2,507万人で、2019年比で約8割まで回復した。", "約8割",
     "訪日外国人旅行者数", "medium"),
])
def test_a_figure_compared_with_a_base_takes_the_measure_before_it(
        text: str, surface: str, measure: str, confidence: str) -> None:
    assert [(m.measure, m.measure_confidence) for m in find_numbers(text)
            if m.surface == surface] == [(measure, confidence)]


@pytest.mark.parametrize(("text", "measure", "confidence"), [
    # 度 ends a measure noun only in a degree (震度, 満足度), not in 年度, 制度, 態度
    ("今年度は約500億円を計上した。", "", ""),
    ("この制度では、約3万人が登録した。", "制度", "low"),
    ("利用者の満足度は85%である。", "満足度", "high"),
    ("経済成長率に対する寄与度は0.5ポイントであった。", "寄与度", "high"),
])
def test_do_ends_a_measure_noun_only_in_a_degree(text: str, measure: str,
                                                 confidence: str) -> None:
    assert [(m.measure, m.measure_confidence) for m in find_numbers(text)] == \
        [(measure, confidence)]


@pytest.mark.parametrize(("text", "rows"), [
    # the basis a figure is reckoned on, or a bracket, between its measure and the figure
    ("2022年度の温室効果ガス排出量はCO2換算11.7億トンであった。",
     [("11.7億トン", "温室効果ガス排出量", "high")]),
    ("食料自給率（カロリーベース）38％", [("38％", "食料自給率", "high")]),
    ("令和4年度の食料自給率は、カロリーベースで38％、生産額ベースで58％となった。",
     [("38％", "食料自給率", "high"), ("58％", "食料自給率", "medium")]),
    ("輸出額はドル建てで7,172億ドルとなった。", [("7,172億ドル", "輸出額", "high")]),
    ("債務残高は対GDP比で約260％に達する。", [("約260％", "債務残高", "high")]),
    ("防衛費をGDP比2%に引き上げる。", [("2%", "防衛費", "high")]),
])
def test_a_basis_of_reckoning_is_no_measure(text: str, rows: list[tuple[str, str, str]]) -> None:
    assert [(m.surface, m.measure, m.measure_confidence) for m in find_numbers(text)] == rows


@pytest.mark.parametrize(("text", "surface", "measure"), [
    # a span glued to the point it is counted from: the point is no measure, the time
    # since it is, in the unit's count noun (measure_span_count_nouns.tsv; st2024-1-2
    # p0169, found by the number audit: it was none)
    ("博士の学位取得後８年未満", "８年未満", "学位取得後の年数"),
    ("設立後10年以上の企業が対象となる。", "10年以上", "設立後の年数"),
    ("発災後3日以内に物資を届ける。", "3日以内", "発災後の日数"),
    ("継続時間2時間以上の停電", "2時間以上", "継続時間"),
])
def test_the_point_a_span_counts_from_is_no_measure(text: str, surface: str,
                                                    measure: str) -> None:
    assert [(m.surface, m.measure) for m in find_numbers(text)] == [(surface, measure)]


@pytest.mark.parametrize(("text", "surface", "measure"), [
    # 超 bounds a class as 以上 does: the noun after の falls in it, it is not measured
    ("資本金10億円超の企業が対象となる。", "10億円超", "資本金"),
    ("勤続3年超の職員を対象とする。", "3年超", "勤続"),
])
def test_cho_bounds_a_class_as_ijo_does(text: str, surface: str, measure: str) -> None:
    assert [(m.surface, m.measure) for m in find_numbers(text)] == [(surface, measure)]


def test_a_breakdown_is_no_measure() -> None:
    """年齢別では: how the figures are grouped, not what they measure."""
    assert [(m.surface, m.measure) for m in find_numbers("年齢別では、40～44歳が最も多い。")] == \
        [("40", ""), ("44歳", "")]


@pytest.mark.parametrize(("text", "rows"), [
    # a figure after its rate's denominators (and at most the measure noun) is per them
    ("国民医療費は46兆6,967億円、人口一人当たりでは37万3,700円となった。",
     [("46兆6,967億円", "円"), ("37万3,700円", "円/人")]),
    ("国民1人当たりGDPは4万ドルである。", [("4万ドル", "ドル/人")]),
    ("排出量は4,034万トン（1人1日当たり880グラム）であった。",
     [("4,034万トン", "トン"), ("880グラム", "g/人/日")]),
    ("水稲の10a当たり収量は536kgであった。", [("536kg", "kg/10a")]),
    ("人口10万人当たり医師数は256.6人である。", [("256.6人", "人/100000人")]),
    # a clause between: the figure is no rate
    ("1人当たりの面積が広い地域では100件であった。", [("100件", "件")]),
    ("1人当たりの研修時間は10時間、費用は5万円である。", [("10時間", "時間/人"), ("5万円", "円")]),
])
def test_a_figure_after_its_rates_denominators_is_per_them(
        text: str, rows: list[tuple[str, str]]) -> None:
    assert [(m.surface, m.unit) for m in find_numbers(text)] == rows


def test_a_date_before_a_denominator_is_none_of_it() -> None:
    """平成22年度は１年当たり47件 (st2019-2-5): 47 a year, not per 22年度は."""
    assert [(m.surface, m.unit) for m in find_numbers("平成22年度は１年当たり47件に至った。")] == \
        [("47件", "件/年")]


@pytest.mark.parametrize(("text", "rows"), [
    # a count of those an attribute or a bound marks off is not what the figure measures
    ("65歳以上の高齢者数は3,623万人である。", [("65歳以上", ""), ("3,623万人", "高齢者数")]),
    ("調査は全国の20歳以上の男女3,000人を対象に実施した。", [("20歳以上", ""), ("3,000人", "男女")]),
    # a measure of the same dimension is
    ("最大256kbps以上の通信速度を確保する。", [("256kbps以上", "通信速度")]),
])
def test_a_count_of_those_marked_off_is_no_attributes_measure(
        text: str, rows: list[tuple[str, str]]) -> None:
    assert [(m.surface, m.measure) for m in find_numbers(text)] == rows


@pytest.mark.parametrize(("text", "surface", "measure"), [
    # a span before の is how long the noun after it lasts, not what it measures
    ("主に発災から3か月間の状況や対応について整理する。", "3か月間", ""),   # bousai2024-t2-1
    ("5か年の計画を策定した。", "5か年", ""),
    # a measure noun after it still is
    ("直近5年間の移動体ARPUの推移", "5年間", "移動体ARPU"),
])
def test_a_span_before_no_is_an_attribute(text: str, surface: str, measure: str) -> None:
    assert [(m.surface, m.measure) for m in find_numbers(text)] == [(surface, measure)]


@pytest.mark.parametrize(("text", "rows"), [
    # a comparison after a topic of its own (営業利益は同…, 営業利益は前年比…) is that topic's
    ("売上高は前年比5%増の100億円、営業利益は同10%減の5億円となった。",
     [("前年比5%増", "売上高"), ("100億円", "売上高"), ("10%減", "営業利益"), ("5億円", "営業利益")]),
    ("売上高は前年比5%増、営業利益は前年比10%減となった。",
     [("前年比5%増", "売上高"), ("前年比10%減", "営業利益")]),
    # with none, the figure it compares lends its measure
    ("輸出額は100億円で、同6億円の増加となった。", [("100億円", "輸出額"), ("6億円の増加", "輸出額")]),
])
def test_a_comparison_after_its_own_topic_takes_that_topic(
        text: str, rows: list[tuple[str, str]]) -> None:
    assert [(m.surface, m.measure) for m in find_numbers(text)] == rows


@pytest.mark.parametrize(("text", "surface", "measure"), [
    # a span the next figure is given over is when, not what the topic amounts to
    ("在日米軍の駐留経費負担は5年間で約1兆円である。", "5年間", ""),
    # a span of its own keeps its topic
    ("研究期間は3年間で、総額は5億円である。", "3年間", "研究期間"),
])
def test_a_span_a_figure_is_given_over_has_no_measure(text: str, surface: str,
                                                      measure: str) -> None:
    assert [m.measure for m in find_numbers(text) if m.surface == surface] == [measure]


@pytest.mark.parametrize(("text", "surface", "modifier"), [
    # a figure raised or lowered by so much is a change (最低賃金, 税率: read by hand)
    ("最低賃金は前年度より43円引き上げられた。", "43円引き上げ", "増"),
    ("税率は2%引き下げられた。", "2%引き下げ", "減"),
    ("保険料を月額100円引上げた。", "100円引上げ", "増"),
    # a noun of raising after の is the change too (the README's weak spot: 最低賃金は…43円の
    # 引上げ gave the measure 引上げ, no change)
    ("最低賃金は全国加重平均で1,004円となり、前年度より43円の引上げとなった。", "43円の引上げ", "増"),
    ("診療報酬本体は0.88％の引上げとなった。", "0.88％の引上げ", "増"),
    # reduced, widened, narrowed by so much (MAFF-style targets, gaps)
    ("化学農薬の使用量を2050年までに50％低減する。", "50％低減", "減"),
    ("格差は前年差0.3％ポイント拡大した。", "前年差0.3％ポイント拡大", "増"),
    ("差は2.1ポイント縮小した。", "2.1ポイント縮小", "減"),
])
def test_raised_or_lowered_by_so_much_is_a_change(text: str, surface: str,
                                                  modifier: str) -> None:
    assert [(m.surface, m.modifier) for m in find_numbers(text) if m.surface == surface] \
        == [(surface, modifier)]


def test_an_age_in_brackets_marks_off_the_class_before_it() -> None:
    # the age bounds who the noun names (厚生労働白書-style, read by hand): no measure of
    # its own, and the count after the bracket is the noun's
    text = "第1号被保険者（65歳以上）は3,589万人、第2号被保険者（40～64歳）は4,190万人である。"
    assert [(m.surface, m.measure) for m in find_numbers(text)] == [
        ("65歳以上", ""), ("3,589万人", "第1号被保険者"), ("40", ""), ("64歳", ""),
        ("4,190万人", "第2号被保険者")]


def test_an_attribute_before_no_takes_no_measure_from_the_figure_before() -> None:
    # 65歳以上 qualifies what follows it (約5人に1人), not the 認知症高齢者 counted before
    text = "2025年には認知症高齢者は約700万人、65歳以上の約5人に1人に達すると見込まれる。"
    assert [(m.surface, m.measure) for m in find_numbers(text)] == [
        ("約700万人", "認知症高齢者"), ("65歳以上", "")]


def test_a_change_from_a_bracketed_peak_year_is_open() -> None:
    # the peak's year in brackets, its figure, then から and the change (MAFF-style, by
    # hand): the change runs from 1961 on, the 609万ha is 1961's
    text = "農地面積は430万haで、ピーク時（1961年）の609万haから約3割減少した。"
    assert [(m.surface, m.period_start, m.period_end) for m in find_numbers(text)] == [
        ("430万ha", None, None), ("609万ha", "1961-01-01", "1961-12-31"),
        ("約3割減少", "1961-01-01", None)]


@pytest.mark.parametrize(("text", "rows"), [
    # a figure that takes a rate's measure (a list item, a change) is in the rate's unit
    # (MAFF- and MHLW-style, read by hand)
    ("1戸当たり経営耕地面積は、北海道が30.9ha、都府県が2.2haである。",
     [("30.9ha", "ha/戸"), ("2.2ha", "ha/戸")]),
    ("人口10万人当たり医師数は262.1人で、2年前に比べて5.3人増加した。",
     [("262.1人", "人/100000人"), ("5.3人増加", "人/100000人")]),
    # a change in % of a rate is no rate; a figure of its own measure keeps its unit
    ("人口1人当たり国民医療費は36万8,700円で、前年度比3.4％増となった。",
     [("36万8,700円", "円/人"), ("前年度比3.4％増", "%")]),
    ("医師数は262.1人で、前年より5.3人増加した。", [("262.1人", "人"), ("5.3人増加", "人")]),
])
def test_a_figure_of_a_rates_measure_is_in_its_unit(text: str,
                                                    rows: list[tuple[str, str]]) -> None:
    assert [(m.surface, m.unit) for m in find_numbers(text)] == rows


def test_an_age_as_an_items_topic_measures_nothing() -> None:
    # 児童手当 (an allowance: 手当 is a measure head) by age class, read by hand: the ages
    # measure nothing, and no noun opens inside a figure (not 歳以上小学校修了前)
    text = "児童手当は、3歳未満は月額1万5,000円、3歳以上小学校修了前は1万円が支給される。"
    found = [(m.surface, m.measure) for m in find_numbers(text)]
    assert found[:3] == [("3歳未満", ""), ("1万5,000円", "児童手当"), ("3歳以上", "")]
    assert found[3][0] == "1万円" and found[3][1] in ("", "児童手当")


@pytest.mark.parametrize(("text", "rows"), [
    # a range of ages as an item's topic or an attribute of the noun after it measures
    # nothing (MHLW-style, read by hand)
    ("女性の年齢階級別労働力率は、25～29歳が87.7％と最も高い。",
     [("25", ""), ("29歳", ""), ("87.7％", "")]),
    ("第2号被保険者は40～64歳の医療保険加入者である。", [("40", ""), ("64歳", "")]),
    # glued to a measure noun, the range is part of it
    ("15～64歳人口は7,395万人である。", [("15", ""), ("64歳", ""), ("7,395万人", "15～64歳人口")]),
])
def test_an_age_range_as_a_class_measures_nothing(text: str,
                                                  rows: list[tuple[str, str]]) -> None:
    assert [(m.surface, m.measure) for m in find_numbers(text)] == rows


@pytest.mark.parametrize(("text", "rows"), [
    # 京 is 10**16 between a figure's groups (MOE/METI-style energy balance, read by hand:
    # 1京8,670兆 J is 1.867 × 10**16 J), not a count of 1 京
    ("最終エネルギー消費は1京8,670兆Jであった。", [("1京8,670兆J", 1.867e16, "J")]),
    ("その総額は約1京円を超える。", [("約1京円を超え", 1e16, "円")]),
    # 京 opening a word (京浜, 京都) is no big unit
    ("第2京浜国道の交通量は5万台である。", [("5万台", 50_000, "台")]),
    ("3京都府県で実施した。", []),
])
def test_kei_is_ten_to_the_sixteenth(text: str, rows: list[tuple[str, float, str]]) -> None:
    assert [(m.surface, m.value, m.unit) for m in find_numbers(text)] == rows


def test_a_span_of_one_is_the_base_of_each_rate() -> None:
    # 労働基準法 第32条 as white papers quote it (read by hand): 8 hours a day, 40 hours a
    # week; 1週 is no count of one week
    text = "労働時間は1日8時間、1週40時間を超えてはならない。"
    assert [(m.surface, m.unit) for m in find_numbers(text)] == [
        ("8時間", "時間/日"), ("40時間を超え", "時間/週")]


@pytest.mark.parametrize(("text", "rows"), [
    # one change word after a list of figures in one unit is each item's (MHLW-style,
    # read by hand: both life expectancies fell, by 0.42 and 0.49 years)
    ("平均寿命は前年と比べて男性は0.42年、女性は0.49年下回った。",
     [("0.42年", "減"), ("0.49年下回", "減")]),
    ("北海道が3.1％、東北が2.5％上昇した。", [("3.1％", "増"), ("2.5％上昇", "増")]),
    # a measure noun as an item's topic: a level, then a change of another measure
    ("売上高は100億円、営業利益は5億円増加した。", [("100億円", ""), ("5億円増加", "増")]),
    # a time as a topic: the base, not a change
    ("前年は100人、今年は50人増加した。", [("100人", ""), ("50人増加", "増")]),
    # a level, then a change from a comparison base
    ("シェアは30%、前年比5%増となった。", [("30%", ""), ("前年比5%増", "増")]),
])
def test_a_change_after_a_list_is_each_items(text: str, rows: list[tuple[str, str]]) -> None:
    assert [(m.surface, m.modifier) for m in find_numbers(text)] == rows


@pytest.mark.parametrize(("text", "rows"), [
    # a range's bare low end takes the high end's unit (METI-style energy mix, read by
    # hand: 36 to 38 per cent, both ends approximate by 程度)
    ("再生可能エネルギー比率を36～38％程度とする。",
     [("36", 36, "%", "low", True), ("38％程度", 38, "%", "high", True)]),
    # a per cent sign a space after the figure, as PDF text prints it
    ("再生可能エネルギー比率を36～38 ％程度とする。",
     [("36", 36, "%", "low", True), ("38 ％程度", 38, "%", "high", True)]),
])
def test_a_range_in_per_cent_has_the_unit_at_both_ends(
        text: str, rows: list[tuple[str, float, str, str, bool]]) -> None:
    assert [(m.surface, m.value, m.unit, m.range_role, m.approx)
            for m in find_numbers(text)] == rows


def test_three_of_ten_is_a_count_of_three_per_ten() -> None:
    # N人中M人 (a survey's answer, read by hand): the part is a count of 3 persons, per the
    # whole of 10, which the unit keeps (it gave two counts, 10 and 3: the README's weak
    # spot; the whole may be the number asked or a base, the unit says both)
    assert [(m.surface, m.value, m.unit, m.kind) for m in find_numbers("10人中3人が回答した。")] \
        == [("10人中3人", 3, "人/10人", "count")]


@pytest.mark.parametrize(("text", "rows"), [
    # made-up, read by hand: a figure glued to a katakana word that counts nothing is no
    # quantity (was 70億インスト, 3トン, 3メガ), nor is a listed unit the head of a longer
    # katakana word (トン of トンネル); a unit a word of its own follows stays
    ("同社は70億インストラクトモデルを公開した。", []),
    ("山間部に3トンネルを掘削した。", []),
    ("3メガバンクが参加した。", []),
    ("前年比5ポイントアップした。", [("前年比5ポイント", 5, "ポイント")]),
    ("1億ドルファンドを設立した。", [("1億ドル", 100000000, "ドル")]),
    ("150億パラメータモデルを開発した。", [("150億パラメータ", 15000000000, "パラメータ")]),
])
def test_a_figure_glued_to_a_katakana_word_is_no_unit(
        text: str, rows: list[tuple[str, float, str]]) -> None:
    assert [(m.surface, m.value, m.unit) for m in find_numbers(text)] == rows


@pytest.mark.parametrize(("text", "rows"), [
    # made-up, read by hand: 分 UniDic reads as a share after the figure (副詞可能) is
    # minutes when a particle or punctuation follows (was 約3 with no unit); 3分の1 stays
    # a fraction, 増加分 no figure
    ("手続は約3分で完了する。", [("約3分", 3, "分")]),
    ("所要時間は3分、費用は無料である。", [("3分", 3, "分")]),
    ("全体の3分の1を占める。", []),
])
def test_minutes_read_as_a_share_noun(text: str, rows: list[tuple[str, float, str]]) -> None:
    assert [(m.surface, m.value, m.unit) for m in find_numbers(text)] == rows


@pytest.mark.parametrize(("text", "rows"), [
    # made-up, read by hand: a full-width hyphen-minus or a hyphen between two figures,
    # a listed unit after the second, is a range mark as ～ is (was no row)
    ("回答率は36－38％であった。", [("36", 36, "%", "low"), ("38％", 38, "%", "high")]),
    ("2‐3割の企業が導入した。", [("2", 2, "割", "low"), ("3割", 3, "割", "high")]),
    # not a chain of figures (a figure's number, a phone number) nor a high end below
    # the low one (a score)
    ("第1－2－1図のとおりである。", []),
    ("電話03－1234－5678まで。", []),
    ("試合は3－1点で終わった。", []),
])
def test_a_hyphen_between_two_figures_is_a_range_mark(
        text: str, rows: list[tuple[str, float, str, str]]) -> None:
    assert [(m.surface, m.value, m.unit, m.range_role) for m in find_numbers(text)] == rows
