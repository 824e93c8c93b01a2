"""Where statements end: punctuation, clauses, sentences, paragraphs and headings — what holds on across a
bound (a subject, the year a heading named, a list that goes on) and what ends with it (_Bounds)."""
from __future__ import annotations

import re

from .claim import Claim
from .numbered import ITEM_NUMBER, item_number
from .patterns import _ENUM_ITEM, _HAN_RUN, _YEAR_IN, FUNCTION
from .state import _Lead, _List, _Scope, _State
from .tokens import CLAUSE, CLOSE, ENUM, MONEY, OPEN, SENTENCE, Token, is_han

# the first item of an enumeration in Arabic numerals ("1.", "1、", "（1）", "①"; not "一、", which heads a section)
_FIRST_ITEM = re.compile(r"[ \t\u3000]*(?:1[ \t]?[、.．](?![0-9])|[（(]1[）)]|①)")
# a sentence stating a total: "…收入共计33609.06万元", "支出合计…", "总收入…"
_TOTAL_STATED = re.compile(r"(?:共计|合计|总计|总额|总收入|总支出|收入总|支出总)[^。！？!?]{0,12}?[0-9]")
_LIST_NEXT = re.compile(r"[ \t\u3000\n]*其中")
# a sentence opening on the state at a day ("截至2024年12月31日，…")
_AS_OF_OPENS = re.compile(r"[ \t\u3000]*(?:截至|截止)")
# (so too "报告显示": the report of the body the sentence before named — "财政部公布国家广播电视总局部门预算报告。报告显示，…")
_ANAPHOR = re.compile(r"[ \t\u3000\n]*(?:其[^中]|上述|以上|该|这些|前述|上列|此类|它们|他们|(?:报告|公告|数据|统计)(?:显示|指出|称|表明))")
_NO_DATA = re.compile(r"无(?:上年|[0-9]{4}年度?)?(?:的)?(?:可比)?数据|(?:上年|[0-9]{4}年度?)无(?:可比)?数据|无上年数")
_REASON_GOES_ON = re.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十]是|其次|再次|此外|另外|同时|以及|[0-9一二三四五六七八九十]{1,2}[、.．)）]|[（(][0-9一二三四五六七八九十]{1,2}[）)])")
# a sentence that opens with a comparison with the year before, no year, 本年 or figure before it
_COMPARED_ON = re.compile(r"[ \t\u3000]*(?:[^。；;！？!?\n0-9０-９年]{0,8}?)(?:较|比|与|同)(?:上年|去年|上一年|上年度|上期)")
_GOES_ON = re.compile(r"[ \t\u3000]*(?:此外|另外|其中|同时|并且|其余)")

# the name of a place: a county, city, district, town… ("云县", "汉阳区", "陶辛镇")
_PLACE = re.compile("[\u4e00-\u9fff]{1,6}[省市县区州旗盟镇乡]")
_NOT_PLACES = {"节省", "城乡", "城镇", "下乡"}       # words that end so and name no place ("城乡居民…")
# what a heading of a section of accounts is about
_SECTION = re.compile("情况|决算|预算|收支|经费|收入|支出")
# the end of a heading that names a topic ("项目资金到位情况")
_HEADING_END = re.compile("(?:情况|分析|说明|概况)$")



def _next_line(text: str, at: int) -> int:
    """Where the text goes on after the line break right at `at`, if any (the items of a 其中 list one a line)."""
    m = _LINE_BREAK.match(text, at)
    return m.end() if m is not None else at


_LINE_BREAK = re.compile(r"[ \t\u3000]*\r?\n")
# an item's number where an item opens (after 其中's colon, a full stop, a line break or a semicolon)
_ITEM_OPENS = re.compile(r"[。：:；;\n][ \t\u3000]*(?:[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[、.．]|[①-⑳])")
# what follows 其中 before its first item: a bracket saying how it is classed, a colon ("其中（按项级科目分类统计）：")
_MARKER_TAIL = re.compile(r"^[ \t\u3000]*(?:[（(][^（()）]{0,20}[）)])?[ \t\u3000]*[：:，,]?\s*")
# a sentence of what an item was for, with no figure: "主要用于局本级基本支出。"
_USE_SENTENCE = re.compile(r"[ \t\u3000]*(?:主要)?用于[^0-9０-９。；;！？!?\n]{0,80}[。；;]")

