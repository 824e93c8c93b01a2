"""The facts of one department's self-evaluation for one year: the input file's schema.

Every figure is written once. A figure that can be derived (a total, a change, a completion
status, a parent indicator's score, the grade) may be omitted; if it is written anyway — as
the published reports do — it is checked against its derivation. Money is in `finance.unit`
(万元 unless stated) and kept as the exact `Decimal` the user typed.
"""
from __future__ import annotations

from .form import Form
from .schema import (
    CHECK,
    INVALID,
    SETTING,
    Choice,
    Conversion,
    Date,
    Either,
    Field,
    Integer,
    Invalid,
    ListOf,
    Many,
    MapOf,
    Model,
    ModelKind,
    Number,
    Path,
    Percent,
    QuantityKind,
    Text,
    format_field,
)
from .yamlsource import Node

KIND = Choice({"department": "department", "project": "project", "部门": "department", "部门整体": "department",
               "项目": "project"})

# The version of the facts file's format. It goes up only when a file that loads today would be
# read differently; a renamed field does not need it (Field(…, deprecated=Deprecated(moved_to=…))).
FORMAT = 1

_models: dict[str, type[Model]] = {}


class Prose(Many["list[str | Block]"]):
    """Paragraphs: one text, or a list whose items are texts or headed blocks."""

    zh = "文字或段落列表"

    def empty(self) -> list[str | Block]:
        return []

    def convert(self, node: Node, conv: Conversion, path: Path, zh: str) -> list[str | Block] | Invalid:
        if node.kind == "scalar":
            text = Text().convert(node, conv, path, zh)
            return [] if text is INVALID or not text else [text]
        if node.kind == "map":
            block = ModelKind[Block]("Block", _models).convert(node, conv, path, zh)
            return [] if block is INVALID else [block]
        return ListOf(Either(Text(), ModelKind[Block]("Block", _models))).convert(node, conv, path, zh)

    def json_schema(self, defs):
        ModelKind("Block", _models).json_schema(defs)
        said = "应为一段文字，或段落（小节）的列表，每项一行，以“- ”开头。"
        item = {"anyOf": [{"type": "string", "errorMessage": said}, {"$ref": "#/$defs/Block"}]}
        return {"anyOf": [{"type": "string", "errorMessage": said}, {"type": "array", "items": item, "errorMessage": said}]}


class Block(Model):
    """带标题的段落
    年度工作、职责、改进措施等的一个小节：标题加正文，正文可再分小节。"""

    title = Field(Text(), "标题", help="如“全力以赴暖企业增信心”；编号由模板自动生成，不要写“1.”“（一）”")
    text = Field(Prose(), "正文", help="一段文字，或段落/小节的列表")


_models["Block"] = Block
_models["Form"] = Form


class Headcount(Model):
    """人员类别及人数"""

    kind = Field(Text(), "类别", required=True, help="如 行政编制、县临聘人员、遗属人员")
    count = Field(Integer(), "人数", required=True)


class Staffing(Model):
    """人员编制
    编制与实有人数，截至报告年度年末。"""

    as_of = Field(Date(), "统计截止日期", required=True, help="应在报告年度内，通常为该年 12 月 31 日")
    posts = Field(ListOf(ModelKind(Headcount)), "核定编制（按类别）")
    posts_total = Field(Integer(), "核定编制合计", help="可省略，由各类别相加；如填写则核对", role=CHECK)
    serving = Field(Integer(), "实有在职人员")
    serving_includes = Field(ListOf(ModelKind(Headcount)), "在职人员中包含的人员", help="如“含 2 名县临聘人员”")
    others = Field(ListOf(ModelKind(Headcount)), "其他人员", help="如 政府聘员、其他人员")
    retired = Field(Integer(), "退休人员")


class Duties(Model):
    """主要职责"""

    intro = Field(Prose(), "引言", help="列举职责前的说明文字")
    items = Field(Prose(), "职责条目", help="每条一项；编号由模板生成")


