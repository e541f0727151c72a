"""Tokens seen on text folded to NFKC.

The organisation rules (``orgs``) match on folded text (``ＮＩＣＴ`` = ``NICT``, ``㈱`` =
``(株)``; ``pipeline.common.text.fold_with_offsets``) and map what they find back to the
text as printed. Their tokens are ``pipeline.nlp.tokens.Token`` records: those of the
nlp stage's Doc moved onto the folded text (``fold_tokens``), or, for text in no Doc (a
table cell), ``pipeline.nlp.tokens.tokenize`` of the folded text.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.nlp.tokens import Token


def fold_tokens(tokens: Sequence[Token], text: str, folded: str,
                origin: Sequence[int]) -> Sequence[Token]:
    """Tokens of ``text`` → the same tokens on its folded form (offsets and surfaces in
    ``folded``; tag, unknown and reading as they were).

    Most texts fold to the same length (offsets kept), and most tokens to themselves:
    only the tokens whose surface folding changed are made again."""
    if folded == text:
        return tokens
    if len(folded) == len(text):
        return [token if token.text == folded[token.start:token.end]
                else token._replace(text=folded[token.start:token.end]) for token in tokens]
    position = folded_positions(text, folded, origin).__getitem__
    return [token._replace(start=position(token.start), end=position(token.end),
                           text=folded[position(token.start):position(token.end)])
            for token in tokens]


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
