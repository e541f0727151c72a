"""Dates in every form a white paper prints them: dual forms, ranges, ends and parts of a
month, open periods, anaphora, citation years, era letters (pipeline/tagging/dates.py,
relative_dates.py). Sentences quoted from the registered chapters where one exists
(checked below against the raw text or the structured PDF chapter), made-up otherwise;
every expectation read off the sentence by hand."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.nlp.sentences import sentence_spans
from pipeline.tagging.dates import DateMention, find_dates
from pipeline.tagging.quantities import find_numbers
from pipeline.tagging.relative_dates import find_paragraph_dates
from tests.conftest import structured

# (chapter or "" for made-up, text, where, surface, kind, start_date, end_date, role, approx)
FORMS = [
    # Dual forms, either order, the finest precision printed.
    ("ict2023", "図表4-2-2-3　2022年（令和4年）3月末の光ファイバの整備状況", "caption",
     "2022年（令和4年）3月末", "date", "2022-03-31", "2022-03-31", None, False),
    ("st2024-1-3", "その設立は、2019年（令和元年）８月にフランスで開催されたＧ７ビアリッツサミット",
     "body", "2019年（令和元年）８月", "month", "2019-08-01", "2019-08-31", None, False),
    ("st2024-1-3", "2022年（令和４年）11月には年次総会であるＧＰＡＩサミットが東京において開催され",
     "body", "2022年（令和４年）11月", "month", "2022-11-01", "2022-11-30", None, False),
    ("", "令和５年（2023年）６月に公表した", "body", "令和５年（2023年）６月", "month",
     "2023-06-01", "2023-06-30", None, False),
    ("", "平成27年度（2015年度）の実績", "body", "平成27年度（2015年度）", "fiscal_year",
     "2015-04-01", "2016-03-31", None, False),
    ("", "2023年（令和４年）11月", "body", "2023年", "year", "2023-01-01", "2023-12-31",
     None, False),                                   # brackets naming another year: not one
    # The other calendar's number alone in brackets before 年 (the Cabinet Office's form).
    ("", "令和2（2020）年度の実績", "body", "令和2（2020）年度", "fiscal_year", "2020-04-01",
     "2021-03-31", None, False),
    ("", "2020（令和2）年度の実績", "body", "2020（令和2）年度", "fiscal_year", "2020-04-01",
     "2021-03-31", None, False),
    ("", "令和5（2023）年10月1日時点", "body", "令和5（2023）年10月1日時点", "date",
     "2023-10-01", "2023-10-01", "as_of", False),
    # Ranges of months, days, years and fiscal years, within and across eras.
    ("", "令和5年12月から翌年3月まで実施した。", "body", "令和5年12月から翌年3月まで", "range",
     "2023-12-01", "2024-03-31", None, False),
    ("st2024-1-3", "2022年（令和４年）11月から2023年（令和５年）12月にかけて、我が国が議長国を務めました",
     "body", "2022年（令和４年）11月から2023年（令和５年）12月にかけて", "range", "2022-11-01",
     "2023-12-31", None, False),
    ("ict2023", "2022年1月から2月に国内で初めて静止衛星回線を含む", "body",
     "2022年1月から2月", "range", "2022-01-01", "2022-02-28", None, False),
    ("bousai2024-t2-1", "令和2年12月1日から令和5年12月31日までに、震度1以上を観測する地震が506回発生",
     "body", "令和2年12月1日から令和5年12月31日まで", "range", "2020-12-01", "2023-12-31",
     None, False),
    ("bousai2024-t2-1", "令和2年12月から令和5年12月までの能登地方における", "body",
     "令和2年12月から令和5年12月まで", "range", "2020-12-01", "2023-12-31", None, False),
    ("bousai2024-t2-1", "回数（回） 2024年１月１日～4月2日13時", "figure_text",
     "2024年１月１日～4月2日", "range", "2024-01-01", "2024-04-02", None, False),
    ("st2024-1-2", "令和２年から令和５年（2020～2023年）にかけて収集され", "body",
     "令和２年から令和５年（2020～2023年）にかけて", "range", "2020-01-01", "2023-12-31",
     None, False),
    ("ict2019", "2010年度から2017年度", "body", "2010年度から2017年度", "range",
     "2010-04-01", "2018-03-31", None, False),
    ("", "令和５年（2023年）６月から10月まで実施した", "body", "令和５年（2023年）６月から10月まで",
     "range", "2023-06-01", "2023-10-31", None, False),
    ("", "令和５年６月から同年10月まで", "body", "令和５年６月から同年10月まで", "range",
     "2023-06-01", "2023-10-31", None, False),
    ("", "2023年4～6月期の実質ＧＤＰ", "body", "2023年4～6月期", "range", "2023-04-01",
     "2023-06-30", None, False),
    ("", "令和４年度10～12月期", "body", "令和４年度10～12月期", "range", "2022-10-01",
     "2022-12-31", None, False),
    ("", "令和４年度１～３月期", "body", "令和４年度１～３月期", "range", "2023-01-01",
     "2023-03-31", None, False),                     # months of fiscal 2022: next spring
    ("", "平成27年度（2015年度）～令和元年度（2019年度）の５年間", "body",
     "平成27年度（2015年度）～令和元年度（2019年度）", "range", "2015-04-01", "2020-03-31",
     None, False),
    ("", "2019–2021年の平均", "body", "2019–2021年", "range", "2019-01-01", "2021-12-31",
     None, False),
    ("", "2023年12月～２月", "body", "2023年12月～２月", "range", "2023-12-01", "2024-02-29",
     None, False),                                   # over the new year, 2024 a leap year
    ("", "令和元年・２年度", "body", "令和元年", "year", "2019-05-01", "2019-12-31",
     None, False),                                   # 年 and 年度 are no consecutive pair
    ("", "2019年・2020年の２年間", "body", "2019年・2020年", "range", "2019-01-01",
     "2020-12-31", None, False),
    ("", "令和６年８月30日・31日に開催", "body", "令和６年８月30日・31日", "range",
     "2024-08-30", "2024-08-31", None, False),
    ("", "2023年１・２月の平均", "body", "2023年１・２月", "range", "2023-01-01", "2023-02-28",
     None, False),
    ("", "2023年３・10月に改定", "body", "2023年", "year", "2023-01-01", "2023-12-31",
     None, False),                                   # ３・10月: two months, no range
    ("", "2024年４月・10月に改定", "body", "2024年４月", "month", "2024-04-01",
     "2024-04-30", None, False),                     # not consecutive: no range
    # Ends and parts of a month; approximate dates; as-of dates.
    ("ict2023", "2022年12月末時点には移動通信の契約数は", "body", "2022年12月末時点", "date",
     "2022-12-31", "2022-12-31", "as_of", False),
    ("st2024-1-3", "ＧＰＡＩには、2024年（令和６年）３月現在で29の国・地域が参加しており", "body",
     "2024年（令和６年）３月現在", "month", "2024-03-01", "2024-03-31", "as_of", False),
    ("bousai2024-t2-1", "現在（令和6年4月1日時点）も多くの被災者の", "body", "令和6年4月1日時点",
     "date", "2024-04-01", "2024-04-01", "as_of", False),
    ("st2024-1-1", "1980年頃には深層学習につながる研究もなされていましたが", "body", "1980年頃",
     "year", "1980-01-01", "1980-12-31", None, True),
    ("st2024-1-2", "1960年前後から、我が国の大学で", "body", "1960年前後から", "year",
     "1960-01-01", None, "since", True),
    ("", "令和５年６月末日現在", "body", "令和５年６月末日現在", "date", "2023-06-30",
     "2023-06-30", "as_of", False),
    ("", "2020年2月下旬から", "body", "2020年2月下旬から", "range", "2020-02-21", None,
     "since", False),
    ("", "2021年2月下旬に", "body", "2021年2月下旬", "range", "2021-02-21", "2021-02-28",
     None, False),
    ("", "令和５年４月上旬", "body", "令和５年４月上旬", "range", "2023-04-01", "2023-04-10",
     None, False),
    ("", "令和５年４月中旬", "body", "令和５年４月中旬", "range", "2023-04-11", "2023-04-20",
     None, False),
    ("", "2023年10月初めに", "body", "2023年10月初め", "range", "2023-10-01", "2023-10-10",
     None, True),
    ("", "2024年初めに公表", "body", "2024年初め", "month", "2024-01-01", "2024-01-31",
     None, True),
    ("", "令和６年度初めから", "body", "令和６年度初めから", "month", "2024-04-01", None,
     "since", True),
    # 当初 of a fiscal year as its first month, approx (made-up; was the closed fiscal
    # year, から lost); not in 当初予算, the budget's name.
    ("", "令和5年度当初から新制度が適用された。", "body", "令和5年度当初から", "month",
     "2023-04-01", None, "since", True),
    ("", "令和5年度当初予算の規模", "body", "令和5年度", "fiscal_year", "2023-04-01",
     "2024-03-31", None, False),
    ("", "2018年末", "body", "2018年末", "date", "2018-12-31", "2018-12-31", None, False),
    ("", "令和５年度末までに", "body", "令和５年度末", "date", "2024-03-31", "2024-03-31",
     None, False),
    # A quarter or half one space after an accounting or fiscal year is that part of it,
    # counted from the year's first month (the quoted row was the whole year, the quarter
    # a second mention; the made-up ones were the year alone or no part at all).
    ("st2024-1-2", "ソフトバンク株式会社「2024年３月期 第３四半期 決算説明会」", "footnote",
     "2024年３月期 第３四半期", "range", "2023-10-01", "2023-12-31", None, False),
    ("", "2025年9月期　第1四半期の売上高", "body", "2025年9月期　第1四半期", "range",
     "2024-10-01", "2024-12-31", None, False),
    ("", "2024年12月期 下期の決算", "body", "2024年12月期 下期", "range", "2024-07-01",
     "2024-12-31", None, False),
    ("", "令和6年度 第２四半期の実績", "body", "令和6年度 第２四半期", "range", "2024-07-01",
     "2024-09-30", None, False),
    ("", "2025年3月期 後半には回復した", "body", "2025年3月期", "fiscal_year", "2024-04-01",
     "2025-03-31", None, False),                     # 後半: not read across a space
    # Quarters and halves of a year or fiscal year.
    ("ict2023", "四半期データの公表（令和4年度第3四半期（12月末））", "source",
     "令和4年度第3四半期", "range", "2022-10-01", "2022-12-31", None, False),
    ("", "令和５年度第４四半期", "body", "令和５年度第４四半期", "range", "2024-01-01",
     "2024-03-31", None, False),
    ("", "2023年上半期", "body", "2023年上半期", "range", "2023-01-01", "2023-06-30", None,
     False),
    ("", "令和５年度下期", "body", "令和５年度下期", "range", "2023-10-01", "2024-03-31", None,
     False),
    # 前半/後半 of a year or fiscal year as its halves (made-up, 経済財政白書 style; was
    # the whole year); 前後 stays an approximation.
    ("", "2023年後半には回復した。", "body", "2023年後半", "range", "2023-07-01", "2023-12-31",
     None, False),
    ("", "令和5年度前半の実績", "body", "令和5年度前半", "range", "2023-04-01", "2023-09-30",
     None, False),
    ("", "2023年前後に", "body", "2023年前後", "year", "2023-01-01", "2023-12-31", None, True),
    # Open periods: the start, no end.
    ("ict2023", "2016年以降増加傾向で推移している", "body", "2016年以降", "year", "2016-01-01",
     None, "since", False),
    ("ict2023", "重大な事故については、2008年度から、電気通信役務の品質が低下した", "body",
     "2008年度から", "fiscal_year", "2008-04-01", None, "since", False),
    ("bousai2024-t2-1", "令和2年12月頃から観測されていたが", "body", "令和2年12月頃から", "month",
     "2020-12-01", None, "since", True),
    ("bousai2024-t2-1", "本地震及び令和2年12月以降の一連の地震活動について", "body",
     "令和2年12月以降", "month", "2020-12-01", None, "since", False),
    ("st2024-1-2", "令和６年度（2024年度）から、情報通信研究機構において", "body",
     "令和６年度（2024年度）から", "fiscal_year", "2024-04-01", None, "since", False),
    ("", "2021年11月から運用を開始した", "body", "2021年11月から", "month", "2021-11-01", None,
     "since", False),
    ("", "令和２年度から3年間実施する", "body", "令和２年度から", "fiscal_year", "2020-04-01",
     None, "since", False),                          # 3年間 is a duration, not 令和3年
    ("", "2024年１月１日から3日間", "body", "2024年１月１日から", "date", "2024-01-01", None,
     "since", False),
    ("", "2000年以来の水準", "body", "2000年以来", "year", "2000-01-01", None, "since", False),
    # より before a comparison is 'than', not 'since'.
    ("ict2019", "2016年度より増加し、2017年度は", "body", "2016年度", "fiscal_year",
     "2016-04-01", "2017-03-31", None, False),
    ("ict2019", "重大な事故は4件であり、2016年度より1件減少した", "body", "2016年度", "fiscal_year",
     "2016-04-01", "2017-03-31", None, False),
    # から before a figure and a change is the base of the change; から before the change
    # alone is its start.
    ("ict2019", "5.8％を占めており、2000年からは15.9％減少", "body", "2000年", "year",
     "2000-01-01", "2000-12-31", None, False),
    ("", "2013年から増加している", "body", "2013年から", "year", "2013-01-01", None, "since",
     False),
    # Made-up, 環境白書 style: a reduction by a figure from a base year (was an open
    # period from FY2013).
    ("", "温室効果ガスを2013年度から46％削減することを目指す。", "body", "2013年度",
     "fiscal_year", "2013-04-01", "2014-03-31", None, False),
    ("", "2010年より3割削減した。", "body", "2010年", "year", "2010-01-01", "2010-12-31",
     None, False),
    # Citation years: in footnotes, sources and captions, and before a title.
    ("ict2023", "（出典）総務省（2023）「令和4年度　ICTの経済分析", "source", "2023", "year",
     "2023-01-01", "2023-12-31", "citation", False),
    ("ict2019", "櫻本健（2018）「デジタルエコノミー", "body", "2018", "year", "2018-01-01",
     "2018-12-31", "citation", False),
    # Any date alone in brackets in a footnote or source is the cited work's date.
    ("st2024-1-3", "国際会議における国別発表件数の推移等に関する分析」（2023年5月）", "footnote",
     "2023年5月", "month", "2023-05-01", "2023-05-31", "citation", False),
    # ict2023-4-1 p0092: a date alone in brackets inside a quoted title is part of the
    # title (the day the quarter's data is of), not the cited work's date (was citation).
    ("ict2023", "（出典）総務省「電気通信サービスの契約数及びシェアに関する四半期データの公表"
     "（令和4年度第3四半期（12月末））」を基に作成", "source", "12月末", "date", "2022-12-31",
     "2022-12-31", None, False),
    ("st2024-1-3", "国際会議における国別発表件数の推移等に関する分析」（2023年5月）", "body",
     "2023年5月", "month", "2023-05-01", "2023-05-31", None, False),
    ("bousai2024-t2-1", "（令和6年1月1日～令和6年4月1日0時）", "figure_text",
     "令和6年1月1日～令和6年4月1日", "range", "2024-01-01", "2024-04-01", None, False),
    # A weekday in brackets after a day no longer cuts a range or its suffix off (made-up:
    # no registered chapter prints one); alone it stays out of the surface.
    ("", "令和5年10月1日（日）から10月7日（土）まで開催した。", "body",
     "令和5年10月1日（日）から10月7日（土）まで", "range", "2023-10-01", "2023-10-07", None,
     False),
    ("", "2023年10月1日（日）から施行した。", "body", "2023年10月1日（日）から", "date",
     "2023-10-01", None, "since", False),
    ("", "2023年10月1日(月・祝)現在の人口", "body", "2023年10月1日(月・祝)現在", "date",
     "2023-10-01", "2023-10-01", "as_of", False),
    ("", "2023年10月1日（日）に開催した。", "body", "2023年10月1日", "date", "2023-10-01",
     "2023-10-01", None, False),
    # A hyphen between two years is a range mark (only the end year was read).
    ("st2024-1-3", "ＡＡＡＩの国別の発表件数の推移（2010-2020年）総発表件数", "figure_text",
     "2010-2020年", "range", "2010-01-01", "2020-12-31", None, False),
    ("", "2018－2022年の推移", "body", "2018－2022年", "range", "2018-01-01", "2022-12-31",
     None, False),
    ("", "2018−2022年の推移", "body", "2018−2022年", "range", "2018-01-01", "2022-12-31",
     None, False),
    ("", "2018‐2022年の推移", "body", "2018‐2022年", "range", "2018-01-01", "2022-12-31",
     None, False),
    ("", "平成28-令和2年度の推移", "body", "平成28-令和2年度", "range", "2016-04-01",
     "2021-03-31", None, False),
    ("", "2018年-2022年の推移", "body", "2018年-2022年", "range", "2018-01-01", "2022-12-31",
     None, False),
    # Decades: ten years (kind decade), 前半/後半 five of them, 半ば/中頃 the decade approx.
    ("st2024-1-1", "1950年代後半から1960年代に起きた「第１次ブーム」では", "body",
     "1950年代後半から1960年代", "range", "1955-01-01", "1969-12-31", None, False),
    ("st2024-1-1", "1980年代から1990年代に起きた「第２次ブーム」では", "body",
     "1980年代から1990年代", "range", "1980-01-01", "1999-12-31", None, False),
    ("st2024-1-2", "2010年代以降の深層学習をはじめとする技術の進展を受けて", "body",
     "2010年代以降", "decade", "2010-01-01", None, "since", False),
    ("ict2023-4-1", "2000年代半ばから特許出願数は減少傾向にあり", "body", "2000年代半ばから",
     "decade", "2000-01-01", None, "since", True),
    ("", "2010年代には普及が進んだ", "body", "2010年代", "decade", "2010-01-01", "2019-12-31",
     None, False),
    ("", "2020年代後半には", "body", "2020年代後半", "range", "2025-01-01", "2029-12-31",
     None, False),
    ("", "1990～2000年代にかけて", "body", "1990～2000年代にかけて", "range", "1990-01-01",
     "2009-12-31", None, False),
    ("", "昭和40年代の高度成長期", "body", "昭和40年代", "decade", "1965-01-01", "1974-12-31",
     None, False),
    # Era letters: fiscal years next to a programme or budget word.
    ("", "H28年度補正予算", "table_text", "H28年度", "fiscal_year", "2016-04-01", "2017-03-31",
     None, False),
    ("", "R3予算額", "table_text", "R3", "fiscal_year", "2021-04-01", "2022-03-31", None, False),
    ("", "R4事業", "table_text", "R4", "fiscal_year", "2022-04-01", "2023-03-31", None, False),
    ("", "R元年度予算", "table_text", "R元年度", "fiscal_year", "2019-04-01", "2020-03-31",
     None, False),
    # Made-up, エネルギー白書 style: 年度 printed at a range's end makes its era letter
    # start a fiscal year too (R1～R5年度 began 2019-05-01; H30～R2年度予算 ran to
    # 2022-03-31, one fiscal year too far).
    ("", "R1～R5年度の実績", "body", "R1～R5年度", "range", "2019-04-01", "2024-03-31", None,
     False),
    ("", "H30～R2年度予算", "table_text", "H30～R2年度", "range", "2018-04-01", "2021-03-31",
     None, False),
    # A letter year past its era's end, in a plan written before 2019: H32 is FY2020.
    ("", "研究開発期間H28～H32", "table_text", "H28～H32", "range", "2016-04-01",
     "2021-03-31", None, False),
    ("", "H32予算", "table_text", "H32", "fiscal_year", "2020-04-01", "2021-03-31", None,
     False),
    # The end of a range in the first end's month: 同月７日, 同月末, a bare part of the
    # month (made-up, 防災白書 style; each was an open period from the first day).
    ("", "令和6年1月1日から同月7日まで避難所を開設した。", "body",
     "令和6年1月1日から同月7日まで", "range", "2024-01-01", "2024-01-07", None, False),
    ("", "2023年10月1日から同月末にかけて調査を実施した。", "body",
     "2023年10月1日から同月末にかけて", "range", "2023-10-01", "2023-10-31", None, False),
    ("", "2023年9月上旬から中旬にかけて大雨となった。", "body",
     "2023年9月上旬から中旬にかけて", "range", "2023-09-01", "2023-09-20", None, False),
    # Month and day in figures after an era letter, an era or a western year (made-up,
    # table and note style of 厚生労働白書, 環境白書; none was read).
    ("", "施行日 R5.4.1", "table_text", "R5.4.1", "date", "2023-04-01", "2023-04-01", None,
     False),
    ("", "（注）H30.3.31現在の数値", "note", "H30.3.31現在", "date", "2018-03-31",
     "2018-03-31", "as_of", False),
    ("", "R5.4から運用開始", "table_text", "R5.4から", "month", "2023-04-01", None, "since",
     False),
    ("", "S63.4.1施行", "table_text", "S63.4.1", "date", "1988-04-01", "1988-04-01", None,
     False),
    ("", "令和5.4.1時点の登録者数", "body", "令和5.4.1時点", "date", "2023-04-01",
     "2023-04-01", "as_of", False),
    ("", "対象期間：R5.4.1～R6.3.31", "note", "R5.4.1～R6.3.31", "range", "2023-04-01",
     "2024-03-31", None, False),
    ("", "2023/10/1に施行された。", "body", "2023/10/1", "date", "2023-10-01", "2023-10-01",
     None, False),
    ("", "2023.10.1に施行された。", "body", "2023.10.1", "date", "2023-10-01", "2023-10-01",
     None, False),
    ("", "2023/10の輸出額", "figure_text", "2023/10", "month", "2023-10-01", "2023-10-31",
     None, False),
    ("", "2023.10の輸出額", "figure_text", "2023.10", "month", "2023-10-01", "2023-10-31",
     None, False),
    ("", "2023/10/1（日）から開始", "body", "2023/10/1（日）から", "date", "2023-10-01", None,
     "since", False),
    ("", "2023/3期の決算", "body", "2023/3期", "fiscal_year", "2022-04-01", "2023-03-31",
     None, False),                                   # as 2023年3月期: the year ending then
    # A fiscal year in letters (made-up, 通商白書 style; none was read): FY as 年度.
    ("", "FY2023の設備投資額は前年比5％増加した。", "body", "FY2023", "fiscal_year",
     "2023-04-01", "2024-03-31", None, False),
    ("", "FY2023年度の実績", "table_text", "FY2023年度", "fiscal_year", "2023-04-01",
     "2024-03-31", None, False),
    ("", "2023FYの売上高", "table_text", "2023FY", "fiscal_year", "2023-04-01", "2024-03-31",
     None, False),
    ("", "FY2018～FY2022の推移", "figure_text", "FY2018～FY2022", "range", "2018-04-01",
     "2023-03-31", None, False),
    # A law's number after a year: the year it was promulgated, the cited law's date (was
    # no date), in figures or in kanji as e-Gov prints it.
    ("ict2019", "統計法（平成19年法律第53号）に基づく", "body", "平成19年", "year",
     "2007-01-01", "2007-12-31", "citation", False),
    ("", "国土強靱化基本法（平成二十五年法律第八十六号）に基づき", "body", "平成二十五年", "year",
     "2013-01-01", "2013-12-31", "citation", False),
    ("", "（平成25年12月13日法律第108号）", "body", "平成25年12月13日", "date", "2013-12-13",
     "2013-12-13", "citation", False),
    ("", "令和2年厚生労働省令第1号により改正", "body", "令和2年", "year", "2020-01-01",
     "2020-12-31", "citation", False),
    # More forms (made-up, 経済財政白書/通商白書/環境白書 style), each read too coarsely or
    # not at all before: seasons after a year (the JMA's: 春 March–May …), approximate;
    # Q3 and Roman quarters; the opening or closing years of a decade; a year range whose
    # end has two digits; a time of the day before 現在; a ～ with no end in a table.
    ("", "2023年秋以降、回復に転じた。", "body", "2023年秋以降", "range", "2023-09-01", None,
     "since", True),
    ("", "2024年春に公表する予定である。", "body", "2024年春", "range", "2024-03-01",
     "2024-05-31", None, True),
    ("", "2023年秋田県で開催された", "body", "2023年", "year", "2023-01-01", "2023-12-31",
     None, False),                                   # 秋田: a place, no season
    ("", "2024年春季生活闘争の結果", "body", "2024年", "year", "2024-01-01", "2024-12-31",
     None, False),                                   # a name
    ("", "2023年Q3の実績", "figure_text", "2023年Q3", "range", "2023-07-01", "2023-09-30",
     None, False),
    ("", "2023年度Q1の売上高", "table_text", "2023年度Q1", "range", "2023-04-01",
     "2023-06-30", None, False),
    ("", "2023年第Ⅲ四半期", "body", "2023年第Ⅲ四半期", "range", "2023-07-01", "2023-09-30",
     None, False),
    ("", "2000年代初頭から普及した。", "body", "2000年代初頭から", "range", "2000-01-01", None,
     "since", True),
    ("", "2010年代末には", "body", "2010年代末", "range", "2015-01-01", "2019-12-31", None,
     True),
    ("", "2018～19年の平均", "body", "2018～19年", "range", "2018-01-01", "2019-12-31", None,
     False),
    ("", "2018～19年度の平均", "body", "2018～19年度", "range", "2018-04-01", "2020-03-31",
     None, False),
    ("", "2023年10月1日0時現在の人口", "body", "2023年10月1日0時現在", "date", "2023-10-01",
     "2023-10-01", "as_of", False),
    ("", "令和6年1月1日16時10分頃に発生した。", "body", "令和6年1月1日", "date", "2024-01-01",
     "2024-01-01", None, False),                     # 頃 of the time, not of the day
    ("", "2022年度～", "table_text", "2022年度～", "fiscal_year", "2022-04-01", None, "since",
     False),
    # A month and day of an era before 1873 are of the lunisolar calendar (学制 was
    # proclaimed 明治5年8月3日 = 1872-09-04; made-up, 文部科学白書 style): the year only
    # (was 1872-08-03). After 1873 they are Gregorian.
    ("", "明治5年8月3日に学制が公布された。", "body", "明治5年", "year", "1872-01-01",
     "1872-12-31", None, False),
    ("", "明治29年6月15日の明治三陸地震", "body", "明治29年6月15日", "date", "1896-06-15",
     "1896-06-15", None, False),
    # The end of a month printed in figures (made-up table cells): its last day.
    ("", "R5.3末現在", "table_text", "R5.3末現在", "date", "2023-03-31", "2023-03-31",
     "as_of", False),
    ("", "2023.3末の残高", "body", "2023.3末", "date", "2023-03-31", "2023-03-31", None, False),
]


def _quoted(chapter: str, root: Path) -> str:
    raw = {"ict2023": "ict2023-ch4-sec1-2.txt", "ict2019": "ict2019-3-1.txt",
           "st2019": "st2019-2-5.txt"}
    if chapter in raw:
        return (root / "raw" / raw[chapter]).read_text(encoding="utf-8").replace(" 10 ", "")
    chapter_data = structured(chapter)
    return "\n".join([p["text"] for p in chapter_data.paragraphs] +
                     [n["text"] for n in chapter_data.footnotes])


@pytest.mark.parametrize("chapter", sorted({c for c, *_ in FORMS if c}))
def test_forms_are_quoted_from_the_chapters(chapter: str, root: Path) -> None:
    text = _quoted(chapter, root)
    assert [t for c, t, *_ in FORMS if c == chapter and t not in text] == []


@pytest.mark.parametrize(("chapter", "text", "where", "surface", "kind", "start", "end",
                          "role", "approx"), FORMS)
def test_date_forms(chapter: str, text: str, where: str, surface: str, kind: str, start: str,
                    end: str | None, role: str | None, approx: bool) -> None:
    found = find_dates(text, where=where)
    assert found, text
    mention = next((m for m in found if m.surface == surface), found[0])
    assert (mention.surface, mention.kind, mention.start_date, mention.end_date, mention.role,
            mention.approx) == (surface, kind, start, end, role, approx)
    assert text[mention.start:mention.end] == surface


@pytest.mark.parametrize(("text", "where"), [
    ("その割合は（2023）", "body"),
    ("その割合は（2023）", None),                    # where unknown: off
    ("第５期基本計画（2016）に基づき", "body"),
    ("第５期基本計画（2016）に基づき", "note"),
])
def test_bare_year_in_brackets_in_running_text_is_not_a_date(text: str,
                                                             where: str | None) -> None:
    assert find_dates(text, where=where) == []


def test_bare_year_in_brackets_before_a_title_is_a_citation_anywhere() -> None:
    found = find_dates("（出典）総務省（2023）「令和4年度　ICTの経済分析", where="body")
    assert [(m.surface, m.role) for m in found] == [("2023", "citation"), ("令和4年度", None)]


def test_era_letter_alone_is_flagged() -> None:
    # st2019-2-5 (a programme table): H27終了H28終了 — no programme word next to it.
    assert [(m.surface, m.kind, m.start_date, m.flag) for m in find_dates("H27終了H28終了")] == [
        ("H27", "year", "2015-01-01", "abbreviated_era"),
        ("H28", "year", "2016-01-01", "abbreviated_era")]
    (mention,) = find_dates("研究開発期間H25～R3センター・オブ・イノベーション")
    assert (mention.kind, mention.start_date, mention.end_date, mention.flag) == (
        "range", "2013-04-01", "2022-03-31", None)


def _paragraph(text: str, where: str = "body") -> list[DateMention]:
    """Every date of a paragraph, offsets into the paragraph."""
    found = []
    for (start, _), (mentions, relative) in zip(
            sentence_spans(text), find_paragraph_dates(text, sentence_spans(text), where=where),
            strict=True):
        found += [replace(m, start=m.start + start, end=m.end + start)
                  for m in sorted(mentions + relative, key=lambda m: m.start)]
    return found


def _rows(mentions: list[DateMention]) -> list[tuple[str, str, str | None, str | None]]:
    return [(m.surface, m.start_date or "", m.end_date, m.resolved_from) for m in mentions]


def test_same_day_resolves_across_sentences() -> None:
    # bousai2024-t2-1 p0006 (shortened between the two sentences).
    text = ("令和6年1月1日16時10分、石川県能登地方の深さ16km（暫定値）を震源とするマグニチュード"
            "7.6（暫定値）の地震が発生した。気象庁は、同日に、本地震及び令和2年12月以降の一連の"
            "地震活動について、名称を「令和6年能登半島地震」と定めた。")
    assert _rows(_paragraph(text)) == [
        ("令和6年1月1日", "2024-01-01", "2024-01-01", None),
        ("同日", "2024-01-01", "2024-01-01", "令和6年1月1日"),
        ("令和2年12月以降", "2020-12-01", None, None),
        ("令和6年", "2024-01-01", "2024-12-31", None),     # in the earthquake's name
    ]


def test_same_year_and_month_chain() -> None:
    # st2019-2-5: …平成30年通常国会において…法律案」を提出、同年５月に成立し、同月30日に公布された
    text = "平成30年通常国会において、法律案を提出、同年５月に成立し、同月30日に公布された。"
    assert _rows(_paragraph(text)) == [
        ("平成30年", "2018-01-01", "2018-12-31", None),
        ("同年５月", "2018-05-01", "2018-05-31", "平成30年"),
        ("同月30日", "2018-05-30", "2018-05-30", "同年５月"),
    ]


def test_same_year_in_a_later_sentence() -> None:
    # st2024-1-3 p0092, cut: 2023年５月には…発表しています。また、ＮＳＦは、同年10月、…
    text = ("また2023年５月には、七つのＡＩ研究拠点の新設を発表しています。また、ＮＳＦは、"
            "同年10月、安全性のあるＡＩの開発を推進する")
    assert _rows(_paragraph(text))[-1] == ("同年10月", "2023-10-01", "2023-10-31", "2023年５月")


def test_previous_year_is_the_year_before_the_figure() -> None:
    # ict2019-3-1 p0023: the second sentence compares with 2016; 前年 is still 2016, the
    # year before the figures' 2017 (read 2015 before: one year too early).
    text = ("2017年の情報通信産業の雇用者数は、399.0万人（前年比0.1％増）、全産業に占める割合は"
            "5.8％であった。2016年と比較すると、「インターネット附随サービス業」（前年比3.4％増）、"
            "「通信業」（前年比2.4％増）はそれぞれ堅調に増加している。")
    previous = [m for m in _paragraph(text) if m.surface == "前年"]
    assert [(m.start_date, m.resolved_from) for m in previous] == [
        ("2016-01-01", "2017年"), ("2016-01-01", "2017年"), ("2016-01-01", "2017年")]


@pytest.mark.parametrize(("text", "surface", "kind", "start", "end", "resolved_from"), [
    # ict2023: a price base year is not the figure's year.
    ("2021年の我が国の民間企業による情報化投資は、2015年価格で15.5兆円（前年比0.4％減）であった。",
     "前年", "year", "2020-01-01", "2020-12-31", "2021年"),
    # ict2019: 前年 of a fiscal-year figure is the fiscal year before.
    ("2017年度の情報通信分野の研究費は2兆2,448億円となり（前年比3.5％増）、",
     "前年", "fiscal_year", "2016-04-01", "2017-03-31", "2017年度"),
    # ict2019: 前年 of a year-end count is the year-end before.
    ("●2018年度末での民間放送事業者数は、地上系は前年より増加", "前年", "date", "2018-03-31",
     "2018-03-31", "2018年度末"),
    # ict2023: 前年同月 and 前年同期 keep the figure's month or day.
    ("2022年11月時点では前年同月比23.7%増となっている。", "前年同月", "month", "2021-11-01",
     "2021-11-30", "2022年11月時点"),
    ("2022年12月末の固定系ブロードバンドの契約数は4,458万（前年同期比2.2％増）であり、",
     "前年同期", "date", "2021-12-31", "2021-12-31", "2022年12月末"),
    # Made-up: 翌年, 翌年度, 前年度 against a month, a leap day.
    ("2020年２月29日に発表し、翌年に施行した。", "翌年", "date", "2021-02-28", "2021-02-28",
     "2020年２月29日"),
    # 翌年度から opens a period from then on (role since, no end), as 2017年度から does.
    ("令和元年５月に公表し、翌年度から実施した。", "翌年度から", "fiscal_year", "2020-04-01",
     None, "令和元年５月"),
    ("2019年３月に公表し、前年度の実績を示した。", "前年度", "fiscal_year", "2017-04-01",
     "2018-03-31", "2019年３月"),
    ("2019年12月に公表し、翌年３月に施行した。", "翌年３月", "month", "2020-03-01",
     "2020-03-31", "2019年12月"),
    ("2019年12月に公表した。前年12月25日の会合で", "前年12月25日", "date", "2018-12-25",
     "2018-12-25", "2019年12月"),
    # 前年度末 is the last day of the fiscal year before (was the whole of it), against a
    # fiscal year, a fiscal year's end or a month's end (FY2022 ends 2023-03-31).
    ("令和元年度に開始し、前年度末の値と比べる", "前年度末", "date", "2019-03-31",
     "2019-03-31", "令和元年度"),
    ("2023年度末の残高は前年度末比3％増加した。", "前年度末", "date", "2023-03-31",
     "2023-03-31", "2023年度末"),
    ("2023年3月末の残高は前年比で増加し、前年度末を上回った。", "前年度末", "date",
     "2022-03-31", "2022-03-31", "2023年3月末"),
    ("2023年末の残高は前年末比で増加した。", "前年末", "date", "2022-12-31", "2022-12-31",
     "2023年末"),
    ("2023年5月末の残高は前月末から増加した。", "前月末", "date", "2023-04-30", "2023-04-30",
     "2023年5月末"),
    # Made-up, 環境白書 style: a year glued to 比 is a base; 前年度 is the figure's year
    # before (was FY2012, the base's).
    ("2022年度の排出量は2013年度比23%減少し、前年度比2.3%減少した。", "前年度", "fiscal_year",
     "2021-04-01", "2022-03-31", "2022年度"),
    # Made-up: two steps, 翌々年度, 前々年度, 翌々月 (were not read).
    ("令和5年度に採択し、翌々年度から実施する。", "翌々年度から", "fiscal_year", "2025-04-01",
     None, "令和5年度"),
    ("2023年度は前々年度の2倍となった。", "前々年度", "fiscal_year", "2021-04-01",
     "2022-03-31", "2023年度"),
    ("2023年12月に公表し、翌々月に施行した。", "翌々月", "month", "2024-02-01", "2024-02-29",
     "2023年12月"),
    # Made-up, エネルギー白書 style: a half or quarter of the year before (前年度上期 was
    # 前年度 alone, and the figure after it took 2023年度上期).
    ("2023年度上期は約3,900億kWhで、前年度上期は約4,000億kWhであった。", "前年度上期", "range",
     "2022-04-01", "2022-09-30", "2023年度上期"),
    ("2023年度第2四半期の需要は前年度第2四半期比で3％増であった。", "前年度第2四半期", "range",
     "2022-07-01", "2022-09-30", "2023年度第2四半期"),
    ("2023年は約100件で、前年上半期は約40件であった。", "前年上半期", "range", "2022-01-01",
     "2022-06-30", "2023年"),
    # Made-up: 前年 of a fiscal year printed FY2023 is the fiscal year before.
    ("FY2023の設備投資額は前年比5％増加した。", "前年", "fiscal_year", "2022-04-01",
     "2023-03-31", "FY2023"),
])
def test_relative_periods(text: str, surface: str, kind: str, start: str, end: str,
                          resolved_from: str) -> None:
    found = [m for m in _paragraph(text) if m.surface == surface]
    assert [(m.kind, m.start_date, m.end_date, m.era, m.resolved_from) for m in found][:1] == [
        (kind, start, end, "relative", resolved_from)]


@pytest.mark.parametrize("text", [
    # Made-up, 環境白書/エネルギー白書 style: a relative year or fiscal year after a period of
    # several (a range of fiscal years, a decade) says no one year: none (前年度 was
    # FY2018, the year before the range's start; of 2010年代 FY2008)
    "令和元年度～令和5年度の事業費は約1兆円であった。前年度の事業費は約2,000億円であった。",
    "2010年代の平均は約30万件であった。前年度は約28万件であった。",
    "2010年代の平均は約30万件であった。前年は約28万件であった。",
    "2020～2022年度の平均と比べ、前年度末の残高は増加した。",
])
def test_no_relative_year_of_several_years(text: str) -> None:
    assert [m.surface for m in _paragraph(text) if m.era == "relative"] == []


def test_same_month_end_is_the_months_last_day() -> None:
    # Made-up; 同月末 was refused (同年末 and 同年度末 were read).
    assert _rows(_paragraph("2022年4月に開始し、同月末までに完了した。")) == [
        ("2022年4月", "2022-04-01", "2022-04-30", None),
        ("同月末", "2022-04-30", "2022-04-30", "2022年4月")]


def test_an_edition_is_no_anchor_for_the_previous_year() -> None:
    # Made-up: 2023年版 names the white paper, not the figure's year (前年 was 2022).
    assert _paragraph("2023年版白書で示したとおり、前年比で5％増加した。") == []
    found = _paragraph("内閣府（2023）「令和5年版高齢社会白書」", where="footnote")
    assert [(m.surface, m.role) for m in found] == [("2023", "citation")]


def test_comparisons_to_is_not_part_of_the_relative_date() -> None:
    # st2019-2-5 p0322: 対 belongs to the comparison 対前年比 as 比 does; the date is 前年
    # (was 対前年, one character too early).
    text = "平成28年度の実績は127件となった（対前年比33.7%増）。"
    found = [m for m in _paragraph(text) if m.era == "relative"]
    assert [(m.start, m.end, m.surface, m.start_date, m.end_date) for m in found] == [
        (text.index("前年"), text.index("前年") + 2, "前年", "2015-04-01", "2016-03-31")]


def test_relative_period_without_a_date_before_is_left_out() -> None:
    assert [m for m in _paragraph("前年度から減少した。") if m.era == "relative"] == []


def test_same_year_is_not_read_against_a_citation() -> None:
    # Made-up footnote: the citation year is no event date for 同年.
    found = find_dates("総務省（2023）「調査」。同年５月", where="footnote")
    assert [(m.surface, m.role) for m in found] == [("2023", "citation")]


@pytest.mark.parametrize(("text", "expected"), [
    # ict2019-3-1 p0228: 1月 of fiscal 2017 is January 2018 (was no date).
    ("2017年度は地上系・衛星系の重大事故の件数が前年度より増加した。重大事故のうち自然災害が"
     "原因のものが8件あり、特に1月には落雷が原因とみられる重大事故（石川県の民放2社）が発生した。",
     [("2017年度", "2017-04-01", "2018-03-31", None),
      ("前年度", "2016-04-01", "2017-03-31", "2017年度"),
      ("1月", "2018-01-01", "2018-01-31", "2017年度")]),
    # st2024-1-3 p0089, cut: ９月 and 11月 after 同年７月 and 2023年10月.
    ("米国のバイデン政権は、2023年５月に取組方針を示すとともに、同年７月には民間事業者７社が、"
     "９月には更に８社が自主的な取組を約束したことを発表しています。また、2023年10月、"
     "バイデン大統領は大統領令に署名しました。本大統領令を踏まえ、11月には、米国ＡＩ安全研究所"
     "を設立することなどを発表しています。",
     [("2023年５月", "2023-05-01", "2023-05-31", None),
      ("同年７月", "2023-07-01", "2023-07-31", "2023年５月"),
      ("９月", "2023-09-01", "2023-09-30", "同年７月"),
      ("2023年10月", "2023-10-01", "2023-10-31", None),
      ("11月", "2023-11-01", "2023-11-30", "2023年10月")]),
    # Made-up (防災白書 style): a day with a time after it, in the month before.
    ("令和6年1月1日16時10分に地震が発生した。6日23時20分には最大震度5弱の地震が観測された。",
     [("令和6年1月1日", "2024-01-01", "2024-01-01", None),
      ("6日", "2024-01-06", "2024-01-06", "令和6年1月1日")]),
    # Made-up: 3月 after 10月 may be March of either year: none.
    ("令和5年10月1日に公表し、3月には改定した。",
     [("令和5年10月1日", "2023-10-01", "2023-10-01", None)]),
    # Made-up, after bousai2024-t2-1 p0018: 1月1日 right after a span ending in 令和5年12月
    # is the next January (was undated, and 同日 and ６日 with it; ６日 was once read as
    # 2023-12-06, a month early); after 12月 with no まで it stays undated
    # (test_date_year_turn.py).
    ("令和5年12月までの地震活動は狭い範囲であったが、1月1日の本地震直後から広がっている。"
     "同日16時12分にマグニチュード5.7の地震が発生した。6日23時20分にも地震が発生した。",
     [("令和5年12月", "2023-12-01", "2023-12-31", None),
      ("1月1日", "2024-01-01", "2024-01-01", "令和5年12月"),
      ("同日", "2024-01-01", "2024-01-01", "1月1日"),
      ("6日", "2024-01-06", "2024-01-06", "同日")]),
    # Made-up: a range that starts with a month without its year (was an open period
    # and a second month, or nothing).
    ("令和5年度は、12月から翌年3月まで実施した。",
     [("令和5年度", "2023-04-01", "2024-03-31", None),
      ("12月から翌年3月まで", "2023-12-01", "2024-03-31", "令和5年度")]),
    ("2023年は、8月から9月にかけて台風が接近した。",
     [("2023年", "2023-01-01", "2023-12-31", None),
      ("8月から9月にかけて", "2023-08-01", "2023-09-30", "2023年")]),
    ("2023年10月に開始し、11月・12月に実施した。",
     [("2023年10月", "2023-10-01", "2023-10-31", None),
      ("11月・12月", "2023-11-01", "2023-12-31", "2023年10月")]),
    # Made-up: a base year is no anchor for a month without its year (was 2013-04).
    ("2022年度の排出量は2013年度比で23%減少し、4月には新計画を策定した。",
     [("2022年度", "2022-04-01", "2023-03-31", None),
      ("2013年度", "2013-04-01", "2014-03-31", None),
      ("4月", "2022-04-01", "2022-04-30", "2022年度")]),
    # Made-up: a month of every year is no one year's.
    ("2023年は台風が多かった。例年、8月から9月にかけて台風が接近する。",
     [("2023年", "2023-01-01", "2023-12-31", None)]),
    # Made-up (国土交通白書 style): 9月12日 after 明治5年 is a lunisolar day (1872-10-14).
    ("明治5年（1872年）9月12日に鉄道が開業した。",
     [("明治5年（1872年）", "1872-01-01", "1872-12-31", None)]),
    # Made-up: a rate (1日に3回), a closing month (12月期決算), every year's month: no dates.
    ("2023年10月に開始し、1日に3回配信している。", [("2023年10月", "2023-10-01", "2023-10-31", None)]),
    ("2023年度の予算を計上した。12月期決算の企業では毎年12月に公表している。",
     [("2023年度", "2023-04-01", "2024-03-31", None)]),
])
def test_month_or_day_without_its_year(text: str,
                                       expected: list[tuple[str, str, str | None, str | None]]
                                       ) -> None:
    assert _rows(_paragraph(text)) == expected


def test_month_without_its_year_is_not_read_in_table_text() -> None:
    # Made-up table row: the year of a header cell is not this cell's.
    assert _rows(_paragraph("2023年度 実績 12月に公表", where="table_text")) == [
        ("2023年度", "2023-04-01", "2024-03-31", None)]


def test_a_laws_year_is_no_anchor_and_no_figures_period() -> None:
    # Made-up (防災白書 style): 同年 and the figure's period skip the law's 1961.
    text = ("令和5年4月に施行された。災害対策基本法（昭和三十六年法律第二百二十三号）に基づき、"
            "同年6月に1,700の地域計画を改定した。")
    assert _rows(_paragraph(text)) == [
        ("令和5年4月", "2023-04-01", "2023-04-30", None),
        ("昭和三十六年", "1961-01-01", "1961-12-31", None),
        ("同年6月", "2023-06-01", "2023-06-30", "令和5年4月")]
    text = "令和5年4月時点で、国土強靱化基本法（平成二十五年法律第八十六号）に基づき、1,700の計画が策定された。"
    assert [(n.surface, n.period_start) for n in find_numbers(text)] == [("1,700", "2023-04-01")]
