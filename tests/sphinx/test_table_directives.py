"""The table directives (vntimeline.sphinx.events, .conflicts and .tables), on the shared build.

The data file is the source of truth for what the tables must show, so the
expected rows are compared with :func:`vntimeline.resolve` on the same file.
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx.testing.util import SphinxTestApp

import vntimeline
from conftest import warnings_of


def resolved_test_data(project: Path) -> vntimeline.ResolvedTimeline:
    """The resolved data file of the Sphinx project in *project*."""
    return vntimeline.resolve(vntimeline.load(project / "events.yaml"))


def tables(app: SphinxTestApp, docname: str, cls: str) -> list[nodes.table]:
    """The tables of class *cls* in page *docname*."""
    doctree = app.env.get_doctree(docname)
    return [t for t in doctree.findall(nodes.table) if cls in t["classes"]]


def rows(table: nodes.table) -> list[list[str]]:
    """The body rows of *table*, each as the text of its cells."""
    body = next(iter(table.findall(nodes.tbody)))
    return [
        [entry.astext() for entry in row.findall(nodes.entry)] for row in body.findall(nodes.row)
    ]


class TestEventsDirective:
    def test_the_rows_show_every_event_oldest_first(self, sphinx_built: SphinxTestApp) -> None:
        table = tables(sphinx_built, "index", "vntimeline-events")[0]
        assert [row[:3] for row in rows(table)] == [
            ["9 January 2024", "agreed", "Test law passed"],
            ["9 January \N{EN DASH} 2 March 2024", "bounded", "Follow-up decree"],
            ["20 February 2024", "reconciled", "Test forum"],
            ["1\N{EN DASH}2 March 2024", "conflict", "Test summit"],
            ["6\N{EN DASH}8 May 2024", "single-source", "Test expo"],
            ["not dated", "undated", "Rumoured reform"],
        ]

    def test_the_rows_match_the_resolver_on_the_same_file(
        self, sphinx_built: SphinxTestApp
    ) -> None:
        table = tables(sphinx_built, "index", "vntimeline-events")[0]
        shown = {row[2]: row[1] for row in rows(table)}
        assert shown == {r.title: r.status for r in resolved_test_data(sphinx_built.srcdir)}

    def test_sources_are_named_and_linked_to_their_urls(self, sphinx_built: SphinxTestApp) -> None:
        table = tables(sphinx_built, "index", "vntimeline-events")[0]
        first = next(iter(table.findall(nodes.tbody))).next_node(nodes.row)
        assert first is not None
        assert first.astext().endswith("Test Government, 2024-01-10; Paper A, 2024-03-04")
        links = [ref["refuri"] for ref in first.findall(nodes.reference)]
        assert links == ["https://example.org/decree"]

    def test_the_category_option_keeps_that_category_only(
        self, sphinx_built: SphinxTestApp
    ) -> None:
        table = tables(sphinx_built, "index", "vntimeline-events")[1]
        expected = {
            r.title for r in resolved_test_data(sphinx_built.srcdir).in_category("diplomacy")
        }
        assert {row[2] for row in rows(table)} == expected
        assert table["ids"] == ["diplomacy-table"]

    def test_status_and_event_options_filter_and_file_order_is_kept(
        self, sphinx_built: SphinxTestApp
    ) -> None:
        by_status, by_id = tables(sphinx_built, "filters", "vntimeline-events")
        assert [row[2] for row in rows(by_status)] == ["Test summit", "Follow-up decree"]
        assert [row[2] for row in rows(by_id)] == ["Test law passed", "Test expo"]

    def test_an_unknown_event_id_is_an_error(self, sphinx_built: SphinxTestApp) -> None:
        assert "unknown event 'summti' (did you mean 'summit'?)" in warnings_of(sphinx_built)

    def test_the_edtf_value_is_given_for_each_date(self, sphinx_built: SphinxTestApp) -> None:
        html = (sphinx_built.outdir / "index.html").read_text(encoding="utf-8")
        assert '<abbr title="EDTF 2024-03-01/2024-03-02">1–2 March 2024</abbr>' in html


class TestConflictsDirective:
    def test_the_rows_are_the_disputed_events_with_the_explanations(
        self, sphinx_built: SphinxTestApp
    ) -> None:
        (table,) = tables(sphinx_built, "index", "vntimeline-conflicts")
        disputed = resolved_test_data(sphinx_built.srcdir).disputed()
        shown = rows(table)
        assert [row[0] for row in shown] == [r.title for r in disputed]
        for row, event in zip(shown, disputed, strict=True):
            assert row[2] == event.status
            assert row[3].startswith(event.explanation)

    def test_each_claim_not_followed_is_listed_with_its_reason(
        self, sphinx_built: SphinxTestApp
    ) -> None:
        (table,) = tables(sphinx_built, "index", "vntimeline-conflicts")
        forum = rows(table)[0]
        assert "Paper A, 2024-03-04 said 2024-02-21: outweighed: press 2 vs official 4" in forum[3]

    def test_a_selection_without_disputes_says_so(self, sphinx_built: SphinxTestApp) -> None:
        doctree = sphinx_built.env.get_doctree("calm")
        assert not list(doctree.findall(nodes.table))
        assert doctree.astext().startswith("No disputed dates")

    def test_only_dispute_statuses_are_accepted(self, sphinx_built: SphinxTestApp) -> None:
        assert re.search(
            r"mistakes\.rst:12: ERROR: vntimeline-conflicts: unknown status 'agreed'",
            warnings_of(sphinx_built),
        )
