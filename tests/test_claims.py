"""The claim reader on its own: tokens, scope and relations, read without any facts file."""
from __future__ import annotations

import pytest
import yaml
from paths import ROOT

from generator.derive.claims import read, tokens
from generator.derive.vocabulary import vocabulary

VOC = vocabulary()[0]


def claims(text: str) -> list[tuple]:
    return [(c.kind, c.fact, c.column or c.against, str(c.value)) for c in read(text, VOC, 2023).claims]


def test_a_subject_carries_into_the_next_sentence_until_another_appears():
    got = claims("本部门收入792.22万元。同比上年度增加189.25万元，增长31.39%。全县收入12亿元，增长5%。")
    assert ("change", "finance.income.current", "prior", "189.25") in got
    assert ("rate", "finance.income.current", "prior", "31.39") in got
    assert not any(v in ("12", "5") for *_, v in got)          # 全县: another subject, nothing read


def test_a_list_belongs_to_its_head_and_a_share_to_the_head_of_its_list():
    got = claims("本年支出合计3122.01万元，其中基本支出2443.59万元，占78.27%；项目支出678.42万元，占21.73%。")
    assert ("sum", "finance.expenditure.current", None, "3122.01") in got
    assert sum(1 for k, *_ in got if k == "share") == 2


def test_a_bracket_is_an_aside_and_last_years_figure_in_it_is_last_years():
    got = claims("公用经费86.75万元（上年为94.10万元），较上年减少7.35万元。")
    assert ("prior", "finance.expenditure.public", "prior", "94.10") in got
    assert ("change", "finance.expenditure.public", "prior", "-7.35") in got


def test_uncertain_figures_are_left_unread_with_a_reason():
    reading = read("1-6月，本局累计支出612.35万元。规上工业企业实现营业收入215.3亿元。", VOC, 2023)
    assert reading.claims == []
    whys = [u.why for u in reading.unread]
    assert any("一年中的一段时间" in w for w in whys) and any("别的主体" in w for w in whys)


@pytest.mark.parametrize("text,kind", [
    ("预算执行率为98.43%。", "execution"),
    ("“三公”经费决算19.85万元，与年初预算数差额55.60万元。", "difference"),
    ("“三公”经费支出19.85万元小于75.45万元。", "compare"),
    ("实际支出高于调整预算15.00万元。", "margin"),
    ("在职人员44人，退休人员24人。", "count"),
    ("与上年持平。", "flat"),
])
def test_each_relation_is_read(text, kind):
    text = "本部门支出1000万元。" + text if kind in ("margin", "flat") else text
    assert kind in [c.kind for c in read(text, VOC, 2023).claims]


def test_the_two_ways_of_tokenizing_give_the_same_tokens():
    """Short texts walk the trie in Python, long ones run the whole-trie pattern: never a difference."""
    texts = [e["text"] for name in ("prose.yaml", "claims.yaml", "claims-real.yaml")
             for e in yaml.safe_load((ROOT / "tests" / "corpus" / name).read_text(encoding="utf-8"))]
    lex = VOC.lexicon
    short = tokens.LONG_TEXT
    try:
        for text in texts:
            a = [(t.kind, t.start, t.end, t.means) for t in tokens.tokenize(text, lex)]
            tokens.LONG_TEXT = 0
            b = [(t.kind, t.start, t.end, t.means) for t in tokens.tokenize(text, lex)]
            tokens.LONG_TEXT = short
            assert a == b, text
    finally:
        tokens.LONG_TEXT = short


def test_references_and_unclosed_braces_are_masked_in_one_pass():
    assert tokens.mask_references("收入{{ finance.income.current.final }}万元") == "收入" + " " * 34 + "万元"
    assert tokens.mask_references("{{" * 5) == "{{" * 5
    assert tokens.mask_references("{% if x %}收入1万元") == " " * 10 + "收入1万元"


