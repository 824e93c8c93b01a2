"""The money the department's performance targets cover, said of all of its projects or of its whole spending:
"2023年项目支出均实行了绩效目标管理，涉及一般公共预算财政拨款1052.39万元", "我局所有项目支出预算纳入部门预算绩效管理，
涉及预算资金2128.40万元", "本部门整体支出纳入绩效目标管理，涉及财政性资金2,903.6万元".

Targets are set on the budget: the figure after 涉及 is the budget (年初 or 调整后) of what the words say was brought
under the management — all projects (项目支出, 所有项目, "其他运转类项目和特定目标类项目均…") or the whole (整体支出).
Read as a level claim in the "plan" column; a source of funds named after 涉及 ("一般公共预算财政拨款") is kept, so the
figure is checked only where all the money came from it. Nothing else is read: "设置绩效目标3个，涉及财政拨款资金5987万元"
and "共12个项目纳入绩效目标管理，涉及…" (some projects, which of them the file does not say), "重点项目均实行…" (a
modifier before the word), another year's or a figure a word of doing (决算, 实际, 执行) qualifies.

The words are the vocabulary's cues (covers_all, brought_under, managed, covers, all_projects, whole_spending). Each
涉及 is looked at with a bounded look back within its sentence: linear in the text.
"""
from __future__ import annotations

import bisect
import re

from .claim import Claim, Reading
from .later import LaterPass, another_body
from .tokens import MONEY, Token

LOOK_BACK = 90          # characters before 涉及 where the subject and its management are looked for
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_YEAR = re.compile(r"((?:19|20)[0-9]{2})[ \t\u3000]*年")
# the words allowed between 涉及 and its figure: sources and kinds of money, and a word for "in all"
# (after a count of the projects: "涉及一级预算项目6个，预算资金2128.40万元")
# (an editor's note blanked inside the count's words: "涉及一级（注：…）预算项目12个" — see reader.without_notes;
# "涉及预算项目支出12个")
_FUND_WORDS = re.compile(r"(?:[\u4e00-\u9fff]{0,8}?(?:[（(][ \t\u3000]*[）)])?[\u4e00-\u9fff]{0,8}?项目(?:支出)?[ \t\u3000]*[0-9]{1,4}"
                         r"[ \t\u3000]*个[，,、]?)?(?:当年|本年|一般公共预算|政府性基金预算|国有资本经营预算|公共预算|财政拨款|财政性|财政|预算|项目|拨款|资金|经费|"
                         r"金额|合计|共计|总额|总计|为|达|共|了|[ \t\u3000：:])*")
_PROJECTS = "finance.expenditure.project"
_SPENDING = "finance.expenditure.current"
_COUNTED = "counted"         # some projects, counted: "共12个项目纳入绩效目标管理，涉及…"
# "，占财政性资金(人员类和运转类中的公用经费项目支出除外)总额的比例为100%": the amount's share of all projects' budget
_PROJECTS_SHARE = re.compile(r"[ \t\u3000]*[，,][ \t\u3000]*占(?P<whole>[^。；;%％0-9]{2,60}?)的?(?:比例|比重)?(?:为|是|达)?"
                             r"[ \t\u3000]*(?P<pct>[0-9]{1,3}(?:\.[0-9]{1,2})?)[ \t\u3000]*[%％]")
# "本部门绩效目标管理全覆盖，涉及当年一般公共预算拨款9216.51万元，政府性基金预算拨款0万元": the whole managed, right
# before 涉及 — the money covered is then named by its sources, each a figure the reader has read
_FULL_COVER = re.compile(r"(?:绩效目标管理|预算绩效管理|绩效管理)[ \t\u3000]*(?:已|均)?(?:实现|达到)?全覆盖[ \t\u3000]*[，,]?"
                         r"[ \t\u3000]*$")
