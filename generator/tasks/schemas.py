"""The references generated from the code — the facts file's and the rubric's JSON Schemas (for
editors), and the names a template may use (for template authors) — and where a file written by
mkreport (new, rollover, init) finds its schema."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from .said import Listener, Said

SCHEMA_ID = "https://mkreport.invalid/schema/{}"
# what `mkreport schema` can print, and the committed file each one is kept in (schema/)
FILES = {"facts": "facts.schema.json", "rubric": "rubric.schema.json", "template": "template.md"}


def schema_text(kind: str = "facts") -> str:
    if kind == "template":
        from ..template.contract import reference
        return reference()
    from ..model.schema import Model, json_schema
    model: type[Model]
    if kind == "rubric":
        from ..model.rubric import RubricModel
        from ..model.rules import publish_all
        publish_all()         # rule kinds of installed packages too (one that cannot load is left out)
        model = RubricModel
    else:
        from ..model.facts import Report
        model = Report
    # a facts file may hold 待填写 where `new` or `rollover` left a value to write: accepted, not
    # one editor error per blank (check lists them: UNFILLED)
    schema = json_schema(model, SCHEMA_ID.format(FILES[kind]), placeholders=kind == "facts")
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


LINE = "# yaml-language-server: $schema="


def schema_beside(target: Path, kind: str) -> tuple[str, Path | None]:
    """Where the editor finds the schema for a file about to be written at `target`, as a path
    relative to the file's folder — never an absolute path into the installed package, which
    breaks when the folder is copied to another machine and names a place nobody edits.

    The county repository's schema/ above the file (made by `mkreport init`) when there is one;
    otherwise a schema/ folder beside the file, the same layout, so the next file written there
    finds it too. Returns the reference and the schema file written now (None if it was there)."""
    from ..model.lookup import nearest_file

    name = FILES[kind]
    here = Path(os.path.abspath(target.parent))
    found = nearest_file(here, f"schema/{name}")
    written = None
    if found is None:
        from ..core.output import write_atomic
        found = here / "schema" / name
        found.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(found, schema_text(kind).encode("utf-8"))
        written = found
    return os.path.relpath(found, here).replace(os.sep, "/"), written


def with_schema_line(text: str, ref: str) -> str:
    """`text` whose first line tells yaml-language-server (VS Code's YAML extension and other
    editors) which schema to use: an existing line of that kind is replaced, else one is added."""
    line = LINE + ref
    text = text.lstrip("\ufeff")           # the caller's encoding puts a byte-order mark back where there was one
    first, nl, rest = text.partition("\n")
    if first.startswith("# yaml-language-server:"):
        return line + ("\r" if first.endswith("\r") else "") + nl + rest
    ending = "\r\n" if "\r\n" in text[:4096] else "\n"
    return line + ending + text


# ---- the command's work: make one reference, write it or say it -------------------------------

@dataclass
class SchemaResult:
    """What `schema` came to: which reference (facts, rubric or template), its text, the file
    written (None when the text was said on out), and the lines said."""

    said: Said
    kind: str
    text: str
    written: Path | None = None
    code: int = 0


def schema(kind: str = "facts", output: str | None = None, listener: Listener | None = None) -> SchemaResult:
    said = Said(listener)
    said.step({"facts": "由事实文件的模型生成 JSON Schema。", "rubric": "由评分体系的模型和计分规则生成 JSON Schema。",
               "template": "列出模板中可用的名字和过滤器。"}[kind])
    result = SchemaResult(said, kind, schema_text(kind))
    if output:
        from ..core.output import write_atomic
        write_atomic(output, result.text.encode("utf-8"))
        result.written = Path(output)
        said.info(f"已生成 {output}")
    else:
        said.out(result.text.rstrip("\n"))
    return result
