"""Headcounts: a count of posts or people against the staffing facts."""
from __future__ import annotations

import re
from decimal import Decimal

from ...core.numbers import fmt, rate_fits
from ...derive.claims import Claim
from ...derive.claims.grammar import PEOPLE_UNITS
from ...derive.claims.named import POINTS, PRICED
from ...derive.claims.nearby import clause_words, list_follows, lists_between, makeup_after
from .base import _Base
from .common import FAR_OFF, _places, _rows_named, far_off

# the organ itself, right before the words of its posts ("我局机关有编制18名", "局机关核定编制")
_OF_THE_ORGAN = re.compile("机关(?:本级)?(?:有|共有|现有|核定|核定了|的)?(?:行政|事业)?编制(?:人员|人数|数|名额)?(?:为|是|共|：|:)?$")


# a name's bracket ("办公室（党务工作办公室）")
_BRACKETED = re.compile(r"[（(][^）)]*[）)]")


_SENTENCE_WINDOW = 300
_COUNTS_BACK = 8


# the generic end of a word for a group of people ("退休人员" → 退休: "退休干部" is some of them)
_PEOPLE_WORD = re.compile("(?:人员|人数|干部|职工|工人|人)$")


# words that make a count of the people a department has (实有) one of those in service
_IN_SERVICE = re.compile("在职|在编|在岗")


