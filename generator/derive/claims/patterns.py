"""Patterns of the written text that several parts of the claim reader look for: the characters that name
nothing (FUNCTION, _content), runs of Han characters, years written out and enumerated items (the names of other places and bodies:
bodies.py)."""
from __future__ import annotations

import re

# Characters that can stand between a subject and its figure without naming anything else.
FUNCTION = set("的了为是达共计约合累总金额数实现完成有其亦也均都已将按以在于对从至到得年度月日末底初及和与并且而即还再又"
               "全部中当本该此一这前后内外上下来去所上述如下共计分别主要具体各项个元万亿人次较比同相较仅只")
# names of budgets by fund, not columns: "一般公共预算财政拨款收入" says nothing of 年初 or 决算
FUND_BUDGETS = ("一般公共预算", "政府性基金预算", "国有资本经营预算", "社会保险基金预算", "公共预算", "基金预算")
_HAN_RUN = re.compile("[\u4e00-\u9fff]+")
_YEAR_IN = re.compile(r"((?:19|20)[0-9]{2})\s?年")
# a paragraph that is an item of an enumeration: "1、" "一、" "（二）" "(3)" "①"
_ENUM_ITEM = re.compile(r"[ \t\u3000]*(?:[0-9]{1,2}[ \t]?[、.．]|[一二三四五六七八九十]{1,3}[ \t]?、|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[①-⑳])")


def _content(words: str) -> str:
    """The characters of `words` that name something (not function characters, figures or punctuation)."""
    return "".join(ch for ch in words if "\u4e00" <= ch <= "\u9fff" and ch not in FUNCTION)
