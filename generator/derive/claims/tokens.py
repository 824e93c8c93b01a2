"""Text → tokens: figures (value, unit, written precision, span), years and dates, the vocabulary's
words (each with what it means), and the punctuation that bounds clauses and sentences.

One pass of one regular expression over the text. Every part of it is bounded (a figure's digits,
a unit from a list, a word from the vocabulary's trie), so it runs in time linear in the text.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ...core.numbers import MAX_DIGITS, ascii_digits

MONEY = {"元": Decimal("0.0001"), "千元": Decimal("0.1"), "万元": Decimal(1), "亿元": Decimal(10000)}
CURRENCY = {"亿美元", "万美元", "美元"}
COUNTS = ("人次", "家次", "户次", "场次", "批次", "人", "名", "个", "家", "项", "座", "件", "户", "场", "批", "次", "辆", "台",
          "套", "篇", "亩", "期", "处", "条", "所", "平方米", "平米", "㎡")
PERCENT = ("%", "％")
POINTS = ("个百分点", "百分点")
_UNITS = sorted(list(MONEY) + list(CURRENCY) + list(COUNTS) + list(PERCENT) + list(POINTS) + ["‰", "倍"],
                key=len, reverse=True)
CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}

SENTENCE = "。！？!?\n"
CLAUSE = "，,；;：:"
ENUM = "、"
OPEN = "（(［["
CLOSE = "）)］]"

_FIXED = (
    r"(?P<date>(?:19|20)[0-9]{2}\s?[-/.]\s?[0-9]{1,2}\s?[-/.]\s?[0-9]{1,2}"
    r"|[0-9]{1,2}(?:\s?[-—～~至到]\s?[0-9]{1,2})?\s?月(?:份)?(?:[0-9]{1,2}\s?日)?(?:前|底|末|初|中旬|上旬|下旬)?"
    r"|(?:元|元月|年初)\s?[-—～~至到]\s?[0-9]{1,2}\s?月(?:份)?(?:底|末)?"
    r"|[0-9]{1,2}\s?日|第\s?[0-9〇一二三四五六七八九十百]{1,6}|[0-9]{1,2}\s?(?:季度|时|点|分钟))"
    # ("2023年初结转和结余35.02万元": the year, then the label 年初结转和结余 whole)
    r"|(?P<year>(?:19|20)[0-9]{2})(?:(?=年[初末](?:结转|结余))|\s?年(?:度)?(?P<yend>末|底|初)?"
    r"|(?<![0-9.,][0-9]{4})(?=本年|全年))"
    r"|(?P<num>(?<![0-9.,])(?:[0-9]{1,3}(?:,[0-9]{3})+"
    # "788 032.41万元": groups of three parted by a space (a thin one, as print sets it) — only before money
    r"|[0-9]{1,3}(?:[ \u00a0\u2009\u202f][0-9]{3}){1,4}(?=(?:\.[0-9]{1,12})?[ \t]{0,3}(?:万元|亿元|千元|元))"
    # "1，305.93万元": the full-width comma typed for the thousands' — only before money, three digits after it
    r"|[0-9]{1,3}(?:，[0-9]{3}){1,4}(?=(?:\.[0-9]{1,12})?[ \t]{0,3}(?:万元|亿元|千元|元))"
    # ("2.2022年我局经费收入…": an item's number before a year, not 2.2022)
    r"|[0-9]{1,20})(?:\.(?!(?:19|20)[0-9]{2}\s?年)[0-9]{1,12})?)(?![0-9])\s{0,3}(?P<unit>"
    + "|".join(map(re.escape, _UNITS)) + r"|万(?![\u4e00-\u9fff])|亿(?![\u4e00-\u9fff]))?"
    r"|(?P<cn>(?<![〇零一二两三四五六七八九十百千])[〇零一二两三四五六七八九十百千]{1,6})(?P<cunit>"
    + "|".join(map(re.escape, [u for u in COUNTS if len(u) == 1])) + r")"
    r"|(?P<p>[" + re.escape(SENTENCE + CLAUSE + ENUM + OPEN + CLOSE) + r"])"
)


class Token:
    """One token: kind is num, year, date, word or punct; `means` lists what a word stands for
    (("fact", path), ("col", "budget"), ("up", None) …)."""

    __slots__ = ("kind", "start", "end", "text", "value", "unit", "means", "end_of_year")

    def __init__(self, kind: str, start: int, end: int, text: str, value=None, unit="", means=(), end_of_year=False):
        self.kind, self.start, self.end, self.text = kind, start, end, text
        self.value, self.unit, self.means, self.end_of_year = value, unit, means, end_of_year

    def __repr__(self):
        return f"<{self.kind} {self.text!r} {self.means or ''}>"

    def has(self, what: str) -> bool:
        return any(m[0] == what for m in self.means)

    def get(self, what: str):
        return next((v for k, v in self.means if k == what), None)


def mask_references(text: str) -> str:
    """`{{ 引用 }}` and `{% … %}` are facts already: blank them, positions unchanged. A scan, not a
    regular expression, so fifty thousand unclosed `{{` cost one pass."""
    out, i = [], 0
    while True:
        j = text.find("{", i)
        if j < 0 or j + 1 >= len(text):
            break
        close = {"{": "}}", "%": "%}"}.get(text[j + 1])
        if close is None:
            out.append(text[i:j + 1])
            i = j + 1
            continue
        k = text.find(close, j + 2)
        if k < 0:
            break
        out.append(text[i:j])
        out.append(" " * (k + 2 - j))
        i = k + 2
    out.append(text[i:])
    return "".join(out)


def compile_tokenizer(trie: str, first: str = "") -> re.Pattern:
    """The one pattern of a tokenizer for long texts. `first` holds every character a word may start
    with: one character-set test then rejects a position before the trie's hundreds of branches are
    tried."""
    if not trie:
        return re.compile(_FIXED)
    chars = "".join(sorted(set(first)))
    return re.compile(_FIXED + f"|(?=[{re.escape(chars)}])(?P<word>{trie})")


def compile_scanner(first: str) -> re.Pattern:
    """The pattern of a tokenizer for ordinary texts: the fixed tokens, or a character a word may
    start with (the word itself is then found by walking the trie). It compiles in a millisecond,
    where the pattern with the whole trie takes tens: most runs read a few pages, not a megabyte."""
    chars = "".join(sorted(set(first)))
    return re.compile(_FIXED + (f"|(?P<first>[{re.escape(chars)}])" if chars else ""))


# Above this many characters the whole-trie pattern is compiled: its cost is then small against the
# text, and the regular-expression engine walks the trie faster than Python does.
LONG_TEXT = 20_000


def _walk(trie: dict, text: str, start: int) -> int:
    """The end of the longest word of the trie at `start`, or -1."""
    node: dict | None
    node, i, end, n = trie, start, -1, len(text)
    while i < n:
        node = node.get(text[i])
        if node is None:
            break
        i += 1
        if "" in node:
            end = i
    return end


def _matches(text: str, lex):
    """(kind, start, end, match) for each token, leftmost first; a fixed token wins at its position."""
    if len(text) > LONG_TEXT:
        for m in lex.tokenizer.finditer(text):
            yield m.lastgroup, m.start(), m.end(), m
        return
    scanner, trie, pos, n = lex.scanner, lex.trie, 0, len(text)
    while pos < n:
        m = scanner.search(text, pos)
        if m is None:
            return
        kind = m.lastgroup
        if kind == "first":
            s = m.start()
            e = _walk(trie, text, s)
            if e < 0:
                pos = s + 1
                continue
            yield "word", s, e, None
            pos = e
        else:
            yield kind, m.start(), m.end(), m
            pos = m.end() if m.end() > m.start() else m.start() + 1


def _joined_label(text: str, start: int, word: str, labels) -> str:
    """The label that the one to four Chinese characters before the space at `start` - 1 make with `word`, or ""."""
    for k in (4, 3, 2, 1):
        head = text[max(0, start - 1 - k):start - 1]
        if len(head) == k and all(is_han(ch) for ch in head) and head + word in labels:
            return head + word
    return ""


_GLUED = (("glued", None),)
_SELF = (("self", None),)


def _split_first(text: str, s: int, word: str, lex) -> str:
    """The word `word` at `s` makes with the character before it and the one before a space before that ("基 本支出"),
    if that is a word of the vocabulary; ""."""
    if s > 2 and text[s - 2] in " \u3000" and is_han(text[s - 3]) and is_han(text[s - 1]) and is_han(word[0]):
        joined = text[s - 3] + text[s - 1] + word
        return joined if joined in lex.meanings else ""
    return ""


# what a headcount word right before it draws up, as a verb ("编制部门预算", "编制决算")
_DRAWN_UP = re.compile("(?:(?:19|20)[0-9]{2}年度?)?(?:部门预算|部门决算|预算|决算|计划|方案|规划|报告)")


def _after_a_label(text: str, s: int, word: str, lex, label_end: int) -> tuple | None:
    """What a word right after a fact's label means there, where that differs from what it means alone; or None."""
    if s == label_end and word in lex.suffixes:
        return ()       # "公务接待费支出": 支出 only ends the label before it
    if word in lex.column_totals and label_end >= 0 and (s == label_end or text[label_end:s] in lex.suffixes):
        # "基本支出预算规模775.20万元": a total named by its column ("预算规模"), right after a line's name (and its
        # plain head: "项目支出预算规模"), is that line's column
        return tuple(m for m in lex.meanings.get(word, ()) if m[0] == "col")
    if s == label_end and word in lex.source_totals:
        # "基本支出财政拨款支出845.92万元": the line's spending from that source — the source's word, not its total
        return lex.source_totals[word]
    return None


