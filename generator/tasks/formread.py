"""A filled national self-evaluation form read back into the form model, cell by cell.

Cells are found by their headings, never by position: the funds' heading row (年初预算数 /
全年预算数 / 全年执行数 / 分值 / 执行率 / 得分), the goals' (预期目标 / 实际完成情况) and the
indicators' (一级 / 二级 / 三级指标, 年度指标值, 实际完成值, 分值, 得分, 偏差原因…), each with its
common variants, on one row or two. Every value keeps the cell it came from (Value.where), so the
facts file can say it beside the value and `import --explain` can show the whole reading.

A blank cell is not filled in: it is left out (Blank), and `check` reports it (FORM-BLANK); "—",
"/" and the like are "not applicable", written "—". Figures keep the precision the form prints.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..core.numbers import NA_SPELLINGS, ascii_figure, parse_decimal
from ..wordml.filledtables import Cell, Sheet

DASH = "—"


@dataclass
class Value:
    """A value for the facts file: its text as it goes into YAML and the cell it was read from."""
    text: str
    where: str
    note: str = ""            # how it was read, when not as written (a unit dropped, carried down)


@dataclass
class Blank:
    """A cell the form leaves empty where a value belongs: written as a comment, never as a value."""
    where: str
    what: str


@dataclass
class Problem:
    where: str
    message: str


@dataclass
class Reading:
    kind: Value | None = None
    year: Value | None = None
    department: Value | None = None
    names: dict = field(default_factory=dict)          # name / authority / executor → Value
    funding: dict = field(default_factory=dict)        # unit, total/fiscal/… → {budget: Value…}, points, rate, score
    goals: dict = field(default_factory=dict)          # expected / actual → [Value]
    rows: list[dict] = field(default_factory=list)     # level1 … reason → Value | Blank
    total: Value | None = None
    total_points: Value | None = None
    grade: Value | None = None
    contact: Value | None = None
    problems: list[Problem] = field(default_factory=list)
    sheet: str = ""


class NotAForm(Exception):
    """No sheet or table of the file has the indicators' headings."""


# ---- headings ---------------------------------------------------------------------------------

def heading(key: str) -> str | None:
    """What a column heading names (its key: label_key of the heading, two rows joined when the
    heading is on two): the model's field, or None. Longer, surer words first."""
    if len(key) > 16:
        return None                  # a sentence, not a heading
    if "偏差" in key or "原因" in key or "改进措施" in key:
        return "reason"
    if "一级" in key:
        return "level1"
    if "二级" in key:
        return "level2"
    if "三级" in key:
        return "name"
    if "执行率" in key:
        return "rate"
    if key in ("指标性质", "指标方向", "方向"):
        return "direction"          # a column of ≥ ≤ = before the 指标值 (Sichuan, Yunnan)
    if key in ("度量单位", "计量单位", "单位"):
        return "unit"
    if ("实际" in key and "执行" not in key) or "完成值" in key:
        return "actual"             # 实际完成值, 实际值, 全年实际值, 实际完成情况, 完成值
    if "指标值" in key or "目标值" in key or key in ("年度目标", "目标"):
        return "target"
    if "分值" in key or "权重" in key:
        return "points"
    if "得分" in key:
        return "score"
    if "年初" in key and "预算" in key:
        return "budget"
    if ("全年" in key or "调整" in key) and "预算" in key:
        return "adjusted"
    if "执行数" in key or "支出数" in key or "决算数" in key or key in ("全年执行", "执行"):
        return "final"
    if key in ("预算数", "预算"):
        return "budget_or_adjusted"
    return None


INDICATOR_FIELDS = ("level1", "level2", "name", "direction", "target", "unit", "actual", "points", "score", "reason")
FUNDING_FIELDS = ("budget", "adjusted", "final", "points", "rate", "score")
FIELD_ZH = {"level1": "一级指标", "level2": "二级指标", "name": "三级指标", "target": "年度指标值",
            "actual": "实际完成值", "points": "分值", "score": "得分", "reason": "偏差原因分析及改进措施",
            "budget": "年初预算数", "adjusted": "全年预算数", "final": "全年执行数", "rate": "执行率"}
SOURCE_ZH = {"total": "年度资金总额", "fiscal": "当年财政拨款", "carryover": "上年结转资金", "other": "其他资金"}


def _text(row: list[Cell], col: int | None) -> Cell | None:
    return row[col] if col is not None and col < len(row) else None