class Department(Model):
    """部门基本情况"""

    name = Field(Text(), "部门全称", required=True, help="如 阳西县工业和信息化局")
    short_name = Field(Text(), "简称", help="模板措辞中的自称，如 我局、本局", role=SETTING)
    kind = Field(Text(), "部门性质", help="如 县政府工作部门")
    rank = Field(Text(), "机构规格", help="如 正科级")
    plaques = Field(ListOf(Text()), "加挂牌子")
    overview = Field(Prose(), "部门概况（补充说明）")
    duties = Field(ModelKind(Duties), "主要职责")
    units = Field(ListOf(Text()), "内设机构", help="每个一项；正文中写的内设机构个数按所列的个数核对")
    staffing = Field(ModelKind(Staffing), "人员编制")


class Document(Model):
    """文件
    评价依据等文件的标题和文号。"""

    issuer = Field(Text(), "发文单位")
    title = Field(Text(), "文件标题", required=True)
    number = Field(Text(), "文号", help="如 西财绩〔2024〕1号")


class Work(Model):
    """年度总体工作和重点工作任务"""

    intro = Field(Prose(), "总述")
    items = Field(Prose(), "重点工作", help="每项一个带标题的小节")
    closing = Field(Prose(), "结束语")


MONEY = Number("万元", dash=True)
CHANGE = Number("万元", minimum=None, dash=True)


class Amounts(Model):
    """一项收支的各口径金额
    单位为 finance.unit（默认万元）。可推算的数可以省略；写了就会核对。
    填了决算数的一行，年初预算数、调整预算数留空即按 0 计（表中的空格）。"""

    budget = Field(MONEY, "年初预算数")
    adjusted = Field(MONEY, "调整预算数")
    final = Field(MONEY, "决算数")
    prior = Field(MONEY, "上年决算数")
    # prose in budget terms compares this year's budget with last year's ("比2022年预算增加…"): without
    # last year's budget such a change can only be left unread
    prior_budget = Field(MONEY, "上年预算数", help="可省略：上年的年初预算数，正文把本年预算与上年预算比较"
                         "（“比2022年预算增加…”）时据此核对。rollover 把上年文件的年初预算数填在这里")
    change = Field(CHANGE, "较上年增减额", help="可省略，由决算数减上年决算数得出；写了就核对", role=CHECK)


COLUMNS = {"budget": "年初预算数", "adjusted": "调整预算数", "final": "决算数", "prior": "上年决算数",
           "prior_budget": "上年预算数", "change": "较上年增减额"}


def _amounts(zh: str, help: str = "") -> Field[Amounts | None]:
    return Field(ModelKind(Amounts), zh, help=help)


class Income(Model):
    """部门整体收入"""

    fiscal = _amounts("财政拨款收入", "可省略，由下列三项相加")
    general = _amounts("一般公共预算财政拨款收入")
    fund = _amounts("政府性基金预算财政拨款收入")
    state_capital = _amounts("国有资本经营预算财政拨款收入")
    other = _amounts("其他收入")
    current = _amounts("本年收入合计", "可省略，由财政拨款收入加其他收入")
    carryover = _amounts("年初结转和结余")
    total = _amounts("收入总计", "可省略，由本年收入合计加年初结转和结余")


class Expenditure(Model):
    """部门整体支出（按支出性质）"""

    basic = _amounts("基本支出", "可省略，由人员经费加公用经费")
    personnel = _amounts("人员经费")
    public = _amounts("公用经费")
    project = _amounts("项目支出")
    capital_construction = _amounts("其中：基本建设类项目")
    remit_upper = _amounts("上缴上级支出")
    operating = _amounts("经营支出")
    subsidiary = _amounts("对附属单位补助支出")
    current = _amounts("本年支出合计", "可省略，由以上各项相加")
    distribution = _amounts("结余分配", "决算表中提取的事业基金、专用基金等；多数部门没有")
    carryover = _amounts("年末结转和结余")
    total = _amounts("支出总计", "可省略，由本年支出合计、结余分配加年末结转和结余")


