"""Key technical terms: compound nouns scored by C-value (Frantzi, Ananiadou & Mima 2000).

Candidates are the contiguous sub-sequences (2 to ``max_words`` words) of maximal runs of
UniDic nouns (prefixes and suffixes inside) in running text, tokenised with the project's
fugashi tagger (unidic-lite). A candidate starts with a noun or prefix, ends with a noun
or suffix, and holds no numeral, symbol or Latin-only word. For a candidate ``a`` of
``|a|`` words seen ``f(a)`` times, nested in the longer candidates ``T_a``::

    C-value(a) = log2(|a|) * f(a)                                  if T_a is empty
               = log2(|a|) * (f(a) - sum(f(b) for b in T_a) / |T_a|)  otherwise

``key_terms`` keeps candidates seen at least ``min_frequency`` times with a C-value of at
least ``min_cvalue``.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from pipeline.nlp.tokenizer import get_tagger, parse_feature

RUNNING_TEXT = ("body", "column", "note")
_JAPANESE_CHAR = re.compile(r"[\u3041-\u309f\u30a1-\u30fa\u30fc\u4e00-\u9fff々]")
_NOUNISH = ("名詞", "接頭辞", "接尾辞")
_STOP_WORDS = frozenset({"等", "的", "化", "こと", "もの", "ため", "よう", "間", "ポイント", "円", "割", "当たり", "上", "下",
                         "年", "年度", "月", "日", "件", "人", "名", "社", "つ", "者", "額", "率",
                         "図", "表", "第", "約", "同", "各", "本", "当", "その他", "以上", "以下",
                         "以降", "以外", "現在", "時点", "全体", "前年", "前年度", "ほか", "他"})


@dataclass(frozen=True)
class Word:
    surface: str
    pos1: str
    pos2: str


def words_of(text: str) -> list[Word]:
    """UniDic words of ``text`` (level-1 and level-2 part of speech)."""
    words = []
    for node in get_tagger()(text):
        tag = parse_feature(node.feature_raw)[0].split("-")
        words.append(Word(node.surface, tag[0], tag[1] if len(tag) > 1 else ""))
    return words


def noun_runs(words: Sequence[Word]) -> list[list[Word]]:
    """Maximal runs of nouns, prefixes and suffixes, opened by an adjectival noun
    (``知的``) where one stands first; numerals and symbols break a run."""
    runs: list[list[Word]] = []
    run: list[Word] = []
    for word in words:
        adjectival = word.pos1 == "形状詞" and not run   # 知的 in 知的財産
        if (word.pos1 in _NOUNISH or adjectival) and word.pos2 != "数詞" \
                and _usable(word.surface):
            run.append(word)
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def _usable(surface: str) -> bool:
    """Kana, kanji and ー only: no digits, Latin or symbols (％, ・)."""
    return all(_JAPANESE_CHAR.match(c) for c in surface)


def candidates_of(run: Sequence[Word], max_words: int) -> Iterable[tuple[str, ...]]:
    """Sub-sequences of ``run`` that can be terms."""
    for i in range(len(run)):
        if run[i].pos1 == "接尾辞" or run[i].surface in _STOP_WORDS:
            continue
        for j in range(i + 2, min(len(run), i + max_words) + 1):
            if run[j - 1].pos1 in ("接頭辞", "形状詞") or run[j - 1].surface in _STOP_WORDS:
                continue
            yield tuple(w.surface for w in run[i:j])


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
    candidate (産業省 in 経済産業省), so they are fragments, not terms."""
    fragments = set()
    for longer, f in frequency.items():
        for i in range(len(longer)):
            for j in range(i + 2, len(longer) + 1):
                inner = longer[i:j]
                if inner != longer and frequency.get(inner) == f:
                    fragments.add(inner)
    return fragments


def key_terms(paragraphs: pd.DataFrame, min_frequency: int = 3, min_cvalue: float = 3.0,
              max_words: int = 6, kinds: Sequence[str] = RUNNING_TEXT) -> pd.DataFrame:
    """Key terms of the running text of ``paragraphs`` (all chapters), best first.

    Columns: ``term``, ``frequency``, ``c_value``, ``chapters`` (list, in order of first
    mention), ``first_chapter``, ``first_para_id``.
    """
    frequency: Counter[tuple[str, ...]] = Counter()
    where: dict[tuple[str, ...], list[tuple[str, str]]] = defaultdict(list)
    rows = paragraphs[paragraphs["kind"].isin(kinds)] if "kind" in paragraphs else paragraphs
    for chapter, para_id, text in rows[["chapter", "para_id", "text"]].itertuples(index=False):
        for run in noun_runs(words_of(text)):
            for cand in candidates_of(run, max_words):
                frequency[cand] += 1
                where[cand].append((chapter, para_id))
    scores = c_values(frequency)
    records = []
    always_nested = _always_nested(frequency)
    for cand, score in scores.items():
        if frequency[cand] < min_frequency or score < min_cvalue or cand in always_nested:
            continue
        if "前年" in "".join(cand):
            continue
        places = where[cand]
        chapters = list(dict.fromkeys(c for c, _ in places))
        records.append({"term": "".join(cand), "frequency": frequency[cand],
                        "c_value": round(score, 3), "chapters": chapters,
                        "first_chapter": places[0][0], "first_para_id": places[0][1]})
    frame = pd.DataFrame(records, columns=["term", "frequency", "c_value", "chapters",
                                           "first_chapter", "first_para_id"])
    return frame.sort_values(["c_value", "term"], ascending=[False, True],
                             ignore_index=True)
