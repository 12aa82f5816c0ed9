"""What the table directives share: the data file, the event filters, and the table or a sentence.

``vntimeline-events`` and ``vntimeline-conflicts`` take the same options: the
data file, the categories, statuses and event ids to show, the sort order,
and the table's caption, classes and name. Each subclass says which table
it builds (:mod:`.tables`) and what it adds below it.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from .._locale import label
from .._model.resolved import STATUSES, ResolvedEvent, ResolvedTimeline
from ..errors import VntimelineError
from .data import check_known, lang_choice, page_lang, parse_list, resolved_timeline
from .tables import sorted_by_date

__all__ = ["TableDirective"]


def _sort(argument: str) -> str:
    """The ``:sort:`` option: ``date`` or ``file``."""
    return str(directives.choice(argument, ("date", "file")))


class TableDirective(SphinxDirective):
    """The base of the table directives: options, event selection, and the table or a sentence."""

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {
        "data": directives.unchanged,
        "categories": directives.unchanged,
        "category": directives.unchanged,
        "status": directives.unchanged,
        "events": directives.unchanged,
        "sort": _sort,
        "caption": directives.unchanged,
        "class": directives.class_option,
        "name": directives.unchanged,
        "lang": lang_choice,
    }
    #: The statuses shown when the ``:status:`` option is not given.
    statuses: ClassVar[tuple[str, ...]] = STATUSES

    def select(self, resolved: ResolvedTimeline) -> list[ResolvedEvent]:
        """The events the options ask for, sorted as asked."""
        categories = parse_list(self.options.get("categories")) + parse_list(
            self.options.get("category")
        )
        check_known("category", categories, resolved.timeline.categories)
        statuses = parse_list(self.options.get("status")) or self.statuses
        check_known("status", statuses, self.statuses)
        ids = parse_list(self.options.get("events"))
        check_known("event", ids, tuple(r.id for r in resolved))
        chosen = [
            r
            for r in resolved
            if (not categories or r.category in categories)
            and r.status in statuses
            and (not ids or r.id in ids)
        ]
        if self.options.get("sort", "date") == "date":
            return sorted_by_date(chosen)
        return chosen

    def run(self) -> list[nodes.Node]:
        """Build the table (or a sentence when no event matches)."""
        try:
            lang = page_lang(self.env, self.options.get("lang"))
            resolved = resolved_timeline(self.env, self.options.get("data"))
            events = self.select(resolved)
        except VntimelineError as exc:
            raise self.error(f"{self.name}: {exc}") from None
        if not events:
            empty = label(self.empty, lang)
            para = nodes.paragraph(
                empty, empty, classes=["vntimeline-empty", *self.options.get("class", [])]
            )
            return [para]
        table = self.table(resolved, events, lang)
        table["classes"] += self.options.get("class", [])
        self.add_name(table)
        return [table, *self.notes(resolved, events, lang)]

    #: The catalog key of the sentence shown when no event matches.
    empty: ClassVar[str] = "docs.no_events"

    def table(
        self, resolved: ResolvedTimeline, events: list[ResolvedEvent], lang: str
    ) -> nodes.table:
        """The table of *events*, in *lang*."""
        raise NotImplementedError

    def notes(
        self, resolved: ResolvedTimeline, events: list[ResolvedEvent], lang: str
    ) -> list[nodes.Node]:
        """Anything shown below the table, in *lang*."""
        return []