class Economic(Model):
    """支出决算（按经济分类）
    各项决算数，单位同 finance.unit。"""

    total = Field(MONEY, "经济分类支出合计", help="可省略，由各项相加；写了就核对", role=CHECK)
    wages = Field(MONEY, "工资福利支出")
    goods_services = Field(MONEY, "商品和服务支出")
    households = Field(MONEY, "对个人和家庭的补助")
    debt_interest = Field(MONEY, "债务利息及费用支出")
    capital_construction = Field(MONEY, "资本性支出（基本建设）")
    capital = Field(MONEY, "资本性支出")
    enterprise_construction = Field(MONEY, "对企业补助（基本建设）")
    enterprise = Field(MONEY, "对企业补助")
    social_security = Field(MONEY, "对社会保障基金补助")
    other = Field(MONEY, "其他支出")


class ThreePublicParts(Model):
    """“三公”经费分项
    各项的年初预算数、调整预算数、决算数、上年决算数，单位同 finance.unit。写了就用于核对正文中的分项金额。"""

    abroad = _amounts("因公出国（境）费")
    reception = _amounts("公务接待费")
    vehicles = _amounts("公务用车购置及运行费", "可省略，由购置费加运行费")
    vehicle_purchase = _amounts("公务用车购置费")
    vehicle_running = _amounts("公务用车运行维护费")


UNIT = Choice({"元": "元", "万元": "万元", "亿元": "亿元"})


class Finance(Model):
    """部门整体收支情况（以决算数为统计口径）"""

    unit = Field(UNIT, "金额单位", help="本节所有金额的单位，默认 万元", role=SETTING)
    decimals = Field(Integer(maximum=6), "金额保留的小数位数", help="默认 2；“42”视为 42.00", role=CHECK)
    income = Field(ModelKind(Income), "收入")
    expenditure = Field(ModelKind(Expenditure), "支出")
    economic = Field(ModelKind(Economic), "按经济分类的支出决算")
    three_public = _amounts("“三公”经费", "可省略，由分项相加（写了分项时）")
    three_public_parts = Field(ModelKind(ThreePublicParts), "“三公”经费分项")
    narrative = Field(Prose(), "收支情况说明",
                      help="可省略，由模板按标准措辞生成。若自行撰写，数字请用 {{ … }} 引用事实，"
                           "或确保与上面的数一致：检查会核对正文中的金额")


class FixedAssetUse(Model):
    """固定资产使用情况（原值）"""

    unit = Field(UNIT, "金额单位", help="默认 万元", role=SETTING)
    original = Field(MONEY, "固定资产原值")
    in_use = Field(MONEY, "在用固定资产原值")
    idle = Field(MONEY, "闲置固定资产原值")


class Assets(Model):
    """资产情况（账面净值）"""

    as_of = Field(Date(), "截止日期")
    unit = Field(UNIT, "金额单位", help="默认 万元", role=SETTING)
    total = Field(MONEY, "资产总额", help="可省略，由各类资产相加；写了就核对")
    current = Field(MONEY, "流动资产")
    fixed = Field(MONEY, "固定资产")
    intangible = Field(MONEY, "无形资产")
    other = Field(MONEY, "其他资产")
    fixed_use = Field(ModelKind(FixedAssetUse), "固定资产使用情况（原值）")


DIRECTION = Choice({">=": ">=", "≥": ">=", "<=": "<=", "≤": "<=", "=": "="})
STATUS = Choice({"完成": "完成", "未完成": "未完成"})


class Target(Model):
    """绩效目标
    一项部门整体绩效目标及其完成情况。"""

    name = Field(Text(), "绩效目标（指标名称）", required=True)
    target = Field(QuantityKind(), "目标值", required=True, help="数字加单位，如 500亿元、179座、10%")
    actual = Field(QuantityKind(), "完成值", help="数字加单位，单位须与目标值可比")
    direction = Field(DIRECTION, "方向", help=">= 表示越大越好（默认），<= 表示越小越好")
    status = Field(STATUS, "完成情况", help="可省略，由目标值、完成值和方向得出；写了就核对")
    results_target = Field(QuantityKind(), "实现情况表所列目标值",
                           help="仅用于照录原报告：实现情况表再次列出的目标值，须与 target 一致", role=CHECK)
    aliases = Field(ListOf(Text()), "正文中的其他称呼", help="如“总投资”，用于核对正文中提到的完成值", role=CHECK)