class _Counts(_Base):
    """Headcounts."""

    def _named(self, c: Claim) -> None:
        """"内设14个机构，分别是办公室、…": as many names written as the count says (see derive/claims/named.py)."""
        names = [self.text[a:b] for a, b in c.other]
        shown = "、".join(names) if len(names) <= 6 else "、".join(names[:3]) + "、…、" + names[-1]
        listed = {POINTS: "分条列出的", PRICED: "列出的各项"}.get(c.label or "", "列出的名称")
        if c.at_least and len(names) <= c.value:
            # ("…、投资促进股等9个科室": 等 — the names written are some of the count's)
            return self.ok(c, f"{listed} {len(names)} 个（写明“等”，只列了一部分）：{shown}，不多于写明的 {fmt(c.value)}{c.unit}")
        if c.at_least:
            return self.error("PROSE-COUNT", c, f"正文“…{self.quote(c, 16)}”：写明“等{fmt(c.value)}{c.unit}”，但前面{listed}"
                              f"已有 {len(names)} 个（{shown}）。", stated=c.value, computed=Decimal(len(names)))
        if len(names) == c.value:
            if c.of is not None:
                # (a count of the department's sections: the names fit — the count against the file's list too)
                self._count(c.of)
                verdict = self.verdicts.get(id(c.of), "")
                if c.of.flagged:
                    self.verdicts[id(c)] = verdict
                    return None
                return self.ok(c, f"列出的名称 {len(names)} 个：{shown}；{verdict.removeprefix('相符：')}")
            return self.ok(c, f"{listed} {len(names)} 个：{shown}")
        self.error("PROSE-COUNT", c, f"正文“…{self.quote(c, 16)}”：写明 {fmt(c.value)}{c.unit}，{listed}是 {len(names)} 个"
                   f"（{shown}）。", stated=c.value, computed=Decimal(len(names)))

    def count_candidates(self, claim: Claim) -> list[tuple[str, Decimal]]:
        """(how, value) for each headcount the words may mean."""
        staffing = self.report.get("department.staffing")
        out = []
        for fact in (claim.fact, *claim.alts):
            if fact == "department.staffing.sections":
                out += self._sections_candidates()
                continue
            if fact == "department.staffing.actual" and staffing is not None and staffing.serving is not None:
                out += self._actual_candidates(claim, staffing)
                continue
            if fact == "department.staffing.serving" and "在编" in (claim.label or "") + self._clause_of(claim) \
                    and staffing is not None \
                    and staffing.serving is not None and staffing.serving_includes:
                # "在职在编70人，临聘人员23人": the staff in posts — those in service less the others counted among them
                out.append(("在职人员中的在编人员（在职减去其中的编外人员）",
                            Decimal(staffing.serving - sum(p.count for p in staffing.serving_includes))))
            if fact == "department.staffing.retired" and "离退休" in (claim.label or "") and staffing is not None \
                    and staffing.retired is not None:
                # "离退休人员20人": the retired and those who left before retirement (离休), counted together
                left = sum(p.count for p in staffing.others or [] if p.kind and "离休" in p.kind)
                if left:
                    out.append(("退休 + 离休", Decimal(staffing.retired + left)))
            if fact == "department.staffing.posts" and claim.kind_text in ("机关事业编制", "行政事业编制"):
                # "核定我局机关事业编制24名": the posts of the 机关 and of its 事业 units together, or the 事业编制 of the
                # 机关 — the words read either way
                probe = Claim(claim.kind, claim.figure, "department.staffing.posts_total")
                v = self.count(probe)
                if v is not None:
                    out.append((self._count_named(probe, staffing), v))
            probe = Claim(claim.kind, claim.figure, fact, kind_text=claim.kind_text)
            v = self.count(probe)
            if v is not None:
                out.append((self._count_named(probe, staffing), v))
        return out

    def _sections_candidates(self) -> list[tuple[str, Decimal]]:
        """(how, value) for the count of the department's sections: all it lists, or only the sections by name (股,
        科, 室 …) — a list may hold a body of its own beside them ("县中小企业局"), which some texts do not count."""
        units = self.report.get("department.units") or []
        cues = self.reading.cues if self.reading is not None else None
        named = sum(1 for u in units if cues is not None and cues.section_name.search(_BRACKETED.sub("", u)))
        listed = self.view.value("department.staffing.sections")
        out = [("所列内设机构的个数", listed)] if listed is not None else []
        if 0 < named < len(units):
            out.append(("所列内设机构中股、科、室的个数", Decimal(named)))
        return out

    def _actual_candidates(self, claim: Claim, staffing) -> list[tuple[str, Decimal]]:
        """(how, value) for each headcount the people a department has (实有) may be."""
        if _IN_SERVICE.search((claim.label or "") + self._clause_of(claim)):
            return [("在职", Decimal(staffing.serving))]       # "在编在职实有人数46人": those in service
        retired, others = staffing.retired or 0, sum(p.count for p in staffing.others or [])
        return [(how, Decimal(v)) for how, v in (
            ("在职 + 退休", staffing.serving + retired), ("在职 + 其他人员", staffing.serving + others),
            ("在职 + 退休 + 其他人员", staffing.serving + retired + others),
            # "实际财政供养人员44人，其中专业技术20人…", "编制人数45人，…年末实有人数44人": whether the people a
            # department has (or the state pays) count the retired too, documents differ — those in service may be all
            ("在职", staffing.serving))]

    def _count_named(self, probe: Claim, staffing) -> str:
        """How a headcount is named in a finding: a category of posts as the file names it (the text may write a
        shorter name of it), else the fact's label."""
        if probe.fact == "department.staffing.posts" and staffing is not None:
            rows = self._rows_meant(probe, staffing.posts or [])
            return rows[0].kind if len(rows) == 1 and rows[0].kind else probe.kind_text
        return self._label(probe.fact, None) if probe.fact else probe.kind_text

    def _sole_category(self, kind_text: str) -> bool:
        """Whether the department's posts are all of the category named: its people are all the department's."""
        staffing = self.report.get("department.staffing")
        kinds = [p.kind for p in (staffing.posts or [] if staffing is not None else []) if p.count]
        return len(kinds) == 1 and bool(kinds[0]) and (kinds[0] in kind_text or kind_text in kinds[0]
                                                       or kind_text[:2] == kinds[0][:2])

    def _clause_of(self, claim: Claim) -> str:
        """The words of the clause before a claim's figure."""
        return clause_words(self.reading, claim) if self.reading is not None and claim.figure is not None else ""

    def _rows_meant(self, claim: Claim, rows: list) -> list:
        """The rows of a staffing list a category's name may mean ("参照公务员法管理的事业编制人数1人": a category whose
        full name the clause writes, not the shorter one inside it)."""
        said = self._clause_of(claim) if claim.kind_text else ""
        longer = [p for p in rows if p.kind and p.kind != claim.kind_text and claim.kind_text in p.kind and p.kind in said]
        return longer if len(longer) == 1 else _rows_named(claim.kind_text, rows)

    def count(self, claim: Claim) -> Decimal | None:
        staffing = self.report.get("department.staffing")
        if claim.fact in ("department.staffing.posts", "department.staffing.others") and staffing is not None:
            # the other people: those beside the staff, or counted among the staff in service ("含临聘人员3人")
            rows = staffing.posts if claim.fact.endswith("posts") else \
                [*(staffing.others or []), *(staffing.serving_includes or [])]
            kinds = self._rows_meant(claim, rows or [])
            everyone = sum(p.count for p in staffing.others or [])
            if claim.fact.endswith("others") and claim.kind_text.startswith(("其他", "其它")) \
                    and len(staffing.others or []) > 1 and abs(claim.value) == everyone:
                # "年末其他人员2人" (the 决算's 基本数字表): all the people beside the staff, not the row named 其他人员
                return Decimal(everyone)
            return Decimal(kinds[0].count) if len(kinds) == 1 else None
        if claim.fact in ("department.staffing.posts", "department.staffing.others") or claim.fact is None:
            return None
        # a count the file states, or derives (核定编制合计 from the categories, 内设机构 from the units listed)
        return self.view.value(claim.fact)

    def _far_count(self, c: Claim) -> bool:
        """"本单位人员编制2730人，实有事业人员2399人" beside the department's 45 posts and 44 people: a headcount many times
        off every count its words may mean is another body's."""
        staffing = self.report.get("department.staffing")
        if staffing is None or not self.count_candidates(c):
            return False
        # (above all the department's people: a category's count may be far off another category's)
        everyone = max(staffing.posts_total or 0, sum(p.count for p in staffing.posts or []),
                       (staffing.serving or 0) + (staffing.retired or 0) + sum(p.count for p in staffing.others or []))
        return everyone > 0 and abs(c.value) > everyone * FAR_OFF

    def _count(self, c: Claim) -> None:
        if c.under_people:
            # "在职实有23人，其中参公编制人数21人": the people in posts of that category, not the posts
            return self.skip(c, "“其中”前是人数：这里说的是其中这一类编制的人，不是编制数")
        if self._part_of_same(c):
            # "退休人员21人，其中退休干部15人、退休工人6人": a part of the people the head counts, not all of them
            return self.skip(c, "是“其中”前那些人的一部分，不是全部")
        candidates = self.count_candidates(c)
        if not candidates:
            return self._category_of_posts(c)
        if self._posts_of_the_organ(c):
            return self._category_of_posts(c, any_size=True)
        candidates += self._with_others_listed(c)
        why = self._count_unsure(c, candidates)
        if why:
            return self.skip(c, why)
        staffing = self.report.get("department.staffing")
        for how, value in candidates:
            if c.value == value:
                return self.ok(c, f"{how} = {value}")
        if c.category and staffing is not None:
            kinds = [p for p in staffing.serving_includes or [] if p.kind and (p.kind in c.category or c.category in p.kind)]
            if len(kinds) == 1:         # "实有财政补助人员9人": the people of that kind the file counts
                if c.value == kinds[0].count:
                    return self.ok(c, f"在职人员中的{kinds[0].kind} = {kinds[0].count}")
                return self.error("PROSE-COUNT", c, f"正文“…{self.quote(c)}”与人员编制不符：在职人员中的{kinds[0].kind} "
                                  f"为 {kinds[0].count}{c.unit}。", stated=c.value, fact=kinds[0].count)
        if c.category and not self._sole_category(c.category):
            return self._count_of_a_category(c, staffing)
        how, value = candidates[0]
        if far_off(Decimal(c.value), Decimal(value)):
            return self.skip(c, f"与 {how} {value}{c.unit} 相差好几倍：说的多半不是本部门的人员")
        if self._lists_uncounted_people(c):
            # "实有人数76人，其中在职人员48人…；退休人员15人，聘用人员5人，遗属8人": its list names people the file does
            # not count (no 其他人员 in it) — the head takes them in, the file's figure cannot
            return self.skip(c, "“其中”列出了事实文件没有计入的人员（聘用、遗属等）")
        if c.fact and c.fact.startswith("department.staffing.posts") and self._people_listed(c):
            # "现有编制人员150人。其中，局机关在职80人、离休2人、退休60人…": the parts are people, in post and
            # retired — the head counts people on the payroll, not posts
            return self.skip(c, "“其中”列的是在职、退休等人员：前面的数是人数，不是编制数")
        against = "内设机构" if c.fact == "department.staffing.sections" else "人员编制"
        self.error("PROSE-COUNT", c, f"正文“…{self.quote(c)}”与{against}不符：{how} 为 {value}{c.unit}。",
                   stated=c.value, fact=value)

    def _category_of_posts(self, c: Claim, any_size: bool = False) -> None:
        """A category of posts the file does not list ("机关行政编制54名" where it lists only 人员编制 45): more than
        all the posts is wrong whatever the category is. `any_size`: a part of the posts the file does not count
        apart, of whatever size (the organ's own: "我局机关有编制18名")."""
        staffing = self.report.get("department.staffing")
        total = self.count(Claim("count", None, "department.staffing.posts_total")) \
            if (any_size or c.fact == "department.staffing.posts") and staffing is not None and staffing.posts else None
        same = [p for p in staffing.posts or [] if c.value == p.count] if total is not None and any_size else []
        if same:
            return self.ok(c, f"机关本身的编制：与事实文件中的{same[0].kind or '一类编制'} {same[0].count} 相同")
        if total is None or c.value <= total or c.unit not in PEOPLE_UNITS:
            return self.skip(c, "机关本身的编制：事实文件没有分开的数" if any_size else "事实文件没有这类人员的人数")
        self.error("PROSE-COUNT", c, f"正文“…{self.quote(c)}”与人员编制不符：说的是一类编制（{c.kind_text or c.label}），"
                   f"却多于核定编制合计 {total}{c.unit}。", stated=c.value, fact=total)

    def _posts_of_the_organ(self, c: Claim) -> bool:
        """"我局机关有编制18名；下属…中心编制6名": the posts of the organ itself (机关), a part of all the department's
        posts where it has more than one category of them."""
        staffing = self.report.get("department.staffing")
        return c.fact == "department.staffing.posts_total" and staffing is not None and len(staffing.posts or []) > 1 \
            and _OF_THE_ORGAN.search(self._clause_of(c)) is not None

    def _with_others_listed(self, c: Claim) -> list[tuple[str, Decimal]]:
        """"在职人员总数46人，其中事业人员44，聘用人员2人": those in service and the other people its own 其中 list names."""
        staffing = self.report.get("department.staffing")
        if c.fact != "department.staffing.serving" or staffing is None or staffing.serving is None:
            return []
        # (all the other people the file counts: "在职人员24人（其中：借调人员2人，正式聘用人员1人）" where it counts none
        # names people among the 24, not beside them)
        everyone = sum(p.count for p in staffing.others or [])
        return [(f"在职 + 其中列出的其他人员 {everyone}", Decimal(staffing.serving + everyone))] \
            if everyone and everyone in self._others_listed_after(c) else []

    @staticmethod
    def _category_bound(c: Claim, staffing) -> tuple[str, int] | None:
        """The most people one category may have: all of them ("行政编制22人，实际43人": those in service; "财政供养人员
        87人": the staff in all, the retired and the others counted among them too)."""
        if staffing is None or staffing.serving is None:
            return None
        if c.fact == "department.staffing.serving":
            return "实有在职人员", staffing.serving
        if c.fact == "department.staffing.actual":
            everyone = staffing.serving + (staffing.retired or 0) + sum(p.count for p in staffing.others or [])
            return "全部实有人员", everyone
        return None

    def _lists_uncounted_people(self, c: Claim) -> bool:
        """Whether a count of all the people (实有) is followed in its sentence, after 其中, by other people (聘用,
        遗属…) where the file counts none."""
        staffing = self.report.get("department.staffing")
        if staffing is None or staffing.others or "department.staffing.actual" not in (c.fact, *c.alts):
            return False
        # (none of them: "…，扶持岗人员0人，其他人员0人" takes in no one)
        return any(p.value for p in self._others_after(c))

    def _others_after(self, c: Claim) -> list:
        """The other people (聘用, 临聘, 遗属…) a count is followed by, after 其中 in its sentence."""
        if c.figure is None or not list_follows(self.reading, c):
            return []
        return [p for p in self._sentences(c.sentence)
                if p.fact == "department.staffing.others" and p.figure is not None and p.start > c.start]

    def _others_listed_after(self, c: Claim) -> set[int]:
        """How many other people (聘用, 临聘…) a count may be followed by, after 其中 in its sentence: the running sums
        of the other people listed, in order (the list's own may end before the 遗属 after 退休)."""
        staffing = self.report.get("department.staffing")
        among = [r.kind for r in (staffing.serving_includes or [] if staffing is not None else []) if r.kind]
        sums, total = set(), 0
        for p in self._others_after(c):
            # (not people the file counts among those in service: "在职24人（其中临聘人员1人…）" — they explain nothing)
            if p.kind == "count" and p.value > 0 \
                    and not any(k in (p.kind_text or p.label or "") or (p.kind_text or p.label or "x") in k for k in among):
                total += int(p.value)
                sums.add(total)
        return sums

    def _part_of_same(self, c: Claim) -> bool:
        """Whether a count follows, after 其中 in its sentence, a count of the same people."""
        if c.fact in ("department.staffing.posts", "department.staffing.others") or c.figure is None:
            return False
        # (the last few counts of that fact before it: a sentence of a thousand counts is read in linear time)
        before = [p for p in self._sentences(c.sentence) if p.kind == "count" and p.fact == c.fact
                  and p.figure is not None and p.figure.end < c.start][-_COUNTS_BACK:]
        return any(c.label != p.label and (stem := _PEOPLE_WORD.sub("", p.label)) and stem in c.label
                   and lists_between(self.reading, p, c) for p in before)

    def _staff_control(self, c: Claim) -> None:
        """"在职人员控制率为95.45%" (人员控制率, 财预〔2013〕53号): 实有在职人员 ÷ 核定编制."""
        staffing = self.report.get("department.staffing")
        posts = self.count(Claim("count", None, "department.staffing.posts_total"))
        if staffing is None or staffing.serving is None or not posts:
            return self.skip(c, "事实文件没有核定编制或实有在职人员")
        rate = Decimal(staffing.serving) / posts * 100
        how = f"实有在职人员 {staffing.serving} ÷ 核定编制 {fmt(posts)} = {fmt(rate, _places(c))}%"
        if rate_fits(rate, c.value):
            return self.ok(c, how)
        self.error("PROSE-SHARE" if c.as_share else "PROSE-EXECUTION", c,
                   f"正文“…{self.quote(c, 20)}”：{how}，与写明的 {fmt(c.value)}% 不符。", stated=c.value, computed=rate)

    def _count_unsure(self, c: Claim, candidates: list) -> str:
        """Why a count cannot be held to the file's people, or ""."""
        staffing = self.report.get("department.staffing")
        if c.split_retired and staffing is not None and not any(p.kind and "离休" in p.kind for p in staffing.others or []) \
                and not (staffing.retired is not None and c.value > int(staffing.retired)):
            # the file counts no 离休 apart: its 退休人员 may take them in, so the 退休 part of a 离退休 count is
            # checked only by the list's sum (unless it is more than the file's: too many in either reading)
            return "离退休分为离休、退休：事实文件的退休人员是否含离休人员，不能确定"
        if c.fact == "department.staffing.sections" and self._other_sections_named(c):
            return "句中列出的内设机构没有一个是事实文件所列的：说的多半是别的单位"
        if makeup_after(self.reading, c) and not any(c.value == value for _, value in candidates):
            # "期末实有人员60人（含编内人员+编外长期聘用人员）": the text says whom it counts, not as the file does
            return "括号中写明了这个数包括哪些人员，与事实文件的分类不一定相同"
        return ""

    def _other_sections_named(self, c: Claim) -> bool:
        """"本单位设内设机构6个：办公室、规划建设科、住房保障科…": sections named in the count's sentence of which none
        (but an office every body has) is the file's — another body's sections (a count that names the file's
        "运行监测与综合分析股…等16个" is held to the file)."""
        units = self.report.get("department.units") or []
        # (a window of the sentence, bounded: a text of no sentence end is read in linear time)
        lo, hi = max(0, c.start - _SENTENCE_WINDOW), c.start + _SENTENCE_WINDOW
        start = max(self.text.rfind(ch, lo, c.start) for ch in "。；;\n") + 1
        ends = [i for i in (self.text.find(ch, c.start, hi) for ch in "。；;\n") if i >= 0]
        sentence = self.text[max(start, lo):min(ends, default=hi)]
        cues = self.reading.cues if self.reading is not None else None
        if cues is None:
            return False
        named = [n for n in cues.section_listed.findall(sentence) if not cues.common_section.fullmatch(n)]
        own = {name for u in units if not cues.common_section.fullmatch(name := _BRACKETED.sub("", u))}
        return len(named) >= 2 and not any(n in own or any(n in u for u in own) for n in named)

    def _people_listed(self, c: Claim) -> bool:
        """Whether `c` heads a 其中 list one of whose parts is people out of post (退休, 离休) — not posts."""
        out_of_post = ("department.staffing.retired", "department.staffing.others")
        if not list_follows(self.reading, c):
            return False            # the list right after the figure ("…205人。其中，…")
        for p in self._sentences(c.sentence, c.sentence + 1):
            if p.kind != "count" or p.figure is None or p.start <= c.start:
                continue
            if lists_between(self.reading, c, p) > 1 or (p.fact or "").startswith("department.staffing.posts"):
                return False        # another list began, or the list names kinds of posts ("行政编制29名")
            if c.value is not None and p.value is not None and p.value > c.value:
                # "编制数为28人，其中在职34人，退休人员85人": a head fewer than one of its parts does not count them
                return False
            if p.fact in out_of_post:
                return True
        return False

    def _count_of_a_category(self, c: Claim, staffing) -> None:
        """A count of one category's people (or of posts not read): wrong only when it outnumbers all of them."""
        bound = self._category_bound(c, staffing)
        if bound is not None and c.value > bound[1] and c.value - bound[1] in self._others_listed_after(c):
            # "现有在岗职工34人，其中：在编人员23人，聘用人员11人": people the file does not count among its staff
            # are among them
            return self.skip(c, "其后的“其中”列出了事实文件不计入在职人员的人（聘用、临聘等）")
        if bound is not None and c.value > bound[1] and c.category == "未写明类别" and self._in_aside(c):
            # "…医技身份共105人（含在行政岗位，在编仅55人）": of a group the aside's item counts, not of the department
            return self.skip(c, "括号里说的是前面那一类人中的一部分，不是全部门的")
        if bound is not None and c.value > bound[1]:
            # one kind of the people cannot outnumber all of them
            return self.error("PROSE-COUNT", c, f"正文“…{self.quote(c)}”与人员编制不符：说的是一类人员（{c.category}），"
                              f"却多于{bound[0]} {bound[1]}{c.unit}。", stated=c.value, fact=bound[1])
        return self.skip(c, f"说的是一类编制（{c.category}）的人数，不是全部门的")
