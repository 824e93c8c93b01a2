"""Every finding code mkreport can report: its severity and what it means, in one registry.

Checks name a code; the severity comes from here, so a code is always an error or always a
warning. The README's table of codes is generated from this registry (a test keeps them equal),
and the test suite fails if a registered code is never produced by any test (tests/conftest.py).
"""
from __future__ import annotations

from typing import NamedTuple

ERROR, WARNING = "error", "warning"


class Code(NamedTuple):
    code: str
    severity: str
    zh: str
    group: str


_GROUPS = [
    ("文件", [
        ("INPUT", ERROR, "文件无法读取：不存在、是文件夹、编码无法识别（不是 UTF-8、UTF-16 或 GBK/GB18030）、YAML 语法错误、"
                  "超出大小或层级限制"),
        ("ENCODING", WARNING, "文件不是 UTF-8 编码（如记事本保存的 GBK“ANSI”、UTF-16“Unicode”），已按识别出的编码读取，"
                              "行号列号照常：写明是哪种编码，每个文件一次"),
        ("SCHEMA", ERROR, "值的类型不对（如 `12,345.6`、`1066.5万元` 写在金额字段），或不是允许的选项"),
        ("SCHEMA-UNKNOWN", ERROR, "字段名拼错或放错位置（给出最接近的字段）"),
        ("SCHEMA-MISSING", ERROR, "缺少必填字段"),
        ("SCHEMA-DEPRECATED", WARNING, "字段用了改名前的旧名：照常按新名读取，消息写明新名，请改用新名"),
        ("SCHEMA-FORMAT", ERROR, "文件写明的格式版本（format）比所用的 mkreport 认识的新：请升级 mkreport"),
        ("CHECK-TIME", ERROR, "检查一个文件超过 120 秒仍未完成，已停止（文件中可能有异常庞大或特意构造的内容）"),
        ("PROCESS-LOST", ERROR, "处理这个文件的进程意外终止（如内存不足被系统结束），单独重试仍然终止：这个文件未检查完、未生成，其余文件照常处理"),
        ("UNFILLED", ERROR, "还没有填写的项（mkreport new 生成的“待填写”）"),
        ("STALE", WARNING, "mkreport rollover 保留的上年文字（以“【上年】”开头），还没有按本年改写"),
        ("EMPTY", ERROR, "空白的文字"),
        ("BLANK", ERROR, "从模板复制来未填的空白：“满分 分”“XX”“××”“（ ）”"),
        ("REF", ERROR, "正文中的事实引用 `{{ 路径 | 过滤器 }}` 路径不存在或没有值、指向一整节或一组数据、过滤器不适合这个值"),
    ]),
    ("评分体系", [
        ("RUBRIC-MISSING", ERROR, "找不到事实文件写的评分体系（列出查找过的每个位置）"),
        ("RUBRIC-SCHEMA", ERROR, "评分体系中值的类型不对，或计分规则的类型、参数不对"),
        ("RUBRIC-SCHEMA-UNKNOWN", ERROR, "评分体系中的字段名拼错"),
        ("RUBRIC-SCHEMA-MISSING", ERROR, "评分体系缺少必填字段"),
        ("RUBRIC-SCHEMA-DEPRECATED", WARNING, "评分体系的字段用了改名前的旧名：照常按新名读取，请改用新名"),
        ("RUBRIC-SCHEMA-FORMAT", ERROR, "评分体系写明的格式版本（format）比所用的 mkreport 认识的新：请升级 mkreport"),
        ("RUBRIC-ID", ERROR, "指标编号重复"),
        ("RUBRIC-SUM", ERROR, "下级指标分值之和不等于上级指标的分值"),
        ("RUBRIC-TOTAL", ERROR, "一级指标分值之和不等于评分体系写明的总分"),
        ("RUBRIC-POINTS", WARNING, "评分体系的总分不是 100 分（如原报告只列出 99 分的指标）：请与财政局的文件核对"),
        ("RUBRIC-GRADE", ERROR, "绩效等级没有从高到低排列，或按分数写的最低分超过了总分"),
        ("RUBRIC-RULE", ERROR, "计分规则用错地方：有下级的指标另设规则，或规则缺少它需要的参数"),
        ("RUBRIC-PATH", ERROR, "规则或指标值引用的事实路径在事实文件中不存在"),
    ]),
    ("得分", [
        ("SCORE-MISSING", ERROR, "末级指标没有自评得分"),
        ("SCORE-UNKNOWN", ERROR, "评分体系中没有这个指标编号"),
        ("SCORE-NAME", ERROR, "写明的指标名称与评分体系中这个编号的名称不同（编号可能写错）"),
        ("SCORE-RANGE", ERROR, "得分超过满分或小于 0"),
        ("SCORE-SWAPPED", ERROR, "“自评分”与“满分”写反了（如“自评分 5 分，满分 4.5 分”）"),
        ("SCORE-MAX-STATED", ERROR, "写明的满分与评分体系不同"),
        ("SCORE-DEDUCTION", ERROR, "写明的扣分 ≠ 满分 − 得分"),
        ("SCORE-SUM", ERROR, "上级指标的得分 ≠ 下级指标得分之和"),
        ("RULE-SCORE", ERROR, "按计分规则算出的应得分（如 13/15 × 3 = 2.6；64.94% × 4 = 2.6）与自评分不同"),
        ("RULE-DATA", WARNING, "计分规则所需的数据缺失，无法核对得分"),
        ("DEDUCTION-REASON", ERROR, "酌情评分的指标扣了分，没有写扣分原因"),
        ("SCORE-TABLE", WARNING, "随附绩效目标表的指标得了满分，表中却有未完成的目标，评价说明也没有解释"),
        ("MEASURE-FACT", ERROR, "写明的分子或分母与事实不同（如结转结余率“0/0”）"),
        ("MEASURE-RATE", ERROR, "写明的比率与分子 ÷ 分母不同"),
        ("MEASURE-ZERO", ERROR, "比率的分母为 0"),
        ("TOTAL", ERROR, "自评总分 ≠ 各指标得分之和"),
        ("GRADE", ERROR, "绩效等级与总分所在的分数段不符（默认按总分的百分比：优≥90%、良≥80%、中≥60%、差）"),
    ]),
    ("收支表与人员", [
        ("TABLE-SUM", ERROR, "合计 ≠ 各项之和（按 XBRL 1.1 区间规则容许四舍五入误差）；有主要的项没有填写时，已填各项之和超过合计"),
        ("TABLE-CHANGE", ERROR, "写明的较上年增减额 ≠ 决算数 − 上年决算数"),
        ("TABLE-BALANCE", ERROR, "收入总计 ≠ 支出总计，或经济分类合计 ≠ 本年支出合计（总计未填写时由各项相加后核对）"),
        ("FUNDS-OVER", WARNING, "本年支出决算数超过当年可用的资金（财政拨款全年预算数 + 其他收入 + 年初结转和结余）"),
        ("STAFF-SUM", ERROR, "核定编制合计 ≠ 各类别之和，或实有人数少于其中包含的人数"),
    ]),
    ("自评表（全国通用格式）", [
        ("FORM-BLANK", ERROR, "自评表中该填的格空着（得分、分值、实际完成值、执行数）：不按 0 计，请填写；不适用的写“—”"),
        ("FORM-SCORE", ERROR, "得分与计分规则算出的不同（执行率 × 分值，实际完成值 ÷ 指标值 × 分值），或未达到指标值却得满分"),
        ("FORM-RATE", ERROR, "写明的执行率 ≠ 全年执行数 ÷ 全年预算数"),
        ("FORM-REASON", ERROR, "扣了分或未达到指标值，没有写偏差原因分析及改进措施"),
        ("FORM-LEVEL", ERROR, "一级指标不在评分体系中（如把“效益指标”写成“效果指标”）"),
        ("FORM-POINTS", ERROR, "一级指标下各行的分值之和（或预算执行率的分值）与评分体系不同"),
        ("FORM-TOTAL", ERROR, "总分 ≠ 各项得分之和（有不适用的指标时按评分体系折算为 100 分）"),
        ("FORM-FUNDS-SUM", ERROR, "年度资金总额 ≠ 当年财政拨款 + 上年结转资金 + 其他资金（逐栏核对，如总额写 0 而财政拨款为 90）"),
        ("FORM-FUNDS-OVER", ERROR, "全年执行数超过全年预算数（当年可用的全部资金）"),
        ("FORM-FUNDS-SPENT", ERROR, "部门整体的年度资金总额执行数与收支表的本年支出合计不同（如填成了收入合计）"),
        ("FORM-GOALS", WARNING, "年度总体目标的实际完成情况中写的数与同一指标的实际完成值不同（预期目标中写着该指标的指标值，"
                                "完成情况的同一条中同一单位的数只有一个时才核对）"),
    ]),
    ("部门与所属项目", [
        ("PROJECT-MISSING", ERROR, "部门文件 projects 中列出的项目文件不存在或读不了（指在列出它的那一行）"),
        ("PROJECT-TWICE", ERROR, "同一个项目文件在 projects 中列了两次"),
        ("PROJECT-KIND", ERROR, "projects 中列出的文件不是项目（没有写 kind: project），或项目文件自己又列出了项目"),
        ("PROJECT-YEAR", ERROR, "项目文件的报告年度与部门的不同"),
        ("PROJECT-SPENT", ERROR, "部门收支表的项目支出决算数小于所列各项目自评表的全年执行数之和（按 XBRL 区间规则容许四舍五入误差，"
                                 "金额换算为同一单位）"),
    ]),
    ("绩效目标", [
        ("TARGET-NONE", WARNING, "没有列出绩效目标"),
        ("TARGET-ACTUAL", WARNING, "绩效目标没有填写完成值"),
        ("TARGET-STATUS", ERROR, "写明的完成情况与目标值、完成值和方向（≥/≤）不符"),
        ("TARGET-RESTATED", ERROR, "同一目标在绩效目标表和实现情况表中的目标值不同"),
        ("TARGET-UNIT", ERROR, "完成值与目标值的单位不可比（如“亿元”对“个”）"),
        ("TARGET-UNIT-MISSING", WARNING, "目标值或完成值没有写单位"),
        ("TARGET-UNIT-DIFFERS", WARNING, "同一目标在两张表中写了不同的单位"),
    ]),
    ("正文中的数", [
        ("PROSE-FACT", ERROR, "正文里的金额与它所说的事实（本年的年初预算、调整预算、决算）不同"),
        ("PROSE-PRIOR", ERROR, "正文里上一年的金额（“2022年为…”“比上年同期…”）与上年决算数（写明“上年预算”的，与上年预算数）不同"),
        ("PROSE-CHANGE", ERROR, "正文里的增减额（“较上年增加…”“比年初预算减少…”“与上年持平”）与两个数之差不同"),
        ("PROSE-RATE", ERROR, "正文里的增减幅度（“增幅…%”“同比增长…%”“比增…%”）与两个数算出的不同"),
        ("PROSE-SHARE", ERROR, "占比（“占……的…%”“比重…%”）与部分 ÷ 所说的总数不同"),
        ("PROSE-EXECUTION", ERROR, "执行率、完成率（“预算执行率…%”“完成年初预算的…%”）与决算数 ÷ 预算数不同"),
        ("PROSE-DIFF", ERROR, "差额（“相差…万元”“差额…”）与前面两个金额之差不同"),
        ("PROSE-FORMULA", ERROR, "正文里写出的算式（“44÷45×100%=97.78%”）的结果与按算式中的数算出的不同（算的是执行率、增幅、占比时按那一类报）"),
        ("PROSE-SUM", ERROR, "“其中”各项之和不等于前面的总数（只列了部分项目时，各项之和超过总数）"),
        ("PROSE-COUNT", ERROR, "正文里的人数（编制、在职、退休、各类编制）与人员编制不同，或内设机构的个数与所列内设机构不同"),
        ("PROSE-SCORE", ERROR, "正文里部门整体的自评总分（“整体支出绩效自评得分为…分”“综合评分为…分”）与各指标得分之和不同"),
        ("PROSE-COMPARE", ERROR, "“小于/大于/等于”连接的两个数，比较不成立"),
        ("PROSE-TARGET", ERROR, "正文中绩效目标的完成值与绩效目标表不同"),
        ("PROSE-TARGET-UNIT", WARNING, "正文中绩效目标的数与绩效目标表相同，单位却不同（如“179个”与“179座”）"),
        ("PROSE-UNIT", ERROR, "表的金额单位写错（正文用同样的数字写的是另一个单位）"),
    ]),
    ("日期", [
        ("DATE-YEAR", ERROR, "统计时点（“截至……”、人员和资产的截止日期）不在报告年度，或晚于成文日期；成文日期不在报告年度或次年"),
        ("DATE-YEAR-END", WARNING, "“某年年末”写的不是报告年度（比较的说法如“较2022年末”除外）"),
        ("DATE-WORD", WARNING, "“截止”后面直接跟日期：表示“到某时为止”应写“截至”（用字规范，只在 `check --style` 时报告）"),
        ("DATE-MISSING", WARNING, "没有成文日期（report_date）：报告落款将不写日期"),
    ]),
    ("排版", [
        ("TYPO-PUNCT", WARNING, "中文里用了半角标点（; , ( ) :），应为全角（；，（）：）"),
        ("TYPO-BRACKET", WARNING, "文号的年份用了方括号（[2016]），应为六角括号（〔2016〕）"),
        ("TYPO-OPERATOR", WARNING, "算式中用了 * 和 /，应为 × 和 ÷"),
        ("TYPO-DOUBLED", WARNING, "同一个词连写了两遍（“企业企业”“经费经费”）"),
        ("TYPO-SELF", WARNING, "自称与部门不符（“我司”写在一个局的报告里）"),
    ]),
    ("报告模板", [
        ("TEMPLATE-MISSING", ERROR, "找不到报告模板（列出查找过的每个位置）"),
        ("TEMPLATE-INVALID", ERROR, "模板不是有效的 Word 文档，或过大、无法读取"),
        ("TEMPLATE-EXTERNAL", ERROR, "模板中有打开报告时会去读取的外部链接：链接的图片、附加模板（.dotm）、OLE 对象、子文档、"
         "框架、数据源，或 INCLUDEPICTURE、INCLUDETEXT、LINK、DDE 域；指出所在部件和链接地址。网址超链接不算"),
        ("TEMPLATE-SYNTAX", ERROR, "模板的 {{ }}、{% %} 标签写错（指出是哪一段）"),
        ("TEMPLATE-NAME", ERROR, "模板用了不存在的名字或属性（见 schema/template.md）"),
        ("TEMPLATE-FILTER", ERROR, "模板用了不存在的过滤器，或过滤器不适合给它的值"),
        ("TEMPLATE-OUTPUT", ERROR, "模板把一整节或一组数据直接写进报告"),
        ("TEMPLATE-RENDER", ERROR, "用本文件的数据试生成时模板出错（如除以零、被沙箱阻止）"),
        ("TEMPLATE-LIMIT", ERROR, "模板超出运行限制：运行超过 20 秒、内存超过上限、生成的文字过大"),
        ("TEMPLATE-BLANK", ERROR, "模板要写出的值事实文件中没有，报告中会出现空白"),
        ("TEMPLATE-SECTION", WARNING, "财政局的模板要求的一节（如存在的问题、改进措施、整改情况、结果应用），事实文件没有填写："
         "报告中不写这一节，也不代写套话"),
        ("TEMPLATE-UNUSED", WARNING, "事实文件中填写了、模板没有写出、也没有任何检查用到的字段：报告中不会出现"),
        ("TEMPLATE-NUMBERED", WARNING, "模板自动编号的条目（职责、重点工作、问题、措施等）自己又写了编号，或几条写成了一段"
         "“1.…；2.…”：报告中会出现“1.1.…”（生成时已按模板编号，请改事实文件）"),
        ("VERIFY-FIGURE", ERROR, "verify：改过的报告中某段或某格的数字与事实文件生成的不同（或增删了含数字的段落）"),
        ("VERIFY-TEXT", WARNING, "verify：改过的报告中某段或某格的文字有改动，数字未变"),
        ("VERIFY-EXTERNAL", WARNING, "verify：改过的报告中有 Word 打开时会去读取的外部链接（如链接的图片、附加模板）；"
         "mkreport 没有读取它们，报送前请删去"),
    ]),
    ("正文词表", [
        ("VOCABULARY-MISSING", ERROR, "找不到评分体系指定的正文词表"),
        ("VOCABULARY-SCHEMA", ERROR, "词表中值的类型不对"),
        ("VOCABULARY-SCHEMA-UNKNOWN", ERROR, "词表中的字段名或口径名拼错"),
        ("VOCABULARY-SCHEMA-MISSING", ERROR, "词表缺少必填字段"),
        ("VOCABULARY-SCHEMA-DEPRECATED", WARNING, "词表的字段用了改名前的旧名：照常按新名读取，请改用新名"),
        ("VOCABULARY-SCHEMA-FORMAT", ERROR, "词表写明的格式版本（format）比所用的 mkreport 认识的新：请升级 mkreport"),
        ("VOCABULARY-PATTERN", ERROR, "称呼的正则表达式写错、能匹配空文字，或不是几种具体的写法（不限次数的 * + 、环视、“.”）"),
        ("VOCABULARY-PATH", ERROR, "称呼对应的事实路径不存在"),
    ]),
]

# Usage, not figures: so common in published documents that reporting it by default would bury the findings
# that matter; `check --style` asks for them.
STYLE = frozenset({"DATE-WORD"})

# Notes on how a file was read, not problems in it: `--strict` (warnings refuse a file) does not count them —
# a file Notepad saved as GBK is read as it came, and stays valid (README: 文件的编码).
NOT_STRICT = frozenset({"ENCODING"})

CODES: dict[str, Code] = {c: Code(c, sev, zh, group) for group, rows in _GROUPS for c, sev, zh in rows}


def severity(code: str) -> str:
    return CODES[code].severity


def readme_table() -> str:
    """The README's table of codes (between its `codes` markers), generated from the registry."""
    lines = ["| 代码 | 级别 | 内容 |", "|---|---|---|"]
    for group, rows in _GROUPS:
        lines.append(f"| **{group}** | | |")
        for code, sev, zh in rows:
            text = zh.replace("|", "\\|")       # a table cell cannot hold a bare |
            lines.append(f"| `{code}` | {'错误' if sev == ERROR else '警告'} | {text} |")
    return "\n".join(lines)
