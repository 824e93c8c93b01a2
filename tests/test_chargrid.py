"""The character grid (wordml/chargrid.py): each style set on the grid draws its characters one cell
wide, so LibreOffice (and WPS) lay out GB/T 9704's 28 characters a line from the delivered .docx
itself, whatever template it came from; the grid Word lays out from is left as it was."""
from __future__ import annotations

import re
import zipfile

import pytest
from lxml import etree
from paths import ROOT
from wordmade import unfitted

from generator.wordml.chargrid import cell_mm100, char_space, fit_paragraphs, fit_styles, fits, fitting_scale
from generator.wordml.elements import W, qn

TEMPLATES = ("yangxi", "pingyuan", "hunan")


def styles_of(docx) -> bytes:
    with zipfile.ZipFile(docx) as z:
        return z.read("word/styles.xml")


def style_xml(styles: bytes | str, style_id: str) -> str:
    text = styles.decode("utf-8") if isinstance(styles, bytes) else styles
    return re.search(rf'<w:style [^>]*w:styleId="{style_id}"[^>]*>.*?</w:style>', text, re.S).group(0)


def test_a_cell_is_reckoned_as_libreoffice_does_and_28_fit_gb_t_9704s_line():
    """3号 (16 pt) on the templates' grid (charSpace −848): a 15.73 pt cell (555/100 mm), 28 to the 156 mm line;
    a 16 pt character fits one at 98 % of its width, not at 99 %."""
    cell = cell_mm100(16, -848)
    assert cell == 555
    assert 28 * cell <= 15600 < 29 * cell
    assert fitting_scale(16, cell) == 98
    assert fits(16, 98, cell) and not fits(16, 99, cell) and fits(10.5, 100, cell)


@pytest.mark.parametrize("name", TEMPLATES)
def test_our_templates_are_drawn_fitted(name):
    """tools/make_templates.py draws the fit in, so a build finds nothing to change (their styles.xml is copied
    as it is, test_documents.py): the body styles at 98 % and off the character grid (their line height is
    exact), titles and tables at their width, a style whose line height follows the grid kept on it."""
    root = etree.fromstring(styles_of(ROOT / "templates" / f"{name}.docx"))
    changed, fit = fit_styles(root, -848)
    assert not changed
    for body in ("Normal", "Heading1", "Heading2", "AttachmentNote", "Signature"):
        assert fit.paragraph[body] == [16, 98, False, False], body
    assert fit.paragraph["Title"] == [22, 100, False, False] and fit.paragraph["TableText"] == [10.5, 100, False, False]
    assert fit.paragraph["Header"] == [16, 98, True, True]               # single line height: on the grid


def test_a_template_made_in_word_is_fitted_when_a_report_is_built(word_made, run):
    """A county's template without the fit: the delivered .docx gets it — Normal states its size (LibreOffice
    reckons the cell from it), draws at 98 % and leaves the character grid, the headings and the 落款 inherit
    it, the title and table text keep their width — and its grid is the template's, untouched."""
    facts = word_made()
    out = facts.parent.parent / "out"
    assert run("build", str(facts), "-o", str(out)).exit_code == 0
    built = out / "yangxi-2023.docx"
    styles = styles_of(built)
    normal = style_xml(styles, "Normal")
    assert '<w:snapToGrid w:val="0"/><w:spacing ' in normal and '<w:w w:val="98"/><w:sz w:val="32"/>' in normal
    assert 'w:snapToGrid w:val="0"' not in style_xml(styles_of(facts.parent / "word.docx"), "Normal")
    changed, fit = fit_styles(etree.fromstring(styles), -848)
    assert not changed                                              # fitted once is fitted
    assert fit.paragraph["Heading1"] == fit.paragraph["Signature"] == [16, 98, False, False]
    assert fit.paragraph["Title"] == [22, 100, False, False] and fit.paragraph["TableText"] == [10.5, 100, False, False]
    with zipfile.ZipFile(built) as z, zipfile.ZipFile(facts.parent / "word.docx") as t:
        document, template = z.read("word/document.xml").decode("utf-8"), t.read("word/document.xml").decode("utf-8")
    grid = re.findall(r"<w:docGrid [^>]*/>", document)
    assert grid == re.findall(r"<w:docGrid [^>]*/>", template) == [
        '<w:docGrid w:linePitch="579" w:type="linesAndChars" w:charSpace="-848"/>']
    assert "snapToGrid" not in document                             # the styles say it

    from openxml_audit import OpenXmlValidator
    result = OpenXmlValidator(max_errors=1000).validate(str(built))
    assert result.error_count == 0, [(e.error_type.value, e.part_uri, e.description) for e in result.errors]


def test_a_body_whose_line_height_follows_the_grid_stays_on_it(word_made, run):
    """Single line height, set by the grid's 22 lines: off the grid the lines would shrink to the type's own
    height, so the body stays on it, only drawn at 98 %; the 落款 leaves it, each of its lines one of the
    grid's 28.95 pt exactly (render/signature.py)."""
    facts = word_made(lines="grid")
    out = facts.parent.parent / "out"
    assert run("build", str(facts), "-o", str(out)).exit_code == 0
    styles = styles_of(out / "yangxi-2023.docx")
    normal = style_xml(styles, "Normal")
    assert "snapToGrid" not in normal and '<w:w w:val="98"/><w:sz w:val="32"/>' in normal
    _, fit = fit_styles(etree.fromstring(styles), -848)
    assert fit.paragraph["Normal"] == fit.paragraph["Heading1"] == [16, 98, True, True]
    with zipfile.ZipFile(out / "yangxi-2023.docx") as z:
        document = z.read("word/document.xml").decode("utf-8")
    signature = re.findall(r'<w:p>(?:(?!</w:p>).)*?<w:pStyle w:val="Signature"/>(?:(?!</w:p>).)*?</w:p>', document, re.S)
    assert len(signature) == 2 and all('<w:snapToGrid w:val="0"/><w:spacing w:line="579" w:lineRule="exact"/>' in p
                                       for p in signature), signature