def _label(text: str, s: int, e: int, word: str, lex, out: list[Token], word_end: int, label_end: int,
           glued_column: int = -1) -> tuple:
    """(start, word, meanings, where the last label ended) of a word that is a fact's label."""
    means = lex.meanings.get(word, ())
    after = _after_a_label(text, s, word, lex, label_end)
    if after is not None:
        return s, word, after, label_end
    if s == glued_column and word in lex.suffixes:
        # "机关运行经费预算支出5619.31万元": a column word glued to another noun, and the plain head after it — that
        # noun's spending, not the department's
        return s, word, _GLUED, label_end
    split = _split_first(text, s, word, lex)
    if split:
        # "基 本支出731.25万元": a word broken by a space one character in (text copied from a PDF) — the whole word,
        # not "本" and a plain "支出"
        while out and out[-1].start >= s - 3:
            out.pop()
        return s - 3, split, lex.meanings.get(split, ()), e
    if s > 0 and s != word_end and is_han(text[s - 1]) and is_han(word[0]) and not lex.allowed_before(text, s) \
            and not (text[s - 1] == "等" and word not in lex.suffixes):
        # ("交通费、住宿费、用餐费等公务接待费预算3.5万元": after 等, the name of the kind the examples are of — its own)
        # "营业收入": another's income; "准确编制": a verb, not a headcount
        return s, word, () if word in lex.verbs else _GLUED, label_end
    if s > 1 and text[s - 1] in " \u3000" and is_han(text[s - 2]) and is_han(word[0]):
        joined = _joined_label(text, s, word, lex.labels)
        if joined:
            # "项目 支出2,400.00万元", "离 退休人数49人": a word broken by a space (text copied from a PDF) is the
            # word it makes with the characters before the space (the words read in them are dropped)
            s = s - 1 - (len(joined) - len(word))
            while out and out[-1].start >= s:
                out.pop()
            return s, joined, lex.meanings.get(joined, ()), e
        if s - 1 != word_end and not lex.allowed_before(text, s - 1) and not (word in lex.verbs and len(word) >= 4):
            # "事业 收入2,640.50万元": as glued to the word before the space (not a long name of people: "单位名称 经费性质
            # 人员编制数 在职人数", a table's head row written out, names a column)
            return s, word, () if word in lex.verbs else _GLUED, label_end
    return _headcount_word(text, s, e, word, means, lex, label_end, out)


