"""PROGRAM, LAW, EVENT, ACRONYM and quoted-body rules as pure functions.

Every function takes a paragraph's text (and, where word boundaries matter, its tokens
as ``pipeline.nlp.tokens.Token`` records) and returns ``PatternMatch`` records with offsets into that text, so
``text[m.start:m.end]`` is the mention as printed. ``pipeline.tagging.entities.components`` turns
them into spaCy spans; nothing here knows about spaCy.

- names in 「…」 (one level of nesting, ``「「知」の集積と活用の場 産学官連携協議会」``)
  are classified by their last word: ``…プログラム/事業/制度/計画/戦略…`` PROGRAM,
  ``…法/法律`` and a treaty's (``treaties``: ``…条約/協定``) LAW, ``…フェア/シンポジウム/フォーラム…`` EVENT, ``…会議/協議会/
  委員会/検討会`` ORG; an acronym in brackets after a PROGRAM name is part of the
  mention (``研究成果最適展開支援プログラム（Ａ－ＳＴＥＰ）``) but not of its canonical
  name; a law number that follows (``（平成10年法律第52号）``) is part of a LAW mention;
- unquoted names: a noun run ending in 法 (``改正産業競争力強化法``, ``不正競争防止法``,
  ``ＪＩＳ法``), a noun run ending in a programme word with a long katakana or a Latin
  head (``クロスアポイントメント制度``, ``ＳＢＩＲ制度``), a katakana event name
  (``地域マッチングフォーラム``), a treaty (LAW, in ``treaties``: a noun run ending in
  条約, 協定, 議定書 or 憲章 with a name's shape, ``日米安全保障条約``), a meeting named
  after a foreign city (EVENT: ``ミュンヘン安全保障会議``);
  The three unquoted rules take ``runs=noun_runs(tokens)`` from a caller that runs all
  three, so the runs are found once, or only the runs ``name_run_bounds`` keeps (those
  holding a rule's last word: the same names);
- PLACE: in ``pipeline.tagging.entities.places`` (``pipeline/data/places.tsv``);
- ACRONYM and NAME: in ``pipeline.tagging.entities.latin_names``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from pipeline.common.lexicons import word_list, word_map
from pipeline.common.text import fold_nfkc
from pipeline.nlp.tokens import Token
from pipeline.tagging.entities.acronym_forms import is_acronym, is_english_phrase
from pipeline.tagging.entities.expansions import expansion_of
from pipeline.tagging.entities.foreign_names import is_foreign_word
from pipeline.tagging.entities.name_extents import (
    over_adjectival_noun,
    over_glued_adjectival,
    over_kana_word,
    over_verb_stem,
)
from pipeline.tagging.entities.noun_runs import letter_runs, noun_runs, run_letters
from pipeline.tagging.entities.org_words import NAME_GENERIC_HEADS
from pipeline.tagging.entities.pattern_match import PatternMatch
from pipeline.tagging.entities.treaties import TREATY_WORDS, is_quoted_treaty

PROGRAM_WORDS = word_list("program_words")
# Words that name a programme only with its acronym (「外国特許情報サービス（ＦＯＰＩＳＥＲ）」);
# alone they are survey categories (「クラウドコンピューティングサービス」).
SERVICE_WORDS = ("サービス",)
# Programme words that make an unquoted noun run a name (クロスアポイントメント制度).
UNQUOTED_PROGRAM_WORDS = word_list("program_words_unquoted")
PROGRAM_THING_WORDS = word_list("program_thing_words")
LAW_WORDS = ("法律", "法案", "法", "施行令", "施行規則")   # an order under an Act is law too
EVENT_WORDS = word_list("event_words")
BODY_WORDS = word_list("body_words")
# Words before 法 that make it a method, not a law (予兆法, 予防法, 手法, 方法).
METHOD_HEADS = frozenset(word_list("law_method_heads"))

_QUOTED = re.compile(r"「((?:[^「」。]|「[^「」。]*」){1,80})」")
_LAW_NUMBER = re.compile(r"\s*[（(](?:平成|昭和|令和|大正|明治)[0-9０-９元]{1,2}年法律第[0-9０-９]{1,4}号[）)]")
_ACRONYM_BRACKET = re.compile(r"[（(]([^（）()]{1,60})[）)]$")
_YEAR_NAME = re.compile(r"^([\u30a1-\u30fa\u30fc・A-Za-zＡ-Ｚａ-ｚ]{4,}\s?(?:19|20|１９|２０)[0-9０-９]{2})")
_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]+")
_LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")


# --------------------------------------------------------------------------- quoted names


def quoted_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside each outermost 「…」 (nested quotes allowed)."""
    return [(m.start(1), m.end(1)) for m in _QUOTED.finditer(text)]


