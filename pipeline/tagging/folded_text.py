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
import itertools
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple, TypeVar, overload

from pipeline.common.text import CharTable
from pipeline.nlp.tagger import get_tagger


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


class TaggedColumns(NamedTuple):
    """Tokens a tokenizer gave, as columns: what ``TaggedSpan`` tuples hold, one list per
    field. A Doc's arrays give columns directly, and the rules below read them without
    a tuple per token."""

    starts: Sequence[int]
    ends: Sequence[int]
    tags: Sequence[str]
    unknown: Sequence[bool]


class ColumnsOnDemand(OnDemand[TaggedSpan]):
    """Tagged spans that are columns underneath, made when first read: ``as_columns``
    takes the columns as they are, and only reading it as a sequence makes tuples.
    ``offsets``, when given, makes the start and end columns alone (cheaper than all)."""

    def __init__(self, make: Callable[[], TaggedColumns],
                 offsets: Callable[[], tuple[Sequence[int], Sequence[int]]] | None = None
                 ) -> None:
        super().__init__(lambda: list(zip(*self.columns(), strict=True)))
        self._make_columns = make
        self._make_offsets = offsets
        self._columns: TaggedColumns | None = None

    def columns(self) -> TaggedColumns:
        if self._columns is None:
            self._columns = self._make_columns()
        return self._columns

    def offsets(self) -> tuple[Sequence[int], Sequence[int]]:
        if self._make_offsets is None:
            return self.columns().starts, self.columns().ends
        return self._make_offsets()


Tagged = Sequence[TaggedSpan] | TaggedColumns


def as_columns(tagged: Tagged) -> TaggedColumns:
    """``tagged`` as columns (tuples are unzipped; columns are taken as they are)."""
    if isinstance(tagged, TaggedColumns):
        return tagged
    if isinstance(tagged, ColumnsOnDemand):
        return tagged.columns()
    if not tagged:
        return TaggedColumns([], [], [], [])
    starts, ends, tags, unknown = zip(*tagged, strict=True)
    return TaggedColumns(starts, ends, tags, unknown)


def folded_columns(tagged: Tagged, text: str, folded: str,
                   origin: Sequence[int]) -> tuple[Sequence[int], Sequence[int]]:
    """Start and end offsets of the tokens in ``folded`` (the columns' own when folding
    kept every offset: most texts)."""
    if isinstance(tagged, ColumnsOnDemand):
        starts, ends = tagged.offsets()
    else:
        starts, ends = as_columns(tagged)[:2]
    if len(folded) == len(text):
        return starts, ends
    position = folded_positions(text, folded, origin).__getitem__
    return list(map(position, starts)), list(map(position, ends))


def fold_tokens(tagged: Tagged, text: str, folded: str,
                origin: Sequence[int]) -> tuple[Token, ...]:
    """Tokens of ``text`` → Tokens of its folded form (offsets and surfaces in ``folded``).

    Built column by column with ``map`` (in C): a Python loop making a Token per token
    cost more than the rules that read them."""
    columns = as_columns(tagged)
    return _tokens_at(columns, *folded_columns(columns, text, folded, origin), folded)


def _tokens_at(columns: TaggedColumns, starts: Sequence[int], ends: Sequence[int],
               folded: str) -> tuple[Token, ...]:
    """``fold_tokens`` given the tokens' offsets in ``folded``."""
    levels = {tag: _pos_levels(tag) for tag in set(columns.tags)}
    pos1, pos2, pos3 = ({tag: parts[level] for tag, parts in levels.items()}.__getitem__
                        for level in range(3))
    surfaces = map(folded.__getitem__, map(slice, starts, ends))
    return tuple(map(functools.partial(tuple.__new__, Token),   # Token(...): a Python __new__
                     zip(starts, ends, surfaces, map(pos1, columns.tags),
                         map(pos2, columns.tags), map(pos3, columns.tags), columns.unknown,
                         strict=True)))


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
    """``fold_tokens(tagged, text, folded, origin)``, made when first read as a whole.

    What the ``org_patterns`` rules mostly ask is answered without making every token:
    the boundaries (short gazetteer forms, suffix words), the token starting at an
    offset (``offsets`` and one ``tokens[i]``), or which tokens have a part of speech
    (``indices_of``). A paragraph has hundreds of tokens; a rule reads a few."""

    def __init__(self, tagged: Tagged, text: str, folded: str,
                 origin: Sequence[int]) -> None:
        super().__init__(self._make_all)
        self._tagged = tagged
        self._text, self._folded, self._origin = text, folded, origin
        self._columns: TaggedColumns | None = None
        self._offsets: tuple[Sequence[int], Sequence[int]] | None = None

    def _make_all(self) -> tuple[Token, ...]:
        return _tokens_at(self.columns(), *self.offsets(), self._folded)

    def columns(self) -> TaggedColumns:
        """The tokens as columns of the original text."""
        if self._columns is None:
            self._columns = as_columns(self._tagged)
        return self._columns

    def offsets(self) -> tuple[Sequence[int], Sequence[int]]:
        """Start and end offsets of every token, in the folded text."""
        if self._offsets is None:
            tagged = self._tagged if self._columns is None else self._columns
            self._offsets = folded_columns(tagged, self._text, self._folded, self._origin)
        return self._offsets

    def boundaries(self) -> frozenset[int]:
        """The start and end offset of every token, in the folded text."""
        starts, ends = self.offsets()
        return frozenset(starts).union(ends)

    def indices_of(self, pos2: str, pos3: str) -> list[int]:
        """Indices of the tokens whose 品詞 levels 2 and 3 are ``pos2`` and ``pos3``."""
        tags = self.columns().tags
        wanted = {tag for tag in set(tags) if _pos_levels(tag)[1:] == (pos2, pos3)}
        if not wanted:
            return []
        return list(itertools.compress(itertools.count(), map(wanted.__contains__, tags)))

    def __len__(self) -> int:
        return len(self.offsets()[0])

    @overload
    def __getitem__(self, index: int) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Token]: ...

    def __getitem__(self, index: int | slice) -> Token | Sequence[Token]:
        if isinstance(index, slice) or self._items is not None:
            return self._all()[index]
        starts, ends = self.offsets()   # one token: the same fields fold_tokens gives it
        start, end = starts[index], ends[index]
        columns = self.columns()
        return Token(start, end, self._folded[start:end], *_pos_levels(columns.tags[index]),
                     columns.unknown[index])


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
