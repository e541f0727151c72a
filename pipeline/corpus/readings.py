"""How glossary terms read: readings in katakana and あいうえお order (the romaji is
``pipeline.corpus.glossary_romaji``, the Markdown table ``pipeline.corpus.glossary_markdown``).

A term is read in pieces:

- compounds in ``pipeline/data/compound_readings.tsv`` whose second word voices
  (``株式会社`` カブシキガイシャ; UniDic reads 株式 + 会社 word by word), and names that
  read 日本 as にほん (``日本学術振興会`` ニホン…; UniDic reads ニッポン);
- runs of digits as numbers (``フランス2030`` → フランスニセンサンジュウ; ``4.0`` →
  ヨンテンゼロ), not digit by digit; a version number of 1 to 20 after a hyphen that
  follows Latin letters or right after a name with small letters (``GPT-4``, ``PaLM2``)
  or a name of ``english_number_names.tsv`` (``G7`` ジーセブン) in English (フォー, ツー:
  ``english_number_readings.tsv``), not after capitals alone (``WG6``, ``TC251``:
  committee numbers);
- runs of Latin letters: ``pipeline/data/latin_word_readings.tsv`` (spoken as a word:
  ``BOOST`` ブースト, ``TICAD`` ティカッド, which UniDic spells out), else UniDic's reading
  where it reads the run as one word (``ＩＴ`` アイティー, ``ＡＣＴＩＯＮ`` アクション), else,
  for a name of several words
  (``DeepMind``), the readings of UniDic's loanwords for its words (ディープマインド;
  ``OpenAI``: オープン + エーアイ) where it knows them all, else letter by letter from
  ``letter_readings.tsv``, and the row flagged ``spelled`` when the run has three or
  more letters: nobody said how it is read — unless the run is a word rather than an
  acronym (``pipeline.corpus.latin_said``: two small letters in a row, ``Sakana``, an
  English word in capitals, ``INVITE``, or capitals of four letters or more that look like
  a word, ``STUFF``, ``KAMAKIRI``; not ``IoT``, ``PaLM``, ``OECD``, read letter by letter;
  UniDic's own spelling of such a word, ``SINET``, is not taken): then it is said as a
  word (サカナ, インバイト, カマキリ), flagged ``transliterated``: a guess, right for most
  words, not for all;
- a number and the counter after it (a word UniDic tags 助数詞, or 万/億/兆) said together
  (``pipeline.corpus.number_readings``: 第4次 ダイヨジ, 第28回 ダイニジュウハッカイ, 1兆
  イッチョウ); ``℃`` ド;
- 日 opening a term or after ・, before a Latin name, is Japan: ニチ (日ＡＳＥＡＮ, 日・EU);
- the rest as UniDic reads it (symbols other than ``・`` and ``&`` are not read), the row
  flagged ``guessed`` where UniDic's reading is one of several a name can have: 日本
  inside a longer name that ``compound_readings.tsv`` does not list (ニッポン or ニホン:
  the name decides), a one-kanji word after a place or person name that
  ``name_suffix_readings.tsv`` does not list as read one way (石垣島 トウ, シマ or ジマ;
  山口組 クミ or グミ), 町 and 村 after any word (城下町 じょうかまち where UniDic says
  チョウ, 八峰町 はっぽうちょう where it says マチ), a place name UniDic reads in pieces
  before its suffix (三種町 みたねちょう: 三|種 サンシュ); and ``unread``, the reading left
  empty, where a word has none (a kanji UniDic does not know: no partial reading).

The glossary's romaji (``pipeline.corpus.glossary_romaji``) is made from the same
pieces (``said_pieces``), so that it says what the reading says; a run of countries'
one-kanji names (``country_abbreviations.tsv``) is one piece. Romaji of Japanese text is
cutlet's Hepburn with two changes (``HepburnCutlet``): long vowels take
macrons where UniDic's pronunciation field lengthens them (``トウキョウ``, pron
``トーキョー`` → ``Tōkyō``; ``統括`` → ``tōkatsu``; ``ei`` and ``ii`` stay as written, as
modified Hepburn writes them), and を is ``o``; cutlet's own exceptions (東京 → Tokyo) are
not used. ``romaji_ascii`` drops the macrons.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

import jaconv

from pipeline.common.hepburn import split_compounds
from pipeline.common.lexicons import word_list, word_map
from pipeline.common.text import fold_nfkc
from pipeline.corpus.latin import camel_pieces, loanword_reading
from pipeline.corpus.latin_said import said_as_word, word_reading
from pipeline.corpus.number_readings import counter_change, is_counter, number_reading
from pipeline.nlp.tokens import Token
from pipeline.tagging.entities.org_words import LOCAL_GOVERNMENT_SUFFIXES

# How Latin letters, digits and & are read out one by one.
LETTER_NAMES = word_map("letter_readings")
# Latin words spoken as words that UniDic cannot read.
LATIN_WORDS = {word.upper(): value for word, value in word_map("latin_word_readings").items()}
SPELLED = "spelled"
TRANSLITERATED = "transliterated"
GUESSED = "guessed"
UNREAD = "unread"
FLAG_ORDER = (UNREAD, SPELLED, TRANSLITERATED, GUESSED)   # the row's flag: the first held
# One-kanji words read one way after a place or person name (県 ケン, 省 ショウ).
FIXED_SUFFIXES = frozenset(word_list("name_suffix_readings"))
# Countries' one-kanji names, read as a run (日米豪印 ニチベイゴウイン).
COUNTRY_KANJI = frozenset(word_list("country_abbreviations"))
_HAS_KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f々]")
# Version numbers after a Latin name, said in English (GPT-4 ジーピーティーフォー).
ENGLISH_NUMBERS = word_map("english_number_readings")
# Names in capitals after which a number is said in English too (G7 ジーセブン).
ENGLISH_NUMBER_NAMES = frozenset(word_list("english_number_names"))
_PIECES = re.compile(r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|(?P<latin>[A-Za-z]+)|(?P<other>[^\dA-Za-z]+)")
_KANA = re.compile(r"[\u3041-\u309f\u30a1-\u30fcー]+")


# --------------------------------------------------------------------------- readings


class Reading(NamedTuple):
    reading: str    # katakana ("" when a word cannot be read: flag ``unread``)
    flag: str       # spelled, transliterated, guessed, unread, or ""


def reading_of(term: str) -> str:
    """Katakana reading of ``term`` (see the module's docstring)."""
    return read(term).reading


def read(term: str) -> Reading:
    """``term``'s reading and its flag."""
    parts: list[str] = []
    flags: set[str] = set()
    for piece, compound in split_compounds(folded_term(term)):
        if compound is not None:
            parts.append(compound.reading)
            continue
        for said in said_pieces(piece):
            parts.append(said.kana)
            flags.update(said.flags)
    flag = next((f for f in FLAG_ORDER if f in flags), "")
    return Reading("" if flag == UNREAD else "".join(parts), flag)


def folded_term(term: str) -> str:
    """NFKC, with ``°C`` (NFKC of ℃) put back as ℃, which UniDic reads ド."""
    return fold_nfkc(term).replace("°C", "℃")


class Said(NamedTuple):
    """A piece of a term as it is said: its text, its katakana, its kind (``number``,
    ``latin``, ``other``: Japanese text, romanised by cutlet, or ``kana``: Japanese text
    romanised from its reading), the counter a number was joined to (its text and plain
    reading: ``回``, ``カイ``), whether it joins the piece before with no space (a suffix
    after a number: 年間 of 5年間), and its flags."""

    text: str
    kana: str
    kind: str
    counter: tuple[str, str] = ("", "")
    glued: bool = False
    flags: frozenset[str] = frozenset()


def said_pieces(piece: str) -> list[Said]:
    """A piece of a term (no compound of ``compound_readings.tsv``) cut into numbers,
    Latin runs and Japanese text, each with its reading; a number and the counter after
    it (``28回`` ニジュウハッカイ) are one piece."""
    said: list[Said] = []
    matches = list(_PIECES.finditer(piece))
    after_latin, prior = False, ""
    for n, match in enumerate(matches):
        kind, text = match.lastgroup or "", match.group()
        if kind == "number":
            version = after_latin and ENGLISH_NUMBERS.get(text)
            said.append(Said(text, version or number_reading(text), kind))
        elif kind == "latin":
            reading, flag = latin_reading(text)
            said.append(Said(text, reading, kind, flags=frozenset({flag} - {""})))
        else:
            before_latin = n + 1 < len(matches) and matches[n + 1].lastgroup == "latin"
            counted = prior == "number" and said[-1].kana == number_reading(said[-1].text)
            said.extend(_japanese_pieces(text, said, counted, before_latin))
        # GPT-4, PaLM2: after a hyphen or a name with small letters, G7; not WG6, TC251
        after_latin = (kind == "latin" and (not text.isupper()
                                            or text in ENGLISH_NUMBER_NAMES)) or (
            prior == "latin" and text == "-")
        prior = kind
    return said


def _japanese_pieces(text: str, said: list[Said], counted: bool,
                     before_latin: bool) -> list[Said]:
    """Japanese text of a term as said: UniDic's readings, with a counter joined to the
    number before it (``said[-1]``, replaced) and its sound change, 日 before a Latin
    name read ニチ (日ＡＳＥＡＮ, 日・EU), a run of countries' one-kanji names (日米豪印) one
    word; flagged ``guessed`` where UniDic's reading is one of several a name can have,
    ``unread`` where a word has no reading."""
    from pipeline.nlp.tokens import tokenize

    wide = jaconv.h2z(text, kana=False, ascii=True, digit=True)
    tokens = list(tokenize(wide))
    pieces: list[Said] = []
    start = 0
    if counted:   # tagged after a numeral, as printed: 次 of 第11次 is a counter, not ツギ
        printed, shift = "１", 1
        after = tokenize("１" + wide)
        if after and after[0].text == "１":
            tokens = [t._replace(start=t.start - 1, end=t.end - 1) for t in after[1:]]
            after = ()
        else:   # a word with its number (1人 ヒトリ): read with the number as printed
            printed = jaconv.h2z(said[-1].text, kana=False, ascii=True, digit=True)
            after, shift = tokenize(printed + wide), len(printed)
        if after and after[0].text.startswith(printed) and len(after[0].text) > shift \
                and after[0].reading:
            # one word with its number: 1人 ヒトリ, 2人 フタリ
            tokens = [t._replace(start=max(t.start - shift, 0), end=t.end - shift)
                      for t in after]
            said[-1] = said[-1]._replace(kana=after[0].reading,
                                         counter=(tokens[0].text[shift:], ""))
            start, counted = 1, False
    kana = [_token_kana(t) for t in tokens]
    if counted and tokens and is_counter(tokens[0]):
        number = said.pop()
        digits, counter = counter_change(number.text, number.kana, tokens[0].text, kana[0])
        said.append(number._replace(kana=digits + counter,
                                    counter=(tokens[0].text, kana[0])))
        start = 1
    while counted and start < len(tokens) and tokens[start].pos1 == "接尾辞":
        pieces.append(Said(tokens[start].text, kana[start], "kana", glued=True))   # 5年間
        start += 1
    said_as_kana = _read_nichi_before_latin(tokens, kana) if before_latin else set()
    flags = _reading_flags(tokens, kana)
    for begin, end, kind in _runs(tokens, start, said_as_kana):
        pieces.append(Said(text[tokens[begin].start:tokens[end - 1].end],
                           "".join(kana[begin:end]), kind))
    if flags and pieces:
        pieces[0] = pieces[0]._replace(flags=frozenset(flags))
    elif flags:
        said[-1] = said[-1]._replace(flags=said[-1].flags | flags)
    return pieces


def _token_kana(token: Token) -> str:
    """A token's reading: letters by name, kana as written, UniDic's reading; symbols
    other than ・ and & are not read."""
    surface = fold_nfkc(token.text)
    if surface in LETTER_NAMES:
        return LETTER_NAMES[surface]
    if _KANA.fullmatch(surface):
        return jaconv.hira2kata(surface)
    if surface == "・":
        return "・"
    if token.reading and any(c.isalpha() for c in surface):
        return token.reading
    return ""


def _read_nichi_before_latin(tokens: list[Token], kana: list[str]) -> set[int]:
    """日 opening a term or after ・, right before a Latin name, is Japan: ニチ (日ＡＳＥＡＮ,
    日・EU), not UniDic's ヒ (day). The token read anew (a set of its index, or none)."""
    last = len(tokens) - 1
    if last >= 0 and tokens[last].text == "・":
        last -= 1
    if last >= 0 and tokens[last].text == "日" and (last == 0 or tokens[last - 1].text == "・"):
        kana[last] = "ニチ"
        return {last}
    return set()


def _reading_flags(tokens: list[Token], kana: list[str]) -> set[str]:
    """``unread`` for a word UniDic does not know and cannot read (a rare kanji);
    ``guessed`` for 日本 inside a longer name (ニッポン or ニホン: the name decides;
    ``compound_readings.tsv`` lists the known ones) and for a one-kanji word after a
    place or person name that reads several ways and ends the name (石垣島 トウ/シマ/ジマ,
    山口組 クミ/グミ, 米沢牛 ウシ/ギュウ; not 豚 of アフリカ豚熱, a word of a compound),
    unless ``name_suffix_readings.tsv`` lists it as read one way (県, 市, 省); and for a
    place name UniDic reads in pieces before its local-government suffix (三種町)."""
    flags = set()
    name_start = 0   # where the name before a local-government suffix begins
    for n, token in enumerate(tokens):
        if not kana[n] and _HAS_KANJI.search(token.text):
            flags.add(UNREAD)
        if token.text in LOCAL_GOVERNMENT_SUFFIXES:
            if _unknown_place_name(tokens[name_start:n]) or (
                    token.text in TOWN_SUFFIXES and n > name_start):
                flags.add(GUESSED)   # 三種町 サンシュチョウ: UniDic does not know 三種
            name_start = n + 1
        if token.text == "日本" and len(tokens) > 1:
            flags.add(GUESSED)
        if n and tokens[n - 1].pos2 == "固有名詞" and _guessable(token) and not (
                n + 1 < len(tokens) and _compound_word(tokens[n + 1])):
            flags.add(GUESSED)   # the name's last word: not 豚 of アフリカ豚熱
    return flags


# 町 and 村 read チョウ or マチ, ソン or ムラ: the town decides (八峰町 はっぽうちょう, 小谷村
# おたりむら), and so does the word (城下町 じょうかまち, 選手村 せんしゅむら).
TOWN_SUFFIXES = frozenset("町村")


def _unknown_place_name(name: list[Token]) -> bool:
    """The name of a place before its local-government suffix (都道府県市区町村), read in
    pieces UniDic does not know as one name: it ends in a word that is no name or
    numeral, after a numeral, a sign or a name (三|種 of 三種町 みたねちょう, 十|日 of
    十日町市 とおかまちし, 二|戸 of 二戸市 にのへし, 霞|浦 of a made-up 霞浦村): the words'
    readings are no name's reading. A name UniDic knows (真庭 of 真庭市, 川崎 of
    公益財団法人川崎市…), common words (選挙|区 of 小選挙区) and a count (二十三区) are
    read as they are."""
    return len(name) > 1 and name[-1].pos2 not in ("固有名詞", "数詞") and any(
        t.pos2 in ("数詞", "固有名詞") or t.pos1 == "記号" for t in name)


def _compound_word(token: Token) -> bool:
    """A kanji word that goes on a compound (熱 of アフリカ豚熱), not a suffix after a name
    (沖 of 石垣島沖), or a name the word before opens (スーダン of 国連南スーダン)."""
    return (_HAS_KANJI.match(token.text) is not None and token.pos1 != "接尾辞"
            and token.text not in FIXED_SUFFIXES) or token.pos2 == "固有名詞"


def _guessable(token: Token) -> bool:
    """A one-kanji noun or suffix whose reading after a name varies."""
    return (len(token.text) == 1 and _HAS_KANJI.match(token.text) is not None
            and token.pos1 in ("名詞", "接尾辞") and token.text not in FIXED_SUFFIXES)


def _runs(tokens: list[Token], start: int, said_as_kana: set[int]
          ) -> list[tuple[int, int, str]]:
    """Token spans from ``start``: runs of countries' one-kanji names (日米豪印, 日中韓,
    two names at least: ``country_abbreviations.tsv``) and tokens read anew
    (``said_as_kana``) as ``kana`` (one romaji word, from the reading), the rest as
    ``other`` (romanised by cutlet)."""
    runs: list[tuple[int, int, str]] = []
    n = begin = start
    while n < len(tokens):
        end = n
        while end < len(tokens) and all(c in COUNTRY_KANJI for c in tokens[end].text):
            end += 1
        if sum(len(t.text) for t in tokens[n:end]) < 2:
            end = n + 1 if n in said_as_kana else n
        if end > n:
            if n > begin:
                runs.append((begin, n, "other"))
            runs.append((n, end, "kana"))
            begin = n = end
        else:
            n += 1
    if begin < len(tokens):
        runs.append((begin, len(tokens), "other"))
    return runs


def latin_reading(word: str) -> Reading:
    """A run of Latin letters: ``latin_word_readings.tsv`` (UniDic reads some of its
    words letter by letter: TICAD), else UniDic's reading when it reads the run as one
    word, else UniDic's loanwords for the words of a name, else a
    word's transliteration (flagged ``transliterated``), else letter by letter (flagged
    ``spelled`` from three letters on: one or two letters are never said as a word)."""
    from pipeline.nlp.tokens import tokenize

    if word.upper() in LATIN_WORDS:   # first: UniDic spells some out (TICAD)
        return Reading(LATIN_WORDS[word.upper()], "")
    tokens = tokenize(jaconv.h2z(word, kana=False, ascii=True, digit=True))
    if len(tokens) == 1 and tokens[0].reading and not (
            tokens[0].reading == _spell(word) and said_as_word(word)):
        return Reading(tokens[0].reading, "")   # not UniDic's letters of a word (SINET)
    pieces = camel_pieces(word)
    if len(pieces) > 1 or not word.isupper():
        loanwords = [loanword_reading(p) for p in pieces]   # one UniDic lookup a piece
        if all(len(p) <= 2 and p.isupper() or loanword
               for p, loanword in zip(pieces, loanwords, strict=True)):
            # DeepMind, OpenAI, SpaceX, Human: not an acronym in capitals (ＮＩＣＴ)
            return Reading("".join(loanword or _spell(p)
                                   for p, loanword in zip(pieces, loanwords, strict=True)), "")
    if said_as_word(word):
        return Reading("".join(_piece_reading(p) for p in pieces), TRANSLITERATED)
    spelled = _spell(word)
    return Reading(spelled, SPELLED if len(word) >= 3 else "")


def _piece_reading(piece: str) -> str:
    """A piece of a name (``Map`` of ``MapReduce``): said as a word, or its letters (``AI``)."""
    return word_reading(piece) if said_as_word(piece) else _spell(piece)


def _spell(word: str) -> str:
    return "".join(LETTER_NAMES.get(c.upper(), "") for c in word)


# --------------------------------------------------------------------------- order


def sort_key(reading: str, term: str) -> tuple[int, str, str]:

    """あいうえお order: kana folded to plain large hiragana (ガ → か, ッ → つ, ー dropped);
    terms without a reading last."""
    if not reading:
        return (1, fold_nfkc(term).lower(), term)
    plain = unicodedata.normalize("NFD", jaconv.kata2hira(reading))
    plain = "".join(c for c in plain if c not in "\u3099\u309aー")
    small = str.maketrans("ぁぃぅぇぉっゃゅょゎ", "あいうえおつやゆよわ")
    return (0, plain.translate(small), term)
