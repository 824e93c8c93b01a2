"""How a text file's bytes became characters, and how to write characters back the same way.

Notepad on a Chinese Windows saves "ANSI" (GBK, code page 936), "Unicode" (UTF-16 LE with a byte-
order mark) or UTF-8 (with a BOM before Windows 10 1903), and ends lines with CRLF. A department's
staff cannot be asked to save again in another encoding, so every YAML file mkreport reads is
decoded here, in an order that cannot take one encoding for another:

  1. a byte-order mark says UTF-8, UTF-16 LE or UTF-16 BE outright;
  2. without one, NUL bytes mostly on one side of each byte pair are UTF-16 (every key, space and
     line break of a YAML file is ASCII, which UTF-16 writes as a byte and a NUL) — UTF-8 and GBK
     never write a NUL for a character a YAML file may hold;
  3. UTF-8, strictly: a file of GBK text is practically never valid UTF-8 (a few characters can
     be — Notepad itself takes a file holding only 联通 for UTF-8 — a page of them cannot);
  4. GB18030, strictly — a superset of GBK that writes every GBK character with GBK's bytes.
What decodes as none of them is refused at the first byte none could read.

A file written from another (rollover's next year from this year; `new` from a county's rubric) is
written in its source's `Charset`: same encoding, same BOM, same line ends.
"""
from __future__ import annotations

import re
from typing import NamedTuple

_BOMS = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}

# what Notepad calls each encoding in its "编码" list (Windows 7 and Windows 10/11 names)
_NAMES = {
    ("utf-8", False): "UTF-8 编码",
    ("utf-8", True): "UTF-8 编码（带 BOM）",
    ("utf-16-le", True): "UTF-16 LE 编码（记事本的“Unicode”或“UTF-16 LE”）",
    ("utf-16-be", True): "UTF-16 BE 编码（记事本的“Unicode big endian”或“UTF-16 BE”）",
    ("utf-16-le", False): "UTF-16 LE 编码（无 BOM）",
    ("utf-16-be", False): "UTF-16 BE 编码（无 BOM）",
    ("gb18030", False): "GBK/GB18030 编码（记事本的“ANSI”）",
}


class Charset(NamedTuple):
    """The conventions a file came in: its encoding (a Python codec name), BOM and line ends."""

    codec: str = "utf-8"
    bom: bool = False
    crlf: bool = False

    @property
    def zh(self) -> str:
        return _NAMES[(self.codec, self.bom)]

    @property
    def utf8(self) -> bool:
        """UTF-8 with or without a BOM: what every editor reads as it is, nothing to tell the user."""
        return self.codec == "utf-8"


UTF8 = Charset()


class Undecodable(Exception):
    """Bytes that are no text mkreport reads; `line` and `col` (characters) where reading stopped."""

    def __init__(self, message: str, line: int, col: int):
        super().__init__(message)
        self.message, self.line, self.col = message, line, col


def decode(data: bytes) -> tuple[str, Charset]:
    """The text of a file and the conventions it came in; the BOM is not part of the text."""
    for codec, bom in _BOMS.items():
        if data.startswith(bom):
            text = _strict(data[len(bom):], codec)
            return text, Charset(codec, True, "\r\n" in text)
    utf16 = _as_utf16_without_bom(data)
    if utf16 is not None:
        text, codec = utf16
        return text, Charset(codec, False, "\r\n" in text)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as as_utf8:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as as_gbk:
            raise _neither(data, as_utf8, as_gbk) from None
        return text, Charset("gb18030", False, "\r\n" in text)
    return text, Charset("utf-8", False, "\r\n" in text)


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or '-be' when NULs sit on one side of the byte pairs, in the share ASCII has in
    any YAML file (keys, indentation, line breaks); None otherwise — a stray NUL in a UTF-8 file
    stays a stray NUL, reported as such."""
    if len(data) < 2 or len(data) % 2 or b"\x00" not in data:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    pairs = len(data) // 2
    if odd * 16 >= pairs and even * 4 <= odd:
        return "utf-16-le"
    if even * 16 >= pairs and odd * 4 <= even:
        return "utf-16-be"
    return None


def _as_utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, codec) of a UTF-16 file without a BOM; None if the NULs say otherwise or it does not decode."""
    codec = utf16_without_bom(data)
    if codec is None:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return (text, codec) if "\x00" not in text else None


def encode(text: str, charset: Charset) -> bytes:
    """`text` as its source was written: CRLF for every line break if the source had CRLF (a line
    ending in LF alone shows as one long line in older Notepad), its encoding, its BOM."""
    if charset.crlf:
        text = re.sub(r"(?<!\r)\n", "\r\n", text)
    data = text.encode(charset.codec)
    return _BOMS[charset.codec] + data if charset.bom else data


def glance(data: bytes) -> str:
    """The first part of a file as text, for a look at its keys: never fails, however it was cut."""
    for codec, bom in _BOMS.items():
        if data.startswith(bom):
            return data[len(bom):].decode(codec, "replace")
    return data.decode(utf16_without_bom(data) or "utf-8", "replace")


def _strict(data: bytes, codec: str) -> str:
    """A file whose BOM names its encoding: read in that encoding or not at all."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line, col = _position(data, exc.start, codec)
        name = codec.upper().replace("-LE", " LE").replace("-BE", " BE")
        raise Undecodable(f"文件开头的字节顺序标记（BOM）表明是 {name} 编码，但此处的字节不是有效的 {name}："
                          "文件可能不完整或已损坏。", line, col) from None


def _neither(data: bytes, as_utf8: UnicodeDecodeError, as_gbk: UnicodeDecodeError) -> Undecodable:
    """Neither UTF-8 nor GBK: the place where the encoding that read further stopped — the broken
    character of a GBK file, or the stray bytes in a UTF-8 one."""
    codec, at = ("utf-8", as_utf8.start) if as_utf8.start >= as_gbk.start else ("gb18030", as_gbk.start)
    line, col = _position(data, at, codec)
    return Undecodable(f"此处的字节 0x{data[at]:02X} 无法识别：文件既不是 UTF-8，也不是 GBK/GB18030 或 UTF-16 编码"
                       "（可能已损坏，或混入了其他编码的文字）。请在编辑器中检查此处的文字，改正后按 UTF-8 或 GBK"
                       "（记事本的“ANSI”）编码保存。", line, col)


def _position(data: bytes, at: int, codec: str) -> tuple[int, int]:
    """Line and column, in characters, of byte `at`; the bytes before it decode (they were read)."""
    before = data[:at].decode(codec, "replace")
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
