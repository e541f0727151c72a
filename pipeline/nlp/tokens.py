"""The one token record of the pipeline, and where tokens come from.

``Token`` is what every rule reads of a token: character offsets, surface, UniDic tag
and its 品詞 levels, whether UniDic knows the word, and its reading. Tokens come from
the nlp stage's tokenizer, so nothing is tokenised twice, or from ``tokenize``:

- ``doc_tokens(doc)``: the tokens of a Doc the nlp stage made, read from the Doc's
  arrays (``doc.to_array``) once per Doc; the entity rules, places, noun runs and the
  paragraph view read these (``token_offsets(doc)``: their offsets alone);
- ``tokens_of_rows(...)``: the same records from rows of the ``tokens`` dataset, which
  the glossary's key terms read;
- ``tokenize(text)``: the **only** call to fugashi outside the spaCy tokenizer
  (``pipeline.nlp.tokenizer``), for text that is in no Doc: a table cell, a glossary
  term (its reading), and the acronym rules' window of NFKC-folded text before a bracket
  and the expansion inside it (tokenised on their own, so that a noun run ends where
  the window does: a paragraph's tokens can run across the bracket).

A view of tokens over folded (NFKC) text is
``pipeline.tagging.entities.folded_text.fold_tokens``: the same records with offsets and
surfaces in the folded text.
"""

from __future__ import annotations

import functools
import itertools
import operator
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from pipeline.nlp.tagger import get_tagger, parse_feature

if TYPE_CHECKING:   # spaCy is imported by the functions that read Docs: ``tokenize`` and
    # ``Token`` serve processes that have no Doc (tables, glossary) without loading it
    from spacy.strings import StringStore
    from spacy.tokens import Doc

_NOT_WORDS = frozenset({"補助記号", "空白"})   # no reading, yet in the dictionary


class Token(NamedTuple):
    """A token: offsets in its text, surface, UniDic tag (levels 1-4 joined by ``-``,
    ``*`` dropped) and its first three levels ("" where missing), whether the word is
    unknown to UniDic, and its katakana reading ("" for symbols, spaces and unknown
    words). A tuple: a paragraph makes hundreds, and tuples are built fastest."""

    start: int
    end: int
    text: str
    tag: str
    pos1: str
    pos2: str
    pos3: str
    unknown: bool
    reading: str = ""

    @property
    def namelike(self) -> bool:
        """A proper noun, an unknown word or a Latin word: what starts a new name."""
        latin = has_latin(self.text)
        if not latin and any(c.isdigit() for c in self.text):
            return False
        return self.pos2 == "固有名詞" or self.unknown or latin


def has_latin(text: str) -> bool:
    """Does ``text`` hold an ASCII letter?"""
    return any("A" <= c <= "Z" or "a" <= c <= "z" for c in text)


@functools.lru_cache(maxsize=4096)   # UniDic has a few hundred tags
def pos_levels(tag: str) -> tuple[str, str, str]:
    """``名詞-固有名詞-地名-一般`` → (``名詞``, ``固有名詞``, ``地名``); "" where missing."""
    pos1, _, rest = tag.partition("-")
    pos2, _, rest = rest.partition("-")
    return pos1, pos2, rest.partition("-")[0]


_make = functools.partial(tuple.__new__, Token)   # Token(...) without its Python __new__


def tokenize(text: str) -> tuple[Token, ...]:
    """The UniDic tokens of ``text``, a text that is in no Doc (table cells, glossary
    terms, folded text): the one fugashi call outside ``pipeline.nlp.tokenizer``.

    Whitespace MeCab skips is in no token; ``unknown`` is MeCab's own flag."""
    tokens = []
    cursor = 0
    for node in get_tagger()(text):
        surface = node.surface
        start = text.find(surface, cursor)
        if start < 0:
            continue
        cursor = start + len(surface)
        tag, pos1, pos2, pos3, reading = _features(node.feature_raw)
        tokens.append(_make((start, cursor, surface, tag, pos1, pos2, pos3,
                             bool(node.is_unk), reading)))
    return tuple(tokens)


@functools.lru_cache(maxsize=1 << 16)   # bounded: one entry per UniDic entry met
def _features(raw: str) -> tuple[str, str, str, str, str]:
    """A UniDic feature string → tag, its three levels and the reading. Cached: a text's
    features repeat (particles, symbols), and parsing each anew made ``tokenize`` half
    as slow again (table cells and glossary terms are tokenised one by one)."""
    tag, _, reading = parse_feature(raw)
    return (tag, *pos_levels(tag), reading)


