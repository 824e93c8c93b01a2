"""The page of a built report as a typesetter reviews it (issue 20): one face a heading level, lists
numbered below their item, tables that break under a repeated header instead of leaving a third of a
page empty, the attachment's title on the third line and named as the 附件说明 names it, quotation
marks in the Chinese face. Read back from the examples as built (python-docx, lxml)."""
from __future__ import annotations

import re

import pytest
from docx import Document
from docx.oxml.ns import qn
from paths import EXAMPLES

from generator.render.headings import number_of, numbered, renumber_lists

LEVEL_NAMES = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）", 5: "①"}


def styles_of(doc) -> dict:
    """Each paragraph style's (east-Asian face, size, bold), following basedOn."""
    out = {}
    for style in doc.styles:
        if style.type != 1:
            continue
        face = size = bold = None
        s = style
        while s is not None:
            rpr = s.element.find(qn("w:rPr"))
            if rpr is not None:
                fonts, sz, b = rpr.find(qn("w:rFonts")), rpr.find(qn("w:sz")), rpr.find(qn("w:b"))
                face = face or (fonts.get(qn("w:eastAsia")) if fonts is not None else None)
                size = size or (sz.get(qn("w:val")) if sz is not None else None)
                if bold is None and b is not None:
                    bold = b.get(qn("w:val"), "1") not in ("0", "false")
            s = s.base_style
        out[style.style_id] = (face, size, bool(bold))
    return out


def number_run(p, styles: dict) -> tuple:
    """(face, size, bold) the paragraph's number is set in: its first run's own, else its style's."""
    face, size, bold = styles[p.style.style_id]
    rpr = p.runs[0]._r.rPr
    if rpr is not None:
        fonts, sz, b = rpr.find(qn("w:rFonts")), rpr.find(qn("w:sz")), rpr.find(qn("w:b"))
        face = fonts.get(qn("w:eastAsia")) if fonts is not None and fonts.get(qn("w:eastAsia")) else face
        size = sz.get(qn("w:val")) if sz is not None else size
        bold = b.get(qn("w:val"), "1") not in ("0", "false") if b is not None else bold
    return face, size, bold


def numbered_paragraphs(doc):
    for p in doc.paragraphs:            # the body's own paragraphs: table cells are not headings
        found = number_of(p.text)
        if found and p.runs:
            yield p, found


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_heading_level_is_set_in_one_face(built, name):
    """Every "一、" "（一）" "1." "（1）" "①" of a report — the template's headings and those written on
    in body text alike — in one face, size and weight a level: 黑体, 楷体, then 仿宋 (GB/T 9704 7.3.3)."""
    doc = Document(str(built / f"{name}.docx"))
    styles = styles_of(doc)
    faces: dict[int, set] = {}
    for p, (level, _, _) in numbered_paragraphs(doc):
        faces.setdefault(level, set()).add(number_run(p, styles))
    assert {1, 2} <= set(faces), faces
    for level, found in faces.items():
        assert len(found) == 1, (LEVEL_NAMES[level], found)
    assert next(iter(faces[1]))[0] == "黑体" and next(iter(faces[2]))[0] == "楷体_GB2312"
    assert all(next(iter(faces[level]))[0] == "仿宋_GB2312" and not next(iter(faces[level]))[2]
               for level in (3, 4, 5) if level in faces)


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_level_counts_from_one_under_its_parent(built, name):
    """Read in order, each number is one more than the last of its level under the same parent, or
    one under a new parent one level up — no （一）–（五） inside a ② (平远), no level skipped."""
    doc = Document(str(built / f"{name}.docx"))
    last: dict[int, int] = {}
    for p, (level, n, _) in numbered_paragraphs(doc):
        assert level == 1 or level - 1 in last, (p.text[:20], last)
        assert n == last.get(level, 0) + 1, (p.text[:20], last)
        last = {lv: k for lv, k in last.items() if lv < level} | {level: n}


def test_pingyuan_s_own_numbered_paragraphs_count_below_their_item(built):
    """The facts number the paragraphs of "②采购内控制度建设" （一）–（五）: under a ① level they read
    一是……五是, as running text counts below the last level."""
    texts = [p.text for p in Document(str(built / "pingyuan-2023.docx")).paragraphs]
    at = next(i for i, t in enumerate(texts) if t.startswith("②采购内控制度建设"))
    assert [texts[i][:2] for i in range(at + 1, at + 6)] == ["一是", "二是", "三是", "四是", "五是"]
    assert texts[at + 1].startswith("一是集体决策。平远县科工商务局")
    assert not any(t.startswith("（一）集体决策") for t in texts)


