"""Create templates/yangxi.docx and templates/pingyuan.docx (docxtpl templates).

The .docx files are the templates users open and restyle in Word or WPS; this script is how
they were first made, so their page setup and styles follow GB/T 9704-2012 exactly:
A4, margins 37/35/28/26 mm, title 2号 方正小标宋简体, body 3号 仿宋_GB2312 with a two-character
first-line indent and a fixed 28.95 pt line pitch (22 lines a page), 一级标题 黑体, 二级标题 楷体_GB2312,
page numbers "— 1 —" in 4号 宋体 at the foot, outside edge. Run: python tools/make_templates.py
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

ROOT = Path(__file__).resolve().parent.parent
BODY_PT = 16          # 3号
LINE_PT = 28.95       # 225 mm text height / 22 lines
TABLE_PT = 10.5       # 5号: what printed 自评表 use, so a table of 30 rows fits a page
# 28 characters of 3号 on a 156 mm line: the character grid's pitch, as ECMA-376 asks for it —
# (pitch − the Normal font's size) × 4096, rounded down so the 28th character still fits
CHAR_SPACE = int((Mm(156).pt / 28 - BODY_PT) * 4096) - 1
FANG, HEI, KAI, SONG, XBS = "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体", "方正小标宋简体"


def set_fonts(element, east: str, size: float | None = None, bold: bool | None = None,
              latin: str = "Times New Roman") -> None:
    """Name the East-Asian font explicitly (w:eastAsia): Word otherwise falls back to the theme."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]          # drop asciiTheme/eastAsiaTheme, which would win over names
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east)
    fonts.set(qn("w:cs"), latin)
    for tag in ("w:color", "w:sz", "w:szCs", "w:b", "w:bCs", "w:i", "w:iCs"):
        for old in rpr.findall(qn(tag)):
            rpr.remove(old)
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            el = OxmlElement(tag)
            el.set(qn("w:val"), str(int(size * 2)))
            rpr.append(el)
    if bold:
        rpr.append(OxmlElement("w:b"))


EAST: dict[str, str] = {}     # style name → its East-Asian font, repeated on every run


def paragraph_style(doc, name: str, east: str, size: float, *, indent: bool = True, align=None,
                    bold: bool = False, exact: bool = True, keep_next: bool = False, base=None):
    styles = doc.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, 1)
    EAST[name] = east
    if base is not None:
        style.base_style = base
    set_fonts(style.element, east, size, bold)
    pf = style.paragraph_format
    pf.space_before = pf.space_after = Pt(0)
    if exact:
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(LINE_PT)
    else:
        pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    pf.first_line_indent = Pt(size * 2) if indent else Pt(0)
    pf.left_indent = Pt(0)
    if indent:   # Word and WPS keep "2 characters" when the font size changes
        ind = style.element.get_or_add_pPr().find(qn("w:ind"))
        ind.set(qn("w:firstLineChars"), "200")
    pf.alignment = align if align is not None else WD_ALIGN_PARAGRAPH.JUSTIFY
    if not exact:   # table and caption text keeps its own line height instead of the page's line grid
        snap = OxmlElement("w:snapToGrid")
        snap.set(qn("w:val"), "0")
        style.element.get_or_add_pPr().append(snap)
    pf.keep_with_next = keep_next
    pf.widow_control = True
    return style