class TagTable(dict[int, tuple[str, str, str, str, bool]]):
    """Tag hash → (tag, its three levels, whether a word with that tag has a reading if
    UniDic knows it), filled as hashes are first met. One table serves every Doc of a
    chapter (they share a vocabulary, and a chapter uses a few hundred tags), so a hash
    is looked up in the StringStore once, not once per Doc."""

    def __init__(self, strings: StringStore) -> None:
        super().__init__()
        self._strings = strings

    def serves(self, doc: Doc) -> bool:
        """The table reads the strings of ``doc``'s vocabulary (the nlp stage's Docs,
        handed over in memory, are on another vocabulary than Docs loaded from disk)."""
        return self._strings is doc.vocab.strings

    def __missing__(self, tag_hash: int) -> tuple[str, str, str, str, bool]:
        tag = self._strings[tag_hash] if tag_hash else ""
        levels = pos_levels(tag)
        parts = self[tag_hash] = (tag, *levels, levels[0] not in _NOT_WORDS)
        return parts


def token_offsets(doc: Doc) -> tuple[list[int], list[int]]:
    """Start and end offsets of the Doc's tokens, from its arrays: what ``doc_tokens``
    gives as ``start`` and ``end``, for rules that need token boundaries only (most
    paragraphs need nothing else, at a fifth of the cost of the tokens)."""
    from spacy.attrs import IDX, LENGTH

    if not len(doc):
        return [], []
    array = doc.to_array([IDX, LENGTH])
    array[:, 1] += array[:, 0]   # length → end
    starts, ends = array.T.tolist()
    return starts, ends


def doc_tokens(doc: Doc, tag_table: TagTable | None = None,
               text: str | None = None) -> tuple[Token, ...]:
    """The Doc's tokens, from its arrays and readings (``text``: the Doc's text, when
    the caller has it; ``tag_table``: one shared by the chapter's Docs).

    A word is unknown to UniDic when it has no reading and is not a symbol or a space
    (``pipeline.nlp.tokenizer`` gives every dictionary word a reading). Each column is one
    ``map`` (in C): a Python loop over the tokens cost several times more."""
    from spacy.attrs import IDX, LENGTH, TAG

    from pipeline.nlp.extensions import doc_text, doc_value

    if not len(doc):
        return ()
    table = tag_table if tag_table is not None and tag_table.serves(doc) \
        else TagTable(doc.vocab.strings)
    text = doc_text(doc) if text is None else text
    array = doc.to_array([IDX, LENGTH, TAG])
    array[:, 1] += array[:, 0]   # length → end
    starts, ends, hashes = array.T.tolist()
    parts = list(map(table.__getitem__, hashes))
    readings = doc_value(doc, "readings")
    no_reading = (map(operator.eq, readings, itertools.repeat("")) if readings
                  else itertools.repeat(False))   # a Doc our tokenizer did not make
    readings = readings or itertools.repeat("", len(doc))
    tags, pos1s, pos2s, pos3s, has_reading = zip(*parts, strict=True)
    surfaces = map(text.__getitem__, map(slice, starts, ends))
    unknown = map(operator.and_, no_reading, has_reading)
    return tuple(map(_make, zip(starts, ends, surfaces, tags, pos1s, pos2s, pos3s, unknown,
                                readings, strict=True)))


def tokens_of_rows(surfaces: Sequence[str], pos: Sequence[str], pos_detail: Sequence[str],
                   starts: Sequence[int], readings: Sequence[str]) -> list[Token]:
    """The Tokens of rows of the nlp stage's ``tokens`` dataset (its surface, pos,
    pos_detail, start and reading columns), as ``doc_tokens`` gives them from the Doc.
    Built column by column with ``map`` (in C), each distinct tag worked out once."""
    pairs = list(zip(pos, pos_detail, strict=True))
    parts = {pair: _row_tag_parts(*pair) for pair in set(pairs)}
    tags, pos1s, pos2s, pos3s, words = (zip(*map(parts.__getitem__, pairs), strict=True)
                                        if pairs else ((),) * 5)
    ends = map(operator.add, starts, map(len, surfaces))
    unknown = map(operator.and_, map(operator.not_, readings), words)
    return list(map(_make, zip(starts, ends, surfaces, tags, pos1s, pos2s, pos3s, unknown,
                               readings, strict=True)))


def _row_tag_parts(pos: str, pos_detail: str) -> tuple[str, str, str, str, bool]:
    tag = f"{pos}-{pos_detail}" if pos_detail else pos
    levels = pos_levels(tag)
    return (tag, *levels, levels[0] not in _NOT_WORDS)
