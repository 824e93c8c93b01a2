"""`mkreport schema`: the references generated from the code (tasks/schemas.py), printed or written."""
from __future__ import annotations

from ..core import console
from ..tasks.schemas import FILES, LINE, SCHEMA_ID, schema_beside, schema_text, with_schema_line

# kept importable from here, where they were first written
__all__ = ["run_schema", "FILES", "LINE", "SCHEMA_ID", "schema_beside", "schema_text", "with_schema_line"]


def run_schema(kind: str, output: str | None) -> None:
    console.step({"facts": "由事实文件的模型生成 JSON Schema。", "rubric": "由评分体系的模型和计分规则生成 JSON Schema。",
                  "template": "列出模板中可用的名字和过滤器。"}[kind])
    text = schema_text(kind)
    if output:
        from ..core.output import write_atomic
        write_atomic(output, text.encode("utf-8"))
        console.info(f"已生成 {output}")
    else:
        console.out(text.rstrip("\n"))
