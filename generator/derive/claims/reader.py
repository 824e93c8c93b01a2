"""The claim reader's entry point: a vocabulary made into a matcher (`Lexicon`), and `read`."""
from __future__ import annotations

import gc
import json
import re
from pathlib import Path

from .bodies import Bodies
from .budgettext import is_budget_text, read_as_budget, spent_in_year, year_carried_out
from .chains import read_chains
from .covered import read_covered
from .cues import Cues
from .formulas import read_formulas
from .grammar import Claim, Reading, Unread, read_tokens
from .lexicon import NotFinite, spellings, trie_pattern
from .named import read_named_counts
from .partnames import with_parts_named
from .patterns import FUND_BUDGETS
from .purchases import read_purchases
from .ratios import read_ratios
from .rows import read_rows
from .seriesshares import read_series_shares
from .setting import Setting
from .tokens import (
    Token,
    as_words,
    compile_scanner,
    compile_tokenizer,
    cut_at,
    tokenize,
    with_opening_bodies,
    with_units_of_bases,
)


def _embedded_column(word: str, columns: dict) -> str | None:
    for fund in FUND_BUDGETS:
        word = word.replace(fund, "")
    best = max((w for w in columns if w in word), key=len, default=None)
    if best is not None:
        return columns[best]
    if "决算" in word:
        return "final"
    if "预算" in word:
        return "plan"
    return None


def _finite_spellings(pattern: str) -> tuple[str, ...]:
    try:
        return tuple(spellings(pattern))
    except NotFinite:          # refused when the file was read; nothing to add
        return ()


def _expand(voc) -> dict:
    """Every spelling with what it means, the trie of them all, and the words allowed before a label."""
    means: dict[str, list] = {}

    def add(pattern: str, what: str, value) -> None:
        try:
            words = spellings(pattern)
        except NotFinite:          # refused when the file was read; nothing to add
            return
        for w in words:
            have = means.setdefault(w, [])
            # one spelling, one meaning per class; only a label may name two facts ("商品和服务支出")
            if not any(k == what and (what != "fact" or v == value) for k, v in have):
                have.append([what, value])

    columns: dict[str, str] = {}
    for col, pattern in voc.columns:
        try:
            for w in spellings(pattern):
                columns.setdefault(w, col)
        except NotFinite:
            pass
    for pattern, fact in voc.facts:
        add(pattern, "fact", fact)
        try:
            words = spellings(pattern)
        except NotFinite:
            continue
        for w in words:        # "预算收入": the label names its column too
            col = _embedded_column(w, columns)
            if col and not any(k == "col" for k, _ in means[w]):
                means[w].append(["col", col])
    for pattern, fact in voc.shares:
        add(pattern, "whole", fact)
    for col, pattern in voc.columns:
        add(pattern, "col", col)
    for pattern in voc.others:
        add(pattern, "other", None)
    for cls, pattern in voc.words:
        add(pattern, cls, None)
    before: set[str] = set()
    for pattern in voc.before:
        try:
            before |= spellings(pattern)
        except NotFinite:
            pass
    return {"meanings": means, "trie": trie_pattern(means), "before": sorted(before)}


_SIDE_TOTALS = frozenset({"finance.income.total", "finance.income.current", "finance.expenditure.total",
                          "finance.expenditure.current"})


def _column_totals(meanings: dict) -> frozenset[str]:
    """The words that name a side's total by a column word and a word for "all" ("预算规模", "预算总数")."""
    columns = {w for w, m in meanings.items() if m and all(k == "col" for k, _ in m)}
    return frozenset(w for w, m in meanings.items()
                     if any(k == "col" for k, _ in m) and any(k == "fact" for k, _ in m)
                     and all(v in _SIDE_TOTALS for k, v in m if k == "fact")
                     and any(w[:i] in columns for i in range(2, len(w))))


def _source_totals(meanings: dict) -> dict[str, tuple]:
    """The words that name a side's total from one source by the source's word and a plain head ("财政拨款支出"), with
    the meanings of the source's word ("财政拨款")."""
    out = {}
    for w, m in meanings.items():
        facts = [v for k, v in m if k == "fact"]
        if not facts or not all(v.startswith("finance.expenditure.") and v.rpartition(".")[2] in _SOURCES for v in facts):
            continue
        for i in range(len(w) - 1, 1, -1):
            head = meanings.get(w[:i], ())
            if head and all(k == "source" for k, _ in head) and w[i:] in meanings:
                out[w] = head
                break
    return out


