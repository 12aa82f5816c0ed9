"""The ``vntimeline-events`` directive: a table of events with their dates, statuses and sources."""

from __future__ import annotations

from docutils import nodes

from .._model.resolved import ResolvedEvent, ResolvedTimeline
from .table_directive import TableDirective
from .tables import events_table

__all__ = ["EventsDirective"]


class EventsDirective(TableDirective):
    """``.. vntimeline-events::`` a table of events, filterable by category, status and id."""

    def table(
        self, resolved: ResolvedTimeline, events: list[ResolvedEvent], lang: str
    ) -> nodes.table:
        """The events table."""
        return events_table(resolved, events, title=self.options.get("caption"), lang=lang)
