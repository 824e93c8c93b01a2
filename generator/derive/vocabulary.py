"""The words a report uses for its figures: which fact "年初预算数" or "全年执行数" names.

The prose check reads a figure in running text ("全年预算收入1234.5万元") by the label before it.
Those labels are data: the built-in vocabulary (`data/vocabulary.yaml`) covers the common and the
national wording, and a county adds its own without touching mkreport —
  * `vocabulary.yaml` in its own folder (the nearest one walking up from the facts file), and
  * files its rubric names (`vocabulary: 名字或路径`).
A county's entries come before the built-in ones, so its more specific words win. Such a file is
read like any input: positions on every value, unknown keys refused, a bad pattern a finding.
"""
from __future__ import annotations

import copy
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..core import buffers
from ..core.resources import PACKAGE_DIR
from ..model.datafile import display_path, load_model
from ..model.facts import AMOUNT_PATHS, COLUMNS
from ..model.findings import Findings
from ..model.schema import INVALID, Choice, Field, ListOf, MapOf, Model, ModelKind, OneOrList, Text, format_field, label

if TYPE_CHECKING:
    from .claims.reader import Lexicon

MAX_PATTERN = 300


class Pattern(Text):
    """A word of the vocabulary, written as a small regular expression that stands for a finite list
    of spellings ("财政拨款(?:预算)?收入"); refused if it could match nothing or everything, or does
    not stand for such a list (then it could not be put into the linear-time matcher)."""

    zh = "正则表达式"

    def convert(self, node, conv, path, zh):
        text = super().convert(node, conv, path, zh)
        if text is INVALID:
            return text
        problem = "" if conv.trusted else pattern_problem(text)
        if problem:
            conv.problem(path, node, f"{label(path, zh)} 的写法有误：{problem}", "PATTERN")
            return INVALID
        return text

    def json_schema(self, defs):
        return {"type": "string", "maxLength": MAX_PATTERN,
                "description": "称呼的几种写法，如 '全年预算收入|预算收入计划'、'财政拨款(?:预算)?收入'"}


def pattern_problem(text: str) -> str:
    if not text:
        return "不能为空。"
    if len(text) > MAX_PATTERN:
        return f"超过 {MAX_PATTERN} 个字符。"
    try:
        compiled = re.compile(text)
    except re.error as exc:
        where = f"（第 {exc.pos + 1} 个字符处）" if exc.pos is not None else ""
        return f"不是有效的正则表达式{where}：{_re_error_zh(exc.msg)}。"
    except (RecursionError, OverflowError, ValueError):
        return "正则表达式过于复杂。"
    if compiled.fullmatch("") is not None:
        return "它能匹配空文字，会把任何数字都当作这个事实。请写出具体的称呼，如“全年预算收入”。"
    if _nested_repeat(text):
        return "量词套在带量词的分组外面（如 (…+)+），匹配时间可能成倍增长；请改写为不嵌套的形式。"
    from .claims.lexicon import NotFinite, spellings
    try:
        spellings(text)
    except NotFinite as exc:
        return f"{exc}。称呼应是几种具体的写法，用 | 分开，可用 (?:…)? 表示可有可无的字。"
    except RecursionError:
        return "正则表达式过于复杂。"
    return ""


_RE_ERRORS = {
    "missing ), unterminated subpattern": "缺少右括号“)”",
    "unbalanced parenthesis": "括号不成对",
    "nothing to repeat": "量词（* + ? {…}）前面没有内容",
    "unterminated character set": "方括号“[”没有闭合",
    "bad escape": "无效的转义（反斜杠）",
    "multiple repeat": "量词重复",
    "look-behind requires fixed-width pattern": "后行断言 (?<!…) (?<=…) 中只能写定长的文字",
    "unknown extension": "未知的 (?…) 写法",
    "missing group name": "缺少分组名",
    "unknown group name": "未知的分组名",
}


def _re_error_zh(msg: str) -> str:
    for en, zh in _RE_ERRORS.items():
        if msg.startswith(en):
            return zh
    return "无法解析"