_SOURCES = frozenset({"fiscal", "general", "fund", "state_capital"})


try:
    _OWN_TEXT = Path(__file__).read_bytes()
except OSError:                 # pragma: no cover - a build without source files
    _OWN_TEXT = b""


class Lexicon:
    """Every spelling of every word of a vocabulary, with what it means, in one linear-time matcher.
    Where two entries spell the same text, the first (a county's before the built-in) wins its class."""

    def __init__(self, voc):
        from ...core import cache
        sources = json.dumps([voc.facts, voc.shares, voc.columns, voc.others, voc.words, voc.before, voc.within],
                             ensure_ascii=False)
        # expanding the spellings and building the trie is the same for the same words: kept on disk
        # (this module's own text is part of the key: a new release may expand the same words differently)
        data = cache.kept(f"lexicon-{cache.key('lexicon', _OWN_TEXT, sources)}", lambda: _expand(voc),
                          lambda d: json.dumps(d, ensure_ascii=False).encode("utf-8"),
                          lambda b: json.loads(b.decode("utf-8")))
        self.meanings = {w: tuple(tuple(m) for m in ms) for w, ms in data["meanings"].items()}
        self.readings: dict[tuple, Reading] = {}        # see read()
        self.labels = frozenset(w for w, m in self.meanings.items() if any(k == "fact" for k, _ in m))
        # headcount words double as verbs and adjectives ("编制预算", "在职培训"): glued to a word before
        # them they are that word's, and name nobody
        self.verbs = frozenset(w for w in self.labels
                               if all(v.startswith("department.staffing") for k, v in self.meanings[w] if k == "fact"))
        # the plain heads "支出" "收入" "经费": right after another label they only end it
        self.suffixes = frozenset(w for w in self.labels if (len(w) <= 2 or w in ("支出合计", "收入合计"))
                                  and all(v.startswith("finance.") for k, v in self.meanings[w] if k == "fact"))
        # "预算规模" "预算总数": a side's total named by a column word and a word for "all" — after a line's name only
        # that line's column (see tokens._label)
        self.column_totals = _column_totals(self.meanings)
        self.source_totals = _source_totals(self.meanings)
        # "余" "左右": words only right after a figure (elsewhere they are not words: "其余收入"); they share one
        # meaning, so the tokenizer tells them by it
        self.rough = (("approx_after", None),)
        for w, m in self.meanings.items():
            if m == self.rough:
                self.meanings[w] = self.rough
        self.cues = Cues(voc.cues, voc.partitions,
                         approximate=[w for w, m in self.meanings.items() if any(k == "approx_after" for k, _ in m)],
                         relations=voc.words)
        # "其他": an item for the rest of a list, after which a fact's name is glued to it ("其他固定资产")
        self.rest = frozenset(w for w, m in self.meanings.items() if any(k == "rest" for k, _ in m))
        self._trie_pattern, self._first = data["trie"], "".join(w[0] for w in self.meanings)
        self._tokenizer: re.Pattern | None = None
        self.scanner = compile_scanner(self._first)
        # names that are a fact's only as a part listed after another's amount (see partnames.py)
        self.within = tuple((_finite_spellings(label), fact, head) for label, fact, head in voc.within)
        self.trie: dict = {}
        for w in self.meanings:
            node = self.trie
            for ch in w:
                node = node.setdefault(ch, {})
            node[""] = True
        self.before = set(data["before"])
        self.before_max = max((len(w) for w in self.before), default=0)

    def allowed_before(self, text: str, start: int) -> bool:
        for k in range(1, self.before_max + 1):
            if k <= start and text[start - k:start] in self.before:
                return True
        return False

    @property
    def tokenizer(self) -> re.Pattern:
        """The whole-trie pattern, compiled the first time a long text is read."""
        if self._tokenizer is None:
            self._tokenizer = compile_tokenizer(self._trie_pattern, self._first)
        return self._tokenizer

    def tokens(self, text: str):
        return tokenize(text, self)