def _headcount_word(text: str, s: int, e: int, word: str, means: tuple, lex, label_end: int, out: list[Token]) -> tuple:
    """(start, word, meanings, where the last label ended) of a label by what its neighbours are: a word of people
    followed by 费 or 金 is money paid to them; 编制 followed by a document, or right after a column word, is a verb."""
    if text[e:e + 1] in ("费", "金") and any(k == "fact" and v.startswith("department.staffing.") for k, v in means):
        return s, word, _GLUED, e       # "退休费260.21万元", "离休金": money paid to those people, not a headcount
    if word in lex.verbs and word.endswith("编制") and _DRAWN_UP.match(text, e, e + 16):
        return s, word, (), label_end   # "编制部门预算时…": drawing up a document, not a headcount
    if word in lex.verbs and word.endswith("编制") and out and out[-1].kind == "word" and out[-1].end == s \
            and any(m[0] == "col" for m in out[-1].means) and not text[e:e + 2].lstrip(" \t\u3000")[:1].isdigit():
        # "按不高于2022年支出控制数编制，合计…": drawn up by a budget's figure, not a headcount (a count right after it
        # is one: "纳入部门预算编制68人")
        return s, word, (), label_end
    return s, word, means, e


# figures and tokens in one text: a report's longest section has a few hundred figures and a few thousand tokens;
# past these the text is not a report's, and the rest of it is neither tokenized nor read (a last token of kind
# "cut" says where and why: the reader records it as unread)
MAX_TEXT_FIGURES = 3000
MAX_TEXT_TOKENS = 50_000