def _nested_repeat(text: str) -> bool:
    try:
        from re import _parser as parser  # type: ignore[attr-defined]  # Python 3.11+; private, not in typeshed
    except ImportError:                        # pragma: no cover - Python 3.10
        import sre_parse as parser
    try:
        tree = parser.parse(text)
    except Exception:                          # compile() already accepted it; be conservative
        return True
    repeats = {parser.MAX_REPEAT, parser.MIN_REPEAT, getattr(parser, "POSSESSIVE_REPEAT", None)} - {None}

    def walk(items, inside: bool) -> bool:
        for op, arg in items:
            if op in repeats:
                low, high, body = arg
                unbounded = high == parser.MAXREPEAT or high > 1
                if inside and unbounded:
                    return True
                if walk(body, inside or unbounded):
                    return True
            elif op == parser.SUBPATTERN:
                if walk(arg[-1], inside):
                    return True
            elif op == parser.BRANCH:
                if any(walk(b, inside) for b in arg[1]):
                    return True
            elif op in (parser.ASSERT, parser.ASSERT_NOT):
                if walk(arg[1], inside):
                    return True
        return False

    return walk(tree, False)


# Facts that are a list of categories (a label names the category, "行政编制") or a count of a list, matched at
# check time.
LIST_FACTS = {"department.staffing.posts", "department.staffing.others",
              # 实有人数: in service, with or without the retired and the temporary staff
              "department.staffing.actual",
              # 财政拨款支出: 本年支出合计 when every yuan came from 财政拨款, else not a fact of the file
              "finance.expenditure.fiscal", "finance.expenditure.general", "finance.expenditure.fund",
              "finance.expenditure.state_capital",
              # 内设机构数: how many sections department.units lists
              "department.staffing.sections"}


class FactPath(Text):
    """A dotted path to a figure of the facts file, or to a row with 年初预算/调整/决算 columns."""

    zh = "事实路径"

    def convert(self, node, conv, path, zh):
        text = super().convert(node, conv, path, zh)
        if text is INVALID:
            return text
        from ..model.rubric import known_fact_path
        if text not in AMOUNT_PATHS and text not in LIST_FACTS and not known_fact_path(text):
            near = ""
            import difflib
            match = difflib.get_close_matches(text, sorted(AMOUNT_PATHS), n=1)
            if match:
                near = f"是否想写“{match[0]}”？"
            conv.problem(path, node, f"{label(path, zh)}“{text}”不是事实文件中的金额或数字。{near}", "PATH")
            return INVALID
        return text


class Label(Model):
    """一个称呼"""

    label = Field(Pattern(), "称呼", required=True, help="正则表达式，如 '全年预算收入|预算收入计划'；写在金额之前")
    fact = Field(FactPath(), "事实路径", required=True,
                 help="如 finance.income.current；指向一组各口径金额时，口径由称呼前最近的口径词决定")
    when = Field(Choice({"相符": "相符", "金额相符": "相符"}), "何时认作这个事实",
                 help="写“相符”：称呼说的多半是这个事实、也可能是别的（“机关运行经费”多数部门即公用经费），"
                      "只在这段文字中它后面的金额与这个事实的某个数（年初预算、调整预算、决算或上年数）相符时才认作它")
    unless = Field(FactPath(), "事实文件有这一项时不用",
                   help="写另一个事实路径：事实文件有那一项时，这个称呼不认作本事实，只在没有那一项时替补"
                        "（“固定资产”：有净值按净值核对，只有原值时按原值）")
    within = Field(FactPath(), "只作这一事实的分项",
                   help="写另一个事实路径：这个称呼只在同一句中紧跟在那一事实的金额之后、作为它的分项列出时"
                        "（“其中：”“、”或括号之后）才认作本事实（“公务用车购置及运行费45.45万元，其中：购置费0万元、"
                        "运行费45.45万元”中的“购置费”“运行费”）；别处不认")


