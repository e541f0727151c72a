"""fugashi (MeCab + unidic-lite) as a spaCy tokenizer, registered like spaCy's own ``ja``.

Where the UniDic analysis lives:

- ``token.tag_``      UniDic 品詞 levels 1-4 joined by ``-``, ``*`` dropped
                      (``名詞-普通名詞-助数詞可能``), as spaCy's Japanese tokenizer does;
- ``token.lemma_``    UniDic lemma (``尖る``, ``データ-data``), the surface when UniDic
                      has none (unknown words, whitespace);
- ``doc._.readings``  one reading per token, in katakana (UniDic ``kana``), "" for
                      symbols, whitespace and unknown words.

Read them through ``token._.pos`` (level 1), ``token._.pos_detail`` (levels 2-4),
``token._.reading`` and ``token._.is_number`` (``pipeline.nlp.extensions``). Readings are
a Doc-level list rather than ``token.morph`` (spaCy ``ja``'s place) because setting
MORPH costs ~15% of the stage; the price is that a retokenised Doc loses them (the getter
says so).

Whitespace MeCab skips becomes a trailing space (one ASCII space after a token, as in
spaCy) or a token of its own tagged ``空白`` (UniDic's tag for a full-width space), so
``doc.text == text`` always.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import Any, TypeVar, cast

import numpy
from spacy.attrs import LEMMA, TAG
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab
from thinc.types import Ints2d

from pipeline.nlp import extensions
from pipeline.nlp.tagger import SPACE_TAG, get_tagger, parse_feature

_MAX_MEMO = 200_000

Row = tuple[int, int, str]   # hashes of TAG and LEMMA (0: the surface's), reading
_ATTRS = [TAG, LEMMA]
T = TypeVar("T")
_SURFACE, _FEATURE = attrgetter("surface"), attrgetter("feature_raw")


@dataclass
class _DocParts:
    """What ``Doc(vocab, words, spaces)`` and its annotations are built from, extended a
    run of tokens at a time. Words are given by their ORTH hashes, strings already in the
    string store: the Doc then finds each lexeme by its hash instead of hashing the
    string again (about half of ``Doc()``'s cost)."""

    words: list[int] = field(default_factory=list)      # ORTH hashes
    rows: list[Row] = field(default_factory=list)
    spaced: list[int] = field(default_factory=list)     # tokens followed by one ASCII space

    def add_tokens(self, orths: list[int], rows: list[Row]) -> None:
        self.words += orths
        self.rows += rows

    def add_gap(self, gap: str, strings: StringStore) -> None:
        """Text MeCab skipped: a trailing space, or a ``空白`` token of its own."""
        if gap == " " and self.words:
            self.spaced.append(len(self.words) - 1)
            return
        orth = strings.add(gap)
        self.add_tokens([orth], [(strings.add(SPACE_TAG), orth, "")])

    def to_doc(self, vocab: Vocab) -> Doc:
        spaces = [False] * len(self.words)
        for i in self.spaced:
            spaces[i] = True
        doc = Doc(vocab, words=cast(list[str], self.words), spaces=spaces)   # ints work too
        readings: list[str] = []
        if self.words:
            tags, row_lemmas, row_readings = zip(*self.rows, strict=True)
            lemmas = [lemma or orth for lemma, orth in zip(row_lemmas, self.words, strict=True)]
            readings = list(row_readings)
            values = numpy.array([tags, lemmas], dtype=numpy.uint64)
            # from_array reads the array transposed: the .T of a (2, n) array is no copy
            doc.from_array(_ATTRS, cast(Ints2d, values.T))
        extensions.set_doc_value(doc, "readings", readings)
        return doc


class _Memo(dict[str, T]):
    """A string → the value ``make`` gives for it, made the first time it is met."""

    def __init__(self, make: Callable[[str], T]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, key: str) -> T:
        value = self[key] = self._make(key)
        return value


class FugashiTokenizer:
    """Text → Doc with UniDic tag, lemma and reading on every token (see module doc).

    ``self._memo`` maps each distinct UniDic feature string (one per dictionary entry)
    to its tag and lemma hashes and its reading, so each is parsed once, and
    ``self._orths`` each surface to its ORTH hash: instance state, bounded, cleared when
    spaCy reloads the pipeline (which may reset the string store), and invisible in the
    output. Both are dicts filling themselves on a miss (``_Memo``), so a token's
    lookups are ``map``s in C.
    """

    def __init__(self, vocab: Vocab) -> None:
        extensions.register()
        self.vocab = vocab
        self._memo: _Memo[Row] = _Memo(self._row_of)
        self._orths: _Memo[int] = _Memo(lambda surface: self.vocab.strings.add(surface))

    def __call__(self, text: str) -> Doc:
        if len(self._memo) > _MAX_MEMO or len(self._orths) > _MAX_MEMO:
            self._clear_memos()
        parts = _DocParts()
        for n, segment in enumerate(text.split("\0")):   # MeCab stops at NUL
            if n:
                parts.add_gap("\0", self.vocab.strings)
            self._add_segment(segment, parts)
        doc = parts.to_doc(self.vocab)
        extensions.set_doc_value(doc, "tokenized_text", text)   # == doc.text (rebuilt exactly)
        return doc

    def _add_segment(self, text: str, parts: _DocParts) -> None:
        nodes = get_tagger()(text)
        surfaces = list(map(_SURFACE, nodes))
        orths = list(map(self._orths.__getitem__, surfaces))
        rows = list(map(self._memo.__getitem__, map(_FEATURE, nodes)))
        if "".join(surfaces) == text:
            parts.add_tokens(orths, rows)
            return
        strings, pos, run = self.vocab.strings, 0, 0   # run: the first token not yet added
        for k, surface in enumerate(surfaces):
            start = text.find(surface, pos)   # pos + len(node.white_space), by MeCab's design
            if start != pos:
                if start < 0 or not text[pos:start].isspace():
                    raise ValueError(f"fugashi token {surface!r} does not continue the text "
                                     f"at offset {pos} of {text[:40]!r}…; cannot align it")
                parts.add_tokens(orths[run:k], rows[run:k])
                parts.add_gap(text[pos:start], strings)
                run = k
            pos = start + len(surface)
        parts.add_tokens(orths[run:], rows[run:])
        if pos < len(text):
            parts.add_gap(text[pos:], strings)

    def _row_of(self, raw: str) -> Row:
        """A UniDic feature string's tag and lemma hashes (the lemma's 0 when it has none)
        and reading, the strings added to the store."""
        tag, lemma, reading = parse_feature(raw)
        strings = self.vocab.strings
        return strings.add(tag), strings.add(lemma) if lemma else 0, reading

    def _clear_memos(self) -> None:
        self._memo.clear()
        self._orths.clear()

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    # spaCy saves and loads the tokenizer with the pipeline: there is nothing to keep.
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> FugashiTokenizer:
        self._clear_memos()
        return self

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: str | Path, **kwargs: Any) -> FugashiTokenizer:
        self._clear_memos()
        return self


