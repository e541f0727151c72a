"""The pipeline's spaCy extension attributes, registered in this one guarded place.

Doc (values in ``doc.user_data`` under ``USER_DATA_KEYS``, read and set through
``doc._.x`` or ``doc_value``/``set_doc_value``; the first two kept in ``docs.json``
beside the DocBin ``docs.spacy``):
- ``doc._.para_id`` (str | None): the paragraph the Doc was made from (nlp stage);
- ``doc._.readings`` (list[str] | None): one katakana reading per token, set by the
  tokenizer (``pipeline.nlp.tokenizer``); read it through ``token._.reading``.

Doc (values, not kept in files):
- ``doc._.tokenized_text`` (str | None): the text the tokenizer was given,
  which is ``doc.text``; ``doc_text`` returns it instead of joining the tokens again.

Token (getters only, nothing stored per token):
- ``token._.pos``        UniDic 品詞 level 1 (``名詞``): first part of ``token.tag_``;
- ``token._.pos_detail`` UniDic 品詞 levels 2-4 joined by ``-`` (``普通名詞-助数詞可能``);
- ``token._.reading``    reading in katakana (UniDic ``kana``), "" for symbols, whitespace
                         and unknown words;
- ``token._.is_number``  UniDic 数詞, or a run of digits.
"""

from __future__ import annotations

import functools
from typing import Any

from spacy.attrs import ORTH, SPACY
from spacy.tokens import Doc, Token

NUMERAL = "数詞"


def pos_of(tag: str) -> str:
    """UniDic 品詞 level 1 of a full tag (``名詞-普通名詞-一般`` → ``名詞``)."""
    return tag.partition("-")[0]


def pos_detail_of(tag: str) -> str:
    """UniDic 品詞 levels 2-4 of a full tag (``普通名詞-一般``)."""
    return tag.partition("-")[2]


def is_number_of(tag: str, surface: str) -> bool:
    """UniDic 数詞, or a run of digits."""
    return is_numeral_tag(tag) or surface.isdecimal()


def is_numeral_tag(tag: str) -> bool:
    """UniDic 品詞 level 2 is 数詞 (``名詞-数詞``)."""
    return tag.split("-", 2)[1:2] == [NUMERAL]


def doc_text(doc: Doc) -> str:
    """``doc.text``: the text the tokenizer was given, or for a Doc read from a file,
    joined from the Doc's arrays (``doc.text`` makes a Token object per token on every
    access, which costs more than some rules that read it)."""
    given = doc_value(doc, "tokenized_text")
    if given is not None:
        return str(given)
    strings = doc.vocab.strings
    orths, spaces = doc.to_array([ORTH, SPACY]).T.tolist() if len(doc) else [[], []]
    words = [strings[orth] for orth in orths]
    if any(spaces):
        words = [word + " " if space else word for word, space in zip(words, spaces,
                                                                        strict=True)]
    return "".join(words)


# Where the Doc values live: ``doc.user_data`` under these keys, our own (spaCy's
# ``Underscore`` keeps plain extension values under a private key format). ``doc._.x``
# reads and writes them through a getter and a setter; ``doc_value`` reads them without
# the ``Underscore`` object ``doc._`` makes per access, which costs more than the rest of
# the per-Doc work of some loops over Docs.
USER_DATA_KEYS = {name: f"whitepaper.{name}" for name in ("para_id", "readings",
                                                            "tokenized_text")}


def doc_value(doc: Doc, name: str) -> Any:
    """``getattr(doc._, name)`` for the Doc values above (default None)."""
    return doc.user_data.get(_doc_value_key(name))


def set_doc_value(doc: Doc, name: str, value: Any) -> None:
    """``setattr(doc._, name, value)`` (see ``doc_value``)."""
    doc.user_data[_doc_value_key(name)] = value


def _doc_value_key(name: str) -> str:
    key = USER_DATA_KEYS.get(name)
    if key is None:
        raise AttributeError(f"doc._.{name} is not one of the Doc values of "
                             f"pipeline.nlp.extensions ({', '.join(USER_DATA_KEYS)})")
    return key


def token_pos(token: Token) -> str:
    return pos_of(token.tag_)


def token_pos_detail(token: Token) -> str:
    return pos_detail_of(token.tag_)


def token_reading(token: Token) -> str:
    doc = token.doc
    readings = doc_value(doc, "readings")
    if readings is None:
        return ""   # a Doc our tokenizer did not make
    if len(readings) != len(doc):
        raise ValueError(f"paragraph {doc._.para_id}: doc._.readings holds {len(readings)} "
                         f"readings for {len(doc)} tokens, so the Doc was retokenised after "
                         "the tokenizer; read readings before merging tokens")
    return readings[token.i]


def token_is_number(token: Token) -> bool:
    return is_number_of(token.tag_, token.text)


_TOKEN_GETTERS = {
    "pos": token_pos,
    "pos_detail": token_pos_detail,
    "reading": token_reading,
    "is_number": token_is_number,
}


def _set_by_extension(doc: Doc, value: Any, name: str) -> None:
    set_doc_value(doc, name, value)


def register() -> None:
    """Register the extensions above; calling it again is a no-op."""
    for name in USER_DATA_KEYS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=functools.partial(doc_value, name=name),
                              setter=functools.partial(_set_by_extension, name=name))
    for name, getter in _TOKEN_GETTERS.items():
        if not Token.has_extension(name):
            Token.set_extension(name, getter=getter)