COLUMN_NAMES = {**{k: v for k, v in COLUMNS.items() if k in ("budget", "adjusted", "final")},
                "plan": "预算数（年初预算或调整后预算，未说明是哪个）"}


class KeyedPatterns(MapOf):
    """Patterns under a fixed set of keys (columns, relation word classes): an unknown key is named,
    with the keys there are, and left out. A key holds one pattern or a list of them (each at most
    MAX_PATTERN characters: a long class is written as several)."""

    def __init__(self, names: dict, what: str):
        super().__init__(OneOrList(Pattern()))
        self.names, self.what = names, what

    def convert(self, node, conv, path, zh):
        out = super().convert(node, conv, path, zh)
        if out is INVALID:
            return out
        for key in list(out):
            if key not in self.names:
                conv.problem(path + (key,), node.keys[key], f"未知的{self.what}“{key}”，可用："
                             + "、".join(f"{k}（{v}）" for k, v in self.names.items()) + "。", "SCHEMA-UNKNOWN")
                del out[key]
        return out

    def json_schema(self, defs):
        one = Pattern().json_schema(defs)
        return {"type": "object", "additionalProperties": False,
                "properties": {k: {"anyOf": [one, {"type": "array", "items": one}], "description": v}
                               for k, v in self.names.items()}}


WORD_CLASSES = {
    "self": "本部门自称（其后的称呼说的是本部门）", "handover": "上级下达给本部门（“县财政局下达的预算”）",
    "this_year": "本年", "prior_year": "上年、同期",
    "next_year": "下一年（明年、下年度）", "year_before_last": "前年（报告年度的前两年）",
    "compare_to": "比较（较、比、同比）", "up": "增加", "down": "减少", "flat": "持平",
    "loose": "大致（“基本持平”不核对）", "degree": "变化的大小（“大幅增加”“猛增到”：不改变其后的数说的是什么）", "rate_up": "增幅", "rate_down": "降幅", "share": "占、比重",
    "execution": "执行率、完成率", "variance": "预决算差异率（(决算 − 预算) ÷ 预算）", "execution_of": "完成（“完成年初预算的…%”）", "difference": "差额、相差",
    "less": "小于", "more": "大于", "equal": "等于", "list": "其中、包括", "each": "分别为",
    "cause": "原因（其后的数不归前面的主体）", "to_level": "增加到、降至（其后是本年的数）",
    "total": "合计（前面各数之和）", "rate_bare": "幅（“（减）幅”）", "either_way": "变化、变动（紧接着数：只说大小，没有说方向）", "alias": "简称（括号中的称呼是前面那些数的主体）", "neutral": "不指任何数的固定说法",
    "source": "资金来源（“一般公共预算…”）", "partial": "一年中的一段时间（其中的数不是全年数）",
    "excluding": "剔除、假设（其后的数是换了口径算的，不是表中的数）", "due": "应有的数（“应为168人”：其后的数不是实有的数）", "flow": "人员的进出（“调出1名，退休1名”：其后的人数不是年末的人数，直到说“实有”“现有”“在职”）", "approx_before": "约数（数字前）", "approx_after": "约数（数字后）",
    "continues": "接着上一段说其中各项（“分项看”：上一段说的是别的主体时，这一段也是）",
    "per": "平均数（“人均”“平均每辆”：其后的数不是哪一项的金额）",
    "account": "政府收支分类科目（“教育支出”“行政运行”：本部门一个科目的支出，其后的数不与事实核对，只核对写明的数之间的算术）",
    "item_part": "一项的一部分（“外事接待费”：公务接待费的一部分，同科目，只核对写明的数之间的算术）",
    "rest": "其余的全部（“其中”最后一项称“其他……”：列出的各项就是全部，各项之和应等于总数）",
    "tier": "分级的指标（“其中一级指标3个，二级指标9个”：各级互相包含，不是相加的各项）",
}


