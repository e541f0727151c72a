"""Runs of adjacent nouns, prefixes and suffixes in a paragraph's tokens: where an
unquoted LAW, PROGRAM or EVENT name can stand (``name_patterns``). ``noun_runs`` walks
the tokens; ``run_letters`` and ``letter_runs`` find the same runs from one letter per
token (N 名詞, P 接頭辞, S 接尾辞, J a joining mark, O anything else; n and p for a noun
and a prefix after a space, which start a run but join none) by a regular expression,
``[NPSnp][NPSJ]*``, a joining mark inside a run only and a run ending in a prefix or a
joining mark losing that token: ``noun_runs`` is a Python loop over every token, and
few runs end in a name."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.nlp.tokens import Token

RUN_JOINERS = ("・", "＆", "&", "－", "-")   # marks that join nouns into one run


def noun_runs(tokens: Sequence[Token]) -> list[list[Token]]:
    """Maximal runs of adjacent nouns, prefixes and suffixes (Latin and ・ inside)."""
    runs: list[list[Token]] = []
    run: list[Token] = []
    for tok in tokens:
        nounish = tok.pos1 in ("名詞", "接頭辞", "接尾辞") or (
            bool(run) and tok.text in RUN_JOINERS)
        if nounish and (not run or run[-1].end == tok.start):
            run.append(tok)
            continue
        if run:
            runs.append(run)
        run = [tok] if tok.pos1 in ("名詞", "接頭辞") else []
    if run:
        runs.append(run)
    trimmed = [r[:-1] if r[-1].pos1 not in ("名詞", "接尾辞") else r for r in runs]
    return [r for r in trimmed if r]


# One letter per token for ``name_run_bounds``: what ``noun_runs`` reads of a token.
_RUN_CODES = {"名詞": "N", "接頭辞": "P", "接尾辞": "S"}
_JOINER_CHAR = re.compile("|".join(re.escape(j) for j in RUN_JOINERS))
# after a space: a noun or prefix starts a new run, a joining mark joins nothing
_AFTER_GAP = {"N": "n", "P": "p", "J": "O", "O": "O"}
_RUN_LETTERS = re.compile(r"[NPSnp][NPSJ]*")


def run_letters(text: str, tokens: Sequence[Token]) -> list[str] | None:
    """One letter per token of ``text`` (see the module); None when a suffix follows a
    space (the letters cannot tell its run: ``noun_runs`` then)."""
    letters = _run_codes(tokens)
    _mark_joining_marks(text, tokens, letters)
    return letters if _mark_gaps(tokens, letters) else None


def _run_codes(tokens: Sequence[Token]) -> list[str]:
    """One letter per token, by its 品詞 level 1: N, P, S or O."""
    return [_RUN_CODES.get(token.pos1, "O") for token in tokens]


def _mark_joining_marks(text: str, tokens: Sequence[Token], letters: list[str]) -> None:
    """A joining mark (``・``, ``＆``…) that is a whole token and not a noun becomes J."""
    marks = list(_JOINER_CHAR.finditer(text))
    if not marks:
        return
    index_at = {token.start: i for i, token in enumerate(tokens)}
    for mark in marks:
        i = index_at.get(mark.start())
        if i is not None and tokens[i].end == mark.end() and letters[i] == "O":
            letters[i] = "J"


def _mark_gaps(tokens: Sequence[Token], letters: list[str]) -> bool:
    """Lower the letter of each token after a space (``_AFTER_GAP``); False when that
    token is a suffix (the letters cannot tell its run)."""
    for i in range(1, len(tokens)):
        if tokens[i - 1].end != tokens[i].start:
            if letters[i] == "S":
                return False
            letters[i] = _AFTER_GAP[letters[i]]
    return True


def letter_runs(letters: list[str]) -> list[tuple[int, int]]:
    """(first, end) of each run of letters, less a last prefix or joining mark."""
    bounds = []
    for run in _RUN_LETTERS.finditer("".join(letters)):
        first, end = run.span()
        if run.group()[-1] in "PJp":
            end -= 1
        if end > first:
            bounds.append((first, end))
    return bounds
