"""What a font's name tells of its glyphs: a heavy face (``HEAVY_FONT``; a glyph
printed twice at an offset is bold too, ``chars.raw_to_chars``) and the family of
Japanese type, gothic or mincho (``font_face``, from the words of
``pipeline/data/font_faces.tsv``). Read once per font of a page."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pipeline.common.lexicons import word_map

# A font name that says the face is heavier than regular (``UDShinGoPr6N-DeBold``,
# ``Meiryo UI,Bold``, ``HiraKakuPro-W6``): the weight words of PostScript names and
# the W-numbers of Japanese families from W6 up.
HEAVY_FONT = re.compile(r"(?:bold|heavy|black|demi|semibold|extrabold|ultra|[-_ ]W(?:[6-9]|1[0-9])\b)",
                        re.IGNORECASE)
# The family of Japanese type a font's name tells (``font_face``; a ``Char``'s ``face``):
# none told, a gothic (sans) face, a mincho (serif) face.
NO_FACE, GOTHIC, MINCHO = 0, 1, 2
# a font name's parts: runs of capitals before a capitalised word (``UDP`` of
# ``UDPGothic``), capitalised or lower-case words, runs of capitals, digits; the subset
# tag (``ABCDEF+``) is cut off first
NAME_PART = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")
SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")


@lru_cache(maxsize=1)
def face_words() -> tuple[dict[str, int], tuple[tuple[str, int], ...]]:
    """The family words of ``pipeline/data/font_faces.tsv``: Latin words (lower case) →
    face, and the words in other scripts with their face."""
    faces = {"gothic": GOTHIC, "mincho": MINCHO}
    latin: dict[str, int] = {}
    other: list[tuple[str, int]] = []
    for word, face in word_map("font_faces").items():
        if word.isascii():
            latin[word.lower()] = faces[face]
        else:
            other.append((unicodedata.normalize("NFKC", word), faces[face]))
    return latin, tuple(other)


def font_face(fontname: str) -> int:
    """The family of type a font's name tells (``font_faces.tsv``): ``GOTHIC`` for
    ``HeiseiKakuGo-W5``, ``ABCDEF+MS-PGothic``, ``ＤＦ華康ゴシック体W5``, ``MINCHO`` for
    ``HeiseiMin-W3``, ``UDReiminPr6N-Regular``, ``ＭＳ 明朝``; ``NO_FACE`` for a name that
    tells neither (``ArialMT``, ``Century``) or both but sans (``Sans Serif`` is gothic)."""
    latin, other = face_words()
    name = unicodedata.normalize("NFKC", SUBSET_TAG.sub("", fontname))
    found = {latin.get(part.lower(), NO_FACE) for part in NAME_PART.findall(name)}
    found |= {face for word, face in other if word in name}
    if GOTHIC in found:
        return GOTHIC
    return MINCHO if MINCHO in found else NO_FACE


def font_marks(fontname: str) -> tuple[bool, int]:
    """What a font's name tells of its glyphs: heavy (``HEAVY_FONT``), and its face."""
    return bool(HEAVY_FONT.search(fontname)), font_face(fontname)