CUE_CLASSES = {
    "negated": "说某个主体没有或不在其中（“我单位无二级单位”：其后的主体不接过后面的数）",
    "governs": "本部门管辖的单位（“我院下辖10个村卫生室”：在本部门自己的句子中只是插入语）",
    "required_by": "依据、贯彻、报送的对象（“根据市工信局的部署”“向县财政局报送”：其后的机关不接过后面的数）",
    "subordinate_to": "隶属（“本馆隶属于市文旅局”：所隶属的机关不接过后面的数）",
    "located": "地址（“位于某街道某社区”：地址中的地名、机关名不是后面的数的主体）",
    "present": "现在（“我园现有”：分句说的是现在，前面分句的年份不管它）",
    "duty": "职责（“负责全县的档案工作”：职责所及的范围不接过后面的数）",
    "body_after": "机关名称之后说它的部署、要求（“市财政局的部署”：不是后面的数的主体）",
    "approver": "核定编制、预算的机关（“县编委”“县财政局”：名称以此结尾，其后说核定、下达时，后面的数仍是本部门的）",
    "approves": "核定、下达（只在核定编制、预算的机关之后：“县编委核定行政编制22人”）",
    "funds_from": "机关名称之后说它拨来的钱（“县财政当年拨付的资金”：钱的来处，不是后面的数的主体）",
    "count_change": "人数前的增减（“在职人员增加5人”：人数的增减，不是人数）",
    "stock": "年末的人数（“实有”“在职”：人员的进出之后又是年末的人数）",
    "actual": "编制数之后只说“实际”“实有”（“行政编制22人，实际43人”：这些编制上实有的人）",
    "came_from": "“由……增加到”中的“由”（“由120.00万元增加到186.00万元”：紧接其后的数是上年的）",
    "staff_kind": "人员的称呼后接着的一类人（“实有在职公务员43人”：其中的一类，不是全部在职人员）",
    "trait": "人员的特征（“其中党员15人，大专以上学历19人”：各项可以互相重叠，不相加）",
    "net_change": "净增减（“调增…，调减…，净增加78.78万元”：其前的调增、调减是毛额，不与调整预算核对）",
    "done": "完成（“目标600人，完成648人”：绩效目标的目标值之后，完成的数按完成值核对）",
    "fund_kind": "一笔钱的名词（“上年结转的困难职工帮扶资金12.30万元”：称呼只说明是哪一种，数是那笔钱的）",
    "total_score": "自评总分的称呼（“自评得分为96.5分”：紧挨着“X分”之前，说的是部门整体的自评得分时与各指标得分之和核对）",
    "whole_scored": "部门整体（“部门整体支出绩效自评得分”：句中有它，得分才是部门整体的总分）",
    "organ_kind": "机关名称结尾的类别（“某县财政局”“某市卫生健康委员会”：地名之后以它结尾的是别的机关）",
    "court_kind": "法院、检察院（“某市人民检察院”：别的机关）",
    "institution_kind": "事业单位名称结尾的类别（“某县疾控中心”“某镇农技站”：名称在句首或在数前时是别的单位）",
    "institution_named": "在句中任何地方（地名之后）都可认出的事业单位类别（“某县人民医院”“某大学”）",
    "enterprise_kind": "企业名称结尾的类别（“某某公司”“某某集团”：别的主体）",
    "school_kind": "学校名称结尾的类别（“县第一中学”“某镇中心校”：别的单位）",
    "opening_kind": "只在句首的名称中认作单位的类别（“某县采茶剧团2023年收入…”“某县总工会现有职工…”）",
    "saving": "节约、超支（“预算775.2万元，实支763.9万元，节支11.3万元”：计划与实际之差，不比上年时是差额）",
    "planned": "计划（“目标完成…”：绩效目标名称之前的分句说的是计划，其后的目标值不当作完成的数）",
    "makes_up": "构成（“……构成财政拨款支出7540.18万元”：其后的总数不是列举的一项）",
    "adding": "加上（“加上年末结转和结余2.05万元，支出合计7542.23万元”：分句以它开头时，其后的“合计”是加上之后的总数；"
              "用文字写出的结余中加上的一项）",
    "scene_opens": "场景分句的开头（“在我县……改革后，”的“在”：这样的分句中的地名、机关不是其后的数的主体）",
    "scene_closes": "场景分句的结尾（“……后”“……时”“……下”：与 scene_opens 一起认出场景分句）",
    "purpose": "去向分句的开头（“用于科技、工业和商贸专项，”：这样的分句中的专项、单位是钱的去向，不是其后的数的主体）",
    "unit_itself": "单位的自称（“本单位”“该单位”：句首说了别的单位、事业单位或企业时，说的是那个单位）",
    "carried_out": "执行（紧挨在百分数之前：“基本支出资金执行98.54%”是执行率）",
    "in_future": "说将来要做的字词（“需”“将”“执行完毕后”）：同一分句中的“执行”“完成”等不是说本年的预算已执行",
    "in_year": "说本年的预算已调整、执行或决算的字词（正文说到“预算”而一个也没有时，是一份预算的说明：不写口径的数、只写“预算”的数都是年初预算；紧跟在“上年”“2022年”之后的不算）",
    "taking_away": "减去（“收入X万元，加上年结余Y万元，减全年支出Z万元，滚存结余W万元”：用文字写出的结余中减去的一项）",
    "incoming": "有多少钱（预算、收入、到位：“批复的“三公”经费为75.45万元，执行数19.85万元，结余56.50万元”中结余前的第一个数）",
    "outgoing": "花了多少（支出、执行：结余前的第二个数）",
    "balance": "结余的称呼（“滚存结余”“年末结余”：用文字写出的结余算到最后的那个数）",
    "own_units": "本部门的下属单位（“设下属事业单位1个（即：县招商投资服务中心），编制7名”：括号里点名的单位是其后的数的主体）",
    "section_kind": "内设机构名称的结尾（“人事股”“财务科”：句中列出的内设机构、数之后紧接的一类内设机构“8个业务股”）",
    "common_section": "各单位都有的内设机构（“办公室”：句中列出的内设机构只有它与事实文件所列的相同时，不认作本部门的）",
    "as_of": "截止日期（“截至2018年12月31日，…”：句首的日期是早些年的，这一段其后的数也是那一年的）",
    "adjusts": "调增、调减（“收支各调增152.30万元，收支为1326.80万元”：紧接着不写口径的数是调整后的预算）",
    "to_carry_out": "要执行的预算（“预算执行3270.00万元，实际支出3237.75万元”：同一句其后又写了实际的数时，它是预算，不是决算）",
    "serving": "在职的人（“在职教职工7687人，其中…离退休人员3498人”：退休的人不是在职人数的一项）",
    "retired": "退休的人（“在职和退休人员”：说到退休的人时，不是只数在职的人）",
    "projects": "项目（“我局共实施专项工作项目19个”：本部门自己的句子中数项目的个数，不是别的主体）",
    "covers": "涉及（“项目支出均实行了绩效目标管理，涉及…资金X万元”：之后的数是纳入管理的那些支出的预算）",
    "covers_all": "全部（“均”“全面”“所有”：说全部项目都纳入了绩效目标管理，不是一部分）",
    "brought_under": "纳入（“实行”“实施”“纳入”绩效目标管理）",
    "managed": "绩效目标管理（“纳入……绩效目标管理，涉及”之前的管理）",
    "all_projects": "全部项目的称呼（“项目支出均实行…”“其他运转类项目和特定目标类项目均…”）",
    "whole_spending": "部门整体支出（“整体支出纳入绩效目标管理，涉及…”：之后的数是部门全部支出的预算）",
    "about_body": "单位的人员或钱（“某市某协会全额事业编制2人”：句首的地名加单位名称之后紧接它们时，这句说的是那个单位）",
    "scored_part": "某个指标、项目的得分，别人评的分（“资金管理指标自评得分17.6分”“项目自评得分”“财政重点评价得分”：不是部门的自评总分）",
}


