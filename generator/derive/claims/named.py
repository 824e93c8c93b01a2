"""A count with the names of what it counts: "我局本级内设14个机构，分别是办公室、…、市场贸易股", "内设办公室、人事股、…共6个
职能处室", "纳入预算编制范围的预算单位共计2家，具体包括：示例县商务局（本级）", "内设机构14个，各机构规范简称依次为：…". The names written are as many as the
count says — whoever's they are (a count of names is plain arithmetic of the text). Read as one claim "named" whose
figure is the count and whose other is the names; checked in checks/prose/counts.py (PROSE-COUNT).

Only the plain shape: the names one after another, parted by 、 (a bracket inside a name is part of it), each a few
characters with no figure, to the end of the sentence. Names before their count that end with 等 ("…、投资促进股等9个科室")
are some of them: the count is checked only not to be fewer than the names. A list that joins its last names
with 和/及, names a range ("综合一处至综合九处") or has a comma among its names (which may part names or end them) is not
counted. Found with three bounded patterns over the text: linear in it.
"""
from __future__ import annotations

import re

from .claim import Claim, Reading
from .later import LaterPass
from .tokens import Token, chinese_number

_KINDS = r"(?:内设机构|职能机构|机构|职能处室|处室|科室|股室|职能股室|内设股室|部门|预算单位|单位|科|股|处|室)"
_COUNT = r"(?P<count>[0-9]{1,3}|[一二两三四五六七八九十]{1,3})[ \t\u3000]*(?P<unit>个|家)"
# the count first: "内设14个机构，分别是办公室、…", "预算单位共计2家，具体包括：示例县商务局（本级）"
_COUNT_FIRST = re.compile(_COUNT + r"[\u4e00-\u9fff]{0,6}?" + _KINDS + r"[ \t\u3000]*[，,]?[ \t\u3000]*"
                          r"(?:分别是|分别为|具体包括|包括|即|[\u4e00-\u9fff]{0,8}?依次(?:为|是))[ \t\u3000]*[：:]?[ \t\u3000]*(?P<names>[^。；;\n]{2,800})")
# the kind, then the count: "纳入…编制范围的预算单位共计2家，具体包括：示例县商务局（本级）", "内设机构14个：办公室、…"
_KIND_FIRST = re.compile(_KINDS + r"[ \t\u3000]*(?:共计|共有|共|计|有)?[ \t\u3000]*" + _COUNT + r"[ \t\u3000]*(?:[，,]?[ \t\u3000]*"
                         r"(?:分别是|分别为|具体包括|包括|即|[\u4e00-\u9fff]{0,8}?依次(?:为|是))[ \t\u3000]*[：:]?|[：:])[ \t\u3000]*"
                         r"(?P<names>[^。；;\n]{2,800})")
# the names first: "内设办公室、人事股、…共6个职能处室", "内设：办公室、人事股、…11个职能机构"
_NAMES_FIRST = re.compile(r"(?:内设|下设|设有)[ \t\u3000]*[：:]?[ \t\u3000]*(?P<names>[^。；;，,\n]{2,800}?)[ \t\u3000]*(?:[，,]?[ \t\u3000]*(?:共|共计))?"
                          r"[ \t\u3000]*" + _COUNT
                          + r"[\u4e00-\u9fff]{0,6}?" + _KINDS)
# items each with its amount, then 等 and their count: "包括A经费320万元，B经费68.5万元，…等4个项目"
_COUNT_AFTER_SOME = re.compile(r"等[ \t\u3000]*" + _COUNT)
_ITEMS_REACH = 800          # from 等 back to 包括: a sentence's list
_PRICED_ITEM = re.compile(r"[\u4e00-\u9fff“”（）()]{2,30}?[ \t\u3000]*(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?[ \t\u3000]*(?:万元|元|亿元)")
# "具体抓好以下九个方面的工作：一是…；二是…；…九是…": a count of the points that follow, each opened by 一是, 二是 …
_POINTS = re.compile(r"(?:以下|如下|下列)[ \t\u3000]*(?P<count>[0-9]{1,2}|[一二两三四五六七八九十]{1,3})[ \t\u3000]*(?:个|项|点|条)"
                     r"[\u4e00-\u9fff]{0,12}?[：:]")