def _is_heading_row(row: list[Cell]) -> bool:
    """A row of headings only: some cell names a field, and no cell holds a figure."""
    keys = [c.key for c in row if c.key]
    return bool(keys) and any(heading(k) for k in keys) and not any(_figure(c.text) for c in row if c.text)


def _figure(text: str) -> bool:
    return parse_decimal(ascii_figure(text).rstrip("%").replace(",", "")) is not None


def columns(rows: list[list[Cell]], first: int, last: int, wanted) -> dict[str, int]:
    """The column of each field in the heading rows first..last (one or two rows): a column's
    heading is its rows' texts joined, a merged text counted once. The first column wins a field;
    a plain 预算数 is the 全年预算数 (what the rate divides by) unless the form has that too."""
    width = max(len(r) for r in rows[first:last + 1])
    out: dict[str, int] = {}
    plain: list[int] = []
    for c in range(width):
        parts: list[str] = []
        for r in range(first, last + 1):
            cell = _text(rows[r], c)
            if cell is not None and cell.key and (not parts or parts[-1] != cell.key):
                parts.append(cell.key)
        name = heading("".join(parts))
        if name == "budget_or_adjusted" and "budget_or_adjusted" in wanted:
            plain.append(c)
        elif name is not None and name in wanted and name not in out:
            out[name] = c
    for c in plain:
        name = "adjusted" if "adjusted" not in out else "budget" if "budget" not in out else None
        if name:
            out[name] = c
    return out


def heading_band(rows: list[list[Cell]], at: int) -> tuple[int, int]:
    """The heading rows around row `at`: with the row below when that is headings too (a heading
    on two rows), or the row above when `at` only completes it."""
    first, last = at, at
    if at + 1 < len(rows) and _is_heading_row(rows[at + 1]) and not _anchor(rows[at + 1]):
        last = at + 1
    if at > 0 and _is_heading_row(rows[at - 1]) and _covers(rows[at - 1], rows[at]):
        first = at - 1
    return first, last


def _covers(above: list[Cell], row: list[Cell]) -> bool:
    """Row `above` heads row `row` too: one of its headings is merged down into it."""
    return any(c.origin and a.key and c.text == a.text for a, c in zip(above, row))


def _anchor(row: list[Cell]) -> str | None:
    keys = {heading(c.key) for c in row if c.key}
    if "name" in keys or ("level1" in keys and "target" in keys):
        return "indicators"
    if "final" in keys and ({"budget", "adjusted", "budget_or_adjusted"} & keys):
        return "funding"
    return None


