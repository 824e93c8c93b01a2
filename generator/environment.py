"""The one Jinja environment: sandboxed, strict about undefined names, with the phrase filters.

A template from another county is trusted no further than a YAML file: it runs in Jinja's
sandbox, cannot reach Python internals, and a misspelt name is an error, never a blank.

docxtpl hands us each part of the .docx as one large template string on every render.
Compiling it is most of the cost of a render, so compiled templates are kept: in memory for
the process (a bureau builds dozens of reports with one template), and as marshalled Python
code on disk, keyed by a hash of the source, so the next `mkreport build` skips compiling.
"""
from __future__ import annotations

import marshal

from jinja2 import FunctionLoader, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace

from . import cache
from .limits import bounded_concat, check_binop, check_size
from .phrases import FILTERS


class _Namespace(Namespace):
    """`namespace()`, the one value a template can grow from one loop pass to the next: bounded."""

    def __setitem__(self, name, value):
        check_size(value)
        super().__setitem__(name, value)

def _no_none(value):
    """What `{{ x }}` prints for a value the facts do not have: nothing, never "None".
    (`check` reports such a blank before a build gets here: see template.py.)"""
    return "" if value is None else value


_MISSING = object()
_SLOTS = None


def _slots():
    global _SLOTS
    if _SLOTS is None:
        from .context import Slots
        _SLOTS = Slots
    return _SLOTS


# compiled code by template source, shared by every environment of the process
_code: dict[str, object] = {}


class ReportEnvironment(ImmutableSandboxedEnvironment):
    # operators whose result can be far larger than their operands are checked before they run
    # (and so are never folded into a constant at compile time either); see limits.py
    intercepted_binops = frozenset({"*", "**", "%", "+"})
    concat = staticmethod(bounded_concat)

    def getattr(self, obj, attribute):
        # the report's own values (context.Slots) hold data only: a part's name is looked up
        # directly, without the sandbox's checks for methods and internals (it is most of a
        # render's time); names with "_" and everything else go through the sandbox
        if type(obj) is _slots() and isinstance(attribute, str) and attribute[:1] != "_":
            value = obj._values.get(attribute, _MISSING)
            if value is not _MISSING:
                return value
        return super().getattr(obj, attribute)

    def call_binop(self, context, operator, left, right):
        check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def __init__(self, finalize=_no_none):
        # a loader that finds nothing: {% include %}, {% import %} and {% extends %} cannot reach files
        super().__init__(undefined=StrictUndefined, autoescape=True, loader=FunctionLoader(lambda name: None),
                         finalize=finalize)
        self.filters.update(FILTERS)
        self.globals["namespace"] = _Namespace
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
        return cache.kept(cache.key(source) + ".code", lambda: self.compile(source), marshal.dumps, marshal.loads)


_env: ReportEnvironment | None = None


def environment() -> ReportEnvironment:
    global _env
    if _env is None:
        _env = ReportEnvironment()
    return _env
