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
from types import CodeType

from jinja2 import FunctionLoader, StrictUndefined, pass_context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace

from ..core import cache
from ..core.limits import bounded_concat, check_binop, check_call, check_size
from .phrases import FILTERS


class _Namespace(Namespace):
    """`namespace()`, the one value a template can grow from one loop pass to the next: bounded."""

    def __setitem__(self, name, value):
        check_size(value)
        super().__setitem__(name, value)

def _no_none(value):
    """What `{{ x }}` prints for a value the facts do not have: nothing, never "None".
    (`check` reports such a blank before a build gets here: see report_template.py.)"""
    return "" if value is None else value


# Jinja's filters whose result can be far larger than their input, by an argument; the position
# of the string each takes (after Jinja's own context argument, for those that take one)
_SIZED_FILTERS = {"center": 0, "indent": 0, "format": 0, "replace": 1, "wordwrap": 1, "join": 1}


def _sized(name: str, filter_):
    at = _SIZED_FILTERS[name]

    def bounded(*args, **kwargs):
        value, rest = (args[at] if len(args) > at else None), args[at + 1:]
        if name == "join" and isinstance(value, (list, tuple)):
            sep = rest[0] if rest else kwargs.get("d", "")
            if isinstance(sep, str):
                check_call("join", sep, (list(map(str, value)),), {})
        elif name == "format" and isinstance(value, str):
            check_binop("%", value, rest)
        else:
            check_call(name, value, rest, kwargs)
        return filter_(*args, **kwargs)

    for attr in ("jinja_pass_arg",):            # pass_context / pass_eval_context / pass_environment
        if hasattr(filter_, attr):
            setattr(bounded, attr, getattr(filter_, attr))
    return bounded


def _at_render(filter_):
    """A filter Jinja cannot run while compiling. Jinja evaluates a filter on constants as it
    compiles ({{ "a" | center(999999) }} becomes a megabyte of code), outside every render
    limit, and the compiled code is cached; a filter taking the render context is never run
    early. Jinja's own first argument (context, eval context, environment) is passed on."""
    kind = getattr(filter_, "jinja_pass_arg", None)
    if kind is not None and kind.name == "context":
        return filter_

    @pass_context
    def at_render(context, *args, **kwargs):
        if kind is not None:
            first = context.eval_ctx if kind.name == "eval_context" else context.environment
            return filter_(first, *args, **kwargs)
        return filter_(*args, **kwargs)

    return at_render


_MISSING = object()
_SLOTS = None


def _slots():
    global _SLOTS
    if _SLOTS is None:
        from .context import Slots
        _SLOTS = Slots
    return _SLOTS


# compiled code by template source, shared by every environment of the process
_code: dict[tuple, CodeType] = {}


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

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's own signature)
        # a string method: refused before it runs if its result would be too large
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str):
            check_call(getattr(__obj, "__name__", ""), owner, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value):
        # str.format and format_map: the sandbox's own wrapper, behind a size check of the call
        wrapper = super().wrap_str_format(value)
        if wrapper is None:
            return None
        owner, name = value.__self__, value.__name__

        def bounded(*args, **kwargs):
            check_call(name, owner, args, kwargs)
            return wrapper(*args, **kwargs)

        return bounded

    def call_binop(self, context, operator, left, right):
        check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def __init__(self, finalize=_no_none):
        # a loader that finds nothing: {% include %}, {% import %} and {% extends %} cannot reach files
        # optimized=False: Jinja would otherwise evaluate a filter on constants while compiling
        # ({{ "a" | center(900000000) }}), outside the render limits, and cache the result
        super().__init__(undefined=StrictUndefined, autoescape=True, loader=FunctionLoader(lambda name: None),
                         finalize=finalize, optimized=False)
        for name in _SIZED_FILTERS:
            self.filters[name] = _sized(name, self.filters[name])
        self.filters.update(FILTERS)
        for name, filter_ in list(self.filters.items()):
            self.filters[name] = _at_render(filter_)
        self.globals["namespace"] = _Namespace
        self._templates: dict[str, object] = {}
        self._stamp_value: str | None = None

    def from_string(self, source, globals=None, template_class=None):
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        template = self._templates.get(source)
        if template is None:
            key = (self._stamp(), source)
            code = _code.get(key)
            if code is None:
                code = self._load(source)
                if len(_code) > 64:
                    _code.clear()
                _code[key] = code
            template = self.template_class.from_code(self, code, self.make_globals(None), None)
            if len(self._templates) > 64:
                self._templates.clear()
            self._templates[source] = template
        return template

    def _load(self, source: str) -> CodeType:
        """Compiled code for a template source: from the disk cache, or compiled and cached."""
        return cache.kept(cache.key(self._stamp(), source) + ".code", lambda: self.compile(source), marshal.dumps,
                          marshal.loads)

    def _stamp(self) -> str:
        """What compiled code depends on besides its source: Jinja's release, the operators the
        sandbox intercepts, whether constants are folded, and how each filter and test is called
        (Jinja compiles the context argument into the call). Part of the cache key, so that code
        compiled under other rules — one that let a filter run while compiling — is never loaded."""
        if self._stamp_value is None:
            import jinja2
            kinds = [(kind, name, str(getattr(f, "jinja_pass_arg", ""))) for kind, table in
                     (("filter", self.filters), ("test", self.tests)) for name, f in sorted(table.items())]
            self._stamp_value = repr((jinja2.__version__, sorted(self.intercepted_binops),
                                      sorted(self.intercepted_unops), self.optimized, kinds))
        return self._stamp_value


_env: ReportEnvironment | None = None


def environment() -> ReportEnvironment:
    global _env
    if _env is None:
        _env = ReportEnvironment()
    return _env
