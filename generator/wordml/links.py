"""What in a .docx points outside the file: the links Word or LibreOffice follow when they open it.

A .docx names other files through relationships (one .rels per part: word/_rels/document.xml.rels,
word/_rels/settings.xml.rels, …). One with TargetMode="External" points at a file:// path, a
\\\\server share or an http(s) URL, and Word or LibreOffice fetch it as they open the document: a
linked image, an OLE object, the attached template (settings.xml — the route macro malware takes),
a frame, a sub-document, a mail-merge data source. Fields do the same (INCLUDEPICTURE,
INCLUDETEXT, LINK, DDE, DDEAUTO). A hyperlink in the text is different: it is only followed when
a reader clicks it, and reports cite documents online, so an http(s) or mailto hyperlink is kept;
a hyperlink to a file or a share is not.

Read with expat, a DTD refused (a .docx never has one), nothing resolved or fetched; the standard
library only, so a check with a warm cache still never imports lxml.
"""
from __future__ import annotations

import re
import unicodedata
import zipfile
from typing import NamedTuple
from xml.parsers import expat

MAX_PART = 16 * 1024 * 1024           # one part read (template.MAX_XML_PART)
MAX_READ = 128 * 1024 * 1024          # all parts read, whatever the archive claims
MAX_SHOWN = 5                         # links named one by one; the rest are counted
TARGET_WIDTH = 100                    # characters of a target shown in a message

# fields Word runs to read another file or program as it updates them (on open, or F9)
_FETCHING_FIELDS = frozenset({"INCLUDEPICTURE", "INCLUDETEXT", "INCLUDE", "LINK", "DDE", "DDEAUTO", "IMPORT"})
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):|[/\\]{2}")
_KEPT_HYPERLINKS = ("http", "https", "mailto")
_WHAT = {       # the end of a relationship's type → what it is, as a user knows it
    "image": "链接的图片",
    "attachedTemplate": "附加模板",
    "oleObject": "链接的对象（OLE）",
    "package": "链接的对象（OLE）",
    "subDocument": "子文档",
    "frame": "框架",
    "hyperlink": "超链接",
    "aFChunk": "导入的外部内容",
    "mailMergeSource": "邮件合并数据源",
    "mailMergeHeaderSource": "邮件合并数据源",
    "recipientData": "邮件合并数据源",
    "font": "字体",
    "externalLinkPath": "外部数据",
    "customXmlProps": "自定义 XML 数据",
    "customXml": "自定义 XML 数据",
}


class Link(NamedTuple):
    part: str         # the .rels file (or, for a field, the XML part) it is written in
    target: str       # where it points, as written
    what: str         # 链接的图片, 附加模板, 域 INCLUDEPICTURE …


class Links(NamedTuple):
    shown: list       # the first MAX_SHOWN links
    total: int


class LinkProblem(Exception):
    """A part that could not be read safely (a DTD, broken XML, past the limits)."""


def fetched(rel_type: str, mode: str | None, target: str) -> bool:
    """Would Word or LibreOffice follow this relationship to outside the file (or may a reader, for
    a hyperlink that is not to the web or to an address)? An absolute URL or path counts whatever
    TargetMode says: no part inside a .docx is named that way."""
    scheme = _SCHEME.match(target.strip())
    if (mode or "").strip().lower() != "external" and scheme is None:
        return False
    if rel_type.rsplit("/", 1)[-1] == "hyperlink":
        return not (scheme and scheme.group(1) and scheme.group(1).lower() in _KEPT_HYPERLINKS)
    return True


def shown(target: str, width: int = TARGET_WIDTH) -> str:
    """A target for a message: one line (control and format characters as “?”), at most `width`."""
    text = "".join("?" if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in target[:width + 1])
    return text if len(target) <= width else text[:width] + "…"


def removal(link: Link) -> str:
    """How to take a link out in Word, for the kind of link it is."""
    if link.what == "链接的图片":
        return "删去这张图片后用“插入 → 图片”重新插入（不要选“链接到文件”）"
    if link.what == "附加模板":
        return "在“开发工具 → 文档模板”中清除附加的模板后另存"
    if link.what.startswith("域 "):
        return "按 Alt+F9 显示域代码，删去这个域"
    return "在 Word 中删去它"


def external_links(z: zipfile.ZipFile) -> Links:
    """Every link in the package that reaches outside it: each part's relationships, and the fields
    of the document's parts."""
    found: list[Link] = []
    total = 0
    budget = [MAX_READ]
    for info in z.infolist():
        name = info.filename
        if name.lower().endswith(".rels"):
            links = relationships(name, _read(z, info, budget))
        elif name.lower().startswith("word/") and name.lower().endswith(".xml"):
            data = _read(z, info, budget)
            links = _fields(name, data) if b"instr" in data else []
        else:
            continue
        total += len(links)
        found.extend(links[:max(0, MAX_SHOWN - len(found))])
    return Links(found, total)


def _read(z: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list) -> bytes:
    if info.file_size > MAX_PART or info.file_size > budget[0]:
        raise LinkProblem(f"{info.filename} 过大")
    budget[0] -= info.file_size
    with z.open(info) as f:           # no more than the size the archive states is ever unpacked
        return f.read(MAX_PART + 1)


def _parser(start, text=None):
    """An expat parser that refuses a DTD: no entity is declared, so none can expand or fetch."""
    def refuse(*_):
        raise LinkProblem("文档中有 DTD")

    p = expat.ParserCreate(namespace_separator="}")
    p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    p.StartDoctypeDeclHandler = refuse
    p.EntityDeclHandler = refuse
    p.ExternalEntityRefHandler = refuse
    p.StartElementHandler = start
    if text is not None:
        p.CharacterDataHandler = text
    return p


def _parse(p, data: bytes, name: str) -> None:
    try:
        p.Parse(data, True)
    except expat.ExpatError:
        raise LinkProblem(f"{name} 不是有效的 XML") from None


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def relationships(name: str, data: bytes) -> list[Link]:
    """The relationships of one .rels part that point out of the file."""
    out: list[Link] = []

    def start(tag, attrs):
        if _local(tag) == "Relationship":
            rel_type, target = attrs.get("Type", ""), attrs.get("Target", "")
            if fetched(rel_type, attrs.get("TargetMode"), target):
                tail = rel_type.rsplit("/", 1)[-1]
                out.append(Link(name, target, _WHAT.get(tail, f"外部资源（{shown(tail, 40)}）")))

    _parse(_parser(start), data, name)
    return out


def _fields(name: str, data: bytes) -> list[Link]:
    """Fields whose instruction fetches. A field's instruction may be split over many runs and hold
    other fields: the text of every w:instrText is joined, cut where a field begins, separates or
    ends, so each piece starts with the name of the field it belongs to."""
    pieces: list[str] = []
    simple: list[str] = []
    inside = [False]

    def start(tag, attrs):
        local = _local(tag)
        if local == "instrText":
            inside[0] = True
        elif local == "fldChar":
            pieces.append("\0")
        elif local == "fldSimple":
            simple.extend(v for k, v in attrs.items() if _local(k) == "instr")

    def end(tag):
        if _local(tag) == "instrText":
            inside[0] = False

    def text(data):
        if inside[0]:
            pieces.append(data)

    p = _parser(start, text)
    p.EndElementHandler = end
    _parse(p, data, name)
    out = []
    for instruction in "".join(pieces).split("\0") + simple:
        words = instruction.split(None, 1)
        if words and words[0].upper() in _FETCHING_FIELDS:
            out.append(Link(name, instruction.strip(), f"域 {words[0].upper()}"))
    return out