class _Bounds(_State):
    """Punctuation, sentences, clauses and paragraphs."""

    def _gap(self, start: int) -> None:
        prev = self.tokens[self.index - 1] if self.index else None
        for m in _HAN_RUN.finditer(self.text, self.cursor, start):
            if m.group() == "部门" and m.end() == start and (prev is None or prev.kind in ("punct", "year")) \
                    and not self.scope.blocked:
                # "一是2023 年部门年初预算 1747.99 万元": 部门 alone, before a column word, is the department itself
                # (not after another body's name: "韶关市工业和信息化局2023年部门决算支出…")
                self._self_word(Token("word", m.start(), m.end(), m.group()), True)
                continue
            if not FUNCTION.issuperset(m.group()) and m.end() > self.modified_end:
                # (a noun a name said the kind of is in the unknown words already: see _modifies)
                self.lead.unknown = (self.lead.unknown + m.group())[-12:]
                if self.lead.share:
                    self.lead.share_unknown = m.group()
        if prev is None or prev.kind in ("punct", "year"):
            words = self.text[self.cursor:start].strip(" \t\u3000")
            if _PLACE.fullmatch(words) and words not in _NOT_PLACES:
                # "云县2023年“三公”经费…", "汉阳区5,572": a clause that opens with a place's name, right before a
                # year, a figure or a fact's name, is about that place (its government, all its units)
                self.scope.blocked, self.scope.subject, self.scope.label = words, None, ""

    def _punct(self, tok: Token) -> None:
        ch = tok.text
        if ch in SENTENCE:
            self._sentence_mark(tok)
        elif ch in OPEN:
            self._open_bracket()
        elif ch in CLOSE:
            self._close_bracket(tok)
        elif ch in CLAUSE or ch in ENUM:
            self._clause_mark(tok)

    def _sentence_mark(self, tok: Token) -> None:
        ch = tok.text
        if ch == "\n" and self.list is not None and self.list.parts and self._before(tok.start, 1) in ("；", ";"):
            # "其中：\nA x万元，…；\nB y万元，…；\nC z万元。": one item a line, each ending with "；" — the list goes on
            return
        if ch == "\n" and self.list is not None and not self.list.parts and self._before(tok.start, 1) in ("：", ":"):
            # "…376.59万元。其中：\n按支出项目类别：1、…": the items a line ends by announcing are on the next line
            self._paragraph(tok)
            return
        if self.text[self.sentence_start:tok.start].strip(" \t\r\u3000"):
            heading = self._heading(tok.start)
            self._end_clause()
            numbered = self._numbered_items_go_on(tok)
            self._end_sentence()
            if numbered is not None:
                self.list = numbered
            if heading:
                self.scope.fresh = True     # the next sentence's plain words ("支出预算…") are the heading's
        # else "…100万元。\n其中：…": the line break after a full stop ends no sentence of its own — the
        # sentence before is still the one a 其中 list or a heading's subject goes on from
        self.sentence_start = tok.end
        if ch == "\n":
            self._paragraph(tok)

    def _items_by_commas(self) -> bool:
        """Whether the open list of an amount of no known fact (at the sentence's level) has two items or more, parted
        by a comma or 、, not a ；."""
        lst = self.list
        if lst is None or len(self.stack) != 1 or len(lst.parts) < 2 or lst.outer is not None or lst.head.fact is not None:
            return False            # (the department's own lists go on: "…；收入较去年增加…" may be the head's)
        first, second = lst.parts[0], lst.parts[1]
        if first.figure is None or second.figure is None:
            return False
        between = self.text[first.figure.end:second.start]
        return not any(ch in between for ch in "；;\n")

    def _rest_follows(self) -> bool:
        """Whether the clause after this ； opens with the word for the rest of a list ("其他")."""
        nxt = self.tokens[self.index + 1] if self.index + 1 < len(self.tokens) else None
        return nxt is not None and nxt.kind == "word" and nxt.has("rest") \
            and not self.text[self.tokens[self.index].end:nxt.start].strip(" \t\u3000")

    def _inner_list_ends(self) -> bool:
        """"其中，第一产业…293981万元…；第二产业…1350063万元，…，其中工业…1129526万元，…；第三产业…": a 其中 inside an item
        of another subject's list whose items are parted by ；— the inner list ends where its item does."""
        lst = self.list
        if lst is not None and lst.outer is not None and self._aside_of_an_item(lst):
            return True
        if lst is None or lst.outer is None or lst.head.fact is not None or lst.head.figure is None \
                or not lst.outer.parts:
            return False
        outer = lst.outer
        before = [p for p in outer.parts if p is not lst.head and p.figure is not None and p.start < lst.head.start]
        start = before[-1].figure.end if before else outer.head.figure.end if outer.head.figure is not None else -1
        return start >= 0 and any(ch in self.text[start:lst.head.start] for ch in "；;")

    def _aside_of_an_item(self, lst) -> bool:
        """"主要包括：…运行维护973.30万元，其中结转结余220.80万元，用于保障平台运维服务；系统线路租用费40.00万元，…": a 其中
        of no colon inside an item of a list of what things are (包括) — an aside of that item, over at the ；."""
        if lst.outer.marker == "其中" or "包括" not in lst.outer.marker or not lst.parts or lst.head.figure is None \
                or lst.parts[0].figure is None:
            return False
        between = self.text[lst.head.figure.end:lst.parts[0].start]
        return "其中" in between and re.search("其中[ \t\u3000]*[：:]", between) is None

    def _only_its_change(self) -> bool:
        """"政府拨款收入共计7532.81万元。比上年度增加652.31万元，增长9.5%。其中：…": a sentence (ending now) that states
        only how the last sentence's amount changed, nothing else — the amount is still the one a 其中 after it parts."""
        if self.levels or not self.prev_levels or not self.figures_in_sentence:
            return False
        head = self.prev_levels[-1]
        said = [c for c in self.out.claims[-8:] if c.sentence == self.sentence - 1]     # (the count has moved on)
        return len(said) == self.figures_in_sentence and all(
            c.kind in ("change", "rate") and c.fact is not None and c.fact == head.fact for c in said)

    def _one_numbered_item(self) -> None:
        """"具体情况如下：1.基本支出X万元。其中，人员支出…": numbered items each a sentence — the one item is the head
        of the 其中 after it, as an amount of its own would be."""
        lst = self.list
        if lst is not None and lst.outer is None and len(lst.parts) == 1 and lst.marker.endswith("如下"):
            self.levels.append(lst.parts[0])

    def _said_what_it_is(self, tok: Token) -> bool:
        """Whether a reason's clause ("主要是…") holding no figure ends here after an amount of a subject, and the next
        clause opens on a comparison (比上年, 较上年, 同比)."""
        if self.cause_at is None or self.cause_subject[0] is None or len(self.stack) != 1 \
                or any(t.start > self.cause_at and (t.kind == "num" or t.has("up") or t.has("down"))
                       for t in self.tokens[max(0, self.index - 24):self.index]):
            return False        # (not "主要原因：项目支出增加，较上年增加1133.95万元": a reason of a change of its own)
        nxt = self.tokens[self.index + 1] if self.index + 1 < len(self.tokens) else None
        return nxt is not None and nxt.kind == "word" and nxt.has("compare_to") \
            and not self.text[tok.end:nxt.start].strip(" \t\u3000")

    def _back_to_the_amount(self) -> None:
        """"其他收入72.46万元，主要是广告宣传服务收入，比上年增加7.16万元": what the amount is made of, said without a
        figure — the comparison after it is the amount's (its subject before the reason began)."""
        s = self.stack[0]
        s.subject, s.label, s.alts = self.cause_subject
        s.blocked, self.cause_block, self.cause_at = self.cause_block or "", None, None

    def _numbered_items_go_on(self, tok: Token) -> _List | None:
        """"具体情况如下： 1.财政拨款收入X万元，其中政府性基金…。 2.事业收入Y万元。 3.…": a list of numbered items, each
        a sentence, goes on while the next sentence is its next item — taken out here (its inner lists ended) to go on
        after the sentence's end; None when there is no such list or the items end."""
        lst = self.list
        while lst is not None and lst.outer is not None:
            lst = lst.outer
        if lst is None or not lst.parts or not (lst.marker.endswith("如下") or self._numbered_from_first(lst)):
            return None
        at = _next_line(self.text, tok.end) if lst.marker == "其中" else tok.end
        if not _ENUM_ITEM.match(self.text, at, at + 8) and not self._item_after_its_use(tok.end):
            return None
        while self.list is not None and self.list is not lst:
            self._end_list(inner_only=True)
        self.list = None
        return lst

    def _numbered_from_first(self, lst: _List) -> bool:
        """"其中（按项级科目分类统计）：（一）2011301-行政运行483.25万元。主要用于…。（二）…": a 其中 list whose first item
        is numbered right after its marker — the numbered items go on as a list "如下" does."""
        span = self._after_its_marker(lst)
        if span is None:
            return False
        last = lst.parts[-1].figure
        # (one amount an item: "（1）基本支出预算775.2万元，实支763.9万元…" states each item in two columns — no list of parts)
        return _ENUM_ITEM.match(_MARKER_TAIL.sub("", self.text[span[0]:span[1]])) is not None and last is not None \
            and len(_ITEM_OPENS.findall(self.text, span[0] - 2, last.end)) == len(lst.parts)

    def _item_after_its_use(self, at: int) -> bool:
        """Whether the sentence from `at` only says what the item before was for, with no figure ("主要用于局本级基本
        支出。"), and the next item follows it."""
        m = _USE_SENTENCE.match(self.text, at)
        return m is not None and _ENUM_ITEM.match(self.text, nxt := _next_line(self.text, m.end()), nxt + 8) is not None

    def _clause_mark(self, tok: Token) -> None:
        ch = tok.text
        if tok.start == self.stray_comma:
            return                              # "占，88.21%": a stray comma between 占 and its figure
        # "主要包括：A、B、C；": the colon only opens the names, and each 、 only goes on with them
        contents = self.contents if tok.text in ENUM or not self.text[self.contents_end:tok.start].strip() else None
        if ch in "；;" and self.years_series and self.figures_in_sentence == self.figures_at_year:
            # "2022年和2023年，本部门无因公出国（境）经费预算；公务接待费2.60万元": the years named said something of
            # their own, with no figure — the figures after the ； are not theirs in turn
            self.years_series = []
        if contents is None and ch in "，," and self.contents is not None and not self.clause_figures:
            # "主要用于保障在职人员工资福利…等，保障部门正常运转的各项商品服务支出，比2022年增加27.52万元": the description
            # goes on in the next clause — the item's subject holds through it too
            contents = self.contents
        if ch in "，," and self._said_what_it_is(tok):
            self._back_to_the_amount()
        self._end_clause()
        if contents is not None:
            self.contents = contents
        labels = self.lead.labels if ch in ENUM else []
        # "（2022年：1620.77万元）": a year right before a colon is the year of what follows it
        # (so is 上年 right before it: "“项目支出”574.68万元，上年:583.74万元")
        before = self.tokens[self.index - 1] if self.index else None
        year = self.lead.year if ch in "：:" and before is not None and before.end == tok.start and (
            before.kind == "year" or before.has("prior_year")) else None
        # "收入：746.37万元；支出：724.44万元": a name and its figure parted by a colon only
        label = self.lead.label if ch in "：:" and self._names_the_figure_after(tok) else None
        if ch in "；;":
            self._semicolon(tok)
        self.lead = _Lead()
        self.lead.labels = labels            # "人员经费、公用经费分别为…": labels gathered across 、
        self.lead.year = year
        self.lead.label = label
        if ch in "：:" and (self._items_after_amount(tok) or self._breakdown_after_amount(tok)):
            # "（一）收入7542.23万元：1、财政拨款收入7532.81万元；2、上年结余9.42万元": an amount whose colon opens
            # item 1 is broken down by the items, as by 具体情况如下
            self._start_list("如下")
        if ch not in ENUM:
            self.last_num = None
            s = self.scope
            if s.year not in (None, self.year) and self.cues.present.search(self.text, tok.end, tok.end + 8):
                # "2018年正式命名为…，我园现有学生683人": the year was of an event; what is now is this year's
                s.year, s.relative = None, False

    def _next_item_after_reason(self, tok: Token) -> bool:
        """"（3）对个人和家庭的补助…，下降的主要原因是：…；（4）资本性支出…": after a ；, the next number of the list the
        reason's own item was numbered in (not the reason's next point) — the reason is over."""
        at = len(self.text[tok.end:tok.end + 8]) - len(self.text[tok.end:tok.end + 8].lstrip(" \t\u3000"))
        m = ITEM_NUMBER.match(self.text, tok.end + at)
        number = item_number(m) if m is not None else None
        if number is None or number[1] < 2 or self.cause_at is None:
            return False
        start = max(self.sentence_start, self.cause_at - 400)
        return any(item_number(p) == (number[0], number[1] - 1) for p in ITEM_NUMBER.finditer(self.text, start, self.cause_at))

    def _year_alone_in_clause(self, tok: Token, year: int) -> bool:
        """Whether the clause ending at `tok` names `year` and states no figure."""
        start = max(self.text.rfind(ch, max(self.sentence_start, tok.start - 80), tok.start) for ch in "，,；;：:")
        clause = self.text[max(start + 1, self.sentence_start):tok.start]
        named = f"{year}年"
        return named in clause and not any(ch.isdigit() for ch in clause.replace(named, ""))

    def _items_after_amount(self, tok: Token) -> bool:
        """Whether the colon stands right after an amount of this sentence and before item 1 of a numbered list."""
        last = self.last_claim
        return last is not None and last.figure is not None and last.money and last.kind == "level" \
            and last.sentence == self.sentence and not self.text[last.figure.end:tok.start].strip() \
            and self.list is None and _FIRST_ITEM.match(self.text, tok.end, tok.end + 8) is not None

    def _breakdown_after_amount(self, tok: Token) -> bool:
        """"政府采购预算总额86.40万元：政府采购货物预算42.60万元、…": a colon right after an amount, the words after it
        opening with the amount's own name (four characters of it) — the amount broken down by its parts."""
        prev = self.tokens[self.index - 1] if self.index else None
        if prev is None or prev.kind != "num" or prev.unit not in MONEY or self.text[prev.end:tok.start].strip() \
                or (self.list is not None and not (self.list.parts and self.list.parts[-1].figure is prev)):
            return False
        start = max(self.text.rfind(ch, max(self.sentence_start, prev.start - 40), prev.start) for ch in "，,；;：:。")
        named, after = self.text[max(start + 1, self.sentence_start):prev.start], self.text[tok.end:tok.end + 4]
        return len(after) == 4 and all(is_han(ch) for ch in after) and after in named

    def _names_the_figure_after(self, tok: Token) -> bool:
        """Whether a colon stands between a name of a fact (no figure of its own yet) and a figure."""
        before = self.tokens[self.index - 1] if self.index else None
        after = self.tokens[self.index + 1] if self.index + 1 < len(self.tokens) else None
        return bool(self.lead.label) and not self.lead.figure and before is not None and before.kind == "word" \
            and before.end == tok.start and after is not None and after.kind == "num" \
            and not self.text[tok.end:after.start].strip(" \t\u3000")

    def _semicolon(self, tok: Token) -> None:
        """A ；: a new statement, or the next item of a list."""
        s = self.scope
        if s.year not in (None, self.year) and self._year_alone_in_clause(tok, s.year):
            # "…，2022年无此情况；公务接待费9.45万元": the year was the clause's own (what was so then), not the next item's
            s.year, s.relative = None, False
        self.categories = []
        self.scope.column = None           # "…；本部门2023年度费用…": a new statement
        self.scope.fresh = False
        if self._items_by_commas() and not self._rest_follows():
            # "罚没款328.67万元，…，其中食品类…罚没款136.42万元，价格类…罚没款28.65万元；12315平台…挽回经济损失86.3万元":
            # a list whose items were parted by commas ends at a semicolon (not before the rest of its items: "其中：一般
            # 公务用车2辆、…特种专业技术用车0辆；其他用车1辆")
            while self.list is not None:
                self._end_list()
        elif self._inner_list_ends():
            self._end_list(inner_only=True)
        if self.list is not None and len(self.stack) == 1 and self.scope.year != self.list.year_at:
            # "其中：…；公务用车购置费0万元，上年购置执法执勤用车1辆支出25.80万元；公务用车运行维护费…": the year an item
            # named was its own; the next item is in the list's
            self.scope.year = self.list.year_at
        if self.cause_block is not None and len(self.stack) == 1 \
                and (not _REASON_GOES_ON.match(self.text, tok.end, tok.end + 8) or self._next_item_after_reason(tok)):
            # "…主要原因是中央水利发展资金等基金项目减少；其他收入354,800元": the reason ended with its clause —
            # what it named (项目) is not the subject of the next statement (not so "；二是…", more of the reason)
            self._after_reason(self.scope)
        if self.suspended is not None and self.list is None and len(self.stack) == 1:
            self.list, self.suspended = self.suspended, None
        if self.list is not None and self.list.head.fact is not None and self.cues.bodies.names_a_body(self.scope.blocked):
            # "编制总数45名，其中：行政编制16名，区财政局占用1名；城市管理执法大队参公事业编制4名；事业编制25名": in a list
            # of the department's, another body named in one item is that item's — the next item is the list's
            self.scope.blocked = ""

    def _heading(self, end: int) -> bool:
        """Whether the sentence ending at `end` is only a label, after an item number if any ("（二）公务接待费。"):
        a heading, whose subject the next sentence goes on about."""
        scope = self.scope
        if self.figures_in_sentence or scope.subject is None or scope.blocked or not scope.label:
            return False
        body = self.text[self.sentence_start:end]
        m = _ENUM_ITEM.match(body)
        return body[m.end() if m else 0:].strip(" \t\u3000") == scope.label

    def _paragraph(self, tok: Token) -> None:
        """A new paragraph: another subject does not carry over — unless the paragraph before ends with a
        colon ("…如下：", "其中：") and this one goes on with what it announced: the items of that
        enumeration ("1、…", "二、…") and the text under their headings stay the other subject's."""
        start, figures = self.paragraph
        self.paragraph = (tok.end, self.figures)
        self._end_carried(tok)
        if self._breakdown(start, tok):
            return
        if self._before(tok.start, 1) in ("：", ":"):
            self.announced = self.scope.blocked
            return
        body = self.text[start:tok.start].strip()
        heading = figures == self.figures and body and body[-1] not in "。！？!?；;"
        if heading and _ENUM_ITEM.match(body):
            # "一、2022年“三公经费”支出情况": a numbered heading that names another year heads a section about that
            # year, to the next numbered heading
            named = {int(y) for y in _YEAR_IN.findall(body)}
            self.section_year = named.pop() if len(named) == 1 and self.year not in named else None
            self.stack[0].year = self.section_year
        if self.announced and (heading or _ENUM_ITEM.match(self.text, tok.end, tok.end + 8)):
            self.scope.blocked = self.announced
            return
        if self.scope.blocked and figures == self.figures and body and (
                heading or (len(body) <= 30 and _ENUM_ITEM.match(body))) and _SECTION.search(body):
            # "一、区本级“三公”经费决算情况", "（一）区本级一般公共预算决算。": a heading that names another subject's
            # accounts heads a section about them — the paragraph under it, and the numbered items after, are its too
            # (not so an item of a list of duties: "1、贯彻执行全县…方针政策")
            self.announced = self.scope.blocked
            return
        nxt = self.tokens[self.index + 1] if self.index + 1 < len(self.tokens) else None
        if nxt is not None and nxt.kind == "word" and (nxt.has("list") or nxt.has("continues")) \
                and not self.text[tok.end:nxt.start].strip() and self.figure_blocked:
            # "其中：…", "分项看，…": a paragraph that goes on with the parts of what the one before said is
            # about the same subject — another's, when the last figure before was another's
            self.scope.blocked = self.scope.blocked or self.announced
            return
        self.announced = ""
        self.scope.blocked = ""

    def _dated_before(self) -> bool:
        """Whether the sentence ending here opened with the day of an earlier year ("截至2018年12月31日，…")."""
        m = self.cues.as_of_year.match(self.text, self.sentence_start)
        return m is not None and int(m.group(1)) < self.year

    def _end_carried(self, tok: Token) -> None:
        """What a sentence carried to the end of its paragraph (a base, another year) ends with it; the year of
        a total an enumeration breaks down goes on to the enumeration's next item."""
        if self.carried_base is not None:
            self.carried_base = self.stack[0].base = None
        if self.carried_year is not None:
            self.carried_year = None
            self.stack[0].year = self.section_year
        if self.items_year is not None:
            if _ENUM_ITEM.match(self.text, tok.end, tok.end + 8):
                self.stack[0].year = self.items_year     # the next item of the breakdown (see _breakdown)
            else:
                self.items_year = None

    def _breakdown(self, start: int, tok: Token) -> bool:
        """"全国人大常委会办公厅机关2012年部门预算收入共计33609.06万元。\n1.财政拨款收入…": a paragraph that ends
        stating a total of another body or another year, followed by item 1 of an enumeration — the items break
        that total down: they are that body's, or that year's, as the total was."""
        if not _FIRST_ITEM.match(self.text, tok.end, tok.end + 8):
            return False
        last = self.text[max(start, tok.start - 80):tok.start]
        cut = max(last.rfind(ch, 0, len(last) - 1) for ch in "。！？!?")
        if not _TOTAL_STATED.search(last[cut + 1:]):
            return False
        years = {int(y) for y in _YEAR_IN.findall(last[cut + 1:])}
        other_year = years.pop() if len(years) == 1 and self.year not in years else None
        if other_year is not None:
            self.items_year = self.stack[0].year = other_year
        if self.figure_blocked and self.scope.blocked:
            self.announced = self.scope.blocked
            return True
        return other_year is not None

    def _end_clause(self) -> None:
        lead, scope = self.lead, self.scope
        if self.held_subject is not None and scope is self.stack[0] and self.text[self.cursor:self.cursor + 1] in "，,；;":
            # "公务接待费支出6.52万元，共接待国内公务团组48批次、612人次，较上年减少1.80万元": things counted on the
            # way are an aside — the amount's subject holds again in the clause after them
            self._take_back(scope)
        if self.contents is not None:
            if not self.clause_figures:
                # "人员经费2152.26万元，主要包括：基本工资、…、住房公积金；公用经费…": what an item is made of, named
                # without figures — a 科目, body or fact named there ("主要用于：行政单位的基本支出") is no subject for
                # what follows: the subject before 包括 holds on
                scope.blocked, scope.subject, scope.label, scope.alts, scope.account = self.contents
            self.contents = None
        if self.describing is not None:
            if not self.clause_figures:
                scope.blocked = self.describing     # the department described itself: still its own subject
            self.describing = None
        # a clause without figures: a topic (not a body compared with)
        # (a project named in a clause that states its figure: the clauses after it are the project's)
        self.aside = 2 if self.aside == 3 or (self.aside == 4) != bool(self.aside and self.clause_figures) else 0
        if self.clause_figures and scope.column in ("budget", "adjusted", "plan") and self.list is None and (
                scope.subject is None or (self.out.claims and self.out.claims[-1].kind == "execution"
                                          and self.out.claims[-1].sentence == self.sentence)):
            # "年初预算308.50万元，…", "全年预算完成率98.22%，…": a budget of no subject, or its execution, stated in a
            # clause of its own (see _label_column)
            self.budget_clause = self.sentence
        last = self.out.claims[-1] if self.clause_figures and self.out.claims else None
        if last is not None and last.kind == "change" and last.column == "adjusted" and last.sentence == self.sentence:
            self.added_clause = self.sentence       # "追加预算5784.82万元，…" (see _label_column)
        self.clause_figures = 0
        self._comparison_of_no_figure(lead, scope)

    def _comparison_of_no_figure(self, lead: _Lead, scope: _Scope) -> None:
        """A clause that compared without a figure of its own: "基本支出776.17万元，超过调整预算。" compares the amount
        before; "与2021年相比，…下降21.35%" names the base of what follows (not one the clause said it equals: "与向县
        财政局报送的执行数一致，增长49.1%")."""
        if lead.figure:
            return
        if lead.op and lead.op_target:
            self._compare_fact(lead)
        if lead.cmp and lead.base and not lead.op:
            scope.base, scope.base_executed = lead.base, lead.prior_executed

    def _people_of_categories(self) -> None:
        """At a sentence's end: the counts of people that are one category's (see levels._category)."""
        pairs = [(posts, c) for posts, c in self.by_category
                 if posts is None or len(self.by_category) > 1 or not _outnumbers(c, posts)]
        facts = [c.fact for _, c in pairs]
        if any(posts for posts, _ in pairs) or len({(c.fact, c.value) for _, c in pairs}) > len(set(facts)):
            # "行政编制12人，实有人数11人；工勤编制3人，实有人数2人": each category with its own people (so too one
            # category's: "机关行政编制6名，在编6人。下属中心…" — all the department's people only where all its posts
            # are of that category; but not people who outnumber the only category's posts the sentence names:
            # "行政编制18人，实有人数23人" counts everyone, the writer left the other posts out); the same count of
            # people stated twice, differently, in one sentence is not the department's either time
            for posts, claim in pairs:
                claim.category = claim.category or (posts.kind_text if posts is not None else "") or "未写明类别"

    def _end_sentence(self) -> None:
        self.stack[0].flow = self.scope.flow = ""
        self._item_ends_its_subject()
        if self.bare_label and self.figures_in_sentence:
            # "年末结转和结余12.00万元，是指结转下年继续使用的支出资金。": a subject named only in a
            # clause without figures does not carry into the next sentence
            s = self.stack[0]
            s.subject, s.label, s.alts = self.figure_subject
        self.bare_label = False
        self._one_numbered_item()
        self._end_list()
        self._end_change_list()
        if self.suspended is not None:
            self.list, self.suspended = self.suspended, None
            self._end_list()
        self.pending_each, self.each_mode = [], (0, None, 0, None)
        del self.stack[1:]
        self.scope = self.stack[0]
        self.saved, self.deep = [], 0
        s = self.scope
        self._next_subject(s)
        self.prev_column = s.column
        self.prev_period = (s.year, s.partial)
        self.sentence_years = []
        if s.year is not None and s.year != self.year and (not self.figures_in_sentence or self._dated_before()) \
                and not self._no_data():
            # "国资委2022年“三公”经费的预算数和预算执行数一致。具体来看，预算总数为…": a sentence that only names
            # another year names it for the sentences after it, to the end of the paragraph (not "…，无上年数据。");
            # so does one that opens with the day of an earlier year its figures are as of ("截至2018年12月31日，…")
            self.carried_year = s.year
        if s.base and not self.figures_in_sentence:
            # "与2021年执行数相比，有以下变化。一是收入增加3627万元…": a sentence that only names the base of a
            # comparison names it for the sentences after it, to the end of the paragraph
            self.carried_base = s.base
        next_year = self.carried_year if self.carried_year is not None else self.section_year
        if s.year not in (None, self.year) and (self._goes_on() or self._compared_on()):
            # "2024年海关“三公经费”预算约为5.1亿元…。此外，A和B分别为…": that year's too; so "2021年度收入总计…。收支较上年
            # 决算数增加53.23万元": a comparison with the year before it, naming no year of its own
            next_year = s.year
        s.year, s.column, s.fresh, s.base, s.partial, s.excluding = next_year, None, False, self._next_base(), "", ""
        s.base_executed = False
        self._posts_of_parts()
        self.lead = _Lead()
        self.sentence += 1
        # a stated base ("比上年的X万元") is last year's figure, never the head of this year's 其中 list
        # (nor an amount in the sentence's reason: "…下降12.5%，主要原因是2022年有疫情防控经费29.01万元。其中：…")
        cause_at, self.cause_at = self.cause_at, None
        # one sentence of no figures between ("…1747.99万元，比上年减少…。按照…要求，…体现在有关支出科目中。其中（按项级
        # 科目分类统计）：…"): the sentence before it is still the one before for what follows
        blank, self.passed_blank = not self.figures_in_sentence and not self.passed_blank, False
        if blank:
            self.passed_blank = True
        elif not self._only_its_change():
            self.prev_levels = [c for c in self.levels if (c.fact is not None or c.figure is not None)
                                and c not in self.bases and (cause_at is None or c.start < cause_at)][-1:]
            self.prev_sentence_levels = self.levels
        self.prev_amounts, self.amounts_in_sentence = self.amounts_in_sentence, 0
        self.levels, self.changes, self.bases, self.each_claims = [], [], [], []
        self.pending_shares, self.each_share, self.each_parts, self.pending_rates = [], (), [], []
        self.pending_execs = []
        self.pending_wholes = []
        self.other_base = None
        self._people_of_categories()
        self.categories, self.by_category = [], []
        self.figures_in_sentence = self.posts_totals = self.bodies_in_sentence = 0
        self.sentence_source = ""
        self.unsure = self.alias = self.self_named = False
        self.self_at = -1
        self.aside = 0
        self.per_before = False
        self.years_series = []
        self.named = []
        self.prev_mentioned, self.mentioned = self.mentioned, set()
        self.last_num, self.last_claim, self.last_money = None, None, None

    def _item_ends_its_subject(self) -> None:
        """"项目支出1068.59万元，主要用于以下方面：…；村级组织运转经费230.24万元，占21.55%。年初预算1862.40万元…": another
        subject named in an item of the department's own list is the item's — it ends with the sentence, not carried
        into the next."""
        lst = self.list
        while lst is not None and lst.outer is not None:
            lst = lst.outer
        s = self.stack[0]
        if lst is not None and lst.head.fact is not None and lst.parts and s.blocked and s.blocked != s.account:
            s.blocked = ""
        elif lst is not None and lst.head.fact is not None and lst.parts and s.blocked and s.blocked == s.account:
            # "年初预算数2,903.60万元。按支出功能分类，包括…住房保障支出45.60万元。比2022年增加146.80万元，主要是基本支出
            # 增加…": a list of lines of accounts under a fact — what the next sentence says with no name is the head's
            s.blocked = s.account = ""
            s.subject, s.label, s.alts = lst.head.fact, lst.head.label, lst.head.alts
        last = lst.parts[-1] if lst is not None and lst.parts else None
        if lst is not None and last is not None and not s.blocked and last.fact is not None and s.subject == last.fact \
                and lst.head.fact not in (None, last.fact) and lst.head.figure is not None \
                and self.out.claims and self.out.claims[-1] is last:
            # "相应安排支出预算1174.50万元，其中：基本支出700.30万元、项目支出474.20万元。比上年减少66.86万元": a sentence
            # that ends on the last item of its 其中 list — what the next sentence says with no name of its own is the
            # head's as likely as the item's: either may hold
            s.alts = (*s.alts, lst.head.fact, *lst.head.alts)

    def _next_subject(self, s) -> None:
        """What the next sentence is about, where this one said it in passing."""
        # "公务接待费11.83万元。…累计接待77批次、接待总人数4374人次。与2015年相比增加0.95万元": the people received were
        # an aside; the subject before them goes on
        self._take_back(s)
        if self.cause_block is not None:
            self._after_reason(s)
        elif s.blocked and (not self.figures_in_sentence or self._units_only_counted(s)) and not self.announced \
                and s.blocked != s.account and not self.blocked_first and not self._refers_back():
            # "在我区单位公务用车制度改革实施方案未出台前，…暂按年初预算数执行。2017年预算安排车辆经费7.60万元": another
            # subject named in passing in a sentence without figures is a circumstance, not what the next sentence is
            # about (one the sentence is about is: "各乡镇认真落实…。", and so is one the next refers back to: "其…");
            # "胡川镇中心小学为二级预算单位，…。内设机构：…、后勤处。在职教师121人": the body an earlier sentence opened
            # on is still what the text is about, through sentences of no figure
            s.blocked = self.opener
        if s.blocked and self._topic_heading(s):
            # "（1）项目资金到位情况。2023年预算财政拨款资金共计…": a heading of no figure that names a topic (not a body)
            # heads what follows — it is not whose figures they are
            s.blocked = self.opener = ""
        elif self.blocked_first:
            self.opener = s.blocked
        elif self.figures_in_sentence:
            self.opener = ""
        self.blocked_first, self.first_other = False, ""

    def _topic_heading(self, s) -> bool:
        """Whether the sentence just ended is a short heading of no figure but its number ("（1）项目资金到位情况。")
        that names a topic opened by a word that names no body."""
        end = self.tokens[self.index].start if self.index < len(self.tokens) else len(self.text)
        body = self.text[self.sentence_start:end].strip(" \t\u3000\r\n")
        number = _ENUM_ITEM.match(body)
        body = body[number.end():] if number else body
        return len(body) <= 24 and _HEADING_END.search(body) is not None and not any(ch.isdigit() for ch in body) \
            and not self.cues.bodies.names_a_body(s.blocked)

    def _units_only_counted(self, s) -> bool:
        """"…下辖28个司法所，管理县公证处、县法律援助中心2个事业单位。截至2024年12月31日，核定编制60名": units the
        department has, only counted — the sentence describes the department, and the next opens on its staff at the
        year's end ("下设…两个事业单位。现有在编人员6名" may be the units')."""
        at = self.tokens[self.index].end if 0 <= self.index < len(self.tokens) else len(self.text)
        return self.figures_in_sentence == self.bodies_in_sentence and self.cues.bodies.unit_kind.search(s.blocked) is not None \
            and self.cues.bodies.not_local.search(s.blocked) is None and _AS_OF_OPENS.match(self.text, at) is not None

    def _refers_back(self) -> bool:
        """Whether the next sentence opens by pointing back ("其2023年支出…", "上述单位…", "该中心…")."""
        at = self.tokens[self.index].end if 0 <= self.index < len(self.tokens) else len(self.text)
        return _ANAPHOR.match(self.text, at) is not None

    def _after_reason(self, s) -> None:
        """"…主要原因是增加了服务站的项目补贴。此外，年初结转和结余6.00万元": another subject named in a reason is the
        reason's; the next sentence is not about it — nor about a fact named in it ("…增长15.82%。主要原因是上年结转、
        项目增加。较年初预算数减少1131.69万元": the next sentence goes on about what the reason was for)."""
        if s.blocked:
            s.blocked = self.cause_block
        if self.cause_subject[0] is not None:
            s.subject, s.label, s.alts = self.cause_subject
        # ("…主要原因是…：一是…仅需安排上年度合同尾款…；二是…；支出预算1747.99万元": a year the reason named was its own)
        s.year, s.relative = self.cause_year
        self.cause_block = None

    def _next_base(self) -> str | None:
        """The base the next sentence compares with when it names none: one named only, in a sentence of its own,
        to the end of the paragraph; or, for a sentence that opens with 其中, the one its whole's change was from
        ("“三公”经费支出比上年减少313272.50元…。其中：公务用车购置费支出减少272780.00元")."""
        base = self.carried_base
        if base is None and self.changes:
            bases = {c.against for c in self.changes}
            if len(bases) == 1 and None not in bases and self._opens_list():
                base = bases.pop()
        return base

    def _posts_of_parts(self) -> None:
        """"内设一个科室:办公室,编制人数4人…;内设一个事业科室,编制人数1人…": two numbers of posts in one sentence are
        each a part's posts, not the whole's."""
        if self.posts_totals < 2:
            return
        totals = [c for c in self.out.claims[-64:] if c.kind == "count" and c.sentence == self.sentence
                  and c.fact == "department.staffing.posts_total"]
        if len({c.value for c in totals}) > 1:
            for c in totals:
                c.category = c.category or "未写明类别"

    def _opens_list(self) -> bool:
        """Whether the sentence after the current full stop opens with 其中 (the parts of what this one stated)."""
        if self.index >= len(self.tokens) or self.tokens[self.index].kind != "punct":
            return False
        return bool(_LIST_NEXT.match(self.text, self.tokens[self.index].end))

    def _no_data(self) -> bool:
        """Whether the sentence ending here says there are no figures of the year it names ("新增单位，无上年数据")."""
        end = self.tokens[self.index].start if self.index < len(self.tokens) else len(self.text)
        return _NO_DATA.search(self.text, self.sentence_start, end) is not None

    def _goes_on(self) -> bool:
        """Whether the sentence after the current full stop opens by going on with this one ("此外", "其中")."""
        if self.index >= len(self.tokens) or self.tokens[self.index].kind != "punct":
            return False
        return bool(_GOES_ON.match(self.text, self.tokens[self.index].end))


    def _compared_on(self) -> bool:
        """Whether the sentence after the current full stop opens with a comparison with the year before, naming no
        year of its own ("收支较上年决算数增加…", "与上年相比，…")."""
        if self.index >= len(self.tokens) or self.tokens[self.index].kind != "punct":
            return False
        return bool(_COMPARED_ON.match(self.text, self.tokens[self.index].end))


def _outnumbers(people: Claim, posts: Claim) -> bool:
    """Whether a count of people is more than the count of one category's posts before it."""
    return people.value is not None and posts.value is not None and people.value > posts.value
