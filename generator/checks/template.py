"""The template an input will be built with: it must suit the contract, render this input without
an error or a blank, and show every field the user filled (see template.py)."""
from __future__ import annotations

from ..model.datafile import display_path
from ..model.facts import AMOUNT_PATHS, COLUMNS
from ..model.findings import Document, Findings
from ..model.schema import dotted_path, filled_paths
from ..template.context import RUBRIC, Builder, Slots
from ..template.contract import facts_kind


def check_template(loaded, derived, mentions: dict, found: Findings) -> None:
    from ..template.analysis import analyse
    from ..template.report_template import TemplateExternal, TemplateProblem, template_parts, trial_render

    path = loaded.template.path
    name = f"{loaded.template.name}（{loaded.template.origin}）" if loaded.template.builtin else display_path(path)
    doc = Document(display_path(path), plain=True)
    try:
        parts = template_parts(path)
    except TemplateExternal as exc:
        _external(exc, doc, found)
        return
    except TemplateProblem as exc:
        found.error("TEMPLATE-INVALID", str(exc), doc)
        return
    issues = analyse(parts)
    for issue in issues:
        where = f"（{issue.part}“{issue.where}”处）" if issue.where else (f"（{issue.part}）" if issue.part else "")
        found.error(issue.code, issue.message + where, doc)
    if issues:      # a trial render would only stop at the first of them
        return
    builder = Builder(loaded, derived)
    context, top = builder.build(), builder.top_sources()
    trial = trial_render(parts, context, top)
    doubled = _doubled(loaded, trial)
    if doubled:         # built again without the typed numbers: the report never says "1.1."
        builder = Builder(loaded, derived, frozenset(path for path, _ in doubled))
        context, top = builder.build(), builder.top_sources()
        trial = trial_render(parts, context, top)
    derived.context = context
    if trial.error is not None:
        i = trial.error
        where = f"（{i.part}“{i.where}”处）" if i.where else f"（{i.part}）"
        found.error(i.code, i.message + where, doc)
        return
    if trial.complete and not trial.blanks:
        derived.rendered = trial.outputs
    _blanks(loaded, trial, name, found)
    _sections(loaded, trial, name, found)
    _numbered(loaded, doubled, name, found)
    if trial.complete:     # what a render cut short did not read says nothing
        _unused(loaded, derived, trial, mentions, _carriers(context, top), name, found)


def _external(exc, doc: Document, found: Findings) -> None:
    """One error per link out of the template (the first few), and how many there are in all."""
    from ..template.report_template import external_message
    for link in exc.links:
        found.error("TEMPLATE-EXTERNAL", external_message(link), doc)
    if exc.total > len(exc.links):
        found.error("TEMPLATE-EXTERNAL", f"模板中还有 {exc.total - len(exc.links)} 处指向文件之外的链接（共 {exc.total} 处），"
                    "都要删去。", doc)


def _doubled(loaded, trial) -> list:
    """The texts printed right after a number of the template's while starting with their own."""
    if trial.error is not None or not trial.complete:
        return []
    from ..template.outline import doubled
    from .text import iter_texts
    return doubled(iter_texts(loaded.report), trial.outputs)


def _numbered(loaded, doubled: list, name: str, found: Findings) -> None:
    """One warning per numbered string (each is rewritten as items), one per list for the items
    that only carry their own number (the same fix for all of them)."""
    from ..template.outline import numbered
    from .text import iter_texts
    texts = dict(iter_texts(loaded.report))
    lists: dict[tuple, list] = {}
    for path, shown in doubled:
        item = f"{dotted_path(path)}（{_field_label(loaded.report, path)}）"
        count = numbered(texts[path])
        if count > 1:
            found.warning("TEMPLATE-NUMBERED", f"{item} 把 {count} 条写成了一段带编号的文字，而模板 {name} 会给每一条"
                          f"自动编号：报告中会是“{shown}”。生成时已按编号分成 {count} 条；请在事实文件中每条写成一项"
                          "（以“- ”开头的一行），不写编号。", loaded.doc, path, 0)
        else:
            lists.setdefault(_shape(path), []).append((path, item, shown))
    for items in lists.values():
        path, item, shown = items[0]
        more = f"等 {len(items)} 条" if len(items) > 1 else ""
        found.warning("TEMPLATE-NUMBERED", f"{item}{more}开头自己写了编号，而模板 {name} 会自动编号：报告中会是"
                      f"“{shown}”。生成时已去掉这些编号；请在事实文件中也删去。", loaded.doc, path, 0)


