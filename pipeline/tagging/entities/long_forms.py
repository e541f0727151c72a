"""Japanese long forms: the noun phrase before a bracket that an acronym stands for.

``japanese_long_form(folded, bracket_start, acronym)`` gives the span of the trailing run
of nouns, prefixes, suffixes, Latin words and joining marks (``・``, ``＆``, ``－``) before
the bracket, cut at particles, verbs, punctuation, quotes and spaces, so in ``…支援する
「研究成果最適展開支援プログラム（Ａ－ＳＴＥＰ）`` it is ``研究成果最適展開支援プログラム``.
A lone common noun (``事業``) is too vague, and a phrase must look whole: not cut from a
longer word (after ``・``, a digit or an adjectival noun, or at the window's edge), no
referring prefix (``新会社``: ``name_leading_referents.tsv``), and, given the acronym,
enough words for its capitals (``enough_words``). Given the acronym, a phrase with fewer
words than the acronym has capitals is taken back over what qualifies it, when that is
an adjectival noun of kanji and katakana with ``な`` (``持続可能な開発目標（ＳＤＧｓ）``,
``持続可能な航空燃料（ＳＡＦ）``; or a noun used as one, ``大規模な言語モデル（ＬＬＭ）``,
kept as printed, な and all, as the listed 持続可能な開発目標 is) or a noun phrase with
``に関する`` (``気候変動に関する政府間パネル（ＩＰＣＣ）``): the capitals ask for those
words, and the phrase without them is a cut-off tail; after a clause that ends in a verb
(``自由で開かれたインド太平洋（ＦＯＩＰ）``) such a tail defines nothing. Used by
``acronyms``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.common.lexicons import word_list
from pipeline.common.text import fold_with_offsets
from pipeline.nlp.tokens import Token, has_latin, tokenize

_Span = tuple[int, int]
_KANJI_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc\u4e00-\u9fff々]")
_KATAKANA_WORD = re.compile(r"[\u30a1-\u30fa\u30fc]+")
_JOINERS = frozenset("・&-ー/")
_NOUN_POS = frozenset({"名詞", "接頭辞", "接尾辞"})
_WINDOW = 80
_KANA_FREE = re.compile(r"[\u30a1-\u30fa\u30fc\u4e00-\u9fff]+")
# The shortest adjectival phrase taken back over (持続可能, 大規模): shorter ones (新た,
# 重要, 様々) qualify a name rather than belong to it.
_MIN_ADJECTIVAL = 3
# Prefixes that refer to a body rather than name it (新会社, 同社): name_leading_referents.tsv
REFERRING_PREFIXES = frozenset(word_list("name_leading_referents"))
# The body a two-kanji referring word names (同社, 当省), name_referent_bodies.tsv: 新型 is
# no referent but part of the name after it (新型コロナウイルス感染症).
REFERRED_BODIES = frozenset(word_list("name_referent_bodies"))


def japanese_long_form(folded: str, bracket_start: int, acronym: str = "") -> _Span | None:
    """The noun phrase that ends right before ``bracket_start``, or None; given the
    ``acronym`` it stands for, None too when the phrase does not look whole (module
    docstring)."""
    run = long_form_run(folded, bracket_start, acronym)
    if run is None:
        return None
    span, tokens = run
    if acronym and not enough_words(tokens, acronym):
        return None
    return span


def long_form_run(folded: str, bracket_start: int, acronym: str = ""
                  ) -> tuple[_Span, list[Token]] | None:
    """The span and tokens of the noun phrase before ``bracket_start``: None when there
    is none, it is one common noun, or it was cut from a longer word. Given the
    ``acronym``, taken back over a qualifier its capitals ask for (module docstring)."""
    window_start = max(0, bracket_start - _WINDOW)
    window = folded[window_start:bracket_start]
    tokens = tokenize(window)
    run = _trailing_noun_run(tokens, len(window))
    while run and (run[0].pos1 == "接尾辞" or run[0].text in _JOINERS):
        run = run[1:]
    run = _without_referring_prefix(run)
    if not _whole(tokens, run, window, window_start):
        return None
    if len(run) == 1 and run[0].pos2 == "普通名詞":
        return None
    start, end = run[0].start, run[-1].end
    if end - start < 2 or not _KANJI_KATAKANA.search(window[start:end]):
        return None
    if acronym and _word_count(run) < _capitals(acronym):
        longer = _with_qualifier(tokens, run)
        if longer and _whole(tokens, longer, window, window_start):
            run = longer
        elif _after_clause(tokens, run) and _short_of_capitals(run, acronym):
            return None
    return (window_start + run[0].start, window_start + end), run


def _short_of_capitals(run: Sequence[Token], acronym: str) -> bool:
    """Has the run fewer words of its own than the acronym has capitals it does not print
    (ＰＣＴ協働調査試行プログラム（ＰＣＴ ＣＳ&Ｅ）: ＰＣＴ stands for itself)?"""
    latin = [t for t in run if has_latin(t.text)]
    printed = sum(_capitals(t.text) for t in latin)
    words = _word_count([t for t in run if not has_latin(t.text)], katakana_parts=True)
    return words < _capitals(acronym) - printed


def _after_clause(tokens: Sequence[Token], run: Sequence[Token]) -> bool:
    """Does a verb or an auxiliary other than な end right where the run starts? A clause
    then qualifies the phrase (自由で開かれた|インド太平洋（ＦＯＩＰ）), and a phrase short of
    the acronym's capitals is the cut-off tail of the name."""
    before = [t for t in tokens if t.end == run[0].start]
    return bool(before) and before[0].pos1 in ("動詞", "助動詞") and before[0].text != "な"


