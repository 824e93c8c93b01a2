"""Free text: template blanks, dates outside the report year, references to facts."""
from __future__ import annotations

import bisect
import datetime as _dt
import re

from ..derive.claims.nearby import others_at
from ..derive.claims.tokens import COUNTS
from ..model.facts import Report
from ..model.findings import Document, Findings
from ..model.schema import STALE, Model
from ..template.references import ALLOWED, REFERENCE, lookup

# Blanks a copied template leaves behind: "满分 分", "XX", "××", "（ ）", "___".
BLANKS = [
    (re.compile(r"(满分|得分|自评分|总分|合计|共|为)[ \t\u3000]+(分|万元|元|个|家|项|%)"), "数字空缺"),
    (re.compile(r"[XＸ]{2,}|[×✕]{2,}|[○〇]{2,}|_{3,}|＿{2,}"), "占位符"),
    (re.compile(r"[（(]\s*[)）]"), "空括号"),
    (re.compile(r"[0-9]{4}\s*年\s*月\s*日|(?<![0-9])\s年\s*[0-9]{1,2}\s*月"), "日期空缺"),
]
# As-of statements: "截至2023年12月31日" — up to the report date is normal (a report is written the
# next spring); before the report year, or after the report was written, is a slip.
_AS_OF = re.compile(r"(截至|截止)(到|于)?\s*([0-9]{4})\s*年(?:\s*([0-9]{1,2})\s*月(?:\s*([0-9]{1,2})\s*日)?)?")
# "2023年年末": a figure's moment, which should be the report year's end — unless it is the base of
# a comparison ("较2022年末") or said in a section about what came after the year.
_YEAR_END = re.compile(r"([0-9]{4})\s*年\s*(年末|年底|末|底)")
_COMPARISON = re.compile(r"(?:较|比|与|同|和|相比|截至|截止|到|至|由|从)\s*$")
# "2022年末全县常住人口20.58万人": a whole area's statistic at that year's end, not the report's moment
# "2023年底下达的农村公路资金": what happened at that year's end, not a count as of it
# ("单位2022年底增加退休人员一名": someone who came or went then — the reason for a change, no count as of it)
_EVENT = re.compile(r"\s*(?:前|才|已|再|又|集中|统一)?(?:结转|下达|拨付|下拨|拨入|到位|到账|追加|安排|批复|签订|完成|开工|竣工|启动|实施|发放|支付|收到"
                    r"|增加|减少|新增|新进|调入|调出|退休|离休|去世|逝世|病故|招录|招聘|辞职)")
# "较2022年年初预算减少1.30万元，主要是截至2022年10月，我局存量运行维护公务用车3辆": a date in the reason given for a
# figure is the reason's (the count the budget was made on), not the moment of the report's figures
_REASON = re.compile("主要是|主要原因是|原因是|主要原因|主要用于|由于|因为")
_AREA = re.compile(r"\s*(?:全|我|本)(?:国|省|市|县|区|州|盟|旗|镇|乡)")
# Sections about the time after the report year: rectification, problems, measures, what is next.
AFTER_YEAR = {"rectification", "problems", "measures", "results_use"}


# The report walked last and its texts: five checks walk the same report (text, typography, prose,
# the template's numbering twice), and a language server checks after every keystroke. A loaded
# report is never changed; holding it keeps its id from being reused by another.
_walked: list = [None, ()]


def iter_texts(obj, path=()):
    """Every text of the report with its path, in document order; `mkreport rollover`'s 【上年】
    blanked out (same length: positions stay), for it is a mark, not words of the report — its 上年
    is no prior-year reference that would make the figures after it last year's."""
    if path or not isinstance(obj, Model):
        return _walk(obj, path)
    if _walked[0] is not obj:
        _walked[:] = [obj, tuple(_walk(obj, ()))]
    return iter(_walked[1])