def classify_quoted(text: str, start: int, end: int,
                    tokens: Callable[[], Sequence[Token]] | None = None) -> PatternMatch | None:
    """A quoted name → PROGRAM, LAW, EVENT or ORG by its last word, or None. ``tokens``:
    the text's tokens, read to tell a law from a method when a name ends in 法."""
    name = text[start:end]
    bare, bracket = _strip_trailing_acronym(name)
    head = _strip_year(bare)
    english = fold_nfkc(bracket) if bracket and is_english_phrase(fold_nfkc(bracket)) else ""
    if _ends_with(head, LAW_WORDS) and not _is_method(head):
        number = _LAW_NUMBER.match(text, end + 1)
        if number:
            return PatternMatch(start - 1, number.end(), "LAW", bare, "law_quoted_numbered",
                                english)
        if head.endswith("法") and tokens is not None and \
                not _quoted_law_shaped(text, start, start + len(head), tokens()):
            return None
        return PatternMatch(start, end, "LAW", bare, "law_quoted", english)
    if is_quoted_treaty(text, start, start + len(bare), tokens):   # 「気候変動に関する国際連合枠組条約」
        return PatternMatch(start, end, "LAW", bare, "treaty_quoted", english)
    event = _YEAR_NAME.match(name)
    if event and not _ends_with(event.group(1)[:-4].rstrip(), PROGRAM_WORDS):
        cut = start + event.end(1)
        return PatternMatch(start, cut, "EVENT", text[start:cut], "event_quoted_year")
    if _ends_with(head, EVENT_WORDS):
        return PatternMatch(start, end, "EVENT", name, "event_quoted")
    if _ends_with(head, BODY_WORDS):
        return PatternMatch(start, end, "ORG", name, "org_quoted_body")
    if _ends_with(head, PROGRAM_WORDS) or (bracket and _ends_with(head, SERVICE_WORDS)):
        if not bracket and _names_a_kind(head, start, tokens):
            return None
        how = "program_quoted_acronym" if bracket else "program_quoted"
        return PatternMatch(start, end, "PROGRAM", bare, how, english)
    return None


def _names_a_kind(head: str, start: int,
                  tokens: Callable[[], Sequence[Token]] | None) -> bool:
    """Is the quoted ``head`` (at ``start``) a thing word of program_thing_words.tsv after
    one common acronym or one common noun (「ＡＩシステム」, 「クラウドプログラム」)?"""
    word = next((w for w in PROGRAM_THING_WORDS if head.endswith(w) and len(head) > len(w)),
                None)
    if word is None:
        return False
    rest = head[:-len(word)]
    if expansion_of(rest) is not None:
        return True
    if tokens is None:
        return False
    inside = [t for t in tokens() if start <= t.start and t.end <= start + len(rest)]
    return len(inside) == 1 and inside[0].text == rest and inside[0].pos2 == "普通名詞"


def find_quoted(text: str, tokens: Callable[[], Sequence[Token]] | None = None
                ) -> list[PatternMatch]:
    """Every classifiable 「…」 name in ``text`` (``tokens``: as for ``classify_quoted``)."""
    found = [classify_quoted(text, s, e, tokens) for s, e in quoted_names(text)]
    return [m for m in found if m is not None]


def _quoted_law_shaped(text: str, start: int, end: int, tokens: Sequence[Token]) -> bool:
    """Is the quoted name ``text[start:end]`` (ending in 法) a law by its shape?"""
    inside = [t for t in tokens if start <= t.start and t.end <= end]
    if not inside or inside[-1].text != "法" or inside[-1].end != end:
        return True   # 法 inside a longer token: leave the name as it was
    return law_shaped(inside[:-1], text, start, end + 1)