def _whole(tokens: Sequence[Token], run: Sequence[Token], window: str,
           window_start: int) -> bool:
    """Is the run a phrase of its own: not empty, not cut from a longer word, not at the
    edge of a window cut from the text?"""
    return bool(run) and not _cut_from_longer_word(tokens, run, window) and \
        not (run[0].start == 0 and window_start > 0)


def _with_qualifier(tokens: Sequence[Token], run: list[Token]) -> list[Token] | None:
    """The run with what qualifies it right before: an adjectival noun or a noun of
    kanji and katakana (``_MIN_ADJECTIVAL`` characters or more, nouns and prefixes
    before it included) and ``な`` (``持続可能な``, ``大規模な``), or a noun phrase and
    ``に関する`` (``気候変動に関する``); None when neither is there."""
    at = next(i for i, token in enumerate(tokens) if token is run[0])
    glue = [t.text for t in tokens[max(at - 2, 0):at]]
    if at >= 2 and glue[-1] == "な" and tokens[at - 1].pos1 == "助動詞" \
            and _adjectival(tokens[at - 2]):
        head = _trailing_noun_run(tokens[:at - 2], tokens[at - 2].start) + [tokens[at - 2]]
        text = "".join(t.text for t in head)
        if len(text) >= _MIN_ADJECTIVAL and _KANA_FREE.fullmatch(text) \
                and _adjacent(head):
            return [*head, *tokens[at - 1:at], *run]
    if at >= 3 and glue == ["に", "関する"]:
        head = _trailing_noun_run(tokens[:at - 2], tokens[at - 2].start)
        if head and _word_count(head) >= 1:
            return [*head, *tokens[at - 2:at], *run]
    return None


def _adjectival(token: Token) -> bool:
    """Can ``token`` end what qualifies a noun with な: an adjectival noun (持続|可能) or a
    noun used as one (大|規模, 高|性能)? Not the suffix 的: ``具体的な``, ``基本的な`` judge
    a thing more often than they name a kind of it."""
    return token.pos1 in ("形状詞", "名詞")


def _adjacent(tokens: Sequence[Token]) -> bool:
    return all(a.end == b.start for a, b in zip(tokens, tokens[1:], strict=False))


def _capitals(acronym: str) -> int:
    return sum(c.isupper() for c in fold_with_offsets(acronym)[0])


def _cut_from_longer_word(tokens: Sequence[Token], run: Sequence[Token], window: str) -> bool:
    """Does the run start right after a joining mark, a digit or a decimal point, an
    adjectival noun glued to it (法的・社会的課題, 3.9-4世代) or a bracket of Latin
    letters (…プログラム（ＧＣＡＰ）政府間機関)?"""
    start = run[0].start
    if start == 0:
        return False
    before = window[start - 1]
    if before in "・.-" or before.isdigit() or run[0].text[0].isdigit():
        return True
    if before == ")" and _latin_bracket_before(window, start - 1):
        return True
    previous = [t for t in tokens if t.end == start]
    return bool(previous) and previous[0].pos1 == "形状詞"