def find_anchors(rows: list[list[Cell]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i, row in enumerate(rows):
        kind = _anchor(row)
        if kind and kind not in out:
            out[kind] = i
        if "goals" not in out and goal_columns(row):
            out["goals"] = i
    return out


EXPECTED = ("预期目标", "年初设定目标", "项目年度目标", "年度目标", "年初目标", "绩效目标")


def goal_columns(row: list[Cell]) -> dict[str, int]:
    """The columns of the goals' headings: 预期目标 (or 年初设定目标 …), then right of it 实际完成情况
    (or 年度目标完成情况 …); {} when the row has not both."""
    out: dict[str, int] = {}
    for i, cell in enumerate(row):
        if "expected" not in out and (cell.key.startswith("预期目标") or cell.key in EXPECTED):
            out["expected"] = i
        elif "expected" in out and "actual" not in out and ("完成情况" in cell.key or "实际完成" in cell.key) \
                and len(cell.key) <= 16:
            out["actual"] = i
    return out if len(out) == 2 else {}


# ---- the values -------------------------------------------------------------------------------

_UNIT_TAIL = re.compile(r"(万元|元|分)$")


def figure(cell: Cell, what: str, problems: list[Problem]) -> Value | Blank:
    """A money, points or score cell: its figure as written, "—" for not applicable, Blank if empty.
    A unit written in the cell (800万元, 10分) is dropped, and said; anything else is kept as written,
    for `check` to name it at its line."""
    text = cell.text.strip()
    if not text:
        return Blank(cell.source, what)
    if text in NA_SPELLINGS:
        return Value(DASH, cell.source, f"“{text}”：不适用" if text != DASH else "")
    plain = ascii_figure(text).replace(",", "").replace("，", "")
    note = ""
    m = _UNIT_TAIL.search(plain)
    if m and parse_decimal(plain[:m.start()]) is not None:
        note, plain = f"去掉单位“{m.group(1)}”", plain[:m.start()]
    if parse_decimal(plain) is not None:
        return Value(plain, cell.source, note)
    problems.append(Problem(cell.source, f"{what}写成了“{text}”，不是数：原样写入，check 会指出。"))
    return Value(text, cell.source)


def rate_value(cell: Cell, problems: list[Problem]) -> Value | Blank:
    text = ascii_figure(cell.text.strip())
    if not text:
        return Blank(cell.source, "执行率")
    if text in NA_SPELLINGS:
        return Value(DASH, cell.source)
    if text.endswith("%"):
        return Value(text, cell.source)
    number = parse_decimal(text)
    if number is None:
        problems.append(Problem(cell.source, f"执行率写成了“{cell.text}”，不是百分比：原样写入，check 会指出。"))
        return Value(text, cell.source)
    if number <= 1:
        return Value(f"{number * 100:f}%", cell.source, f"{text} 读作 {number * 100:f}%")
    return Value(f"{text}%", cell.source, "补上百分号")


def words(cell: Cell | None) -> Value | None:
    if cell is None or not cell.text.strip():
        return None
    return Value(cell.text.strip(), cell.source)


def target_value(cell: Cell, what: str) -> Value | Blank:
    text = cell.text.strip()
    if not text:
        return Blank(cell.source, what)
    if text in NA_SPELLINGS and text != DASH:
        return Value(DASH, cell.source, f"“{text}”：不适用")
    return Value(text, cell.source)


# ---- the form ---------------------------------------------------------------------------------

def read_form(sheets: list[Sheet]) -> Reading:
    """The first sheet (or the document) with the indicators' headings, read as a form."""
    for sheet in sheets:
        anchors = find_anchors(sheet.rows)
        if "indicators" in anchors:
            return _read(sheet, anchors)
    raise NotAForm("找不到绩效指标的表头（一级指标、二级指标、三级指标、年度指标值……），不像一张绩效自评表")


def _read(sheet: Sheet, anchors: dict[str, int]) -> Reading:
    rows, out = sheet.rows, Reading(sheet=sheet.name)
    ind = anchors["indicators"]
    ind_first, ind_last = heading_band(rows, ind)
    top_end = min(v for k, v in anchors.items() if k != "indicators") if len(anchors) > 1 else ind_first
    _title(rows[:max(top_end, 1)], out)
    _names(rows[:top_end], out)
    if "funding" in anchors:
        _funding(rows, heading_band(rows, anchors["funding"]), _next(anchors, "funding", ind_first), out)
    else:
        out.problems.append(Problem(sheet.name or "表", "找不到资金的表头（年初预算数、全年预算数、全年执行数）：没有读入资金。"))
    if "goals" in anchors and anchors["goals"] < ind_first:
        _goals(rows, anchors["goals"], _next(anchors, "goals", ind_first), out)
    cols = columns(rows, ind_first, ind_last, INDICATOR_FIELDS)
    last = _indicators(rows, (ind_first, ind_last), cols, out)
    _after(rows, last, cols, out)
    return out


def _next(anchors: dict[str, int], name: str, heading_row: int) -> int:
    """Where the block `name` ends: at the next block's heading."""
    at = anchors[name]
    later = [v for k, v in anchors.items() if v > at and k != "indicators"] + [heading_row]
    return min(v for v in later if v > at)


_YEAR = re.compile(r"(20[0-9]{2})\s*年度?")


def _title(rows: list[list[Cell]], out: Reading) -> None:
    """项目支出 or 部门整体 and the year, from the title above the form (or its first rows)."""
    for row in rows:
        for cell in row:
            if out.kind is None and "自评表" in cell.key:
                if "项目" in cell.key:
                    out.kind = Value("project", cell.source, f"“{cell.text.strip()}”")
                elif "部门" in cell.key or "整体" in cell.key:
                    out.kind = Value("department", cell.source, f"“{cell.text.strip()}”")
            m = _YEAR.search(ascii_figure(cell.text))
            if out.year is None and m and ("年度" in cell.text or "自评表" in cell.key):
                out.year = Value(m.group(1), cell.source)


NAME_LABELS = [("name", ("项目名称",)), ("department", ("部门(单位)名称", "部门名称", "单位名称", "部门(单位)", "预算单位")),
               ("authority", ("主管部门",)), ("executor", ("实施单位",))]


def _label_of(key: str) -> str | None:
    for name, labels in NAME_LABELS:
        if any(key.startswith(label) for label in labels) and len(key) <= 10:
            return name
    return None


def _names(rows: list[list[Cell]], out: Reading) -> None:
    """项目名称 / 部门（单位）名称 / 主管部门 / 实施单位: the text right of each label."""
    for row in rows:
        for i, cell in enumerate(row):
            name = _label_of(cell.key)
            if name is None or name in out.names or (i and row[i - 1].text == cell.text):
                continue
            value = next((c for c in row[i + 1:] if c.text and c.text != cell.text), None)
            if value is not None and _label_of(value.key) is None:
                out.names[name] = Value(value.text.strip(), value.source)
    if out.kind is None:
        project = "name" in out.names
        out.kind = Value("project" if project else "department", "",
                         "表中有“项目名称”" if project else "没有标题，按部门整体")


def _funding(rows: list[list[Cell]], band: tuple[int, int], end: int, out: Reading) -> None:
    first, last = band
    cols = columns(rows, first, last, FUNDING_FIELDS + ("budget_or_adjusted",))
    for r in range(first, last + 1):
        for head in rows[r]:
            m = re.search(r"[(（]\s*(万元|元|亿元)\s*[)）]|单位[:：]\s*(万元|元|亿元)", head.text)
            if m and "unit" not in out.funding:
                out.funding["unit"] = Value(m.group(1) or m.group(2), head.source)
    left = min(cols.values()) if cols else 0
    for r in range(last + 1, end):
        row = rows[r]
        label = "".join(dict.fromkeys(c.key for c in row[:left]))       # a merged label once
        source = _source(label)
        if source is None:
            amounts = [_text(row, cols.get(k)) for k in ("budget", "adjusted", "final")]
            if any(c is not None and c.text.strip() and _nonzero(c.text) for c in amounts):
                out.problems.append(Problem(row[0].source, f"资金一行“{label}”不是年度资金总额、当年财政拨款、"
                                            "上年结转资金或其他资金：没有读入。"))
            continue
        if source in out.funding:
            continue
        record: dict = {}
        for col in ("budget", "adjusted", "final"):
            cell = _text(row, cols.get(col))
            if cell is not None:
                record[col] = figure(cell, f"{SOURCE_ZH[source]}的{FIELD_ZH[col]}", out.problems)
        out.funding[source] = record
        for col in ("points", "rate", "score"):
            cell = _text(row, cols.get(col))
            if cell is None or col in out.funding or (source != "total" and cell.text.strip() in NA_SPELLINGS | {""}):
                continue
            out.funding[col] = rate_value(cell, out.problems) if col == "rate" else \
                figure(cell, f"预算执行率的{FIELD_ZH[col]}", out.problems)


def _nonzero(text: str) -> bool:
    """A figure other than 0 (0.00, —, / are nothing to read)."""
    number = parse_decimal(ascii_figure(text).replace(",", ""))
    return number is None and text.strip() not in NA_SPELLINGS or bool(number)


def _source(label: str) -> str | None:
    if "财政拨款" in label or "财政资金" in label:
        return "fiscal"
    if "结转" in label:
        return "carryover"
    if "其他" in label:
        return "other"
    if "总额" in label or "合计" in label or "总计" in label:
        return "total"
    return None


def _goals(rows: list[list[Cell]], at: int, end: int, out: Reading) -> None:
    for part, col in goal_columns(rows[at]).items():
        seen: set[str] = set()
        items: list[Value] = []
        for r in range(at + 1, end):
            cell = _text(rows[r], col)
            if cell is None or not cell.text.strip() or cell.source in seen:
                continue
            seen.add(cell.source)
            items += [Value(line.strip(), cell.source) for line in cell.text.split("\n") if line.strip()]
        out.goals[part] = items


def _indicators(rows: list[list[Cell]], band: tuple[int, int], cols: dict[str, int], out: Reading) -> int:
    """The indicator rows under their heading, 一级/二级 carried down; the index of the row after."""
    first, last = band
    missing = [FIELD_ZH[f] for f in ("level1", "name", "target", "points", "score") if f not in cols]
    if missing:
        out.problems.append(Problem(rows[last][0].source, f"绩效指标的表头中没有找到：{'、'.join(missing)}。"))
    left = min(cols.values()) if cols else 0
    above: dict = {}
    r = last + 1
    while r < len(rows):
        row = rows[r]
        lead = "".join(c.key for c in row[:max(left, 1)]) + "".join(
            c.key for f in ("level1", "level2", "name") if (c := _text(row, cols.get(f))) is not None)
        if lead.startswith(("总分", "合计", "总计")) or "总分" in lead[:8]:
            break
        if _anchor(row) or _note(row):
            break
        cells = {f: _text(row, c) for f, c in cols.items()}
        if any((c := cells.get(f)) is not None and c.text.strip() not in _ELLIPSIS
               for f in ("name", "target", "actual", "points", "score")):
            out.rows.append(_row(cells, above, out))
        r += 1
    return r


_ELLIPSIS = ("", "……", "…", "...", "......")     # a form's "more rows here" line


def _note(row: list[Cell]) -> bool:
    """A line under the table (注：…, 填报人…), across the whole row."""
    return bool(row) and row[0].key.startswith(("注", "填报人", "说明")) and all(c.text == row[0].text for c in row)


def _row(cells: dict, above: dict, out: Reading) -> dict:
    row: dict = {}
    for f in ("level1", "level2"):
        cell = cells.get(f)
        if cell is not None and cell.text.strip():
            row[f] = above[f] = Value(cell.text.strip(), cell.source)
        elif f in above:
            row[f] = Value(above[f].text, cell.where if cell is not None else above[f].where,
                           f"空白，沿用上一行（{above[f].where}）")
        else:
            row[f] = Blank(cell.where if cell is not None else "", FIELD_ZH[f])
    name = cells.get("name")
    row["name"] = Value(name.text.strip(), name.source) if name is not None and name.text.strip() else \
        Blank(name.where if name is not None else "", "三级指标")
    for f in ("target", "actual"):
        if f in cells:
            row[f] = target_value(cells[f], FIELD_ZH[f])
    _split_columns(row, cells)
    title = row["name"].text if isinstance(row["name"], Value) else "？"
    for f in ("points", "score"):
        if f in cells:
            row[f] = figure(cells[f], f"“{title}”的{FIELD_ZH[f]}", out.problems)
    reason = cells.get("reason")
    if reason is not None and reason.text.strip():
        row["reason"] = Value(reason.text.strip(), reason.source)
    return row


_SIGNS = {"≥": "≥", ">=": "≥", "＞＝": "≥", "≧": "≥", ">": "＞", "＞": "＞", "≤": "≤", "<=": "≤", "≦": "≤",
          "<": "＜", "＜": "＜", "=": "=", "＝": "=", "﹦": "="}


def _split_columns(row: dict, cells: dict) -> None:
    """A form that writes the direction (指标性质) and the unit (度量单位) in columns of their own:
    the 年度指标值 as one text again (= | 100 | % → =100%), and a bare 实际完成值 with the unit."""
    sign = cells.get("direction")
    unit = cells.get("unit")
    sign_text = _SIGNS.get(sign.text.strip(), "") if sign is not None else ""
    unit_text = unit.text.strip() if unit is not None and unit.text.strip() not in NA_SPELLINGS else ""
    target = row.get("target")
    if isinstance(target, Value) and target.text != DASH and (sign_text or unit_text):
        text = sign_text + target.text + (unit_text if _figure(target.text) else "")
        where = "、".join(c.source for c in (sign, cells.get("target"), unit) if c is not None and c.text.strip())
        row["target"] = Value(text, where, "指标性质、指标值、度量单位三格合成")
    actual = row.get("actual")
    if isinstance(actual, Value) and unit_text and _figure(actual.text) and not actual.text.endswith(unit_text):
        row["actual"] = Value(actual.text + unit_text, f"{actual.where}、{unit.source if unit is not None else ''}",
                              "加上度量单位")


def _after(rows: list[list[Cell]], at: int, cols: dict[str, int], out: Reading) -> None:
    """The total row (its 分值 and 得分 in the indicators' columns), the grade, who filled it in."""
    for r in range(at, len(rows)):
        row = rows[r]
        keys = [c.key for c in row]
        if keys and any(k.startswith(("总分", "合计")) for k in keys[:3]) and out.total is None:
            points, score = _text(row, cols.get("points")), _text(row, cols.get("score"))
            if points is not None and _figure(points.text):
                out.total_points = Value(points.text, points.source)
            if score is not None:
                total = figure(score, "总分", out.problems)
                out.total = total if isinstance(total, Value) else None
        for c in row:
            if out.grade is None and "等级" in c.key:
                grade = re.search(r"[优良中差]", c.key.split("等级", 1)[1])
                if grade:
                    out.grade = Value(grade.group(), c.source)
                else:
                    nxt = next((d for d in row if d.key in ("优", "良", "中", "差")), None)
                    if nxt is not None:
                        out.grade = Value(nxt.key, nxt.source)
            if out.contact is None and c.key.startswith("填报人"):
                text = re.sub(r"^填报人(及联系电话)?[:：]?\s*", "", c.text.strip())
                if text:
                    out.contact = Value(text, c.source)
