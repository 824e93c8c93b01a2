"""Positions: mkreport's findings say `line:col` from 1, in characters; an editor counts from 0, in
the units it asked for (UTF-16 by default: a character beyond the Basic Multilingual Plane is two)."""
from __future__ import annotations

import re

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

# what one highlighted token runs to: a figure, a key, an id — not the rest of a Chinese sentence
_TOKEN = re.compile(r"[^\s,:{}\[\]，。；：、（）“”]+")


def lines_of(text: str) -> list[str]:
    return text.splitlines(keepends=True) or [""]


def position(lines: list[str], line: int | None, col: int | None, codec: PositionCodec) -> types.Position:
    """A finding's 1-based line and column as the editor's position (the file's top when it has none)."""
    if not line:
        return types.Position(0, 0)
    row = min(line - 1, len(lines) - 1)
    text = lines[row].rstrip("\r\n")
    char = min(max((col or 1) - 1, 0), len(text))
    return codec.position_to_client_units(lines, types.Position(row, char))


def token_range(lines: list[str], line: int | None, col: int | None, codec: PositionCodec) -> types.Range:
    """The range a diagnostic underlines: from its position to the end of the token written there."""
    start = position(lines, line, col, codec)
    if not line or line - 1 >= len(lines):
        return types.Range(start, start)
    row = line - 1
    text = lines[row].rstrip("\r\n")
    char = min(max((col or 1) - 1, 0), len(text))
    m = _TOKEN.match(text, char)
    end_char = m.end() if m and m.end() > char else min(char + 1, len(text))
    end = codec.position_to_client_units(lines, types.Position(row, end_char))
    return types.Range(start, end)


def offset_position(text: str, offset: int, codec: PositionCodec, lines: list[str] | None = None) -> types.Position:
    """Character `offset` of `text` as the editor's position."""
    offset = max(0, min(offset, len(text)))
    row = text.count("\n", 0, offset)
    char = offset - (text.rfind("\n", 0, offset) + 1)
    return codec.position_to_client_units(lines or lines_of(text), types.Position(row, char))


def offset_range(text: str, start: int, end: int, codec: PositionCodec) -> types.Range:
    lines = lines_of(text)
    return types.Range(offset_position(text, start, codec, lines), offset_position(text, end, codec, lines))


def cursor(lines: list[str], pos: types.Position, codec: PositionCodec) -> tuple[int, int]:
    """The editor's position as mkreport's 1-based line and column (in characters)."""
    server = codec.position_from_client_units(lines, types.Position(pos.line, pos.character))
    return server.line + 1, server.character + 1


def overlaps(a: types.Range, b: types.Range) -> bool:
    def key(p):
        return (p.line, p.character)
    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)
