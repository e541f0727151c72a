"""Key technical terms: compound nouns scored by C-value (Frantzi, Ananiadou & Mima 2000).

Candidates are the contiguous sub-sequences (2 to ``max_words`` words) of maximal runs of
UniDic nouns (prefixes and suffixes inside) in running text. The words are
``pipeline.nlp.tokens.Token`` records made from the nlp stage's token rows (``tokens``),
so the text is not tokenised again; ``words_of`` is ``pipeline.nlp.tokens.tokenize``, for
a text without token rows (and the reference the token rows are tested against). A
candidate starts with a noun or prefix, ends with a noun or suffix, holds at least two
content words (not counting prefixes and suffixes: 専門家, 次世代 and 可能性 are words of the
general vocabulary), no numeral, symbol or Latin-only word, and no white space MeCab
skipped (a line break in a table cell); it does not start or end with a word of
``term_stop_words.tsv`` (等, 関係, 傾向 …) and is not in ``generic_terms.tsv`` (地域企業).
For a candidate ``a`` of ``|a|`` words seen ``f(a)`` times, nested in the longer
candidates ``T_a``::

    C-value(a) = log2(|a|) * f(a)                                  if T_a is empty
               = log2(|a|) * (f(a) - sum(f(b) for b in T_a) / |T_a|)  otherwise

``terms_of_words`` keeps candidates seen at least ``min_frequency`` times with a C-value of
at least ``min_cvalue``; it reads the paragraphs' words one at a time, so the corpus need
not be held at once.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence

import numpy
import pandas as pd

from pipeline.common.lexicons import word_list
from pipeline.errors import PipelineError
from pipeline.nlp.tagger import SPACE_TAG
from pipeline.nlp.tokens import Token, tokenize, tokens_of_rows

RUNNING_TEXT = ("body", "column", "note")
TOKEN_COLUMNS = ("chapter", "para_id", "surface", "pos", "pos_detail", "start", "reading")
_JAPANESE_TEXT = re.compile(r"[\u3041-\u309f\u30a1-\u30fa\u30fc\u4e00-\u9fff々]*")
_NOUNISH = ("名詞", "接頭辞", "接尾辞")
_STOP_WORDS = frozenset(word_list("term_stop_words"))
_GENERIC_TERMS = frozenset(word_list("generic_terms"))
_AFFIXES = ("接頭辞", "接尾辞")
# Whitespace MeCab skips: no word for words_of, but a 空白 token of its own in ``tokens``
# (the nlp stage keeps it so the tokens rebuild the text). ``　`` is a word for both.
_MECAB_SKIPS = " \t\n\v"


ParagraphWords = tuple[str, str, list[Token]]   # chapter, para_id, words


def words_of(text: str) -> list[Token]:
    """UniDic words of ``text`` (``tokenize``)."""
    return list(tokenize(text))


def words_of_tokens(surfaces: Sequence[str], pos: Sequence[str], pos_detail: Sequence[str],
                    starts: Sequence[int], readings: Sequence[str]) -> list[Token]:
    """The words ``words_of`` gives for the text that token rows (``tokens``: surface,
    pos, pos_detail, start, reading) tokenise: the same, less the whitespace tokens MeCab
    skipped."""
    words = tokens_of_rows(surfaces, pos, pos_detail, starts, readings)
    if SPACE_TAG not in pos:
        return words
    return [word for word in words if word.pos1 != SPACE_TAG or word.text.strip(_MECAB_SKIPS)]


def token_rows_by_paragraph(tokens: pd.DataFrame) -> dict[tuple[str, str], slice]:
    """(chapter, para_id) → its token rows (the nlp stage writes them together)."""
    if tokens.empty:
        return {}
    chapter, para_id = tokens["chapter"], tokens["para_id"]
    starts = (chapter != chapter.shift()) | (para_id != para_id.shift())
    bounds = numpy.flatnonzero(starts.fillna(True).to_numpy(dtype=bool)).tolist()
    keys = zip(chapter.iloc[bounds].tolist(), para_id.iloc[bounds].tolist(), strict=True)
    rows: dict[tuple[str, str], slice] = {}
    for key, start, end in zip(keys, bounds, [*bounds[1:], len(tokens)], strict=True):
        if key in rows:
            raise PipelineError(f"tokens: the rows of paragraph {key[0]} {key[1]} are not "
                                "together; rebuild the chapter's nlp stage (`make all`)")
        rows[key] = slice(start, end)
    return rows


def running_words(paragraphs: pd.DataFrame, tokens: pd.DataFrame | None = None,
                  kinds: Sequence[str] = RUNNING_TEXT) -> Iterator[ParagraphWords]:
    """(chapter, para_id, words) of each paragraph of ``kinds``, in paragraph order.

    ``tokens``: the nlp stage's token rows of these paragraphs (``TOKEN_COLUMNS``; rows
    of other paragraphs are skipped); None tokenises each text with ``words_of``. Words
    are made a paragraph at a time, as they are asked for: a chapter's words held at once
    cost more in garbage collection than making them.
    """
    rows = paragraphs[paragraphs["kind"].isin(kinds)] if "kind" in paragraphs else paragraphs
    records = zip(*(rows[c].tolist() for c in ("chapter", "para_id", "text")), strict=True)
    if tokens is None:
        for chapter, para_id, text in records:
            yield chapter, para_id, words_of(text)
        return
    where = token_rows_by_paragraph(tokens)
    columns = [tokens[c].tolist() for c in TOKEN_COLUMNS[2:]]
    for chapter, para_id, text in records:
        found = where.get((chapter, para_id))
        if found is None and text:
            raise PipelineError(f"tokens: no rows for paragraph {chapter} {para_id} "
                                f"({text[:20]!r}…); rebuild the chapter's nlp stage and "
                                "the combined output/tokens.parquet (`make all`)")
        yield chapter, para_id, ([] if found is None else
                                 words_of_tokens(*(column[found] for column in columns)))


def noun_runs(words: Sequence[Token]) -> list[list[Token]]:
    """Maximal runs of nouns, prefixes and suffixes, opened by an adjectival noun
    (``知的``) where one stands first; numerals and symbols break a run."""
    runs: list[list[Token]] = []
    run: list[Token] = []
    previous: Token | None = None
    for word in words:
        surface, pos1, pos2 = word.text, word.pos1, word.pos2
        if run and word.start != run[-1].end:   # white space MeCab skipped: a break
            runs.append(run)
            run = []
        adjectival = pos1 == "形状詞" and not run   # 知的 in 知的財産
        if (pos1 in _NOUNISH or adjectival) and pos2 != "数詞" and _usable(surface) \
                and not _counts(word, previous):
            run.append(word)
        else:
            if run:
                runs.append(run)
            run = []
        previous = word
    if run:
        runs.append(run)
    return runs


def _counts(word: Token, previous: Token | None) -> bool:
    """A counter right after a numeral counts it (か所 of 5,400か所設置, 年度 of 2030年度
    目標): a piece of a quantity, where no term starts."""
    return previous is not None and previous.pos2 == "数詞" and previous.end == word.start \
        and "助数詞" in (word.pos2 + word.pos3)


def _usable(surface: str) -> bool:
    """Kana, kanji and ー only: no digits, Latin or symbols (％, ・)."""
    return _JAPANESE_TEXT.fullmatch(surface) is not None


Span = tuple[int, int]


def candidates_with_termhood(run: Sequence[Token], max_words: int
                             ) -> Iterable[tuple[tuple[str, ...], bool, Span]]:
    """Sub-sequences of ``run`` that can be terms, each with whether it may be published:
    a compound of at least two content words (a noun with a prefix or suffix, 専門家,
    次世代, 可能性, is a derived word of the general vocabulary, not a term) and not in
    ``generic_terms.tsv``. The others are counted all the same, so that what is nested
    in them is known to be (都道府 of 都道府県). Each comes with its span in ``run``."""
    for i in range(len(run)):
        if run[i].pos1 == "接尾辞" or run[i].text in _STOP_WORDS:
            continue
        content = int(run[i].pos1 not in _AFFIXES)
        for j in range(i + 2, min(len(run), i + max_words) + 1):
            content += run[j - 1].pos1 not in _AFFIXES
            if run[j - 1].pos1 in ("接頭辞", "形状詞") or run[j - 1].text in _STOP_WORDS:
                continue
            words = tuple(w.text for w in run[i:j])
            yield words, content >= 2 and "".join(words) not in _GENERIC_TERMS, (i, j)


def outside_generic(candidates: Sequence[tuple[tuple[str, ...], bool, Span]]
                    ) -> Iterable[tuple[str, ...]]:
    """The candidates of one run that do not lie inside an ordinary compound of
    ``generic_terms.tsv`` there (都道 inside 都道府県 does)."""
    generic = [span for words, _, span in candidates if "".join(words) in _GENERIC_TERMS]
    for words, _, (i, j) in candidates:
        if not any(g <= i and j <= h and (g, h) != (i, j) for g, h in generic):
            yield words


def c_values(frequency: Counter[tuple[str, ...]]) -> dict[tuple[str, ...], float]:
    """C-value of every candidate, given how often each was seen."""
    nested_in: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for longer in frequency:
        seen = set()
        for i in range(len(longer)):
            for j in range(i + 2, len(longer) + 1):
                inner = longer[i:j]
                if inner != longer and inner in frequency and inner not in seen:
                    seen.add(inner)
                    nested_in[inner].append(longer)
    scores = {}
    for cand, f in frequency.items():
        weight = math.log2(len(cand))
        outer = nested_in.get(cand)
        if outer:
            scores[cand] = weight * (f - sum(frequency[b] for b in outer) / len(outer))
        else:
            scores[cand] = weight * f
    return scores


def _always_nested(frequency: Counter[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """Candidates never seen on their own: every occurrence sits inside one longer
    candidate (産業省 in 経済産業省), or is followed (preceded) by a word that makes a
    longer candidate of it, as often as it is seen (地域包括 of 地域包括ケア and
    地域包括支援, 国立研究 of 国立研究開発 and 国立研究機構): fragments, not terms."""
    fragments = set()
    right: Counter[tuple[str, ...]] = Counter()   # occurrences with a word after them
    left: Counter[tuple[str, ...]] = Counter()
    for longer, f in frequency.items():
        if len(longer) > 2:
            right[longer[:-1]] += f
            left[longer[1:]] += f
        for i in range(len(longer)):
            for j in range(i + 2, len(longer) + 1):
                inner = longer[i:j]
                if inner != longer and frequency.get(inner) == f:
                    fragments.add(inner)
    fragments.update(c for c, f in frequency.items() if right[c] >= f or left[c] >= f)
    return fragments


def terms_of_words(paragraph_words: Iterable[ParagraphWords], min_frequency: int = 3,
                   min_cvalue: float = 3.0, max_words: int = 6) -> pd.DataFrame:
    """Key terms of the words of running-text paragraphs (all chapters, in reading
    order), best first.

    Columns: ``term``, ``frequency``, ``c_value``, ``chapters`` (list, in order of first
    mention), ``first_chapter``, ``first_para_id``, ``first_paras`` (the first paragraph in
    each chapter: a list of (chapter, para_id)).
    """
    frequency: Counter[tuple[str, ...]] = Counter()
    first_place: dict[tuple[str, ...], tuple[str, str]] = {}
    generic: set[tuple[str, ...]] = set()
    outside: Counter[tuple[str, ...]] = Counter()   # occurrences outside a generic compound
    chapters_of: dict[tuple[str, ...], dict[str, str]] = defaultdict(dict)
    for chapter, para_id, words in paragraph_words:
        for run in noun_runs(words):
            candidates = list(candidates_with_termhood(run, max_words))
            for cand, publishable, _ in candidates:
                if not publishable:
                    generic.add(cand)
                frequency[cand] += 1
                first_place.setdefault(cand, (chapter, para_id))
                chapters_of[cand].setdefault(chapter, para_id)
            outside.update(outside_generic(candidates))
    scores = c_values(frequency)
    records = []
    always_nested = _always_nested(frequency)
    for cand, score in scores.items():
        if frequency[cand] < min_frequency or score < min_cvalue or cand in always_nested \
                or cand in generic or outside[cand] < min_frequency:
            continue
        if "前年" in "".join(cand):
            continue
        first_chapter, first_para_id = first_place[cand]
        records.append({"term": "".join(cand), "frequency": frequency[cand],
                        "c_value": round(score, 3), "chapters": list(chapters_of[cand]),
                        "first_chapter": first_chapter, "first_para_id": first_para_id,
                        "first_paras": list(chapters_of[cand].items())})
    frame = pd.DataFrame(records, columns=["term", "frequency", "c_value", "chapters",
                                           "first_chapter", "first_para_id",
                                           "first_paras"])
    return frame.sort_values(["c_value", "term"], ascending=[False, True],
                             ignore_index=True)


def key_terms(paragraphs: pd.DataFrame, min_frequency: int = 3, min_cvalue: float = 3.0,
              max_words: int = 6, kinds: Sequence[str] = RUNNING_TEXT,
              tokens: pd.DataFrame | None = None) -> pd.DataFrame:
    """Key terms of the running text of ``paragraphs`` (``terms_of_words``); ``tokens``:
    their token rows (None: tokenise the texts)."""
    return terms_of_words(running_words(paragraphs, tokens, kinds), min_frequency,
                          min_cvalue, max_words)