def cut_at(start: int, end: int, text: str = "", why: str = "") -> Token:
    """The last token of a text read only up to a limit: where, and why (explain shows it as unread)."""
    return Token("cut", start, end, text, (why or "这段文字太长") + "，多于任何报告的一段：其后的文字不读")


def _self_or_other(means: tuple, s: int, out: list[Token]) -> tuple:
    """"县财政局本级支出": a word for the department's own level ("局本级") right after another body's name ends that
    name — the other body's own level."""
    return _OTHER if means == _SELF and out and out[-1].end == s and out[-1].means == _OTHER else means


def tokenize(text: str, lex) -> list[Token]:
    """The tokens of one text. A word that is a fact's label but stands glued to another noun
    ("营业收入", "专项项目支出") is the other noun's: it is marked ("glued", None)."""
    text = ascii_digits(mask_references(text))
    meanings, labels, rough, rest = lex.meanings, lex.labels, lex.rough, lex.rest
    out: list[Token] = []
    append = out.append
    word_end = -1                       # where the last word (or figure) ended: a label right after it is not glued
    label_end = -1                      # where the last label ended
    glued_column = -1                   # where the last column word glued to an unknown noun ended
    value: Decimal | int | None
    figures = 0
    for kind, s, e, m in _matches(text, lex):
        if figures >= MAX_TEXT_FIGURES or len(out) >= MAX_TEXT_TOKENS:
            append(cut_at(s, e, text[s:e], f"这段文字已有 {MAX_TEXT_FIGURES} 个数" if figures >= MAX_TEXT_FIGURES else ""))
            break
        if kind == "p":
            append(Token("punct", s, e, text[s:e]))
        elif kind == "word":
            word = text[s:e]
            means = meanings.get(word, ())
            if means is rough and not (out and out[-1].kind == "num" and s - out[-1].end <= 1):
                continue                # "余" "以上" only say a figure is rough; "其余收入" is not 其余 + 收入
            if word in labels:
                s, word, means, label_end = _label(text, s, e, word, lex, out, word_end, label_end, glued_column)
            elif means and all(k == "col" for k, _ in means) and s > 0 and s != word_end and text[s - 1] in "费金":
                glued_column = e        # (after a fee's name: "会议费预算支出"; "综合预算支出" is still a budget's)
            append(Token("word", s, e, word, None, "", _self_or_other(means, s, out)))
            if word not in rest:
                word_end = e            # (but "其他固定资产" is not 其他 + the fact: the label after 其他 is glued)
        elif kind == "num" or kind == "unit":
            value = _decimal(m.group("num"))
            if value is not None:
                unit = m.group("unit") or ""
                if unit in ("万", "亿"):
                    unit += "元"        # "公务接待费6万。", "预算总数37.97亿，": 万/亿 alone at the end of a phrase
                append(Token("num", s, e, m.group(), value, "%" if unit == "％" else unit))
                figures += 1
                word_end = e            # "746.50万元上年结转8.01": a figure's unit ends it, the label after is not glued
        elif kind == "cunit":
            value = chinese_number(m.group("cn"))
            if value is not None and not _in_a_name(text, s, m.group("cunit")):
                append(Token("num", s, e, m.group(), Decimal(value), m.group("cunit")))
                figures += 1
                word_end = e            # "等十个内设股室": as after "10个"
        elif kind in ("year", "yend"):
            append(Token("year", s, e, m.group(), int(m.group("year")), end_of_year=bool(m.group("yend"))))
        elif kind == "date":
            append(Token("date", s, e, m.group()))
    return _with_bodies(text, out, lex.cues)


