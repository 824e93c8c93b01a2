"""Finding rubrics, templates and vocabularies by name or by path.

A value with a slash is a path, relative to the file that states it. Anything else is a name, looked
up in this order (the first found wins, so a county can shadow a shipped file with its own):
  1. beside the file that names it;
  2. in the nearest `rubrics/` (`templates/`, `vocabularies/`) folder found walking up from there —
     a county keeps `inputs/ rubrics/ templates/` side by side in one repository;
  3. (for a name stated in a rubric) the same two places seen from the rubric's own folder;
  4. the files shipped with mkreport;
  5. (templates) a house style an installed package publishes (plugins.py) — looked for only when
     none of the above has the name, so naming a built-in or a county's template never scans the
     installed packages.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from ..core.resources import packaged

BUILTIN = "内置"
BESIDE = "同一文件夹"
NEAREST = "县文件夹"
PUBLISHED = "已安装的包"


class Kind(NamedTuple):
    key: str              # the YAML field that names one: rubric, template, vocabulary
    zh: str
    folder: str           # the folder a county keeps them in
    suffixes: tuple
    shipped: bool = True  # whether mkreport ships files of this kind (found by name last)
    named_in: str = "事实文件或评分体系"

    def names(self, ref: str) -> list[str]:
        """File names a name may stand for: `yangxi-2023` → yangxi-2023.yaml, yangxi-2023.yml."""
        if ref.lower().endswith(self.suffixes):
            return [ref]
        return [ref + s for s in self.suffixes]

    def stem(self, filename: str) -> str:
        for s in self.suffixes:
            if filename.lower().endswith(s):
                return filename[: -len(s)]
        return filename


RUBRIC = Kind("rubric", "评分体系", "rubrics", (".yaml", ".yml"), named_in="事实文件")
TEMPLATE = Kind("template", "报告模板", "templates", (".docx",))
VOCABULARY = Kind("vocabulary", "正文词表", "vocabularies", (".yaml", ".yml"), shipped=False, named_in="评分体系")
KINDS = (RUBRIC, TEMPLATE, VOCABULARY)

# A county's own words for figures, found walking up from a facts file (see vocabulary.py).
COUNTY_VOCABULARY = "vocabulary.yaml"


class Place(NamedTuple):
    folder: Path
    origin: str           # BESIDE, NEAREST or BUILTIN

    @property
    def builtin(self) -> bool:
        return self.origin == BUILTIN


class Found(NamedTuple):
    path: Path
    origin: str
    name: str = ""

    @property
    def builtin(self) -> bool:
        """Installed, not the county's: shipped with mkreport or published by an installed package
        (shown by name, never by its path inside the installation)."""
        return self.origin in (BUILTIN, PUBLISHED)


class NotFound(Exception):
    """A failed lookup, with every place tried (absolute paths) and the advice to give."""

    def __init__(self, kind: Kind, ref: str, tried: list | None = None, note: str = "", near: list | None = None):
        super().__init__(kind, ref)
        self.kind, self.ref, self.note = kind, ref, note
        self.tried = [] if tried is None else tried
        self.near = [] if near is None else near

    def message(self) -> str:
        where = "、".join(str(p) for p in self.tried)
        out = f"找不到{self.kind.zh}“{self.ref}”（查找了：{where}{self.note}）。"
        if self.near:
            out += f"是否想写“{self.near[0]}”？"
        if is_path(self.ref):
            out += f"路径相对于写它的文件；也可以只写{self.kind.zh}的名字，由 mkreport 查找。"
        else:
            out += (f"请写一个可用的名字（运行 `mkreport list` 查看），或把文件放进 {self.kind.folder}/ 文件夹，"
                    f"或写成相对于本文件的路径（如 ../{self.kind.folder}/{self.kind.names(self.ref)[0]}）。")
        return out


def is_path(ref: str) -> bool:
    return "/" in ref or "\\" in ref or ref.startswith("~")


def is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):      # a name too long for the system, a NUL byte
        return False


def is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def nearest(start: Path, folder: str) -> Path | None:
    """The nearest folder named `folder` in `start` or one of its parents."""
    return _walk_up(start, folder, is_dir)


def _walk_up(start: Path, name: str, exists) -> Path | None:
    here = _absolute(start)
    for d in (here, *here.parents):
        if exists(d / name):
            return d / name
    return None


def _absolute(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(path).absolute()


def places(kind: Kind, starts: list[Path]):
    """Where a name is looked for, in order, seen from each starting folder. A generator: the
    shipped folder (importlib.resources) is only looked up when nothing nearer had the name."""
    seen = set()

    def new(place: Place) -> bool:
        if place.folder in seen:
            return False
        seen.add(place.folder)
        return True

    for start in starts:
        start = _absolute(start)
        near = nearest(start, kind.folder)
        for place in (Place(start, BESIDE), Place(near, NEAREST) if near is not None else None):
            if place is not None and new(place):
                yield place
    if kind.shipped:
        place = Place(packaged(kind.folder), BUILTIN)
        if new(place):
            yield place


_FACTS_KEYS = re.compile(r"^(?:department|scores)\s*:", re.M)
_RUBRIC_KEYS = re.compile(r"^(?:indicators|facts|columns|shares)\s*:", re.M)


def _facts_file(path: Path) -> bool:
    """Whether a YAML file beside a facts file is another facts file: the inputs of a county are
    named like its rubrics (yangxi-2023.yaml), and must never be taken for one."""
    if not path.name.lower().endswith((".yaml", ".yml")):
        return False
    from ..core.charset import glance
    from ..core.reading import read_head

    head = read_head(path, 1 << 20)
    if head is None:
        return False
    text = glance(head)
    return bool(_FACTS_KEYS.search(text)) and not _RUBRIC_KEYS.search(text)


def nearest_file(start: Path, name: str) -> Path | None:
    """The nearest file called `name` in `start` or one of its parents."""
    return _walk_up(start, name, is_file)


def resolve(kind: Kind, ref: str, stated_in: Path, starts: list[Path]) -> Found:
    """The file `ref` stands for. A path is relative to the file that states it (`stated_in`);
    a name is looked for from each folder of `starts` in turn, then among the shipped files, then
    (a template) among the house styles installed packages publish. Raises NotFound listing every
    place tried."""
    ref = ref.strip()
    if is_path(ref):
        path = Path(ref).expanduser()
        path = path if path.is_absolute() else stated_in.parent / path
        if not path.name.lower().endswith(kind.suffixes):
            # only files of the kind's own type are read: a facts file naming /etc/passwd as its
            # rubric must not make mkreport read, let alone show, that file
            raise NotFound(kind, ref, [_absolute(path)], f"；{kind.zh}应为 {'、'.join(kind.suffixes)} 文件")
        if is_file(path):
            return Found(path, BESIDE, kind.stem(path.name))
        raise NotFound(kind, ref, [_absolute(path)])
    tried = []
    myself = _absolute(stated_in)
    for place in places(kind, starts):
        for name in kind.names(ref):
            candidate = place.folder / name
            if candidate == myself:
                continue
            tried.append(candidate)
            if is_file(candidate) and not (place.origin == BESIDE and _facts_file(candidate)):
                return Found(candidate, place.origin, kind.stem(name))
    note = ""
    if kind is TEMPLATE:
        found, note = _published(ref, tried)
        if found is not None:
            return found
    if not note and not any(nearest(s, kind.folder) for s in starts):
        note = f"；从 {_absolute(starts[0])} 向上没有 {kind.folder}/ 文件夹"
    names = [e.name for e in visible(kind, starts)]
    import difflib

    near = difflib.get_close_matches(ref, names, n=1, cutoff=0.6)
    raise NotFound(kind, ref, tried, note, near)


def _published(ref: str, tried: list) -> tuple[Found | None, str]:
    """A house style an installed package publishes under this name (plugins.py): (found, "") or
    (None, a note for the not-found message when a package publishes the name but cannot deliver it)."""
    from ..core import plugins

    name = TEMPLATE.stem(ref)
    try:
        path = plugins.template(name)
    except plugins.PluginError as exc:
        return None, f"；版式{exc.message}"
    if path is None:
        return None, ""
    tried.append(path)
    if is_file(path):
        return Found(path, PUBLISHED, name), ""
    return None, f"；已安装的包 {plugins.provider(plugins.published(plugins.TEMPLATES)[name])} 发布了这个版式，但包中没有 {path.name}"


def _published_entries() -> list[Found]:
    """Every house style the installed packages publish, for `mkreport list`; one that cannot be
    loaded is left out here (naming it in a file says why)."""
    from ..core import plugins

    out = []
    for name in plugins.template_names():
        try:
            path = plugins.template(name)
        except plugins.PluginError:
            continue
        if path is not None and is_file(path):
            out.append(Found(path, PUBLISHED, name))
    return out


class Entry:
    """One file `mkreport list` shows: its name, where it is, and what it shadows."""

    def __init__(self, kind: Kind, name: str, found: Found):
        self.kind, self.name, self.found = kind, name, found
        self.shadows: list = []         # files of the same name it hides


def visible(kind: Kind, starts: list[Path]) -> list[Entry]:
    """Every file of a kind a name can reach from these folders, the winner of each name first."""
    entries: dict[str, Entry] = {}
    for place in places(kind, starts):
        if place.origin == BESIDE and kind is not TEMPLATE:
            # a YAML file beside a facts file is usually another facts file, not a rubric:
            # list only files that a name could reach in a kind's own folders
            continue
        try:
            files = sorted(p for p in place.folder.iterdir() if p.name.lower().endswith(kind.suffixes))
        except OSError:
            continue
        for path in files:
            if not is_file(path) or path.name.startswith((".", "~$")):   # ~$ : Word's lock files
                continue
            _add(entries, kind, Found(path, place.origin, kind.stem(path.name)))
    if kind is TEMPLATE:
        for found in _published_entries():
            _add(entries, kind, found)
    return sorted(entries.values(), key=lambda e: (e.found.builtin, e.name))


def _add(entries: dict, kind: Kind, found: Found) -> None:
    """The first file of a name is the one a name reaches; later ones are shadowed by it."""
    if found.name in entries:
        entries[found.name].shadows.append(found)
    else:
        entries[found.name] = Entry(kind, found.name, found)