class Measure(Model):
    """指标值
    计算得分所用的比率或数值；可写百分比，也可写分子和分母。"""

    value = Field(Percent(), "指标值（百分比）", help="如 64.94%，须带百分号")
    numerator = Field(Number(minimum=None), "分子")
    denominator = Field(Number(minimum=None), "分母")
    text = Field(Text(), "计算说明")


class Score(Model):
    """指标自评
    评分体系中一项指标的自评得分与说明。"""

    name = Field(Text(), "指标名称", help="可省略；写了须与评分体系一致，用于防止编号写错", role=CHECK)
    score = Field(Number(minimum=None), "自评得分",
                  help="末级指标必填；上级指标可省略（由下级相加），写了就核对")
    max = Field(Number(), "报告中写明的满分", help="可省略；写了须与评分体系一致", role=CHECK)
    deduction = Field(Number(minimum=None), "报告中写明的扣分", help="可省略；写了须等于满分减得分", role=CHECK)
    text = Field(Prose(), "评价说明", help="评分依据与完成情况")
    reason = Field(Prose(), "扣分原因", help="得分低于满分且不是按公式计分时必填")
    measure = Field(ModelKind(Measure), "指标值", help="按比率计分时用于算出得分；酌情评分时与事实核对", role=CHECK)


GRADE = Choice({"优": "优", "良": "良", "中": "中", "差": "差"})


class Conclusion(Model):
    """绩效自评结论"""

    total = Field(Number(), "自评总分", help="可省略，由各指标得分相加；写了就核对")
    grade = Field(GRADE, "绩效等级", help="可省略，由总分按评分体系的等级划分得出；写了就核对")
    text = Field(Prose(), "结论说明")


class Report(Model):
    """部门整体支出绩效自评事实文件
    一个部门一个年度一个文件。金额单位默认万元；可推算的数可以省略，写了就核对。"""

    format = format_field(FORMAT)
    kind = Field(KIND, "类型", role=SETTING,
                 help="department（部门整体，默认）或 project（项目支出）；项目支出须填写 form（绩效自评表）")
    year = Field(Integer(minimum=2000, maximum=2099), "报告年度", required=True, help="被评价的预算年度，如 2023")
    rubric = Field(Text(), "评分体系", required=True, role=SETTING,
                   help="评分体系的名字（如 yangxi-2023：依次在本文件所在文件夹、向上最近的 rubrics/ 文件夹、"
                        "mkreport 内置的评分体系中查找），或相对于本文件的路径（如 ../rubrics/yangxi-2023.yaml）。"
                        "运行 mkreport list 查看可用的评分体系")
    template = Field(Text(), "报告模板", role=SETTING,
                     help="可省略，默认用评分体系指定的模板。模板名（在 templates/ 文件夹和内置模板中查找）"
                          "或相对于本文件的 .docx 路径")
    title = Field(Text(), "报告标题", help="可省略，默认“部门名称+年度+部门整体支出绩效自评报告”")
    report_date = Field(Date(), "成文日期", help="应在报告年度或其次年内")
    department = Field(ModelKind(Department), "部门基本情况", required=True)
    basis = Field(ModelKind(Document), "评价依据文件")
    work = Field(ModelKind(Work), "年度总体工作和重点工作任务")
    finance = Field(ModelKind(Finance), "部门整体收支情况", help="每行还可以写 prior（上年决算数）和 prior_budget（上年预算数），"
                    "正文与上年比较时（“比上年增加…”“比2022年预算减少…”）据此核对")
    assets = Field(ModelKind(Assets), "资产情况")
    targets_intro = Field(Prose(), "绩效目标说明")
    targets = Field(ListOf(ModelKind(Target)), "部门整体支出绩效目标")
    conclusion = Field(ModelKind(Conclusion), "绩效自评结论")
    scores = Field(MapOf(ModelKind(Score)), "各项指标自评",
                   help="键为评分体系中的指标编号，如 B24；写自评报告的必填，只填自评表（form）的不写")
    form = Field(ModelKind[Form]("Form", _models), "绩效自评表（全国通用格式）",
                 help="部门整体或项目支出绩效自评表：资金、总体目标、绩效指标（见 README“全国通用的自评表”）")
    projects = Field(ListOf(Text()), "本部门的项目", role=SETTING,
                     help="部门文件才写：各项目支出绩效自评表的事实文件（kind: project），每个一行，写相对于本文件的路径，"
                          "如 水利局-2023/农村供水保障.yaml；check 和 build 连同部门一起检查、生成")
    problems = Field(Prose(), "存在的问题")
    measures = Field(Prose(), "改进措施")
    rectification = Field(Prose(), "上年度绩效自评整改情况")
    results_use = Field(Prose(), "绩效自评结果拟应用和公开情况", help="如湖南格式的最后一节")
    other_notes = Field(Prose(), "其他需要说明的情况")


