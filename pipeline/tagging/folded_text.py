"""Text folded to NFKC with offsets back to the original, and UniDic tokens of folded text.

The organisation rules (``org_patterns``), acronyms and table typing match on folded
text (``ＮＩＣＴ`` = ``NICT``, ``㈱`` = ``(株)``) and map what they find back to the text as
printed. Tokens come either from fugashi on the folded text (``tokenize``, or
``TokensOnDemand`` when a rule may not need them) or from a tokenizer that already ran on
the original text (``fold_tokens``: the nlp stage's Docs), so a paragraph is not
tokenised twice.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from typing import NamedTuple, overload

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


class TokensOnDemand(Sequence[Token]):
    """The tokens of a folded text, tokenised when first looked at: most texts (table
    cells above all) meet no rule that reads tokens, and tokenising is the costly part."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self._tokens: tuple[Token, ...] | None = None

    def _all(self) -> tuple[Token, ...]:
        if self._tokens is None:
            self._tokens = tokenize(self.folded)
        return self._tokens

    def __len__(self) -> int:
        return len(self._all())

    @overload
    def __getitem__(self, index: int) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Token]: ...

    def __getitem__(self, index: int | slice) -> Token | Sequence[Token]:
        return self._all()[index]

    def __iter__(self) -> Iterator[Token]:
        return iter(self._all())


class _FoldedChars(dict[int, str]):
    """Code point → its NFKC form, filled on first sight (a ``str.translate`` table)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = unicodedata.normalize("NFKC", chr(code))
        return folded


_FOLDED_CHARS = _FoldedChars()


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """NFKC per character, with the offset in ``text`` of every folded character.

    The list has one extra item, ``len(text)``, so an end offset maps too.
    """
    folded = text.translate(_FOLDED_CHARS)
    if len(folded) == len(text):   # no character became two or more: offsets are kept
        return folded, list(range(len(text) + 1))
    origin: list[int] = []
    for i, char in enumerate(text):
        origin.extend([i] * len(_FOLDED_CHARS[ord(char)]))
    origin.append(len(text))
    return folded, origin


def fold_tokens(tagged: Sequence[TaggedSpan], text: str, folded: str,
                origin: Sequence[int]) -> tuple[Token, ...]:
    """Tokens of ``text`` → Tokens of its folded form (offsets and surfaces in ``folded``).

    Folding works per character, so every token boundary of ``text`` is one of
    ``folded``: a token's folded start is the first folded character of its first
    character."""
    if len(folded) == len(text):
        position: Sequence[int] = origin
    else:
        at = [0] * (len(text) + 1)
        for j in range(len(origin) - 1, -1, -1):
            at[origin[j]] = j
        position = at
    levels = {tag: _pos_levels(tag) for tag in {tag for _, _, tag, _ in tagged}}
    return tuple([Token(position[start], position[end], folded[position[start]:position[end]],
                        *levels[tag], unknown) for start, end, tag, unknown in tagged])


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
