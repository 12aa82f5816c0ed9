"""The ``vntimeline-conflicts`` directive: the disputed dates and the resolver's explanations."""

from __future__ import annotations

from typing import Final

from docutils import nodes

from .._locale import label
from .._model.resolved import ResolvedEvent, ResolvedTimeline
from .table_directive import TableDirective
from .tables import conflicts_table

__all__ = ["DISPUTED", "ConflictsDirective"]

#: The statuses of an event whose sources disagree (see ``docs/explanation/resolving.rst``).
DISPUTED: Final = ("reconciled", "conflict")


class ConflictsDirective(TableDirective):
    """``.. vntimeline-conflicts::`` the disputed dates, with the resolver's explanations."""

    statuses = DISPUTED
    empty = "docs.no_disputes"

    def table(
        self, resolved: ResolvedTimeline, events: list[ResolvedEvent], lang: str
    ) -> nodes.table:
        """The disputed-dates table."""
        return conflicts_table(resolved, events, title=self.options.get("caption"), lang=lang)

    def notes(
        self, resolved: ResolvedTimeline, events: list[ResolvedEvent], lang: str
    ) -> list[nodes.Node]:
        """The order constraints the data breaks, if any."""
        if not resolved.violations:
            return []
        intro = label("docs.violations", lang)
        items = nodes.bullet_list()
        for violation in resolved.violations:
            items += nodes.list_item("", nodes.paragraph(str(violation), str(violation)))
        return [nodes.paragraph(intro, intro, classes=["vntimeline-violations"]), items]
