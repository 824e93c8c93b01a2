"""The kinds of body a name ends with ("某县财政局", "某县第一中学", "某县采茶剧团"), read from the vocabulary's cue
classes organ_kind, court_kind, institution_kind, institution_named, enterprise_kind, school_kind and opening_kind —
a county adds its own kinds there ("管委会", "服务社") — and the patterns made of them that tell another body from
the department: a body named by its place and kind anywhere, a name that opens a sentence, the department's own
name shortened.

Every pattern is bounded (no unbounded repeat runs over a text: the reader stays linear in it)."""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

# kinds too short to tell a body after a place name everywhere: "市场部", "县委办" are that often, "全部"/"内部" and
# "协办" never — they count only where a name opens its sentence (opening) or ends the words before a figure (unit)
_TOO_SHORT_ANYWHERE = frozenset({"部", "办"})
_TOO_SHORT_FOR_A_UNIT = frozenset({"部"})


def kinds_pattern(*groups: Iterable[str]) -> str:
    """An alternation of the kinds in `groups`, longest first (so "总局" is taken before "局")."""
    return "|".join(re.escape(k) for k in sorted({k for g in groups for k in g}, key=len, reverse=True)) or "(?!)"


class Bodies:
    """The body kinds of one vocabulary, and the patterns built of them."""

    def __init__(self, words: Mapping[str, set[str]]):
        def kinds(cls: str) -> frozenset[str]:
            return frozenset(words.get(cls, ()))

        self.organs = organs = kinds("organ_kind")            # organs of government: 局, 委, 办公厅 …
        courts, schools, enterprises = kinds("court_kind"), kinds("school_kind"), kinds("enterprise_kind")
        institutions = kinds("institution_kind")              # public institutions: 医院, 中心, 站, 所 …
        named = kinds("institution_named")                    # those whose kind tells a body anywhere: 医院, 大学
        self.opening = organs | courts | institutions | named | enterprises | schools | kinds("opening_kind")
        # A body named by its place and kind ("北京市公安局", "眉山市人民检察院", "国家税务总局"), or units counted
        # ("88家单位"), or a school by its number ("县一中"): another subject than the department, whose own name was
        # written 本部门 before reading (reader.own_names). Bounded repeats: one pass over the text.
        self.body = re.compile(
            r"(?:国家|中央|(?<![\u4e00-\u9fff])(?:省|市|县|区|州|旗)|[\u4e00-\u9fff]{1,6}?(?:省|市|县|区|州|旗))[\u4e00-\u9fff]{0,8}?"
            r"(?:" + kinds_pattern(organs - _TOO_SHORT_ANYWHERE, courts, named, schools, enterprises)
            + r")(?<!部署)(?<!签署)(?:办公室)?(?![\u4e00-\u9fff]{0,1}(?:属|级)|门)"
            # ("县政府工作部门": a kind of body, no name; "根据全市统一部署": 署 of a verb, no body's)
            r"|(?<=[0-9][家个])(?:中央|省级|市级|县级)?(?:单位|部门|部委|机关)"
            r"|(?:(?<![\u4e00-\u9fff])(?:市|县|区|旗)|[\u4e00-\u9fff]{1,6}?(?:市|县|区|旗))[一二三四五六七八九十]中(?![学心专华国])")
        # a name of any kind that opens its sentence ("某县采茶剧团2023年收入…", "第一中学编制人数56人")
        self.opening_name = re.compile(r"[\u4e00-\u9fff（）()]{1,20}?(?:" + kinds_pattern(self.opening) + ")")
        # a name said to be a kind of unit, or when and where it was set up ("博才幼儿园是一所民办幼儿园", "…卫生院始建于
        # 1984年", "县中小企业服务中心为二级预算单位"), or what it has ("维西县总工会现有职能部门…", "…中心内设3个股室",
        # "殡仪馆设置办公室、…6个内设机构")
        self.described = re.compile(r"[\u4e00-\u9fff（）()]{1,20}?(?:" + kinds_pattern(self.opening)
                                    + ")(?=是(?:一所|一家|一个|由)|系|属于|隶属于|始建于|创办于|创建于|成立于|组建于|位于|坐落于"
                                    r"|为[^，。；,;]{0,16}?(?:单位|机构)|现有|共有|内设|下设|设有|设置|设立)")
        # a name of its place and kind opening a sentence, then words of its staff or money the vocabulary may not
        # know ("梧州市老年人体育协会全额事业编制 2人，…"): the sentence is about that body
        self.placed = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:省|自治区|市|州|盟|县|区|旗)[\u4e00-\u9fff（）()]{1,16}?(?:"
                                 + kinds_pattern(self.opening) + r")(?=[\u4e00-\u9fff]{0,4}?(?:"
                                 + kinds_pattern(kinds("about_body")) + "))")
        # a body's name ends with its kind ("清华大学", "某县总工会"); a thing's does not ("基本养老保险基金", "项目")
        self.body_end = re.compile("(?:" + kinds_pattern(self.opening) + ")$")
        # another place or level, or a named body (ending in its kind): whose figure a target's name after it is not
        self.not_local = re.compile(r"^(?:全国|全省|全市|全区|全县|全州|全盟|全旗|全镇|全乡|各县|各镇|各乡镇|省级|市级|中央|地方)$"
                                    r"|(?:省|市|司|院|" + kinds_pattern(organs, courts) + ")$")
        # words that name a unit (a company, a school, a bureau), not a scope (全县, 辖区) or a thing (项目, 企业)
        self.unit_kind = re.compile(r"(?:单位|" + kinds_pattern(organs - _TOO_SHORT_FOR_A_UNIT, institutions, named,
                                                                 enterprises) + ")$")
        # the last character of a three-character name that is a body's ("教育部", "审计署", "林业局"): short, but a name
        self.kind_ends = "".join(k for k in organs if len(k) == 1) + "院"
        # a shortened form of a body's name: where it is, then what it is ("县工信局" of "阳西县工业和信息化局")
        self.short = re.compile(r"(?:[\u4e00-\u9fff]{0,4}?(?:省|市|县|区|州|旗))?[\u4e00-\u9fff]{1,6}?(?:"
                                + kinds_pattern({k for k in organs if len(k) == 1},
                                                ("院", "中心", "站", "所", "馆", "会", "办公室", "政协")) + ")")

    def names_a_body(self, words: str) -> bool:
        """Whether the words are a body named by its place and kind ("区财政局", "县城市管理执法大队")."""
        return self.body.fullmatch(words) is not None