def _blanks(loaded, trial, name: str, found: Findings) -> None:
    """Each fact the template prints that the facts file does not have: a hole in the report."""
    from ..model.facts import fact_label
    seen = set()
    for part, sources in trial.blanks:
        fact = sources[0] if sources else None
        if fact in seen:
            continue
        seen.add(fact)
        if fact is None or fact[0] == RUBRIC:
            found.error("TEMPLATE-BLANK", f"模板 {name} 在{part}中输出了一个没有值的名字，报告中此处将是空白："
                        "请在模板中用 {% if … %} 把它包起来。", Document(display_path(loaded.template.path), plain=True))
            continue
        dotted = dotted_path(fact)
        label = fact_label(dotted, loaded.report) if all(isinstance(p, str) for p in fact) else dotted
        if facts_kind(dotted) == "object":
            what = "事实文件中没有这一节"
        else:
            what = "事实文件中没有这个值（也无法由其他数推算）"
        found.error("TEMPLATE-BLANK", f"报告中将出现空白：模板 {name} 要写出 {dotted}（{label}），但{what}。"
                    "请填写它，或换用在缺少时省略这一句的模板。", loaded.doc, fact)


def _sections(loaded, trial, name: str, found: Findings) -> None:
    """Each section the template marks as required (`required`) that the facts leave empty: the
    report leaves it out rather than fill it with stock words, and says so here, once a field."""
    seen = set()
    for section, source in trial.sections:
        if source in seen:
            continue
        seen.add(source)
        dotted = dotted_path(source)
        what = f"“{section}”一节" if section else f"写出 {dotted} 的一节"
        found.warning("TEMPLATE-SECTION", f"模板 {name} 有{what}（财政局的模板要求），事实文件没有填写 {dotted}"
                      f"（{_field_label(loaded.report, source)}）：报告中不写这一节，也不代写。请按本部门的实际情况填写；"
                      "确实没有的，写明“无”或说明原因。", loaded.doc, source)


_LAST_YEAR = ("prior", "prior_budget")


def _unused(loaded, derived, trial, mentions: dict, carriers: dict, name: str, found: Findings) -> None:
    """Each field the user filled that the render never read: it would silently not be in the report."""
    view = derived.view
    reached = set(trial.reads)
    prefixes = _prefixes(reached)
    facts = {".".join(s) for s in trial.reads if s and s[0] != RUBRIC and all(isinstance(p, str) for p in s)}
    for text_path, named in mentions.items():     # figures the user's own printed sentences state
        if _covered(text_path, reached, prefixes):
            facts |= named
    for fact in facts:
        for source in view.sources(fact) | {fact}:
            path = tuple(source.split("."))
            reached.add(path)
            for i in range(1, len(path)):       # the date a figure is "as of" goes with the figure
                reached.add(path[:i] + ("as_of",))
    prefixes = _prefixes(reached)
    inputs = _check_inputs(loaded)
    groups: dict[tuple, list[tuple]] = {}
    for path in filled_paths(loaded.report):
        if _covered(path, reached, prefixes):
            continue
        carrier = _carrier(carriers, path)
        if carrier is None and ".".join(p for p in path if isinstance(p, str)) in inputs:
            continue        # no template can print it: it is there for the checks (“三公”经费分项)
        if path[0] == "finance" and path[-1] in _LAST_YEAR:
            continue        # last year's figures (rollover carries them over): what the prose checks measure changes from
        groups.setdefault(_shape(path), []).append(path)
    for shape, paths in groups.items():
        first = paths[0]
        label = _field_label(loaded.report, first)
        more = f"（共 {len(paths)} 处）" if len(paths) > 1 else ""
        carrier = _carrier(carriers, first)
        hint = f"模板可以用 {carrier} 写出它" if carrier else "模板没有可写出它的名字"
        f = found.warning("TEMPLATE-UNUSED", f"{_show_shape(shape)}（{label}）已填写{more}，但模板 {name} "
                          f"没有写出它，也没有哪项检查用到它，报告中不会出现。请换用写出它的模板，或删去这项（{hint}）。",
                          loaded.doc, first)
        f.paths = tuple(paths)      # every field the warning stands for (mkreport new leaves them out)
    rubric = loaded.rubric
    for node in rubric.walk():
        if node.ind.table and (RUBRIC,) + node.path + ("table",) not in reached:
            found.warning("TEMPLATE-UNUSED", f"{node.title} 的 table: {node.ind.table}（随附表格）在模板 {name} 中"
                          f"没有用到：第 {node.level} 级指标之后不会列出这张表。", rubric.doc, node.path + ("table",))