# a township's government ("南陵县许镇镇人民政府"): it names itself by the township ("许镇镇2023年“三公”经费…")
_TOWNSHIP = re.compile(r"(?P<county>.*[省市县区旗])?(?P<place>[^省市县区旗]{1,6}(?:镇|乡|街道))(?:人民政府|政府|办事处)")
# (or, where the place holds a 县 itself — "洛川县旧县镇人民政府" — the county is the shortest lead: see _township)
_TOWNSHIP_SHORT = re.compile(r"(?P<county>.*?[省市县区旗])?(?P<place>[\u4e00-\u9fff]{1,6}?(?:镇|乡|街道))(?:人民政府|政府|办事处)")


def _township(names) -> set:
    out = set()
    for n in names:
        for pattern in (_TOWNSHIP, _TOWNSHIP_SHORT):
            m = pattern.fullmatch(n or "")
            if m and len(m.group("place")) >= 3:
                county, place = m.group("county") or "", m.group("place")
                # "北厝镇人民政府部门收入预算…": the township's government by its own name, the government's kind too;
                # "我镇“三公”经费…": by its kind (only a township's own text: elsewhere 我镇 is some town)
                kind = "街道" if place.endswith("街道") else place[-1]
                out |= {place, county + place, place + "人民政府", place + "政府", county + place + "人民政府",
                        "我" + kind, "本" + kind}
                break
    return out


def _variants(names) -> set:
    """The usual other forms of a full name: a 委员会 is written 委 ("中共某县委员会办公室": "中共某县委办公室", and
    "中共宣城市宣州区直属机关工作委员会": "…工作委", which shortens to "区直工委"), and 中共 may be left out."""
    out = set()
    for n in names:
        if not n or len(n) < 6:
            continue
        forms = {n, n.replace("委员会", "委", 1) if "委员会" in n else n}
        forms |= {f[2:] for f in forms if f.startswith("中共") and len(f) > 6}
        if "人民政府办公室" in n:      # "新余市渝水区人民政府办公室": "渝水区政府办"
            forms |= {n.replace("人民政府办公室", w, 1) for w in ("政府办公室", "政府办")}
        for _ in range(2):      # (a province, then a city)
            forms |= {f[len(m.group()):] for f in list(forms)
                      if (m := _HIGHER_PLACE.match(f)) and len(f) - len(m.group()) >= 6}
        for _ in range(2):      # (a county, then a township: "重庆市大足区昌州幼儿园" is "昌州幼儿园" in its own text)
            forms |= {f[len(m.group()):] for f in list(forms)
                      if (m := _LOWER_PLACE.match(f)) and len(f) - len(m.group()) >= 4}
        # (a people's organisation by its usual short name: "青川县工商业联合会" is "青川县工商联", "工商联")
        forms |= {f.replace(full, short, 1) for f in list(forms) for full, short in _SHORT_NAMES.items() if full in f}
        # ("县工业和信息化局" in 阳西县工业和信息化局's own text: its level kept, its place left out)
        forms |= {m.group()[-1] + f[len(m.group()):] for f in list(forms)
                  if (m := _LEVEL_PLACE.match(f))}
        out |= forms - {n}
    return out


# a city (or province) a county-level body's full name begins with, which the body leaves out of its own name
# ("黄石市下陆区东方社区卫生服务中心": "下陆区东方社区卫生服务中心")
_LOWER_PLACE = re.compile(r"[\u4e00-\u9fff]{1,6}?(?<![社小园景城新])(?:县|区|旗|镇|乡|街道)(?=[\u4e00-\u9fff]{4})")
# a name that opens with a place of its own ("怀远县徐圩乡人民政府", "阳西县工业和信息化局")
_OWN_PLACE = re.compile(r"[\u4e00-\u9fff]{2,7}?(?:省|市|州|盟|县|区|旗)")
_SHORT_NAMES = {"工商业联合会": "工商联", "妇女联合会": "妇联", "科学技术协会": "科协", "文学艺术界联合会": "文联",
                "残疾人联合会": "残联", "归国华侨联合会": "侨联"}
# (a county-level place before a name of three characters or more: "某县图书馆" is "县图书馆" in its own text)
_LEVEL_PLACE = re.compile(r"[\u4e00-\u9fff]{1,6}?(?<![社小园景城新])(?:县|区|旗)(?=[\u4e00-\u9fff]{3})")
_HIGHER_PLACE = re.compile(r"[\u4e00-\u9fff]{1,7}?(?:省|自治区|市|州|盟)(?=[\u4e00-\u9fff]{1,8}?(?:县|区|旗|市))")