_FULL_REACH = 24
# "本单位编报绩效目标的项目共12个，涉及项目预算资金…", "项目绩效目标共12个，涉及项目预算资金…": the projects that
# reported targets, counted — some of them, as far as the words tell (a budget's projects below a size need not report)
_REPORTED = re.compile(r"(?P<subject>编报(?:了)?绩效目标的(?:预算)?项目|项目绩效目标)[ \t\u3000]*(?:共|共计|合计)?[ \t\u3000]*[0-9]{1,4}"
                       r"[ \t\u3000]*个[ \t\u3000]*[，,]?[ \t\u3000]*$")
# a gap between the management and 涉及 that names a part of what was managed ("其中重点项目5个") or another amount
_GAP_PART = re.compile(r"其中|分别|[0-9][0-9,.]*[ \t\u3000]*(?:万元|元|亿元|千元)")


def read_covered(text: str, tokens: list[Token], reading: Reading, year: int) -> None:
    """Each amount the targets of all projects (or of the whole) cover, as a level claim (see the module's docstring)."""
    cues = reading.cues
    if cues is None or cues.covers.search(text) is None:
        return
    later = LaterPass(reading)
    figures = [t for t in tokens if t.kind == "num"]
    others, selves = _subjects_named(tokens, cues)
    k = 0
    for m in cues.covers.finditer(text):
        while k < len(figures) and figures[k].start < m.end():
            k += 1
        if k == len(figures):
            break
        if _FULL_COVER.search(text, max(0, m.start() - _FULL_REACH), m.start()) is not None:
            if _covered_fact(text, m.start(), cues, year, others, selves, full=True) is not None:
                _sources_covered(text, reading, m.end())
            continue
        at = k
        if figures[at].unit not in MONEY and at + 1 < len(figures):
            at += 1             # (past the count of the projects: "涉及一级预算项目6个，预算资金…")
        tok = figures[at]
        words = text[m.end():tok.start]
        if tok.unit not in MONEY or tok.start not in later.unread or _FUND_WORDS.fullmatch(words) is None:
            continue
        if another_body(reading, later.unread[tok.start]):
            continue            # (another body's targets)
        found = _covered_fact(text, m.start(), cues, year, others, selves)
        if found is None:
            continue
        fact, label = found
        source = "一般公共预算" if "一般公共预算" in words or "公共预算" in words else "财政拨款" if "财政拨款" in words else ""
        sentence = later.sentence_at(tok.start)
        if fact == _COUNTED:
            # "共12个项目纳入绩效目标管理，涉及财政性资金合计2,128.4万元，占财政性资金(人员类和运转类中的公用经费项目支出
            # 除外)总额的比例为100%": some of the projects — as many as its share of all projects' budget says
            share = _share_of_projects(text, tok, figures, at, later)
            if share is None:
                # (no share said: some projects' money, at most all projects' budget)
                reading.claims.append(Claim("level", tok, _PROJECTS, column="plan", sentence=sentence, label=label,
                                            source=source, covered=True, at_most=True))
                later.take(tok.start)
                continue
            if share.value != 100:
                # (or of all the spending: "40.37%" = 474.20 ÷ 1174.50 — some compute it so, whatever the words leave out)
                reading.claims.append(Claim("share", share, None, of=Claim("level", tok, None, sentence=sentence),
                                            whole=_PROJECTS, whole_alts=(_SPENDING,), column="plan", sentence=sentence,
                                            label=label))
                # (and the money itself, some projects': at most all projects' budget)
                reading.claims.append(Claim("level", tok, _PROJECTS, column="plan", sentence=sentence, label=label,
                                            source=source, covered=True, at_most=True))
                later.take(tok.start)
                later.take(share.start)
                continue
            fact = _PROJECTS
        # ("政策和项目全面实施绩效目标管理，涉及…预算资金2903.60万元": where all spending is budgeted as projects, the
        # policies and projects are all of it — either whole holds)
        alts = (_SPENDING,) if fact == _PROJECTS and "政策" in label else ()
        reading.claims.append(Claim("level", tok, fact, column="plan", sentence=sentence, label=label, source=source,
                                    covered=True, alts=alts))
        later.take(tok.start)
    later.done()