def test_a_list_numbered_from_one_below_a_deeper_item_goes_one_level_below_it():
    from lxml import etree
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    def para(text):
        return etree.fromstring(f'<w:p xmlns:w="{w}"><w:r><w:t>{text}</w:t></w:r></w:p>')
    ps = [para(t) for t in ("一、甲", "（一）乙", "1.丙", "（一）丁", "（二）戊", "2.己", "（二）庚")]
    assert renumber_lists(ps) == 2
    assert ["".join(p.itertext()) for p in ps] == ["一、甲", "（一）乙", "1.丙", "（1）丁", "（2）戊", "2.己", "（二）庚"]
    assert numbered(6, 3) == "三是" and numbered(2, 12) == "（十二）" and number_of("（十二）x") == (2, 12, 4)


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_attachment_title_is_on_the_third_line_and_named_as_the_note_names_it(built, name):
    doc = Document(str(built / f"{name}.docx"))
    texts = [p.text for p in doc.paragraphs]
    note = next(t for t in texts if t.startswith("附件："))
    mark = next(i for i, p in enumerate(doc.paragraphs) if p.text == "附件")
    title = doc.paragraphs[mark + 1]
    assert note == "附件：" + title.text.replace("\n", "")
    assert note.endswith("年部门整体支出绩效自评表") and doc.core_properties.author in note
    # 附件 on the first line (28.95 pt), a line left empty above the title (GB/T 9704 8)
    assert abs(title.style.paragraph_format.space_before.pt - 28.95) < 0.01


@pytest.mark.parametrize("name", EXAMPLES)
def test_quotation_marks_are_set_in_the_chinese_face(built, name):
    doc = Document(str(built / f"{name}.docx"))
    quotes = 0
    for r in doc.element.body.iter(qn("w:r")):
        text = "".join(t.text or "" for t in r.iter(qn("w:t")))
        if re.search("[“”]", text):
            fonts = r.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
            assert re.fullmatch("[“”‘’]+", text), text
            assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:eastAsia")) == fonts.get(qn("w:hAnsi")), text
            assert fonts.get(qn("w:hint")) == "eastAsia"
            quotes += 1
    assert quotes >= 2


@pytest.mark.parametrize("name", EXAMPLES)
def test_tables_longer_than_a_few_rows_may_break_keeping_caption_header_and_first_row(built, name):
    """A targets table of fifteen rows no longer moves whole to the next page (a third of a page left
    empty before it): only its header and first row keep with what follows, and its last three rows."""
    from generator.render.pagination import GROUP_ROWS, SHORT_ROWS, _merged_groups

    doc = Document(str(built / f"{name}.docx"))

    def keeps(tr):
        return all(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in tr.iter(qn("w:p")))
    for table in doc.tables:
        rows = table._tbl.findall(qn("w:tr"))
        if len(rows) <= SHORT_ROWS:
            continue
        kept = [keeps(tr) for tr in rows]
        assert kept[:2] == [True, True] and kept[-3:] == [True, True, False], kept
        # between them, only the rows of a short 一级 group (all but its last) keep with the next
        grouped = {id(r) for g in _merged_groups(rows) if len(g) <= GROUP_ROWS for r in g[:-1]}
        assert [k for r, k in zip(rows[2:-3], kept[2:-3]) if id(r) not in grouped] == \
            [False] * sum(id(r) not in grouped for r in rows[2:-3]), kept
        assert rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None


@pytest.mark.parametrize("name", ["yangxi-2023", "pingyuan-2023", "hunan-example-2023"])
def test_every_merged_group_of_the_score_table_stays_on_one_page_naming_its_first_level(built, name):
    """The 一级 cell is merged down its group's rows: every group keeps together, so no continuation page opens
    on an empty merged cell — a 一级 of more than GROUP_ROWS rows is cut, where its 二级 groups end, into parts
    that each name the 一级 again (the examples have such groups: 11, 12 and 20 rows)."""
    from generator.render.pagination import GROUP_ROWS, _merged_groups

    doc = Document(str(built / f"{name}.docx"))
    rows = doc.tables[-1]._tbl.findall(qn("w:tr"))
    groups = _merged_groups(rows)
    assert groups and all(len(g) <= GROUP_ROWS for g in groups), [len(g) for g in groups]
    for group in groups:
        keeps = [all(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in tr.iter(qn("w:p")))
                 for tr in group[:-1]]
        assert all(keeps), (name, len(group), keeps)
    names = ["".join(t.text or "" for t in g[0].find(qn("w:tc")).iter(qn("w:t"))) for g in groups]
    assert all(names), names                        # each part names its 一级
    assert len(set(names)) < len(names), names      # a long 一级 named again in its second part
    # the second column's merged cells are never cut: a part begins where a 二级 group begins
    for g in groups:
        second = g[0].findall(qn("w:tc"))[1].find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
        assert second is None or second.get(qn("w:val")) == "restart", name
