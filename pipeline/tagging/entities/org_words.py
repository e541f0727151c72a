"""The words that mark an organisation name, and where a name next to them starts and ends.

The word lists the rules of ``pipeline.tagging.entities.orgs`` match on folded (NFKC)
text: legal forms before a name (``株式会社``, ``(株)``) or after it, organisation words
that end one (``大学``, ``研究所``, ``省``, ``庁`` …), founder words, generic heads and
local-government suffixes; the regexes made from them; and the character walks that
find where a name runs (``name_end`` after a legal form, ``name_start`` before a company
form or an organisation word, ``quoted_name_end`` inside 「…」).
"""

from __future__ import annotations

import re
from functools import lru_cache

# Legal forms, as they read after NFKC, and the full form an abbreviation stands for.
LEGAL_ABBREVIATIONS = {
    "(株)": "株式会社", "(有)": "有限会社", "(同)": "合同会社", "(一社)": "一般社団法人",
    "(一財)": "一般財団法人", "(公社)": "公益社団法人", "(公財)": "公益財団法人",
    "(独)": "独立行政法人", "(国研)": "国立研究開発法人", "(学)": "学校法人",
    "(特非)": "特定非営利活動法人",
}
PREFIX_FORMS = ("株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "一般社団法人",
                "一般財団法人", "公益社団法人", "公益財団法人", "国立研究開発法人",
                "地方独立行政法人", "独立行政法人", "国立大学法人", "大学共同利用機関法人",
                "学校法人", "特定非営利活動法人", "NPO法人", "社会福祉法人", "医療法人",
                "技術研究組合", *LEGAL_ABBREVIATIONS)
SUFFIX_FORMS = ("株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "相互会社",
                "(株)", "(有)", "(同)")
PREFIX_TYPES = {"国立研究開発法人": "ORG_NRDA", "独立行政法人": "ORG_IAI"}

# Words that end an organisation name, with the type a new name of that kind gets.
ORG_SUFFIXES = {
    "大学": "ORG_OTHER", "大学院": "ORG_OTHER", "大学校": "ORG_OTHER",
    "短期大学": "ORG_OTHER", "高等専門学校": "ORG_OTHER",
    "研究所": "ORG_OTHER", "研究機構": "ORG_OTHER", "機構": "ORG_OTHER",
    "センター": "ORG_OTHER", "試験場": "ORG_OTHER", "病院": "ORG_OTHER",
    "協会": "ORG_OTHER", "学会": "ORG_OTHER", "財団": "ORG_OTHER", "連合会": "ORG_OTHER",
    "協議会": "ORG_OTHER", "組合": "ORG_OTHER", "公庫": "ORG_OTHER", "銀行": "ORG_OTHER",
    "製作所": "ORG_OTHER", "省": "ORG_MINISTRY", "庁": "ORG_AGENCY", "局": "ORG_AGENCY",
    "本部": "ORG_OTHER", "会議": "ORG_COUNCIL", "委員会": "ORG_COUNCIL",
    "審議会": "ORG_COUNCIL",
}
# Words written before a place name in a body's name (県立広島大学).
FOUNDER_PREFIXES = frozenset({"国立", "公立", "私立", "県立", "都立", "府立", "道立", "市立",
                              "町立", "村立"})
# Heads that make a name generic, one list: those of every name (関係事業, 各省), then
# the named subsets that also count for one kind of name only: before 省/庁 (中央省庁,
# 官公庁, 関係府省庁) and before a programme, law or event word (各種マッチング事業, 諸制度).
GENERIC_HEADS = frozenset({"関係", "各", "本", "当", "同", "他", "両", "全"})
GOVERNMENT_GENERIC_HEADS = GENERIC_HEADS | {"府", "省", "中央", "所管", "主務", "所轄", "監督",
                                            "官公", "都道府県", "行政"}
