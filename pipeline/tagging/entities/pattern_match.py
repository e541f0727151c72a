"""The record every name rule returns: a mention's offsets into its paragraph's text
(``text[m.start:m.end]`` is the mention as printed), label, canonical name, the rule
(``how``) and an English name where the text gives one."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PatternMatch:
    start: int
    end: int
    label: str
    canonical: str
    how: str
    canonical_en: str = ""
