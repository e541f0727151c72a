"""The candidate record every organisation rule returns, and the lazy token views the
rules share (``find_orgs`` in ``orgs`` makes tokens only when a rule first reads them)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from pipeline.nlp.tokens import Token
from pipeline.tagging.entities.gazetteer import GazetteerEntry

# Tokens made when a rule first calls for them: most paragraphs and table cells meet no
# rule that reads tokens, and making them is the costly part.
TokensOf = Callable[[], Sequence[Token]]
CutsOf = Callable[[], Collection[int]]   # token boundaries, made when first called


@dataclass(frozen=True)
class OrgCandidate:
    start: int  # offsets in the folded text
    end: int
    canonical: str
    entry: GazetteerEntry | None
    type: str
    how: str


def token_boundaries(tokens: Sequence[Token]) -> frozenset[int]:
    return frozenset([t.start for t in tokens] + [t.end for t in tokens])

