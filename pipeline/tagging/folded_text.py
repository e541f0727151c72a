"""Text folded to NFKC with offsets back to the original, and UniDic tokens of folded text.

The organisation rules (``org_patterns``), acronyms and table typing match on folded
text (``ＮＩＣＴ`` = ``NICT``, ``㈱`` = ``(株)``) and map what they find back to the text as
printed. Tokens come either from fugashi on the folded text (``tokenize``, or
``TokensOnDemand`` when a rule may not need them) or from a tokenizer that already ran on
the original text (``fold_tokens``, or ``FoldedTokens`` made when first read: the nlp
stage's Docs), so a paragraph is not tokenised twice.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple, TypeVar, overload

from pipeline.nlp.tagger import get_tagger
from pipeline.text import CharTable


class Token(NamedTuple):
    """A UniDic token of the folded text (a tuple: a paragraph makes hundreds)."""

    start: int
    end: int
    surface: str
    pos1: str
    pos2: str
    pos3: str
    unknown: bool

    @property
    def namelike(self) -> bool:
        """A proper noun, an unknown word or a Latin word: what starts a new name."""
        if any(c.isdigit() for c in self.surface) and not has_latin(self.surface):
            return False
        return self.pos2 == "固有名詞" or self.unknown or has_latin(self.surface)


# A token as a tokenizer gave it: offsets in the text, UniDic tag (``名詞-固有名詞-人名``),
# and whether the word is unknown to the dictionary.
TaggedSpan = tuple[int, int, str, bool]
T = TypeVar("T")


class OnDemand(Sequence[T]):
    """The items ``make()`` returns, made when first looked at: most paragraphs and
    table cells meet no rule that reads tokens, and making them is the costly part."""

    def __init__(self, make: Callable[[], Sequence[T]]) -> None:
        self._make = make
        self._items: Sequence[T] | None = None

    def _all(self) -> Sequence[T]:
        if self._items is None:
            self._items = self._make()
        return self._items

    def __len__(self) -> int:
        return len(self._all())

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...

    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        return self._all()[index]

    def __iter__(self) -> Iterator[T]:
        return iter(self._all())


class TokensOnDemand(OnDemand[Token]):
    """The tokens of a folded text, tokenised when first looked at."""

    def __init__(self, folded: str) -> None:
        super().__init__(functools.partial(tokenize, folded))


def _nfkc(char: str) -> str:
    return unicodedata.normalize("NFKC", char)


_FOLDED_CHARS = CharTable(_nfkc)   # code point → its NFKC form


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """NFKC per character, with the offset in ``text`` of every folded character.

    The list has one extra item, ``len(text)``, so an end offset maps too.
    """
    folded = text.translate(_FOLDED_CHARS)
    if len(folded) == len(text):   # no character became two or more: offsets are kept
        return folded, list(range(len(text) + 1))
    origin: list[int] = []
    for i, char in enumerate(text):
        origin.extend([i] * len(_FOLDED_CHARS[ord(char)] or ""))
    origin.append(len(text))
    return folded, origin


def fold_tokens(tagged: Sequence[TaggedSpan], text: str, folded: str,
                origin: Sequence[int]) -> tuple[Token, ...]:
    """Tokens of ``text`` → Tokens of its folded form (offsets and surfaces in ``folded``)."""
    levels = {tag: _pos_levels(tag) for tag in {tag for _, _, tag, _ in tagged}}
    new_token = tuple.__new__   # Token(...) runs a Python-level __new__ per token
    if len(folded) == len(text):   # offsets are kept (most texts)
        return tuple([new_token(Token, (start, end, folded[start:end], *levels[tag], unknown))
                      for start, end, tag, unknown in tagged])
    position = folded_positions(text, folded, origin)
    return tuple([new_token(Token, (position[start], position[end],
                                    folded[position[start]:position[end]], *levels[tag], unknown))
                  for start, end, tag, unknown in tagged])


def folded_positions(text: str, folded: str, origin: Sequence[int]) -> Sequence[int]:
    """Offset in ``text`` → offset in ``folded`` (``origin`` maps the other way).

    Folding works per character, so every token boundary of ``text`` is one of
    ``folded``: a token's folded start is the first folded character of its first
    character."""
    if len(folded) == len(text):
        return origin
    at = [0] * (len(text) + 1)
    for j in range(len(origin) - 1, -1, -1):
        at[origin[j]] = j
    return at


class FoldedTokens(OnDemand[Token]):
    """``fold_tokens(tagged, text, folded, origin)``, made when first read; their
    boundaries are known without making them (the short-form and suffix-word
    rules of ``org_patterns`` read those first, and often only those)."""

    def __init__(self, tagged: Sequence[TaggedSpan], text: str, folded: str,
                 origin: Sequence[int]) -> None:
        super().__init__(functools.partial(fold_tokens, tagged, text, folded, origin))
        self._tagged = tagged
        self._position = functools.partial(folded_positions, text, folded, origin)

    def boundaries(self) -> frozenset[int]:
        """The start and end offset of every token, in the folded text."""
        position = self._position()
        return frozenset([position[start] for start, _, _, _ in self._tagged]
                         + [position[end] for _, end, _, _ in self._tagged])


@functools.lru_cache(maxsize=4096)   # UniDic has a few hundred tags
def _pos_levels(tag: str) -> tuple[str, str, str]:
    """``名詞-固有名詞-地名-一般`` → (``名詞``, ``固有名詞``, ``地名``); "" where missing."""
    pos1, _, rest = tag.partition("-")
    pos2, _, rest = rest.partition("-")
    return pos1, pos2, rest.partition("-")[0]


def tokenize(text: str) -> tuple[Token, ...]:
    """UniDic tokens of ``text`` with character offsets."""
    tokens = []
    cursor = 0
    for word in get_tagger()(text):
        surface = word.surface
        start = text.find(surface, cursor)
        if start < 0:
            continue
        cursor = start + len(surface)
        # the first three feature fields (part of speech: never quoted); reading the raw
        # CSV is several times faster than fugashi's parsed ``word.feature``
        pos1, pos2, pos3 = (word.feature_raw.split(",", 3) + ["", "", ""])[:3]
        tokens.append(Token(start, cursor, surface, pos1, pos2, pos3, bool(word.is_unk)))
    return tuple(tokens)


def has_latin(text: str) -> bool:
    """Does ``text`` hold an ASCII letter?"""
    return any("A" <= c <= "Z" or "a" <= c <= "z" for c in text)