def _strip_trailing_acronym(name: str) -> tuple[str, str]:
    """``研究成果最適展開支援プログラム（Ａ－ＳＴＥＰ）`` → (name, ``Ａ－ＳＴＥＰ``)."""
    bracket = _ACRONYM_BRACKET.search(name)
    if bracket and (is_acronym(fold_nfkc(bracket.group(1)))
                    or is_english_phrase(fold_nfkc(bracket.group(1)))):
        return name[:bracket.start()], bracket.group(1)
    return name, ""


def _strip_year(name: str) -> str:
    return re.sub(r"\s?(?:19|20|１９|２０)[0-9０-９]{2}$", "", name)


def _ends_with(name: str, words: Sequence[str]) -> bool:
    return any(name.endswith(w) and len(name) > len(w) for w in words)


def _is_method(name: str) -> bool:
    return name.endswith("方法") or name.endswith("手法") or (
        name.endswith("法") and name[:-1] in METHOD_HEADS)


# --------------------------------------------------------------------------- unquoted names


def name_run_bounds(text: str, tokens: Sequence[Token]) -> list[tuple[int, int]] | None:
    """(first, last + 1) token indices of the runs of ``noun_runs`` that an unquoted LAW,
    PROGRAM or EVENT rule could match; None when a suffix follows a space (whether it
    starts a run depends on the token before it: ``noun_runs`` then). The runs are read
    off one letter per token (``noun_runs.run_letters``), and a run is kept when it holds
    what a rule needs (``_may_end_in_name``)."""
    letters = run_letters(text, tokens)
    if letters is None:
        return None
    return [(first, end) for first, end in letter_runs(letters)
            if _may_end_in_name(text, tokens, first, end)]


def _may_end_in_name(text: str, tokens: Sequence[Token], first: int, end: int) -> bool:
    """Does the run hold what a rule needs: 法 after its first token, a programme word
    last, or an event word's last character at its end? (The tokens of a run are
    adjacent: ``text[tokens[first].end:…]`` is its tokens after the first.)"""
    last = tokens[end - 1]
    return ("法" in text[tokens[first].end:last.end]
            or any(word in text[tokens[first].end:last.end] for word in TREATY_WORDS)
            or text[last.start:last.end] in UNQUOTED_PROGRAM_WORDS
            or text[last.start:last.end] in CITY_MEETING_WORDS
            or text[last.end - 1] in _EVENT_LAST_CHARS)


def find_unquoted_laws(text: str, tokens: Sequence[Token],
                       runs: Sequence[Sequence[Token]] | None = None) -> list[PatternMatch]:
    """``改正産業競争力強化法``, ``不正競争防止法``, ``統計法（平成19年法律第53号）``."""
    found = []
    ending: dict[int, Token] | None = None
    for run in (noun_runs(tokens) if runs is None else runs):
        for i, tok in enumerate(run):
            if tok.text != "法" or i == 0:
                continue
            head = run[:i]
            if ending is None:
                ending = {t.end: t for t in tokens}
            head = over_adjectival_noun(head, ending)
            head = over_verb_stem(head, ending)
            joins = [n for n, t in enumerate(head) if t.text in ("・", "&", "＆")
                     and n > 0 and head[n - 1].text == "法"]
            if joins:   # 予兆法・予防法: a list, not one name (ＡＩ・データ法 is one)
                head = head[joins[-1] + 1:]
            while head and (head[0].text in NAME_GENERIC_HEADS or head[0].pos1 == "接尾辞"):
                head = head[1:]
            name = text[head[0].start:tok.end] if head else ""
            if len(name) < 3 or head[-1].text in METHOD_HEADS or _is_method(name) \
                    or any(c.isdigit() for c in name) \
                    or not law_shaped(head, text, head[0].start, tok.end):
                continue
            end = tok.end
            if i + 1 < len(run) and run[i + 1].text == "案" and run[i + 1].start == end:
                end = run[i + 1].end   # ＡＩ法案: the bill
                name = text[head[0].start:end]
            number = _LAW_NUMBER.match(text, end)
            how = "law_unquoted"
            if number:
                end, how = number.end(), "law_unquoted_numbered"
            start = over_glued_adjectival(head, ending, over_kana_word(head, ending))
            name = text[start:head[0].start] + name
            found.append(PatternMatch(start, end, "LAW", name, how))
    return found


_LAW_CONTEXTS = word_map("law_contexts")
_AFTER_LAW = tuple(w for w, where in _LAW_CONTEXTS.items() if where == "after")
_BEFORE_LAW = tuple(w for w, where in _LAW_CONTEXTS.items() if where == "before")