NAME_GENERIC_HEADS = GENERIC_HEADS | {"各種", "諸"}
LOCAL_GOVERNMENT_SUFFIXES = frozenset("都道府県市区町村")
# Every legal form (prefix or suffix) holds one of these: a text holding none has no
# legal form, and ``in`` says so several times faster than the forms' regex.
LEGAL_FORM_MARKS = ("会社", "法人", "組合", "(")
_CONJUNCTIONS = re.compile(r"及び|並びに|又は|若しくは|等")

# Kanji, katakana with ー (not the ・ that joins list items), Latin letters and digits.
_NAME_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff々〆ヶ\u30a1-\u30fa\u30fcA-Za-z0-9]")
_LATIN_JOIN = frozenset("&-.' ")
_QUOTED_NAME = re.compile(r"[^「」、。()]{1,40}」")


def name_end(folded: str, start: int) -> int:
    """End of a name that starts at ``start``: the run of name characters, cut before a
    conjunction or another legal form; Latin words may be joined by spaces, ``&``, ``-``."""
    end = start
    while end < len(folded):
        char = folded[end]
        if end > start and _legal_form_re().match(folded, end):
            break
        if _NAME_CHAR.match(char):
            if _CONJUNCTIONS.match(folded, end):
                break
            end += 1
        elif char in _LATIN_JOIN and end > start and _latin_pair(folded, end - 1, end + 1):
            end += 1
        else:
            break
    return end


def name_start(folded: str, end: int, after_org_word: bool = False) -> int:
    """Start of a name that ends at ``end``, walking back over name characters; the walk
    stops after a legal form and, with ``after_org_word``, after an organisation word
    (大阪大学|中外製薬株式会社), and at a ``・`` that follows one (機構・国際…)."""
    start = end
    while start > 0:
        char = folded[start - 1]
        if start < end and (folded.endswith(_LEGAL_FORMS, 0, start) or
                            (after_org_word and folded.endswith(SUFFIX_WORDS, 0, start))):
            break
        if _NAME_CHAR.match(char):
            start -= 1
        elif char in _LATIN_JOIN and start < end and _latin_pair(folded, start - 2, start):
            start -= 1
        elif char == "・" and start < end and not folded.endswith(SUFFIX_WORDS, 0, start - 1):
            start -= 1
        else:
            break
    return start


def _latin_pair(folded: str, left: int, right: int) -> bool:
    """Are the characters at ``left`` and ``right`` both ASCII letters or digits?"""
    if left < 0 or right >= len(folded):
        return False
    return all(folded[i].isascii() and folded[i].isalnum() for i in (left, right))


SUFFIX_WORDS = tuple(ORG_SUFFIXES)
_LEGAL_FORMS = tuple(sorted(set(PREFIX_FORMS) | set(SUFFIX_FORMS)))


@lru_cache(maxsize=1)
def _legal_form_re() -> re.Pattern[str]:
    forms = sorted(set(PREFIX_FORMS) | set(SUFFIX_FORMS), key=len, reverse=True)
    return re.compile("|".join(re.escape(f) for f in forms))


@lru_cache(maxsize=1)
def legal_prefix_re() -> re.Pattern[str]:
    forms = sorted(PREFIX_FORMS, key=len, reverse=True)
    return re.compile("|".join(re.escape(f) for f in forms))


@lru_cache(maxsize=1)
def legal_suffix_re() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(f) for f in sorted(SUFFIX_FORMS, key=len, reverse=True)))


@lru_cache(maxsize=1)
def suffix_re() -> re.Pattern[str]:
    words = sorted(ORG_SUFFIXES, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words))


def quoted_name_end(folded: str, form_start: int, name_from: int) -> int | None:
    """Inside 「…」 a name may hold kana (「一般社団法人食の安全分析センター」)."""
    if form_start == 0 or folded[form_start - 1] != "「":
        return None
    quoted = _QUOTED_NAME.match(folded, name_from)
    return quoted.end() - 1 if quoted else None