def _carrier(carriers: dict, path: tuple) -> str | None:
    return carriers.get(path) or carriers.get(path[:-1] if isinstance(path[-1], int) else path)


def _check_inputs(loaded) -> set[str]:
    """The facts the checks read by design, as dotted paths without list indexes: every figure the
    prose vocabulary names (each column of a row) and every total and part the table checks add
    up. Derived from the checks' own registries, so a fact added to them is known here."""
    from ..derive.values import SUMS
    out = set(SUMS) | {p for parts in SUMS.values() for p in parts}
    for _, fact in (loaded.vocabulary.facts if loaded.vocabulary is not None else ()):
        out |= {f"{fact}.{c}" for c in COLUMNS} if fact in AMOUNT_PATHS else {fact}
    return out


def _shape(path: tuple) -> tuple:
    """Paths reported together: list items alike, and one column across the rows of a table
    (finance.expenditure.*.prior), so last year's figures give one warning, not ten."""
    shape = tuple("[]" if isinstance(p, int) else p for p in path)
    if len(shape) > 2 and shape[-1] in COLUMNS and ".".join(shape[:-1]) in AMOUNT_PATHS \
            and shape[:-1] != ("finance", "three_public"):
        return shape[:-2] + ("*", shape[-1])
    return shape


def _show_shape(shape: tuple) -> str:
    return dotted_path(tuple(p for p in shape if p != "[]")) if "[]" not in shape else \
        ".".join(p if p != "[]" else "[]" for p in shape).replace(".[]", "[]")


def _prefixes(paths: set) -> set:
    return {p[:i] for p in paths for i in range(1, len(p) + 1)}


def _covered(path: tuple, reached: set, prefixes: set) -> bool:
    """A filled field reaches the report when it, a part of it, or a whole it belongs to was read."""
    return path in prefixes or any(path[:i] in reached for i in range(1, len(path)))


def _field_label(report, path: tuple) -> str:
    from ..model.schema import Model
    obj, label = report, ""
    for part in path:
        if isinstance(obj, Model) and isinstance(part, str) and part in type(obj).fields:
            label = type(obj).fields[part].zh
            obj = getattr(obj, part)
        elif isinstance(obj, (list, dict)):
            try:
                obj = obj[part]
            except (IndexError, KeyError, TypeError):
                break
        else:
            break
    return label


def _carriers(context: dict, top: dict) -> dict:
    """fact path → the template expression that shows it (the first found), for the hint."""
    out: dict = {sources[0]: key for key, sources in top.items() if sources}

    def walk(value, expr: str, depth: int) -> None:
        if depth > 6:
            return
        if isinstance(value, Slots):
            for key, sources in value._sources.items():
                for s in sources[:1]:
                    out.setdefault(s, f"{expr}.{key}")
            for key, v in value._values.items():
                walk(v, f"{expr}.{key}", depth + 1)
        elif isinstance(value, list) and value:
            walk(value[0], f"{expr}[…]", depth + 1)

    for key, value in context.items():
        walk(value, key, 0)
    return out
