"""Tokens seen on text folded to NFKC.

The organisation rules (``orgs``), acronyms and table typing match on folded text
(``ＮＩＣＴ`` = ``NICT``, ``㈱`` = ``(株)``; ``pipeline.common.text.fold_with_offsets``)
and map what they find back to the text as printed. Their tokens are ``pipeline.nlp.tokens.Token`` records: those of the nlp
stage's Doc moved onto the folded text (``fold_tokens``), or, for text in no Doc,
``pipeline.nlp.tokens.tokenize`` of the folded text.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.nlp.tokens import Token


def fold_tokens(tokens: Sequence[Token], text: str, folded: str,
                origin: Sequence[int]) -> tuple[Token, ...]:
    """Tokens of ``text`` → the same tokens on its folded form (offsets and surfaces in
    ``folded``; tag, unknown and reading as they were).

    Built column by column with ``map`` (in C): a Python loop making a Token per token
    cost more than the rules that read them."""
    if not tokens:
        return ()
    starts, ends, _, *rest = zip(*tokens, strict=True)
    if len(folded) != len(text):
        position = folded_positions(text, folded, origin).__getitem__
        starts, ends = tuple(map(position, starts)), tuple(map(position, ends))
    surfaces = map(folded.__getitem__, map(slice, starts, ends))
    return tuple(map(tuple.__new__, [Token] * len(tokens),
                     zip(starts, ends, surfaces, *rest, strict=True)))


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
