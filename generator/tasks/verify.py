"""Does a report a department edited in Word still say what its facts say?

Staff open the built .docx and edit it before they submit it. `verify` builds the report again
from the facts and compares the two texts block by block — each paragraph, each table cell, in
document order — and says where they part: a block whose figures changed (a number added, taken
out or altered) is an error, a block whose wording changed with every figure kept is a warning.
Formatting, run splits and accepted tracked changes do not count; only what a reader reads.
"""
from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from ..core.console import shown
from ..core.errors import BROKEN_ARCHIVE, ExitCode, MkreportError
from ..core.numbers import ascii_digits
from ..model.findings import Document, Finding, Findings, render_text, summary, visible
from ..wordml.elements import W, cell_text, paragraph_text
from .said import Listener, Said

_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# a figure, with the thousands separators a finance office may add ("1,747.99" is 1747.99)
_FIGURE = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])|[0-9]+(?:\.[0-9]+)?")


@dataclass
class Block:
    text: str
    where: str            # 第 12 段 / 第 2 张表第 3 行第 4 列

    @property
    def key(self) -> str:
        return re.sub(r"\s+", "", self.text)

    @property
    def figures(self) -> Counter:
        """The numbers a block states, as values: 42.00 and 42.0 are one figure."""
        out: Counter[str] = Counter()
        for m in _FIGURE.finditer(ascii_digits(self.text)):
            figure = m.group().replace(",", "")
            value = figure.rstrip("0").rstrip(".") if "." in figure else figure.lstrip("0") or "0"
            out[value] += 1
        return out


class NotAReport(Exception):
    """A file that is not a readable .docx."""


def document_root(data: bytes):
    """The parsed word/document.xml of a .docx, refused if it is not one (or unpacks past 64 MB)."""
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            info = z.getinfo("word/document.xml")
            if info.file_size > 64 * 1024 * 1024:
                raise NotAReport("正文超过 64 MB")
            xml = z.read("word/document.xml")
        return etree.fromstring(xml, etree.XMLParser(resolve_entities=False, huge_tree=False, no_network=True))
    except (*BROKEN_ARCHIVE, etree.XMLSyntaxError):
        raise NotAReport("它不是有效的 Word 文档（.docx）") from None


def outside_links(data: bytes):
    """The links out of a report a user edited (links.py), read without following any; None when a
    part is too large or broken to tell. verify and text only read the body's text, but the user
    may send the file on, and Word follows them when it opens it."""
    from ..wordml.links import LinkProblem, external_links

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return external_links(z)
    except BROKEN_ARCHIVE + (LinkProblem,):
        return None


def outside_message(link) -> str:
    from ..wordml.links import removal, shown
    return (f"{shown(link.part, 80)} 中有指向文件之外的{link.what}：“{shown(link.target)}”。在 Word 中打开这份报告时"
            f"会去读取这个地址（mkreport 只读文字，没有读取它）；报送前请{removal(link)}。")


def blocks(data: bytes) -> list[Block]:
    """Paragraphs and table cells of a .docx body, in order, with where each one is."""
    out: list[Block] = []
    for kind, number, element in body_parts(data):
        if kind == "p":
            out.append(Block(paragraph_text(element), f"第 {number} 段"))
            continue
        for r, row in enumerate(element.findall(f"{W}tr"), 1):
            for c, cell in enumerate(row.findall(f"{W}tc"), 1):
                text = cell_text(cell)
                if text:
                    out.append(Block(text, f"第 {number} 张表第 {r} 行第 {c} 列"))
    return out


def body_parts(data: bytes) -> list[tuple[str, int, Any]]:
    """The paragraphs and tables of a report's body in order, numbered as a reader counts them and
    as `mkreport text -n` shows them: ("p", n, w:p) for the n-th paragraph with any text in it
    (empty ones, which only make space, are not counted), ("tbl", n, w:tbl) for the n-th table.
    verify's "第 30 段" is the line `mkreport text -n` shows as 第 30 段."""
    root = document_root(data)
    # Word writes a text box (or shape) twice: as it draws it and as a fallback for older readers
    for fallback in list(root.iter(_FALLBACK)):
        fallback.getparent().remove(fallback)
    body = root.find(f"{W}body")
    out: list[tuple[str, int, object]] = []
    if body is None:
        return out
    para = table = 0
    for child in _block_level(body):
        if child.tag == f"{W}p" and paragraph_text(child).strip():
            para += 1
            out.append(("p", para, child))
        elif child.tag == f"{W}tbl":
            table += 1
            out.append(("tbl", table, child))
    return out