_POINT = re.compile(r"(?<=[：:；;。，,\s])([一二三四五六七八九十]{1,3})是")
_POINTS_REACH = 3000
POINTS = "分条"              # the label of a count of points (counts._named words its finding so)
PRICED = "各项"              # the label of a count of items each with its amount (so too)        # how far the points are looked for after their count: a paragraph
# one name: a few characters, a bracket inside it part of it (the department's own name is read as 本部门 padded with
# spaces to its length: see reader.own_names)
_NAME = re.compile(r"[\u4e00-\u9fff“” ]{2,30}(?:[（(][\u4e00-\u9fff、“”]{1,20}[）)][\u4e00-\u9fff]{0,6})?")


# a bracket that leaves its name out of the count
_NOT_COUNTED = re.compile(r"[（(][^）)]{0,6}(?:不纳入|不计入|不计|不占|不含|不属于)[^）)]{0,12}[）)]")


def read_named_counts(text: str, tokens: list[Token], reading: Reading) -> None:
    """Each count with its names written out, as a claim (see the module's docstring)."""
    if "、" not in text and "包括" not in text and "是" not in text:
        return
    later = LaterPass(reading)
    figures = {t.start: t for t in tokens if t.kind == "num"}
    claimed = {c.figure.start for c in reading.claims if c.figure is not None}
    # a count the reader took for the department's sections is first a count of the names written with it: "内设机构
    # 14个，包括办公室、…" — against the file's list only once the names it writes are as many
    sections = {c.figure.start: c for c in reading.claims
                if c.figure is not None and c.fact == "department.staffing.sections" and not c.alts}
    for pattern in (_COUNT_FIRST, _KIND_FIRST, _NAMES_FIRST):
        for m in pattern.finditer(text):
            tok = figures.get(m.start("count"))
            if tok is None or (tok.start in claimed and tok.start not in sections):
                continue
            start, end = m.start("names"), m.end("names")
            # "内设办公室、人事股、…、投资促进股等9个科室": some of the names — the count is at least as many
            some = pattern is _NAMES_FIRST and text[start:end].rstrip(" \t\u3000").endswith("等")
            if some:
                end = text.rindex("等", start, end)
            names = _names(text, start, end, trailing=pattern is not _NAMES_FIRST)
            if names is None or (pattern is _NAMES_FIRST and len(names) < 2):
                continue        # ("内设机构为6个科室": no names before the count)
            # (a count after some of the names is still read as the department's sections, as it was)
            of = None if some else sections.pop(tok.start, None)
            if of is not None:
                reading.claims.remove(of)       # (checked by the names' claim, once the names fit: counts._named)
            # (where each name is, not its words: the department's own name is read as 本部门 — the check shows
            # the text as written)
            reading.claims.append(Claim("named", tok, None, other=tuple(names), sentence=later.sentence_at(tok.start),
                                        value=tok.value, unit=tok.unit, of=of, at_least=some))
            claimed.add(tok.start)
            later.take(tok.start)
    _read_priced_items(text, figures, claimed, reading, later)
    _read_points(text, figures, claimed, reading, later)
    later.done()


def _read_priced_items(text: str, figures: dict, claimed: set, reading: Reading, later: LaterPass) -> None:
    """"项目支出包括县域商业体系建设经费320万元，外贸发展专项经费68.5万元，…，电子商务进农村经费15万元等4个项目": items
    each named with its amount, then 等 and their count — at least as many as the items written (a claim "named" whose
    names are the items, at_least). Each 等N个 looks back to the 包括 before it, no further than the last one looked at:
    every character is looked at a bounded number of times (linear in the text)."""
    if "等" not in text or "包括" not in text:
        return
    done = 0
    for m in _COUNT_AFTER_SOME.finditer(text):
        at = text.rfind("包括", max(done, m.start() - _ITEMS_REACH), m.start())
        done = m.start()
        tok = figures.get(m.start("count"))
        if at < 0 or tok is None or tok.start in claimed or tok.start not in later.unread:
            continue
        start = at + 2
        while start < m.start() and text[start] in " \t\u3000：:":
            start += 1
        if any(ch in text[start:m.start()] for ch in "。；;：:\n"):
            continue
        items = _priced_items(text, start, m.start())
        if items is None or len(items) < 2:
            continue
        reading.claims.append(Claim("named", tok, None, other=tuple(items), sentence=later.sentence_at(tok.start),
                                    value=tok.value, unit=tok.unit, at_least=True, label=PRICED))
        claimed.add(tok.start)
        later.take(tok.start)