# a body's kind after a Chinese numeral: "研究一所、研究二所", "刑侦一处" name bodies by number — no count, unless a word
# that counts comes right before ("下设三所", "共两处")
_NUMBERED_KINDS = frozenset("所处队科室股站院")
_COUNT_LEAD = frozenset("有设共计为是和及含括辖属等即约近余下内个第、，,：: \t\u3000")


def _in_a_name(text: str, at: int, unit: str) -> bool:
    """Whether a Chinese numeral and a body's kind at `at` are part of a name ("研究一所"), not a count."""
    return unit in _NUMBERED_KINDS and at > 0 and "\u4e00" <= text[at - 1] <= "\u9fff" and text[at - 1] not in _COUNT_LEAD


def in_brackets(text: str, start: int, at: int) -> bool:
    """Whether position `at` stands inside a bracket opened after `start` (the window a caller bounds: a hostile text
    stays linear)."""
    before = text[start:at]
    return sum(before.count(ch) for ch in OPEN) > sum(before.count(ch) for ch in CLOSE)


# a body named in a phrase about what the department did ("根据市工信局的部署", "会同统计局"): not the subject
_BODY_BEFORE = re.compile(r"(?:根据|按照|依据|依照|围绕|在|经|向|由|与|和|及|会同|配合|协助|联合|报|接受|、)$")
# "北京市卫生健康委员会宣传教育中心": the body only qualifies a longer name — a unit of its own, which may be the
# department itself describing where it belongs
# ("楚雄市某中学是一所…": a name does not go on past a copula or a numeral — 所 there counts schools — nor past
# 由/经/向/对: "阿坝县公安局由县编办核定…" names the body that approved)
_NAME_GOES_ON = re.compile(r"(?:(?![是为系一两由经向对])[\u4e00-\u9fff]){0,8}?(?:中心|馆|站|所|院|队|处|科|室|办|会)")
_BODY_LEAD = re.compile(r"根据|按照|依据|依照|围绕|在|经|向|由|与|和|及|会同|配合|协助|联合|接受")
_OTHER = (("other", None),)
_NEUTRAL = (("neutral", None),)
# the department's own word, where a name of another body is taken to begin ("我局经县编委核定"): the name is after it
_SELF_WORD = "(?:我|本)(?:局|委|办|厅|院|部|会|单位|部门|中心|站|所|馆|队)"
_SELF_LEAD, _SELF_END = re.compile(_SELF_WORD), re.compile(_SELF_WORD + "$")


