"""Fact references in user text: `{{ 事实路径 }}` or `{{ 事实路径 | 过滤器 }}`, and nothing else.

User text is data. We do not hand it to Jinja; we look these two forms up ourselves, so no
template code written in a YAML file ever runs. `check` validates them; `build` expands them.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..core.numbers import fmt
from .phrases import FILTERS

REFERENCE = re.compile(r"\{\{\s*([A-Za-z_][\w.]*)\s*(?:\|\s*([A-Za-z_]\w*)\s*)?\}\}")
# filters that take one value and no argument; what value kinds each accepts is in FILTER_DOCS
ALLOWED = ("amount", "number", "points", "percent", "cn_date")


def lookup(path: str, report, view):
    v = view.value(path)
    return v if v is not None else report.get(path)


def expand(text: str, report, view) -> str:
    def value(m: re.Match) -> str:
        v = lookup(m.group(1), report, view)
        if v is None or isinstance(v, (list, dict)) or hasattr(type(v), "fields") or \
                (m.group(2) and m.group(2) not in ALLOWED):
            return m.group(0)      # check reports it; the build refuses before getting here
        if m.group(2):
            try:
                return FILTERS[m.group(2)](v)
            except (TypeError, ValueError, ArithmeticError, AttributeError):
                return m.group(0)
        return fmt(v) if isinstance(v, Decimal) else str(v)
    return REFERENCE.sub(value, text)
