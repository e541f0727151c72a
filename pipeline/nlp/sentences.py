"""Japanese sentence boundaries: a pure ``sentence_spans`` and the spaCy component using it.

Rules:
- a sentence ends after ``。``, ``！``, ``？``, ``!``, ``?`` (a run of them counts once)
  and at a line break;
- never inside a matched pair of 「」, 『』, （）, (), 【】 (``「…。」と述べた。`` and
  ``（注。）`` stay whole); a bracket left unmatched is ignored, so a stray ``（`` does
  not swallow the rest of the paragraph;
- closing brackets right after the end mark, and the whitespace after it, stay with the
  sentence, so the spans partition the text: ``"".join(text[s:e] for s, e in spans) ==
  text``;
- text without a final end mark is (the rest of) one sentence.

``．`` and ``.`` are not end marks: white papers print ``１．`` in lists and ``5.0`` in
numbers.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from typing import cast

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

from pipeline.nlp.extensions import doc_text

FACTORY = "whitepaper_sentences"
END_MARKS = "。！？!?"
OPENERS = "「『（(【"
CLOSERS = "」』）)】"
_OPENER_OF = dict(zip(CLOSERS, OPENERS, strict=True))
_BRACKET = re.compile(f"[{re.escape(OPENERS + CLOSERS)}]")
_END = re.compile(f"[{re.escape(END_MARKS)}\n]")
_START, _NOT_START = 1, 2**64 - 1   # SENT_START values: 1 and -1 as uint64
_TAIL = re.compile(rf"[{re.escape(END_MARKS + CLOSERS)}]*\s*")


def bracketed_ranges(text: str) -> list[tuple[int, int]]:
    """Outermost matched bracket pairs as ``(opener offset, closer offset + 1)``, sorted.

    A closer pops back to its own opener (openers left open above it are dropped); a
    closer with no opener, and openers never closed, open no range.
    """
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for match in _BRACKET.finditer(text):
        char, pos = match.group(), match.start()
        if char in OPENERS:
            stack.append((char, pos))
            continue
        opener = _OPENER_OF[char]
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == opener:
                pairs.append((stack[depth][1], pos + 1))
                del stack[depth:]
                break
    return _outermost(pairs)


def _outermost(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for start, end in sorted(pairs):
        if ranges and start < ranges[-1][1]:
            continue   # nested in the previous range (pairs never cross)
        ranges.append((start, end))
    return ranges


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of ``text``, covering all of it."""
    if not text:
        return []
    first = _END.search(text)
    if first is None or _tail_end(text, first.start()) == len(text):
        # every end mark is in the text's last tail: one sentence, brackets or not
        return [(0, len(text))]
    return spans_by_rules(text)


def spans_by_rules(text: str) -> list[tuple[int, int]]:
    """``sentence_spans`` of a non-empty text, without its shortcut for one sentence."""
    ranges = bracketed_ranges(text)
    range_starts = [start for start, _ in ranges]
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        pos = match.start()
        if pos < start:
            continue   # already taken into the previous sentence's tail
        k = bisect.bisect_right(range_starts, pos) - 1
        if k >= 0 and pos < ranges[k][1]:
            continue   # inside brackets
        end = _tail_end(text, pos)
        spans.append((start, end))
        start = end
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _tail_end(text: str, end_mark: int) -> int:
    """Where the sentence ending at ``end_mark`` ends: after the end marks, closing
    brackets and whitespace that follow it."""
    tail = _TAIL.match(text, end_mark + 1)
    return tail.end() if tail else end_mark + 1


class SentenceSplitter:
    """Sets ``token.is_sent_start`` from ``sentence_spans(doc.text)``.

    A span starting inside a token (MeCab joined an end mark to what follows) starts at
    the next token instead.
    """

    def __init__(self, name: str = FACTORY) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        n_tokens = len(doc)
        if not n_tokens:
            return doc
        later_spans = sentence_spans(doc_text(doc))[1:]
        values = [_NOT_START] * n_tokens
        values[0] = _START
        if later_spans:   # most paragraphs are one sentence: no token offsets needed
            token_starts = doc.to_array(IDX).tolist()
            for char_start, _ in later_spans:
                i = bisect.bisect_left(token_starts, char_start)
                if i < n_tokens:
                    values[i] = _START
        column = numpy.array(values, dtype=numpy.uint64).reshape(-1, 1)
        doc.from_array([SENT_START], cast(Ints2d, column))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 1000) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory(FACTORY, assigns=["token.is_sent_start"])
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(name)