# Words that end a meeting's name after a foreign city's (ミュンヘン安全保障会議): the
# name is an EVENT, as its English (a Conference) is, and not a body to romanise.
CITY_MEETING_WORDS = ("会議",)


def law_shaped(head: Sequence[Token], text: str, start: int, after: int) -> bool:
    """Has the name made of ``head`` + 法 (``text[start:after]``) a law's shape rather than
    a method's (学習法, 施工法, 活用法)? Two or more words before 法 (不正競争防止法,
    著作権法), or one that is no verbal noun (特許法, ＪＩＳ法); else a law number or a
    word of law_contexts.tsv next to it (放送法においては, 改正統計法)."""
    if len(head) >= 2 or (head and "サ変" not in head[0].tag):
        return True
    return (_LAW_NUMBER.match(text, after) is not None
            or text.startswith(_AFTER_LAW, after)
            or text.endswith(_BEFORE_LAW, 0, start))


def find_unquoted_programs(text: str, tokens: Sequence[Token],
                           runs: Sequence[Sequence[Token]] | None = None) -> list[PatternMatch]:
    """``クロスアポイントメント制度``, ``ＳＢＩＲ制度``: a programme word after a long
    katakana word (8 letters or more, the programme word not counted: パイロットプログラム
    is a kind of programme) or a Latin acronym, in one noun run. A common acronym alone
    (``acronyms.tsv``: ＡＩプログラム, ＡＩプロジェクト) names a kind, not a programme."""
    found = []
    for run in (noun_runs(tokens) if runs is None else runs):
        last = run[-1]
        if last.text not in UNQUOTED_PROGRAM_WORDS or len(run) < 2:
            continue
        head = run[:-1]
        while head and head[0].text in NAME_GENERIC_HEADS:
            head = head[1:]
        if not head:
            continue
        name = text[head[0].start:last.end]
        words = text[head[0].start:head[-1].end]   # the name without its programme word
        katakana = max((len(k) for k in _KATAKANA.findall(words)), default=0)
        if katakana >= 8 or (_LATIN.search(words) and not _common_acronym(head)):
            found.append(PatternMatch(head[0].start, last.end, "PROGRAM", name,
                                      "program_unquoted"))
    return found


def _common_acronym(words: Sequence[Token]) -> bool:
    """Is ``words`` one common acronym of ``acronyms.tsv`` (ＡＩ, ＩｏＴ), a common noun?"""
    return len(words) == 1 and expansion_of(words[0].text) is not None


_UNQUOTED_EVENT_WORDS = word_list("event_words_unquoted")
_EVENT_LAST_CHARS = frozenset(word[-1] for word in _UNQUOTED_EVENT_WORDS)
# The last word of every unquoted name: a text holding none of them holds no such name.
_LAST_WORDS = ("法", *TREATY_WORDS, *UNQUOTED_PROGRAM_WORDS, *_UNQUOTED_EVENT_WORDS,
               *CITY_MEETING_WORDS)
_UNQUOTED_LAST_WORD = re.compile("|".join(re.escape(word) for word in _LAST_WORDS))
# Every place one of them starts, overlapping ones too (none is a prefix of another, so
# the group is the one word there).
_LAST_WORD_AT = re.compile(f"(?=({_UNQUOTED_LAST_WORD.pattern}))")


def may_hold_unquoted_names(text: str, starts: Collection[int] | None = None,
                            ends: Collection[int] | None = None) -> bool:
    """False when none of the unquoted LAW, PROGRAM and EVENT rules can match ``text``:
    a caller may then skip finding noun runs. Each rule needs its last word in the text;
    given the token offsets (``starts`` and ``ends``), also where the rule reads it: 法
    and a programme word are a whole token (``tok.text``), an event word ends the run
    and so a token. (``方法``, one token, then holds no law.)"""
    if starts is None or ends is None:
        return _UNQUOTED_LAST_WORD.search(text) is not None
    for match in _LAST_WORD_AT.finditer(text):
        start, word = match.start(), match.group(1)
        if start + len(word) in ends and (word in _UNQUOTED_EVENT_WORDS or start in starts):
            return True
    return False


