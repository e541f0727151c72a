"""A paragraph Doc as the entity rules read it: ``ParagraphView``, made once per Doc.

The entity components (``pipeline.tagging.entities.components``) share one view per Doc,
kept in ``doc.user_data[VIEW]`` while they run:
its folded text; its tokens (``pipeline.nlp.tokens.Token``, read from the Doc's arrays
once), UniDic tags by token start, token boundaries and the noun runs the unquoted-name
rules could match, each made when a rule first reads it.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from spacy.tokens import Doc

from pipeline.common.text import fold_with_offsets
from pipeline.nlp.extensions import doc_text
from pipeline.nlp.tokens import TagTable, Token, doc_tokens, token_offsets
from pipeline.tagging.entities import name_patterns, noun_runs

VIEW = "whitepaper_paragraph_view"   # doc.user_data key, set and removed by run_components


class ParagraphView:
    """A paragraph Doc as the entity rules read it, made once per Doc and shared by the
    components.

    spaCy joins ``doc.text`` and makes Token objects anew on every access; five
    components each doing so cost more than the rules themselves. Tokens, noun runs and
    the folded text are made when a rule first reads them: most paragraphs hold nothing
    that a token rule could match."""

    def __init__(self, doc: Doc, text: str, tag_table: TagTable | None = None) -> None:
        self.doc = doc
        self.text = text
        self._tag_table = tag_table
        # ``fold_with_offsets(text)``: the ORG and acronym rules match on the folded text
        # and the chapter's names are read from it, so every paragraph's is made
        self.folding: tuple[str, list[int]] = fold_with_offsets(text)

    @functools.cached_property
    def tokens(self) -> tuple[Token, ...]:
        return doc_tokens(self.doc, self._tag_table, self.text)

    def get_tokens(self) -> tuple[Token, ...]:
        """``self.tokens``, as a function (for rules that read tokens only if they must)."""
        return self.tokens

    @functools.cached_property
    def tag_at(self) -> dict[int, str]:
        """Token start → UniDic tag (its keys: the token starts)."""
        return {token.start: token.tag for token in self.tokens}

    @functools.cached_property
    def token_at(self) -> dict[int, Token]:
        """Token start → token (its keys: the token starts)."""
        return {token.start: token for token in self.tokens}

    @functools.cached_property
    def token_ending(self) -> dict[int, Token]:
        """Token end → token."""
        return {token.end: token for token in self.tokens}

    @functools.cached_property
    def offsets(self) -> tuple[list[int], list[int]]:
        """The tokens' start and end offsets, alone: what the boundary checks read."""
        if "tokens" in vars(self):
            return [token.start for token in self.tokens], [token.end for token in self.tokens]
        return token_offsets(self.doc)

    @functools.cached_property
    def token_starts(self) -> frozenset[int]:
        return frozenset(self.offsets[0])

    @functools.cached_property
    def token_ends(self) -> frozenset[int]:
        return frozenset(self.offsets[1])

    def boundaries(self) -> frozenset[int]:
        """Every token start and end."""
        return self.token_starts | self.token_ends

    @functools.cached_property
    def name_runs(self) -> list[list[Token]]:
        """The noun runs an unquoted LAW, PROGRAM or EVENT rule could match (all of them
        when ``name_patterns.name_run_bounds`` cannot tell)."""
        tokens = self.tokens
        bounds = name_patterns.name_run_bounds(self.text, tokens)
        if bounds is None:
            return noun_runs.noun_runs(tokens)
        return [list(tokens[first:end]) for first, end in bounds]


def paragraph_views(docs: Sequence[Doc], texts: Sequence[str] | None = None
                    ) -> list[ParagraphView]:
    """A view of each Doc (``texts``: their texts, when the caller has them), sharing one
    tag table: the Docs of a chapter share a vocabulary."""
    tag_table = TagTable(docs[0].vocab.strings) if docs else None
    return [ParagraphView(doc, doc_text(doc) if texts is None else texts[k], tag_table)
            for k, doc in enumerate(docs)]


def paragraph_view(doc: Doc, text: str | None = None,
                   tag_table: TagTable | None = None) -> ParagraphView:
    """The Doc's view: the one ``run_components`` made, or a new one (``text``: the
    Doc's text, when the caller has it; ``tag_table``: one shared by the chapter's Docs)."""
    view = doc.user_data.get(VIEW)
    if isinstance(view, ParagraphView):
        return view
    return ParagraphView(doc, doc_text(doc) if text is None else text, tag_table)