def _with_bodies(text: str, tokens: list[Token], cues) -> list[Token]:
    """The tokens with each named body as one word meaning another subject, in place of the words inside it (not a
    body whose requirement the department followed, or whose money it spent: the vocabulary's cues)."""
    after = cues.body_after
    spans = []
    for m in cues.bodies.body.finditer(text):
        start = m.start()
        if (own := _SELF_LEAD.match(m.group())) is not None:
            # "我局经县机构编制委员会核定…": the department's own word, then the name (here after 经: not a subject)
            start += own.end()
        while start < m.end() - 2 and text[start] in "年度" and start > 0 and (text[start - 1].isdigit() or text[start - 1] == "年"):
            start += 1          # "2023年佛山市轨道交通局…": the year's 年 (and 度) before the name are the year's
        name = text[start:m.end()]
        if _SELF_END.search(name) or in_title(text, start):
            # "县财政下达我局…": the department's own word ends the match — no body's name; "根据《平远县财政局关于…的
            # 批复》": a body in a document's title names the document, not the subject of the figures after it
            continue
        if "本部门" in name or _BODY_LEAD.match(name) or _BODY_BEFORE.search(text, max(0, start - 2), start) \
                or _NAME_GOES_ON.match(text, m.end()):
            continue
        if (agent := after.match(text, m.end()) or (cues.approver.search(name) and cues.approves.match(text, m.end()))):
            # "县财政局批复我局…预算X万元", "县编委核定行政编制22人": the body that approved or required it, the
            # figures after are the department's — one neutral word, so no part of the name is read as another
            spans.append((start, agent.end(), _NEUTRAL))
        else:
            spans.append((start, m.end(), _OTHER))
    spans += _units_named(text, cues, spans)
    return as_words(text, tokens, spans, keep_figures=True)


# "设下属事业单位1个（即：县招商投资服务中心），编制7名": the department's units counted, then named in a bracket —
# a unit of its own, whatever its kind ("中心" elsewhere is too common to tell a body by): cues.units_bracket
_NAME_IN_BRACKET = re.compile(r"[\u4e00-\u9fff]{2,24}")


def in_title(text: str, at: int) -> bool:
    """Whether `at` is inside 《…》 (opened within the 80 characters before it)."""
    lo = max(0, at - 80)
    return text.rfind("《", lo, at) > text.rfind("》", lo, at)


def units_named_at(units_bracket: re.Pattern, text: str, end: int) -> bool:
    """Whether a bracket naming the department's units counted right before it ends at `end`."""
    m = units_bracket.search(text, max(0, end - 120), end)
    return m is not None and m.end() == end


def _units_named(text: str, cues, taken: list[tuple]) -> list[tuple]:
    """The names, in a bracket after the department's units counted, that end with a kind of body."""
    out, body_end = [], cues.bodies.body_end
    for m in cues.units_bracket.finditer(text):
        for n in _NAME_IN_BRACKET.finditer(text, m.start(1), m.end(1)):
            if body_end.search(n.group()) and "本部门" not in n.group() \
                    and not any(a < n.end() and n.start() < b for a, b, _ in taken):
                out.append((n.start(), n.end(), _OTHER))
    return out


# Any kind of public body, for a name that opens its sentence ("某县采茶剧团2023年收入…", "第一中学编制人数56人"):
# there the name is the sentence's subject, and a kind too short to tell elsewhere ("台", "社", "场") is safe to read
# (the kinds: the vocabulary's, see bodies.py).
# words that open a sentence without naming anyone ("全局", "其中", "该中心" of a body named before)
_NOT_A_NAME = re.compile("本|我|全|其|该|各|此|上述|以上|下属|所属|直属|部门|单位|核定|下达|批复|根据|按照")
# what may stand before a sentence's subject: spaces, an item's number, a bracket
OPENING_LEAD = " \t\u3000\n0123456789.．、（）()一二三四五六七八九十"