def _walk(obj, path):
    if isinstance(obj, str):
        yield path, obj.replace(STALE, " " * len(STALE))
    elif isinstance(obj, Model):
        for name in type(obj).fields:
            yield from _walk(getattr(obj, name), path + (name,))
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _walk(item, path + (i,))
    elif isinstance(obj, dict):
        for key, item in obj.items():
            yield from _walk(item, path + (key,))


# Fields whose text is a name or a document title, not narrative to scan for blanks.
_NOT_NARRATIVE = {"rubric", "template", "name", "number", "kind"}


def check_text(report: Report, doc: Document, view, found: Findings, readings: dict | None = None) -> None:
    """Blanks, dates and {{ }} references in every text. `readings` (path → how the claim reader read the text),
    where given, limits a 截至 date in prose to the sentences that state the department's own figures."""
    year = report.year
    for path, text in iter_texts(report):
        if not text.strip():
            found.error("EMPTY", "此处为空白文字：请填写或删除该项。", doc, path)
            continue
        if path[-1] not in _NOT_NARRATIVE:
            for pattern, what in BLANKS:
                m = pattern.search(text)
                if m:
                    found.error("BLANK", f"文字中有未填写的模板空白（{what}）：“…{_around(text, m)}…”。", doc, path,
                                m.start())
                    break
        _dates_read(report, text, doc, path, found, readings.get(path) if readings is not None else None)
        for m in REFERENCE.finditer(text):
            ref, filt = m.group(1), m.group(2)
            if ref.split(".")[0] not in type(report).fields:
                continue      # not a fact path: plain text that happens to use braces
            problem = _reference_problem(ref, filt, report, view)
            if problem:
                found.error("REF", problem, doc, path, m.start())
    st = report.department.staffing if report.department else None
    if st is not None and st.as_of is not None and st.as_of.year != year \
            and not (st.as_of.year == year - 1 and _written_in_year(report)):
        found.error("DATE-YEAR", f"人员编制统计截止日期 {_cn(st.as_of)} 不在报告年度 {year} 年内"
                    f"（通常应为 {year}年12月31日）。", doc, ("department", "staffing", "as_of"))
    if report.report_date is not None and report.report_date.year not in (year, year + 1):
        found.error("DATE-YEAR", f"成文日期 {_cn(report.report_date)} 应在 {year} 年或 {year + 1} 年。",
                    doc, ("report_date",))
    _report_date(report, doc, found)
    if report.assets is not None and report.assets.as_of is not None and report.assets.as_of.year != year:
        found.error("DATE-YEAR", f"资产统计截止日期 {_cn(report.assets.as_of)} 不在报告年度 {year} 年内。",
                    doc, ("assets", "as_of"))


def _report_date(report: Report, doc: Document, found: Findings) -> None:
    """A report without its 成文日期: the signature has no date (the templates never make one up).
    Written but not usable (待填写, a wrong date) is reported where it was written, not here. The
    national form has no signature: it prints no date, and asks for none."""
    if report.report_date is not None or ("report_date",) in doc.positions or report.form is not None:
        return
    found.warning("DATE-MISSING", f"没有成文日期（report_date）：报告落款只有部门名称、不写日期。请在 year 之后加一行"
                  f"“report_date: {report.year + 1}-03-31”这样的日期（报告的实际成文日期）。",
                  doc, ("year",)).at_key = True


def _reference_problem(ref: str, filt: str | None, report: Report, view) -> str:
    """Why `{{ ref | filt }}` in user text cannot be written into the report, or ""."""
    from ..template.contract import _KIND_ZH, facts_kind
    from ..template.phrases import FILTER_DOCS

    shown = f"{{{{ {ref} | {filt} }}}}" if filt else f"{{{{ {ref} }}}}"
    kind = facts_kind(ref)
    if kind in ("object", "list"):
        return (f"文字中引用的 {shown} 指向{'一组数据' if kind == 'list' else '事实文件的一节'}，不能直接写进正文："
                "请引用其中的一个数、文字或日期，如 {{ finance.income.total.final | amount }}。")
    if lookup(ref, report, view) is None:
        return f"文字中引用的 {shown} 在事实文件中没有值：请检查路径拼写，或填写这个值。"
    if filt and filt not in ALLOWED:
        return f"文字中引用的 {shown} 用了不支持的过滤器“{filt}”，可用：{'、'.join(ALLOWED)}。"
    if filt and kind is not None:
        accepts = FILTER_DOCS[filt][0]
        if kind not in accepts and not (kind == "int" and "number" in accepts):
            return (f"文字中引用的 {shown}：过滤器 {filt} 用于{'、'.join(_KIND_ZH[a] for a in accepts)}，"
                    f"而 {ref} 是{_KIND_ZH.get(kind, kind)}。")
    return ""


