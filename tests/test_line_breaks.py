"""Line breaking in the examples' PDFs, LibreOffice's layout of the delivered .docx (issue 20): letter-spaced
lines and figures parted from their units, found by the detector in linebreaks.py.

LibreOffice 7.4 reads none of the .docx settings Word offers for line breaking (w:kinsoku, w:wordWrap,
w:overflowPunct, w:autoSpaceDE/DN, w:noLineBreaksBefore/After, w:characterSpacingControl: a conversion to .fodt
shows its defaults unchanged), nor a condensed w:spacing on Chinese text. So the build sets each body paragraph
as LibreOffice will (wordml/linefit.py, its model held to LibreOffice's own lines in test_line_fit.py) and
mends the lines that would be letter-spaced or end between a figure and its unit: closing marks drawn narrower
(w:w), a line's ideographs a few per cent, or what a line leaves over shared with the lines before it; a long
formula gets places to end a line after its signs. Before that the three examples had 18 letter-spaced lines
and 27 splits; now none."""
from __future__ import annotations

import re
import shutil

import pytest
from linebreaks import CJK_WIDTH, LEFT, RIGHT, Line, Word, added_space, body_lines, figure_unit_splits, letter_spaced
from paths import EXAMPLES

# example: (letter-spaced lines, figure/unit splits) in LibreOffice 7.4 — at most these
KNOWN = {"yangxi-2023": (0, 0), "pingyuan-2023": (0, 0), "hunan-example-2023": (0, 0)}


def set_line(text: str, left: float = LEFT, pitch: float = CJK_WIDTH, page: int = 1, baseline: float = 100) -> Line:
    """A line as pdftotext reads it: a word per run of Chinese characters set `pitch` apart (one word each
    when they are spread), a figure at half an em a digit with LibreOffice's quarter-em space either side."""
    words, x = [], left
    for token in _tokens(text):
        if token.isascii():
            x += 4
            words.append(Word(x, x + 8 * len(token), token))
            x += 8 * len(token) + 4
        elif pitch - CJK_WIDTH > 2.5:
            for c in token:
                words.append(Word(x, x + CJK_WIDTH, c))
                x += pitch
        else:
            words.append(Word(x, x + pitch * (len(token) - 1) + CJK_WIDTH, token))
            x += pitch * len(token)
    return Line(page, baseline, tuple(words))


def _tokens(text: str) -> list[str]:
    return re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text)


def full(text: str, left: float = LEFT, **kw) -> Line:
    """A line of `text` justified to the right edge: its Chinese characters spread to fill it."""
    natural = set_line(text, left)
    wide = sum(not c.isascii() for c in text)
    return set_line(text, left, CJK_WIDTH + (RIGHT - natural.right) / (wide - 1), **kw)


def test_a_line_spread_by_a_token_it_lost_is_letter_spaced_and_a_filled_one_is_not():
    """The detector's measure: a line of 22 characters and a figure spread over the type area reads
    letter-spaced; one of 28 characters, or one a closing mark made give up one character, does not."""
    spread = full("万元，增幅39.79%，比年初预算数减少55.60万元，下降")
    filled = full("绩效目标与部门职能和年度工作任务相符部门整体支出管理规范")
    kept_back = full("发展，强化项目支撑延伸产业链条。一是发展壮大先进新材料")
    assert added_space(spread) > 2 and added_space(filled) < 0.2 and 0.5 < added_space(kept_back) < 1
    assert letter_spaced([spread, filled, kept_back]) == [spread]
    assert letter_spaced([set_line("下降73.69%。")]) == []            # a paragraph's last line is not justified


def test_a_figure_at_a_line_end_whose_unit_begins_the_next_line_is_a_split():
    """"5.65" at the end of a full line, "万元" at the start of the next in the same paragraph: a split; the
    same figure before a new paragraph (indented) or before a punctuation mark is not."""
    end = full("万元，较上年增加预算数减少数额较大增幅下降了5.65")
    unit = set_line("万元，增幅39.79%", baseline=129)
    assert figure_unit_splits([end, unit]) == [(end, unit)]
    assert figure_unit_splits([end, set_line("万元，增幅", left=LEFT + 2 * 16, baseline=129)]) == []
    assert figure_unit_splits([end, set_line("，增幅", baseline=129)]) == []
    assert figure_unit_splits([set_line("下降5.65"), unit]) == []          # not a full line: the paragraph ended


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed (.ci/run installs it)")
@pytest.mark.parametrize("name", EXAMPLES)
def test_the_examples_have_no_more_letter_spaced_lines_or_split_figures_than_known(built_pdf, name):
    """Each example's PDF (LibreOffice's layout of the delivered .docx): its body text read back, at most
    KNOWN's letter-spaced lines and figures parted from their units."""
    lines = body_lines(built_pdf / f"{name}.pdf")
    assert len(lines) > 100                                   # the detector reads the body text
    spaced, splits = letter_spaced(lines), figure_unit_splits(lines)
    most_spaced, most_splits = KNOWN[name]
    assert len(spaced) <= most_spaced, [str(line) for line in spaced]
    assert len(splits) <= most_splits, [f"{a} / {b.text[:6]}" for a, b in splits]
