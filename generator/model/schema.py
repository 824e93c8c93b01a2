"""A small typed-model layer: declare fields once, get conversion, messages and JSON Schema.

Why not pydantic: building a few dozen pydantic models costs more time than importing the
whole rendering stack, and `mkreport check` must stay fast; we also want every message in
Chinese and every value's `line:col`, which a converter of our own gives directly.

A model is a class with `Field` attributes. `convert(Model, node, conv)` turns a YAML node tree
into instances, records the position of every value under its path (a tuple of keys and list
indices) and collects every problem as a `Problem` instead of stopping at the first.
"""
from __future__ import annotations

import datetime as _dt
import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Final, Generic, Literal, TypeVar, overload

from ..core.numbers import (
    MAX_DIGITS,
    NA,
    NA_SPELLINGS,
    Quantity,
    ascii_figure,
    foreign_digit,
    parse_decimal,
    parse_quantity,
    plausible,
)
from .yamlsource import Node

Path = tuple

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)     # a Kind[str] is a Kind[str | Block]: it only makes values
V = TypeVar("V")
S = TypeVar("S")
M = TypeVar("M", bound="Model")


@dataclass(frozen=True)
class Fix:
    """The edit a finding names, for an editor to apply (mkreport lsp's code actions): characters
    `start` to `end` of the file's text (as read, a BOM left out) become `text`. `title` says it
    in Chinese, as the editor offers it."""

    start: int
    end: int
    text: str
    title: str


class Problem:
    def __init__(self, path: Path, line: int, col: int, message: str, code: str = "SCHEMA", fix=None):
        self.path, self.line, self.col, self.message, self.code = path, line, col, message, code
        self.fix = fix      # a Fix: the edit that corrects it, where it is certain

    def __repr__(self):
        return f"Problem({self.path!r}, {self.line}, {self.col}, {self.message!r}, {self.code!r})"


PLACEHOLDER = "待填写"      # where `mkreport new` and `rollover` leave a value to write (rollover adds the unit: 待填写亿元)
STALE = "【上年】"          # the mark `mkreport rollover` puts before a text kept from last year's report


# a text written over several lines: (line, col, its source, its value, spaces before it)
BlockSource = tuple[int, int, str, str, int]


class Conversion:
    """State of one conversion: positions seen and problems found."""

    def __init__(self, trusted: bool = False, placeholders: bool = False) -> None:
        # a file shipped with mkreport (the built-in vocabulary): its patterns were checked when
        # it was written, by its test, and are not checked again at every start
        self.trusted = trusted
        # a facts file started by `mkreport new` or rolled over holds 待填写 where a value is due
        self.placeholders = placeholders
        self.problems: list[Problem] = []
        self.positions: dict[Path, tuple[int, int]] = {}
        self.key_positions: dict[Path, tuple[int, int]] = {}
        self.inline: dict[Path, tuple[int, int]] = {}   # where a one-line text's first character is
        self.blocks: dict[Path, BlockSource] = {}             # a text over several lines
        self.spans: dict[Path, tuple[int, int]] = {}    # a figure's characters in the file, for a fix

    def problem(self, path: Path, node: Node, message: str, code: str = "SCHEMA", fix=None) -> None:
        self.problems.append(Problem(path, node.line, node.col, message, code, fix))


class Invalid(enum.Enum):
    """The type of INVALID: one member, so that `value is INVALID` tells the type checker the rest."""

    INVALID = "INVALID"


# what a Kind's convert returns for a value it has reported as a problem
INVALID: Final = Invalid.INVALID


class SchemaDefs(dict):
    """The `$defs` of a JSON Schema being written, and which file it is for: a facts file may hold
    待填写 where `mkreport new` or `rollover` left a value to write, and its schema accepts that —
    an editor showing one error per blank of a fresh file hides the one mistake that matters.
    `check` still lists every 待填写 (UNFILLED)."""

    def __init__(self, placeholders: bool = False):
        super().__init__()
        self.placeholders = placeholders


# What the converters read as a figure, for the patterns editors test (JavaScript, `u` flag):
# full-width digits, point and signs as a Chinese input method types them (numbers.ascii_figure)
_DIGIT, _POINT = "[0-9０-９]", "[.．]"
_UNSIGNED = f"({_DIGIT}+({_POINT}{_DIGIT}*)?|{_POINT}{_DIGIT}+)"
_SIGNED = f"[+＋\\-－]?{_UNSIGNED}"
_PLUS = f"[+＋]?{_UNSIGNED}"
_DASHES = "——|—|--|-|－－|－|–|―|/|／|不适用"       # numbers.NA_SPELLINGS


def _pattern(body: str, defs: dict) -> str:
    """A whole-value pattern; in a facts file's schema a value still to be written passes too."""
    if getattr(defs, "placeholders", False):
        return f"^\\s*({body}|{PLACEHOLDER}.*)\\s*$"
    return f"^\\s*({body})\\s*$"


def _said(schema: dict, message: str) -> dict:
    """The schema with what an editor (yaml-language-server) says when a value does not fit, in
    place of its own English or a raw regular expression: errorMessage for a wrong type or
    option, patternErrorMessage for a wrong spelling. Field.json_schema puts the field's name first."""
    schema["errorMessage"] = message
    if "pattern" in schema:
        schema["patternErrorMessage"] = message
    return schema


