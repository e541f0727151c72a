"""Japanese words and names in modified Hepburn, with macrons for long vowels.

One romanisation for the whole project: the glossary's ``romaji`` and the entities'
romanised fallback name (``canonical_en_romanized``) both come from here. It is cutlet's
Hepburn (a well-kept library on the project's fugashi/UniDic) with two changes
(``HepburnCutlet``): long vowels take macrons where UniDic's pronunciation field
lengthens them (``トウキョウ``, pron ``トーキョー`` → ``Tōkyō``; ``統括`` → ``tōkatsu``; ``ei``
and ``ii`` stay as written, as modified Hepburn writes them), and を is ``o``; cutlet's
own exceptions (東京 → Tokyo) are not used; loanword kana its table spells wrong
(``ウェ`` → ``e``) are set right through its ``update_mapping`` from
``pipeline/data/hepburn_loanword_kana.tsv`` (``ウェールズ`` → ``Wēruzu``). Compounds whose second word voices, which
UniDic reads word by word, come from ``pipeline/data/compound_readings.tsv``
(``株式会社`` カブシキガイシャ, ``kabushiki gaisha``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any, NamedTuple

import jaconv

from pipeline.common.lexicons import data_rows
from pipeline.common.text import fold_nfkc

_MACRONS = {"a": "ā", "i": "ī", "u": "ū", "e": "ē", "o": "ō"}


class Compound(NamedTuple):
    reading: str
    romaji: str


@cache
def compounds() -> dict[str, Compound]:
    """``compound_readings.tsv``: compound → its reading and romaji."""
    rows = data_rows("compound_readings", ("compound", "reading", "romaji", "source"))
    return {row[0]: Compound(row[1], row[2]) for row in rows}


@cache
def loanword_kana() -> dict[str, str]:
    """``hepburn_loanword_kana.tsv``: loanword kana (``ウェ``) → Hepburn (``we``)."""
    return {row[0]: row[1]
            for row in data_rows("hepburn_loanword_kana", ("kana", "romaji", "source"))}


@cache
def _compound_pattern() -> re.Pattern[str]:
    words = sorted(compounds(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def split_compounds(text: str) -> list[tuple[str, Compound | None]]:
    """``text`` cut into the compounds of ``compound_readings.tsv`` and the rest."""
    pieces: list[tuple[str, Compound | None]] = []
    cursor = 0
    for match in _compound_pattern().finditer(text) if compounds() else ():
        if match.start() > cursor:
            pieces.append((text[cursor:match.start()], None))
        pieces.append((match.group(), compounds()[match.group()]))
        cursor = match.end()
    if cursor < len(text):
        pieces.append((text[cursor:], None))
    return pieces


@cache
def get_cutlet() -> Any:
    """The process's one ``HepburnCutlet``, created on first use.

    It tokenises with the process's one fugashi Tagger (``pipeline.nlp.tagger``), not a
    Tagger of its own: cutlet's would map UniDic a second time (about 60 MiB more
    resident in the glossary's process) and would take full UniDic, were it installed,
    where the rest of the pipeline reads unidic-lite."""
    import cutlet

    from pipeline.nlp.tagger import get_tagger

    class HepburnCutlet(cutlet.Cutlet):   # type: ignore[misc]
        """Modified Hepburn: macrons where UniDic's pron lengthens a vowel; を → o."""

        def __init__(self) -> None:
            super().__init__(system="hepburn", use_foreign_spelling=False,
                             ensure_ascii=False)
            self.tagger = get_tagger()   # cutlet's own is never read: ~1 MiB mapped
            self.use_wo = False
            self.exceptions: dict[str, str] = {}
            for kana, romaji in loanword_kana().items():
                self.update_mapping(jaconv.kata2hira(kana), romaji)

        def romaji_word(self, word: Any) -> str:
            feature = word.feature
            if (word.is_unk or word.surface.isascii() or feature.pos1 in ("助詞", "補助記号")
                    or not feature.kana or not feature.pron):
                return str(super().romaji_word(word))
            return str(self.map_kana(jaconv.kata2hira(long_vowels(feature.kana,
                                                                  feature.pron))))

        def map_kana(self, kana: str) -> str:
            out = ""
            for i, char in enumerate(kana):
                if char == "ー":
                    if out and out[-1] in _MACRONS:
                        out = out[:-1] + _MACRONS[out[-1]]
                    continue
                previous = kana[i - 1] if i else None
                following = kana[i + 1] if i < len(kana) - 1 else None
                out += self.get_single_mapping(previous, char, following)
            return out

    return HepburnCutlet()


def long_vowels(kana: str, pron: str) -> str:
    """``kana`` with ー for the vowels ``pron`` lengthens (トウキョウ, トーキョー →
    トーキョー), except イ (ケイエイ stays: modified Hepburn writes ``keiei``)."""
    if len(kana) != len(pron):
        return kana
    return "".join("ー" if p == "ー" and k in "アウエオ" else k
                   for k, p in zip(kana, pron, strict=True))


def romaji_of(term: str) -> str:
    """Modified Hepburn with macrons; ``・`` between words becomes a space (cutlet would
    print ``/``); compounds of ``compound_readings.tsv`` romanised as written there."""
    pieces = []
    for piece, compound in split_compounds(fold_nfkc(term).replace("・", " ")):
        if compound is not None:
            pieces.append(compound.romaji)
        elif piece.strip():
            pieces.append(str(get_cutlet().romaji(piece, capitalize=False)).strip())
    return unicodedata.normalize("NFC", " ".join(pieces))


def to_ascii(romaji: str) -> str:
    """Romaji without macrons (``Tōkyō`` → ``Tokyo``)."""
    decomposed = unicodedata.normalize("NFD", romaji)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
