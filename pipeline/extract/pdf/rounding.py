"""Coordinates rounded to hundredths of a point as ``round(value, 2)`` rounds them, at
less cost (``round2``)."""

from __future__ import annotations


def round2(value: float) -> float:
    """``round(value, 2)`` of a float, most without its decimal string (``round`` is
    2,800 instructions, this 1,700; for a glyph's left and right, st2024-1-3's pages
    72 M instructions less, callgrind). ``value`` × 100 + ½, when its fraction is clear of
    an integer by 0.01 (far more than the 2⁻¹³ its two float operations can be off by
    below 10¹²), has the integer part of the exact sum: the hundredths ``round`` rounds
    to, with no tie; their quotient by 100 is the float nearest them, as ``round``'s
    is. A value near a half-hundredth, below 0.005 (whose zero keeps the value's
    sign) or not finite goes to ``round``."""
    shifted = value * 100.0 + 0.5
    fraction = shifted % 1.0
    if 1.0 <= shifted < 1e12 and 0.01 < fraction < 0.99:
        return (shifted - fraction) / 100.0
    return round(value, 2)
