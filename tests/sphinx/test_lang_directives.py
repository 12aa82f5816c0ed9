"""The directives in Vietnamese and Dutch: ``:lang:`` and the ``vntimeline_lang`` setting."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

import vntimeline
from conftest import SphinxBuild, add_page, warnings_of
from vntimeline.errors import OptionError
from vntimeline.sphinx.chart import default_alt
from vntimeline.sphinx.data import page_lang
from vntimeline.sphinx.tables import events_table
from vntimeline.sphinx.text import describe_date, describe_event_date


def tables(app: SphinxTestApp, docname: str, cls: str) -> list[nodes.table]:
    doctree = app.env.get_doctree(docname)
    return [t for t in doctree.findall(nodes.table) if cls in t["classes"]]


def texts(table: nodes.table, part: type[nodes.Element]) -> list[list[str]]:
    """The rows of the table's head or body (*part*), each as its cells' texts."""
    section = next(iter(table.findall(part)))
    return [[e.astext() for e in row.findall(nodes.entry)] for row in section.findall(nodes.row)]


class TestLangOption:
    def test_the_events_table_is_vietnamese(self, sphinx_built: SphinxTestApp) -> None:
        (table,) = tables(sphinx_built, "languages", "vntimeline-events")
        assert texts(table, nodes.thead) == [["Ngày", "Trạng thái", "Sự kiện", "Nguồn"]]
        body = texts(table, nodes.tbody)
        assert body[0][:3] == ["9 tháng 1, 2024", "thống nhất", "Test law passed"]
        assert body[-1][:3] == ["chưa có ngày", "chưa có ngày", "Rumoured reform"]

    def test_status_classes_keep_the_status_name(self, sphinx_built: SphinxTestApp) -> None:
        (table,) = tables(sphinx_built, "languages", "vntimeline-events")
        badges = [n for n in table.findall(nodes.inline) if "vntimeline-status" in n["classes"]]
        assert "vntimeline-status-agreed" in badges[0]["classes"]
        assert badges[0].astext() == "thống nhất"

    def test_the_conflicts_table_is_dutch(self, sphinx_built: SphinxTestApp) -> None:
        (table,) = tables(sphinx_built, "languages", "vntimeline-conflicts")
        assert texts(table, nodes.thead) == [["Gebeurtenis", "Besloten", "Status", "Waarom"]]
        decided = {row[0]: row[1:3] for row in texts(table, nodes.tbody)}
        assert decided["Test summit"] == ["1–2 maart 2024", "tegenstrijdig"]
        assert " zei " in table.astext()

    def test_the_chart_has_a_vietnamese_alt_text(self, sphinx_built: SphinxTestApp) -> None:
        doctree = sphinx_built.env.get_doctree("languages")
        (image,) = doctree.findall(nodes.image)
        assert image["alt"].startswith("Biểu đồ dòng thời gian gồm 6 sự kiện thuộc 2 danh mục")
        assert "languages" not in warnings_of(sphinx_built)


class TestLangSetting:
    def test_vntimeline_lang_sets_the_default_and_lang_overrides_it(
        self, sphinx_build: SphinxBuild, sphinx_project: Path
    ) -> None:
        add_page(
            sphinx_project,
            "dutch",
            ".. vntimeline-events::\n\n.. vntimeline-events::\n   :lang: en\n",
        )
        app = sphinx_build(confoverrides={"vntimeline_lang": "nl"})
        first, second = tables(app, "dutch", "vntimeline-events")
        assert texts(first, nodes.thead) == [["Datum", "Status", "Gebeurtenis", "Bronnen"]]
        assert texts(second, nodes.thead) == [["Date", "Status", "Event", "Sources"]]
        assert "unknown language" not in warnings_of(app)

    def test_an_unknown_setting_is_an_error_naming_the_languages(self) -> None:
        env: Any = SimpleNamespace(config=SimpleNamespace(vntimeline_lang="fr"))
        with pytest.raises(OptionError, match="unknown language 'fr'; supported: en, vi, nl"):
            page_lang(env, None)
        assert page_lang(env, "vi") == "vi"


class TestWords:
    def test_dates_in_words_follow_the_language(self) -> None:
        resolved = vntimeline.resolve(vntimeline.load_default())
        roundtable = resolved["nanning-roundtable"]
        assert describe_event_date(roundtable) == "18 September 2025"
        assert describe_event_date(roundtable, "vi") == "18 tháng 9, 2025"
        assert describe_date(None, "nl") == "niet gedateerd"

    def test_an_open_or_doubtful_date_is_said_in_the_language(self) -> None:
        resolved = vntimeline.resolve(vntimeline.load_default())
        doubtful = next(r for r in resolved if r.start is not None and r.start.value.endswith("?"))
        assert describe_date(doubtful.start, "nl").endswith("(onzeker)")
        assert describe_date(doubtful.start, "vi").endswith("(chưa chắc chắn)")

    def test_an_events_table_built_without_sphinx_takes_a_language(self) -> None:
        resolved = vntimeline.resolve(vntimeline.load_default())
        table = events_table(resolved, list(resolved)[:1], lang="nl")
        assert texts(table, nodes.thead) == [["Datum", "Status", "Gebeurtenis", "Bronnen"]]

    def test_the_default_alt_text_counts_in_english_too(self) -> None:
        resolved = vntimeline.resolve(vntimeline.load_default())
        assert default_alt(resolved, ("diplomacy",)).startswith(
            "Timeline chart of 4 events in 1 category (diplomacy)"
        )
