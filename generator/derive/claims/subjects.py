"""Whose figures follow: a fact's name (a new subject, or the subject's own plain word), another body or place,
the department itself, a performance target's name (_Subjects)."""
from __future__ import annotations

import re

from .claim import OTHER_SUBJECT, Claim, TargetMention
from .parts import BY_SOURCE, GENERIC, PLAIN, SOURCE_OF, WITH_CARRYOVER, _side, source_key, within
from .patterns import _ENUM_ITEM
from .state import _List, _Scope, _State
from .tokens import CLAUSE, CLOSE, ENUM, OPEN, OPENING_LEAD, SENTENCE, Token, in_title, is_han

# an item's number right before a name ("6.其他收入", "（二）公用经费")
# a place's name before a body's kind ("宣汉县马渡关镇" of 宣汉县马渡关镇卫生院): the body is named first all the same
_PLACE_NAME = re.compile("[\u4e00-\u9fff]{1,12}(?:省|市|州|县|区|旗|镇|乡|街道)")
# a year opening a sentence ("2023年度，", "2023年")
_YEAR_FIRST = re.compile(r"^(?:19|20)[0-9]{2}[ \t\u3000]*年度?[，,]?")
_ITEM_NUMBER = re.compile(r"(?:[0-9]{1,2}[ \t]?[.．、]|[一二三四五六七八九十]{1,3}[ \t]?、|[（(][一二三四五六七八九十0-9]{1,3}[）)])[ \t\u3000]*$")
# what may stand before a sentence's subject: spaces, an item's number, a bracket, 原 ("原区档案局…")
_LEADING = OPENING_LEAD + "原"
_SOURCE_INCOME = frozenset(f"finance.income.{k}" for k in ("general", "fund", "state_capital", "fiscal"))

# words for a whole side that end a more specific label when written right after it ("公用经费总支出",
# "人员经费财政拨款支出合计"): the specific label's total, not the department's
TRAILING = {"总支出", "支出总额", "财政拨款支出合计", "总收入", "收入总额"}
# headcount words that name nobody in particular: the department's people only in a sentence already about its
# staff ("行政编制在职22人，…，总人数46人"), not after other counts ("接待30批次，总人数220人")
CONTEXTUAL = {"总人数"}

# kinds of unit that, bare at the opening of a text, are the unit itself ("街道", "中心校"); "乡镇", "村",
# "社区" are many units, and "站""所""院" are too short to tell from other words
SELF_TYPES = frozenset({"街道", "中心", "学院", "学校", "医院"})
_SELF_ANYWHERE = frozenset({"学院", "学校", "医院"})
_CLAUSE_ENDS = ("；", ";", "，", ",")
_PAIRS = "和及与"          # the joins of two names sharing one head ("人员和公用经费")
_BEFORE_RARE = frozenset(CLOSE + _PAIRS)      # the characters before a name that _after_aside_or_pair asks about
_YEAR_ONLY = re.compile(r"[ \t\u3000]*(?:19|20)[0-9]{2}\s?年度?[，,]?[ \t\u3000]*")     # "2023年学院收入合计…"
# "本单位是…所属的事业单位", "我局系县政府直属机构", "本局为县级政府下属行政单位": the department said to be something
_COPULA = re.compile("是|系|为|属于|隶属")
# "区档案馆为区委办所属事业单位": a unit said to belong to another body — a name, a copula, the body's name, then
# one of the words for belonging (the department describing itself; its own subordinates it calls 下属 or 我局所属)
_LEVEL_AND = re.compile(r"本级[ \t\u3000]*(?:和|及|与|以及|及其)[ \t\u3000]*(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})?个?[ \t\u3000]*$")
_NOT_ITSELF = re.compile("(?:不属于|不归|不隶属于?|非|不是|不含|不包括)$")
# a classification item's code: 3, 5 or 7 digits (a year has 4), no unit after it
_CODE = r"(?<![0-9.])(?:[0-9]{7}|[0-9]{5}|[0-9]{3})(?![ \t]*[年月日万亿元个人家项名次%％])"
# a name, then a classification item's code in brackets ("提租补贴（2210202）")
_NAME_AND_CODE = re.compile(r"([\u4e00-\u9fff]{2,16})[（(]" + _CODE + "[）)]$")
# the code and the name it begins, up to here ("2150805 中小企业发展专项", "2080505机关事业单位基本养老保险缴费"): a word
# in it is in the name of a line of spending, not another body
_CODED_ITEM = re.compile(_CODE + r"[ \t\u3000\-－—]*([\u4e00-\u9fff]{0,24})$")
# a code of the functional classification (a division's or an item's: 2 and 4 or 6 digits more)
_FUNCTION_CODE = re.compile(r"2[0-9]{4}(?:[0-9]{2})?(?![0-9])")
# the department named as the owner of the body just named ("县粮食储备库是我局所属公益二类事业单位")
_OWNER_OF = re.compile("[ \t\u3000]*的?(?:所属|下属|直属|主管|管理的|管辖的|二级)")
_OWN_THINGS = frozenset({"项目", "工程", "专项", "子项目"})     # (not "外贸进出口总额": the target's own words)
# (an item blocked as a line of money the file has no figure of — "使用非财政拨款结余59,972.79万元，上年结转…" — leaves
# the next its sibling in a frame the file may not share: see _next_item_of_own_list)
_MONEY_LINE_WORDS = ("结余", "结转", "收入", "支出", "经费")
# the names of a carry-over that do not say at which end of the year (the year-end's by default: see _new_subject)
_BARE_CARRYOVER = frozenset({"结转结余", "结余结转", "结转和结余", "结余"})
_BELONGS = frozenset({"所属", "直属", "附属", "隶属", "局属"})
_UNITS_OF = _BELONGS | {"下属"}
# "共设1办10处，下属单位1家，行政编制135人": the department's units counted, as its sections are — what it is made
# of, not another body whose figures follow
_UNITS_COUNTED = re.compile("(?:单位|机构|事业单位|预算单位|企业)?[ \t\u3000]*(?:共有|共计|共|有)?[ \t\u3000]*"
                            "(?:[0-9]{1,3}|[一二三四五六七八九十两]{1,3})[ \t\u3000]*(?:家|个|所)(?![\u4e00-\u9fff]{0,6}[支收])")
# "我局共实施专项工作项目19个": the department's projects, counted (see _projects_counted)
_PROJECTS_COUNTED = re.compile("[\u4e00-\u9fff]{0,8}?[ \t\u3000]*(?:共有|共计|共|有)?[ \t\u3000]*"
                               "(?:[0-9]{1,3}|[一二三四五六七八九十两]{1,3})[ \t\u3000]*(?:个|项)(?![\u4e00-\u9fff]{0,6}[支收])")
# "分别是预算审核科、项目优化科和综合科": the word begins the name of one of the department's sections (科, 股), named
# in a list — no project or fund of its own
# (or right before the count of them: "办公室、市场运行股、对外贸易股5个股室")
_SECTION_NAME = re.compile("[\u4e00-\u9fff]{0,6}?[科股](?=[、，,。；;和及与）)0-9等]|$)")
_AFFILIATED = re.compile("[\u4e00-\u9fff（）()]{2,}(?:是|系|为|属于)[\u4e00-\u9fff]{1,12}$")