class VocabularyModel(Model):
    """正文词表
    正文中数字的说法：事实的称呼、口径词、别的主体、关系词。mkreport check 用它读出正文中的每个数说的是什么，
    与事实核对。"""

    format = format_field(1)       # the version of the vocabulary file's format (see facts.FORMAT)
    facts = Field(ListOf(ModelKind(Label)), "事实的称呼", help="按顺序匹配，更具体的称呼写在前面")
    columns = Field(KeyedPatterns(COLUMN_NAMES, "口径"), "口径词", help="budget（年初预算数）、adjusted（调整预算数/全年预算数）、"
                                              "final（决算数/全年执行数）各自的称呼")
    shares = Field(ListOf(ModelKind(Label)), "比例的总额", help="“占××的 P%”中 ×× 的称呼 → 作为分母的事实")
    others = Field(ListOf(Pattern()), "别的主体",
                   help="全县、企业、项目、下属单位等：其后的数字说的不是本部门，不核对。本县的写法可在此补充")
    words = Field(KeyedPatterns(WORD_CLASSES, "关系词类别"), "关系词", help="按类别补充关系词，如 up: '增收'；类别见 mkreport 内置词表")
    partitions = Field(ListOf(Pattern()), "列全即是全部的分项",
                       help="如 '货物|工程|服务'（政府采购）：“其中”所列各项正是这几项时，各项之和应等于总数")
    cues = Field(KeyedPatterns(CUE_CLASSES, "线索词类别"), "线索词",
                 help="不单独成词、只在别的词前后看的字词，如 negated: '并无'；类别见 mkreport 内置词表")
    before = Field(Pattern(), "称呼前可以紧挨着的字词",
                   help="称呼前紧挨着别的名词时（“营业收入”“专项项目支出”），说的不是本部门的数，不核对；"
                        "这里列出的字词（如“我局”“全年”“其中”）紧挨着称呼也照样核对。本县的写法可在此补充")
    note = Field(Text(), "说明")