@pytest.mark.parametrize("normal", [
    # as Word or WPS may write the default style: attributes in another order, run properties or none
    '<w:style w:styleId="Normal" w:default="1" w:type="paragraph"><w:name w:val="Normal"/><w:qFormat/></w:style>',
    '<w:style w:default="true" w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/><w:rPr><w:b/>'
    '<w:color w:val="000000"/><w:spacing w:val="10"/><w:sz w:val="32"/></w:rPr></w:style>',
])
def test_the_default_style_is_fitted_whatever_it_looks_like(normal):
    """The width goes in the schema's place among the run properties (after spacing, before the size); a
    default style that states no size gets the one it is set in (the document defaults' 3号)."""
    styles = unfitted(styles_of(ROOT / "templates" / "yangxi.docx").decode("utf-8"))
    styles = styles.replace(style_xml(styles, "Normal"), normal)
    root = etree.fromstring(styles.encode("utf-8"))
    changed, fit = fit_styles(root, -848)
    assert changed
    style = style_xml(etree.tostring(root, encoding="unicode"), "a" if 'w:styleId="a"' in normal else "Normal")
    assert re.search(r'<w:rPr>.*<w:w w:val="98"/><w:sz w:val="32"/></w:rPr>', style), style
    if "<w:color" in normal:
        assert style.index("<w:color") < style.index("<w:spacing") < style.index("<w:w ")


def test_a_grid_wider_than_the_characters_needs_nothing():
    """A cell at least a character wide (charSpace ≥ 0: 26 characters a line, say) leaves every width and every
    style's place on the grid as it was; a grid of lines only, or charSpace 0, is no character grid at all."""
    styles = unfitted(styles_of(ROOT / "templates" / "yangxi.docx").decode("utf-8")).encode("utf-8")
    root = etree.fromstring(styles)
    changed, fit = fit_styles(root, 4096)
    assert changed and fit.paragraph["Normal"] == [16, 100, True, True]        # Normal only states its size
    after = etree.tostring(root)
    assert b"<w:w " not in after and after.count(b"snapToGrid") == styles.count(b"snapToGrid")

    def grid(attrs: str):
        return etree.fromstring(f'<w:document xmlns:w="{W[1:-1]}"><w:body><w:sectPr>'
                                f'<w:docGrid {attrs}/></w:sectPr></w:body></w:document>')
    assert char_space(grid('w:type="linesAndChars" w:linePitch="579" w:charSpace="-848"')) == -848
    assert char_space(grid('w:type="lines" w:linePitch="579" w:charSpace="-848"')) is None
    assert char_space(grid('w:type="linesAndChars" w:linePitch="579" w:charSpace="0"')) is None


def test_paragraphs_and_runs_that_say_otherwise_than_their_styles_are_fitted():
    """A run of 3号 stated by hand in a paragraph on the grid (or whose style left it) gets the scale; one in a
    paragraph off the grid, or of a smaller size, keeps its own. A paragraph whose style left the grid for its
    exact line height but whose own line height is single stays on the grid."""
    styles = unfitted(styles_of(ROOT / "templates" / "yangxi.docx").decode("utf-8")).encode("utf-8")
    _, fit = fit_styles(etree.fromstring(styles), -848)
    assert fit.paragraph["Normal"] == [16, 98, True, False]

    def paragraph(style: str, ppr: str, rpr: str) -> str:
        return (f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{ppr}</w:pPr>'
                f'<w:r><w:rPr>{rpr}</w:rPr><w:t>文字</w:t></w:r></w:p>')
    body = etree.fromstring(
        f'<w:body xmlns:w="{W[1:-1]}">'
        + paragraph("Normal", "", '<w:w w:val="100"/><w:sz w:val="32"/>')         # fitted: 98
        + paragraph("TableText", "", '<w:sz w:val="32"/>')                        # off the grid: kept
        + paragraph("TableText", '<w:snapToGrid w:val="1"/>', '<w:sz w:val="32"/>')   # put on it by hand: 98
        + paragraph("Normal", "", '<w:sz w:val="21"/>')                           # 五号 fits a cell: kept
        + paragraph("Normal", '<w:spacing w:line="240" w:lineRule="auto"/>', "<w:b/>")   # single: on the grid
        + "</w:body>")
    assert fit_paragraphs(body, fit)
    widths = [r.find(f"{qn('w:rPr')}/{qn('w:w')}") for r in body.iter(qn("w:r"))]
    assert [x.get(qn("w:val")) if x is not None else None for x in widths] == ["98", None, "98", None, None]
    snaps = [p.find(f"{qn('w:pPr')}/{qn('w:snapToGrid')}") for p in body.iter(qn("w:p"))]
    assert [x.get(qn("w:val")) if x is not None else None for x in snaps] == [None, None, "1", None, "1"]
    assert etree.tostring(body).index(b"snapToGrid w:val=\"1\"/><w:spacing") > 0    # in the schema's place
    assert not fit_paragraphs(body, fit)
