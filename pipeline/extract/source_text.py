"""Reading a text source: declared encoding, BOM, and errors that name the fix."""

from __future__ import annotations

from pathlib import Path

from pipeline.common.text import ordinary_characters
from pipeline.errors import PipelineError

CANDIDATE_ENCODINGS = ("utf-8", "cp932", "euc-jp")


def decode_source(data: bytes, encoding: str, where: str) -> str:
    """Decode ``data`` with ``encoding``; on failure say where and which encoding fits."""
    if not data.strip():
        raise PipelineError(f"{where}: the file is empty; put the chapter's text in it or "
                            "remove its entry from raw/chapters.toml")
    codec = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        fits = _encodings_that_fit(data, encoding)
        hint = (f"it decodes as {fits[0]}: set encoding = \"{fits[0]}\" in raw/chapters.toml"
                if fits else "re-save it as UTF-8")
        raise PipelineError(f"{where}:{line}: does not decode as {encoding} "
                            f"(byte 0x{data[err.start]:02x}); {hint}") from err
    # radicals and vertical forms standing in for ordinary characters (a text copied out
    # of a PDF keeps them): given as those, one for one
    text = ordinary_characters(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise PipelineError(f"{where}: the file holds only whitespace; put the chapter's "
                            "text in it")
    return text


def _encodings_that_fit(data: bytes, tried: str) -> list[str]:
    fits = []
    for candidate in CANDIDATE_ENCODINGS:
        if candidate == tried.lower():
            continue
        try:
            data.decode(candidate)
        except UnicodeDecodeError:
            continue
        fits.append(candidate)
    return fits


def read_source_text(path: Path, encoding: str) -> str:
    if not path.exists():
        raise PipelineError(f"{path}: source file not found; copy it into raw/ or fix "
                            "'source' in raw/chapters.toml")
    return decode_source(path.read_bytes(), encoding, str(path))