def _keyed(models: list, field: str, keys) -> list[tuple[str, str]]:
    """(key, pattern) for every pattern the models list under `field` (columns, words, cues), in the keys' order."""
    return [(k, p) for m in models for k in keys if k in getattr(m, field) for p in getattr(m, field)[k] or []]


class Vocabulary:
    """The merged vocabulary (a county's files before the built-in one) and the matcher made of it."""

    def __init__(self, models: list, files: tuple = ()):
        self.files = files                  # display names of the county files merged in
        entries = [e for m in models for e in m.facts]
        self.facts = [(e.label, e.fact) for e in entries if not e.when and not e.within]
        # labels that name their fact only as a part listed right after the amount of another (see claims/parts_named)
        self.within = [(e.label, e.fact, e.within) for e in entries if e.within and not e.when]
        # labels that stand in for another fact only where the file lacks it (see without_stand_ins)
        self.stand_ins = {(e.label, e.fact): e.unless for e in entries if e.unless and not e.when}
        # labels that name their fact only where the amount after them is one of its figures (see guarded())
        self.guarded = [(e.label, e.fact) for e in entries if e.when]
        self.shares = [(e.label, e.fact) for m in models for e in m.shares]
        self.columns = _keyed(models, "columns", COLUMN_NAMES)
        self.others = [p for m in models for p in m.others]
        self.words = _keyed(models, "words", WORD_CLASSES)
        self.before = [m.before for m in models if m.before]
        self.cues = _keyed(models, "cues", CUE_CLASSES)
        self.partitions = [p for m in models for p in m.partitions]
        self._lexicon: Lexicon | None = None
        self._with_guarded: Vocabulary | None = None

    @property
    def lexicon(self):
        if self._lexicon is None:
            from .claims.reader import Lexicon
            self._lexicon = Lexicon(self)
        return self._lexicon

    @property
    def guarded_spellings(self) -> tuple[str, ...]:
        """Every way the guarded labels are written (a text holding none of them is read once)."""
        from .claims.lexicon import spellings
        return tuple(sorted({s for pattern, _ in self.guarded for s in spellings(pattern)}))

    def with_guarded(self) -> Vocabulary:
        """The vocabulary that takes every guarded label at its word: a text naming one is read again with it,
        and that reading is kept only where the amounts those labels state are their facts' (checks/prose)."""
        if self._with_guarded is None:
            both = copy.copy(self)
            both.facts, both.guarded, both._lexicon, both._with_guarded = self.guarded + self.facts, [], None, None
            self._with_guarded = both
        return self._with_guarded




