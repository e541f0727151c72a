"""Organisation names that end in an organisation word, and the parts of councils (rule
``suffix`` of ``find_orgs`` in ``orgs``).

A name ending in an organisation word (``大学``, ``研究所``, ``機構``, ``省``, ``庁``,
``本部``, ``会議``, ``協会``, ``センター``, ``試験場`` …) that is a whole token and follows
a proper noun, an unknown word, Latin letters or a gazetteer body, so ``大学等`` and
``我が国の大学`` are not names while ``北海道科学大学`` is; a meeting (``…首脳会議``,
``…締約国会議``: ``event_words_unquoted.tsv``) is an EVENT, no ORG, and so is a
会議 after a foreign city of ``places.tsv`` (``ミュンヘン安全保障会議``) or after a
foreign proper noun alone (``ダートマス会議``: ``name_patterns.named_for_its_venue``); a
government council named by its field alone takes common nouns (``労働政策審議会``:
``org_field_council_words.tsv``, not ``各審議会``: ``org_council_generic_heads.tsv``),
and a council's part glued after it is one body (``社会保障審議会医療保険部会``:
``org_council_part_words.tsv``). A one-kanji foreign country glued before the name
(``米|中央情報局``) makes it that country's body (``country_body``). A university's
name runs on over a part of it printed glued after it (``東京大学大学院工学系研究科``,
``筑波大学人間学群``, ``イリノイ大学アーバナ・シャンペーン校``:
``org_university_part_words.tsv``), stopping before a person's name or title
(``…研究科松尾豊教授``: ``org_person_title_words.tsv``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Sequence

from pipeline.common.lexicons import word_list, word_map
from pipeline.nlp.tokens import Token, has_latin
from pipeline.tagging.entities.expansions import expansion_of
from pipeline.tagging.entities.foreign_country_orgs import country_kanji_before
from pipeline.tagging.entities.gazetteer import lookup
from pipeline.tagging.entities.name_patterns import (
    CITY_MEETING_WORDS,
    named_for_its_venue,
    opens_with_a_foreign_city,
)
from pipeline.tagging.entities.org_candidate import (
    CutsOf,
    OrgCandidate,
    TokensOf,
    token_boundaries,
)
from pipeline.tagging.entities.org_words import (
    COUNCIL_GENERIC_HEADS,
    FIELD_COUNCIL_WORDS,
    FOUNDER_PREFIXES,
    GOVERNMENT_GENERIC_HEADS,
    NAME_GENERIC_HEADS,
    ORG_SUFFIXES,
    name_start,
    suffix_re,
)
from pipeline.tagging.entities.place_named_orgs import qualifies_place
from pipeline.tagging.entities.word_bounds import names_a_programme

# Tokens a name never starts with: dates and numbers before it (平成30年度東北大学).
_LEADING_DATE = frozenset(word_list("org_leading_date_words"))
# Meeting words that end in an organisation word (首脳会議, 締約国会議): the unquoted
# event words of name_patterns, an EVENT there, so no ORG here.
_EVENT_WORDS = word_list("event_words_unquoted")
# Words ending a part of a university glued after its name (研究科, 学部, 校), each with
# the words the university's name must end in before it (大学, 大学院).
UNIVERSITY_PARTS = {word: tuple(heads.split("|"))
                     for word, heads in word_map("org_university_part_words").items()}
UNIVERSITY_WORDS = tuple(sorted({head for heads in UNIVERSITY_PARTS.values()
                                  for head in heads}, key=len, reverse=True))
# A person's titles: a university part is never looked for past one (…研究科松尾豊教授).
_PERSON_TITLES = frozenset(word_list("org_person_title_words"))
# A campus's katakana place name before 校, its words joined by ・, one ・ allowed after
# the university's name (ロンドン大学・ロイヤル・ホロウェイ校).
_KATAKANA_NAME = re.compile(r"・?[\u30a1-\u30fa\u30fc]+(?:・[\u30a1-\u30fa\u30fc]+)*")


def suffix_candidates(folded: str, tokens_of: TokensOf, found: Sequence[OrgCandidate],
                      cuts_of: CutsOf | None = None) -> list[OrgCandidate]:
    """``北海道科学大学``, ``総務省情報通信政策研究所``: a name ending in an org word."""
    cuts: Collection[int] | None = None   # token boundaries, made for the first match
    result = []
    for match in suffix_re().finditer(folded):
        if cuts is None:
            cuts = cuts_of() if cuts_of is not None else token_boundaries(tokens_of())
        if match.start() not in cuts or match.end() not in cuts:
            continue
        if _ends_unrelated_body(found, match.end()):
            continue
        if folded.endswith(_EVENT_WORDS, 0, match.end()):
            continue   # 首脳会議, 締約国会議: a meeting, an EVENT of name_patterns
        run_start = name_start(folded, match.start())
        start = _proper_name_start(tokens_of(), found, run_start, match.start(), match.group())
        if start is None:
            continue
        if 0 < start and folded[start - 1:start + 1].isascii() and \
                folded[start - 1:start + 1].isalnum():
            continue   # begins inside a Latin word or figure (5G仮想化基地局: 5G is one word)
        canonical = folded[start:match.end()]
        entry = lookup(canonical)
        if entry is None and match.group() in CITY_MEETING_WORDS and \
                (opens_with_a_foreign_city(tokens_of(), start)
                 or named_for_its_venue(tokens_of(), start, match.end())):
            continue   # ミュンヘン安全保障会議, ダートマス会議: an EVENT of name_patterns
        if entry is None and match.start() - start < 2 and not has_latin(canonical):
            continue   # one character is no name (究機構: a word cut at a line's start)
        org_type = entry.type if entry else ORG_SUFFIXES[match.group()]
        country = country_kanji_before(tokens_of(), start) if entry is None else None
        if country is not None:   # 米|中央情報局: the US's
            result.append(OrgCandidate(country, match.end(), folded[country:match.end()], None,
                                        org_type, "country_body"))
            continue
        result.append(OrgCandidate(start, match.end(),
                                    entry.canonical_ja if entry else canonical,
                                    entry, org_type, "suffix"))
    if any(word in folded for word in UNIVERSITY_WORDS):
        result += _university_part_candidates(folded, tokens_of(), [*found, *result])
    return result


def _university_part_candidates(folded: str, tokens: Sequence[Token],
                                found: Sequence[OrgCandidate]) -> list[OrgCandidate]:
    """``東京大学大学院工学系研究科``, ``イリノイ大学アーバナ・シャンペーン校``: a university
    found and a part of it printed glued after it, one body named as printed."""
    starts = [t.start for t in tokens]
    result = []
    for cand in found:
        head = next((word for word in UNIVERSITY_WORDS
                     if folded.endswith(word, cand.start, cand.end)), None)
        first = bisect_left(starts, cand.end)
        if head is None or first == len(tokens) or starts[first] != cand.end:
            continue
        end = _university_part_end(folded, tokens, first, head)
        if end is None:
            continue
        canonical = folded[cand.start:end]
        entry = lookup(canonical)
        result.append(OrgCandidate(cand.start, end,
                                    entry.canonical_ja if entry else canonical, entry,
                                    entry.type if entry else ORG_SUFFIXES["大学"], "suffix"))
    return result


def _university_part_end(folded: str, tokens: Sequence[Token], first: int,
                         head: str) -> int | None:
    """End of the first part word (``研究科``, ``学部``, ``校``) that may follow ``head``
    in the glued run of nouns from token ``first`` on, with a field before it (工学系,
    katakana alone before 校, ・ inside no other field) and no suffix glued after it (学部長: a title); None when
    the run meets a person's name or title, or anything but a noun, first."""
    begin = tokens[first].start
    for at in range(first, len(tokens)):
        token = tokens[at]
        if at > first and token.start != tokens[at - 1].end:
            return None
        if not _may_be_in_a_part_name(token) or token.text in _PERSON_TITLES:
            return None
        for word, heads in UNIVERSITY_PARTS.items():
            field = folded[begin:token.end - len(word)]
            if head not in heads or not field or not folded.endswith(word, begin, token.end):
                continue
            if not (_KATAKANA_NAME.fullmatch(field) if word == "校" else "・" not in field):
                continue   # 校 after katakana alone; ・ joins katakana words, no list
            after = tokens[at + 1] if at + 1 < len(tokens) else None
            if after is not None and after.start == token.end and after.pos1 == "接尾辞":
                return None   # 学部長, 研究科長: a title
            return token.end
    return None