class _OwnYear:
    """Where a text names the report year's end or a day in it, by sentence (found once for the text)."""

    def __init__(self, text: str, year: int):
        self.ends = [m.start() for m in _FULL_STOP.finditer(text)]     # (a ； joins what it compares)
        self.own = sorted([m.start() for m in _YEAR_END.finditer(text) if int(m.group(1)) == year]
                          + [m.start() for m in _AS_OF.finditer(text) if int(m.group(3)) == year])

    def beside(self, at: int) -> bool:
        """Whether the sentence around `at` names the report year's end too ("截至2022年12月31日，…37人；截至2023年
        12月31日，…35人"; "2022年年末在职职工37人，2023年年末在职人员35人"): the other is what it is compared with."""
        k = bisect.bisect_left(self.ends, at)
        opened = self.ends[k - 1] if k else -1
        closed = self.ends[k] if k < len(self.ends) else float("inf")
        i = bisect.bisect_right(self.own, opened)
        return i < len(self.own) and self.own[i] < closed


def _written_in_year(report: Report) -> bool:
    """Whether the document is dated within its own year (a budget, a plan): the end of the year before is the latest
    year end it can count staff or balances at ("2022年年末在职在编人员53人" in a 2023 budget of 2023-06)."""
    return report.report_date is not None and report.report_date.year == report.year


def _dates_read(report: Report, text: str, doc: Document, path, found: Findings, reading) -> None:
    """The dates of a text and the year ends it names, with where the reader found the department's own figures,
    last year's, and another subject's (None: the text was not read)."""
    claimed = None if reading is None else \
        [c.figure.start for c in reading.claims if c.fact is not None] + [u.figure.start for u in reading.unread if u.own]
    _dates(report, text, doc, path, found, claimed)
    if not (path and path[0] in AFTER_YEAR):
        # last year's figures, and headcounts: "2022年末实有在岗人员21人" states what was then (a count has no column
        # for last year to tell a stale year from a history)
        priors = [] if reading is None else \
            [c.figure.start for c in reading.claims if c.figure and (c.kind in ("prior", "count") or (
                c.kind == "sum" and c.of is not None and c.of.unit in COUNTS))]
        _year_ends(report, text, doc, path, found, claimed or [], [] if reading is None else list(others_at(reading)),
                   priors)


def _dates(report: Report, text: str, doc: Document, path, found: Findings, claimed: list | None = None) -> None:
    """`claimed`: where the department's own figures stand in the text, if it was read: "截至2022年10月中旬，
    已整改1153个" in a 2023 report may be history or another body's — an earlier year is checked only in a
    sentence that states one of the department's figures (a date after the report's is wrong whoever's it is)."""
    year = report.year
    latest = report.report_date or _dt.date(year + 1, 12, 31)
    own = _OwnYear(text, year)
    for m in _AS_OF.finditer(text):
        y = int(m.group(3))
        month, day = int(m.group(4) or 12), int(m.group(5) or 0)
        word = "" if m.group(1) == "截至" or m.group(2) else "（另：表示“到某时为止”应写“截至”。）"
        if y < year and (_about_year(text, m.start(), y, year) or own.beside(m.start()) or _in_reason(text, m.start())
                         or (claimed is not None and not _states_own_figure(text, m.start(), claimed))):
            pass
        elif y < year and not (y == year - 1 and _written_in_year(report)):
            found.error("DATE-YEAR", f"“{_around(text, m)}”：统计截止时间应在报告年度 {year} 年内，此处为 {y} 年。{word}",
                        doc, path, m.start())
            continue
        if y >= year and 1 <= month <= 12 and _dt.date(y, month, min(day, 28) or 1) > latest:
            found.error("DATE-YEAR", f"“{_around(text, m)}”：晚于成文日期 {_cn(latest)}，请核对年份。{word}",
                        doc, path, m.start())
            continue
        if word:
            found.warning("DATE-WORD", f"“{_around(text, m)}”：表示“到某时为止”应写“截至”（或“截止到”）。",
                          doc, path, m.start())