_OWN_KINDS = re.compile("[\u4e00-\u9fff]{2,12}")
_own: dict[tuple, tuple[Vocabulary, Vocabulary]] = {}     # (id of a vocabulary, the change) → (it, it changed)


def with_own_words(voc: Vocabulary, staffing) -> Vocabulary:
    """The vocabulary with the facts file's own categories of staff as names ("保安", "乡村医生", "聘用人员"): the
    file says what its categories are called, and the text names them the same way. Only names the vocabulary does
    not know already; the same vocabulary when there are none."""
    extra = []
    known = voc.lexicon.meanings
    for fact, rows in (("department.staffing.posts", getattr(staffing, "posts", None)),
                       ("department.staffing.others", getattr(staffing, "others", None)),
                       ("department.staffing.others", getattr(staffing, "serving_includes", None))):
        for row in rows or []:
            kind = getattr(row, "kind", None)
            if isinstance(kind, str) and _OWN_KINDS.fullmatch(kind) and kind not in known \
                    and (kind, fact) not in extra:
                extra.append((kind, fact))
    if not extra:
        return voc
    return _variant(voc, ("own", *extra), [(re.escape(k), f) for k, f in extra] + voc.facts)


def without_stand_ins(voc: Vocabulary, has: Callable[[str], bool]) -> Vocabulary:
    """The vocabulary without the labels that stand in for a fact the file has (`unless`): "固定资产" is read as the
    原值 only where the file states no 固定资产 (net) of its own. The same vocabulary when none is dropped."""
    dropped = tuple(k for k, unless in voc.stand_ins.items() if has(unless))
    if not dropped:
        return voc
    return _variant(voc, ("without", *dropped), [e for e in voc.facts if e not in dropped])


def _variant(voc: Vocabulary, what: tuple, facts: list) -> Vocabulary:
    """The vocabulary with other fact labels (`what` says which change: the cache's key with the vocabulary's
    identity), made once and kept — its matcher is built the first time it is asked for."""
    key = (id(voc), what)
    kept = _own.get(key)
    if kept is None or kept[0] is not voc:
        if len(_own) > 64:          # (a long-running process: lsp, batch)
            _own.clear()
        own = copy.copy(voc)
        own.facts, own._lexicon, own._with_guarded = facts, None, None
        own.stand_ins = {k: v for k, v in voc.stand_ins.items() if k in facts}
        kept = _own[key] = (voc, own)
    return kept[1]


BUILTIN = PACKAGE_DIR / "data" / "vocabulary.yaml"


def _read(path: Path, found: Findings, trusted: bool = False) -> VocabularyModel | None:
    model, _, _ = load_model(VocabularyModel, path, display_path(path), "正文词表", "VOCABULARY-", found,
                             trusted=trusted)
    return model


@lru_cache(maxsize=1)
def _builtin() -> VocabularyModel:
    found = Findings()
    model = _read(BUILTIN, found, trusted=True)
    assert model is not None, [f.message for f in found]
    return model


_cache: dict[tuple, tuple[Vocabulary, Findings]] = {}


def vocabulary(files: tuple[Path, ...] = ()) -> tuple[Vocabulary, Findings]:
    """The built-in vocabulary with the county's files in front; problems in those files as
    findings (a broken file is left out, so its own mistakes never hide the rest of the check)."""
    key = tuple(buffers.stamp(p) for p in files)       # an edited file is read again (a long-running process: lsp, batch)
    if key not in _cache:
        found = Findings()
        models = [m for m in (_read(p, found) for p in files) if m is not None] + [_builtin()]
        _cache[key] = (Vocabulary(models, tuple(display_path(p) for p in files)), found)
    return _cache[key]