# an editor's note left in a published text: "比上年预算（注：上年172.60万元，公开时请删除注释）增加13.80万元"
_NOTE = re.compile(r"[（(][ \t\u3000]*注[：:][^（）()\n]{0,200}[）)]")


def without_notes(text: str) -> str:
    """The text with each editor's note (a bracket opening with 注：) blanked, positions unchanged: its figures are the
    drafter's working, not the text's — the bracket stays, an aside of no figure."""
    if "注" not in text:
        return text
    return _NOTE.sub(lambda m: m.group()[0] + " " * (len(m.group()) - 2) + m.group()[-1], text)


def own_names(text: str, bodies: Bodies, names=()) -> str:
    """The department's own names ("阳西县工业和信息化局") written as 本部门, positions unchanged: its
    name is the department itself, not another subject ("县", "工业") or a noun a label is glued to (a name of three
    characters only where it ends with a kind of body: "教育部", "林业局")."""
    for name in sorted({n for n in names if n and (len(n) >= 4 or (len(n) == 3 and n[-1] in bodies.kind_ends))}
                       | _township(names) | _variants(names), key=len, reverse=True):
        if name not in text:
            continue
        out, i = [], 0
        start = text.find(name)
        while start >= 0:
            # not the tail of another body's name ("市财政局" for a department called "财政局")
            # (nor "县工业和信息化局" inside "新丰县工业和信息化局": a name that starts at its level only after a word
            # that ends no place name)
            # (a name that opens with its own place may follow its higher place: "蚌埠市怀远县徐圩乡人民政府")
            placed = _OWN_PLACE.match(name) is not None
            if (start == 0 or text[start - 1] not in "省市县区镇乡州旗盟村" or placed) and not (
                    name[0] in "县区旗" and start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff"
                    and text[start - 1] not in "年的和与及是为在由对向将了我本"):
                # ("我镇", two characters: 本局, the department's own word of that length)
                out += [text[i:start], "本部门" + " " * (len(name) - 3) if len(name) >= 3 else "本局"]
                i = start + len(name)
            start = text.find(name, start + len(name))
        text = "".join(out) + text[i:]
    return text


_PLACES = "省市县区州旗"


def _shortens(short: str, name: str) -> bool:
    """Whether `short` is the department's own name shortened: the same kind of body, in the same place (or
    none named), its other characters in the name in order."""
    if short[-1] != name[-1] or len(short) >= len(name):
        return False
    cut = max((short.find(p) for p in _PLACES if p in short), default=-1)
    place, core = short[:cut + 1], short[cut + 1:-1]
    if place and place not in name:
        return False
    rest = iter(name[name.find(place) + len(place):] if place else name)
    return bool(core) and all(ch in rest for ch in core)


# what may stand right before a body's name inside a longer match: a verb or preposition ("会同县工信局"), not the
# rest of another place's or body's name ("新丰县工信局", "韶关市工业和信息化局")
_BEFORE_NAME = re.compile(r"(?:会同|联合|配合|协同|协调|会商|牵头|组织|指导|会签|报送|提交|上报|报请|经过|通过|根据|按照|依据|"
                          r"协助|批复|下达|拨付|安排|审核|同意|核定|国家)$")


def _name_starts(text: str, k: int, match_start: int, full: list) -> bool:
    """Whether a name may begin at `k`: after no Chinese character, after a verb ("会同县工信局", "批复住建部"), or
    after characters of the department's own name ("寻甸县司法局" for 寻甸回族彝族自治县司法局)."""
    if k == 0 or not ("\u4e00" <= text[k - 1] <= "\u9fff") or _BEFORE_NAME.search(text, max(0, k - 2), k):
        return True
    before = text[max(match_start, k - 4):k]
    return bool(before) and text[k] in _PLACES and any(
        _in_order(before, n[:n.find(text[k])] if text[k] in n else "") for n in full)


def _in_order(chars: str, name: str) -> bool:
    rest = iter(name)
    return bool(name) and all(ch in rest for ch in chars)


