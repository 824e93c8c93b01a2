"""The wheel carries every part of the package: a subpackage left out of pyproject.toml works in the
repository (an editable install) and fails at the first import in a county's installation. So does a
package imported but not declared, or a file the README names left out of the wheel. One version,
written once, with its CHANGELOG entry."""
from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import zipfile
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from paths import ROOT

from generator import __version__
from generator.core.resources import FOLDERS


def test_every_subpackage_is_in_the_wheel():
    listed = set(re.findall(r'"(generator[a-z_.]*)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8")))
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "generator").rglob("__init__.py")}
    assert found <= listed, found - listed


# ---- every imported package declared ------------------------------------------------------------

def _declared(extra: str | None = None) -> set[str]:
    """The distributions pyproject.toml declares (`dependencies`, or one optional extra)."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    head = r"^dependencies = \[" if extra is None else rf"^{extra} = \["
    block = re.search(head + r"(.*?)\]", text, re.DOTALL | re.MULTILINE)
    assert block, f"pyproject.toml: no {extra or 'dependencies'} list"
    return {_canonical(name) for name in re.findall(r'"([A-Za-z0-9_.-]+)', block.group(1))}


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _third_party(folder: Path) -> dict[str, set[str]]:
    """Top-level names imported anywhere under `folder` (inside functions too) that are neither the
    standard library, nor generator, nor a helper module of the repository → the files importing them."""
    local = {p.stem for d in ("tests", "tools", "bench") for p in (ROOT / d).rglob("*.py")} | {"generator"}
    out: dict[str, set[str]] = {}
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module else []
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top not in local:
                    out.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return out


def _distributions(imports: dict[str, set[str]]) -> set[str]:
    provided = packages_distributions()
    missing = {name: files for name, files in imports.items() if name not in provided}
    assert not missing, f"imported but not installed, so no distribution to declare: {missing}"
    return {_canonical(d) for name in imports for d in provided[name]}


def test_every_package_generator_imports_is_declared_and_nothing_else():
    """python-docx and lxml were imported and not declared: installed only because docxtpl needs them."""
    assert _distributions(_third_party(ROOT / "generator")) == _declared()


def test_every_package_the_tests_import_is_declared_for_them():
    assert _distributions(_third_party(ROOT / "tests")) <= _declared() | _declared("test")


# ---- one version ---------------------------------------------------------------------------------

def test_the_version_is_written_once(run):
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    project = re.search(r"^\[project\]$(.*?)^\[", text, re.DOTALL | re.MULTILINE).group(1)
    assert 'dynamic = ["version"]' in project and not re.search(r"^version\s*=", project, re.MULTILINE)
    assert 'version = {attr = "generator.__version__"}' in text
    assert run("--version").output == f"mkreport {__version__}\n"


def test_the_changelog_starts_with_this_version():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    releases = re.findall(r"^## (\d+\.\d+\.\d+)", changelog, re.MULTILINE)
    assert releases[0] == __version__ and len(set(releases)) == len(releases)


# ---- the wheel ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    """The wheel built from a copy of the sources (a build in the repository would leave build/
    behind, whose stale modules a later wheel would carry); offline, with the setuptools the test
    extra installs."""
    src = tmp_path_factory.mktemp("src")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("pyproject.toml", "README.md"):
        shutil.copyfile(ROOT / name, src / name)
    for folder in ("generator", *FOLDERS):
        shutil.copytree(ROOT / folder, src / folder, ignore=ignore)
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--no-index", "-w", str(dist), str(src)], check=True, capture_output=True, timeout=300)
    [built] = dist.glob("mkreport-*.whl")
    return zipfile.ZipFile(built)


def _in_wheel(path: str) -> str:
    """Where a file of the repository is inside the wheel: templates/x.docx → generator/templates/x.docx."""
    top, _, rest = path.partition("/")
    return path if top == "generator" else f"generator/{FOLDERS[top]}/{rest}"


# a path the README names in a folder the wheel carries: schema/template.md, rubrics/*.yaml,
# generator/data/vocabulary.yaml, ../schema/facts.schema.json …
_NAMED = re.compile(r"(?<![\w/.-])(?:\.\./)?((?:" + "|".join(["generator", *FOLDERS]) + r")/[\w.*/-]*[\w*])")


def _named_in_readme() -> set[str]:
    return set(_NAMED.findall((ROOT / "README.md").read_text(encoding="utf-8")))


@pytest.mark.slow
def test_every_file_the_readme_names_is_in_the_wheel(wheel):
    names = set(wheel.namelist())
    for named in sorted(_named_in_readme()):
        files = [str(p.relative_to(ROOT)) for p in ROOT.glob(named) if p.is_file()]
        if not files:
            # a county's own file, named as an example (rubrics/本县-2024.yaml), is none of ours
            assert not named.isascii(), f"README names {named}, which is not in the repository"
            continue
        for f in files:
            assert _in_wheel(f) in names, f"README names {f}; the wheel lacks {_in_wheel(f)}"


@pytest.mark.slow
def test_every_file_of_a_shipped_folder_is_in_the_wheel(wheel):
    names = set(wheel.namelist())
    for folder in (*FOLDERS, "generator/data"):
        for path in (ROOT / folder).iterdir():
            if path.is_file():
                assert _in_wheel(str(path.relative_to(ROOT))) in names, path


@pytest.mark.slow
def test_the_wheel_states_the_version_and_every_dependency(wheel):
    [metadata] = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    text = wheel.read(metadata).decode("utf-8")
    assert f"\nVersion: {__version__}\n" in text
    requires = {_canonical(re.split(r"[<>=!~;\s\[]", line[len("Requires-Dist: "):])[0])
                for line in text.splitlines() if line.startswith("Requires-Dist: ") and "extra ==" not in line}
    assert requires == _declared()


# ---- the offline route: a wheelhouse made on a networked machine, installed with no network ----

@pytest.mark.slow
def test_a_wheelhouse_installs_and_runs_with_no_network(wheel, tmp_path):
    """README's offline route, as a county office does it: `pip download` the wheel's dependencies
    into a folder (here from the index this venv is configured with), then in a fresh venv
    `pip install --no-index --find-links` with pip cut off from any network (no index, no config
    file, a proxy that answers nothing); the installed `mkreport` states its version and checks an
    example under a path with spaces and Chinese characters."""
    house = tmp_path / "wheelhouse"
    shutil.copy(wheel.filename, tmp_path)
    built = tmp_path / Path(wheel.filename).name
    made = subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "-d", str(house), str(built)],
                          capture_output=True, text=True, timeout=600)
    if made.returncode != 0:
        pytest.skip("no package index reachable from this machine, so no wheelhouse can be made "
                    f"(pip download: {made.stderr.strip().splitlines()[-1:] or made.returncode})")
    assert built.name in {p.name for p in house.iterdir()}
    venv = tmp_path / "新 环境"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True, timeout=300)
    bin_dir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    offline = {"PATH": str(bin_dir), "PIP_NO_INDEX": "1", "PIP_CONFIG_FILE": os.devnull,
               "PIP_DISABLE_PIP_VERSION_CHECK": "1", "HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9",
               "http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9", "NO_PROXY": "", "HOME": str(tmp_path)}
    installed = subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--no-index", "--find-links", str(house),
                                "mkreport"], capture_output=True, text=True, env=offline, timeout=600)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    version = subprocess.run([str(bin_dir / "mkreport"), "--version"], capture_output=True, text=True, env=offline,
                             timeout=120)
    assert version.stdout == f"mkreport {__version__}\n", version.stderr
    county = tmp_path / "阳西 县" / "inputs"
    county.mkdir(parents=True)
    facts = county / "工信局 2023.yaml"
    shutil.copy(ROOT / "inputs" / "yangxi-2023.yaml", facts)
    checked = subprocess.run([str(bin_dir / "mkreport"), "check", str(facts)], capture_output=True, text=True,
                             env=offline, cwd=county.parent, timeout=300)
    assert checked.returncode == 0 and checked.stderr.strip() == "检查通过：未发现问题。", checked.stdout + checked.stderr
    wrong = facts.read_text(encoding="utf-8").replace("    score: 2.6\n    text: 本部门项目绩效目标", "    score: 2.5\n"
                                                      "    text: 本部门项目绩效目标", 1)
    facts.write_text(wrong, encoding="utf-8")
    checked = subprocess.run([str(bin_dir / "mkreport"), "check", "inputs/工信局 2023.yaml"], capture_output=True,
                             text=True, env=offline, cwd=county.parent, timeout=300)
    assert checked.returncode == 1 and "inputs/工信局 2023.yaml:262:12: 错误 [RULE-SCORE]" in checked.stdout
    # the language server starts from the installed package too (pygls came from the wheelhouse)
    served = subprocess.run([str(bin_dir / "mkreport"), "lsp"], input=_jsonrpc(
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}, "processId": None}},
        {"jsonrpc": "2.0", "id": 2, "method": "shutdown"}, {"jsonrpc": "2.0", "method": "exit"}),
        capture_output=True, env=offline, cwd=county.parent, timeout=120)
    assert b'"hoverProvider": true' in served.stdout.replace(b'":true', b'": true') and b'"name": "mkreport"' in \
        served.stdout.replace(b'":"', b'": "'), served.stdout + served.stderr


def _jsonrpc(*messages) -> bytes:
    """Messages framed as an LSP client writes them (Content-Length, a blank line, the JSON)."""
    import json
    out = b""
    for m in messages:
        body = json.dumps(m).encode("utf-8")
        out += b"Content-Length: %d\r\n\r\n" % len(body) + body
    return out
