"""A paragraph Doc as the entity rules read it: ``ParagraphView``, made once per Doc.

The entity components (``pipeline.tagging.entities.components``) share one view per Doc, kept in
``doc.user_data[VIEW]`` while they run: its tokens as ``Tok`` tuples, UniDic tags by
token start, token boundaries, the noun runs the unquoted-name rules could match and the
folded text, each made when a rule first reads it.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from spacy.tokens import Doc

from pipeline.nlp.extensions import doc_text
from pipeline.tagging.doc_columns import (
    TagTable,
    TokenColumns,
    TokenOffsets,
    columns_to_toks,
    token_columns,
    token_offsets,
)
from pipeline.tagging.entities import patterns
from pipeline.tagging.folded_text import (
    ColumnsOnDemand,
    OnDemand,
    TaggedColumns,
    TaggedSpan,
    fold_with_offsets,
)

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
        self.tokens: Sequence[patterns.Tok] = OnDemand(self._tokens)
        self.tagged: Sequence[TaggedSpan] = ColumnsOnDemand(self._tagged, self._offsets)
        self._tag_table = (tag_table if tag_table is not None and tag_table.serves(doc)
                           else TagTable(doc.vocab.strings))

    @functools.cached_property
    def offsets(self) -> TokenOffsets:
        """What the columns are made from; alone, what the boundary rules read (half the
        paragraphs whose tokens are read need nothing else)."""
        return token_offsets(self.doc)

    @functools.cached_property
    def columns(self) -> TokenColumns:
        return token_columns(self.doc, self._tag_table, self.offsets)

    def _offsets(self) -> tuple[list[int], list[int]]:
        return self.offsets.starts, self.offsets.ends

    def _tokens(self) -> tuple[patterns.Tok, ...]:
        return columns_to_toks(self.columns, self.text)

    def _tagged(self) -> TaggedColumns:
        columns = self.columns
        return TaggedColumns(columns.starts, columns.ends, columns.tags, columns.unknown)

    @functools.cached_property
    def tag_at(self) -> dict[int, str]:
        """Token start → UniDic tag (its keys: the token starts)."""
        columns = self.columns
        return dict(zip(columns.starts, columns.tags, strict=True))

    @functools.cached_property
    def token_starts(self) -> frozenset[int]:
        return frozenset(self.offsets.starts)

    @functools.cached_property
    def token_ends(self) -> frozenset[int]:
        return frozenset(self.offsets.ends)

    @functools.cached_property
    def name_runs(self) -> list[list[patterns.Tok]]:
        """The noun runs an unquoted LAW, PROGRAM or EVENT rule could match (all of them
        when ``patterns.name_run_bounds`` cannot tell), with ``Tok`` tuples made for
        their tokens only."""
        columns = self.columns
        bounds = patterns.name_run_bounds(self.text, columns.starts, columns.ends,
                                          columns.pos1s)
        if bounds is None:
            return patterns.noun_runs(self.tokens)
        return [list(columns_to_toks(columns.between(first, end), self.text))
                for first, end in bounds]

    @functools.cached_property
    def folding(self) -> tuple[str, list[int]]:
        """``fold_with_offsets(text)``: the ORG and acronym rules match on folded text."""
        return fold_with_offsets(self.text)


def paragraph_view(doc: Doc, text: str | None = None,
                   tag_table: TagTable | None = None) -> ParagraphView:
    """The Doc's view: the one ``run_components`` made, or a new one (``text``: the
    Doc's text, when the caller has it; ``tag_table``: one shared by the chapter's Docs)."""
    view = doc.user_data.get(VIEW)
    if isinstance(view, ParagraphView):
        return view
    return ParagraphView(doc, doc_text(doc) if text is None else text, tag_table)
