"""The README's account of what the prose checks read, made from the vocabulary itself (a test keeps
the README equal to it), so the words a user is told about are the words the reader knows."""
from __future__ import annotations

from ..vocabulary import COLUMN_NAMES, CUE_CLASSES, WORD_CLASSES

# the relation word classes a reader of the README cares about, in the order they are told
_TOLD = ["compare_to", "prior_year", "next_year", "year_before_last", "up", "down", "flat", "rate_up", "rate_down", "share", "execution",
         "execution_of", "variance", "difference", "less", "more", "list", "each", "total", "to_level",
         "cause", "partial", "excluding", "due", "flow", "degree", "approx_before", "approx_after", "self", "source",
         "alias", "continues", "per", "tier", "rest", "account", "item_part"]


def _words(pattern: str, limit: int = 14) -> str:
    """A pattern shown as the words it is made of (the first few alternatives)."""
    parts = [p for p in _top_level(pattern) if p]
    shown = "、".join(f"`{_cell(p)}`" for p in parts[:limit])
    return shown + ("……" if len(parts) > limit else "")


def _cell(text: str) -> str:
    return text.replace("|", "\\|")      # a bar inside a table cell ends the cell unless escaped


def _top_level(pattern: str) -> list[str]:
    out, depth, cur = [], 0, ""
    for ch in pattern:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return out


def readme_section(voc) -> str:
    from ...model.facts import Report, fact_label
    report = Report.__new__(Report)
    lines = ["| 说法 | 称呼（正则表达式，县里可补充） |", "|---|---|"]
    seen: dict[str, list[str]] = {}
    for pattern, fact in voc.facts:
        seen.setdefault(fact, []).append(pattern)
    for fact, patterns in seen.items():
        name = _fact_name(fact, report, fact_label)
        plain = [p for p in patterns if (p, fact) not in voc.stand_ins]
        if plain:
            lines.append(f"| {name}（`{fact}`） | " + "、".join(f"`{_cell(p)}`" for p in plain) + " |")
        for p in patterns:
            if (p, fact) in voc.stand_ins:
                lines.append(f"| {name}（`{fact}`；只在事实文件没有 `{voc.stand_ins[p, fact]}` 时） | `{_cell(p)}` |")
    for pattern, fact in voc.guarded:
        name = _fact_name(fact, report, fact_label)
        lines.append(f"| {name}（`{fact}`；只在其后的金额与这一项的数相符时） | `{_cell(pattern)}` |")
    for pattern, fact, head in voc.within:
        name, whole = _fact_name(fact, report, fact_label), _fact_name(head, report, fact_label)
        lines.append(f"| {name}（`{fact}`；只在同一句{whole}的金额之后作为分项列出时） | `{_cell(pattern)}` |")
    lines += ["", "| 口径 | 口径词 |", "|---|---|"]
    for col, pattern in voc.columns:
        lines.append(f"| {COLUMN_NAMES[col]}（`{col}`） | {_words(pattern)} |")
    lines += ["", "| 关系 | 关系词 |", "|---|---|"]
    words: dict[str, list] = dict()
    for cls, pattern in voc.words:
        words.setdefault(cls, []).append(pattern)
    for cls in _TOLD:
        if cls in words:
            lines.append(f"| {WORD_CLASSES[cls]} | {_words('|'.join(words[cls]))} |")
    lines += ["", "| 线索（只在别的词前后看） | 线索词 |", "|---|---|"]
    cues: dict[str, list] = dict()
    for cls, pattern in voc.cues:
        cues.setdefault(cls, []).append(pattern)
    for cls, what in CUE_CLASSES.items():
        if cls in cues:
            lines.append(f"| {what} | {_words('|'.join(cues[cls]))} |")
    lines += ["", "列全即是全部的分项（“其中”所列各项正是其中一组时，各项之和应等于总数）："
              + "；".join(_words(p) for p in voc.partitions) + "。"]
    lines += ["", "别的主体（其后的数不核对）：" + "；".join(_words(p, 10) for p in voc.others) + "。"]
    return "\n".join(lines)


def _fact_name(fact: str, report, fact_label) -> str:
    special = {"finance.expenditure.fiscal": "财政拨款支出（收入全部为财政拨款时即本年支出合计）",
               "finance.expenditure.general": "一般公共预算财政拨款支出（同上）",
               "finance.expenditure.fund": "政府性基金预算财政拨款支出（同上）",
               "finance.expenditure.state_capital": "国有资本经营预算财政拨款支出（同上）",
               "department.staffing.posts": "某类编制（按事实文件中的类别）",
               "department.staffing.others": "某类其他人员（按事实文件中的类别）",
               "department.staffing.actual": "实有人数（在职，或连退休、其他人员）"}
    return special.get(fact) or fact_label(fact, report)
