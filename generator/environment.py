"""The one Jinja environment: sandboxed, strict about undefined names, with the phrase filters.

A template from another county is trusted no further than a YAML file: it runs in Jinja's
sandbox, cannot reach Python internals, and a misspelt name is an error, never a blank.

docxtpl hands us each part of the .docx as one large template string on every render.
Compiling it is most of the cost of a render, so compiled templates are kept: in memory for
the process (a bureau builds dozens of reports with one template), and as marshalled Python
code on disk, keyed by a hash of the source, so the next `mkreport build` skips compiling.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
from pathlib import Path

from jinja2 import FunctionLoader, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .phrases import FILTERS

# Bump when the meaning of cached entries changes; the Python version is part of the key
# because marshalled code objects only load into the version that wrote them.
CODE_VERSION = f"mkreport-2-py{sys.version_info[0]}{sys.version_info[1]}"


def cache_dir() -> Path | None:
    base = os.environ.get("MKREPORT_CACHE") or os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache")
    if os.environ.get("MKREPORT_CACHE") == "off":
        return None
    return Path(base) / "mkreport" if not os.environ.get("MKREPORT_CACHE") else Path(base)


def _no_none(value):
    """What `{{ x }}` prints for a value the facts do not have: nothing, never "None".
    (`check` reports such a blank before a build gets here: see template.py.)"""
    return "" if value is None else value


# compiled code by template source, shared by every environment of the process
_code: dict[str, object] = {}


class ReportEnvironment(ImmutableSandboxedEnvironment):
    def __init__(self, finalize=_no_none):
        # a loader that finds nothing: {% include %}, {% import %} and {% extends %} cannot reach files
        super().__init__(undefined=StrictUndefined, autoescape=True, loader=FunctionLoader(lambda name: None),
                         finalize=finalize)
        self.filters.update(FILTERS)
        self._templates: dict[str, object] = {}

    def from_string(self, source, globals=None, template_class=None):
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        template = self._templates.get(source)
        if template is None:
            code = _code.get(source)
            if code is None:
                code = self._load(source)
                if len(_code) > 64:
                    _code.clear()
                _code[source] = code
            template = self.template_class.from_code(self, code, self.make_globals(None), None)
            if len(self._templates) > 64:
                self._templates.clear()
            self._templates[source] = template
        return template

    def _load(self, source: str):
        """Compiled code for a template source: from the disk cache, or compiled and cached."""
        key = hashlib.sha256((CODE_VERSION + source).encode("utf-8")).hexdigest()
        folder = cache_dir()
        path = folder / f"{key}.code" if folder else None
        code = None
        if path is not None and path.is_file():
            try:
                code = marshal.loads(path.read_bytes())
            except (OSError, ValueError, EOFError, TypeError):
                code = None
        if code is None:
            code = self.compile(source)
            if path is not None:
                try:
                    folder.mkdir(parents=True, exist_ok=True)
                    tmp = path.with_suffix(f".{os.getpid()}.tmp")
                    tmp.write_bytes(marshal.dumps(code))
                    os.replace(tmp, path)
                except OSError:
                    pass   # a read-only home is no reason to fail a build
        return code


_env: ReportEnvironment | None = None


def environment() -> ReportEnvironment:
    global _env
    if _env is None:
        _env = ReportEnvironment()
    return _env