def _block_level(container):
    """Paragraphs and tables in order, also those Word wraps in a content control or custom XML."""
    for child in container:
        if child.tag in (f"{W}sdt", f"{W}customXml"):
            content = child.find(f"{W}sdtContent") if child.tag == f"{W}sdt" else child
            if content is not None:
                yield from _block_level(content)
        elif child.tag in (f"{W}p", f"{W}tbl"):
            yield child


@dataclass
class Difference:
    figures: bool             # figures differ (an error), else wording only (a warning)
    where: str                # in the edited report, or where the built one had it
    message: str


def compare(built: list[Block], edited: list[Block]) -> list[Difference]:
    pairs: list[tuple[Block | None, Block | None, str]] = []      # (as built, as edited, where a deletion was)
    matcher = SequenceMatcher(None, [b.key for b in built], [b.key for b in edited], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        old, new = built[i1:i2], edited[j1:j2]
        if op == "replace" and len(old) != len(new):
            # paragraphs split or joined: the text they make together is what was kept or changed
            if "".join(b.key for b in old) != "".join(b.key for b in new):
                pairs.append((_joined(old), _joined(new), ""))
            continue
        for k in range(max(len(old), len(new))):
            pairs.append((old[k] if k < len(old) else None, new[k] if k < len(new) else None,
                          edited[j1 - 1].where if k >= len(new) and j1 > 0 else "开头"))
    return _differences(pairs)


def _differences(pairs: list) -> list[Difference]:
    """What each pair says, in document order; a paragraph taken out in one place and put back
    unchanged in another is one move, said as a wording change (every figure is still there)."""
    gone = {a.key: i for i, (a, b, _) in enumerate(pairs) if b is None}
    moved: dict[int, int] = {}                 # where it came back → where it was taken out
    for i, (a, b, _) in enumerate(pairs):
        if a is None and b.key in gone and gone[b.key] not in moved.values():
            moved[i] = gone[b.key]
    out = []
    for i, (a, b, after) in enumerate(pairs):
        if i in moved:
            out.append(Difference(False, b.where, f"段落位置有变动：“{_short(b.text)}”原在{pairs[moved[i]][2]}之后，"
                                                  "文字和数字未变。"))
        elif i not in moved.values():
            out.append(_difference(a, b, after))
    return out


def _joined(blocks: list[Block]) -> Block:
    where = blocks[0].where if len(blocks) == 1 else f"{blocks[0].where}至{blocks[-1].where}"
    return Block("\n".join(b.text for b in blocks), where)


def _difference(a: Block | None, b: Block | None, after: str) -> Difference:
    if a is None:
        assert b is not None                  # a pair is never two gaps
        figures = bool(b.figures)
        what = "增加了数字" if figures else "增加了文字"
        return Difference(figures, b.where, f"{what}：“{_short(b.text)}”（事实文件生成的报告中没有这一段）。")
    if b is None:
        figures = bool(a.figures)
        return Difference(figures, f"{after}之后", f"删去了{'含有数字的' if figures else ''}一段：“{_short(a.text)}”。")
    if a.figures != b.figures:
        gone = _listed(list((a.figures - b.figures).elements()))
        came = _listed(list((b.figures - a.figures).elements()))
        change = gone + " → " + came if gone and came else ("删去 " + gone if gone else "增加 " + came)
        old, new = _around_change(a.text, b.text)
        return Difference(True, b.where, f"数字与事实文件不符（{change}）：原为“{old}”，现为“{new}”。")
    old, new = _around_change(a.text, b.text)
    return Difference(False, b.where, f"文字有改动（数字未变）：原为“{old}”，现为“{new}”。")


def _listed(figures: list[str], most: int = 8) -> str:
    """Figures for a message: a few, then how many more (a finding is one line, whatever the file)."""
    shown = "、".join(_short(f, 20) for f in figures[:most])
    return shown + (f" 等 {len(figures)} 个" if len(figures) > most else "")


def _around_change(a: str, b: str, width: int = 12, most: int = 80) -> tuple[str, str]:
    """The two texts around where they differ, as much as a reader needs to find the place
    (at most `most` characters of each: the place, not the paragraph)."""
    a_, b_ = _around(a, b, width)
    return _short(a_, most), _short(b_, most)


def _around(a: str, b: str, width: int) -> tuple[str, str]:
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[len(a) - 1 - end] == b[len(b) - 1 - end]:
        end += 1
    lo = max(0, start - width)
    pre = "…" if lo else ""
    return (pre + a[lo:len(a) - end + width].rstrip() + ("…" if len(a) - end + width < len(a) else ""),
            pre + b[lo:len(b) - end + width].rstrip() + ("…" if len(b) - end + width < len(b) else ""))


def _short(text: str, width: int = 40) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[:width] + "…"


# ---- the command's work: read the edited report, build it again, compare, say the findings ----

class VerifyResult:
    """What `verify` came to: the exit code, the findings (of the facts file when it cannot be
    built; else one per link out of the report and per difference), the differences, the lines said."""

    def __init__(self, said: Said):
        self.code: int = ExitCode.OK
        self.findings: list[Finding] = []
        self.differences: list[Difference] = []
        self.buildable = False
        self.said = said


def verify(report: str, facts: str, listener: Listener | None = None) -> VerifyResult:
    """Compare the edited report at `report` with the one `facts` builds. An unreadable report
    raises MkreportError; everything else is in the result."""
    from pathlib import Path

    from ..core.reading import ReadProblem, read_limited
    from ..pipeline import check, render

    said = Said(listener)
    out = VerifyResult(said)
    try:
        data = read_limited(Path(report), 64 * 1024 * 1024, " Word 文档")
        edited = blocks(data)
    except (ReadProblem, NotAReport) as exc:
        raise MkreportError(f"无法读取报告 {report}：{exc}。", report) from None
    said.step(f"读取 {shown(report)}：{_counted(edited)}。")
    outside = outside_links(data)
    said.step(f"检查 {shown(facts)}。")
    result = check(Path(facts), facts)
    if not result.buildable:
        out.findings = visible(result.findings.sorted())
        if out.findings:
            said.out(render_text(out.findings))
        said.err(f"{shown(facts)}：{summary(result.findings.errors, result.findings.warnings)}"
                 "事实文件有错误，无法生成用来核对的报告；请先改正。")
        out.code = ExitCode.USAGE
        return out
    out.buildable = True
    said.step("用事实文件重新生成报告。")
    built = blocks(render(result, "docx"))
    said.step(f"逐段、逐格比较：生成的报告 {_counted(built)}。")
    out.differences = differences = compare(built, edited)
    found = Findings()
    doc = Document(report, plain=True)
    links = _outside(outside, doc, found)
    for d in differences:
        found.add("VERIFY-FIGURE" if d.figures else "VERIFY-TEXT", f"{d.where}：{d.message}", doc)
    out.findings = list(found)
    if found:
        said.out(render_text(list(found)))
    errors = found.errors
    also = f"另有 {links} 处外部链接（见上），报送前请删去。" if links else ""
    if errors:
        said.note(f"{shown(report)} 与 {shown(facts)} 不一致：{errors} 处数字不同，{len(differences) - errors} 处文字改动。"
                  "请改正报告，或改正事实文件后重新生成。" + also)
        out.code = ExitCode.FINDINGS
    elif differences:
        said.note(f"{shown(report)} 的数字与 {shown(facts)} 一致；有 {len(differences)} 处文字改动（见上）。" + also)
    else:
        said.note(f"{shown(report)} 与 {shown(facts)} 生成的报告完全一致。" + also)
    return out


def _counted(found: list[Block]) -> str:
    paragraphs = sum(b.where.endswith("段") for b in found)
    return f"{paragraphs} 段文字、{len(found) - paragraphs} 个表格单元格"


def _outside(outside, doc: Document, found: Findings) -> int:
    """A warning for each link out of the report (the first few), and how many there are; a report
    whose parts could not be read for them says so."""
    if outside is None:
        found.add("VERIFY-EXTERNAL", "无法检查这份报告中有没有外部链接：其中有部件过大或已损坏。报送前请用 Word 打开、另存一次。", doc)
        return 0
    for link in outside.shown:
        found.add("VERIFY-EXTERNAL", outside_message(link), doc)
    if outside.total > len(outside.shown):
        found.add("VERIFY-EXTERNAL", f"还有 {outside.total - len(outside.shown)} 处外部链接（共 {outside.total} 处）。", doc)
    return outside.total
