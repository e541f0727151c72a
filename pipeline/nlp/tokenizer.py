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
from pathlib import Path
from typing import Any, cast

import numpy
from spacy.attrs import LEMMA, TAG
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab
from thinc.types import Ints2d

from pipeline.nlp import extensions
from pipeline.nlp.tagger import SPACE_TAG, Features, get_tagger, parse_feature

_MAX_MEMO = 200_000

Row = tuple[tuple[int, int], str]        # hashes of TAG and LEMMA (0: the surface's), reading
_ATTRS = [TAG, LEMMA]


@dataclass
class _DocParts:
    """What ``Doc(vocab, words, spaces)`` and its annotations are built from."""

    words: list[str] = field(default_factory=list)
    attrs: list[int] = field(default_factory=list)      # TAG, LEMMA hashes, token by token
    readings: list[str] = field(default_factory=list)
    spaced: list[int] = field(default_factory=list)     # tokens followed by one ASCII space

    def add_gap(self, gap: str, strings: StringStore) -> None:
        """Text MeCab skipped: a trailing space, or a ``空白`` token of its own."""
        if gap == " " and self.words:
            self.spaced.append(len(self.words) - 1)
            return
        self.words.append(gap)
        self.attrs.extend((strings.add(SPACE_TAG), strings.add(gap)))
        self.readings.append("")

    def to_doc(self, vocab: Vocab) -> Doc:
        spaces = [False] * len(self.words)
        for i in self.spaced:
            spaces[i] = True
        doc = Doc(vocab, words=self.words, spaces=spaces)
        if self.words:
            values = numpy.array(self.attrs, dtype=numpy.uint64).reshape(-1, 2)
            doc.from_array(_ATTRS, cast(Ints2d, values))
        doc._.readings = self.readings
        return doc


class FugashiTokenizer:
    """Text → Doc with UniDic tag, lemma and reading on every token (see module doc).

    ``self._memo`` maps each distinct UniDic feature string (one per dictionary entry)
    to its tag and lemma hashes and its reading, so each is parsed once: instance
    state, bounded, cleared when spaCy reloads the pipeline (which may reset the string
    store), and invisible in the output.
    """

    def __init__(self, vocab: Vocab) -> None:
        extensions.register()
        self.vocab = vocab
        self._memo: dict[str, Row] = {}

    def __call__(self, text: str) -> Doc:
        if len(self._memo) > _MAX_MEMO:
            self._memo.clear()
        parts = _DocParts()
        for n, segment in enumerate(text.split("\0")):   # MeCab stops at NUL
            if n:
                parts.add_gap("\0", self.vocab.strings)
            self._add_segment(segment, parts)
        return parts.to_doc(self.vocab)

    def _add_segment(self, text: str, parts: _DocParts) -> None:
        memo, strings = self._memo, self.vocab.strings
        add_word, add_attrs, add_reading = (parts.words.append, parts.attrs.extend,
                                            parts.readings.append)
        pos = 0
        for node in get_tagger()(text):
            surface = node.surface
            start = text.find(surface, pos)   # pos + len(node.white_space), by MeCab's design
            if start != pos:
                if start < 0 or not text[pos:start].isspace():
                    raise ValueError(f"fugashi token {surface!r} does not continue the text "
                                     f"at offset {pos} of {text[:40]!r}…; cannot align it")
                parts.add_gap(text[pos:start], strings)
            raw = node.feature_raw
            row = memo.get(raw)
            if row is None:
                row = memo[raw] = self._to_row(parse_feature(raw))
            hashes, reading = row
            add_word(surface)
            add_attrs(hashes if hashes[1] else (hashes[0], strings.add(surface)))
            add_reading(reading)
            pos = start + len(surface)
        if pos < len(text):
            parts.add_gap(text[pos:], strings)

    def _to_row(self, features: Features) -> Row:
        tag, lemma, reading = features
        strings = self.vocab.strings
        return (strings.add(tag), strings.add(lemma) if lemma else 0), reading

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    # spaCy saves and loads the tokenizer with the pipeline: there is nothing to keep.
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> FugashiTokenizer:
        self._memo.clear()
        return self

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: str | Path, **kwargs: Any) -> FugashiTokenizer:
        self._memo.clear()
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

    Also registers the extension attributes (``pipeline.nlp.extensions``).
    """
    import spacy

    from pipeline.nlp import extensions
    from pipeline.nlp.sentences import FACTORY

    extensions.register()
    config = {"nlp": {"tokenizer": {"@tokenizers": "whitepaper.FugashiTokenizer"}}}
    nlp = spacy.blank("xx", config=config)
    if sentences:
        nlp.add_pipe(FACTORY)
    return nlp