def find_unquoted_events(text: str, tokens: Sequence[Token],
                         runs: Sequence[Sequence[Token]] | None = None) -> list[PatternMatch]:
    """``地域マッチングフォーラム``, ``サマーオープンフェスティバル``: a katakana event word
    after at least three characters of name in one noun run."""
    found = []
    ending: dict[int, Token] | None = None
    for run in (noun_runs(tokens) if runs is None else runs):
        if text[run[-1].end - 1] not in _EVENT_LAST_CHARS:
            continue   # most runs: no event word can end here
        if ending is None:
            ending = {t.end: t for t in tokens}
        run = over_adjectival_noun(run, ending)
        if run[0].pos1 == "接尾辞":
            continue   # cut from a longer word
        name = text[run[0].start:run[-1].end]
        for word in _UNQUOTED_EVENT_WORDS:
            if name.endswith(word) and len(name) - len(word) >= 3 \
                    and run[0].text not in NAME_GENERIC_HEADS and "・" not in name:
                body = _followed_by_body_word(text, run[-1].end)
                found.append(PatternMatch(run[0].start, run[-1].end,
                                          "ORG" if body else "EVENT", name,
                                          "event_unquoted_body" if body else "event_unquoted"))
    return found


def opens_with_a_foreign_city(tokens: Sequence[Token], start: int) -> bool:
    """Does the token at ``start`` name a foreign city of ``places.tsv`` (ミュンヘン,
    ジュネーブ; not 札幌市), with nouns glued after it?"""
    from pipeline.tagging.entities.places import is_foreign_city  # places reads name rules

    at = next((i for i, t in enumerate(tokens) if t.start == start), None)
    return at is not None and at + 1 < len(tokens) and \
        tokens[at + 1].start == tokens[at].end and is_foreign_city(tokens[at].text)


def named_for_its_venue(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Is ``start``–``end`` a meeting named by one foreign proper noun in katakana and a
    word of ``CITY_MEETING_WORDS`` alone (``ダートマス会議``, ``ヤルタ会議``: named for
    where it was held, as a body's name seldom is; ``foreign_names``)?"""
    at = next((i for i, t in enumerate(tokens) if t.start == start), None)
    if at is None or at + 1 >= len(tokens):
        return False
    word, meeting = tokens[at], tokens[at + 1]
    return meeting.start == word.end and meeting.end == end and \
        meeting.text in CITY_MEETING_WORDS and is_foreign_word(word)


def find_city_meetings(text: str, tokens: Sequence[Token],
                       runs: Sequence[Sequence[Token]] | None = None) -> list[PatternMatch]:
    """``ミュンヘン安全保障会議``: a noun run ending in a word of ``CITY_MEETING_WORDS``
    whose name opens with a foreign city of ``places.tsv``, from the city on, as EVENT
    (a body the gazetteer lists keeps its ORG: it ranks first at the same offsets); and
    a meeting ``named_for_its_venue`` (``ダートマス会議``)."""
    found = []
    for run in (noun_runs(tokens) if runs is None else runs):
        if run[-1].text not in CITY_MEETING_WORDS or len(run) < 2:
            continue
        if named_for_its_venue(tokens, run[-2].start, run[-1].end):
            found.append(PatternMatch(run[-2].start, run[-1].end, "EVENT",
                                      text[run[-2].start:run[-1].end], "event_venue_meeting"))
            continue
        opens = next((t for t in run[:-1] if t.pos3 == "地名"), None)
        if opens is None or not opens_with_a_foreign_city(tokens, opens.start):
            continue
        found.append(PatternMatch(opens.start, run[-1].end, "EVENT",
                                  text[opens.start:run[-1].end], "event_city_meeting"))
    return found


_BODY_CONTEXTS = word_list("event_body_contexts")
_LATIN_BRACKET = re.compile(r"[（(][^（）()]*[A-Za-zＡ-Ｚａ-ｚ][^（）()]*[）)]")


def _followed_by_body_word(text: str, end: int) -> bool:
    """Does a word of a body's members or organs (event_body_contexts.tsv) follow the
    name ending at ``end``, after an acronym's bracket and の if any (太平洋諸島フォーラム
    （ＰＩＦ）の首脳会議)? Then the name is a body's, not an event's."""
    bracket = _LATIN_BRACKET.match(text, end)
    at = bracket.end() if bracket else end
    if text.startswith("の", at):
        at += 1
    return text.startswith(_BODY_CONTEXTS, at)
