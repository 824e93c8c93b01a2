"""Completion: what may be written where the cursor is, from what the check loaded.

    under `scores:`     the rubric's indicator ids (those not yet written first), with name and points
    inside `{{ … }}`    the fact paths that have a value in this file, as `check` accepts them (REF)
    in a text           the labels the claim reader knows (the built-in vocabulary and the county's),
                        each with the fact it names
"""
from __future__ import annotations

import re
from decimal import Decimal

from lsprotocol import types

from ..core.numbers import fmt

_OPEN_REF = re.compile(r"\{\{\s*([A-Za-z_][\w.]*)?$")
_KEY_SO_FAR = re.compile(r"^(\s+)([A-Za-z0-9_\-]*)$")
_PARENT = re.compile(r"^(\s*)([A-Za-z_][\w-]*)\s*:\s*(#.*)?$")


def complete(result, line_text: str, lines: list[str], row: int, char: int) -> list[types.CompletionItem]:
    """Items for the cursor at `char` (characters) of line `row` (0-based) of a facts file, from
    the last check of it that got as far as its rubric (a half-typed line is seldom valid YAML)."""
    before = line_text[:char]
    ref = _OPEN_REF.search(before)
    if ref:
        return fact_paths(result, len(ref.group(1) or ""), row, char)
    key = _KEY_SO_FAR.match(before)
    if key and _parent_key(lines, row, len(key.group(1))) == "scores":
        return indicator_ids(result, len(key.group(2)), row, char)
    if _in_text(before):
        return labels(result)
    return []


def _parent_key(lines: list[str], row: int, indent: int) -> str | None:
    """The key of the mapping a line indented by `indent` belongs to (the nearest line above that is
    less indented)."""
    for i in range(row - 1, -1, -1):
        text = lines[i].rstrip("\r\n")
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        lead = len(text) - len(text.lstrip(" "))
        if lead < indent:
            m = _PARENT.match(text)
            return m.group(2) if m else None
    return None


def _in_text(before: str) -> bool:
    """After `key: ` or `- ` on the line, or inside a text of several lines: where prose is written."""
    stripped = before.strip()
    return bool(stripped) and (": " in before or stripped.startswith("- ") or not re.match(r"^[\w\-]+$", stripped))


def _replacing(row: int, char: int, typed: int, text: str) -> types.TextEdit:
    return types.TextEdit(types.Range(types.Position(row, char - typed), types.Position(row, char)), text)


def indicator_ids(result, typed: int, row: int, char: int) -> list[types.CompletionItem]:
    rubric = result.loaded.rubric if result is not None else None
    if rubric is None:
        return []
    written = set(result.loaded.report.scores) if result.loaded.report is not None else set()
    items = []
    for i, node in enumerate(n for n in rubric.walk() if n.is_leaf):
        items.append(types.CompletionItem(
            label=node.id, kind=types.CompletionItemKind.EnumMember,
            detail=f"{node.name}（{fmt(node.points)} 分）" + ("，已填写" if node.id in written else ""),
            documentation=node.ind.criteria or None,
            sort_text=f"{1 if node.id in written else 0}{i:04d}",
            text_edit=_replacing(row, char, typed, node.id)))
    return items


def fact_paths(result, typed: int, row: int, char: int) -> list[types.CompletionItem]:
    if result is None or result.derived is None:
        return []
    from ..template.contract import facts_kind
    from ..template.references import lookup

    report, view = result.loaded.report, result.derived.view
    items = []
    for path in _candidate_paths(report):
        kind = facts_kind(path)
        if kind in (None, "object", "list"):
            continue
        value = lookup(path, report, view)
        if value is None or isinstance(value, (list, dict)):
            continue
        shown = fmt(value) if isinstance(value, Decimal) else str(value)
        items.append(types.CompletionItem(
            label=path, kind=types.CompletionItemKind.Field, detail=shown[:60],
            text_edit=_replacing(row, char, typed, path)))
    return items


def _candidate_paths(report) -> list[str]:
    """Every path of a scalar written in (or derived for) this file: the model's fields walked
    through the sections and the keyed entries (scores.B24.score), then the derived amounts."""
    from ..derive.values import SUMS
    from ..model.facts import AMOUNT_PATHS, COLUMNS
    from ..model.schema import MapOf, Model, ModelKind

    out: list[str] = []

    def walk(obj, prefix: str) -> None:
        for name, f in type(obj).fields.items():
            value = getattr(obj, name)
            dotted = f"{prefix}{name}"
            if isinstance(value, Model):
                walk(value, dotted + ".")
            elif isinstance(f.kind, MapOf) and isinstance(value, dict):
                for key, item in value.items():
                    if isinstance(item, Model) and isinstance(f.kind.item, ModelKind):
                        walk(item, f"{dotted}.{key}.")
            elif value is not None and not isinstance(value, (list, dict)):
                out.append(dotted)

    walk(report, "")
    derived = [f"{p}.{c}" for p in sorted(AMOUNT_PATHS) for c in COLUMNS] + list(SUMS)
    return list(dict.fromkeys(out + derived))


def labels(result) -> list[types.CompletionItem]:
    """The spellings of each label the claim reader knows, the county's first (as it reads them)."""
    vocabulary = result.loaded.vocabulary if result is not None else None
    if vocabulary is None:
        return []
    from ..derive.claims.lexicon import NotFinite, spellings

    items: list = []
    seen: set = set()
    for group, entries in (("事实", vocabulary.facts), ("占比的分母", vocabulary.shares)):
        for pattern, fact in entries:
            try:
                words = sorted(spellings(pattern), key=lambda s: (len(s), s))
            except NotFinite:
                continue
            for word in words:
                if word in seen:
                    continue
                seen.add(word)
                items.append(types.CompletionItem(
                    label=word, kind=types.CompletionItemKind.Text, detail=f"{group}：{fact}",
                    sort_text=f"{len(items):05d}"))
    return items