def _priced_items(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """Where each item of text[start:end] is, parted by ， or 、, each a name and one amount; None otherwise."""
    spans, begin = [], start
    for k in range(start, end + 1):
        if k == end or text[k] in "，,、":
            a, b = _stripped(text, begin, k)
            if _PRICED_ITEM.fullmatch(text, a, b) is None:
                return None
            spans.append((a, b))
            begin = k + 1
    return spans


def _read_points(text: str, figures: dict, claimed: set, reading: Reading, later: LaterPass) -> None:
    """Each count of the points that follow it, 一是 … (see _POINTS), as a claim "named" whose names are the openings of
    the points — as many as the count says: the points numbered one after the other from 一是, to the paragraph's end."""
    if "是" not in text:
        return
    found = list(_POINTS.finditer(text))
    for i, m in enumerate(found):
        tok = figures.get(m.start("count"))
        if tok is None or tok.start in claimed or tok.start not in later.unread:
            continue
        end = text.find("\n", m.end(), m.end() + _POINTS_REACH)
        stop = end if end >= 0 else min(len(text), m.end() + _POINTS_REACH)
        # (to the next count of points at most: each stretch of the text is looked at once — linear)
        stop = min(stop, found[i + 1].start()) if i + 1 < len(found) else stop
        points, expect = [], 1
        for p in _POINT.finditer(text, m.end() - 1, stop):
            if chinese_number(p.group(1)) == expect:
                points.append((p.start(), p.end()))
                expect += 1
        if len(points) < 2 or points[0][0] != m.end():
            continue            # (the points must begin right after the colon)
        reading.claims.append(Claim("named", tok, None, other=tuple(points), sentence=later.sentence_at(tok.start),
                                    value=tok.value, unit=tok.unit, label=POINTS))
        claimed.add(tok.start)
        later.take(tok.start)


def _names(text: str, start: int, end: int, trailing: bool) -> list[tuple[int, int]] | None:
    """Where each name of text[start:end] is, parted by 、, or None when it is not a plain list of names. `trailing`: the
    run may go on past the last name (to the end of its sentence): it ends at the first mark that is not 、."""
    if trailing and re.search(r"[，,：:]", text[start:end]):
        return None         # ("…（本级），无锡市…执法监督局。": a comma may part names as well as end them — not certain)
    spans, depth, begin = [], 0, start
    for k in range(start, end):
        ch = text[k]
        depth += (ch in "（(") - (ch in "）)")
        if ch == "、" and depth == 0:
            spans.append((begin, k))
            begin = k + 1
    spans.append((begin, end))
    spans = [_stripped(text, a, b) for a, b in spans]
    if any(_NAME.fullmatch(text, a, b) is None for a, b in spans):
        return None
    last = text[spans[-1][0]:spans[-1][1]]
    if last.endswith("等") or "和" in last or "及" in last or any("至" in text[a:b] for a, b in spans):
        return None         # ("…等十二个内设股室", "…、人事股和法规股", "综合一处至综合九处": not every name parted)
    # ("机关党委（不纳入内设机构数）": a name its own bracket leaves out of the count)
    return [(a, b) for a, b in spans if _NOT_COUNTED.search(text, a, b) is None]


def _stripped(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t\u3000":
        a += 1
    while b > a and text[b - 1] in " \t\u3000":
        b -= 1
    return a, b