def label(path: Path, zh: str | None = None) -> str:
    dotted = dotted_path(path)
    return f"{dotted}（{zh}）" if zh else dotted


def dotted_path(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "（文件顶层）"


class Kind(Generic[T_co]):
    """How one field's YAML node becomes a Python value, of type T_co."""

    zh = "值"

    def convert(self, node: Node, conv: Conversion, path: Path, zh: str) -> T_co | Invalid:
        raise NotImplementedError

    def json_schema(self, defs: dict) -> dict:
        raise NotImplementedError

    def empty(self) -> T_co | None:
        """The value of a field left out: None, except for the collections (Many)."""
        return None

    def _scalar(self, node: Node, conv: Conversion, path: Path, zh: str) -> str | Invalid:
        if node.kind != "scalar":
            shape = "列表" if node.kind == "seq" else "映射"
            conv.problem(path, node, f"{label(path, zh)} 应为{self.zh}，此处写成了{shape}。")
            return INVALID
        if conv.placeholders and node.value.strip().startswith(PLACEHOLDER):
            # never read as a text, a zero or a date: a value still to be written
            unit = node.value.strip()[len(PLACEHOLDER):]
            hint = f"（单位：{unit}）" if unit else ""
            conv.problem(path, node, f"未填写：{label(path, zh)}{hint}。请填写，或删除这一项。", "UNFILLED")
            return INVALID
        if conv.placeholders and node.value.lstrip().startswith(STALE):
            conv.problem(path, node, f"{label(path, zh)} 仍是上年报告的文字（以“{STALE}”开头）：请按本年情况改写，"
                         f"改好后删去“{STALE}”。", "STALE")
        return node.value

    def _figure(self, node: Node, conv: Conversion, path: Path, zh: str) -> str | Invalid:
        """A scalar that is a number, quantity or date: full-width digits taken as typed with a
        Chinese input method, digits of other scripts refused (2৪ is not 24)."""
        text = self._scalar(node, conv, path, zh)
        if text is INVALID:
            return text
        conv.spans[path] = (node.start, node.end)
        text = ascii_figure(text)
        bad = foreign_digit(text)
        if bad is not None:
            conv.problem(path, node, f"{label(path, zh)} 中的“{bad}”（U+{ord(bad):04X}）不是阿拉伯数字，"
                         "请改为 0–9（常见于从网页或其他文字的文档中复制）。")
            return INVALID
        return text


# Characters a Word document cannot hold; they arrive pasted from Word or through YAML escapes.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


class Many(Kind[T_co]):
    """A kind whose value left out is an empty collection, never None (a list, a mapping)."""

    def empty(self) -> T_co:
        raise NotImplementedError


class Text(Kind[str]):
    zh = "文字"

    def convert(self, node: Node, conv: Conversion, path: Path, zh: str) -> str | Invalid:
        value = self._scalar(node, conv, path, zh)
        if value is INVALID:
            return value
        bad = _CONTROL.search(value)
        if bad:
            conv.problem(path, node, f"{label(path, zh)} 含有不可见的控制字符 U+{ord(bad.group()):04X}"
                         f"（第 {bad.start() + 1} 个字符处，常见于从 Word 复制的文字），请删除。")
            return INVALID
        if node.inline:
            lead = len(value) - len(value.lstrip())
            conv.inline[path] = (node.line, node.col + (1 if node.quoted else 0) + lead)
        elif node.raw:
            conv.blocks[path] = (node.line, node.col, node.raw, value, len(value) - len(value.lstrip()))
        return value.strip()

    def json_schema(self, defs):
        return _said({"type": ["string", "number"]}, "应为一段文字。")


def _too_long(value: Decimal, conv: Conversion, node: Node, path: Path, zh: str) -> bool:
    if not plausible(value):
        conv.problem(path, node, f"{label(path, zh)} 的数字超过 {MAX_DIGITS} 位，请核对是否多打了数字。")
        return True
    return False


_THOUSANDS = re.compile(r"^[+-]?[0-9]{1,3}([,，、 \u3000][0-9]{3})+(\.[0-9]+)?$")
_WIDE_POINT = re.compile(r"^[+-]?[0-9]+[。．][0-9]+$")
_BRACKETED = re.compile(r"^[(（]([0-9]+(\.[0-9]+)?)[)）]$")


class Number(Kind[Decimal]):
    """An exact decimal number; the unit is given by the field (usually 万元). With `dash`, "—"
    says the line does not apply (numbers.NA: 0 in sums, printed "—")."""

    zh = "数字"

    def __init__(self, unit: str = "", minimum: Decimal | None = Decimal(0), dash: bool = False):
        self.unit = unit
        self.minimum = minimum
        self.dash = dash

    def convert(self, node: Node, conv: Conversion, path: Path, zh: str) -> Decimal | Invalid:
        text = self._figure(node, conv, path, zh)
        if text is INVALID:
            return text
        if self.dash and text.strip() in NA_SPELLINGS:
            return NA
        value = parse_decimal(text)
        if value is None:
            conv.problem(path, node, f"{label(path, zh)} 应为数字，写成了“{text}”。" + _number_hint(text, self.unit),
                         fix=_unseparated(node, text))
            return INVALID
        if _too_long(value, conv, node, path, zh):
            return INVALID
        if self.minimum is not None and value < self.minimum:
            conv.problem(path, node, f"{label(path, zh)} 不能小于 {self.minimum}，写成了 {text}。")
            return INVALID
        return value

    def json_schema(self, defs):
        signed = self.minimum is None or self.minimum < 0
        body = (_SIGNED if signed else _PLUS) + (f"|{_DASHES}" if self.dash else "")
        out: dict = {"type": ["number", "string"], "pattern": _pattern(body, defs)}
        if self.minimum is not None:
            out["minimum"] = int(self.minimum) if self.minimum == self.minimum.to_integral_value() else float(self.minimum)
        if self.unit:
            out["x-unit"] = self.unit
        what = "金额（单位见 finance.unit，默认万元）" if self.unit == "万元" else f"数字（{self.unit}）" if self.unit else "数字"
        return _said(out, f"应为{what}：只写数字，不带单位，不用千位分隔符，如 1066.5"
                          + ("" if signed else "，不能为负数") + ("；不适用的写“—”" if self.dash else "") + "。")


_DIRECTED = re.compile(r"^(≥|≤|>=|<=|＞＝|＜＝|[><=＞＜＝≧≦])\s*([0-9]+(?:\.[0-9]+)?)\s*(\S*)$")


def direction_hint(text: str) -> str:
    """"≤4" where only a number goes: the sign is the target's direction, written apart."""
    m = _DIRECTED.match(text.strip())
    if not m:
        return ""
    sign = {">=": "≥", "<=": "≤", ">": "≥", "<": "≤", "＞": "≥", "＜": "≤", "≧": "≥", "≦": "≤",
            "＞＝": "≥", "＜＝": "≤", "＝": "="}.get(m.group(1), m.group(1))
    return (f"“{m.group(1)}”是指标的方向，不是数字的一部分：此处只写 {m.group(2)}{m.group(3)}，方向另写"
            f"（绩效目标写 direction: {sign}；全国通用自评表的年度指标值 form.indicators[].target 可写“{sign}{m.group(2)}"
            f"{m.group(3)}”）。")


def _unseparated(node: Node, text: str):
    """The figure without its thousands separators, as an edit (`12,345.6` → `12345.6`)."""
    text = text.strip()
    if not _THOUSANDS.match(text):
        return None
    plain = re.sub(r"[,，、 \u3000]", "", text)
    return Fix(node.start, node.end, plain, f"去掉千位分隔符：改为 {plain}")


def _number_hint(text: str, unit: str) -> str:
    text = text.strip()
    directed = direction_hint(text)
    if directed:
        return directed
    if _THOUSANDS.match(text):
        return "请去掉千位分隔符，写成 " + re.sub(r"[,，、 \u3000]", "", text) + "。"
    if _WIDE_POINT.match(text):
        return "小数点请用半角的“.”，写成 " + re.sub("[。．]", ".", text) + "。"
    bracketed = _BRACKETED.match(text)
    if bracketed:
        return f"负数请写成 -{bracketed.group(1)}（不用括号）。"
    q = parse_quantity(text)
    if q is not None and q.unit:
        where = f"单位统一为{unit}，" if unit else ""
        return f"此处只写数字，不带单位：{where}请写成 {q.value}。"
    if "，" in text or "。" in text:
        return "此处只写一个数字，说明文字请写入相应的说明字段。"
    return ""


class Integer(Kind[int]):
    zh = "整数"

    def __init__(self, minimum: int = 0, maximum: int | None = None):
        self.minimum, self.maximum = minimum, maximum

    def convert(self, node: Node, conv: Conversion, path: Path, zh: str) -> int | Invalid:
        text = self._figure(node, conv, path, zh)
        if text is INVALID:
            return text
        value = parse_decimal(text)
        if value is not None and _too_long(value, conv, node, path, zh):
            return INVALID
        if value is None or value != value.to_integral_value() or value < 0:
            hint = _number_hint(text, "")
            conv.problem(path, node, f"{label(path, zh)} 应为非负整数，写成了“{text}”。{hint}",
                         fix=_unseparated(node, text))
            return INVALID
        if value < self.minimum or (self.maximum is not None and value > self.maximum):
            bounds = f"{self.minimum} 到 {self.maximum}" if self.maximum is not None else f"不小于 {self.minimum}"
            conv.problem(path, node, f"{label(path, zh)} 应为 {bounds} 之间的整数，写成了 {text}。"
                         if self.maximum is not None else f"{label(path, zh)} 应{bounds}，写成了 {text}。")
            return INVALID
        return int(value)

    def json_schema(self, defs):
        out: dict[str, Any] = {"type": ["integer", "string"], "pattern": _pattern(f"[+＋]?{_DIGIT}+({_POINT}0*)?", defs),
               "minimum": self.minimum}
        if self.maximum is not None:
            out["maximum"] = self.maximum
            return _said(out, f"应为 {self.minimum} 到 {self.maximum} 之间的整数。")
        return _said(out, f"应为不小于 {self.minimum} 的整数，如 12。" if self.minimum else "应为整数，如 12（不能为负数）。")


class Percent(Kind[Decimal]):
    zh = "百分比"

    def convert(self, node: Node, conv: Conversion, path: Path, zh: str) -> Decimal | Invalid:
        text = self._figure(node, conv, path, zh)
        if text is INVALID:
            return text
        q = parse_quantity(text)
        if q is None or q.unit != "%":
            conv.problem(path, node, f"{label(path, zh)} 应为百分比，如 64.94%（带百分号），写成了“{text}”。")
            return INVALID
        if _too_long(q.value, conv, node, path, zh):
            return INVALID
        return q.value

    def json_schema(self, defs):
        return _said({"type": "string", "pattern": _pattern(_SIGNED + r"\s*[%％]", defs)},
                     "应为百分比，带百分号，如 64.94%。")


class Threshold(Kind[Quantity]):
    """A grade's lower bound: points (90), or a share of the rubric's total (90%)."""

    zh = "分数或百分比"

    def convert(self, node: Node, conv: Conversion, path: Path, zh: str) -> Quantity | Invalid:
        text = self._figure(node, conv, path, zh)
        if text is INVALID:
            return text
        q = parse_quantity(text.replace("％", "%"))
        if q is None or q.unit not in ("", "%", "分") or q.value < 0:
            conv.problem(path, node, f"{label(path, zh)} 应为分数（如 90）或总分的百分比（如 90%），写成了“{text}”。")
            return INVALID
        return Quantity(q.value, "%" if q.unit == "%" else "", text)

    def json_schema(self, defs):
        return _said({"type": ["number", "string"], "pattern": _pattern(_PLUS + r"\s*[%％分]?", defs),
                      "minimum": 0}, "应为分数（如 90）或总分的百分比（如 90%）。")


class QuantityKind(Kind[Quantity]):
    zh = "数量"

    def convert(self, node: Node, conv: Conversion, path: Path, zh: str) -> Quantity | Invalid:
        text = self._figure(node, conv, path, zh)
        if text is INVALID:
            return text
        q = parse_quantity(text)
        if q is None:
            conv.problem(path, node, f"{label(path, zh)} 应为“数字+单位”，如 500亿元、179座、90%，写成了“{text}”。"
                         + (direction_hint(text) or ("请去掉千位分隔符“,”。" if "," in text else "")))
            return INVALID
        if _too_long(q.value, conv, node, path, zh):
            return INVALID
        return q

    def json_schema(self, defs):
        return _said({"type": ["string", "number"], "pattern": _pattern(_SIGNED + r"\s*([^0-9０-９\s.．+＋\-－][^0-9０-９]*)?", defs),
                      "examples": ["500亿元", "179座", "90%"]},
                     "应为数字加单位，如 500亿元、179座、90%（不用千位分隔符）。")


_DATE_RE = re.compile(r"^([0-9]{4})(?:-([0-9]{1,2})-([0-9]{1,2})|年([0-9]{1,2})月([0-9]{1,2})日)$")


class Date(Kind[_dt.date]):
    zh = "日期"

    def convert(self, node: Node, conv: Conversion, path: Path, zh: str) -> _dt.date | Invalid:
        text = self._figure(node, conv, path, zh)
        if text is INVALID:
            return text
        m = _DATE_RE.match(text.strip())
        try:
            if not m:
                raise ValueError
            y, mo, d = m.group(1), m.group(2) or m.group(4), m.group(3) or m.group(5)
            return _dt.date(int(y), int(mo), int(d))
        except ValueError:
            conv.problem(path, node, f"{label(path, zh)} 应为日期，如 2023-12-31 或 2023年12月31日，写成了“{text}”。")
            return INVALID

    def json_schema(self, defs):
        body = "[0-9０-９]{4}(-[0-9０-９]{1,2}-[0-9０-９]{1,2}|年[0-9０-９]{1,2}月[0-9０-９]{1,2}日)"
        return _said({"type": "string", "pattern": _pattern(body, defs), "examples": ["2023-12-31"]},
                     "应为日期，如 2023-12-31 或 2023年12月31日。")


class Choice(Kind[str]):
    def __init__(self, options: dict[str, str]):
        self.options = options   # accepted text → canonical value
        self.zh = "以下之一：" + "、".join(dict.fromkeys(options.values()))

    def convert(self, node: Node, conv: Conversion, path: Path, zh: str) -> str | Invalid:
        text = self._scalar(node, conv, path, zh)
        if text is INVALID:
            return text
        value = self.options.get(text.strip())
        if value is None:
            conv.problem(path, node, f"{label(path, zh)} 应为{self.zh}，写成了“{text}”。")
            return INVALID
        return value

    def json_schema(self, defs):
        said = f"应为{self.zh}。"
        out = _said({"enum": list(self.options)}, said)
        if not getattr(defs, "placeholders", False):
            return out
        return {"anyOf": [out, _said({"type": "string", "pattern": f"^{PLACEHOLDER}.*$"}, said)]}


class ListOf(Many[list[V]]):
    def __init__(self, item: Kind[V]):
        self.item = item
        self.zh = "列表"

    def empty(self) -> list[V]:
        return []

    def convert(self, node: Node, conv: Conversion, path: Path, zh: str) -> list[V] | Invalid:
        if node.kind != "seq":
            conv.problem(path, node, f"{label(path, zh)} 应为列表（每项以“- ”开头）。")
            return INVALID
        out: list[V] = []
        for i, child in enumerate(node.value):
            sub = path + (i,)
            conv.positions[sub] = (child.line, child.col)
            if child.is_null:
                conv.problem(sub, child, f"{label(sub, zh)} 是空项，请填写或删除这一行。")
                continue
            value = self.item.convert(child, conv, sub, zh)
            if value is not INVALID:
                out.append(value)
        return out

    def json_schema(self, defs):
        return _said({"type": "array", "items": self.item.json_schema(defs)}, "应为列表（每项一行，以“- ”开头）。")


class OneOrList(ListOf[V]):
    """One item, or a list of them: `vocabulary: 县词表` and `vocabulary: [甲, 乙]` both work."""

    def convert(self, node: Node, conv: Conversion, path: Path, zh: str) -> list[V] | Invalid:
        if node.kind == "scalar":
            value = self.item.convert(node, conv, path, zh)
            return INVALID if value is INVALID else [value]
        return super().convert(node, conv, path, zh)

    def json_schema(self, defs):
        item = self.item.json_schema(defs)
        return {"anyOf": [item, _said({"type": "array", "items": item}, "应为一项，或几项的列表（每项一行，以“- ”开头）。")]}


class MapOf(Many[dict[str, V | None]]):
    """A mapping whose keys are ids chosen by the user (or by a rubric); a key written with no value
    is kept, as None."""

    def __init__(self, item: Kind[V]):
        self.item = item
        self.zh = "映射"

    def empty(self) -> dict[str, V | None]:
        return {}

    def convert(self, node: Node, conv: Conversion, path: Path, zh: str) -> dict[str, V | None] | Invalid:
        if node.kind != "map":
            conv.problem(path, node, f"{label(path, zh)} 应为映射（“键: 值”）。")
            return INVALID
        out: dict[str, V | None] = {}
        for key, child in node.value.items():
            sub = path + (key,)
            conv.positions[sub] = (child.line, child.col)
            k = node.keys[key]
            conv.key_positions[sub] = (k.line, k.col)
            value = self.item.convert(child, conv, sub, zh) if not child.is_null else None
            if value is not INVALID:
                out[key] = value
        return out

    def json_schema(self, defs):
        return _said({"type": "object", "additionalProperties": self.item.json_schema(defs)}, "应为映射（“键: 值”）。")


class Either(Kind[S | T]):
    """A scalar written as text, or a mapping for the richer form."""

    def __init__(self, scalar: Kind[S], mapping: Kind[T]):
        self.scalar, self.mapping = scalar, mapping
        self.zh = f"{scalar.zh}或映射"

    def convert(self, node: Node, conv: Conversion, path: Path, zh: str) -> S | T | Invalid:
        if node.kind == "map":
            return self.mapping.convert(node, conv, path, zh)
        return self.scalar.convert(node, conv, path, zh)

    def json_schema(self, defs):
        return {"anyOf": [self.scalar.json_schema(defs), self.mapping.json_schema(defs)]}


CONTENT, CHECK, SETTING = "content", "check", "setting"
_ROLE_NOTE = {CHECK: "（仅用于核对，不单独出现在报告中）", SETTING: ""}


class FormatVersion(Kind[int]):
    """`format:` — which version of its format a data file is written in. Optional: a file without
    one is read as the current format. A file written for a newer mkreport is refused as a whole,
    with one message saying to upgrade (see convert), not as a list of fields it does not know."""

    zh = "格式版本"

    def __init__(self, current: int):
        self.current = current

    def version(self, node: Node) -> int | None:
        """The version a node states, or None when it is not a positive whole number."""
        if node.kind != "scalar" or node.value is None:
            return None
        value = parse_decimal(ascii_figure(node.value))
        if value is None or not plausible(value) or value != value.to_integral_value() or value < 1:
            return None
        return int(value)

    def convert(self, node: Node, conv: Conversion, path: Path, zh: str) -> int | Invalid:
        text = self._figure(node, conv, path, zh)
        if text is INVALID:
            return text
        version = self.version(node)
        if version is None:
            conv.problem(path, node, f"{label(path, zh)} 应为正整数（当前格式为 {self.current}，可省略），"
                         f"写成了“{text}”。")
            return INVALID
        return version

    def json_schema(self, defs):
        return _said({"type": ["integer", "string"], "pattern": _pattern(f"[+＋]?{_DIGIT}+", defs), "minimum": 1, "maximum": self.current,
                      "default": self.current},
                     f"应为正整数：这个 mkreport 认识的格式是 {self.current}（可省略）；更大的数请升级 mkreport。")


def format_field(current: int) -> Field[int | None]:
    return Field(FormatVersion(current), "格式版本", role=SETTING,
                 help=f"本文件按哪一版格式写成；可省略，省略即当前格式（{current}）。"
                      "写明的版本比所用的 mkreport 认识的新时，请升级 mkreport")


class Deprecated:
    """An old field name that still loads, after mkdocs's `config_options.Deprecated`: the file is
    read as if the new name had been written, and a warning (SCHEMA-DEPRECATED) names the new one —
    a field renamed next year is not a blocking "unknown field" in every department's copied file.

    `moved_to` is a dotted path from the mapping that holds the old name (`new_name`, or
    `section.new_name` to move the value one level down); without it the field is no longer used
    and its value is dropped, with the same warning. `note` is added to the message."""

    def __init__(self, moved_to: str | None = None, note: str = ""):
        self.moved_to, self.note = moved_to, note

    def message(self) -> str:
        if self.moved_to:
            return f"已改名为 {self.moved_to}：旧名仍可读取，check 会给出警告，请改用新名"
        return "已不再使用：其值不再读取，check 会给出警告，请删除这一项"


class Field(Generic[T]):
    """One field of a Model. T is the type of what an instance holds under the field's name: the
    kind's value; `| None` unless the field is required or a collection (left out, it is empty).
    An instance converted with errors is never handed on (datafile.load_model), except a partial
    one for `summary`, which may hold None at a required field."""

    @overload
    def __init__(self: Field[V], kind: Many[V], zh: str, required: bool = False, help: str = "",
                 role: str = CONTENT, deprecated: Deprecated | None = None) -> None: ...

    @overload
    def __init__(self: Field[V], kind: Kind[V], zh: str, required: Literal[True], help: str = "",
                 role: str = CONTENT, deprecated: Deprecated | None = None) -> None: ...

    @overload
    def __init__(self: Field[V | None], kind: Kind[V], zh: str, required: Literal[False] = False, help: str = "",
                 role: str = CONTENT, deprecated: Deprecated | None = None) -> None: ...

    def __init__(self, kind: Kind[Any], zh: str, required: bool = False, help: str = "", role: str = CONTENT,
                 deprecated: Deprecated | None = None) -> None:
        self.kind = kind
        self.zh = zh          # short Chinese label, shown next to the field path
        self.required = required
        self.help = help      # longer Chinese description for editors
        # content reaches the report (check warns when a template leaves it out); a check field
        # is only compared with the rest (a restated total, a stated maximum); a setting chooses
        # how the report is made (its rubric, its template)
        self.role = role
        # an old name: kept out of Model.fields (nothing reads it under this name), in Model.deprecated
        self.deprecated = deprecated

    def json_schema(self, defs: dict) -> dict:
        out = _named(self.kind.json_schema(defs), self.zh)
        out["description"] = self.zh + _ROLE_NOTE.get(self.role, "") + ("。" + self.help if self.help else "")
        if self.deprecated is not None:
            said = self.deprecated.message() + (f"。{self.deprecated.note}" if self.deprecated.note else "")
            out["description"] = f"{self.zh}（{said}）"
            out["deprecated"] = True
            out["deprecationMessage"] = said       # shown by VS Code's YAML extension
        return out

    if TYPE_CHECKING:
        # For the type checker only: `report.finance` is the value (of type T), `Report.finance`
        # the Field. At run time a Field is a plain class attribute, shadowed by the value that
        # convert sets on every instance.
        @overload
        def __get__(self, obj: None, owner: type | None = None) -> Field[T]: ...

        @overload
        def __get__(self, obj: Model, owner: type | None = None) -> T: ...

        def __get__(self, obj: Model | None, owner: type | None = None) -> Field[T] | T: ...


def _named(schema, zh: str):
    """The kind's schema with the field's name before each of its messages (决算数：应为…)."""
    if isinstance(schema, list):
        return [_named(item, zh) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {k: _named(v, zh) if k in ("anyOf", "oneOf", "items", "additionalProperties") else v
           for k, v in schema.items()}
    for key in ("errorMessage", "patternErrorMessage"):
        if key in out and not out[key].startswith(f"{zh}："):
            out[key] = f"{zh}：{out[key]}"
    return out


class Model:
    """Base for typed records. Subclasses declare `Field`s and a Chinese docstring."""

    fields: ClassVar[dict[str, Field[Any]]] = {}
    deprecated: ClassVar[dict[str, Field[Any]]] = {}      # old names that still load (see Deprecated)
    format_key: ClassVar[str | None] = None          # the field holding the file's format version
    path: Path = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        merged: dict[str, Field[Any]] = {}
        old: dict[str, Field[Any]] = {}
        for base in reversed(cls.__mro__[1:]):
            merged.update(getattr(base, "fields", {}))
            old.update(getattr(base, "deprecated", {}))
        for k, v in list(vars(cls).items()):
            if isinstance(v, Field) and v.deprecated is not None:
                old[k] = v
                delattr(cls, k)         # an old name is no attribute: nothing can read a value there
            elif isinstance(v, Field):
                merged[k] = v
        cls.fields, cls.deprecated = merged, old
        cls.format_key = next((k for k, f in merged.items() if isinstance(f.kind, FormatVersion)), None)

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={getattr(self, k)!r}" for k in self.fields if getattr(self, k) not in (None, [], {}))
        return f"{type(self).__name__}({shown})"

    def get(self, dotted: str) -> Any:
        """Follow a dotted path of attribute names and mapping keys; None when absent."""
        value: Any = self
        for part in dotted.split("."):
            if value is None:
                return None
            if isinstance(value, dict):
                value = value.get(part)
            elif isinstance(value, Model) and part in value.fields:
                value = getattr(value, part)
            else:
                return None
        return value


class ModelKind(Kind[M]):
    """A mapping read as a Model. A forward reference (for recursive models) names the class in
    `registry`; its type is then given as ModelKind[Block]("Block", registry)."""

    def __init__(self, model: type[M] | str, registry: dict[str, type[Model]] | None = None):
        self._model = model
        self._registry = registry
        self.zh = "映射"

    @property
    def model(self) -> type[M]:
        if isinstance(self._model, str):   # a forward reference, for recursive models
            assert self._registry is not None, "a forward reference names its registry"
            self._model = self._registry[self._model]   # type: ignore[assignment]  # the registry holds the M named
        return self._model   # type: ignore[return-value]  # no longer a str: resolved above

    def convert(self, node: Node, conv: Conversion, path: Path, zh: str) -> M | Invalid:
        return convert(self.model, node, conv, path, zh)

    def json_schema(self, defs):
        name = self.model.__name__
        if name not in defs:
            defs[name] = {}   # placeholder first: recursion ends here
            defs[name] = model_schema(self.model, defs)
        return {"$ref": f"#/$defs/{name}"}


def convert(model: type[M], node: Node, conv: Conversion, path: Path = (), zh: str = "") -> M | Invalid:
    title = (model.__doc__ or "").strip().splitlines()[0] if model.__doc__ else model.__name__
    if node.kind != "map":
        # the value itself is not quoted: at the top of a file named by another (rubric: /etc/passwd)
        # it would show a stranger the content of a file nobody meant as input
        shape = "列表" if node.kind == "seq" else "空值" if not str(node.value).strip() else "一段文字"
        conv.problem(path, node, f"{label(path, zh or title)} 应为映射（若干“键: 值”行），此处写成了{shape}。")
        return INVALID
    conv.positions.setdefault(path, (node.line, node.col))
    prepared = _prepared(model, node, conv, path)
    if prepared is None:
        return INVALID
    node = prepared
    obj = model.__new__(model)
    obj.path = path
    split = _split_numbers(node, conv, path, model)
    for key, child in node.value.items():
        if key in split:
            continue
        sub = path + (key,)
        k = node.keys[key]
        conv.key_positions[sub] = (k.line, k.col)
        conv.positions[sub] = (child.line, child.col)
        field = model.fields.get(key)
        if field is None:
            import difflib  # only on this error path: keeps `check` of a good file fast
            near = difflib.get_close_matches(key, list(model.fields), n=1)
            hint = f"是否想写“{near[0]}”（{model.fields[near[0]].zh}）？" if near else (
                "此处可用的字段：" + "、".join(f"{n}（{f.zh}）" for n, f in model.fields.items()) + "。")
            conv.problem(sub, k, f"未知字段“{key}”（位于 {label(path, title)}）。{hint}", "SCHEMA-UNKNOWN")
            continue
        if child.is_null:
            continue
        value = field.kind.convert(child, conv, sub, field.zh)
        if value is not INVALID:
            setattr(obj, key, value)
    for name, field in model.fields.items():
        if name not in obj.__dict__:
            if field.required and (name not in node.value or node.value[name].is_null):
                conv.problem(path + (name,), node, f"缺少必填字段 {label(path + (name,), field.zh)}。",
                             "SCHEMA-MISSING")
            setattr(obj, name, field.kind.empty())
    return obj


def _prepared(model: type[Model], node: Node, conv: Conversion, path: Path) -> Node | None:
    """The mapping as the model reads it: None for a file of a newer format, old names moved to new."""
    if model.format_key is not None and _newer_format(model, node, conv, path):
        return None
    return _moved(model, node, conv, path) if model.deprecated else node


def _newer_format(model: type[Model], node: Node, conv: Conversion, path: Path) -> bool:
    """A file written for a newer mkreport: one message, to upgrade. Its other fields are not read —
    they would be a list of "unknown fields" that hides the one thing to do."""
    message, key = newer_format(model, node, path), model.format_key
    if message and key is not None:
        child = node.value[key]
        conv.positions[path + (key,)] = (child.line, child.col)
        conv.problem(path + (key,), child, message, "SCHEMA-FORMAT")
    return bool(message)


def newer_format(model: type[Model], node: Node, path: Path = (), then: str = "后再检查；文件的其余内容未读取") -> str:
    """What to say when the mapping `node` states a newer format than `model` knows; "" when it
    does not (no format, the current one, or no version at all — the field's own check says so).
    Also for commands that edit a file's text without converting it (rollover)."""
    key = model.format_key
    if key is None or node.kind != "map":
        return ""
    child, kind = node.value.get(key), model.fields[key].kind
    if child is None or not isinstance(kind, FormatVersion):
        return ""
    version = kind.version(child)
    if version is None or version <= kind.current:
        return ""
    from .. import __version__

    return (f"{label(path + (key,), model.fields[key].zh)} 为 {version}，而这个 mkreport（{__version__}）只认识到格式 "
            f"{kind.current}：这个文件是按更新版本的 mkreport 写的。请升级 mkreport（pip install -U mkreport）{then}。")


def _moved(model: type[Model], node: Node, conv: Conversion, path: Path) -> Node:
    """The mapping with every old name (Model.deprecated) put where its new name says, each said as
    a warning at the old name — as mkdocs moves a Deprecated option's value before validating it.
    The value keeps its own position, so later findings point at what the user wrote."""
    old = [k for k in node.value if k in model.deprecated]
    if not old:
        return node
    node = _copy_map(node)
    for key in old:
        field, k, child = model.deprecated[key], node.keys.pop(key), node.value.pop(key)
        dep, sub = field.deprecated, path + (key,)
        assert dep is not None          # Model.deprecated holds only fields declared with one
        conv.key_positions[sub] = (k.line, k.col)
        note = dep.note
        if dep.moved_to is None:
            conv.problem(sub, k, f"字段 {label(sub, field.zh)} 已不再使用，其值不再读取：请删除这一项。{note}",
                         "SCHEMA-DEPRECATED")
            continue
        parts = dep.moved_to.split(".")
        new = path + tuple(parts)
        target = _target_map(node, parts[:-1], k)
        if target is None:
            conv.problem(sub, k, f"字段 {label(sub, field.zh)} 已改名为 {dotted_path(new)}，但 {dotted_path(new[:-1])} "
                         "不是映射，无法按新名读取：请按新名改写这一项。")
        elif parts[-1] in target.value:
            conv.problem(sub, k, f"{label(sub, field.zh)} 是 {dotted_path(new)} 的旧名，两者都写了：请删去旧名这一项。")
        else:
            target.value[parts[-1]], target.keys[parts[-1]] = child, k
            conv.problem(sub, k, f"字段 {label(sub, field.zh)} 已改名为 {dotted_path(new)}：这次按新名读取，"
                         f"请改用新名（以后的版本可能不再接受旧名）。{note}", "SCHEMA-DEPRECATED")
    return node


def _target_map(node: Node, parts: list, key: Node) -> Node | None:
    """The mapping `parts` leads to from `node`, copied on the way (the parsed tree stays as read) and
    made where absent; None when a value on the way is not a mapping."""
    for part in parts:
        inner = node.value.get(part)
        if inner is None or inner.is_null:
            inner = Node("map", key.line, key.col, {}, {})
            node.keys.setdefault(part, key)
        elif inner.kind != "map":
            return None
        else:
            inner = _copy_map(inner)
        node.value[part] = inner
        node = inner
    return node


def _copy_map(node: Node) -> Node:
    return Node("map", node.line, node.col, dict(node.value), dict(node.keys), node.quoted, node.inline,
                node.start, node.end)


_GROUP = re.compile(r"[0-9]{3}(\.[0-9]+)?")
_LEAD = re.compile(r"-?[0-9]{1,3}")


def _split_numbers(node: Node, conv: Conversion, path: Path, model: type[Model]) -> set[str]:
    """`{budget: 653.6, adjusted: 1,796.02}`: in a flow mapping the comma of a thousands separator
    ends the value, and YAML reads `adjusted: 1` and a key `796.02`. Said once, at the value, with
    the fix; the pieces are dropped. Returns the keys that were pieces of a number."""
    pieces: set[str] = set()
    items = list(node.value.items())
    for i, (key, child) in enumerate(items):
        if key not in model.fields or child.kind != "scalar" or child.quoted or not _LEAD.fullmatch(str(child.value or "")):
            continue
        text, end, j = str(child.value), child.col + len(str(child.value)), i + 1
        while j < len(items):
            nxt, value = items[j]
            k = node.keys[nxt]
            if nxt in model.fields or not value.is_null or k.line != child.line or k.col != end + 1 \
                    or not _GROUP.fullmatch(nxt):
                break
            text, end, j = text + "," + nxt, end + 1 + len(nxt), j + 1
        if j == i + 1:
            continue
        pieces.update(n for n, _ in items[i + 1:j])
        pieces.add(key)
        field = model.fields[key]
        last = node.keys[items[j - 1][0]]
        plain = text.replace(",", "")
        conv.problem(path + (key,), child, f"{label(path + (key,), field.zh)} 写成了“{text}”：在 {{…}} 一行的写法里，"
                     f"逗号用来分隔各项，千位分隔符把这个数拆开了。请去掉逗号，写成 {plain}。",
                     fix=Fix(child.start, last.end, plain, f"去掉千位分隔符：改为 {plain}"))
    return pieces


def model_schema(model: type[Model], defs: dict) -> dict:
    doc = (model.__doc__ or "").strip()
    title, _, rest = doc.partition("\n")
    out = {"type": "object", "title": title.strip(), "additionalProperties": False,
           "properties": {n: f.json_schema(defs) for n, f in {**model.fields, **model.deprecated}.items()}}
    if rest.strip():
        out["description"] = " ".join(line.strip() for line in rest.strip().splitlines())
    required = [n for n, f in model.fields.items() if f.required]
    if required:
        out["required"] = required
    # one message for a misspelt field, a missing one and a value that is no mapping: the fields there are
    fields = "、".join(f"{n}（{f.zh}{'，必填' if f.required else ''}）" for n, f in model.fields.items())
    out["errorMessage"] = f"{title.strip()}：应为映射，字段名只能是 {fields}。"
    return out


def json_schema(model: type[Model], schema_id: str, placeholders: bool = False) -> dict:
    defs: dict = SchemaDefs(placeholders)
    root = model_schema(model, defs)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": schema_id,
            **root, "$defs": dict(sorted(defs.items()))}


def filled_paths(obj: Model, path: Path = ()) -> Iterator[Path]:
    """The path of every content field the user filled (see Field.role), down to list items of
    records and mapping entries: what must reach the report."""
    for name, f in type(obj).fields.items():
        if f.role != CONTENT:
            continue
        value = getattr(obj, name)
        if value is None or value == [] or value == {} or value == "":
            continue
        sub = path + (name,)
        if isinstance(value, Model):
            yield from filled_paths(value, sub)
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, Model):
                    yield from filled_paths(item, sub + (key,))
                elif item is not None:
                    yield sub + (key,)
        elif isinstance(value, list) and value and all(isinstance(x, Model) for x in value) \
                and isinstance(f.kind, ListOf):
            for i, item in enumerate(value):
                yield from filled_paths(item, sub + (i,))
        else:
            yield sub
