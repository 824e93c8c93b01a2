"""The one Jinja environment: sandboxed, strict about undefined names, with the phrase filters.

A template from another county is trusted no further than a YAML file: it runs in Jinja's
sandbox, cannot reach Python internals, and a misspelt name is an error, never a blank.
"""
from __future__ import annotations

from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .phrases import FILTERS

_env: ImmutableSandboxedEnvironment | None = None


def environment() -> ImmutableSandboxedEnvironment:
    global _env
    if _env is None:
        _env = ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=False,
                                             keep_trailing_newline=False)
        _env.filters.update(FILTERS)
    return _env