# a source's income line, and the source it names (spending listed under it is paid from that source)
_INCOME_SOURCE = {"finance.income.general": "general", "finance.income.fund": "fund",
                  "finance.income.state_capital": "state_capital", "finance.income.fiscal": "fiscal"}


_SOURCE_LINES = frozenset({"finance.income.fiscal", "finance.income.general", "finance.expenditure.fiscal",
                           "finance.expenditure.general"})
# words that name another government's money ("政府性基金收入" of the county) unless listed among the department's own
# or followed by a column of its accounts ("2023年一般公共预算支出决算数为1305.93万元": a government's is 全县…), or
# right after its own word ("我局一般公共预算收入完成…")
# an amount's end ("751.54万元")
_AMOUNT_END = re.compile(r"[0-9][0-9.,，]*[ \t\u3000]*(?:万元|亿元|元)$")
# a sentence opening with a comparison and nothing else ("与上年相比支出下降…", "较上年")
_LAST_YEAR = r"(?:与|和|同|较|比)[ \t\u3000]*(?:上年|去年|上一年|上年度|(?:19|20)[0-9]{2}年度?)(?:同期)?"
# after a plain 支出/收入 that opens its sentence: its column, then a comparison ("支出决算比上年增加…")
_PLAIN_COMPARED = re.compile(r"(?:决算|预算|执行)数?[ \t\u3000]*(?:比|较|与)")
_CMP_OPENER = re.compile(r"[ \t\u3000]*" + _LAST_YEAR + r"[ \t\u3000]*(?:相比|比较)?[，,]?[ \t\u3000]*")
_CMP_BASE = re.compile(_LAST_YEAR + r"的?[ \t\u3000]*$")
# what may stand between the department's own word and such a name ("全局完成一般公共预算支出3237.75万元")
_SELF_TO_LINE = re.compile(r"[ \t\u3000]*(?:(?:全年|本年|当年|年度|[0-9]{4}年度?)[ \t\u3000]*)?(?:共计?|累计)?"
                           r"(?:完成|实现|安排)?(?:的)?[ \t\u3000]*")
_OWN_WHEN_LISTED = {"政府性基金收入": "finance.income.fund", "政府性基金支出": "finance.expenditure.fund",
                    "一般公共预算收入": "finance.income.general", "一般公共预算支出": "finance.expenditure.general",
                    "政府性基金预算收入": "finance.income.fund", "政府性基金预算支出": "finance.expenditure.fund",
                    "国有资本经营预算收入": "finance.income.state_capital",
                    "国有资本经营预算支出": "finance.expenditure.state_capital"}


# a sentence opening on another place, after its year: "2023年，全镇…"
_PLACE_OPENS = re.compile("[" + re.escape(OPENING_LEAD) + r"]{0,8}(?:(?:19|20)[0-9]{2}年度?[ \t\u3000]*[，,]?[ \t\u3000]*)?"
                          r"(?P<place>全国|全省|全市|全区|全县|全州|全盟|全旗|全镇|全乡)")


# a clause that opens with the year's own words before a plain 支出 ("，当年支出731.25万元")
_THIS_YEARS = re.compile("[，,；;](?:当年|本年|全年)(?:实际)?$")

# the words that join two wholes of one share ("占财政拨款支出和基本支出的比重")
_JOINED = re.compile(r"[ \t\u3000]*[和与及、][ \t\u3000]*")