def amount_paths() -> list[str]:
    """Dotted paths of every `Amounts` record in the model (a figure with 年初预算/调整/决算… columns)."""
    out: list[str] = []

    def walk(model: type[Model], prefix: str) -> None:
        for name, field in model.fields.items():
            kind = field.kind
            if isinstance(kind, ModelKind) and not isinstance(kind._model, str):
                if kind.model is Amounts:
                    out.append(prefix + name)
                else:
                    walk(kind.model, prefix + name + ".")

    walk(Report, "")
    return out


AMOUNT_PATHS = frozenset(amount_paths())


# The labels a message names a figure by.
_LABELS: dict[str, str] = {}


# facts the prose reader names that are no field of the file: worked out from fields (explain and findings name them)
DERIVED_LABELS = {
    "department.staffing.actual": "部门基本情况 人员编制 实有人员（在职、退休和其他人员）",
    "department.staffing.sections": "部门基本情况 内设机构的个数",
    "finance.expenditure.fiscal": "财政拨款支出",
    "finance.expenditure.general": "一般公共预算财政拨款支出",
    "finance.expenditure.fund": "政府性基金预算财政拨款支出",
    "finance.expenditure.state_capital": "国有资本经营预算财政拨款支出",
}


def fact_label(path: str, report: Report, column: bool = True) -> str:
    """The Chinese name of a fact path, from the model's own field labels."""
    head, _, last = path.rpartition(".")
    if not column and last in COLUMNS:
        return fact_label(head, report)
    if path in DERIVED_LABELS:
        return DERIVED_LABELS[path]
    if head in DERIVED_LABELS and last in COLUMNS:
        return f"{DERIVED_LABELS[head]} {COLUMNS[last]}"
    if path in _LABELS:
        return _LABELS[path]
    names = []
    obj: type[Model] | None = type(report)
    for part in path.split("."):
        if obj is None:
            names.append(COLUMNS.get(part, part))
            continue
        field = obj.fields.get(part)
        if field is None:
            names.append(COLUMNS.get(part, part))
            obj = None
            continue
        if part not in ("finance", "income", "expenditure", "economic", "assets"):
            names.append(field.zh)
        kind = field.kind
        obj = kind.model if hasattr(kind, "model") else None
    _LABELS[path] = " ".join(names)
    return _LABELS[path]


def missing_for_kind(report: Report, written) -> list[tuple[tuple, str]]:
    """What the file's kind needs and the schema cannot say alone: a narrative needs its scores,
    a project its form. `written`: the paths the file wrote a value at. (path, message) for each."""
    if report.form is None and ("scores",) not in written:
        if report.kind == "project":
            return [(("form",), "缺少必填字段 form（绩效自评表）：项目支出（kind: project）按自评表填写。")]
        return [(("scores",), "缺少必填字段 scores（各项指标自评）：自评报告须逐项填写得分；"
                              "只填全国通用的自评表的，请写 form（绩效自评表）。")]
    return []