def with_opening_bodies(text: str, tokens: list[Token], bodies, names=(), labels=frozenset()) -> list[Token]:
    """The tokens with a body's name that opens its sentence made one word meaning another subject, where the name
    runs straight into a year or a fact's name: "某县图书馆2023年度收入总计…", "天水市科协现有职工25人" — a sentence
    about that body, whatever its kind. Not a name the department's own ends with ("文化馆" of 某县文化馆), and only
    for a department whose name the facts give (without it, any name might be its own)."""
    if not any(names):
        return tokens
    spans: list[tuple] = []
    start, first, fresh = 0, True, True
    for tok in tokens:
        if tok.kind == "punct" and tok.text in SENTENCE:
            start, first, fresh = tok.end, True, True
            continue
        if not first or tok.start - start > _NAME_REACH:
            first = False       # (a name that opens a sentence is short: the rest of a long one is not looked at)
            continue
        if tok.kind in ("num", "punct") and tok.end <= _name_start(text, start, start + _LEAD_REACH):
            continue            # an item's number before the name ("1、三汇中学…")
        lead = _name_start(text, start, tok.start)
        if fresh:
            fresh = False
            if _described(text, lead, names, spans, bodies.described) or _described(text, lead, names, spans, bodies.placed):
                first = False
                continue
        # (a fact's name glued to the body's is no longer read as the fact's: "税务局编制人数")
        opens = tok.kind == "year" or (tok.kind == "word" and (tok.has("fact") or tok.text in labels))
        if not opens:
            # inside a name: words of no meaning or another body's, an ordinal ("第一中学"), brackets — not a word
            # of the department's or a verb ("核定我局…", "县财政局下达我局…": no name opens those sentences)
            first = (tok.kind == "word" and all(k == "other" for k, _ in tok.means)) \
                or (tok.kind == "date" and tok.text.startswith("第")) or (tok.kind == "punct" and tok.text in OPEN + CLOSE)
            continue
        first = False
        name = text[lead:tok.start]
        # ("三汇中学（本级）财政拨款收入…": the name, then a bracket saying which part of it)
        bare = _QUALIFIER_AFTER.sub("", name)
        if bodies.opening_name.fullmatch(bare) and _another_name(bare, names):
            spans.append((lead, tok.start, _OTHER))
    return as_words(text, tokens, spans)


_QUALIFIER_AFTER = re.compile(r"[（(][\u4e00-\u9fff]{1,6}[）)]$")


# how far into its sentence a name that opens it may reach, and the leading marks before it
_NAME_REACH = 48
_LEAD_REACH = 12


def _name_start(text: str, start: int, end: int) -> int:
    """Where a sentence's words begin after its leading spaces, item number and brackets (a few characters at most)."""
    i, stop = start, min(end, start + _LEAD_REACH, len(text))
    while i < stop and text[i] in OPENING_LEAD:
        if text[i] in _HAN_NUMERALS and not _numbering_at(text, i, stop):
            break               # ("三汇中学": a name that begins with a numeral, not "三、")
        i += 1
    return i


_HAN_NUMERALS = "一二三四五六七八九十"


def _numbering_at(text: str, i: int, stop: int) -> bool:
    """Whether the Han numerals at `i` number an item ("三、", "（十二）"), ending in a mark before `stop`."""
    while i < stop and text[i] in _HAN_NUMERALS:
        i += 1
    return i < len(text) and text[i] in "、.．）)"


def _described(text: str, at: int, names, spans: list, described: re.Pattern) -> bool:
    """At a sentence's words: a body's name said to be a kind of unit or set up somewhere, some time ("博才幼儿园是一所
    创办于2014年的民办幼儿园"): the sentence is about it (its span added to `spans`: True)."""
    m = described.match(text, at, at + 32)
    if m is None:
        return False
    if not _another_name(m.group(), names):
        return False
    spans.append((m.start(), m.end(), _OTHER))
    return True


def _another_name(name: str, names) -> bool:
    """Whether words that open a sentence name a body other than the department: not words that name no one
    ("全局", "该中心"), not the department's own name or the end of it ("文化馆" of 某县文化馆)."""
    return not _NOT_A_NAME.match(name) and "本部门" not in name and not any(n and n.endswith(name) for n in names)


