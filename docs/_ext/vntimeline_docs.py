"""Helpers for this project's own docs (not part of the vntimeline package).

* ``.. cli-help:: [COMMAND]`` shows ``vntimeline [COMMAND] --help`` as the
  command line prints it, so the reference can never drift from the parser.
* ``.. schema-table:: PART`` renders the keys of one part of the JSON Schema
  (``file``, ``source``, ``event`` or ``claim``) as a table, so the data
  format reference is generated from the same schema editors validate with.
* ``.. date-forms::`` renders a table of EDTF examples (one ``TEXT | meaning``
  per content line) with the first and last day, computed by
  :class:`vntimeline.PartialDate` when the docs are built, so the date syntax
  page cannot claim an interval the code does not read.
* Cross-references to private modules (``vntimeline._model.resolved.ResolvedEvent``,
  as type hints name them) and bare names in docstrings (``DateError``)
  resolve to where they are documented (``vntimeline.ResolvedEvent``,
  ``vntimeline.errors.DateError``).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from importlib import resources
from typing import Any, ClassVar

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from vntimeline.sphinx.tables import table_node


class CliHelp(SphinxDirective):
    """The ``--help`` text of the command line or one of its commands."""

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        from vntimeline._cli import main

        args = [*self.arguments, "--help"]
        out = io.StringIO()
        # argparse wraps to the terminal's width; fix it so the docs do not
        # depend on the machine that builds them.
        saved = os.environ.get("COLUMNS")
        os.environ["COLUMNS"] = "88"
        try:
            with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
                main(args)
        finally:
            if saved is None:
                del os.environ["COLUMNS"]
            else:
                os.environ["COLUMNS"] = saved
        text = out.getvalue().rstrip()
        if not text:
            raise self.error(f"vntimeline {' '.join(args)} printed nothing")
        block = nodes.literal_block(text, text, language="text")
        return [block]


def _schema() -> dict[str, Any]:
    text = resources.files("vntimeline").joinpath("events.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _ref_name(node: dict[str, Any]) -> str | None:
    """The name of a local ``$ref`` (``#/$defs/slug`` -> ``slug``), or None."""
    ref = node.get("$ref")
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None


def _deref(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follow ``$ref`` and skip ``null`` alternatives (an empty value means "left out")."""
    while True:
        name = _ref_name(node)
        if name is not None:
            node = schema["$defs"][name]
            continue
        options = [n for n in node.get("anyOf", ()) if n.get("type") != "null"]
        if len(options) == 1 and "anyOf" in node:
            node = options[0]
            continue
        return node


def _part(schema: dict[str, Any], name: str) -> dict[str, Any]:
    """The object schema of one part of the file: the file itself, a source, event or claim."""
    return schema if name == "file" else _deref(schema, schema["$defs"][name])


def _type_text(schema: dict[str, Any], node: dict[str, Any]) -> str:
    """A short name for what a key holds: a value type's name, a list of them, an enum."""
    name = _ref_name(node)
    if name is not None:
        return name
    if "enum" in node:
        return " | ".join(str(v) for v in node["enum"] if v is not None)
    options = [n for n in node.get("anyOf", ()) if n.get("type") != "null"]
    if options:
        return " or ".join(_type_text(schema, n) for n in options)
    kind = node.get("type", "any")
    if kind == "array" and isinstance(node.get("items"), dict):
        return f"list of {_type_text(schema, node['items'])}"
    if kind == "object" and isinstance(node.get("additionalProperties"), dict):
        return f"mapping of id to {_type_text(schema, node['additionalProperties'])}"
    return " or ".join(kind) if isinstance(kind, list) else str(kind)


def _para(text: str) -> nodes.paragraph:
    return nodes.paragraph(text, text)


class SchemaTable(SphinxDirective):
    """The keys of one part of ``events.schema.json``, or its value types."""

    required_arguments = 1
    parts: ClassVar[tuple[str, ...]] = ("file", "source", "event", "claim", "types")

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        if name not in self.parts:
            raise self.error(f"schema-table: expected one of {', '.join(self.parts)}")
        try:
            schema = _schema()
        except (OSError, ValueError) as exc:
            raise self.error(
                f"schema-table: cannot read vntimeline/events.schema.json: {exc}"
            ) from None
        with contextlib.suppress(TypeError):  # a zipped package has no file to watch
            path = resources.files("vntimeline").joinpath("events.schema.json")
            self.env.note_dependency(os.fspath(path))  # type: ignore[call-overload]
        if name == "types":
            rows: list[list[nodes.Element]] = []
            for key, value in schema["$defs"].items():
                if value.get("type") == "object":
                    continue
                meaning = _para(value.get("description", ""))
                if not value.get("description") and "pattern" in value:
                    meaning = nodes.paragraph("", "Text matching ")
                    meaning += nodes.literal(value["pattern"], value["pattern"])
                    meaning += nodes.Text(".")
                rows.append([nodes.paragraph("", "", nodes.literal(key, key)), meaning])
            return [table_node(("Type", "Meaning"), (16, 84), rows, ["schema-table"], None)]
        part = _part(schema, name)
        required = set(part.get("required", ()))
        rows = []
        for key, prop in part.get("properties", {}).items():
            cell = nodes.paragraph("", "", nodes.literal(key, key))
            if key in required:
                cell += nodes.Text(" (required)")
            default = prop.get("default")
            default_text = "" if default is None else json.dumps(default, ensure_ascii=False)
            rows.append(
                [
                    cell,
                    _para(_type_text(schema, prop)),
                    _para(default_text),
                    _para(prop.get("description", _deref(schema, prop).get("description", ""))),
                ]
            )
        widths = (16, 22, 12, 50)
        return [
            table_node(("Key", "Type", "Default", "Meaning"), widths, rows, ["schema-table"], None)
        ]


class DateForms(SphinxDirective):
    """A table of EDTF examples with the days each covers, computed from the code."""

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {"zone": str}

    def run(self) -> list[nodes.Node]:
        from vntimeline import DateError, PartialDate
        from vntimeline._model.dates import OPEN_END, OPEN_START, local_date

        zone = self.options.get("zone", "Asia/Ho_Chi_Minh")
        rows: list[list[nodes.Element]] = []
        for line in self.content:
            text, _, meaning = (part.strip() for part in line.partition("|"))
            try:
                date = PartialDate.parse(text)
            except DateError as exc:
                raise self.error(f"date-forms: {exc}") from None
            start, end = date.bounds(zone)
            first = "open" if start == OPEN_START else local_date(start, zone).isoformat()
            last = "open" if end == OPEN_END else local_date(end - 1, zone).isoformat()
            rows.append(
                [
                    nodes.paragraph("", "", nodes.literal(text, text)),
                    _para(meaning),
                    _para(first),
                    _para(last),
                    _para(date.precision),
                ]
            )
        header = ("Written", "Means", "First day", "Last day", "Precision")
        return [table_node(header, (20, 40, 14, 14, 12), rows, ["date-forms"], None)]


def _public_alias(app: Sphinx, env: Any, node: Any, contnode: nodes.Element) -> Any:
    """Resolve private or bare names to where they are documented.

    Type hints name ``vntimeline._model.resolved.ResolvedEvent``, and docstrings
    written inside a module say ``DateError``; the docs document them as
    ``vntimeline.ResolvedEvent`` and ``vntimeline.errors.DateError``.
    """
    target = node.get("reftarget", "")
    if node.get("refdomain") != "py" or not (
        target.startswith("vntimeline._") or "." not in target
    ):
        return None
    name = target.rsplit(".", 1)[-1]
    domain = env.get_domain("py")
    for public in (f"vntimeline.{name}", f"vntimeline.errors.{name}"):
        found = domain.resolve_xref(
            env, node["refdoc"], app.builder, node["reftype"], public, node, contnode
        )
        if found is not None:
            return found
    return None


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("cli-help", CliHelp)
    app.add_directive("schema-table", SchemaTable)
    app.add_directive("date-forms", DateForms)
    app.connect("missing-reference", _public_alias)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