def setup(doc) -> None:
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Mm(37), Mm(35)
    sec.left_margin, sec.right_margin = Mm(28), Mm(26)
    sec.header_distance, sec.footer_distance = Mm(15), Mm(23)
    grid = sec._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sec._sectPr.append(grid)
    grid.set(qn("w:type"), "linesAndChars")          # GB/T 9704: 22 lines of 28 characters
    grid.set(qn("w:linePitch"), str(round(LINE_PT * 20)))
    grid.set(qn("w:charSpace"), str(CHAR_SPACE))
    normal = paragraph_style(doc, "Normal", FANG, BODY_PT)
    normal.font.size = Pt(BODY_PT)
    # the grid's pitch is reckoned from the document's default size (LibreOffice) or the Normal
    # style's (ECMA-376, Word): make them the same 3号
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rPr"))
    for tag in ("w:sz", "w:szCs"):
        el = defaults.find(qn(tag))
        el.set(qn("w:val"), str(BODY_PT * 2))
    title = paragraph_style(doc, "Title", XBS, 22, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, exact=False)
    title.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    title.paragraph_format.line_spacing = Pt(36)
    title.paragraph_format.space_after = Pt(LINE_PT)
    ppr = title.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):   # python-docx's default Title has a blue rule
        ppr.remove(border)
    # the attachment's title: as the report's, with half a line before its table so that a 自评表
    # of thirty rows still fits its page
    heading = paragraph_style(doc, "Attachment Title", XBS, 22, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER,
                              exact=False, keep_next=True)
    heading.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    heading.paragraph_format.line_spacing = Pt(36)
    heading.paragraph_format.space_after = Pt(LINE_PT / 2)
    # GB/T 9704 8: "附件" on the first line of the type area, the attachment's title on the third
    heading.paragraph_format.space_before = Pt(LINE_PT)
    for name, east in (("Heading 1", HEI), ("Heading 2", KAI), ("Heading 3", FANG)):
        # GB/T 9704 7.3.3: 第一层黑体，第二层楷体，第三层和第四层仿宋 — the "1." level plain 仿宋, as the
        # "1." items written in running text are (one style per level)
        st = paragraph_style(doc, name, east, BODY_PT, keep_next=True)
        st.paragraph_format.outline_level = int(name[-1]) - 1
    paragraph_style(doc, "Table Caption", HEI, 14, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER,
                    exact=False, keep_next=True)
    paragraph_style(doc, "Table Unit", FANG, TABLE_PT, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT,
                    exact=False, keep_next=True)
    paragraph_style(doc, "Table Text", FANG, TABLE_PT, indent=False, align=WD_ALIGN_PARAGRAPH.LEFT, exact=False)
    # figures right-aligned; units written with them ("亿元", "家") stay in 仿宋 (the East-Asian font)
    paragraph_style(doc, "Table Number", FANG, TABLE_PT, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT, exact=False)
    paragraph_style(doc, "Table Center", FANG, TABLE_PT, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, exact=False)
    paragraph_style(doc, "Table Head", HEI, TABLE_PT, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, exact=False)
    paragraph_style(doc, "Attachment Mark", HEI, BODY_PT, indent=False, align=WD_ALIGN_PARAGRAPH.LEFT)
    # 附件说明 after the body, two characters in as the body, named as the attachment's title names it;
    # a name that runs on lines up under its first character (GB/T 9704 7.3.4: 回行时与上一行附件名称的首字对齐)
    note = paragraph_style(doc, "Attachment Note", FANG, BODY_PT, indent=False)
    ind = note.element.get_or_add_pPr().find(qn("w:ind"))
    for attr, value in (("w:left", BODY_PT * 5 * 20), ("w:leftChars", 500), ("w:hanging", BODY_PT * 3 * 20),
                        ("w:hangingChars", 300)):
        ind.set(qn(attr), str(value))
    ind.attrib.pop(qn("w:firstLine"), None)           # a hanging indent instead of the first line's
    sign = paragraph_style(doc, "Signature", FANG, BODY_PT, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    sign.paragraph_format.right_indent = Pt(BODY_PT * 4)     # 落款右空四字
    paragraph_style(doc, "Page Number", SONG, 14, indent=False, exact=False)
    # the paragraph Word requires after a final table: 1 pt high, so it never spills onto a blank page
    end = paragraph_style(doc, "Table End", FANG, 1, indent=False, exact=False)
    end.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    end.paragraph_format.line_spacing = Pt(1)
    chinese(doc)
    footers(doc, sec)


FONT_TABLE = [   # the faces the templates name, as Word substitutes them on a machine without one
    (FANG, "仿宋", "02010609030101010101"), (KAI, "楷体", "02010609030101010101"),
    (HEI, "SimHei", "02010609060101010101"), (SONG, "SimSun", "02010600030101010101"),
    (XBS, "宋体", "02010600010101010101"),
]


def chinese(doc) -> None:
    """A document in Chinese: zh-CN on the defaults, the theme's East-Asian fonts Chinese (the
    default template's are Japanese), and the GB2312 faces in the font table with their fallbacks."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(".//" + qn("w:lang"))
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    settings = doc.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    theme_lang.set(qn("w:eastAsia"), "zh-CN")
    for part in doc.part.package.iter_parts():
        if part.partname.endswith("theme1.xml"):
            xml = part.blob.decode("utf-8")
            xml = xml.replace('<a:ea typeface=""/>', '<a:ea typeface="宋体"/>')
            part._blob = xml.encode("utf-8")
    table = next(p for p in doc.part.package.iter_parts() if p.partname.endswith("fontTable.xml"))
    from lxml import etree
    root = etree.fromstring(table.blob)
    for name, alt, panose in FONT_TABLE:
        font = etree.SubElement(root, qn("w:font"), {qn("w:name"): name})
        etree.SubElement(font, qn("w:altName"), {qn("w:val"): alt})
        etree.SubElement(font, qn("w:panose1"), {qn("w:val"): panose})
        etree.SubElement(font, qn("w:charset"), {qn("w:val"): "86"})      # GB2312
        etree.SubElement(font, qn("w:family"), {qn("w:val"): "modern" if name != XBS else "roman"})
        etree.SubElement(font, qn("w:pitch"), {qn("w:val"): "fixed" if name != XBS else "variable"})
    table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def drop_extras(doc) -> None:
    """Parts the default python-docx template carries that a Chinese official template should not:
    Word 2010's copy of the styles (out of step with ours, which Word may call unreadable), a
    thumbnail of an empty English document, and the name of the program that wrote it."""
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.drop_rel(rid)
    package = doc.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package.rels.pop(rid)
        elif rel.reltype.endswith("/extended-properties"):
            app = rel.target_part
            xml = re.sub(r"<Application>[^<]*</Application>|<Template>[^<]*</Template>", "",
                         app.blob.decode("utf-8"))
            app._blob = xml.encode("utf-8")


# ECMA-376 fixes the order of the children of these elements (xsd:sequence); Word repairs a file
# whose order differs, and a repaired style can lose its bold. Everything is put in that order
# before saving, whatever order python-docx and our own code added them in.
ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd "
           "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
           "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
           "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
           "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
           "fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
             "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders "
              "lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid "
              "printerSettings sectPrChange",
}
ORDER = {k: {name: i for i, name in enumerate(v.split())} for k, v in ORDER.items()}


def schema_order(root) -> None:
    """Put the children of every pPr, rPr, tblPr, tcPr and sectPr in the order the schema requires."""
    for tag, rank in ORDER.items():
        for el in root.iter(qn(f"w:{tag}")):
            children = list(el)
            key = {id(c): (rank.get(c.tag.rsplit("}", 1)[-1], len(rank)), i) for i, c in enumerate(children)}
            for c in sorted(children, key=lambda c: key[id(c)]):
                el.append(c)          # re-appending moves each child to the end, in sorted order


def footers(doc, sec) -> None:
    """— 1 — in 4号 宋体: odd pages at the right, even pages at the left, one character in."""
    doc.settings.odd_and_even_pages_header_footer = True   # python-docx puts it where the schema says
    for footer, align in ((sec.footer, WD_ALIGN_PARAGRAPH.RIGHT), (sec.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p.style = doc.styles["Page Number"]
        p.alignment = align
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            p.paragraph_format.right_indent = Pt(14)
        else:
            p.paragraph_format.left_indent = Pt(14)
        p.add_run("— ")
        run = p.add_run()
        for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
            if kind:
                fld = OxmlElement("w:fldChar")
                fld.set(qn("w:fldCharType"), kind)
                run._r.append(fld)
            elif text == " PAGE ":
                instr = OxmlElement("w:instrText")
                instr.set(qn("xml:space"), "preserve")
                instr.text = text
                run._r.append(instr)
            else:
                t = OxmlElement("w:t")
                t.text = text
                run._r.append(t)
        p.add_run(" —")


def east_on_runs(para) -> None:
    """Name the East-Asian font on each run too: WPS and some Word set-ups let a run's own
    (theme) font win over the paragraph style."""
    east = EAST.get(para.style.name)
    if east:
        for run in para.runs:
            fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
            fonts.set(qn("w:eastAsia"), east)
            fonts.set(qn("w:ascii"), "Times New Roman")
            fonts.set(qn("w:hAnsi"), "Times New Roman")


class Writer:
    """Adds paragraphs and tables to a template, with Jinja tags as docxtpl expects them."""

    def __init__(self):
        self.doc = Document()
        setup(self.doc)
        body = self.doc.element.body
        for p in list(body.iterchildren(qn("w:p"))):
            body.remove(p)

    def p(self, text: str, style: str = "Normal", page_break: bool = False, keep: bool = False):
        """A paragraph; `keep` holds a lead-in line (“（3）科学考核，注重实效”) on the page of what follows."""
        para = self.doc.add_paragraph(text, style=style)
        east_on_runs(para)
        if page_break:
            para.paragraph_format.page_break_before = True
        if keep:
            para.paragraph_format.keep_with_next = True
        return para

    def tag(self, text: str):
        """A paragraph holding only a {%p … %} tag: docxtpl removes the paragraph itself."""
        return self.doc.add_paragraph(text)

    def h1(self, text):
        return self.p(text, "Heading 1")

    def h2(self, text):
        return self.p(text, "Heading 2")

    def body_lines(self, var: str):
        """Each string of a list as a body paragraph."""
        self.tag(f"{{%p for t in {var} %}}")
        self.p("{{ t }}")
        self.tag("{%p endfor %}")

    def items(self, var: str, first: str, second: str, number_paras: str | None = None):
        """Numbered narrative items (Para: title, paras, children) with numbered sub-items."""
        self.tag(f"{{%p for it in {var} %}}")
        self.p(f"{{{{ loop.index|numbering('{first}') }}}}{{% if it.title %}}{{{{ it.title }}}}"
               "{% if it.first %}。{% endif %}{% endif %}{{ it.first }}")
        if number_paras:
            self.tag("{%p for t in it.rest %}")
            self.p(f"{{{{ loop.index|numbering('{number_paras}') }}}}{{{{ t }}}}")
        else:
            self.tag("{%p for t in it.rest %}")
            self.p("{{ t }}")
        self.tag("{%p endfor %}")
        self.tag("{%p for c in it.children %}")
        self.p(f"{{{{ loop.index|numbering('{second}') }}}}{{% if c.title %}}{{{{ c.title }}}}"
               "{% if c.first %}。{% endif %}{% endif %}{{ c.first }}")
        self.tag("{%p for t in c.rest %}")
        self.p("{{ t }}")
        self.tag("{%p endfor %}")
        self.tag("{%p endfor %}")
        self.tag("{%p endfor %}")

    def table(self, heads: list[str], loop: str, cells: list[tuple[str, str]], widths_mm: list[float],
              caption: str | None = None, unit: str | None = None, total: list[tuple[str, str]] | None = None,
              last: bool = False, total_span: int = 1):
        if caption:
            self.p(caption, "Table Caption")
        if unit:
            self.p(unit, "Table Unit")
        rows = 4 + (1 if total else 0)
        t = self.doc.add_table(rows=rows, cols=len(heads))
        t.style = self.doc.styles["Table Grid"]
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        for i, h in enumerate(heads):
            self._cell(t.cell(0, i), h, "Table Head")
        header = t.rows[0]._tr.get_or_add_trPr()
        header.append(OxmlElement("w:tblHeader"))     # repeat the header row on every page
        self._cell(t.cell(1, 0), f"{{%tr for r in {loop} %}}", "Table Text")
        for i, (expr, style) in enumerate(cells):
            self._cell(t.cell(2, i), expr, style)
        self._cell(t.cell(3, 0), "{%tr endfor %}", "Table Text")
        if total:
            for i, (expr, style) in enumerate(total):
                self._cell(t.cell(4, i), expr, style)
        # LibreOffice reads the grid, Word the cell widths: set both, and a fixed layout
        for col, w in zip(t._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm):
            col.set(qn("w:w"), str(int(Mm(w).twips)))
        margins = OxmlElement("w:tblCellMar")     # a little air above and below each row's text
        for side, width in (("top", 20), ("left", 80), ("bottom", 20), ("right", 80)):
            el = OxmlElement(f"w:{side}")
            el.set(qn("w:w"), str(width))
            el.set(qn("w:type"), "dxa")
            margins.append(el)
        t._tbl.tblPr.append(margins)
        if total and total_span > 1:      # "合计" across the name columns, as printed tables have it
            t.cell(4, 0).merge(t.cell(4, total_span - 1))
            for extra in t.cell(4, 0).paragraphs[1:]:
                extra._p.getparent().remove(extra._p)
        for row in t.rows:
            cant = OxmlElement("w:cantSplit")
            row._tr.get_or_add_trPr().append(cant)
            column = 0
            for tc in row._tr.tc_lst:           # a merged cell is as wide as the columns it spans
                tc.width = Mm(sum(widths_mm[column:column + tc.grid_span]))
                column += tc.grid_span
                align = OxmlElement("w:vAlign")
                align.set(qn("w:val"), "center")
                tc.get_or_add_tcPr().append(align)
        self.doc.add_paragraph("", style="Table End" if last else "Table Text")
        return t

    def targets_results(self, caption: str):
        """The targets with their actual values and 完成情况, as both house styles print them."""
        return self.table(["序号", "绩效目标", "目标值", "完成值", "完成情况"], "targets",
                          [("{{ r.no }}", "Table Center"), ("{{ r.name }}", "Table Text"),
                           ("{{ r.target }}", "Table Number"), ("{{ r.actual }}", "Table Number"),
                           ("{{ r.status }}", "Table Center")],
                          [12, 78, 24, 24, 18], caption=caption)

    @staticmethod
    def _cell(cell, text: str, style: str):
        p = cell.paragraphs[0]
        p.text = text
        p.style = style
        east_on_runs(p)

    def save(self, path: Path):
        props = self.doc.core_properties
        props.author = props.last_modified_by = ""      # the build names the department
        props.comments = props.keywords = props.subject = ""
        props.title = TITLE
        drop_extras(self.doc)
        sys.path.insert(0, str(ROOT))
        from generator.wordml.chargrid import fit_styles

        # the body styles one cell a character and off the character grid (their line height is
        # exact), so LibreOffice lays them out as Word does — as every build makes them
        # (render/docx.py): a report from this template keeps its styles' bytes
        fit_styles(self.doc.styles.element, CHAR_SPACE)
        for part in self.doc.part.package.iter_parts():
            if hasattr(part, "_element"):
                schema_order(part._element)
        import datetime

        from generator.render.docx import save_fixed  # same bytes on every run: templates diff cleanly
        props.created = props.modified = datetime.datetime(2024, 1, 1)
        path.write_bytes(save_fixed(self.doc))


TITLE = "{% if title %}{{ title }}{% else %}{{ dept.name }}{{ year }}年部门整体支出绩效自评报告{% endif %}"
# on the page the title is a 梯形 (GB/T 9704): the department on the first line, the rest below
TITLE_LINES = ("{% if title %}{{ title|title_lines(dept.name) }}{% else %}"
               "{{ (dept.name ~ year ~ '年部门整体支出绩效自评报告')|title_lines(dept.name) }}{% endif %}")

# Jinja snippets shared by the house styles: each guards what the facts may leave out, so a
# missing figure drops its clause instead of leaving a blank (check reports any blank left).
DEPT = ("{{ dept.name }}{% if dept.kind %}是{{ dept.kind }}{% endif %}{% if dept.rank %}，为{{ dept.rank }}{% endif %}"
        "{% if dept.plaques %}，加挂{{ dept.plaques|joined }}牌子{% endif %}。")
HEADS = ("{% for x in staffing.posts %}{{ x.kind }}{{ x.count }}{{ unit }}{% if not loop.last %}、{% endif %}{% endfor %}")
STAFF = ("{% if staffing.as_of %}截至{{ staffing.as_of|cn_date }}，{% endif %}本单位"
         + HEADS.replace("{{ unit }}", "人") +
         "{% if staffing.serving is not none %}{% if staffing.posts %}，{% endif %}实有在职人员{{ staffing.serving }}人"
         "{% if staffing.serving_includes %}（含{% for x in staffing.serving_includes %}{{ x.count }}名{{ x.kind }}"
         "{% if not loop.last %}、{% endif %}{% endfor %}）{% endif %}{% endif %}"
         "{% for x in staffing.others %}，{{ x.kind }}{{ x.count }}人{% endfor %}"
         "{% if staffing.retired is not none %}，退休人员{{ staffing.retired }}人{% endif %}。")

# the attachment's title, and the 附件说明 naming it in the same words (GB/T 9704 7.3.4)
ATTACHMENT_TITLE = "dept.name ~ year ~ '年部门整体支出绩效自评表'"
ATTACHMENT_NAME = "{{ dept.name }}{{ year }}年部门整体支出绩效自评表"

PINGYUAN_BY = "根据评分标准"     # 平远's own words: "根据附件2评分标准，扣0.5分"


def scoring(by: str = "") -> str:
    """An indicator's scoring sentence in the official's words ("……，按评分标准，得2.6分（扣1.4分）。"),
    from the phrase library (generator/data/scoring.yaml); `by` is the house style's own
    "按评分标准". A leaf's only: a parent's score is the sum of its children's."""
    return "{% if not a.children %}{{ a.verdict|scoring" + (f"('{by}')" if by else "") + " }}{% endif %}"


def scoring_para(w: Writer, by: str = "", only_if: str = "") -> None:
    """The scoring sentence as a paragraph of its own (after the indicator's text), when there is one."""
    sentence = "a.verdict|scoring" + (f"('{by}')" if by else "")
    w.tag(f"{{%p if not a.children {only_if}and {sentence} %}}")
    w.p(f"{{{{ {sentence} }}}}")
    w.tag("{%p endif %}")


def paras(w: Writer, var: str, keep_title: bool = False) -> None:
    """A list of Para: "标题。第一段", the other paragraphs, then the sub-items the same way."""
    w.tag(f"{{%p for t in {var} %}}")
    w.p("{% if t.title %}{{ t.title }}{% if t.first %}。{% endif %}{% endif %}{{ t.first }}")
    w.tag("{%p for x in t.rest %}")
    w.p("{{ x }}")
    w.tag("{%p endfor %}")
    w.tag("{%p for c in t.children %}")
    w.p("{% if c.title %}{{ c.title }}{% if c.first %}。{% endif %}{% endif %}{{ c.first }}")
    w.tag("{%p for x in c.rest %}")
    w.p("{{ x }}")
    w.tag("{%p endfor %}")
    w.tag("{%p endfor %}")
    w.tag("{%p endfor %}")


def conclusion_text(w: Writer) -> None:
    w.body_lines("conclusion")


def signature(w: Writer) -> None:
    """附件说明 and 落款 (GB/T 9704): a blank line, "附件：……" two characters in, a blank line, then
    the department and the date of the document, right-aligned four characters in (a build then
    centres the department's name over the date: generator/render/signature.py)."""
    w.p("", "Normal")
    w.p(f"附件：{ATTACHMENT_NAME}", "Attachment Note", keep=True)
    w.p("", "Normal")
    w.p("{{ dept.name }}", "Signature", keep=True)
    w.tag("{%p if report_date %}")
    w.p("{{ report_date|cn_date }}", "Signature")
    w.tag("{%p endif %}")


def common_tail(w: Writer) -> None:
    """The attachment: the score table on a page of its own, the same in every house style."""
    w.p("附件", "Attachment Mark", page_break=True)
    w.p("{{ (" + ATTACHMENT_TITLE + ")|title_lines(dept.name) }}", "Attachment Title")
    # 一级/二级 cells merge down their group ({% vmerge %}, see generator/wordml/docxtemplate.py), as printed 自评表 do
    w.table(["一级指标", "二级指标", "三级指标", "分值", "得分", "扣分原因"], "score_table",
            [("{% vmerge r.l1_merge %}{{ r.l1_shown }}", "Table Center"),
             ("{% vmerge r.l2_merge %}{{ r.l2_shown }}", "Table Center"), ("{{ r.l3 }}", "Table Text"),
             ("{{ r.points|points }}", "Table Center"), ("{{ r.score|points }}", "Table Center"),
             ("{{ r.verdict|deduction }}", "Table Text")],
            [26, 27, 44, 12, 12, 35],
            total=[("合计", "Table Head"), ("", "Table Text"), ("", "Table Text"),
                   ("{{ points_total|points }}", "Table Center"), ("{{ total|points }}", "Table Center"),
                   ("{% if grade %}绩效等级：{{ grade }}{% endif %}", "Table Text")], last=True, total_span=3)


def budget_table(w: Writer, heads: list[str], caption: str) -> None:
    """The expenditure table (by nature, with the economic classification), when there is one."""
    w.tag("{%p if finance.has_table %}")
    w.table(heads, "finance.rows",
            [("{{ r.label }}", "Table Text"), ("{{ r.budget_text }}", "Table Number"),
             ("{{ r.adjusted_text }}", "Table Number"), ("{{ r.final_text }}", "Table Number")],
            [70, 28, 28, 28], caption=caption, unit="单位：{{ finance.unit }}")
    w.tag("{%p endif %}")


def leaf_notes(w: Writer, by: str = "") -> None:
    """Under a first-level indicator that has no children (its heading carries no sentence): how
    it was scored, and why points were taken off, in one sentence."""
    scoring_para(w, by)


def targets_table_if_asked(w: Writer, caption: str) -> None:
    """The targets table after the indicator whose rubric entry says `table: targets`, at any level."""
    w.tag("{%p if a.table == 'targets' and targets %}")
    w.targets_results(caption)
    w.tag("{%p endif %}")


def yangxi() -> Writer:
    w = Writer()
    w.p(TITLE_LINES, "Title")
    w.h1("一、部门基本情况")
    w.h2("（一）部门职责、机构和人员情况。")
    w.tag("{%p set n = namespace(i=0) %}")
    w.tag("{%p if dept.kind or dept.rank or dept.plaques or dept.overview or duties.intro or duties.entries %}")
    w.p("{% set n.i = n.i + 1 %}{{ n.i }}.主要职责。", "Heading 3")
    w.tag("{%p if dept.kind or dept.rank or dept.plaques %}")
    w.p(DEPT)
    w.tag("{%p endif %}")
    w.body_lines("dept.overview")
    w.body_lines("duties.intro")
    w.items("duties.entries", "（1）", "①")
    w.tag("{%p endif %}")
    w.tag("{%p if units %}")
    w.p("{% set n.i = n.i + 1 %}{{ n.i }}.内设机构构成。", "Heading 3")
    w.p("本部门内设机构{{ units|length }}个，分别为：{{ units|joined }}。")
    w.tag("{%p endif %}")
    w.tag("{%p if staffing %}")
    w.p("{% set n.i = n.i + 1 %}{{ n.i }}.人员编制构成。", "Heading 3")
    w.p(STAFF)
    w.tag("{%p endif %}")
    w.h2("（二）年度总体工作和重点工作任务。")
    w.body_lines("work.intro")
    w.items("work.entries", "1.", "（1）")
    w.body_lines("work.closing")
    w.h2("（三）部门整体支出情况。（以决算数为统计口径）")
    w.tag("{%p if finance.narrative %}")
    w.body_lines("finance.narrative")
    w.tag("{%p else %}")
    w.tag("{%p set i = finance.income %}")
    w.tag("{%p if i.current.final is not none or i.current.budget is not none %}")
    w.p("1.部门整体收入情况。", "Heading 3")
    w.p("{{ year }}年，{{ dept.short }}"
        "{% if i.current.budget is not none %}预算收入{{ i.current.budget|amount(finance.unit) }}，{% endif %}"
        "{% if i.current.adjusted is not none %}调整预算数{{ i.current.adjusted|amount(finance.unit) }}，{% endif %}"
        "{% if i.current.final is not none %}决算数{{ i.current.final|amount(finance.unit) }}。{% else %}决算数待填报。{% endif %}"
        "{% if i.fiscal.budget is not none or i.fiscal.final is not none %}其中，财政拨款"
        "{% if i.fiscal.budget is not none %}预算收入{{ i.fiscal.budget|amount(finance.unit) }}"
        "{% if i.fiscal.final is not none %}，{% endif %}{% endif %}"
        "{% if i.fiscal.final is not none %}决算数{{ i.fiscal.final|amount(finance.unit) }}{% endif %}"
        "{% if i.other.final %}；其他收入{{ i.other.final|amount(finance.unit) }}{% endif %}"
        "{% if i.carryover.final is not none %}；年初结转和结余{{ i.carryover.final|amount(finance.unit) }}{% endif %}。"
        "{% endif %}")
    w.tag("{%p endif %}")
    w.tag("{%p set e = finance.expenditure %}")
    w.tag("{%p if e.current.final is not none %}")
    w.p("2.部门整体支出情况。", "Heading 3")
    w.p("{{ year }}年，{{ dept.short }}{% if e.current.budget is not none %}预算支出"
        "{{ e.current.budget|amount(finance.unit) }}，{% endif %}决算支出{{ e.current.final|amount(finance.unit) }}"
        "{% if e.basic.final is not none and e.project.final is not none %}（其中，基本支出"
        "{{ e.basic.final|amount(finance.unit) }}，项目支出{{ e.project.final|amount(finance.unit) }}）{% endif %}"
        "{% if e.carryover.final is not none %}，年末结转和结余{{ e.carryover.final|amount(finance.unit) }}{% endif %}"
        "{% if finance.has_table %}，详见下表{% endif %}。")
    w.tag("{%p endif %}")
    w.tag("{%p endif %}")
    budget_table(w, ["项目（按支出性质和经济分类）", "年初预算数", "调整预算数", "决算数"], "{{ year }}年部门整体支出")
    w.tag("{%p if finance.three_public.final is not none %}")
    w.p("3.“三公”经费支出。", "Heading 3")
    w.p("{% set t = finance.three_public %}{{ year }}年“三公”经费决算支出{{ t.final|amount(finance.unit) }}"
        "{% if t.prior is not none %}，{{ t.final|change(t.prior, finance.unit) }}{% endif %}"
        "{% if t.budget is not none %}，{{ t.final|versus(t.budget, '年初预算数', finance.unit) }}{% endif %}。")
    w.tag("{%p endif %}")
    w.tag("{%p if targets_intro or targets %}")      # none: check warns (TARGET-NONE), nothing is made up
    w.h2("（四）部门整体支出绩效目标。")
    w.body_lines("targets_intro")
    w.tag("{%p if targets %}")
    w.table(["序号", "绩效目标", "目标值"], "targets",
            [("{{ r.no }}", "Table Center"), ("{{ r.name }}", "Table Text"), ("{{ r.target }}", "Table Number")],
            [16, 100, 40], caption="{{ year }}年部门整体支出绩效目标表")
    w.tag("{%p endif %}")
    w.tag("{%p endif %}")
    w.h1("二、绩效自评结论")
    w.p("根据{% if basis %}{% if basis.issuer and basis.issuer not in basis.title %}{{ basis.issuer }}{% endif %}"
        "《{{ basis.title }}》{% if basis.number %}（{{ basis.number }}）{% endif %}{% else %}部门整体支出绩效评价指标{% endif %}"
        "的相关要求和标准，{{ dept.name }}{{ year }}年部门整体支出绩效自评分数为{{ total|points }}分"
        "{% if grade %}，绩效等级为{{ grade }}{% endif %}。")
    conclusion_text(w)
    w.h1("三、绩效自评分析")
    # one loop for every level of the rubric: 一级 as headings, the rest numbered 1. （1） ①
    w.tag("{%p for a in analysis recursive %}")
    w.tag("{%p if loop.depth == 1 %}")
    w.h2("{{ loop.index|numbering('（一）') }}{{ a.name|suffix('情况') }}。指标总分{{ a.points|points }}分，"
         "自评得分{{ a.score|points }}分。")
    paras(w, "a.text")
    leaf_notes(w)
    w.tag("{%p else %}")
    w.p("{{ loop.index|numbering(['1.', '1.', '（1）', '①', '①', '①'][loop.depth0]) }}{{ a.name }}。指标总分"
        "{{ a.points|points }}分，自评得分{{ a.score|points }}分。{{ a.first }}{% if not a.rest %}" + scoring() + "{% endif %}")
    paras(w, "a.rest")
    scoring_para(w, only_if="and a.rest ")
    w.tag("{%p endif %}")
    targets_table_if_asked(w, "{{ year }}年部门整体绩效目标实现情况表")
    w.p("{{p loop(a.children) }}")
    w.tag("{%p endfor %}")
    # the sections after 三 are written when the facts have them, numbered as they come; a section
    # the bureau's template requires and the facts leave empty is left out and check says so
    w.tag("{%p set h = namespace(i=3) %}")
    w.tag("{%p if problems|required('存在问题') or measures|required('改进意见') %}")
    w.h1("{% set h.i = h.i + 1 %}{{ h.i|numbering('一、') }}存在的问题、原因分析及改进措施")
    w.tag("{%p set s = namespace(i=0) %}")
    w.tag("{%p if problems|required('存在问题') %}")
    w.p("{% set s.i = s.i + 1 %}{{ s.i|numbering('（一）') }}存在问题。{% for p in problems %}{% if p.title %}{{ p.title }}。"
        "{% endif %}{{ p.paras|joined('') }}{% for c in p.children %}{% if c.title %}{{ c.title }}。{% endif %}"
        "{{ c.paras|joined('') }}{% endfor %}{% endfor %}")
    w.tag("{%p endif %}")
    w.tag("{%p if measures|required('改进意见') %}")
    w.p("{% set s.i = s.i + 1 %}{{ s.i|numbering('（一）') }}改进意见。{% for p in measures %}{% if p.title %}{{ p.title }}。"
        "{% endif %}{{ p.paras|joined('') }}{% for c in p.children %}{% if c.title %}{{ c.title }}。{% endif %}"
        "{{ c.paras|joined('') }}{% endfor %}{% endfor %}")
    w.tag("{%p endif %}")
    w.tag("{%p endif %}")
    w.tag("{%p if rectification %}")
    w.h1("{% set h.i = h.i + 1 %}{{ h.i|numbering('一、') }}上年度绩效自评整改情况")
    paras(w, "rectification")
    w.tag("{%p endif %}")
    w.tag("{%p if results_use or other_notes|required('其他需要说明的情况') %}")
    w.h1("{% set h.i = h.i + 1 %}{{ h.i|numbering('一、') }}其他需要说明的情况")
    w.body_lines("other_notes")
    paras(w, "results_use")
    w.tag("{%p endif %}")
    signature(w)
    common_tail(w)
    return w


def pingyuan() -> Writer:
    w = Writer()
    w.p(TITLE_LINES, "Title")
    w.h1("一、部门基本情况")
    w.h2("（一）部门整体概况")
    w.tag("{%p if dept.kind or dept.rank or dept.plaques or staffing or units %}")
    w.p("{% if dept.kind or dept.rank or dept.plaques %}" + DEPT + "{% endif %}"
        "{% if staffing %}{% if staffing.as_of %}截至{{ staffing.as_of|cn_date }}，{% endif %}本单位"
        "{% if staffing.posts %}财政核定编制在职人员为{% for x in staffing.posts %}{{ x.kind }}"
        "{{ x.count }}名{% if not loop.last %}，{% endif %}{% endfor %}；{% endif %}"
        "{% if staffing.serving is not none %}年末实有在职人员为{{ staffing.serving }}人"
        "{% if staffing.serving_includes %}（含{% for x in staffing.serving_includes %}{{ x.count }}名{{ x.kind }}"
        "{% if not loop.last %}、{% endif %}{% endfor %}）{% endif %}{% endif %}"
        "{% if staffing.retired is not none %}，退休人员{{ staffing.retired }}人{% endif %}"
        "{% for x in staffing.others %}；{{ x.kind }}{{ x.count }}人{% endfor %}。{% endif %}"
        "{% if units %}设下列内设机构：{{ units|joined }}。{% endif %}")
    w.tag("{%p endif %}")
    w.body_lines("dept.overview")
    w.h2("（二）主要职责")
    w.body_lines("duties.intro")
    w.items("duties.entries", "1.", "（1）")
    w.h2("（三）年度总体工作和重点工作任务")
    w.body_lines("work.intro")
    w.items("work.entries", "1.", "（1）")     # under （三）: 1.（1）, never a second （一）
    w.body_lines("work.closing")
    # written when the facts have it, the introduction alone too (it was shown only with a table);
    # no targets at all: check warns (TARGET-NONE), and nothing is made up in their place
    w.tag("{%p if targets_intro or targets %}")
    w.h2("（四）部门整体支出绩效目标")
    w.body_lines("targets_intro")
    w.tag("{%p if targets %}")
    w.targets_results("{{ year }}年部门整体支出绩效目标完成情况")
    w.tag("{%p endif %}")
    w.h2("（五）部门整体收入和部门整体支出情况（以决算数为统计口径）")
    w.tag("{%p else %}")
    w.h2("（四）部门整体收入和部门整体支出情况（以决算数为统计口径）")
    w.tag("{%p endif %}")
    w.tag("{%p if finance.narrative %}")
    w.body_lines("finance.narrative")
    w.tag("{%p elif finance.income.fiscal.final is not none %}")
    w.p("{% set i = finance.income %}本部门{{ year }}年度收入主要包括财政拨款收入{{ i.fiscal.final|amount(finance.unit) }}"
        "{% if i.fiscal.prior is not none %}，{{ i.fiscal.final|change(i.fiscal.prior, finance.unit) }}{% endif %}。")
    w.tag("{%p endif %}")
    w.h1("二、绩效自评情况")
    w.h2("（一）自评结论")
    w.p("根据{% if basis %}《{{ basis.title }}》{% if basis.number %}（{{ basis.number }}）{% endif %}{% else %}"
        "部门整体支出绩效评价指标{% endif %}，{{ dept.short }}{{ year }}年度自评得分为{{ total|points }}分"
        "{% if grade %}，绩效等级为{{ grade }}{% endif %}。（详见附件）")
    conclusion_text(w)
    w.h2("（二）部门整体支出绩效指标分析")
    w.tag("{%p for a in analysis recursive %}")
    w.tag("{%p if loop.depth == 1 %}")
    w.p("{{ loop.index|numbering('1.') }}{{ a.name }}。该项一级指标满分{{ a.points|points }}分，"
        "自评得分{{ a.score|points }}分。", "Heading 3")
    w.tag("{%p elif a.children %}")
    w.p("{{ loop.index|numbering(['1.', '（1）', '①', '①', '①'][loop.depth0]) }}{{ a.name }}。", keep=True)
    w.tag("{%p else %}")
    w.p("{{ loop.index|numbering(['1.', '（1）', '①', '①', '①'][loop.depth0]) }}{{ a.name }}（自评分"
        "{{ a.score|points }}分，满分{{ a.points|points }}分）", keep=True)
    w.tag("{%p endif %}")
    paras(w, "a.text")
    scoring_para(w, PINGYUAN_BY)
    targets_table_if_asked(w, "{{ year }}年部门整体支出绩效目标完成情况")
    w.p("{{p loop(a.children) }}")
    w.tag("{%p endfor %}")
    # a section the bureau's template requires and the facts leave empty is left out, never filled
    # with stock words; check says so (TEMPLATE-SECTION). What follows is numbered as it comes.
    w.tag("{%p if problems|required('存在问题') or measures|required('改进意见') %}")
    w.h2("（三）部门整体支出绩效管理存在问题及改进措施")
    w.tag("{%p set s = namespace(i=0) %}")
    w.tag("{%p if problems|required('存在问题') %}")
    w.p("{% set s.i = s.i + 1 %}{{ s.i|numbering('1.') }}存在问题", "Heading 3")
    w.items("problems", "（1）", "①")
    w.tag("{%p endif %}")
    w.tag("{%p if measures|required('改进意见') %}")
    w.p("{% set s.i = s.i + 1 %}{{ s.i|numbering('1.') }}改进意见", "Heading 3")
    w.tag("{%p for it in measures %}")
    w.p("{{ loop.index|numbering('（1）') }}{{ it.title }}{% if not it.title %}{{ it.first }}{% endif %}", keep=True)
    w.tag("{%p for t in (it.paras if it.title else it.rest) %}")
    w.p("{{ loop.index|numbering('①') }}{{ t }}")
    w.tag("{%p endfor %}")
    w.tag("{%p for c in it.children %}")
    w.p("{{ loop.index|numbering('①') }}{% if c.title %}{{ c.title }}。{% endif %}{{ c.paras|joined('') }}")
    w.tag("{%p endfor %}")
    w.tag("{%p endfor %}")
    w.tag("{%p endif %}")
    w.tag("{%p endif %}")
    w.tag("{%p set h = namespace(i=2) %}")
    w.tag("{%p if rectification|required('上年度绩效自评整改情况') %}")
    w.h1("{% set h.i = h.i + 1 %}{{ h.i|numbering('一、') }}上年度绩效自评整改情况")
    w.tag("{%p for it in rectification %}")
    w.tag("{%p if it.title %}")
    w.p("{{ it.title }}{% if it.first %}。{{ it.first }}{% endif %}")
    w.tag("{%p for x in it.rest %}")
    w.p("{{ x }}")
    w.tag("{%p endfor %}")
    w.tag("{%p for c in it.children %}")
    w.p("{{ loop.index|numbering('（一）') }}{{ c.title }}{% if c.first %}。{{ c.first }}{% endif %}")
    w.tag("{%p for x in c.rest %}")
    w.p("{{ x }}")
    w.tag("{%p endfor %}")
    w.tag("{%p endfor %}")
    w.tag("{%p else %}")
    w.p("{{ it.first }}")
    w.tag("{%p for x in it.rest %}")
    w.p("{{ x }}")
    w.tag("{%p endfor %}")
    w.tag("{%p endif %}")
    w.tag("{%p endfor %}")
    w.tag("{%p endif %}")
    w.tag("{%p if other_notes or results_use %}")
    w.h1("{% set h.i = h.i + 1 %}{{ h.i|numbering('一、') }}其他需要说明的情况")
    w.body_lines("other_notes")
    paras(w, "results_use")
    w.tag("{%p endif %}")
    signature(w)
    common_tail(w)
    return w


def hunan() -> Writer:
    """湖南式（据株洲、南县等地公开的部门整体支出绩效自评报告的提纲）：
    一、部门（单位）基本情况 → 二、部门整体支出情况 → 三、部门整体支出绩效情况 →
    四、存在的问题及原因 → 五、下一步改进措施 → 六、绩效自评结果拟应用和公开情况；
    绩效情况按评分体系的一级指标（投入、过程、产出、效果）逐项写，标题取自指标名称。"""
    w = Writer()
    w.p(TITLE_LINES, "Title")
    w.h1("一、部门（单位）基本情况")
    w.tag("{%p set n = namespace(i=0) %}")
    w.tag("{%p if dept.kind or dept.rank or dept.plaques or dept.overview or duties.intro or duties.entries %}")
    w.h2("{% set n.i = n.i + 1 %}{{ n.i|numbering('（一）') }}主要职能")
    w.tag("{%p if dept.kind or dept.rank or dept.plaques %}")
    w.p(DEPT)
    w.tag("{%p endif %}")
    w.body_lines("dept.overview")
    w.body_lines("duties.intro")
    w.items("duties.entries", "1.", "（1）")
    w.tag("{%p endif %}")
    w.tag("{%p if units %}")
    w.h2("{% set n.i = n.i + 1 %}{{ n.i|numbering('（一）') }}机构设置")
    w.p("本部门内设机构{{ units|length }}个：{{ units|joined }}。")
    w.tag("{%p endif %}")
    w.tag("{%p if staffing %}")
    w.h2("{% set n.i = n.i + 1 %}{{ n.i|numbering('（一）') }}人员情况")
    w.p(STAFF)
    w.tag("{%p endif %}")
    w.tag("{%p if work.intro or work.entries or work.closing %}")
    w.h2("{% set n.i = n.i + 1 %}{{ n.i|numbering('（一）') }}年度重点工作")
    w.body_lines("work.intro")
    w.items("work.entries", "1.", "（1）")
    w.body_lines("work.closing")
    w.tag("{%p endif %}")
    w.tag("{%p if targets_intro or targets %}")
    w.h2("{% set n.i = n.i + 1 %}{{ n.i|numbering('（一）') }}年度绩效目标")
    w.body_lines("targets_intro")
    w.tag("{%p if targets %}")
    w.p("部门整体支出绩效目标共{{ targets|length }}项：{% for t in targets %}{{ t.name }}{{ t.target }}"
        "{% if not loop.last %}；{% endif %}{% endfor %}。")
    w.tag("{%p endif %}")
    w.tag("{%p endif %}")
    w.h1("二、部门整体支出情况")
    w.tag("{%p if finance.narrative %}")
    w.body_lines("finance.narrative")
    w.tag("{%p else %}")
    w.tag("{%p set i = finance.income %}")
    w.tag("{%p set e = finance.expenditure %}")
    w.tag("{%p if i.current.final is not none %}")
    w.p("{{ year }}年度部门收入{% if i.current.budget is not none %}年初预算数{{ i.current.budget|amount(finance.unit) }}，"
        "{% endif %}{% if i.current.adjusted is not none %}全年预算数{{ i.current.adjusted|amount(finance.unit) }}，{% endif %}"
        "全年执行数{{ i.current.final|amount(finance.unit) }}"
        "{% if i.general.final is not none %}，其中一般公共预算财政拨款收入{{ i.general.final|amount(finance.unit) }}{% endif %}"
        "{% if i.fund.final %}，政府性基金预算财政拨款收入{{ i.fund.final|amount(finance.unit) }}{% endif %}"
        "{% if i.other.final %}，其他收入{{ i.other.final|amount(finance.unit) }}{% endif %}"
        "{% if i.current.prior is not none %}；{{ i.current.final|change(i.current.prior, finance.unit) }}{% endif %}。")
    w.tag("{%p endif %}")
    w.tag("{%p if e.current.final is not none %}")
    w.p("{{ year }}年度部门支出{{ e.current.final|amount(finance.unit) }}"
        "{% if e.basic.final is not none %}，其中基本支出{{ e.basic.final|amount(finance.unit) }}"
        "{% if e.personnel.final is not none and e.public.final is not none %}（人员经费"
        "{{ e.personnel.final|amount(finance.unit) }}，公用经费{{ e.public.final|amount(finance.unit) }}）{% endif %}{% endif %}"
        "{% if e.project.final is not none %}，项目支出{{ e.project.final|amount(finance.unit) }}{% endif %}"
        "{% if e.current.prior is not none %}；{{ e.current.final|change(e.current.prior, finance.unit) }}{% endif %}。")
    w.tag("{%p endif %}")
    w.tag("{%p endif %}")
    budget_table(w, ["项目", "年初预算数", "全年预算数", "全年执行数"], "{{ year }}年度部门整体支出情况")
    w.tag("{%p if finance.three_public.final is not none %}")
    w.p("{% set t = finance.three_public %}“三公”经费支出{{ t.final|amount(finance.unit) }}"
        "{% if t.budget is not none %}，{{ t.final|versus(t.budget, '年初预算数', finance.unit) }}{% endif %}"
        "{% if t.prior is not none %}，{{ t.final|change(t.prior, finance.unit) }}{% endif %}。")
    w.tag("{%p endif %}")
    w.h1("三、部门整体支出绩效情况")
    w.p("按照{% if basis %}《{{ basis.title }}》{% if basis.number %}（{{ basis.number }}）{% endif %}"
        "{% else %}部门整体支出绩效评价指标体系{% endif %}，{{ dept.short }}对{{ year }}年度部门整体支出开展了"
        "绩效自评，综合评分为{{ total|points }}分{% if grade %}，评价等级为“{{ grade }}”{% endif %}。")
    conclusion_text(w)
    w.tag("{%p for a in analysis recursive %}")
    w.tag("{%p if loop.depth == 1 %}")
    w.h2("{{ loop.index|numbering('（一）') }}{{ a.name }}（分值{{ a.points|points }}分，得分{{ a.score|points }}分）")
    paras(w, "a.text")
    leaf_notes(w)
    w.tag("{%p else %}")
    w.p("{{ loop.index|numbering(['（一）', '1.', '（1）', '①', '①', '①'][loop.depth0]) }}{{ a.name }}"
        "（分值{{ a.points|points }}分，得分{{ a.score|points }}分）。{{ a.first }}{% if not a.rest %}" + scoring()
        + "{% endif %}")
    paras(w, "a.rest")
    scoring_para(w, only_if="and a.rest ")
    w.tag("{%p endif %}")
    targets_table_if_asked(w, "{{ year }}年度部门整体支出绩效目标完成情况")
    w.p("{{p loop(a.children) }}")
    w.tag("{%p endfor %}")
    # the sections after 三 are written when the facts have them, numbered as they come; one the
    # bureau's template requires and the facts leave empty is left out — no stock paragraph in its
    # place — and check says so (TEMPLATE-SECTION)
    w.tag("{%p set h = namespace(i=3) %}")
    w.tag("{%p if problems|required('存在的问题及原因') %}")
    w.h1("{% set h.i = h.i + 1 %}{{ h.i|numbering('一、') }}存在的问题及原因")
    paras(w, "problems")
    w.tag("{%p endif %}")
    w.tag("{%p if measures|required('下一步改进措施') or rectification %}")
    w.h1("{% set h.i = h.i + 1 %}{{ h.i|numbering('一、') }}下一步改进措施")
    paras(w, "measures")
    w.tag("{%p if rectification %}")
    w.h2("上年度绩效自评整改情况")
    paras(w, "rectification")
    w.tag("{%p endif %}")
    w.tag("{%p endif %}")
    w.tag("{%p if results_use|required('绩效自评结果拟应用和公开情况') %}")
    w.h1("{% set h.i = h.i + 1 %}{{ h.i|numbering('一、') }}绩效自评结果拟应用和公开情况")
    paras(w, "results_use")
    w.tag("{%p endif %}")
    w.tag("{%p if other_notes %}")
    w.h1("{% set h.i = h.i + 1 %}{{ h.i|numbering('一、') }}其他需要说明的情况")
    w.body_lines("other_notes")
    w.tag("{%p endif %}")
    signature(w)
    common_tail(w)
    return w


def national_form() -> Writer:
    """全国通用的绩效自评表（部门整体支出、项目支出，财预〔2020〕10号附件的格式）：只有页面和样式，
    表格由 generator/render/form.py 按事实文件画出（一级、二级指标纵向合并，表头在续页重复）。
    A4 纵向，页边距 20 mm（表有十栏，公文的 28/26 mm 放不下），不用公文的字符网格（网格会拉开表中的字）。"""
    w = Writer()
    sec = w.doc.sections[0]
    sec.top_margin = sec.bottom_margin = sec.left_margin = sec.right_margin = Mm(20)
    sec.header_distance, sec.footer_distance = Mm(10), Mm(10)
    grid = sec._sectPr.find(qn("w:docGrid"))
    for attr in list(grid.attrib):
        del grid.attrib[attr]
    grid.set(qn("w:linePitch"), "312")
    title = w.doc.styles["Attachment Title"]
    title.paragraph_format.space_after = Pt(6)
    title.paragraph_format.space_before = Pt(0)      # the form's title is its first line, not an attachment's
    return w


HOUSE_STYLES = {"yangxi": yangxi, "pingyuan": pingyuan, "hunan": hunan, "national-form": national_form}


def main(out: Path = ROOT / "templates") -> None:
    out.mkdir(exist_ok=True)
    for name, make in HOUSE_STYLES.items():
        make().save(out / f"{name}.docx")
        print(f"wrote {out / f'{name}.docx'}")


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "templates"))