def as_words(text: str, tokens: list[Token], spans: list[tuple], keep_figures: bool = False) -> list[Token]:
    """The tokens with each span (start, end, meaning), in order and apart, made one word of that meaning in place
    of the tokens inside it. `keep_figures`: a span with a figure inside is left as it was (a figure is not part of a
    body's name; it may be of a target's: "5G基站建设") — not an ordinal read as a date ("县第一中学")."""
    if not spans:
        return tokens
    out: list[Token] = []
    i = 0
    for s, e, means in spans:
        while i < len(tokens) and tokens[i].end <= s:
            out.append(tokens[i])
            i += 1
        inside = []
        while i < len(tokens) and tokens[i].start < e:
            inside.append(tokens[i])
            i += 1
        if keep_figures and any(t.kind not in ("word", "date") for t in inside):
            out.extend(inside)
            continue
        out.append(Token("word", s, e, text[s:e], None, "", means))
    out.extend(tokens[i:])
    return out


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _decimal(text: str) -> Decimal | None:
    digits = "".join(ch for ch in text if ch.isdigit() or ch == ".")
    if len(digits) - ("." in digits) > MAX_DIGITS:
        return None                 # thirty digits are a slip, not a figure to check
    try:
        return Decimal(digits)
    except InvalidOperation:       # pragma: no cover - the pattern admits only numbers
        return None


def chinese_number(text: str) -> int | None:
    """一 … 九千九百九十九 (两 for 二, 十二 and 一十二 alike); None for a run that is not a number."""
    total, digit = 0, None
    for ch in text:
        if ch in CN_DIGITS:
            if digit is not None:
                return None             # 二三: not a number as written in prose
            digit = CN_DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
    return total + (digit or 0)


# the words naming a base, its year and column, right before its figure: "164.89万元，较2022年决算数73.92增加90.79万元"
# (a base with its unit left out takes the amount's, see with_units_of_bases; stated.py checks the change on it)
BASE_BEFORE = re.compile(r"(?:较|比)[ \t\u3000]*(?:上年度?|去年|(?:19|20)[0-9]{2}[ \t\u3000]*年度?)(?:同期)?"
                         r"(?:决算|预算|执行|实际支出)?数?的?[ \t\u3000]*$")
_CHANGE_AFTER = re.compile(r"[ \t\u3000]*(?:增加|减少|增长|下降|增|减|多|少)")


# the words of a table's row of people written out as a sentence, right before its figure: "编制人数小计32，其中：行政编制人数22"
_PEOPLE_ROW = re.compile(r"人数(?:小计|合计|总计)?[ \t\u3000]*(?:为|是|：|:)?[ \t\u3000]*$")


def with_units_of_bases(text: str, tokens: list[Token]) -> list[Token]:
    """The tokens with a base written without its unit ("较2022年决算数73.92增加…") given the unit of the amount before it
    in its sentence: the base of a comparison is in the amount's unit; and a whole number right after 人数 (a table's row
    written out: "退休人数小计85，遗属人数16人") a count of people."""
    last_money: Token | None = None
    for i, tok in enumerate(tokens):
        if tok.kind == "punct" and tok.text in SENTENCE:
            last_money = None
        elif tok.kind == "num" and not tok.unit and "." not in tok.text and tok.value is not None \
                and _PEOPLE_ROW.search(text, max(0, tok.start - 10), tok.start):
            tokens[i] = Token("num", tok.start, tok.end, tok.text, tok.value, "人")
        elif tok.kind == "num" and tok.unit in MONEY:
            last_money = tok
        elif tok.kind == "num" and not tok.unit and last_money is not None and tok.start - last_money.end <= 24 \
                and BASE_BEFORE.search(text, max(0, tok.start - 16), tok.start) \
                and _CHANGE_AFTER.match(text, tok.end):
            tokens[i] = Token("num", tok.start, tok.end, tok.text, tok.value, last_money.unit)
    return tokens