def _may_be_in_a_part_name(token: Token) -> bool:
    """A noun other than a person's name, a prefix (獣|医学) or noun suffix (系, 科), or a
    ``・`` (between katakana words of a campus: アーバナ・シャンペーン)."""
    if token.pos1 == "名詞":
        return token.pos3 != "人名"
    if token.pos1 == "接頭辞":
        return True
    return token.pos2 == "名詞的" if token.pos1 == "接尾辞" else token.text == "・"


def _ends_unrelated_body(found: Sequence[OrgCandidate], end: int) -> bool:
    """True when a gazetteer body ends at ``end`` and does not directly follow another
    gazetteer body: then the suffix word needs no structural name (文部科学省作成総務省
    is two mentions, 気象庁気象研究所 one)."""
    for child in found:
        if child.how == "gazetteer" and child.end == end:
            return not any(parent.how == "gazetteer" and parent.end == child.start
                           for parent in found)
    return False


def _proper_name_start(tokens: Sequence[Token], found: Sequence[OrgCandidate],
                       run_start: int, suffix_start: int, suffix_word: str) -> int | None:
    """Where the name before a suffix word starts, or None when it is not a name.

    The last gazetteer body inside the run starts a hierarchical name (気象庁気象研究所);
    otherwise the first proper noun, unknown word or Latin word after any leading date
    does, with a founder word before it (県立) or, before a place name, a compass
    point glued to it (北|大西洋条約機構). Before 省 and 庁 (a closed class of
    bodies) any run of nouns will do (デジタル省), unless it is generic (関係府省庁);
    before a council word of a government council named by its field alone
    (``org_field_council_words.tsv``: 労働政策審議会, 中央環境審議会) a run of common
    nouns will, over ``・`` between them, unless a determiner opens it (各審議会,
    同審議会: ``COUNCIL_GENERIC_HEADS``).
    """
    inside = [c.start for c in found if run_start <= c.start and c.end <= suffix_start
              and c.how == "gazetteer"]
    if inside:
        return max(inside)
    starts = [t.start for t in tokens]
    first = bisect_left(starts, run_start)
    words = []
    for i in range(first, len(starts)):
        token = tokens[i]
        if token.end > suffix_start:
            break
        words.append(token)
    run = len(words)
    while words and (words[0].pos2 == "数詞" or words[0].text in _LEADING_DATE):
        words.pop(0)
    if suffix_word in ("省", "庁") and _is_government_name(words):
        return words[0].start
    if suffix_word in FIELD_COUNCIL_WORDS:
        leading = _hiragana_nouns_before(tokens, first, run_start) if len(words) == run \
            else []
        field = _field_council_name([*leading, *words])
        if field is not None:
            return field
    for i, word in enumerate(words):
        if word.namelike:
            if i > 0 and (words[i - 1].text in FOUNDER_PREFIXES
                          or qualifies_place(words[i - 1], word)
                          or names_a_programme(words[i - 1],
                                               words[i + 1] if i + 1 < len(words) else None)):
                return words[i - 1].start
            return _over_a_term_of_a_common_acronym(words, i)
    return None