def _latin_bracket_before(window: str, close: int) -> bool:
    """Does the bracket closing at ``close`` hold Latin letters, an acronym defined inside
    a longer name (グローバル戦闘航空プログラム（ＧＣＡＰ）政府間機関: the name goes on past
    the bracket, and the words after it are its tail)?"""
    open_at = window.rfind("(", 0, close)
    return open_at >= 0 and has_latin(window[open_at + 1:close])


def _without_referring_prefix(run: list[Token]) -> list[Token]:
    """``新会社トヨタ…`` → ``トヨタ…``, ``同社ＡＩ研究所`` → ``ＡＩ研究所``: a referring prefix
    and the common noun after it are no part of the name that follows them; a word of
    two kanji only when its second names a body (``新型コロナウイルス`` keeps 新型)."""
    if len(run) >= 3 and run[0].pos1 == "接頭辞" and run[0].text in REFERRING_PREFIXES \
            and run[1].pos2 == "普通名詞" and _starts_name(run[2]):
        return run[2:]
    if len(run) >= 2 and run[0].pos2 == "普通名詞" and len(run[0].text) == 2 \
            and run[0].text[0] in REFERRING_PREFIXES and run[0].text[1] in REFERRED_BODIES \
            and _starts_name(run[1]):
        return run[1:]
    return run


def _starts_name(token: Token) -> bool:
    return token.namelike or bool(_KATAKANA_WORD.fullmatch(token.text))


def enough_words(tokens: Sequence[Token], acronym: str, minimum: int = 1) -> bool:
    """Does a long form of ``tokens`` hold enough words for ``acronym``: one for two of its
    capitals, at most three needed and at least ``minimum``? Suffixes, prefixes and
    joining marks do not count; adjacent katakana tokens are one word (チャットボット)."""
    needed = max(minimum, min(3, (_capitals(acronym) + 1) // 2))
    return _word_count(tokens) >= needed


def _word_count(tokens: Sequence[Token], katakana_parts: bool = False) -> int:
    """Nouns, katakana adjectival nouns (グローバル, デジタル) and Latin words of
    ``tokens``; adjacent katakana tokens are one word, unless ``katakana_parts`` (ストック|
    テイク then counts two, as the capitals of Stock Take do)."""
    words = 0
    previous_katakana = False
    for token in tokens:
        katakana = bool(_KATAKANA_WORD.fullmatch(token.text))
        if token.pos1 != "名詞" and not has_latin(token.text) \
                and not (katakana and token.pos1 == "形状詞"):
            previous_katakana = False
            continue
        if katakana_parts or not (katakana and previous_katakana):
            words += 1
        previous_katakana = katakana
    return words


def _trailing_noun_run(tokens: Sequence[Token], end: int) -> list[Token]:
    """The tokens of the noun phrase ending at ``end``; an adjectival noun (最適) may
    stand inside it, before a noun, and spaces only between Latin words."""
    run: list[Token] = []
    for token in reversed(tokens):
        if token.end != (run[0].start if run else end):
            if not (run and has_latin(token.text) and has_latin(run[0].text)):
                break
        inner_adjectival = bool(run) and token.pos1 == "形状詞" and (
            run[0].pos1 == "名詞" or _noun_suffix(run[0])
            or _katakana_before_dot(token, run[0]))
        if not (_noun_like(token) or inner_adjectival):
            break
        run.insert(0, token)
    return run


def _noun_suffix(token: Token) -> bool:
    """A suffix that makes a noun of the adjectival noun before it (多様|性, 生物多様性条約
    …; UniDic's 接尾辞 名詞的)."""
    return token.pos1 == "接尾辞" and token.pos2 == "名詞的"


def _katakana_before_dot(token: Token, after: Token) -> bool:
    """Is ``token`` a katakana word joined by ``・`` to the next one, a word of a name
    spelt in katakana whatever UniDic tags it (ユニバーサル|・|ヘルス|・|カバレッジ)?"""
    return after.text == "・" and bool(_KATAKANA_WORD.fullmatch(token.text))


def _noun_like(token: Token) -> bool:
    surface = token.text
    if has_latin(surface) or surface in _JOINERS:
        return True
    if token.pos1 not in _NOUN_POS:
        return False
    kana_only = all("\u3041" <= c <= "\u309f" for c in surface)
    return not kana_only or token.pos2 == "固有名詞"
