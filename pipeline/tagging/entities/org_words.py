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

from pipeline.common.lexicons import word_list, word_map
from pipeline.common.text import fold_nfkc

# Legal forms, as they read after NFKC, and the full form an abbreviation stands for.
LEGAL_ABBREVIATIONS = word_map("org_legal_abbreviations")
PREFIX_FORMS = (*word_list("org_legal_prefix_forms"), *LEGAL_ABBREVIATIONS)
SUFFIX_FORMS = word_list("org_legal_suffix_forms")
PREFIX_TYPES = {"国立研究開発法人": "ORG_NRDA", "独立行政法人": "ORG_IAI"}

# Words that end an organisation name, with the type a new name of that kind gets.
ORG_SUFFIXES = word_map("org_suffixes")
# Words written before a place name in a body's name (県立広島大学).
FOUNDER_PREFIXES = frozenset(word_list("org_founder_prefixes"))
# Heads that make a name generic, one list: those of every name (関係事業, 各省), then
# the named subsets that also count for one kind of name only: before 省/庁 (中央省庁,
# 官公庁, 関係府省庁) and before a programme, law or event word (各種マッチング事業, 諸制度).
GENERIC_HEADS = frozenset(word_list("generic_heads"))
GOVERNMENT_GENERIC_HEADS = GENERIC_HEADS | frozenset(word_list("government_generic_heads"))
NAME_GENERIC_HEADS = GENERIC_HEADS | frozenset(word_list("name_generic_heads"))
# Council words a run of common nouns naming a field may stand before (労働政策審議会),
# and the heads that make such a run generic (各審議会, 当該審議会, 政府審議会).
FIELD_COUNCIL_WORDS = frozenset(word_list("org_field_council_words"))
COUNCIL_GENERIC_HEADS = GENERIC_HEADS | frozenset(word_list("org_council_generic_heads"))
LOCAL_GOVERNMENT_SUFFIXES = frozenset("都道府県市区町村")
# Words a holding or group company puts after its group's name, with or without a space
# before them (パナソニック ホールディングス株式会社): one name.
GROUP_WORDS = word_list("org_group_words")
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
        elif char == " " and end > start and _spaced_group_word(folded, end):
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
        elif char == " " and start < end and _spaced_group_word(folded, start - 1):
            start -= 1
        elif char == "・" and start < end and not folded.endswith(SUFFIX_WORDS, 0, start - 1):
            start -= 1
        else:
            break
    return start


def _spaced_group_word(folded: str, space: int) -> bool:
    """Is the space at ``space`` inside a company's name, between a name character and a
    group word (``パナソニック ホールディングス``)?"""
    return space > 0 and _NAME_CHAR.match(folded[space - 1]) is not None \
        and folded.startswith(GROUP_WORDS, space + 1)


def goes_on_as_group_company(folded: str, end: int) -> bool:
    """Does a name ending at ``end`` go on, after at most a space, with a group word and a
    legal form (``パナソニック|ホールディングス株式会社``)? Then it names another company
    than the name alone."""
    at = end + 1 if folded.startswith(" ", end) else end
    for word in GROUP_WORDS:
        if folded.startswith(word, at) and \
                folded.startswith(_LEGAL_FORMS, at + len(word)):
            return True
    return False


def without_legal_prefix(name: str) -> str:
    """``name`` (NFKC) without the legal form it opens with (``独立行政法人日本貿易振興機構``
    → ``日本貿易振興機構``; ``(国研)`` too), as the gazetteer lists bodies; unchanged when it
    opens with none or is nothing else."""
    folded = fold_nfkc(name)
    form = legal_prefix_re().match(folded)
    return folded[form.end():] if form and form.end() < len(folded) else folded


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
