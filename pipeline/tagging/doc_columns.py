"""A paragraph Doc's tokens as columns read from its arrays, for the entity rules.

spaCy makes a Token object per token on every access; the rules read offsets, UniDic
tags and whether a word is unknown, which the Doc's arrays and the fugashi readings
give for a whole paragraph at once (``token_offsets``, then ``token_columns``), and
``Tok`` tuples are made only for the tokens a rule reads (``columns_to_toks``).
"""

from __future__ import annotations

import functools
import itertools
import operator
from typing import NamedTuple

from spacy.attrs import IDX, LENGTH, TAG
from spacy.strings import StringStore
from spacy.tokens import Doc

from pipeline.nlp.extensions import doc_value, pos_of
from pipeline.tagging.entities.patterns import Tok

_NOT_WORDS = frozenset({"補助記号", "空白"})   # no reading, yet in the dictionary


class TokenColumns(NamedTuple):
    """A Doc's tokens as columns: character offsets, UniDic tag and its first level, and
    whether the word is unknown to UniDic."""

    starts: list[int]
    ends: list[int]
    tags: list[str]
    pos1s: list[str]
    unknown: list[bool]

    def between(self, first: int, end: int) -> TokenColumns:
        """The columns of tokens ``first`` to ``end - 1``."""
        return TokenColumns(self.starts[first:end], self.ends[first:end],
                            self.tags[first:end], self.pos1s[first:end],
                            self.unknown[first:end])


class TagTable(dict[int, tuple[str, str, bool]]):
    """Tag hash → ``_tag_parts`` of the tag, filled as hashes are first met. One table
    serves every Doc of a chapter (they share a vocabulary, and a chapter uses a few
    hundred tags), so a hash is looked up in the StringStore once, not once per Doc."""

    def __init__(self, strings: StringStore) -> None:
        super().__init__()
        self._strings = strings

    def serves(self, doc: Doc) -> bool:
        """The table reads the strings of ``doc``'s vocabulary (the nlp stage's Docs,
        handed over in memory, are on another vocabulary than Docs loaded from disk)."""
        return self._strings is doc.vocab.strings

    def __missing__(self, tag_hash: int) -> tuple[str, str, bool]:
        parts = self[tag_hash] = _tag_parts(self._strings[tag_hash] if tag_hash else "")
        return parts


class TokenOffsets(NamedTuple):
    """A Doc's token offsets and tag hashes, as its arrays give them."""

    starts: list[int]
    ends: list[int]
    tag_hashes: list[int]


def token_offsets(doc: Doc) -> TokenOffsets:
    if not len(doc):
        return TokenOffsets([], [], [])
    array = doc.to_array([IDX, LENGTH, TAG])
    array[:, 1] += array[:, 0]   # length → end
    starts, ends, hashes = array.T.tolist()
    return TokenOffsets(starts, ends, hashes)


def token_columns(doc: Doc, tag_table: TagTable | None = None,
                  offsets: TokenOffsets | None = None) -> TokenColumns:
    """The Doc's token columns from its arrays (``offsets``: ``token_offsets(doc)``, when
    the caller has them). A word is unknown to UniDic when it has no reading and is not
    a symbol or a space (the fugashi tokenizer gives every dictionary word a reading).
    Each column is one ``map`` (in C): a Python loop over the tokens cost several times
    more."""
    if not len(doc):
        return TokenColumns([], [], [], [], [])
    table = TagTable(doc.vocab.strings) if tag_table is None else tag_table
    starts, ends, hashes = token_offsets(doc) if offsets is None else offsets
    parts = list(map(table.__getitem__, hashes))
    readings = doc_value(doc, "readings")
    no_reading = (map(operator.eq, readings, itertools.repeat("")) if readings
                  else itertools.repeat(False))
    return TokenColumns(
        starts=starts, ends=ends, tags=list(map(operator.itemgetter(0), parts)),
        pos1s=list(map(operator.itemgetter(1), parts)),
        unknown=list(map(operator.and_, no_reading, map(operator.itemgetter(2), parts))))


def columns_to_toks(columns: TokenColumns, text: str) -> tuple[Tok, ...]:
    """``Tok`` tuples of the columns (``text``: the Doc's text)."""
    surfaces = [text[start:end] for start, end in zip(columns.starts, columns.ends, strict=True)]
    # made in C: Tok(...) would run a Python-level __new__ per token
    return tuple(map(functools.partial(tuple.__new__, Tok),
                     zip(columns.starts, columns.ends, surfaces, columns.tags, columns.pos1s,
                         columns.unknown, strict=True)))


@functools.lru_cache(maxsize=4096)   # UniDic has a few hundred tags
def _tag_parts(tag: str) -> tuple[str, str, bool]:
    """(tag, its first level, whether a word with that tag has a reading if UniDic knows it)."""
    pos1 = pos_of(tag)
    return tag, pos1, pos1 not in _NOT_WORDS