def own_short_names(text: str, bodies: Bodies, names=()) -> str:
    """"县工信局" for "阳西县工业和信息化局": the department's name shortened is the department, written 本部门 (as
    own_names does) so the tokenizer does not take it for another body (a short form: where it is, then what it is —
    bodies.short)."""
    full = [n for n in names if n and len(n) >= 4]
    full += sorted(_variants(full))
    if not full or not any(n[-1] in text for n in full):
        return text
    ends = {n[-1] for n in full}
    seen: dict[tuple[str, str], int | None] = {}      # a name written again is the same name (the offset it starts at)
    out, i = [], 0
    for m in bodies.short.finditer(text):
        if m.start() < i:
            continue                # (inside a name already taken, see below)
        word, end = m.group(), m.end()
        if word[-1] not in ends:
            # "市政府办公厅" of "深圳市人民政府办公厅": the shortest match ("市政府办") ends at a kind of body inside the name
            end = next((k + 1 for k in range(end, min(end + 3, len(text))) if text[k] in ends), -1)
            if end < 0 or not all("\u4e00" <= ch <= "\u9fff" for ch in text[m.end():end]):
                continue
            word = text[m.start():end]
        if "本部门" in word:
            continue
        key = (word, text[m.start() - 1] if m.start() else "")
        if key not in seen:
            # the match may take in words before the name ("会同县工信局"): the longest tail that is the name counts
            seen[key] = next((k - m.start() for k in range(m.start(), end - 2)
                              if (k == 0 or text[k - 1] not in _PLACES) and _name_starts(text, k, m.start(), full)
                              and any(_shortens(text[k:end], n) for n in full)), None)
        offset = seen[key]
        if offset is None:
            continue
        start = m.start() + offset
        out += [text[i:start], "本部门", " " * (end - start - 3)]
        i = end
    return "".join(out) + text[i:]


# characters of one text read: a report's longest section has a few thousand (see tokens.MAX_TEXT_TOKENS)
MAX_TEXT_CHARS = 200_000


# Readings kept per lexicon: a process that checks the same texts again (`mkreport lsp` after each
# keystroke, where one text of a hundred changed) reads only what changed. A reading is the same
# for the same text, year and names; the one mark a check puts on it (Claim.flagged) is taken off
# before it is handed out again.
MAX_KEPT = 4096


def read(text: str, voc, year: int, names=(), kept: bool = True, targets=(), counts_year: int | None = None,
         moments: tuple = ()) -> Reading:
    """The claims one text makes (see grammar.py), and the figures it leaves unread, with why.
    `names`: the department's own names. `targets`: the performance targets' names, as (index, name) pairs:
    where the text names one, the reading records the mention and whether it is this year's and the
    department's (Reading.targets). `kept`: the reading may be one kept from before (a caller
    holding two readings of one text at once asks for a fresh one). `counts_year`: the year at whose end the
    staffing facts count people, when not the report's (a budget counts them at the end of the year before).
    `moments`: the (month, day) pairs at which the file counts its stocks (assets.as_of): "截至1月31日" on one of them
    is the file's own moment, not part of the year."""
    lex = voc.lexicon
    setting = Setting(year, year if counts_year is None else counts_year, tuple(moments))
    if not kept:
        return _read(text, lex, setting, names, targets)
    key = (text, setting, tuple(names), tuple(targets))
    found = lex.readings.get(key)
    if found is not None:
        _unmark(found)
        return found
    if len(lex.readings) >= MAX_KEPT:
        lex.readings.clear()
    reading = lex.readings[key] = _read(text, lex, setting, names, targets)
    return reading


def with_targets(text: str, tokens: list[Token], targets) -> list[Token]:
    """The tokens with each target's name ("招商引资项目投资总额", "5G基站建设") as one word meaning that target,
    in place of the words and figures inside it (a name is a name, whatever words it is made of)."""
    spans = []
    taken = bytearray(len(text))
    for k, name in sorted(targets, key=lambda t: -len(t[1])):
        if len(name) < 2:
            continue
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if not any(taken[at:end]):
                taken[at:end] = b"\x01" * (end - at)
                spans.append((at, end, k))
            at = text.find(name, end)
    return as_words(text, tokens, [(s, e, (("target", k),)) for s, e, k in sorted(spans)])


def _reachable(reading: Reading):
    """Every claim of a reading and every claim or token it holds (of, base, change, whole_from, other, parts — a
    formula's tree and a list of names are tuples), each once."""
    todo: list = list(reading.claims)
    seen: set[int] = set()
    while todo:
        c = todo.pop()
        if isinstance(c, (list, tuple)):
            todo.extend(c)
            continue
        if id(c) in seen or not isinstance(c, (Claim, Token)):
            continue
        seen.add(id(c))
        yield c
        if isinstance(c, Claim):
            todo.extend(x for x in (c.of, c.base, c.change, c.whole_from, c.other) if x is not None)
            todo.extend(c.parts)


