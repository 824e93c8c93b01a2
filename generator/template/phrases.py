"""The phrase library: Jinja filters that turn facts into the standard wording.

Templates hold the sentences; these filters hold only the small, reusable turns of phrase —
amounts with their unit as written, changes (较上年增加/减少 … 增幅/降幅 …, 与上年持平),
Chinese numbering (一、（一）1.（1）①) and dates — so no report sentence is built in Python.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from ..core.numbers import fmt, round_to

_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (up to 99, enough for any outline)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def numbering(n: int, style: str) -> str:
    """The outline marker for item n in a style: 一、 （一） 1. （1） ①."""
    if style == "一、":
        return f"{cn_number(n)}、"
    if style == "（一）":
        return f"（{cn_number(n)}）"
    if style == "1.":
        return f"{n}."
    if style == "（1）":
        return f"（{n}）"
    if style == "①":
        return _CIRCLED[n - 1] if n <= len(_CIRCLED) else f"（{n}）"
    raise ValueError(f"unknown numbering style {style!r}")


def amount(value: Decimal | None, unit: str = "万元") -> str:
    """796.02 → 796.02万元, keeping the decimals as written."""
    return "" if value is None else f"{fmt(value)}{unit}"


def number(value: Decimal | int | None) -> str:
    return "" if value is None else fmt(Decimal(value)) if not isinstance(value, int) else str(value)


def points(value: Decimal | None) -> str:
    """A score as a person writes it: 20, 2.6, 38.6 (trailing zeros dropped)."""
    if value is None:
        return ""
    v = Decimal(value)
    return str(v.quantize(Decimal(1))) if v == v.to_integral_value() else format(v.normalize(), "f")


def percent(value: Decimal | None, places: int = 2) -> str:
    """86.666… → 86.67%."""
    if value is None:
        return ""
    return f"{fmt(round_to(Decimal(value), places))}%"


def change(current: Decimal | None, prior: Decimal | None, unit: str = "万元", places: int = 2) -> str:
    """较上年增加 1066.5万元，增幅 49.12% · 较上年减少 … 降幅 … · 与上年持平."""
    if current is None or prior is None:
        return ""
    diff = current - prior
    if diff == 0:
        return "与上年持平"
    word, rate_word = ("增加", "增幅") if diff > 0 else ("减少", "降幅")
    text = f"较上年{word}{fmt(abs(diff))}{unit}"
    if prior:
        text += f"，{rate_word}{fmt(round_to(abs(diff) / prior * 100, places))}%"
    return text


def versus(current: Decimal | None, base: Decimal | None, base_name: str, unit: str = "万元") -> str:
    """比年初预算数增加 334.15万元，增长 11.51% · 与年初预算数持平."""
    if current is None or base is None:
        return ""
    diff = current - base
    if diff == 0:
        return f"与{base_name}持平"
    word = "增加" if diff > 0 else "减少"
    text = f"比{base_name}{word}{fmt(abs(diff))}{unit}"
    if base:
        text += f"，{'增长' if diff > 0 else '下降'}{fmt(round_to(abs(diff) / base * 100, 2))}%"
    return text


def cn_date(value: _dt.date | None) -> str:
    return "" if value is None else f"{value.year}年{value.month}月{value.day}日"


def joined(items, sep: str = "、") -> str:
    return sep.join(str(i) for i in items)


def suffix(name: str | None, word: str) -> str:
    """A heading from a rubric name: 预算执行 → 预算执行情况, but 预算编制情况 stays as it is."""
    if name is None:
        return ""
    return name if name.endswith(word) else name + word


TITLE_EM = 19      # 二号 (22 pt) characters a title line holds in 156 mm, with a character to spare
# where a long title line breaks well: before a bracketed note, the report's name, or its subject
_TITLE_BREAKS = re.compile(r"(?=（)|(?<=年度)|(?<=年)(?!度)|(?=部门整体)|(?=整体支出)|(?=绩效自评)|(?=自评报告)|(?=自评表)")


def title_lines(title: str | None, name: str = "") -> str:
    """A report title on two lines, a 梯形 as GB/T 9704 asks: the department, then the year and
    the report's name ("\n" becomes a line break in the .docx). A line too long for the page is
    broken again where the words allow, into lines of like length."""
    if not title:
        return ""
    if name and title.startswith(name) and len(title) > len(name):
        lines = [name, title[len(name):]]
    else:
        at = re.search(r"[0-9]{4}\s*年", title)
        lines = [title[:at.start()], title[at.start():]] if at and at.start() > 0 else [title]
    return "\n".join(part for line in lines for part in _fit_title(line))


def _fit_title(line: str) -> list[str]:
    from ..core.measure import em

    if em(line) <= TITLE_EM:
        return [line]
    cuts = [m.start() for m in _TITLE_BREAKS.finditer(line) if 0 < m.start() < len(line)]
    if not cuts:
        cuts = [len(line) // 2]
    at = min(cuts, key=lambda i: (abs(em(line[:i]) - em(line[i:])), -i))
    return _fit_title(line[:at]) + _fit_title(line[at:])


def scoring(verdict, by: str = "按评分标准") -> str:
    """An indicator's scoring sentence, worded from the phrase library (data/scoring.yaml):
    预算执行率为97.14%，低于100%，按评分标准，得3.89分（扣0.11分）。"""
    from ..derive.scoring import sentence
    return sentence(verdict, by)


def deduction(verdict) -> str:
    """The 扣分原因 of a score-table row: 政府采购执行率64.94%，扣1.4分."""
    from ..derive.scoring import deduction as cell
    return cell(verdict)


def required(value, section: str = ""):
    """`{%p if problems|required('存在的问题') %}`: the value itself, so a section is written when the
    facts have it; the mark tells `check` that the bureau's template expects this section, and a
    trial render notes it when the facts leave it empty (TEMPLATE-SECTION, report_template.py)."""
    return value


FILTERS: dict[str, Callable[..., Any]] = {
    "scoring": scoring, "deduction": deduction, "required": required,
    "amount": amount, "number": number, "points": points, "percent": percent,
    "change": change, "versus": versus, "cn_date": cn_date, "numbering": numbering,
    "cn_number": cn_number, "joined": joined, "suffix": suffix, "title_lines": title_lines,
}

# What each filter takes (kinds of the template contract) and does: the reference for template
# authors, and what `check` holds templates and {{ 路径 | 过滤器 }} in user text to.
FILTER_DOCS = {
    "scoring": (("Verdict",), "a.verdict|scoring：指标的计分句，如“政府采购执行率为64.94%，低于100%，按评分标准，"
                "得2.6分（扣1.4分）。”（酌情评分得满分时为空文字）；可写评分依据的说法 scoring('根据评分标准')。"
                "措辞见 generator/data/scoring.yaml"),
    "required": (("list",), "{%p if problems|required('存在的问题') %}：财政局的模板要求的一节；值照原样给出（有内容时写出"
                 "这一节），事实文件没有填写时 check 给出警告 TEMPLATE-SECTION，报告中不写这一节、也不代写"),
    "deduction": (("Verdict",), "r.verdict|deduction：自评表的扣分原因，如“政府采购执行率64.94%，扣1.4分”“控制率102.94%，超过100%，扣0.11分”；"
                  "事实文件写了扣分原因时用它；得满分时为空文字"),
    "amount": (("number",), "金额加单位，保留所写的小数位：796.02 → 796.02万元；可写单位 amount('亿元')"),
    "number": (("number", "int"), "数字，按所写的精度"),
    "points": (("number", "int"), "分数，去掉末尾的 0：38.60 → 38.6"),
    "percent": (("number",), "百分比，默认两位小数：86.666… → 86.67%"),
    "change": (("number",), "x|change(上年数)：较上年增加/减少……，增幅/降幅……%，或“与上年持平”"),
    "versus": (("number",), "x|versus(基数, '年初预算数')：比年初预算数增加/减少……，增长/下降……%"),
    "cn_date": (("date",), "日期：2023年12月31日"),
    "numbering": (("int",), "loop.index|numbering('一、')：编号 一、（一）1.（1）①"),
    "cn_number": (("int",), "中文数字：12 → 十二"),
    "joined": (("list",), "列表以“、”相连，可写分隔符 joined('；')"),
    "suffix": (("text",), "name|suffix('情况')：名称不以该词结尾时加上它（避免“情况情况”）"),
    "title_lines": (("text",), "title|title_lines(dept.name)：标题分两行排成梯形——部门名称一行，年度和报告名称一行"),
}
