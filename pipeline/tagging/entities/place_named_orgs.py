"""Bodies named by a place (rules ``place_company`` and ``local_government`` of
``find_orgs`` in ``orgs``).

- ``place_company``: a company named after a place and printed without its legal form,
  the place and the noun of an industry that ends the compound (``九州電力``,
  ``北海道旅客鉄道``, ``日本郵便``: ``place_company_heads.tsv``; the place rules take no
  place there);
- ``local_government``: ``宮崎県``, ``川崎市`` (only with ``places_as_orgs=True``).

``qualifies_place`` (a compass point glued before a place name) is read by
``suffix_word_orgs`` too.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.common.lexicons import word_list
from pipeline.nlp.tokens import Token
from pipeline.tagging.entities.gazetteer import lookup
from pipeline.tagging.entities.org_candidate import OrgCandidate
from pipeline.tagging.entities.org_words import LOCAL_GOVERNMENT_SUFFIXES
from pipeline.tagging.entities.word_bounds import company_name_end, continues_before

# Compass points that make one word with the place name after them (北|大西洋).
_PLACE_PART_PREFIXES = frozenset(word_list("place_part_prefixes"))


def qualifies_place(before: Token, word: Token) -> bool:
    """Is ``before`` a compass point glued to the place name ``word``, one word with it
    (北|大西洋, 南|太平洋, 西|アフリカ: ``place_part_prefixes.tsv``)?"""
    return (word.pos3 == "地名" and before.end == word.start and before.pos1 == "名詞"
            and before.text in _PLACE_PART_PREFIXES)


def place_company_candidates(folded: str, tokens: Sequence[Token]) -> list[OrgCandidate]:
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
        if before is not None and qualifies_place(before, token):
            start = before.start
            before = tokens[i - 2] if i > 1 and tokens[i - 2].end == start else None
        if continues_before(before):
            continue   # 全|日本…, ＪＲ|東日本: a longer name's piece
        entry = lookup(folded[start:end])
        result.append(OrgCandidate(start, end,
                                    entry.canonical_ja if entry else folded[start:end],
                                    entry, entry.type if entry else "ORG_OTHER",
                                    "place_company"))
    return result


def local_government_candidates(tokens: Sequence[Token]) -> list[OrgCandidate]:
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
        result.append(OrgCandidate(token.start, end, name, None, "ORG_OTHER",
                                    "local_government"))
    return result
