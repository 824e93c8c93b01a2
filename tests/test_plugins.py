"""A province publishes a rule kind or a house style as a package of its own (entry points groups
mkreport.rules and mkreport.templates): once installed, rubrics and facts files name them like the
built-in ones. The package here is a tiny fake distribution — a dist-info folder with
entry_points.txt on sys.path — which importlib.metadata finds as it finds an installed one."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from paths import ROOT

from generator.core import plugins
from generator.model import rules

RULE = '''
from decimal import Decimal

from generator.core.numbers import fmt
from generator.model.rules import Expected, RuleKind
from generator.model.schema import Field, Model, Percent


class Share(RuleKind):
    """A province's rule: a fixed share of the indicator's points."""

    name = "share"
    zh = "得分 = 分值 × 比例"

    class Params(Model):
        """按比例计分"""

        share = Field(Percent(), "比例", required=True)

    def expected(self, node, params, inputs):
        score = node.points * params.share / Decimal(100)
        return Expected(score, f"分值 {fmt(node.points)} × {fmt(params.share)}% = {fmt(score)}")


class Misnamed(Share):
    name = "something_else"
'''

ENTRY_POINTS = """[mkreport.rules]
share = mkreport_province.rules:Share
misnamed = mkreport_province.rules:Misnamed
broken = mkreport_province.missing:Nothing

[mkreport.templates]
province = mkreport_province.styles
flat = mkreport_province.rules
absent = mkreport_province.styles
"""


def make_distribution(site: Path) -> Path:
    """mkreport-province 1.0, as pip would leave it in site-packages."""
    info = site / "mkreport_province-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: mkreport-province\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(ENTRY_POINTS, encoding="utf-8")
    package = site / "mkreport_province"
    (package / "styles").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "rules.py").write_text(RULE, encoding="utf-8")
    (package / "styles" / "__init__.py").write_text("", encoding="utf-8")
    shutil.copyfile(ROOT / "templates" / "yangxi.docx", package / "styles" / "province.docx")
    return site


@pytest.fixture
def installed(tmp_path, monkeypatch):
    """The fake package on sys.path for one test; mkreport's registries as they were afterwards."""
    site = make_distribution(tmp_path / "site")
    monkeypatch.syspath_prepend(str(site))
    saved_rules, saved_models = dict(rules.RULES), dict(rules._WITH_KIND)
    plugins.forget()
    yield site
    plugins.forget()
    rules.RULES.clear()
    rules.RULES.update(saved_rules)
    rules._WITH_KIND.clear()
    rules._WITH_KIND.update(saved_models)
    for name in [m for m in sys.modules if m.startswith("mkreport_province")]:
        del sys.modules[name]


def county(tmp_path: Path, rule: str = "", template: str = "") -> Path:
    """The 阳西 example in a county folder; indicator A11 (4 points, scored 4) under `rule`."""
    (tmp_path / "rubrics").mkdir(parents=True)
    rubric = (ROOT / "rubrics" / "yangxi-2023.yaml").read_text(encoding="utf-8")
    if rule:
        a11 = "{id: A11, name: 预算编制合理性, points: 4,"
        rubric = rubric.replace(a11, f"{a11} rule: {rule},")
    (tmp_path / "rubrics" / "yangxi-2023.yaml").write_text(rubric, encoding="utf-8")
    (tmp_path / "inputs").mkdir()
    facts = (ROOT / "inputs" / "yangxi-2023.yaml").read_text(encoding="utf-8")
    if template:
        facts = facts.replace("\nrubric: yangxi-2023\n", f"\nrubric: yangxi-2023\ntemplate: {template}\n")
    path = tmp_path / "inputs" / "部门-2023.yaml"
    path.write_text(facts, encoding="utf-8")
    return path


def findings(result) -> list[str]:
    return [line.split(": ", 1)[1] for line in result.output.splitlines() if "[" in line]


def test_a_published_rule_kind_scores_like_a_built_in_one(tmp_path, installed, run):
    result = run("check", str(county(tmp_path, "{kind: share, share: 100%}")))
    assert result.exit_code == 0 and findings(result) == []
    result = run("check", str(county(tmp_path / "half", "{kind: share, share: 50%}")))
    assert result.exit_code == 1
    assert findings(result) == ["错误 [RULE-SCORE] A11 预算编制合理性 得分 4，按评分规则应为 2（分值 4 × 50% = 2）。"]