def _over_a_term_of_a_common_acronym(words: Sequence[Token], i: int) -> int:
    """Where a name whose first name-like word ``words[i]`` is a common acronym of
    ``acronyms.tsv`` starts: over the common nouns glued before it, a term with it
    (生成|ＡＩ|委員会: generative AI's committee, not a committee of AI; 農業|ＩｏＴ|推進
    協議会), not over a generic head (関係ＡＩ…) or a word of one character; else at
    ``words[i]``."""
    if expansion_of(words[i].text) is None:
        return words[i].start
    start = i
    while start > 0 and words[start - 1].end == words[start].start and \
            words[start - 1].pos1 == "名詞" and words[start - 1].pos2 == "普通名詞" \
            and words[start - 1].text not in NAME_GENERIC_HEADS \
            and len(words[start - 1].text) >= 2:
        start -= 1
    return words[start].start


def _is_government_name(words: Sequence[Token]) -> bool:
    """Nouns only, no digits, at least two characters and no generic head (各省, 関係府省庁)."""
    text = "".join(w.text for w in words)
    return (len(text) >= 2 and not any(c.isdigit() for c in text)
            and all(w.pos1 in ("名詞", "接頭辞", "接尾辞") for w in words)
            and words[0].text not in GOVERNMENT_GENERIC_HEADS)


