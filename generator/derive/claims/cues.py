"""The cue words of a vocabulary (`cues` in vocabulary.yaml): words the reader does not read as words of their own,
only looks for right before or after another — "无" before a body's name ("我单位无二级单位"), "拨付的" after it.
A county adds its own in its vocabulary file; here they are made into the bounded look-arounds the reader uses."""
from __future__ import annotations

import re
from collections.abc import Sequence

from .bodies import Bodies
from .lexicon import NotFinite, spellings

_NONE = "(?!)"          # a class with no words matches nothing
_RELATIONS_ASKED = frozenset({"cause", "up", "down", "total", "each", "self"})


class Cues:
    """Each class of cue words as a compiled look-around (each searched over a window no longer than its longest
    spelling, so the reader stays linear in the text)."""

    def __init__(self, cues: Sequence[tuple[str, str]], partitions: Sequence[str] = (), approximate: Sequence[str] = (),
                 relations: Sequence[tuple[str, str]] = ()):
        patterns: dict[str, list[str]] = {}
        for cls, pattern in cues:
            patterns.setdefault(cls, []).append(pattern)
        # the relation words (`words` in vocabulary.yaml) a check looks for near a claim: a reason, a direction, a total
        for cls, pattern in relations:
            if cls in _RELATIONS_ASKED:
                patterns.setdefault(f"word:{cls}", []).append(pattern)
        words = {cls: _words(ps) for cls, ps in patterns.items()}
        self._longest = {cls: max((len(w) for w in ws), default=0) for cls, ws in words.items()}

        def alt(*classes: str) -> str:
            found = [w for cls in classes for w in words.get(cls, ())]
            return "|".join(re.escape(w) for w in sorted(found, key=len, reverse=True)) or _NONE

        # "我单位无二级单位": right before the body's name
        self.negated = _Before(f"(?:{alt('negated')})$", self.reach("negated"))
        # "我院下辖10个村卫生室": before the body's name, with how many of them
        self.governs = _Before(f"(?:{alt('governs')})[0-9０-９一二三四五六七八九十百个家所座名]*$", self.reach("governs") + 4)
        # "根据市工信局的部署", "林场隶属于市林业局": a few characters of place or level between
        self.required_by = _Before(f"(?:{alt('required_by', 'subordinate_to')})[\u4e00-\u9fff]{{0,4}}$",
                                   self.reach("required_by", "subordinate_to") + 4)
        self.located = re.compile(f"(?:{alt('located')})")
        self.present = re.compile(f"(?:{alt('present')})")
        self.duty = _Before(f"(?:{alt('duty')})[的对]?$", self.reach("duty") + 1)
        self.count_change = _Before(f"(?:{alt('count_change')})了?[ \t\u3000]*$", self.reach("count_change") + 4)
        # right after the body's name: its requirements, or the money it handed over
        # ("县财政下达我局项目支出经费…": to the department, named by its own word)
        self.body_after = re.compile(f"的?(?:{alt('body_after')})"
                                     f"|(?:财政)?(?:当年|本年|年初|年内|全年)?(?:{alt('funds_from')})(?:给|的|给?(?:我|本)"
                                     "(?:局|委|办|单位|部门))")
        # "县编委核定行政编制22人": a body that approves staffing or budgets (its name ends so), then it approving
        self.approver = re.compile(f"(?:{alt('approver')})$")
        self.approves = re.compile(f"(?:{alt('approves')})")
        # "上级对我局共下达一般公共预算财政拨款1,326.80万元": a source of funds right after the words that hand it over
        self.handed = _Before(f"(?:{alt('funds_from')})[给的]?$", self.reach("funds_from") + 1)
        self.stock = re.compile(f"(?:{alt('stock')})")
        self.actual = re.compile(f"(?:{alt('actual')})")
        self.staff_kind = re.compile(f"(?:{alt('staff_kind')})")
        # ("由2022年的2.3万吨增加到2.5万吨", "由上年的11.2%提高到12.6%": the year it came from, named on the way)
        self.came_from = _Before(f"(?:{alt('came_from')})[ \t\u3000]*(?:(?:19|20)[0-9]{{2}}[ \t\u3000]*年度?末?|"
                                 "上一?年度?|去年)?的?[ \t\u3000]*$", self.reach("came_from") + 12)
        self.trait = re.compile(f"(?:{alt('trait')})")
        # "…，净增加78.78万元": a net change later in the sentence (see the reader's _gross)
        self.net_change = re.compile(f"[^。；;！？!?\n]{{0,40}}?(?:{alt('net_change')})")
        # "城镇新增就业目标600人，完成648人": after a target's value, what was done (its figure follows: see nearby)
        # (or "目标值是12场次，实际完成值为15场次")
        self.done = re.compile(f"[，,]?[ \t\u3000]*(?:实际|全年)?(?:{alt('done')})了?(?:值|数)?(?:为|是|达)?[ \t\u3000]*")
        # "实支763.9万元，节支11.3万元", "全年节约资金13.10万元": a saving (or overspending) right before its figure
        self.saving = _Before(f"(?:{alt('saving')})了?(?:财政)?(?:资金|经费|支出|金额)?率?(?:为|了|达)?[ \t\u3000]*$", self.reach("saving") + 8)
        # "上年结转的困难职工帮扶资金12.30万元": 的 and a noun of money right before a figure (see _modifies; a space
        # between, as text taken from a PDF has: "上年结转结余的单位资金 0 万元")
        self.fund_kind = re.compile(f"的[\u4e00-\u9fff]{{0,14}}?(?:{alt('fund_kind')})(?=[ \t\u3000]*[0-9０-９])")
        # "农村实用技术培训经费6.40万元": the money for a target's work, right after the target's name
        self.fund_after = re.compile(f"(?:{alt('fund_kind')})")
        # "自评得分为96.5分": the words that name the self-evaluation's score, right before its figure
        self.total_score = _Before(f"(?:{alt('total_score')})(?:为|是|了|达到|达|：|:|[ \t\u3000])*$",
                                   self.reach("total_score") + 6)
        self.whole_scored = re.compile(f"(?:{alt('whole_scored')})")
        self.scored_part = re.compile(f"(?:{alt('scored_part')})")
        # "政府采购货物支出…、工程支出…、服务支出…": the names that, all listed, are the whole (each a tuple of the
        # spellings of one item)
        self.partitions = [[_words([alt]) for alt in _alternatives(p)] for p in partitions]
        # "追回医保基金2500万元以上": the words of a rough figure right after it (the vocabulary's approx_after words)
        self.approximate = re.compile("[ \t\u3000]*(?:" + ("|".join(re.escape(w) for w in sorted(
            approximate, key=len, reverse=True)) or _NONE) + ")")
        # the kinds of body a name ends with, and the patterns made of them (bodies.py)
        self.bodies = Bodies(words)
        # "收入较去年减少105.77万元，主要是经费拨款增加105.77万元": the words that give a change's reason, and the
        # direction words right before the reason's figure (see nearby.reason_the_other_way)
        self.cause = re.compile(f"(?:{alt('word:cause')})")
        self.up_before = _Before(f"(?:{alt('word:up')})了?[ \t\u3000]*$", self.reach("word:up") + 2)
        self.down_before = _Before(f"(?:{alt('word:down')})了?[ \t\u3000]*$", self.reach("word:down") + 2)
        # "…、对企业补助5501.02万元，构成财政拨款支出7540.18万元": the words saying the items before make up what follows
        self.makes_up = _Before(f"(?:{alt('makes_up')}|(?:{alt('word:total')})为?)了?$",
                                max(self.reach("makes_up"), self.reach("word:total") + 1) + 1)
        # "…；加上年末结转和结余2.05万元，支出合计…": a clause that adds an item to what was stated before it
        self.adding = re.compile(f"[ \t\u3000]*(?:{alt('adding')})")
        # "…，减全年财政拨款支出3237.75万元，…滚存结余0万元": a balance worked out in words (see chains.py)
        self.taking_away = re.compile(f"[ \t\u3000]*(?:{alt('taking_away')})")
        self.balance = re.compile(f"(?:{alt('balance')})")
        self.incoming = re.compile(f"(?:{alt('incoming')})")
        self.outgoing = re.compile(f"(?:{alt('outgoing')})")
        # "在我县…改革后，": a clause of when or under what (see subjects._in_circumstance)
        self.scene_opens = re.compile(f"[ \t\u3000]*(?:{alt('scene_opens')})")
        self.purpose = re.compile(f"[ \t\u3000]*(?:{alt('purpose')})")
        self.scene_closes = re.compile(f"(?:{alt('scene_closes')})[ \t\u3000]*$")
        self.unit_itself = re.compile(f"(?:{alt('unit_itself')})$")
        # "基本支出资金执行98.54%": the verb of carrying out right before a percentage
        # (a budget's text has none of these for this year: see budgettext.py)
        self.in_year = re.compile(f"(?:{alt('in_year')})")
        self.in_future = re.compile(f"(?:{alt('in_future')})")
        self.carried_out = _Before(f"(?:{alt('carried_out')})[ \t\u3000]*$", self.reach("carried_out") + 2)
        # "我局完成5G基站建设179座": what was done, said in the clause before a target's name — unless it says what was
        # planned ("目标完成…")
        self.done_before = re.compile(f"(?:{alt('done')})了?[\u4e00-\u9fff“”]{{0,4}}$")
        self.planned = re.compile(f"(?:{alt('planned')})")
        # "累计完成项目支出1052.39万元": what was done, right before a label
        self.done_right_before = _Before(f"(?:{alt('done')})了?$", self.reach("done") + 1)
        # "招商引资项目投资总额526.28亿元，完成全年进度的105.26%": right after a target's figure, the share of its target
        # value that was done
        # (or "实际完成值为15场次，目标完成率为125%": the rate named after the figure)
        self.completion = re.compile(f"[ \t\u3000]*[，,]?[ \t\u3000]*(?:(?:{alt('done')})了?[ \t\u3000]*[\u4e00-\u9fff]{{0,3}}?"
                                     f"(?:{alt('planned')}|进度){{1,2}}的?|(?:目标|指标|任务)?完成率(?:为|是|达到|达)?)"
                                     "[ \t\u3000]*(?P<pct>[0-9]{1,4}(?:\\.[0-9]{1,4})?)[ \t\u3000]*[%％]")
        # "各调增152.30万元": a change from the year-start budget, right before its figure (see levels._after_adjustment)
        self.adjusts = _Before(f"(?:{alt('adjusts')})[\u4e00-\u9fff]{{0,4}}$", self.reach("adjusts") + 4)
        # "预算执行3270.00万元，实际支出金额3237.75万元": the budget to be carried out, and what actually was, each a few
        # words before its figure
        self.to_carry_out = _Before(f"(?:{alt('to_carry_out')})[^，,。；;：:]{{0,4}}$", self.reach("to_carry_out") + 4)
        self.actual_before = _Before(f"(?:{alt('actual')})[^，,。；;：:]{{0,6}}$", self.reach("actual") + 6)
        self.serving = re.compile(f"(?:{alt('serving')})")
        self.retired = re.compile(f"(?:{alt('retired')})")
        self.projects = re.compile(f"(?:{alt('projects')})")
        # "项目支出均实行了绩效目标管理，涉及…": the money the targets of all projects (or of the whole spending) cover
        # (covered.py: each pattern searched over the sentence before 涉及, at most 90 characters)
        self.covers = re.compile(f"(?:{alt('covers')})")
        opening = r"(?:^|[，,：:；;\s]|年|度|对|将|把|局|委|办|部门|单位)"
        managed = (f"[^，,。；;]{{0,4}}?(?:{alt('brought_under')})了?[^，,。；;]{{0,12}}?(?:{alt('managed')})"
                   r"(?P<gap>[^。；;]{0,40})$")
        # (the word for "all" after the subject, "项目支出均实行…", or before it, "所有项目支出预算纳入…")
        self.covered_projects = (
            re.compile(f"{opening}(?:{alt('covers_all')})?(?P<subject>{alt('all_projects')})(?:预算|资金)?"
                       f"[^，,。；;]{{0,8}}?(?:{alt('covers_all')}){managed}"),
            re.compile(f"{opening}(?:{alt('covers_all')})(?P<subject>{alt('all_projects')})(?:预算|资金)?{managed}"))
        # ("本单位共12个项目纳入绩效目标管理": some projects, counted — as many as a share after the amount says)
        self.covered_counted = re.compile(f"(?:共|共计|合计)?[ \t\u3000]*[0-9]{{1,4}}[ \t\u3000]*个(?P<subject>{alt('all_projects')})"
                                          f"(?:预算|资金)?{managed}")
        self.covered_whole = re.compile(f"{opening}(?P<subject>{alt('whole_spending')})(?:预算)?{managed}")
        # "设下属事业单位1个（即：县招商投资服务中心）": the department's units counted, then named in a bracket
        self.units_bracket = re.compile(f"(?:{alt('own_units')})" r"[\u4e00-\u9fff]{0,6}?(?:单位|机构)[ \t\u3000]*"
                                        r"[0-9一二三四五六七八九十两]{0,3}[个家所]?[ \t\u3000]*[（(](?:即|为|是|包括)?[：:]?"
                                        r"([^（()）。；;\n]{2,80})[）)]")
        # "…等10个股室": the end of a section's name; the names of sections in a 、 list; those every body has
        self.section_end = re.compile(f"(?:{alt('section_kind')}|机构|部门|单位)$")
        self.section_name = re.compile(f"(?:{alt('section_kind')})$")
        self.section_listed = re.compile("(?<=[、：:，,])[\u4e00-\u9fff]{1,12}?" f"(?:{alt('section_kind')})"
                                         "(?=[、，,。；;和及（(]|$)")
        self.common_section = re.compile(f"(?:{alt('common_section')})")
        # "截至2018年12月31日，…": the day a sentence's figures are as of, opening it
        self.as_of_year = re.compile(r"[ \t\u3000\n]*" f"(?:{alt('as_of')})" r"[ \t\u3000]*((?:19|20)[0-9]{2})[ \t\u3000]*年")
        # "…，同比分别增长6.9%和0.7%": in turn
        self.each = re.compile(f"(?:{alt('word:each')})")
        # "一般公共预算收入1326.80万元，加上上年结转收入35.20万元，收入总计1362.00万元": a clause naming a total
        self.total_word = re.compile(f"(?:{alt('word:total')})")
        # "我局项目支出": the department's own word opening a label (see subjects._label)
        self.own_word = re.compile(f"(?:{alt('word:self')})")
        # "本馆隶属于市文旅局": the longer spelling first ("隶属于" before "隶属")
        self.subordinate_to = tuple(sorted(words.get("subordinate_to", ()), key=len, reverse=True))

    def reach(self, *classes: str) -> int:
        return max((self._longest.get(cls, 0) for cls in classes), default=0)


class _Before:
    """Cue words that end right where a word begins."""

    def __init__(self, pattern: str, reach: int):
        self.pattern, self.reach = re.compile(pattern), reach

    def at(self, text: str, start: int) -> bool:
        return self.found(text, start) is not None

    def found(self, text: str, start: int) -> re.Match | None:
        return self.pattern.search(text, max(0, start - self.reach), start)


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern ("(?:货物|物品)|工程|服务": three)."""
    out, depth, cur = [], 0, ""
    for ch in pattern:
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    return [*out, cur]


def _words(patterns: list[str]) -> set[str]:
    out: set[str] = set()
    for p in patterns:
        try:
            out |= spellings(p)
        except NotFinite:          # refused when the file was read
            pass
    return out