@registry.tokenizers("whitepaper.FugashiTokenizer")
def create_tokenizer() -> Callable[[Language], FugashiTokenizer]:
    """Registered factory: ``[nlp.tokenizer] @tokenizers = "whitepaper.FugashiTokenizer"``."""

    def fugashi_tokenizer_factory(nlp: Language) -> FugashiTokenizer:
        return FugashiTokenizer(nlp.vocab)

    return fugashi_tokenizer_factory


def make_nlp(sentences: bool = True) -> Language:
    """A blank multi-language (``xx``) pipeline with the fugashi tokenizer and, unless
    ``sentences=False``, the ``whitepaper_sentences`` component after it.

    Also registers the extension attributes (``pipeline.nlp.extensions``). Its vocabulary
    computes no lexical attributes: ``token.is_punct``, ``like_num``, ``norm_``… are unset.
    """
    import spacy

    from pipeline.nlp import extensions
    from pipeline.nlp.sentences import FACTORY

    extensions.register()
    config = {"nlp": {"tokenizer": {"@tokenizers": "whitepaper.FugashiTokenizer"}}}
    nlp = spacy.blank("xx", config=config)
    # No lexical attributes (is_punct, like_num, shape, norm…) for new words: no rule reads
    # them (tags, lemmas and readings come from UniDic), and computing them cost ~8 µs for
    # every word a process meets for the first time, most of making its lexeme.
    nlp.vocab.lex_attr_getters = {}   # type: ignore[attr-defined]  # (untyped in the stubs)
    if sentences:
        nlp.add_pipe(FACTORY)
    return nlp