def council_part_candidates(folded: str, tokens_of: TokensOf,
                            found: Sequence[OrgCandidate]) -> list[OrgCandidate]:
    """``社会保障審議会医療保険部会``, ``労働政策審議会労働条件分科会``: a council (any
    ``ORG_COUNCIL`` candidate) glued before the nouns of a field and a part word
    (``org_council_part_words.tsv``), nothing glued after it (``分科会長``: a title):
    one body, the part, from the council's start; over parts of parts too
    (``…部会…小委員会``)."""
    tokens = tokens_of()
    by_start = {token.start: i for i, token in enumerate(tokens)}
    result: list[OrgCandidate] = []
    councils = [c for c in found if c.type == "ORG_COUNCIL"]
    while councils:
        council = councils.pop()
        at = by_start.get(council.end)
        first = at
        while at is not None and at < len(tokens):
            end = _part_word_end(folded, tokens, at)
            if end is not None and at != first:
                part = OrgCandidate(council.start, end, folded[council.start:end], None,
                                    "ORG_COUNCIL", "suffix")
                result.append(part)
                councils.append(part)
                break
            token = tokens[at]
            if not (token.pos1 == "名詞" and token.pos2 == "普通名詞"
                    and "副詞可能" not in token.tag) and \
                    not (token.pos1 == "接尾辞" and at != first):
                break
            at = at + 1 if at + 1 < len(tokens) and tokens[at + 1].start == token.end \
                else None
    return result


def _part_word_end(folded: str, tokens: Sequence[Token], at: int) -> int | None:
    """The end of a council's part word that starts at ``tokens[at]`` and ends on a
    token's end with no noun or suffix glued after it, or None."""
    start = tokens[at].start
    for word in COUNCIL_PART_WORDS:
        if not folded.startswith(word, start):
            continue
        end = start + len(word)
        i = at
        while i < len(tokens) and tokens[i].end < end:
            i += 1
        if i == len(tokens) or tokens[i].end != end:
            continue
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if after is None or after.start != end or after.pos1 not in ("名詞", "接尾辞"):
            return end
    return None


COUNCIL_PART_WORDS = word_list("org_council_part_words")


def _hiragana_nouns_before(tokens: Sequence[Token], first: int, start: int) -> list[Token]:
    """The nouns in hiragana glued before ``start`` (``tokens[first]``'s start), which
    the walk over name characters stopped at: part of the name (こども|家庭審議会)."""
    at = first
    while at > 0 and tokens[at - 1].end == (tokens[at].start if at < first else start) \
            and tokens[at - 1].pos1 == "名詞" and "副詞可能" not in tokens[at - 1].tag \
            and _HIRAGANA_WORD.fullmatch(tokens[at - 1].text):
        at -= 1
    return list(tokens[at:first])


_HIRAGANA_WORD = re.compile(r"[\u3041-\u309f]+")


def _field_council_name(words: Sequence[Token]) -> int | None:
    """Where a council's field named by nouns alone starts (労働|政策, 中央|環境,
    食料|・|農業|・|農村|政策), after a noun of time glued before it (今後|労働政策), or
    None: two characters at least, no figure, ``・`` only between nouns, and no
    determiner or generic head first (各, 関係, 同, 本, 当該 …)."""
    words = list(words)
    while words and "副詞可能" in words[0].tag:
        words.pop(0)
    text = "".join(w.text for w in words)
    if len(text) < 2 or any(c.isdigit() for c in text) or \
            words[0].text in COUNCIL_GENERIC_HEADS or text in COUNCIL_GENERIC_HEADS:
        return None   # 各|審議会; 都道府|県|審議会 (UniDic's pieces of a generic head)
    for i, word in enumerate(words):
        if word.text == "・":
            if i == 0 or i == len(words) - 1 or words[i + 1].text == "・":
                return None
        elif word.pos1 != "名詞" or "副詞可能" in word.tag or word.pos2 == "数詞":
            return None
    return words[0].start
