"""Fuzzing: mutated versions of the real inputs never escape as an exception.

Every refusal is a finding; every input that `check` accepts, `build` builds (the render raises
nothing) into a .docx that opens. Derandomised, so CI runs the same examples every time.
"""
from __future__ import annotations

import io
from pathlib import Path

import yaml
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.context import build_context
from generator.pipeline import check
from generator.render import render_docx

ROOT = Path(__file__).resolve().parent.parent
SOURCES = {name: (ROOT / "inputs" / f"{name}.yaml").read_bytes() for name in ("yangxi-2023", "pingyuan-2023", "hunan-example-2023")}
FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def run_pipeline(path: Path, name: str) -> None:
    """Check; if clean, render and open the result: nothing may raise."""
    checked = check(path)
    for f in checked.findings:
        assert f.code and f.message and f.severity in ("error", "warning")
        f.resolve()
        assert f.line is None or f.line >= 1
    if not checked.buildable:
        return
    data = render_docx(checked.loaded.template.path, build_context(checked.loaded, checked.derived))
    Document(io.BytesIO(data))


def place(tmp_path: Path, name: str, data: bytes) -> Path:
    (tmp_path / "inputs").mkdir(exist_ok=True)
    rubrics = tmp_path / "rubrics"
    if not rubrics.exists():
        rubrics.symlink_to(ROOT / "rubrics")
    path = tmp_path / "inputs" / f"{name}.yaml"
    path.write_bytes(data)
    return path


edits = st.lists(st.tuples(st.floats(0, 1), st.sampled_from(["insert", "delete", "replace"]),
                           st.binary(min_size=1, max_size=4)), min_size=1, max_size=6)


@FUZZ
@given(name=st.sampled_from(sorted(SOURCES)), edits=edits)
def test_byte_mutations(tmp_path, name, edits):
    data = bytearray(SOURCES[name])
    for where, op, blob in edits:
        i = int(where * (len(data) - 1))
        if op == "insert":
            data[i:i] = blob
        elif op == "delete":
            del data[i:i + len(blob)]
        else:
            data[i:i + len(blob)] = blob
    run_pipeline(place(tmp_path, name, bytes(data)), name)


def paths(tree, prefix=()):
    if isinstance(tree, dict):
        for k, v in tree.items():
            yield prefix + (k,)
            yield from paths(v, prefix + (k,))
    elif isinstance(tree, list):
        for i, v in enumerate(tree):
            yield prefix + (i,)
            yield from paths(v, prefix + (i,))


TREES = {name: yaml.load(data, Loader=yaml.BaseLoader) for name, data in SOURCES.items()}   # all text
VALUES = st.one_of(st.text(max_size=30), st.sampled_from(["", "0", "-1", "1e9", "12,345.6", "1066.5万元", "64.94",
                                                          "64.94%", "2023-02-30", "no", "~", "{{ x }}", "满分 分",
                                                          "９９", "1" * 40]),
                   st.lists(st.text(max_size=5), max_size=3), st.dictionaries(st.text(max_size=5), st.text(max_size=5),
                                                                              max_size=2))


@FUZZ
@given(name=st.sampled_from(sorted(SOURCES)), data=st.data())
def test_structural_mutations(tmp_path, name, data):
    import copy
    tree = copy.deepcopy(TREES[name])
    all_paths = list(paths(tree))
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(all_paths))
        parent = tree
        try:
            for part in path[:-1]:
                parent = parent[part]
            action = data.draw(st.sampled_from(["set", "delete", "unknown"]))
            if action == "set":
                parent[path[-1]] = data.draw(VALUES)
            elif action == "delete":
                del parent[path[-1]]
            elif isinstance(parent, dict):
                parent[data.draw(st.text(min_size=1, max_size=8))] = data.draw(VALUES)
        except (KeyError, IndexError, TypeError):
            continue    # an earlier mutation removed this path
    text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)
    run_pipeline(place(tmp_path, name, text.encode("utf-8")), name)


@FUZZ
@given(prose=st.text(alphabet=st.sampled_from(list("0123456789.万元亿%，。；其中较上年增加减少增幅占收入总额的小于=（）财政拨款支出基本项目 ")),
                     max_size=80))
def test_prose_checks_take_any_text(tmp_path, prose):
    base = SOURCES["yangxi-2023"].decode("utf-8")
    import json
    text = base.replace("other_notes: 无。", "other_notes: " + json.dumps(prose, ensure_ascii=False))
    run_pipeline(place(tmp_path, "yangxi-2023", text.encode("utf-8")), "yangxi-2023")
