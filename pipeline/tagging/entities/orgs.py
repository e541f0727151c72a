"""Find organisation names in Japanese text by structure and by gazetteer lookup.

Four kinds of evidence, each a small function that returns candidate spans:

- ``gazetteer``: any name, alias or acronym in ``pipeline/data/gazetteer.tsv``, matched
  on NFKC text (``ＮＩＣＴ`` = ``NICT``); Latin forms need non-letter neighbours, short
  Japanese forms must start and end on token boundaries (``学振`` is not in ``科学振興``),
  and no form is taken when a group word and a legal form follow it
  (``パナソニック ホールディングス株式会社`` is not ``パナソニック``: ``org_group_words.tsv``);
- ``legal_prefix``: a legal form followed by a name (``株式会社テスト技研``,
  ``公益財団法人…``, ``(株)日立製作所``); the name runs until a particle, a punctuation
  mark or a conjunction (``及び``, ``並びに``, ``又は``, ``等``);
- ``legal_suffix``: a name followed by a company form (``花王株式会社``, ``マツダ(株)``),
  over a space before a group word (``パナソニック ホールディングス株式会社``);
- ``suffix``: a name ending in an organisation word (``大学``, ``研究所``, ``機構``, ``省``,
  ``庁``, ``本部``, ``会議``, ``協会``, ``センター``, ``試験場`` …) that is a whole token
  and follows a proper noun, an unknown word, Latin letters or a gazetteer body, so
  ``大学等`` and ``我が国の大学`` are not names while ``北海道科学大学`` is; a meeting
  (``…首脳会議``, ``…締約国会議``: ``event_words_unquoted.tsv``) is an EVENT, no ORG;
  a government council named by its field alone takes common nouns
  (``労働政策審議会``: ``org_field_council_words.tsv``, not ``各審議会``:
  ``org_council_generic_heads.tsv``), and a council's part glued after it is one body
  (``社会保障審議会医療保険部会``: ``org_council_part_words.tsv``);
- ``country_body``: a body the gazetteer lists as Japan's or the world's printed right
  after a foreign country's name (``ドイツ連邦外務省``, ``米国財務省``, ``韓国特許庁``) is
  that country's body, not the listed one: the name from the country on, no entry;
  after ``<country>の`` a listed ministry or agency, or any listed body with nouns
  glued before it, likewise (``英国の外務省``, ``英国の国家統計局``: the name after の,
  canonical ``英国外務省``); and a country whose ministries are named ``…部``
  (``org_ministry_bu_countries.tsv``) before a field and 部 (``韓国外交部``);
- ``place_company``: a company named after a place and printed without its legal form,
  the place and the noun of an industry that ends the compound (``九州電力``,
  ``北海道旅客鉄道``, ``日本郵便``: ``place_company_heads.tsv``; the place rules take no
  place there);
- ``local_government`` (only with ``places_as_orgs=True``, e.g. for a table column of
  bodies): ``宮崎県``, ``川崎市``.

Overlapping candidates are resolved longest first; at equal length the gazetteer wins.
Offsets are into the text as given (NFKC is applied per character and mapped back).
The word lists and the walks that find where a name runs are in ``org_words``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from pipeline.common.lexicons import word_list
from pipeline.common.text import fold_with_offsets
from pipeline.nlp.tokens import Token, has_latin, tokenize
from pipeline.tagging.entities import resolve
from pipeline.tagging.entities.folded_text import fold_tokens, folded_positions
from pipeline.tagging.entities.form_index import FormIndex
from pipeline.tagging.entities.gazetteer import (
    GazetteerEntry,
    country_names,
    foreign_bodies,
    lookup,
    surface_forms,
)
from pipeline.tagging.entities.org_words import (
    COUNCIL_GENERIC_HEADS,
    FIELD_COUNCIL_WORDS,
    FOUNDER_PREFIXES,
    GOVERNMENT_GENERIC_HEADS,
    LEGAL_ABBREVIATIONS,
    LEGAL_FORM_MARKS,
    LOCAL_GOVERNMENT_SUFFIXES,
    ORG_SUFFIXES,
    PREFIX_TYPES,
    SUFFIX_FORMS,
    SUFFIX_WORDS,
    goes_on_as_group_company,
    legal_prefix_re,
    legal_suffix_re,
    name_end,
    name_start,
    quoted_name_end,
    suffix_re,
)
from pipeline.tagging.entities.word_bounds import (
    COMPANY_HEADS,
    company_name_end,
    continues_before,
    form_inside_longer_word,
    names_a_programme,
)

_LOCAL_GOVERNMENT_CHAR = re.compile(f"[{''.join(sorted(LOCAL_GOVERNMENT_SUFFIXES))}]")
# Tokens a name never starts with: dates and numbers before it (平成30年度東北大学).
_LEADING_DATE = frozenset(word_list("org_leading_date_words"))
# Meeting words that end in an organisation word (首脳会議, 締約国会議): the unquoted
# event words of name_patterns, an EVENT there, so no ORG here.
_EVENT_WORDS = word_list("event_words_unquoted")
# Compass points that make one word with the place name after them (北|大西洋).
_PLACE_PART_PREFIXES = frozenset(word_list("place_part_prefixes"))
# Tokens made when a rule first calls for them: most paragraphs and table cells meet no
# rule that reads tokens, and making them is the costly part.
TokensOf = Callable[[], Sequence[Token]]
CutsOf = Callable[[], Collection[int]]   # token boundaries, made when first called


@dataclass(frozen=True)
class OrgMatch:
    start: int
    end: int
    text: str
    canonical: str
    canonical_en: str
    type: str
    how: str


@dataclass(frozen=True)
class _Candidate:
    start: int  # offsets in the folded text
    end: int
    canonical: str
    entry: GazetteerEntry | None
    type: str
    how: str


def find_orgs(text: str, places_as_orgs: bool = False,
              tokens: TokensOf | None = None,
              boundaries: Callable[[], Collection[int]] | None = None,
              folding: tuple[str, Sequence[int]] | None = None) -> list[OrgMatch]:
    """Organisation names in ``text``, in order, without overlaps.

    ``places_as_orgs``: also take ``宮崎県``-style local government names as bodies (for
    text known to list bodies, such as a table column of participants).
    ``tokens``: gives the tokens of ``text`` when a tokenizer already ran (the nlp
    stage's Doc), so the text is not tokenised again; by default its folded form is
    tokenised here. ``boundaries``, with ``tokens``: gives their start and end offsets
    alone, all some rules read. Either way tokens are only made when a rule first
    reads them. ``folding``: ``fold_with_offsets(text)``, when the caller has it.
    """
    folded, origin = fold_with_offsets(text) if folding is None else folding
    made: list[Sequence[Token]] = []

    def tokens_of() -> Sequence[Token]:
        """The folded text's tokens, made on the first call."""
        if not made:
            made.append(tokenize(folded) if tokens is None
                        else fold_tokens(tokens(), text, folded, origin))
        return made[0]

    def cuts_of() -> Collection[int]:
        """Token boundaries in the folded text."""
        if made or tokens is None or boundaries is None:
            return _boundaries(tokens_of())
        if len(folded) == len(text):
            return boundaries()
        position = folded_positions(text, folded, origin).__getitem__
        return frozenset(map(position, boundaries()))

    found = gazetteer_candidates(folded, cuts_of)
    found = [_of_a_foreign_country(c, folded, tokens_of) for c in found]
    found += legal_prefix_candidates(folded, tokens_of, found)
    found += legal_suffix_candidates(folded, found, tokens_of)
    found += suffix_candidates(folded, tokens_of, found, cuts_of)
    if any(word in folded for word in _COUNCIL_PART_WORDS):
        found += council_part_candidates(folded, tokens_of, found)
    if "部" in folded:
        found += country_ministry_candidates(folded, tokens_of)
    if any(head in folded for head in COMPANY_HEADS):
        found += place_company_candidates(folded, tokens_of())
    if places_as_orgs and _has_local_government_suffix(folded):
        found += local_government_candidates(tokens_of())
    chosen = [c for c in select_longest(found)
              if c.how != "gazetteer" or not form_inside_longer_word(folded, c.start, c.end,
                                                                     tokens_of)]
    return [_to_match(c, text, origin) for c in chosen]


def may_be_one_org(text: str) -> bool:
    """False when no rule of ``find_orgs`` can give a name that is all of ``text``: a
    test several times cheaper than ``find_orgs`` (it never tokenises), for callers that
    only ask whether a table cell is one name.

    It asks what each rule's candidates need before tokens are read: a local-government
    character at the end; an organisation word or a company form at the end with a run
    of name characters before it from the first character; a legal form first with a
    name running to the end; or the whole text a gazetteer form.
    """
    folded, origin = fold_with_offsets(text)
    if not folded:
        return False
    first = bisect_left(origin, 1)   # folded offsets below this come from text[0]
    return (folded[-1] in LOCAL_GOVERNMENT_SUFFIXES
            or _name_run_ends_in(folded, SUFFIX_WORDS, first, after_org_word=False)
            or _name_run_ends_in(folded, SUFFIX_FORMS, first, after_org_word=True)
            or any(_legal_prefix_name_to_end(folded, i) for i in range(first))
            or any(folded[i:] in surface_forms() for i in range(first)))


def _name_run_ends_in(folded: str, words: tuple[str, ...], first: int,
                      after_org_word: bool) -> bool:
    """Does ``folded`` end in one of ``words`` after a run of name characters that
    starts before ``first`` (as ``suffix_candidates`` and ``legal_suffix_candidates``
    walk back; they only ever start a name later than the walk)?"""
    return folded.endswith(words) and any(
        folded.endswith(word) and name_start(folded, len(folded) - len(word), after_org_word)
        < first for word in words)


def _legal_prefix_name_to_end(folded: str, start: int) -> bool:
    """Does a legal form at ``start`` take a name that runs to the end of ``folded``
    (as ``legal_prefix_candidates`` reads it)?"""
    match = legal_prefix_re().match(folded, start)
    if match is None:
        return False
    end = quoted_name_end(folded, start, match.end()) or name_end(folded, match.end())
    return end == len(folded)


def _boundaries(tokens: Sequence[Token]) -> frozenset[int]:
    return frozenset([t.start for t in tokens] + [t.end for t in tokens])


def _has_local_government_suffix(folded: str) -> bool:
    """Does ``folded`` hold a 都道府県市区町村 character (every local-government
    candidate ends in one)? A regex scan: ``isdisjoint`` made a string per character."""
    return _LOCAL_GOVERNMENT_CHAR.search(folded) is not None


def _may_hold_legal_form(folded: str) -> bool:
    return any(mark in folded for mark in LEGAL_FORM_MARKS)


# --------------------------------------------------------------------------- gazetteer


@lru_cache(maxsize=1)
def _gazetteer_index() -> FormIndex:
    return FormIndex(surface_forms())


def _latin_bounded(folded: str, start: int, end: int) -> bool:
    """A form that starts (ends) with a Latin letter has no Latin letter before (after) it,
    nor a hyphen joining it to one (``ELYZA-japanese-Llama-2``: a longer Latin name)."""
    before = folded[max(start - 2, 0):start]
    after = folded[end:end + 2]
    return not (has_latin(folded[start]) and _joined(before[::-1])) and \
        not (has_latin(folded[end - 1]) and _joined(after))


def _joined(beside: str) -> bool:
    """Do the characters beside a Latin form, nearest first, continue it as one name?"""
    return bool(beside) and (has_latin(beside[0]) or (
        beside[0] == "-" and len(beside) > 1 and beside[1].isascii() and beside[1].isalnum()))


def gazetteer_candidates(folded: str, cuts_of: CutsOf) -> list[_Candidate]:
    """Every gazetteer name, alias or acronym in the folded text (leftmost longest)."""
    cuts: Collection[int] | None = None   # token boundaries, made for the first short form
    found = []
    for start, end in _gazetteer_index().find(folded, accept=_latin_bounded):
        form = folded[start:end]
        if len(form) <= 3 and not has_latin(form):   # short Japanese: whole tokens only
            cuts = cuts_of() if cuts is None else cuts
            if not (start in cuts and end in cuts):
                continue
        if goes_on_as_group_company(folded, end):
            continue   # パナソニック|ホールディングス株式会社: another company
        entry = lookup(form)
        if entry is not None:
            found.append(_Candidate(start, end, entry.canonical_ja, entry, entry.type,
                                    "gazetteer"))
    return found


def _of_a_foreign_country(candidate: _Candidate, folded: str, tokens_of: TokensOf
                          ) -> _Candidate:
    """A listed body of Japan or the world printed right after a foreign country's name,
    over common nouns glued between (``ドイツ|連邦|外務省``, ``米国|財務省``, over a ``・``
    too), as that country's body: a ``country_body`` candidate from the country on, with
    no entry (no English: the listed body's would be Japan's ministry). A ministry or
    agency after ``<foreign country>の`` (``英国の外務省``, ``フランスの経済・財務省``) is
    that country's too: the mention is the name after の, its canonical the country's
    name glued to it (``英国外務省``); after ``日本の`` or ``我が国の`` it stays Japan's, and
    so it does after a list of countries (``英国と日本の``, which may hold Japan).
    ``candidate`` otherwise."""
    if candidate.entry is None or candidate.start == 0 or \
            not _COUNTRY_BEFORE.match(folded[candidate.start - 1]) or \
            candidate.entry.canonical_ja in foreign_bodies():
        return candidate
    tokens = tokens_of()
    at = bisect_left(tokens, candidate.start, key=_token_start)
    glued_to = candidate.start
    while at > 0 and tokens[at - 1].end == glued_to:
        at -= 1
        token = tokens[at]
        if _foreign_country(token, tokens[at - 1] if at > 0 else None):
            return _Candidate(token.start, candidate.end, folded[token.start:candidate.end],
                              None, "ORG_OTHER", "country_body")
        if token.text == "の":
            return _after_a_foreign_country(candidate, folded, tokens, at, glued_to)
        if token.text != "・" and (token.pos1 != "名詞" or token.pos2 != "普通名詞"):
            break
        glued_to = token.start
    return candidate


def _after_a_foreign_country(candidate: _Candidate, folded: str, tokens: Sequence[Token],
                             no: int, start: int) -> _Candidate:
    """``candidate`` (a listed ministry or agency, Japan's) as the body of the foreign
    country before the の of ``tokens[no]``, named from ``start`` on (the nouns after
    の): a ``country_body`` candidate with no entry; so is a listed body of any kind
    with nouns glued before it (英国の|国家|統計局: another body's name). ``candidate``
    when a body of another kind follows の directly, the word before の is no foreign
    country's name, or it closes a list of countries."""
    if candidate.entry is None or no < 1 or folded[start] == "・" or (
            start == candidate.start and candidate.entry.type not in _STATE_BODY_TYPES):
        return candidate   # a company or a body of another kind after 米国の: as listed
    country = tokens[no - 1]
    before = tokens[no - 2] if no > 1 else None
    if country.end != tokens[no].start or not _foreign_country(country, before) or \
            _closes_a_list_of_countries(tokens, no - 1):
        return candidate
    return _Candidate(start, candidate.end, country.text + folded[start:candidate.end], None,
                      candidate.type, "country_body")


def _closes_a_list_of_countries(tokens: Sequence[Token], at: int) -> bool:
    """Is ``tokens[at]`` the last of a list of places (英国と|米国, 日|・|英), or glued
    to a noun or prefix before it?"""
    if at == 0 or tokens[at - 1].end != tokens[at].start:
        return False
    before = tokens[at - 1]
    if before.pos1 in ("名詞", "接頭辞"):
        return True
    return before.text in _LIST_JOINTS and at > 1 and (
        tokens[at - 2].pos3 == "地名" or tokens[at - 2].text in _ALL_COUNTRY_KANJI)


# The kinds of a state's body: a gazetteer body of these kinds is Japan's.
_STATE_BODY_TYPES = frozenset({"ORG_MINISTRY", "ORG_AGENCY"})
# Words that join a country to another before it (英国と米国の, 日・英の).
_LIST_JOINTS = frozenset({"と", "や", "・", "、", ",", "及び", "並びに", "又は", "または",
                          "および", "ならびに"})


_COUNTRY_BEFORE = re.compile(r"[\u3400-\u9fff々\u30a1-\u30fa\u30fcの・]")


def _foreign_country(token: Token, before: Token | None) -> bool:
    """Is ``token`` a country's name (UniDic's 地名-国) that is no name of Japan, or a
    one-kanji name of a foreign country that opens a word (``country_abbreviations.tsv``:
    英|外務省, 米|中央情報局; not 日中|韓, where it ends a run of them; ``before``: the
    token before it)?"""
    if token.tag.endswith("地名-国"):
        return token.text not in country_names().get("日本", ())
    return token.text in _COUNTRY_KANJI and token.pos1 == "名詞" and (
        before is None or before.end != token.start
        or before.pos1 not in ("名詞", "接頭辞", "接尾辞"))


# One-kanji names of foreign countries (米, 英, 独 …) that government text glues before
# a body's name (英外務省, 米中央情報局).
_ALL_COUNTRY_KANJI = frozenset(word_list("country_abbreviations"))
_COUNTRY_KANJI = _ALL_COUNTRY_KANJI - {"日"}


def _token_start(token: Token) -> int:
    return token.start


# --------------------------------------------------------------------------- legal forms


def legal_prefix_candidates(folded: str, tokens_of: TokensOf,
                            bodies: Sequence[_Candidate] = ()) -> list[_Candidate]:
    """``株式会社X``, ``公益財団法人X``, ``(株)X``: a legal form, then a name; a name that
    is a gazetteer body (``bodies``) ends where the body does, over a ``・`` inside it
    (``国立研究開発法人森林研究・整備機構``)."""
    if not _may_hold_legal_form(folded):
        return []
    body_ends = {c.start: c.end for c in bodies if c.how == "gazetteer"}
    found = []
    for match in legal_prefix_re().finditer(folded):
        start = match.end()
        end = quoted_name_end(folded, match.start(), start) or name_end(folded, start)
        end = max(end, body_ends.get(start, end), _over_joined_words(folded, start, end))
        name = folded[start:end]
        if len(name) < 2 or name.isdigit() or _starts_with_affix(tokens_of(), start, end):
            continue
        form = LEGAL_ABBREVIATIONS.get(match.group(), match.group())
        found.append(_legal_candidate(match.start(), end, form + name, name,
                                      PREFIX_TYPES.get(form, "ORG_OTHER"), "legal_prefix"))
    return found


def _over_joined_words(folded: str, start: int, end: int) -> int:
    """The end of a name after a legal form that runs on over ``・`` to an organisation
    word (``独立行政法人高齢・障害・求職者雇用支援機構``): the part before the first
    ``・`` ends in none, so it is no name of its own; else ``end`` (a list of two bodies,
    ``…理化学研究所・産業技術総合研究所``, stays two)."""
    if not folded.startswith("・", end) or _ends_in_org_word(folded[start:end]):
        return end
    joined = end
    while folded.startswith("・", joined):
        after = name_end(folded, joined + 1)
        if after == joined + 1:
            break
        joined = after
    return joined if joined > end and _ends_in_org_word(folded[start:joined]) else end


def _ends_in_org_word(name: str) -> bool:
    return any(name.endswith(word) for word in ORG_SUFFIXES)


def _starts_with_affix(tokens: Sequence[Token], start: int, end: int) -> bool:
    """True when the token at ``start`` is a suffix (法人化, 法人等, 法人向け,
    法人化|以降): not a name; but a kanji noun suffix that a content noun follows inside
    the name opens one (独立行政法人|水|資源機構: UniDic reads 法人水)."""
    starts = [t.start for t in tokens]
    i = bisect_left(starts, start)
    if i == len(starts) or starts[i] != start or tokens[i].pos1 != "接尾辞":
        return False
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    return not (tokens[i].tag == "接尾辞-名詞的-一般" and _KANJI_WORD.fullmatch(tokens[i].text)
                and following is not None and following.start == tokens[i].end < end
                and following.pos1 == "名詞" and "副詞可能" not in following.tag)


_KANJI_WORD = re.compile(r"[\u3400-\u9fff々]+")


def legal_suffix_candidates(folded: str, found: Sequence[_Candidate],
                            tokens_of: TokensOf | None = None) -> list[_Candidate]:
    """``花王株式会社``, ``マツダ(株)``: a name, then a company form. After common nouns
    alone a bracketed abbreviation is no legal form (``音声伝送（同）``: ditto); with
    ``tokens_of`` that is checked."""
    if not _may_hold_legal_form(folded):
        return []
    result = []
    for match in legal_suffix_re().finditer(folded):
        start = name_start(folded, match.start(), after_org_word=True)
        start = _after_government_body(found, start, match.start())
        name = folded[start:match.start()]
        if not name or name.isdigit():
            continue
        if tokens_of is not None and match.group().startswith("(") and lookup(name) is None \
                and not _holds_name_word(tokens_of(), start, match.start()):
            continue
        if tokens_of is not None and has_latin(name):
            start = _after_descriptor(tokens_of(), start, match.start())
            name = folded[start:match.start()]
        form = LEGAL_ABBREVIATIONS.get(match.group(), match.group())
        result.append(_legal_candidate(start, match.end(), name + form, name, "ORG_OTHER",
                                       "legal_suffix"))
    return result


def _after_descriptor(tokens: Sequence[Token], start: int, end: int) -> int:
    """Where a Latin company name starts after a Japanese descriptor of common words
    (``ＡＩスタートアップ|Sakana AI株式会社``); ``start`` when there is none (a proper noun
    before the Latin word stays: ``スカパーJSAT株式会社``)."""
    inside = [t for t in tokens if start <= t.start and t.end <= end]
    for i in range(1, len(inside)):
        if has_latin(inside[i].text) and not has_latin(inside[i - 1].text):
            if all(t.pos2 == "普通名詞" and (has_latin(t.text) or not t.unknown)
                   for t in inside[:i]):
                return inside[i].start
            break
    return start


def _holds_name_word(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Does ``folded[start:end]`` hold a word that can make a name (a proper noun, an
    unknown, Latin or katakana word)?"""
    return any(start <= t.start and t.end <= end
               and (t.namelike or _KATAKANA_NAME.fullmatch(t.text) is not None)
               for t in tokens)


_KATAKANA_NAME = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")


def _after_government_body(found: Sequence[_Candidate], start: int, end: int) -> int:
    """Move ``start`` past a ministry or agency that begins the run (総務省テスト株式会社)."""
    for cand in found:
        if cand.start == start and cand.end < end and cand.type in (
                "ORG_MINISTRY", "ORG_AGENCY", "ORG_COUNCIL"):
            return cand.end
    return start


def _legal_candidate(start: int, end: int, canonical: str, name: str, org_type: str,
                     how: str) -> _Candidate:
    entry = lookup(name) or lookup(canonical)
    if entry is not None:
        return _Candidate(start, end, entry.canonical_ja, entry, entry.type, how)
    return _Candidate(start, end, canonical, None, org_type, how)


# --------------------------------------------------------------------------- suffix words


def suffix_candidates(folded: str, tokens_of: TokensOf, found: Sequence[_Candidate],
                      cuts_of: CutsOf | None = None) -> list[_Candidate]:
    """``北海道科学大学``, ``総務省情報通信政策研究所``: a name ending in an org word."""
    cuts: Collection[int] | None = None   # token boundaries, made for the first match
    result = []
    for match in suffix_re().finditer(folded):
        if cuts is None:
            cuts = cuts_of() if cuts_of is not None else _boundaries(tokens_of())
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
        if entry is None and match.start() - start < 2 and not has_latin(canonical):
            continue   # one character is no name (究機構: a word cut at a line's start)
        org_type = entry.type if entry else ORG_SUFFIXES[match.group()]
        country = _country_kanji_before(tokens_of(), start) if entry is None else None
        if country is not None:   # 米|中央情報局: the US's
            result.append(_Candidate(country, match.end(), folded[country:match.end()], None,
                                     org_type, "country_body"))
            continue
        result.append(_Candidate(start, match.end(), entry.canonical_ja if entry else canonical,
                                 entry, org_type, "suffix"))
    return result


def _country_kanji_before(tokens: Sequence[Token], start: int) -> int | None:
    """The start of a one-kanji foreign country's name glued before a name starting at
    ``start`` (米|中央情報局), or None."""
    at = bisect_left(tokens, start, key=_token_start) - 1
    if at < 0 or tokens[at].end != start or tokens[at].text not in _COUNTRY_KANJI:
        return None
    token = tokens[at]
    return token.start if _foreign_country(token, tokens[at - 1] if at > 0 else None) \
        else None


def _ends_unrelated_body(found: Sequence[_Candidate], end: int) -> bool:
    """True when a gazetteer body ends at ``end`` and does not directly follow another
    gazetteer body: then the suffix word needs no structural name (文部科学省作成総務省
    is two mentions, 気象庁気象研究所 one)."""
    for child in found:
        if child.how == "gazetteer" and child.end == end:
            return not any(parent.how == "gazetteer" and parent.end == child.start
                           for parent in found)
    return False


def _proper_name_start(tokens: Sequence[Token], found: Sequence[_Candidate],
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
                          or _qualifies_place(words[i - 1], word)
                          or names_a_programme(words[i - 1],
                                               words[i + 1] if i + 1 < len(words) else None)):
                return words[i - 1].start
            return word.start
    return None


def _qualifies_place(before: Token, word: Token) -> bool:
    """Is ``before`` a compass point glued to the place name ``word``, one word with it
    (北|大西洋, 南|太平洋, 西|アフリカ: ``place_part_prefixes.tsv``)?"""
    return (word.pos3 == "地名" and before.end == word.start and before.pos1 == "名詞"
            and before.text in _PLACE_PART_PREFIXES)


def _is_government_name(words: Sequence[Token]) -> bool:
    """Nouns only, no digits, at least two characters and no generic head (各省, 関係府省庁)."""
    text = "".join(w.text for w in words)
    return (len(text) >= 2 and not any(c.isdigit() for c in text)
            and all(w.pos1 in ("名詞", "接頭辞", "接尾辞") for w in words)
            and words[0].text not in GOVERNMENT_GENERIC_HEADS)


def council_part_candidates(folded: str, tokens_of: TokensOf,
                            found: Sequence[_Candidate]) -> list[_Candidate]:
    """``社会保障審議会医療保険部会``, ``労働政策審議会労働条件分科会``: a council (any
    ``ORG_COUNCIL`` candidate) glued before the nouns of a field and a part word
    (``org_council_part_words.tsv``), nothing glued after it (``分科会長``: a title):
    one body, the part, from the council's start; over parts of parts too
    (``…部会…小委員会``)."""
    tokens = tokens_of()
    by_start = {token.start: i for i, token in enumerate(tokens)}
    result: list[_Candidate] = []
    councils = [c for c in found if c.type == "ORG_COUNCIL"]
    while councils:
        council = councils.pop()
        at = by_start.get(council.end)
        first = at
        while at is not None and at < len(tokens):
            end = _part_word_end(folded, tokens, at)
            if end is not None and at != first:
                part = _Candidate(council.start, end, folded[council.start:end], None,
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
    for word in _COUNCIL_PART_WORDS:
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


_COUNCIL_PART_WORDS = word_list("org_council_part_words")


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


def country_ministry_candidates(folded: str, tokens_of: TokensOf) -> list[_Candidate]:
    """``中国外交部``, ``韓国科学技術情報通信部``: a country whose ministries are named
    ``…部`` (``org_ministry_bu_countries.tsv``) glued before the nouns of a field and 部,
    with nothing glued after 部 (``外交部長``: a title): that country's ministry, a
    ``country_body`` with no English; after ``<country>の`` the ministry as printed,
    its canonical the country glued to it (``中国の外交部`` → ``中国外交部``). Not a company's division or a part of the country
    (``中国事業部``, ``韓国南東部``: ``org_division_words.tsv``, compass points), nor a
    proper noun before 部 (``中国|東北|部``)."""
    forms = _bu_country_forms()
    if not any(form in folded for form in forms):
        return []
    tokens = tokens_of()
    result = []
    for i, token in enumerate(tokens):
        if token.text not in forms or not token.tag.startswith("名詞-固有名詞-地名"):
            continue
        opens = i + 1   # the field's first token, after の too (中国の外交部)
        if opens < len(tokens) and tokens[opens].text == "の" and \
                tokens[opens].start == token.end and not _closes_a_list_of_countries(tokens, i):
            opens += 1
        j = opens
        while j < len(tokens) and tokens[j].start == tokens[j - 1].end and \
                tokens[j].text != "部" and _field_word(tokens[j], first=j == opens):
            j += 1
        if j == opens or j == len(tokens) or tokens[j].text != "部" or \
                tokens[j].start != tokens[j - 1].end or tokens[j - 1].pos1 == "接頭辞":
            continue
        if j + 1 < len(tokens) and tokens[j + 1].start == tokens[j].end and \
                tokens[j + 1].pos1 in ("名詞", "接尾辞"):
            continue   # 外交部|長官: a title
        start = tokens[opens].start
        field = folded[start:tokens[j].start]
        if len(field) < 2 or tokens[opens].text in _DIVISION_WORDS or \
                _COMPASS.fullmatch(field):
            continue
        result.append(_Candidate(token.start if opens == i + 1 else start, tokens[j].end,
                                 token.text + folded[start:tokens[j].end], None,
                                 "ORG_MINISTRY", "country_body"))
    return result


def _field_word(token: Token, first: bool) -> bool:
    """Can ``token`` be part of a ministry's field (a common noun with no time or number
    sense; a prefix, or a suffix after the first word: 中|小|ベンチャー, 情報|化)?"""
    if token.pos1 == "接頭辞":
        return True
    if token.pos1 == "接尾辞":
        return not first
    return token.pos1 == "名詞" and token.pos2 == "普通名詞" and "副詞可能" not in token.tag


@lru_cache(maxsize=1)
def _bu_country_forms() -> frozenset[str]:
    names = country_names()
    return frozenset(form for country in word_list("org_ministry_bu_countries")
                     for form in names.get(country, ()))


_DIVISION_WORDS = frozenset(word_list("org_division_words"))
_COMPASS = re.compile(r"[東西南北中]+")


def place_company_candidates(folded: str, tokens: Sequence[Token]) -> list[_Candidate]:
    """``九州電力``, ``北海道旅客鉄道``, ``西日本旅客鉄道``: a place name (with a compass
    point glued before it) that starts a word, and a noun compound after it that ends in
    an industry's noun (``word_bounds.company_name_end``)."""
    by_start = {token.start: token for token in tokens}
    result = []
    for i, token in enumerate(tokens):
        if token.pos3 != "地名":
            continue
        end = company_name_end(by_start.get(token.end), lambda t: by_start.get(t.end))
        if end is None:
            continue
        before = tokens[i - 1] if i > 0 and tokens[i - 1].end == token.start else None
        start = token.start
        if before is not None and _qualifies_place(before, token):
            start = before.start
            before = tokens[i - 2] if i > 1 and tokens[i - 2].end == start else None
        if continues_before(before):
            continue   # 全|日本…, ＪＲ|東日本: a longer name's piece
        entry = lookup(folded[start:end])
        result.append(_Candidate(start, end, entry.canonical_ja if entry else folded[start:end],
                                 entry, entry.type if entry else "ORG_OTHER", "place_company"))
    return result


def local_government_candidates(tokens: Sequence[Token]) -> list[_Candidate]:
    """``宮崎県``, ``川崎市``, ``北海道``: a place name with a local-government suffix."""
    result = []
    for i, token in enumerate(tokens):
        if token.pos2 != "固有名詞" or token.pos3 != "地名":
            continue
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if after is not None and after.start == token.end \
                and after.text in LOCAL_GOVERNMENT_SUFFIXES:
            end = after.end
        elif len(token.text) >= 3 and token.text[-1] in LOCAL_GOVERNMENT_SUFFIXES:
            end = token.end
        else:
            continue
        name = token.text + (after.text if end != token.end and after else "")
        result.append(_Candidate(token.start, end, name, None, "ORG_OTHER",
                                 "local_government"))
    return result


# --------------------------------------------------------------------------- resolution

_HOW_RANK = {"gazetteer": 0, "legal_prefix": 1, "legal_suffix": 2, "country_body": 3,
             "suffix": 3, "place_company": 3, "local_government": 4}


def select_longest(candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, longest first (gazetteer first at equal length)."""
    return resolve.select_longest(candidates, _offsets, _how_rank)


def _offsets(cand: _Candidate) -> tuple[int, int]:
    return cand.start, cand.end


def _how_rank(cand: _Candidate) -> int:
    return _HOW_RANK[cand.how]


def _to_match(cand: _Candidate, text: str, origin: Sequence[int]) -> OrgMatch:
    start, end = origin[cand.start], origin[cand.end]
    english = cand.entry.canonical_en if cand.entry else ""
    return OrgMatch(start, end, text[start:end], cand.canonical, english, cand.type, cand.how)