def _subjects_named(tokens: list[Token], cues) -> tuple[list[int], list[int]]:
    """Where another subject is named (the vocabulary's others: a region, a body, the units under the department),
    projects aside — the targets' own word; and where the department names itself, which makes the subject its own
    again after them ("按照本县…的总体要求，本部门…编报绩效目标的项目6个，涉及…")."""
    others = [t.start for t in tokens if t.kind == "word" and t.has("other") and not cues.projects.fullmatch(t.text)]
    selves = [t.start for t in tokens if t.kind == "word" and t.has("self")]
    return others, selves


def _sources_covered(text: str, reading: Reading, start: int) -> None:
    """Each source's amount the reader read after 涉及 (from `start` to the sentence's end) with no column word of its
    own: the budget targets were set on ("涉及当年一般公共预算拨款9216.51万元，政府性基金预算拨款0万元")."""
    end = _SENTENCE_END.search(text, start)
    stop = end.start() if end is not None else len(text)
    for c in reading.claims:
        if c.kind == "level" and c.implied and c.figure is not None and start <= c.figure.start < stop \
                and isinstance(c.fact, str) and c.fact.startswith("finance.income."):
            c.column, c.implied, c.covered = "plan", False, True


def _share_of_projects(text: str, tok: Token, figures: list[Token], at: int, later: LaterPass) -> Token | None:
    """The percentage right after the amount that says its share of all projects' budget (the whole named as 项目支出,
    or as the fiscal money less the staff's and the running costs), if it was left unread; or None."""
    m = _PROJECTS_SHARE.match(text, tok.end)
    if m is None or at + 1 >= len(figures) or figures[at + 1].start != m.start("pct"):
        return None
    whole = m.group("whole")
    if "项目支出" not in whole.replace("项目支出除外", "") and not all(w in whole for w in ("人员类", "运转类", "除外")):
        return None
    share = figures[at + 1]
    return share if share.unit in ("%", "％") and share.start in later.unread else None


def _covered_fact(text: str, at: int, cues, year: int, others: list[int], selves: list[int],
                  full: bool = False) -> tuple[str, str] | None:
    """The fact whose whole the management before `at` (where 涉及 is) was said of, in its sentence, and the words
    that said it; or None. `full`: the management is said to cover all (全覆盖) — its subject, if named at all, is
    the department: only another year or another subject takes it away."""
    start = max(0, at - LOOK_BACK)
    ends = [e.end() for e in _SENTENCE_END.finditer(text, start, at)]
    start = ends[-1] if ends else start
    window = text[start:at]
    if any(int(y.group(1)) != year for y in _YEAR.finditer(window)):
        return None             # (another year's targets)
    k = bisect.bisect_left(others, start)
    if k < len(others) and others[k] < at:
        last_other = others[bisect.bisect_left(others, at) - 1]
        if bisect.bisect_left(selves, last_other) == bisect.bisect_left(selves, at):
            return None             # ("2023年杭州市气象局其他运转类项目…均实行绩效目标管理", "全市项目支出均…": another's)
    if full:
        return "finance.expenditure.current", "全覆盖"
    reported = _REPORTED.search(window)
    if reported is not None:
        return _COUNTED, reported.group("subject")
    whole = cues.covered_whole.search(window)
    m = whole or next((found for p in cues.covered_projects if (found := p.search(window)) is not None), None)
    if m is None:
        counted = cues.covered_counted.search(window)
        return (_COUNTED, counted.group("subject")) if counted is not None and not _GAP_PART.search(counted.group("gap")) \
            else None
    if _GAP_PART.search(m.group("gap")):
        return None
    label = m.group("subject")
    return ("finance.expenditure.current" if whole else _PROJECTS), label