def _in_reason(text: str, at: int) -> bool:
    """Whether `at` is in the reason given for a figure: a word that gives one between the clause's start (the last
    ；or full stop before it) and `at` (see _REASON)."""
    start = max(0, at - 80)
    stop = _SENTENCE_END.search(text[start:at][::-1])
    return _REASON.search(text, start if stop is None else at - stop.start(), at) is not None


def _year_ends(report: Report, text: str, doc: Document, path, found: Findings, claimed: list, others: list,
               priors: list) -> None:
    """"2022年年末在职…" in a 2023 report: another year's end, said where this year's is meant (not in a comparison,
    nor in a document written in its year, whose latest year end is the one before, nor in a sentence whose figures
    the reader took for another subject's and none for the department's: "主营业务…2022年年末在校生14490人")."""
    year = report.year
    own = _OwnYear(text, year)
    for m in _YEAR_END.finditer(text):
        if int(m.group(1)) < year - 2:
            # "2017年末职工人数19人" in a 2023 report: a year long past is history (or another body's), not this year's
            # end miscopied — a report copied forward carries last year's or the year before's
            continue
        if int(m.group(1)) != year and not (int(m.group(1)) == year - 1 and _written_in_year(report)) \
                and not _COMPARISON.search(text[max(0, m.start() - 4):m.start()]) \
                and not _AREA.match(text, m.end()) and not _EVENT.match(text, m.end()) \
                and not own.beside(m.start()) and not _in_reason(text, m.start()) \
                and (_states_own_figure(text, m.start(), claimed) or not _states_own_figure(text, m.start(), others)) \
                and not any(m.end() <= at <= m.end() + 16 for at in priors):
            # (nor where the figure after it is read as last year's: "2022年年末结转和结余26.84万元…，已于2023年全部支出")
            # (not beside the report year's end in the same sentence: "2023年末在职37人，2022年末为35人" compares, and so
            # does "2022年年末在职职工37人，2023年年末在职人员35人")
            found.warning("DATE-YEAR-END", f"“{_around(text, m)}”：报告年度为 {year} 年，此处写的是 {m.group(1)} 年年末，"
                          "请核对年份。", doc, path, m.start())


_YEAR = re.compile(r"([0-9]{4})\s*年")


_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_FULL_STOP = re.compile(r"[。！？!?\n]")


def _states_own_figure(text: str, at: int, claimed: list) -> bool:
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, at)), default=0)
    end_m = _SENTENCE_END.search(text, at)
    end = end_m.start() if end_m else len(text)
    return any(start <= pos < end for pos in claimed)


def _about_year(text: str, at: int, y: int, year: int) -> bool:
    """"2015年公务接待费…。截至2015年12月底，…": a passage that states its figures for an earlier year
    and never names the report year is about that year (another unit's history, a quoted past report);
    its as-of date fits it and is not a stale date."""
    if str(year) in text:
        return False
    return any(int(n.group(1)) == y and not _COMPARISON.search(text[max(0, n.start() - 4):n.start()])
               for n in _YEAR.finditer(text, 0, at))


def _cn(d: _dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _around(text: str, m: re.Match, width: int = 12) -> str:
    return text[max(0, m.start() - width): m.end() + width].replace("\n", " ")