def _unmark(reading: Reading) -> None:
    """Every claim of a reading as the reader made it: `flagged` back to its class default."""
    for c in _reachable(reading):
        if isinstance(c, Claim):
            c.__dict__.pop("flagged", None)


def _read_all(text: str, tokens: list[Token], cues: Cues, setting: Setting, budget: bool) -> Reading:
    year = setting.year
    reading = read_tokens(tokens, text, setting, cues, budget_text=budget)
    read_formulas(text, tokens, reading)       # "…=44÷45×100%=97.78%": the figures are the formula's
    read_ratios(text, tokens, reading)         # "新签约项目28个，完成全年目标任务25个的112%"
    read_rows(text, tokens, reading)           # "单位名称 经费性质 人员编制数 在职人数 本部门 财政拨款 32 34"
    read_chains(text, tokens, reading)         # "收入3237.75万元，加上年结余0万元，减支出3237.75万元，滚存结余0万元"
    read_named_counts(text, tokens, reading)   # "内设14个机构，分别是办公室、…": as many names as the count
    read_covered(text, tokens, reading, year)  # "项目支出均实行了绩效目标管理，涉及…资金1052.39万元": their budget
    read_series_shares(text, tokens, reading)  # "一般公共服务（类）支出912.40万元，占77.68%；教育（类）…": of their sum
    read_purchases(text, tokens, reading, year)    # "2023年计划购置车辆1辆、22万元": at least the 公务用车购置费
    _every_figure_accounted(text, tokens, reading)
    return reading


# the reason given for a figure that no part of the reader claimed or left unread with a reason of its own
UNACCOUNTED = "没有读出这个数说的是什么，不核对"


def _every_figure_accounted(text: str, tokens: list[Token], reading: Reading) -> None:
    """Every figure of the text is either in a claim or unread with why: explain lists each one (a figure the reading
    passed over silently would be a figure a user cannot ask about). A figure counts as read where a claim holds a
    figure at its place (passes such as lettered.py make their own tokens) or it is an operand of a formula read."""
    at: set[int] = set()
    spans = []
    for c in _reachable(reading):
        if isinstance(c, Token):
            at.add(c.start)
        elif c.figure is not None:
            at.add(c.figure.start)
            if c.kind == "formula" and c.expression:
                begin = text.rfind(c.expression, 0, c.figure.start)
                if begin >= 0:
                    spans.append((begin, c.figure.start))
    at.update(u.figure.start for u in reading.unread)
    reading.unread.extend(Unread(t, UNACCOUNTED) for t in tokens if t.kind == "num" and t.start not in at
                          and not any(lo <= t.start < hi for lo, hi in spans))


def _read(text: str, lex, setting: Setting, names, targets=()) -> Reading:
    year = setting.year
    cut = None
    if len(text) > MAX_TEXT_CHARS:
        # a text longer than any report's section: read up to the limit (the rest is said to be unread)
        text, cut = text[:MAX_TEXT_CHARS], cut_at(MAX_TEXT_CHARS, MAX_TEXT_CHARS)
    text = without_notes(own_short_names(own_names(text, lex.cues.bodies, names), lex.cues.bodies, names))
    # Reading makes many small objects and no reference cycles: the cyclic collector would only
    # rescan them again and again (a third of the time on a long text), so it waits until the end.
    enabled = gc.isenabled()
    gc.disable()
    try:
        tokens = lex.tokens(text)
        if cut is not None and not (tokens and tokens[-1].kind == "cut"):
            tokens.append(cut)
        tokens = with_targets(text, tokens, targets)
        tokens = with_opening_bodies(text, tokens, lex.cues.bodies, names, lex.labels)
        tokens = with_parts_named(text, tokens, lex.within)
        tokens = with_units_of_bases(text, tokens)
        reading = _read_all(text, tokens, lex.cues, setting, budget=False)
        carried_out = year_carried_out(text, lex.cues, year) or spent_in_year(reading.claims)
        if is_budget_text(text, reading, carried_out):
            # a budget's text: read again with 年初预算 for no column word (the reader's default) and for 预算 alone
            reading = _read_all(text, tokens, lex.cues, setting, budget=True)
            read_as_budget(reading)
        reading.budget_words = "预算" in text and not carried_out
        return reading
    finally:
        if enabled:
            gc.enable()
