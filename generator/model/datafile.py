"""Read one YAML data file (facts, rubric, vocabulary) into its model, problems as findings.

Every kind of file a user writes goes through here, so each gets the same safe reader, the same
positions on every value and the same messages for unknown keys and wrong types.
"""
from __future__ import annotations

from pathlib import Path

from ..core.errors import MkreportError
from .findings import Document, Findings
from .schema import INVALID, Conversion, Model, convert
from .yamlsource import read_yaml


def load_model(model: type[Model], path: Path, display: str, zh: str, prefix: str = "",
               found: Findings | None = None, signature: str = "", trusted: bool = False,
               placeholders: bool = False, partial: bool = False):
    """(instance or None, Document, unreadable) — schema problems are added to `found` as errors
    (codes prefixed with `prefix`); a file that cannot be read at all is one INPUT finding.
    `signature`: a key every file of this kind has; a mapping without it is some other file,
    reported in one line that names none of its keys or values.
    `partial`: with errors, still return what could be read (a bad value left empty); the caller
    tells by the errors in `found` — a summary keeps the department's name when one amount is wrong."""
    found = found if found is not None else Findings()
    try:
        source = read_yaml(path, display)
    except MkreportError as exc:
        doc = Document(exc.file or display)
        f = found.error("INPUT", exc.message, doc)
        f.line, f.col = exc.line, exc.col
        return None, doc, True
    root = source.root
    _say_charset(source, display, zh, found)
    # a file that states its format is one of ours, maybe of a newer format: convert says which
    if signature and root.kind == "map" and signature not in root.value and model.format_key not in root.value:
        doc = Document(display)
        f = found.error(prefix + "SCHEMA", f"这不是{zh}文件：没有 {signature} 字段。请检查文件名或路径是否写对。", doc)
        f.line, f.col = root.line, root.col
        return None, doc, False
    conv = Conversion(trusted, placeholders)
    obj = convert(model, root, conv, (), zh)
    doc = Document(display, conv.positions, conv.key_positions, conv.inline, blocks=conv.blocks,
                   charset=source.charset, spans=conv.spans)
    before = found.errors
    found.extend_problems(conv.problems, doc, prefix)
    if obj is INVALID or (found.errors > before and not partial):
        return None, doc, False
    return obj, doc, False


# the files mkreport writes from a file of each kind, in the same encoding (charset.py)
_WRITTEN_FROM = {"事实文件": "mkreport rollover 由它转入的下一年文件", "评分体系": "mkreport new 按它生成的事实文件"}


def _say_charset(source, display: str, zh: str, found: Findings) -> None:
    """A file not in UTF-8 is read all the same; the user is told how it was read, once, at its
    top — other programs may show it garbled, and files written from it keep that encoding."""
    charset = source.charset
    if charset.utf8:
        return
    written = _WRITTEN_FROM.get(zh)
    kept = f"{written}沿用同一编码和换行。" if written else ""
    f = found.warning("ENCODING", f"文件按 {charset.zh}读取，检查和生成照常；{kept}"
                      "其他软件打开若显示乱码，可将文件另存为 UTF-8 编码。", Document(display))
    f.line, f.col = 1, 1


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)