class _Subjects(_State):
    """Names: of facts, of other bodies, of the department itself, of targets."""

    def _target(self, tok: Token, index: int) -> None:
        """A performance target's name: whether what follows is its figure for this year is the scope's to say
        (another subject named before it, another year, part of the year); what follows is not the facts'."""
        lead, scope = self.lead, self.scope
        if self.cues.fund_after.match(self.text, tok.end):
            # "农村实用技术培训经费6.40万元": the money spent on the target's work — an item named by words of its own
            lead.unknown, lead.label = self.text[tok.start:tok.end + 4][-12:], None
            scope.subject, scope.label = None, ""
            return
        year = lead.year if lead.year is not None else scope.year
        # a target is often the county's or a sector's ("我县外贸进出口总额", "规上工业增加值增速"): only another place
        # or level, or another body, makes the figure someone else's
        # ("项目总投资2033.34万元": a target's words glued to another thing's name are that thing's)
        glued = scope.blocked in _OWN_THINGS and tok.start >= len(scope.blocked) \
            and self.text[tok.start - len(scope.blocked):tok.start] == scope.blocked
        place = _PLACE_OPENS.match(self.text, self.sentence_start, tok.start)
        why = (f"{OTHER_SUBJECT}（“{scope.blocked}”）" if scope.blocked and (self.cues.bodies.not_local.search(scope.blocked) or glued)
               # "2023年，全镇一般公共预算收入…；…；进出口总额4.97亿元": a sentence that opens on another place is its
               else f"{OTHER_SUBJECT}（“{place.group('place')}”）" if place is not None
               else f"说的是{year}年的数" if year not in (None, self.year)
               else f"说的是一年中的一段时间（“{scope.partial}”）" if scope.partial else "")
        self.out.targets.append(TargetMention(index, tok.start, tok.end, why))
        scope.subject, scope.alts, scope.label = None, (), ""
        lead.label, lead.target = None, tok.text     # its figures are the target table's, checked there

    def _names_itself(self, tok: Token) -> bool:
        """"街道行政编制25人…", "中心校现有在职教师…": a bare kind of unit, unqualified (not "各街道", "下属中心",
        "某某中心"), opening the text is how a unit names itself — as later in the same text. "学校", "学院", "医院"
        bare anywhere (after punctuation or a year, not after a name: "县职业技术学院") are the school itself."""
        if tok.text not in SELF_TYPES or tok.text in self.named_kinds:
            return False
        if tok.text in self.self_types or self._opens_text(tok):
            return True
        before = self.text[tok.start - 1] if tok.start else ""
        return tok.text in _SELF_ANYWHERE and (not is_han(before) or before in "年度")

    def _self_type(self, tok: Token) -> None:
        self.self_types.add(tok.text)
        self.scope.blocked = ""
        self.announced = ""

    def _other_subject(self, tok: Token) -> None:
        if self._own_line(tok):
            return
        scope = self.scope
        cues = self.cues
        if self._not_its_figures(tok):
            return
        lst = self.list
        while lst is not None and lst.outer is not None:
            lst = lst.outer
        if lst is not None and lst.subject and tok.text == lst.subject and self._before(tok.start, 1) in _CLAUSE_ENDS:
            # "市本级…总收入X亿元。其中：A…，B…；市本级…总支出Y亿元": the subject named again begins another
            # statement — not another item of the list
            while self.list is not None:
                self._end_list()
        if self._compared_with(tok):
            # "支出3237.75万元，增幅高于全市平均；基本支出775.2万元…": the body compared with qualifies its own clause
            # (a clause of no figure, which would otherwise be a topic: see _end_clause)
            self.aside = 3
        elif (cues.bodies.unit_kind.search(tok.text) or cues.governs.at(self.text, tok.start)) and (
                self.aside or (self.self_named and not scope.blocked and self.describing is None)):
            # "我校现有在职教师48人，汇智公司教师8人，公办退休人员89人": in a sentence the department opened about
            # itself, another body named later qualifies its own clause; a clause after it that names a fact
            # of its own before any figure is the department's again
            self.aside = 1
        elif cues.projects.fullmatch(tok.text) and self._own_clause_before(tok) and not self.clause_figures \
                and self.describing is None:
            # (so for a project or fund named in a clause of no figure of a sentence the department opened in a clause
            # before: "以我局为例，将中小企业发展专项资金纳入支出预算后，项目支出预算为1052.39万元")
            self.aside = 4
        if self.describing is None and not self.clause_figures and self._describes_itself(tok):
            # "本单位是市卫健委所属的公益一类事业单位", "区档案馆为区委办所属事业单位", "负责全县的档案工作":
            # what the department is or does, said of itself — the other body's name ends with the clause,
            # unless a figure is read in it
            self.describing = scope.blocked
        # (named after a figure of the department's in its sentence: in passing — see _heading_after_passing)
        last = self.last_claim
        self.passing_block = self.sentence if last is not None and last.fact is not None \
            and last.sentence == self.sentence else -1
        scope.blocked, scope.subject, scope.label, scope.alts = tok.text, None, "", ()
        self._take_the_floor(tok)

    def _own_clause_before(self, tok: Token) -> bool:
        """Whether the department named itself in a clause of this sentence before the word's ("以我局为例，将…")."""
        end = self.self_at
        return self.self_named and 0 <= end <= tok.start and any(ch in self.text[end:tok.start] for ch in "，,；;")

    def _compared_with(self, tok: Token) -> bool:
        """Whether another body is named right after a word that compares ("高于全市平均", "低于全省"), after a figure
        of the department's own in the sentence: what the department is measured against, not the next subject."""
        op = self.lead.op_tok
        return op is not None and self.figures_in_sentence > 0 and not self.scope.blocked \
            and not self.text[op.end:tok.start].strip(" \t\u3000")

    def _take_the_floor(self, tok: Token) -> None:
        """Another body named: whether it opens its sentence, what kind of unit it is (a bare kind later is it again),
        and the fact the words before it named is no longer the subject."""
        self.named_kinds.update(k for k in SELF_TYPES if tok.text.endswith(k) and tok.text != k)
        if self._named_first(tok):
            if not self.blocked_first:
                self.first_other = tok.text
            self.blocked_first = True
        self.lead.label = None
        if self.lead.share:
            self.lead.other_fact = True

    def _named_first(self, tok: Token) -> bool:
        """Whether the sentence is about the other subject, named first: "各乡镇认真落实…。", "宣汉县马渡关镇卫生院是…。"
        (a place's name before the body's kind)."""
        # ("2023年度佛山市轨道交通局组织…": the year the sentence opens with comes before its subject)
        opening = self.text[self.sentence_start:tok.start].lstrip(" \t\u3000\r\n")
        before = _YEAR_FIRST.sub("", opening, count=1).strip(_LEADING)
        return not before or _PLACE_NAME.fullmatch(before) is not None \
            or _PLACE_NAME.fullmatch(before + tok.text[:1]) is not None

    def _with_its_units(self, tok: Token) -> bool:
        """"本部门及所属单位", "我会及直属单位", "本局各单位": the department together with its own units — the whole
        department, as its accounts are."""
        lead = self.lead
        if tok.text in _UNITS_OF and _LEVEL_AND.search(self.text, max(0, tok.start - 12), tok.start):
            return True         # "包括本级和3个所属二级预算单位": the department's own level and its units
        if tok.text in ("各单位", "各预算单位") and lead.self_end >= 0 and not self.text[lead.self_end:tok.start].strip(" \t\u3000"):
            return True         # "湖州市财政局各单位会议费预算…": all the department's units together — the whole department
        return tok.text in _UNITS_OF and lead.self_end >= 0 and \
            self.text[lead.self_end:tok.start].strip(" \t\u3000") in ("及", "和", "与", "以及", "及其")

    def _describes_itself(self, tok: Token) -> bool:
        lead = self.lead
        # (the copula within a clause's reach of the name: a window, not all the text since the department was named)
        return bool((lead.self_end >= 0 and _COPULA.search(self.text, max(lead.self_end, tok.start - 40), tok.start))
                    or (tok.text in _BELONGS and _AFFILIATED.search(self._clause_before(tok.start)))
                    or self.cues.duty.at(self.text, tok.start))

    def _self_word(self, tok: Token, itself: bool) -> None:
        if _NOT_ITSELF.search(self.text, max(0, tok.start - 4), tok.start):
            return      # "县中医医院不属于本院管理，其…": the department named as what the other body is not
        if self.scope.blocked and _OWNER_OF.match(self.text, tok.end):
            return      # "县粮食储备库是我局所属公益二类事业单位，核定事业编制10名": the body's owner, named on the way
        opened = self.blocked_first or (self.opener and self.scope.blocked == self.opener)
        if itself and opened and self.scope.blocked and not tok.text.startswith(("本", "我")):
            # "重庆市梁平区林业局2023年度部门整体绩效自评总分…", "区城管执法局现有人员1894人，其中局本级187人": a word of
            # no name for a body as a whole (部门整体, 局本级, 全局 — the department's own names are read as 本部门) is
            # the body the sentence opened with
            return
        first = self.cues.bodies.opening_name.match(self.scope.blocked) if opened and self.cues.unit_itself.match(tok.text) else None
        if first is not None and not any(first.group().endswith(k) for k in self.cues.bodies.organs):
            # "长武县环卫队隶属县住建局，…，本单位实有人员9人": the unit the sentence opened with, in its own words (an
            # organ of government is not: "县财政局下达本单位…" names the department as the one it gave to)
            return
        if opened and len(tok.text) >= 2 and tok.text[1:] not in self.cues.bodies.organs \
                and self.scope.blocked.endswith(tok.text[1:]):
            # "博才幼儿园是一所民办幼儿园，本园设五个班级": the body the sentence opened with, of that kind (not an organ
            # of government: "县财政局下达我局…" names the department as the one it gave to) — or the one an earlier
            # sentence of no figure opened with ("…信息中心属于公益一类事业单位。本中心编制13人")
            return
        scope = self.scope
        scope.blocked = ""
        self.announced = ""
        if itself:
            scope.column, scope.fresh = None, False
            self.self_named = True
            self.lead.self_end = self.self_at = tok.end

    @staticmethod
    def _whose(scope: _Scope) -> str:
        """Why a figure of another subject is not checked against the facts, in the words explain shows."""
        if scope.blocked and scope.blocked == scope.account:
            return f"说的是一个科目（“{scope.blocked}”）的数，事实文件没有这个科目"
        return f"{OTHER_SUBJECT}（“{scope.blocked}”）"

    def _of_account(self) -> bool:
        """Whether the subject the figures are of is a line of the department's accounts (not another body)."""
        return bool(self.scope.blocked) and self.scope.blocked == self.scope.account

    def _label(self, tok: Token, means: dict, facts: list) -> None:
        """A fact's name: the whole of a share, someone else's, the subject's own plain word, or a new subject."""
        lead = self.lead
        fact = facts[0] if facts else None
        if self.scope.blocked and not lead.share and self.cues.own_word.match(tok.text):
            self._self_word(tok, True)      # "不断加大对企业的扶持力度，2023年我局项目支出…": the department again
        adjacent, self.label_end, self.label_start = tok.start == self.label_end, tok.end, tok.start
        if lead.share:
            whole = means.get("whole") or fact
            if lead.whole is not None and _JOINED.fullmatch(self.text, lead.whole_end, tok.start):
                # "占本部门财政拨款支出和基本支出的比重分别为1.0%和4.4%": two wholes, a share of each in turn
                lead.wholes = (lead.wholes or ((lead.whole, lead.whole_word),)) + ((whole, tok.text),)
            lead.whole, lead.whole_word, lead.whole_end = whole, tok.text, tok.end
            return
        if tok.start < self.modified_end:
            return      # "用于项目支出的一般公共预算财政拨款支出资金…": a name inside the noun the first name said the kind of
        coded = self._inside_coded_name(tok)
        if coded is not None:
            # "（五）2080501-行政单位离退休96.40万元": a fact's name inside the name of a line of the functional
            # classification its code begins — that line's amount (an account's), not the fact's
            self._on_account(coded, {})
            return
        self._heading_after_passing(tok, fact)
        if self.aside == 2 and self.scope.blocked and fact and not lead.figure and not self.clause_figures:
            # the other body was an aside (see _other_subject); a column it named was its own
            self.scope.blocked, self.scope.column, self.aside = "", None, 0
        self._own_again(tok, fact)
        if self._source_of_subject(fact, means) and (adjacent or self._source_again(tok)):
            # "“三公”经费一般公共预算拨款13.60万元", "“三公”经费一般公共预算财政拨款支出…": the source the subject was
            # paid from, not the source's own line (so too the same words again in the sentence: "…支出9.86万元，2022年
            # 公共财政拨款支出10.24万元")
            lead.source, self.source_end = tok.text, tok.end
            self.subject_source = (self.sentence, self.scope.subject, tok.text)
            return
        if self._qualified(tok, fact) or self._modifies(tok) or self._not_a_subject(tok, fact, adjacent) or fact is None:
            return
        if self._parts_named_in(tok, fact):
            return
        if lead.op and not lead.figure:
            lead.op_fact = fact              # "低于年初结转和结余41.73万元": the other side is named
        if not lead.figure and self.clause_figures == 0:
            self.bare_label = True           # named in a clause without figures (so far)
        self._new_subject(tok, fact, facts)
        self._label_column(tok, means, fact)

    def _modifies(self, tok: Token) -> bool:
        """"其中上年结转的困难职工帮扶资金12.30万元": a fact's name, then 的 and a noun right before a figure — the name
        only says what kind of that noun it is: the figure is the noun's (read as unknown words; True)."""
        m = self.cues.fund_kind.match(self.text, tok.end, tok.end + 20)
        if m is None:
            return False
        self.lead.unknown, self.lead.label = self.text[tok.start:m.end()][-12:], None
        self.scope.subject, self.scope.label = None, ""
        self.modified_end = m.end()
        return True

    def _parts_named_in(self, tok: Token, fact: str) -> bool:
        """"支出总计1466.69万元，其中本年支出1370.33万元…；本年支出中基本支出839.05万元，占61.23%": "X中" after X's amount
        was stated in the sentence is a list of X's parts, as "其中" after it would be. Began (True) or not."""
        if self.text[tok.end:tok.end + 1] != "中" or self.text[tok.end + 1:tok.end + 2] in ("心", "央", "国", "学") \
                or self.lead.figure:
            return False
        # (or the sentence before: "…，其中，基本支出731.25万元，项目支出574.68万元。基本支出中，人员经费…")
        head = next((c for c in reversed(self.out.claims[-24:]) if c.kind == "level" and c.fact == fact
                     and c.figure is not None and c.sentence >= self.sentence - 1 and c.money), None)
        if head is None:
            return False
        while self.list is not None:
            self._end_list()
        self.list = _List(head, len(self.stack), "中")
        self.list.figures_at, self.list.before = self.figures, self.figures_in_sentence
        self.list.year_at = self.scope.year
        self.lead.label = None
        return True

    def _account_make_up(self, tok: Token) -> bool:
        """"行政运行（项）拨款支出751.54万元（人员经费705.36万元、日常公用经费46.18万元）": inside a bracket right after the
        line's amount, what that line is made of — not the department's lines."""
        at = self._bracket_open_at(tok.start, 60) if len(self.stack) >= 2 else -1
        return at > 0 and _AMOUNT_END.search(self.text, max(0, at - 16), at) is not None

    def _in_account_list(self) -> bool:
        """Whether a 其中 list of a line of accounts is open ("农林水支出（213类）决算数3180.20万元，其中：基本支出…"): its items
        are that line's, not the department's."""
        head = self.list.head if self.list is not None else None
        return head is not None and head.fact is None and bool(head.label) and head.label == self.scope.account

    def _not_its_figures(self, tok: Token) -> bool:
        """Whether a body (or other subject) named here is named on the way, not as the subject of the figures after it:
        "教育部认真贯彻落实国务院要求，…全年实际开支…" (the body whose requirement the department carried out, as
        "根据市工信局的部署" for a body named in full); "内设办公室、一大队及二大队5个科室" (the department's own
        sections); the department's units or projects counted; a line of accounts by its code; a name in a document's
        title ("根据《平远县财政局关于2023年部门预算的批复》，…")."""
        cues = self.cues
        return bool(cues.body_after.match(self.text, tok.end) or cues.required_by.at(self.text, tok.start)
                    or cues.negated.at(self.text, tok.start) or cues.located.search(self._clause_before(tok.start))
                    or self._belongs_to(tok.text) or self._with_its_units(tok) or self._own_section(tok)
                    or _SECTION_NAME.match(self.text, tok.end) or self._units_counted(tok) or self._projects_counted(tok)
                    or (not tok.has("account") and _CODED_ITEM.search(self.text, max(0, tok.start - 24), tok.start))
                    or in_title(self.text, tok.start) or self._in_circumstance(tok) or self._for_purpose(tok))

    def _for_purpose(self, tok: Token) -> bool:
        """"项目支出2473.85万元，用于科技、工业和商贸专项，较2022年决算…": a project, fund or body inside a clause
        that says what money went to (no figure of its own) is where it went, not whose the figures after it are."""
        opener = max(self.text.rfind(ch, max(0, tok.start - 30), tok.start) for ch in CLAUSE + SENTENCE)
        if opener < 0 or self.cues.purpose.match(self.text, opener + 1) is None:
            return False
        end = min((i for i in (self.text.find(ch, tok.end, tok.end + 40) for ch in CLAUSE + SENTENCE) if i >= 0), default=-1)
        return end > 0 and not any(ch.isdigit() for ch in self.text[opener:end])

    def _in_circumstance(self, tok: Token) -> bool:
        """"在我县单位公务用车制度改革后，2023年预算安排车辆经费7万元": a place or body inside a clause of when or under what
        ("在……前/后/时/之际/期间/以来/下，") sets the scene; it is not whose the figures after the clause are."""
        start = max(0, tok.start - 30)
        opener = max(self.text.rfind(ch, start, tok.start) for ch in CLAUSE + SENTENCE)
        if self.cues.scene_opens.match(self.text, opener + 1 if opener >= 0 else start) is None or opener < 0 and start > 0:
            return False
        end = min((i for i in (self.text.find(ch, tok.end, tok.end + 40) for ch in "，,") if i >= 0), default=-1)
        return end > 0 and not any(ch.isdigit() for ch in self.text[tok.end:end]) \
            and self.cues.scene_closes.search(self.text, tok.end, end) is not None

    def _projects_counted(self, tok: Token) -> bool:
        """"我局共实施专项工作项目19个，支出总额2171.25万元": in the department's own sentence, its projects counted —
        what it did, not another subject whose figures follow."""
        return self.self_named and not self.scope.blocked and self.cues.projects.fullmatch(tok.text) is not None \
            and _PROJECTS_COUNTED.match(self.text, tok.end) is not None

    def _units_counted(self, tok: Token) -> bool:
        """"下属单位1家": the department's own units, counted (not a named body: "初级中学1所" may be the county's)."""
        return (tok.text in _UNITS_OF or tok.text.endswith(("单位", "机构"))) \
            and _UNITS_COUNTED.match(self.text, tok.end) is not None

    def _own_section(self, tok: Token) -> bool:
        """Whether the body is named among the sections the department 内设 (in its clause: a long 、 list of
        sections, "内设办公室、人事股、…、投资促进股10个机构", is one clause)."""
        start = max(0, tok.start - 160)
        cut = max(self.text.rfind(ch, start, tok.start) for ch in CLAUSE + SENTENCE)
        return "内设" in self.text[max(start, cut + 1):tok.start]

    def _belongs_to(self, name: str) -> bool:
        """"（林场）隶属于市林业局", "本馆隶属于市文旅局": the body the department belongs to, named after it."""
        for word in self.cues.subordinate_to:
            head, found, _ = name.partition(word)
            if found:
                return not head or head.startswith(("本", "我"))
        return False

    def _account_colon(self, tok: Token) -> bool:
        """"…事务（款）行政运行（项）：支出决算为441.72万元": a colon right after a line of accounts opens that line's
        own figures — the fact named after it is the line's, not the department's."""
        before = self.text[max(0, tok.start - 40):tok.start].rstrip(" \t\u3000")
        if not before.endswith(("：", ":")):
            return False
        before = before[:-1].rstrip(" \t\u3000")
        return before.endswith(("）", ")")) or bool(self.scope.account) and before.endswith(self.scope.account)

    def _after_aside_or_pair(self, tok: Token, fact: str | None) -> bool:
        """A name right after a bracket or a 和 (the caller has seen the character): a plain word ending a name after
        an aside ("公务接待费（含外事接待费）支出26.07万元": the name before it), or two names sharing a head; True when
        it makes no new subject (what it does instead is done)."""
        if self.text[tok.start - 1] in CLOSE and self._ends_name_after_aside(tok, fact):
            self.lead.label, self.lead.unknown = self.scope.subject, ""
            return True
        if self.text[tok.start - 1] in CLOSE and tok.text in PLAIN:
            # "提租补贴（2210202）支出12.26万元": the plain word ends the name of a line of the classification
            # that no word of the vocabulary read — that line's, not the department's spending
            if self._line_named(_NAME_AND_CODE.search(self.text, max(0, tok.start - 40), tok.start)):
                return True
        return fact is not None and self._elided_pair(tok)

    def _inside_coded_name(self, tok: Token) -> Token | None:
        """The name of a line of the functional classification (its code 2…, 5 or 7 digits, right before the name) that
        the word `tok` is inside, to the end of its run of Han characters; or None."""
        if tok.start == 0 or not (is_han(self.text[tok.start - 1]) or self.text[tok.start - 1] in "-－— \t\u3000") \
                or tok.text in PLAIN or self._of_account():
            return None         # (a plain word ends a line's name: see _coded_line; an account named already holds)
        m = _CODED_ITEM.search(self.text, max(0, tok.start - 24), tok.start)
        if m is None or not _FUNCTION_CODE.match(self.text, m.start()):
            return None
        start, end = m.start(1), tok.end
        while end < len(self.text) and end - tok.end < 16 and is_han(self.text[end]):
            end += 1
        return Token("word", start, end, self.text[start:end]) if end - start >= 2 else None

    def _coded_line(self, tok: Token) -> bool:
        """"2150805 中小企业发展专项支出120.50万元": a plain word ending the name a classification code begins — that
        line's (the name, read as no fact: True), not the department's spending."""
        return tok.start > 0 and is_han(self.text[tok.start - 1]) \
            and self._line_named(_CODED_ITEM.search(self.text, max(0, tok.start - 40), tok.start))

    def _line_named(self, m: re.Match | None) -> bool:
        """A classification line's name (group 1 of `m`) that no word read since began: the figures' subject (True)."""
        if m is None or len(m.group(1)) < 2 or any(e > m.start() for _, _, e, _ in self.named[-2:]):
            return False
        self.lead.label, self.lead.unknown = None, m.group(1)
        return True

    def _own_line(self, tok: Token) -> bool:
        """"收入7532.81万元，其中财政拨款收入7532.81万元，政府性基金收入0万元": listed among the department's income,
        the government fund's income is the department's line of it, not the county's fund revenue (read: True)."""
        own = _OWN_WHEN_LISTED.get(tok.text)
        if own is None or not (self._listed_as_own(own) or self._after_source_line(tok, own) or (
                not self.scope.blocked and (self._column_next(tok) or self._right_after_self(tok)))):
            return False
        self._label(tok, {"fact": own}, [own])
        return True

    def _column_next(self, tok: Token) -> bool:
        """"2023年一般公共预算支出决算数为…": a word of the vocabulary's columns right after the name."""
        nxt = self.tokens[self.index + 1] if self.index + 1 < len(self.tokens) else None
        return nxt is not None and nxt.kind == "word" and nxt.has("col") and not self.text[tok.end:nxt.start].strip(" \t\u3000")

    def _right_after_self(self, tok: Token) -> bool:
        """"我局一般公共预算收入完成1326.80万元": the department's own word right before the name."""
        end = self.lead.self_end
        return 0 <= end <= tok.start and _SELF_TO_LINE.fullmatch(self.text, end, tok.start) is not None

    def _listed_as_own(self, fact: str) -> bool:
        """Whether a 其中 list of the department's income or spending (the side `fact` is on) is open, or just ended
        in this sentence (its items reached its head: "支出7540.18万元，其中财政拨款支出7540.18万元，政府性基金支出0万元")."""
        lst = self.list if self.list is not None else self.ended
        # (an open list may have its head in the sentence before: "我局收入总量1362.00万元。其中：一般公共预算收入…")
        head = lst.head if lst is not None and (lst.head.sentence == self.sentence or (
            lst is self.list and lst.head.sentence == self.sentence - 1)) else None
        return head is not None and head.fact is not None and head.fact.startswith("finance.") \
            and _side(head.fact) == _side(fact) and not self.scope.blocked

    def _after_source_line(self, tok: Token, fact: str) -> bool:
        """Whether the name comes right after the figure of the department's line from another source, on its side
        ("其中财政拨款支出7540.18万元，政府性基金支出0万元")."""
        last = self.last_claim
        return last is not None and last.figure is not None and last.sentence == self.sentence \
            and last.fact in _SOURCE_LINES and _side(last.fact) == _side(fact) \
            and not self.text[last.figure.end:tok.start].strip("，,、；; \t\u3000") and not self.scope.blocked

    def _ends_name_after_aside(self, tok: Token, fact: str | None) -> bool:
        """Whether a plain 支出/收入 right after a bracket (the caller asks that first: it is the cheapest) comes after
        an aside on the subject's name, on its side."""
        scope = self.scope
        return tok.text in PLAIN and fact in GENERIC and scope.subject is not None and not self.lead.figure \
            and not scope.blocked and _side(fact) == _side(scope.subject) and self._after_aside(tok)

    def _after_aside(self, tok: Token) -> bool:
        """Whether the bracket the word comes right after (see above) has no figure in it and comes right after a
        name."""
        close = tok.start - 1
        at = max(self.text.rfind(ch, max(0, close - 24), close) for ch in OPEN)
        return at > 0 and any(e == at for _, _, e, _ in self.named[-4:]) \
            and not any(ch.isdigit() for ch in self.text[at:close])

    def _elided_pair(self, tok: Token) -> bool:
        """"人员和公用经费减少16.91万元", "基本和项目支出": a name right after 和/及/与 that follows a word no token
        read — the first of two names sharing the second's head: the figure is of the two together, of no one fact
        (the subject is left unknown; True)."""
        if self.index == 0 or tok.start < 2 or self.text[tok.start - 1] not in _PAIRS:
            return False
        gap = self.text[self.tokens[self.index - 1].end:tok.start - 1]
        if not (1 <= len(gap) <= 4 and all(is_han(ch) for ch in gap)):
            return False
        self.lead.unknown, self.lead.label = self.text[self.tokens[self.index - 1].end:tok.end], None
        self.scope.subject, self.scope.label = None, ""
        return True

    def _not_a_subject(self, tok: Token, fact: str | None, adjacent: bool) -> bool:
        """Whether the name does not make `fact` the subject (someone else's people, the subject's own plain
        word, a comparison of two facts, another subject's accounts); what it does instead is done."""
        lead, scope = self.lead, self.scope
        if tok.text in CONTEXTUAL and not any(f.startswith("department.staffing") for f in self.mentioned):
            lead.unknown, lead.label = tok.text, None      # "接待30批次，总人数220人": someone else's people
            self._set_aside(True)       # (the people received are an aside on the subject: it holds again after)
        elif tok.text.endswith("合计") and self._after_adding(tok):
            # "加上年末结转和结余2.05万元，支出合计7542.23万元": the total with the item added, not the item's own
            # (nor plainly the spending line the word names elsewhere): unread
            lead.unknown, lead.label = tok.text, None
        elif self._subjects_own_word(tok, fact, adjacent):
            # "“三公”经费支出预算为20万元，支出决算为17.08万元", "公务接待费…比上年支出3.90万元减少":
            # the plain word is the subject's own
            lead.label, lead.unknown = scope.subject, ""
            self._spent_word(tok)
        elif tok.text in PLAIN and fact in GENERIC and scope.subject is None and self.unsure and not self.self_named:
            # "培训费支出3万元，差旅费支出2万元，共计支出5万元": a plain 支出 in a sentence whose
            # figures so far were someone else's or nobody's is theirs too, not the department's total
            lead.unknown, lead.label = tok.text, None
        elif lead.diff or (lead.cmp and not lead.base):
            lead.other_fact = True           # "支出比收入少…": a comparison of two facts
            lead.other_path = fact
        elif scope.blocked or fact is None:
            pass                             # "全县各部门收入": still the other subject's
        elif lead.cmp and scope.subject is not None and fact != scope.subject and scope.subject in self.mentioned \
                and not lead.cmp_closed and not self._amount_stated(fact):
            # (not the fact whose amount the sentence stated before: "决算总收入1326.80万元，全部为财政拨款收入，较2022年
            # 决算总收入1214.36万元" compares that amount with its last year's)
            # "较上年公用经费…" within a sentence about another fact (a sentence that opens with
            # "与上年人员经费X万元相比…" names its own subject: the subject before is the last sentence's; so does a
            # name after the base closed by 相比: "…年初结转和结余9.42万元，与2022年相比收入总计减少…")
            lead.other_fact = True
        elif tok.text in PLAIN and self._coded_line(tok):
            pass
        else:
            # (most names: a slice and a set, no call)
            return self.text[tok.start - 1:tok.start] in _BEFORE_RARE and self._after_aside_or_pair(tok, fact)
        return True

    def _heading_after_passing(self, tok: Token, fact: str | None) -> None:
        """"…，为县委、县政府及社会公众提供…。（二）公务接待费。2023年预算数7.40万元": a body named in passing in the
        sentence before (after a figure of the department's there, not the one it opened on); a sentence that opens on a fact's name (a heading) is about that
        fact again."""
        if self.scope.blocked and fact and self.passing_block == self.sentence - 1 and not self.figures_in_sentence \
                and self._opens_sentence(tok):
            self.scope.blocked = ""

    def _opens_sentence(self, tok: Token) -> bool:
        """Whether a word opens its sentence: nothing before it but an item's number ("（二）公务接待费。")."""
        before = self.text[self.sentence_start:tok.start].strip(" \t\u3000\r\n")
        if not before:
            return True
        number = _ENUM_ITEM.match(before)
        return number is not None and number.end() == len(before)

    def _after_adding(self, tok: Token) -> bool:
        """Whether the clause before the name's own opens with 加上 (or 加, 再加上)."""
        start = max(0, tok.start - 60)
        own = max(self.text.rfind(ch, start, tok.start) for ch in CLAUSE + SENTENCE)
        if own < 0 or self.text[own] not in CLAUSE:
            return False
        before = max(self.text.rfind(ch, start, own) for ch in CLAUSE + SENTENCE)
        return before >= 0 and self.cues.adding.match(self.text, before + 1, own) is not None

    def _amount_stated(self, fact: str | None) -> bool:
        """Whether the sentence so far stated an amount of `fact` (or of words that may name it)."""
        return any(c.kind == "level" and c.figure is not None and c.sentence == self.sentence
                   and fact in (c.fact, *c.alts) for c in self.out.claims[-16:])

    def _spent_word(self, tok: Token) -> None:
        """The subject's own plain 支出 as a column: what was spent."""
        lead, scope = self.lead, self.scope
        if tok.text != "支出":
            return
        if lead.cmp and lead.base == "prior" and self.text[tok.end:tok.end + 1] == "数":
            lead.prior_final = True     # "与上年支出数相比": last year's spending, its final
        if scope.column in ("budget", "adjusted", "plan") and not lead.col and self.clause_figures == 0 and (
                self._before(tok.start, 1) in CLAUSE or _THIS_YEARS.search(self.text, max(0, tok.start - 5), tok.start)):
            # "项目支出全年预算551.43万元，支出547.27万元，执行率99.25%", "…年初预算数为700.30万元，当年支出731.25万元":
            # after the budget, what was spent
            lead.col = "final"

    def _subjects_own_word(self, tok: Token, fact: str | None, adjacent: bool) -> bool:
        """Whether a plain 支出/收入 (or a trailing word right after the name) is the subject's own word."""
        scope = self.scope
        return (tok.text in PLAIN or (tok.text in TRAILING and adjacent)) and fact in GENERIC \
            and scope.subject is not None and (
                (scope.fresh and (self.list is None or self._just_named(tok))) or self._compared_again(tok)) \
            and _side(fact) == _side(scope.subject) and (scope.subject not in GENERIC or scope.subject in BY_SOURCE) \
            and not scope.blocked and (tok.text != "财政拨款支出" or scope.subject in BY_SOURCE
                                       or not scope.subject.startswith("finance.expenditure.")) \
            and not self.cues.makes_up.at(self.text, tok.start)
        # (not after the words that say the items before make it up: "…、对企业补助5501.02万元，构成财政拨款支出7540.18万元")
        # (财政拨款支出 after 支出总计 or 基本支出 is the part of it paid from the budget, a line of its own: "支出总计
        # 7542.23万元，…主要是财政拨款支出减少670.93万元"; after 因公出国（境）费 it is still that item's)

    def _compared_again(self, tok: Token) -> bool:
        """"（二）公务接待费 2023年预算安排3.00万元。主要用于…。与上年相比支出下降16.67%": a sentence that opens with a
        comparison and the plain word, after sentences about one line of spending, compares that line; so does a
        plain word right after the base's year ("车辆运行费用20.45万元，与上年支出数相比增长59.17%")."""
        subject = self.scope.subject
        return subject is not None and subject not in GENERIC and tok.text in PLAIN \
            and (_CMP_OPENER.fullmatch(self.text, self.sentence_start, tok.start) is not None
                 or _CMP_BASE.search(self.text, max(self.sentence_start, tok.start - 10), tok.start) is not None
                 # ("…完成预算的118.83%。支出决算比上年增加3.78万元": the plain word and its column opening a comparison)
                 or (not self.text[self.sentence_start:tok.start].strip(" \t\u3000\r\n")
                     and _PLAIN_COMPARED.match(self.text, tok.end) is not None))

    def _source_again(self, tok: Token) -> bool:
        """Whether the words are those of the source named right after the subject earlier in the sentence."""
        return self.subject_source == (self.sentence, self.scope.subject, tok.text)

    def _source_of_subject(self, fact: str | None, means: dict) -> bool:
        """Whether a name of a source's line comes right after a subject that is no line of income or spending."""
        subject = self.scope.subject
        return subject is not None and subject.startswith("finance.three_public") and not self.lead.figure \
            and (fact in BY_SOURCE or fact in _SOURCE_INCOME or "source" in means)

    def _just_named(self, tok: Token) -> bool:
        """Whether the subject was named right before the word, only column words between ("其中：公务用车购置预算支出0万元":
        the item's own plain word, not the department's total)."""
        if not self.named or self.named[-1][0] != self.scope.subject:
            return False
        end = self.named[-1][2]
        between = [t for t in self.tokens[max(0, self.index - 4):self.index] if t.start >= end]
        # ("其中：（一）公务接待费2023年支出3.12万元": this year, written between, as well)
        return end <= tok.start and all((t.kind == "word" and t.has("col")) or (t.kind == "year" and t.value == self.year)
                                        for t in between) \
            and sum(len(t.text) for t in between) == tok.start - end

    def _qualified(self, tok: Token, fact: str | None) -> bool:
        """"政府拨款收入220.43万元", "…专项资金支出…": a bare 收入/支出 right after words not in the vocabulary is that
        kind of income or spending, not the department's total — read as more unknown words (True)."""
        before = self.text[tok.start - 1] if tok.start else ""
        if tok.text not in ("收入", "支出") or fact not in GENERIC or not is_han(before) \
                or not self.lead.unknown.endswith(before):
            return False
        self.lead.unknown, self.lead.label = (self.lead.unknown + tok.text)[-12:], None
        self.scope.subject, self.scope.label = None, ""
        return True

    def _resumed(self, fact: str, facts: list) -> tuple[str, list]:
        """"收入合计7532.81万元，收支较上年决算数增加222.55万元": words that may name several facts, right after an
        amount of one of them in the sentence, go on with that one (the fact and the facts, that one first)."""
        last = self.last_claim
        if len(facts) < 2 or self.lead.figure or last is None or last.sentence != self.sentence:
            return fact, facts
        stated: Claim | None = None
        if last.kind == "level" and last.fact in facts:
            stated = last
        elif last.fact not in facts:
            # "收入总计1362.00万元，支出总计1362.00万元，收入较上年决算数增加93.00万元": the one of its facts the sentence
            # stated an amount of before the other side's
            stated = next((c for c in reversed(self.out.claims[-8:]) if c.kind == "level" and c.sentence == self.sentence
                           and c.figure is not None and c.fact in facts), None)
        if stated is not None and stated.fact != fact:
            return stated.fact, [stated.fact, *(f for f in facts if f != stated.fact)]
        return fact, facts

    def _spending_by_source(self, fact: str) -> bool:
        """"2023年基本支出695.60万元，…。包括：一般公共预算拨款695.60万元": a source's income named as an item of a list
        of spending is the head's spending paid from that source (True)."""
        lst, scope = self.list, self.scope
        if lst is None or fact not in _INCOME_SOURCE or not (lst.head.fact or "").startswith("finance.expenditure.") \
                or lst.head.fact in SOURCE_OF or lst.depth != len(self.stack):
            return False
        scope.subject, scope.alts, scope.source = lst.head.fact, (), _INCOME_SOURCE[fact]
        return True

    def _new_subject(self, tok: Token, fact: str, facts: list) -> None:
        lead, scope = self.lead, self.scope
        fact, facts = self._carried_in(tok, *self._resumed(fact, facts))
        scope.subject, scope.alts, scope.label, scope.fresh = fact, tuple(facts[1:]), tok.text, True
        self.held_subject = None
        scope.source = lead.source or (self.sentence_source if scope is self.stack[0] else "")
        if scope.source and ((not lead.source and fact == "finance.income.current")
                             or (tok.text == "收支" and self.text[tok.end:tok.end + 1] != "总")):
            # "政府性基金预算财政拨款年初结转和结余0.00万元，本年收入0.00万元": this year's income from that source;
            # "本年度财政拨款收支较上年决算数增加…": that source's income and spending, not the department's totals
            # ("财政拨款收支预算1209.70万元。收入包括：…当年拨款收入1174.50万元，上年结转35.20万元": with that
            # source's carry-over, which the file has only in the whole's total)
            scope.subject, scope.source = f"finance.income.{source_key(scope.source)}", ""
            scope.alts = ("finance.income.total",) if tok.text == "收支" else ()
        if self._spending_by_source(fact):
            return
        if self.list is not None and not scope.source:
            # the parts of "一般公共预算拨款支出X万元，其中：基本支出…" are paid from that source too
            # (and the spending listed under a source's income, "一般公共预算拨款3105.27万元，其中：基本支出…", is paid from it)
            scope.source = self.list.head.source or SOURCE_OF.get(self.list.head.fact or "", "") or (
                _INCOME_SOURCE.get(self.list.head.fact or "", "") if fact.startswith("finance.expenditure.") else "")
            head = self.list.head
            if head.fact in WITH_CARRYOVER and self.list.depth == len(self.stack) \
                    and fact != head.fact and not within(head.fact, fact) and within(WITH_CARRYOVER[head.fact], fact):
                # "…754.51万元，其中：一般公共预算拨款746.50万元上年结转8.01。": the carry-over named is enough to make
                # the plain 收入 the total with it (see _level), even where its own figure is not read (no unit); a
                # name of this year's income ("本年收入总计…，其中：…上年结转45.60") may be either
                if head.label in PLAIN or head.inferred:
                    head.fact, head.alts = WITH_CARRYOVER[head.fact], (head.fact, *head.alts)
                elif head.figure is not None and "总计" in self.text[max(0, head.start - 6):head.start] \
                        and WITH_CARRYOVER[head.fact] not in head.alts:
                    head.alts = (*head.alts, WITH_CARRYOVER[head.fact])

        self.mentioned.add(fact)
        if self.alias and len(self.stack) > 1:
            self.alias = False
            for outer in self.stack[:-1]:
                outer.subject, outer.label, outer.blocked, outer.fresh = fact, tok.text, "", True
        lead.label, lead.unknown = fact, ""

    def _own_again(self, tok: Token, fact: str | None) -> None:
        """A fact named where what blocked the figures before was a line of accounts or another item of a list: the
        department's figures again."""
        lead = self.lead
        if self._of_account() and fact and not self._account_colon(tok) and not self._in_account_list() \
                and not self._account_make_up(tok) and (
                self._numbered(tok.start) or self._account_only_named(tok) or (
                not lead.figure and not self.clause_figures and self._before(tok.start, 1) in CLAUSE + ENUM + SENTENCE)):
            # "事业收入262.00万元；其他收入0万元", "…住房保障支出15.89万元。支出较去年增加…": a fact named in a clause
            # or a sentence after a line of accounts (the department's, not another body's) is the department's again
            self.scope.blocked = self.scope.account = ""
            if self.narrow_other == self.sentence - 1:
                self.narrow_other = self.sentence   # "2.事业收入40.43万元。…6.其他收入306.72万元": still only the rest
        if self._next_item_of_own_list(tok, fact):
            # "收入1423.20万元，其中：…，松材线虫专项除治资金665.90万元，其他收入96.40万元": an item that named another
            # (a programme, a level) is that item's alone — the next, named by a fact at its clause's start, is the
            # department's line of the list's head
            self.scope.blocked = ""

    def _next_item_of_own_list(self, tok: Token, fact: str | None) -> bool:
        """Whether a fact's name opens the next item of a 其中 list of the department's own head, after an item
        another subject blocked."""
        lst = self.list
        return bool(self.scope.blocked) and fact is not None and lst is not None and lst.head.fact is not None \
            and lst.depth == len(self.stack) and not self.lead.figure and not self.clause_figures \
            and self._before(tok.start, 1) in CLAUSE + ENUM and not self._of_account() \
            and not any(w in self.scope.blocked for w in _MONEY_LINE_WORDS)

    def _account_only_named(self, tok: Token) -> bool:
        """"从严控制行政运行费用，完成“三公”经费支出19.85万元": a line of accounts named in an earlier clause of the
        sentence with no figure since — it was only talked about; a fact named later is the department's."""
        at, figures = self.account_named
        return self.figures == figures and self.sentence_start <= at <= tok.start \
            and any(ch in self.text[at:tok.start] for ch in CLAUSE)

    def _carried_in(self, tok: Token, fact: str, facts: list) -> tuple[str, list]:
        """"年初财政应返还额度结转结余9.42万元": a carry-over of no end of the year named, after 年初 — the one brought in,
        not the one carried out (the fact and the facts its words may name)."""
        if fact == "finance.expenditure.carryover" and tok.text in _BARE_CARRYOVER and self._year_start_before(tok):
            return "finance.income.carryover", ["finance.income.carryover"]
        return fact, facts

    def _year_start_before(self, tok: Token) -> bool:
        """Whether 年初 stands in the words of its clause right before a label (not 年末 after it)."""
        start = max(self.sentence_start, tok.start - 12)
        words = self.text[start:tok.start]
        cut = max(words.rfind(p) for p in CLAUSE)
        words = words[cut + 1:]
        at = words.rfind("年初")
        return at >= 0 and "年末" not in words[at:] and "年底" not in words[at:]

    def _label_column(self, tok: Token, means: dict, fact: str) -> None:
        """A column holds to the end of the sentence ("年初预算：收入…，支出…"); a label may name its own
        ("预算收入"); in a 其中 list the parts are in the head's column."""
        lead, scope, lst = self.lead, self.scope, self.list
        in_list = lst is not None and lst.head.column not in (None, "prior") and not lst.mixed
        named = means.get("col") or lead.col
        if named or in_list:
            scope.implied = not named and lst is not None and lst.head.implied
        scope.column = named or (lst.head.column if in_list and lst is not None else None) or scope.column
        if not named and not in_list and self.clause_figures == 0 and scope.column in ("budget", "adjusted", "plan") \
                and ((self.budget_stated == self.sentence and "支出" in tok.text) or (
                    self.budget_clause == self.sentence and "支出" in self.text[tok.start:tok.end + 2])
                     or self._named_again_after_its_budget(fact)):
            # "全年预算642.80万元，支出630.78万元，部门预算资金支出完成率98.13%": a budget stated by its column alone, then
            # the spending named in a clause of its own — what was spent; so too after a clause that stated a budget's
            # figure ("全年预算完成率98.22%，…“三公”经费支出4.38万元"): the amount of no column word, which a sentence of
            # budget lines side by side still shows to be in theirs (see the check's _peers_column)
            scope.column, scope.implied = "final", True
        if not named and not in_list and self.clause_figures == 0 and self.added_clause == self.sentence \
                and tok.text == "支出":
            # "追加预算5784.82万元，支出5784.82万元": what of the money added was spent — no line of the accounts
            scope.subject, scope.label, scope.alts, scope.column, lead.col = None, "", (), None, None
            return
        lead.col = scope.column
        lead.kind_text = tok.text if fact in ("department.staffing.posts", "department.staffing.others") else ""
        lead.labels.append((fact, tok.text))
        self.named.append((fact, tok.start, tok.end, self.figures))
        self.alts_of[tok.text] = scope.alts

    def _named_again_after_its_budget(self, fact: str) -> bool:
        """"基本支出预算为700.30万元，调整预算数为733.50万元，本年基本支出731.25万元": a line of spending named again, in a
        clause of its own with no column word, after the sentence gave its budget: what was spent."""
        # (the last few amounts: a hostile sentence may hold thousands)
        return fact.startswith("finance.expenditure.") and any(
            c.kind == "level" and c.fact == fact and c.column in ("budget", "adjusted", "plan") and not c.implied
            for c in self.levels[-16:])

    def _numbered(self, start: int) -> bool:
        """Whether a numbered item ("5.附属单位上缴收入0.00万元。 6.其他收入…") starts right before (its number is read as
        a figure of no unit)."""
        m = _ITEM_NUMBER.search(self.text, max(0, start - 8), start)
        return m is not None and (m.start() == 0 or self.text[m.start() - 1] in CLAUSE + SENTENCE + " \t\u3000")

    def _opens_text(self, tok: Token) -> bool:
        if tok.start > 24:
            return False        # (and a hostile text of many such words stays linear)
        before = self.text[:tok.start]
        return not before.strip() or bool(_ENUM_ITEM.fullmatch(before)) or bool(_YEAR_ONLY.fullmatch(before))