def test_a_published_rule_kind_is_in_the_rubric_schema(installed):
    from generator.commands.schema import schema_text

    schema = schema_text("rubric")
    assert '"Rule_share"' in schema and "得分 = 分值 × 比例" in schema


def test_a_published_house_style_is_found_by_name_and_builds(tmp_path, installed, run):
    path = county(tmp_path, template="province")
    result = run("check", str(path))
    assert result.exit_code == 0 and findings(result) == []
    result = run("build", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0 and (tmp_path / "out" / "部门-2023.docx").stat().st_size > 10_000
    listing = run("list", str(path)).output
    # names are padded to the longest in the list (national-form)
    assert re.search(rf"province +已安装的包  {re.escape(str(installed / 'mkreport_province' / 'styles' / 'province.docx'))}",
                     listing)


def test_a_county_template_of_the_same_name_comes_first(tmp_path, installed, run):
    path = county(tmp_path, template="province")
    (tmp_path / "templates").mkdir()
    shutil.copyfile(ROOT / "templates" / "hunan.docx", tmp_path / "templates" / "province.docx")
    listing = run("list", str(path)).output
    assert re.search(rf"province +县文件夹  {re.escape(str(tmp_path / 'templates' / 'province.docx'))}", listing)
    assert "（遮盖了已安装的包的" in listing


@pytest.mark.parametrize("rule,words", [
    ("{kind: broken}", ("计分规则“broken”由已安装的包 mkreport-province 1.0 提供（mkreport_province.missing:Nothing），"
                        "但无法载入：ModuleNotFoundError")),
    ("{kind: misnamed}", "已安装的包 mkreport-province 1.0 发布的计分规则“misnamed”自称“something_else”"),
])
def test_a_package_that_cannot_deliver_its_rule_is_a_finding_at_the_rubric(tmp_path, installed, run, rule, words):
    result = run("check", str(county(tmp_path, rule)))
    assert result.exit_code == 1
    [finding] = findings(result)
    assert finding.startswith("错误 [RUBRIC-SCHEMA] indicators[0].children[0].children[0].rule.kind（规则类型）：")
    assert words in finding


@pytest.mark.parametrize("name,words", [
    ("flat", "版式“flat”由已安装的包 mkreport-province 1.0 提供，但它的入口 mkreport_province.rules 不是一个包"),
    ("absent", "已安装的包 mkreport-province 1.0 发布了这个版式，但包中没有 absent.docx"),
])
def test_a_package_that_cannot_deliver_its_house_style_is_said_in_the_not_found_message(tmp_path, installed, run,
                                                                                          name, words):
    result = run("check", str(county(tmp_path, template=name)))
    assert result.exit_code == 1
    [finding] = findings(result)
    assert finding.startswith(f"错误 [TEMPLATE-MISSING] 找不到报告模板“{name}”") and words in finding


def test_an_unknown_rule_kind_still_lists_the_kinds_there_are(tmp_path, installed, run):
    result = run("check", str(county(tmp_path, "{kind: shares}")))
    [finding] = findings(result)
    assert "[RUBRIC-SCHEMA]" in finding and "judgement" in finding and "“shares”" in finding


def test_built_in_names_never_read_the_installed_packages(tmp_path, installed, run):
    """Startup stays fast: a file naming only built-in rules and templates scans no entry points."""
    result = run("check", str(ROOT / "inputs" / "yangxi-2023.yaml"), str(ROOT / "inputs" / "hunan-example-2023.yaml"),
                 "-j", "1")
    assert result.exit_code == 0
    assert plugins.published.cache_info().currsize == 0


def test_the_installed_command_finds_the_package(tmp_path):
    """The real `mkreport` process, the package on its path as pip would put it there."""
    site = make_distribution(tmp_path / "site")
    path = county(tmp_path, "{kind: share, share: 50%}", template="province")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)])}
    result = subprocess.run([sys.executable, "-m", "generator", "check", str(path)], capture_output=True, text=True,
                            env=env, cwd=tmp_path, timeout=120, check=False)
    assert result.returncode == 1 and "[RULE-SCORE]" in result.stdout and "分值 4 × 50% = 2" in result.stdout
    assert "Traceback" not in result.stderr