def test_a_sentence_is_read_up_to_its_thousandth_figure_and_the_rest_left_unread_with_the_reason():
    from generator.derive.claims.grammar import MAX_FIGURES
    text = "收入1万元，" * (MAX_FIGURES + 5) + "支出2万元。收入3万元。"
    reading = read(text, VOC, 2023)
    figures = [c.figure.start for c in reading.claims if c.kind == "level"]
    assert len([s for s in figures if s < text.index("支出")]) == MAX_FIGURES
    crowded = [u for u in reading.unread if "不是报告中的句子" in u.why]
    assert len(crowded) == 1 and crowded[0].figure.start == 6 * MAX_FIGURES + 2     # the first figure passed over
    assert ("level", "finance.income.current", "final", "3") in claims(text)        # the next sentence is read


def test_a_text_is_read_up_to_its_limit_of_figures_and_of_tokens_and_says_where_it_stopped():
    from generator.derive.claims.tokens import MAX_TEXT_FIGURES, MAX_TEXT_TOKENS
    text = "收入1万元。" * (MAX_TEXT_FIGURES + 10)
    reading = read(text, VOC, 2023)
    assert len([c for c in reading.claims if c.kind == "level"]) == MAX_TEXT_FIGURES
    cut = [u for u in reading.unread if "其后的文字不读" in u.why]
    assert len(cut) == 1 and cut[0].figure.start == 6 * MAX_TEXT_FIGURES - 1 and f"{MAX_TEXT_FIGURES} 个数" in cut[0].why
    # no figures at all: the tokens are bounded as well
    text = "（" * (MAX_TEXT_TOKENS + 10) + "收入1万元"
    reading = read(text, VOC, 2023)
    assert not reading.claims and [u.why for u in reading.unread] == ["这段文字太长，多于任何报告的一段：其后的文字不读"]
    assert reading.unread[0].figure.start == MAX_TEXT_TOKENS
    # nor many characters: a text is read up to its limit of characters
    from generator.derive.claims.reader import MAX_TEXT_CHARS
    text = "收入1万元。" + " " * MAX_TEXT_CHARS + "支出2万元。"
    reading = read(text, VOC, 2023)
    assert [c.figure.start for c in reading.claims] == [2]
    assert [(u.figure.start, u.why) for u in reading.unread] == [(MAX_TEXT_CHARS, "这段文字太长，多于任何报告的一段：其后的文字不读")]


def test_a_label_glued_to_another_noun_is_left_unread_naming_the_whole_phrase():
    """"机关运行经费预算支出": 支出 after a column word glued to a fee's name is that fee's; explain names the phrase."""
    reading = read("2023年本部门一般公共预算机关运行经费预算支出561.31万元。", VOC, 2023)
    assert not reading.claims
    assert [u.why for u in reading.unread] == ["前面的“机关运行经费预算支出”不在词表中，说的可能是别的"]


@pytest.mark.parametrize("text", [
    "2023年财政拨款收入预算1747.99万元，其中：一般公共预算财政拨款收入1847.99万元。",
    "支出合计100万元，其中其他用车1辆。",
    "收入100万元，其中：基本支出120万元，其他。",
    "本项目共完成预算资金132.67万元，其中培训费43.67万元。",
    "编制24人，其中：参照公务员法管理的事业编制人数0人。",
])
def test_a_list_of_one_item_is_read_whole(text):
    """A 其中 list of a single item: read (its sum checked only where the item is more than its head), never a crash."""
    reading = read(text, VOC, 2023)
    assert reading.claims or reading.unread


def test_a_single_item_above_its_head_is_summed_and_one_below_it_is_not():
    above = read("2023年财政拨款收入预算1747.99万元，其中：一般公共预算财政拨款收入1847.99万元。", VOC, 2023)
    below = read("2023年财政拨款收入预算1747.99万元，其中：一般公共预算财政拨款收入1547.99万元。", VOC, 2023)
    assert [len(c.parts) for c in above.claims if c.kind == "sum"] == [1]
    assert not [c for c in below.claims if c.kind == "sum"]


@pytest.mark.parametrize("end", ["。 1", "。三", "。（一", "。1、", "；\u3000 ", "。12345678901"])
def test_a_text_that_ends_where_a_sentence_would_open_is_read(end):
    """The look for a body's name opening a sentence stops at the text's end (a text may end inside its leading marks)."""
    voc, _ = vocabulary()
    reading = read("本局2023年收入1326.80万元" + end, voc, 2023, names=("示例县商务局",), kept=False)
    assert [c.figure.text for c in reading.claims if c.figure is not None][:1] == ["1326.80万元"]
