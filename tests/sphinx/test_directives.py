"""The Sphinx extension, built with Sphinx's own test fixtures on tests/sphinx/root.

Each test copies the small project in ``tests/sphinx/root`` (a conf.py, a
six-event data file and three pages) into its own folder, builds it with
``make_app``, and looks at the doctrees and the HTML. The data file is the
source of truth for what the tables must show, so the expected rows are
compared with :func:`vntimeline.resolve` on the same file.
"""

from __future__ import annotations

import doctest
import importlib.util
import os
import re
import shutil
import time
from collections.abc import Callable, Iterator
from io import StringIO
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

import vntimeline
from vntimeline._model.dates import PartialDate
from vntimeline._model.events import Source
from vntimeline._model.resolved import ResolvedDate
from vntimeline.sphinx.text import describe_date, source_label

pytest_plugins = ("sphinx.testing.fixtures",)

HERE = Path(__file__).parent
ROOT = HERE / "root"
DOCS = HERE.parents[1] / "docs"

Build = Callable[..., SphinxTestApp]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the test project."""
    source = tmp_path / "project"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns("_build"))
    return source


@pytest.fixture
def build(make_app: Callable[..., SphinxTestApp], project: Path) -> Build:
    """Build the project as HTML; return the app.

    Keyword arguments go to SphinxTestApp; ``read`` collects the pages read.
    """

    def run(*, read: list[str] | None = None, **kwargs: Any) -> SphinxTestApp:
        app = make_app("html", srcdir=project, **kwargs)
        if read is not None:  # record the names of the pages Sphinx reads
            app.connect("env-before-read-docs", lambda _app, _env, names: read.extend(names))
        app.build()
        return app

    return run


#: Pages added to the shared build: filters, a selection without disputes, and
#: one page of mistakes, each reported on its own line.
EXTRA_PAGES = {
    "filters": (
        ".. vntimeline-events::\n   :status: conflict, bounded\n   :sort: file\n\n"
        ".. vntimeline-events::\n   :events: expo law-passed\n"
    ),
    "calm": ".. vntimeline-conflicts::\n   :categories: policy\n",
    "mistakes": (
        ".. vntimeline-chart::\n   :categories: diplomcy\n\n"
        ".. vntimeline-chart::\n   :since: 2024-13\n\n"
        ".. vntimeline-events::\n   :events: summti\n\n"
        ".. vntimeline-conflicts::\n   :status: agreed\n\n"
        "See :vntimeline-webcal:`polcy`.\n"
    ),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SphinxTestApp]:
    """The test project and EXTRA_PAGES, built once for the tests that only look."""
    source = tmp_path_factory.mktemp("shared") / "project"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns("_build"))
    for name, text in EXTRA_PAGES.items():
        add_page(source, name, text)
    app = SphinxTestApp("html", srcdir=source, status=StringIO(), warning=StringIO())
    app.build()
    yield app
    app.cleanup()


def resolved_test_data(project: Path) -> vntimeline.ResolvedTimeline:
    return vntimeline.resolve(vntimeline.load(project / "events.yaml"))


def tables(app: SphinxTestApp, docname: str, cls: str) -> list[nodes.table]:
    doctree = app.env.get_doctree(docname)
    return [t for t in doctree.findall(nodes.table) if cls in t["classes"]]


def rows(table: nodes.table) -> list[list[str]]:
    """The body rows of *table*, each as the text of its cells."""
    body = next(iter(table.findall(nodes.tbody)))
    return [
        [entry.astext() for entry in row.findall(nodes.entry)] for row in body.findall(nodes.row)
    ]


def add_page(project: Path, name: str, text: str) -> None:
    """Add a page to the project (listed in no toctree, so marked orphan)."""
    (project / f"{name}.rst").write_text(f":orphan:\n\n{text}", encoding="utf-8")


def touch_later(path: Path) -> None:
    """Give *path* a modification time clearly after any build that already ran."""
    later = time.time() + 5
    os.utime(path, (later, later))


def warnings_of(app: SphinxTestApp) -> str:
    return app.warning.getvalue()


def warning_lines(app: SphinxTestApp, page: str) -> list[str]:
    """The warnings and errors reported for *page* (``index``, ``sub/nested``...)."""
    return [line for line in warnings_of(app).splitlines() if f"{page}.rst:" in line]


class TestChartDirective:
    def test_the_chart_is_drawn_into_the_html_output(self, built: SphinxTestApp) -> None:
        html = (built.outdir / "index.html").read_text(encoding="utf-8")
        found = re.search(r'<img alt="The test chart" class="vntimeline-chart" src="([^"]+)"', html)
        assert found is not None
        chart = built.outdir / found.group(1)
        assert chart.suffix == ".svg"
        assert b"<svg" in chart.read_bytes()[:2000]

    def test_pages_used_as_intended_build_without_a_warning(self, built: SphinxTestApp) -> None:
        for page in ("index", "other", "sub/nested", "filters", "calm"):
            assert warning_lines(built, page) == []

    def test_an_svg_chart_has_a_png_fallback_for_builders_without_svg(
        self, built: SphinxTestApp
    ) -> None:
        image = next(built.env.get_doctree("index").findall(nodes.image))
        assert set(image["candidates"]) == {"image/svg+xml", "image/png"}
        png = built.srcdir / image["candidates"]["image/png"]
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    def test_the_png_format_gives_only_a_png(self, built: SphinxTestApp) -> None:
        html = (built.outdir / "sub" / "nested.html").read_text(encoding="utf-8")
        found = re.search(r'<img alt="[^"]*" class="vntimeline-chart" src="\.\./([^"]+)"', html)
        assert found is not None
        assert found.group(1).endswith(".png")
        assert (built.outdir / found.group(1)).read_bytes()[:4] == b"\x89PNG"
        assert 'style="width: 50%;"' in html

    def test_caption_and_name_make_a_referable_figure(self, built: SphinxTestApp) -> None:
        figure = next(built.env.get_doctree("index").findall(nodes.figure))
        assert figure["ids"] == ["test-chart"]
        caption = figure.next_node(nodes.caption)
        assert caption is not None
        assert caption.astext() == "Every event of the test data."

    def test_without_alt_text_one_is_made_from_the_data(self, built: SphinxTestApp) -> None:
        image = next(built.env.get_doctree("sub/nested").findall(nodes.image))
        assert image["alt"] == "Timeline chart of 3 events in 1 category (policy), 2024"

    def test_an_unknown_category_is_an_error_naming_the_known_ones(
        self, built: SphinxTestApp
    ) -> None:
        assert re.search(
            r"mistakes\.rst:3: ERROR: vntimeline-chart: unknown category 'diplomcy' "
            r"\(did you mean 'diplomacy'\?\); the data has: policy, diplomacy",
            warnings_of(built),
        )

    def test_an_impossible_date_option_is_an_error(self, built: SphinxTestApp) -> None:
        assert re.search(
            r"mistakes\.rst:6: ERROR: vntimeline-chart: '2024-13' is not a valid date",
            warnings_of(built),
        )

    def test_a_broken_data_file_is_reported_with_its_line_and_column(
        self, build: Build, project: Path
    ) -> None:
        data = project / "events.yaml"
        data.write_text(
            data.read_text(encoding="utf-8").replace("2024-05-08", "2024-05-32"),
            encoding="utf-8",
        )
        app = build()
        assert re.search(
            r"index\.rst:4: ERROR: vntimeline-chart: the data file .*events\.yaml has problems:\n"
            r".*events\.yaml:\d+:\d+: .*'2024-05-32' is not a valid date",
            warnings_of(app),
        )


class TestEventsDirective:
    def test_the_rows_show_every_event_oldest_first(self, built: SphinxTestApp) -> None:
        table = tables(built, "index", "vntimeline-events")[0]
        assert [row[:3] for row in rows(table)] == [
            ["9 January 2024", "agreed", "Test law passed"],
            ["9 January \N{EN DASH} 2 March 2024", "bounded", "Follow-up decree"],
            ["20 February 2024", "reconciled", "Test forum"],
            ["1\N{EN DASH}2 March 2024", "conflict", "Test summit"],
            ["6\N{EN DASH}8 May 2024", "single-source", "Test expo"],
            ["not dated", "undated", "Rumoured reform"],
        ]

    def test_the_rows_match_the_resolver_on_the_same_file(self, built: SphinxTestApp) -> None:
        table = tables(built, "index", "vntimeline-events")[0]
        shown = {row[2]: row[1] for row in rows(table)}
        assert shown == {r.title: r.status for r in resolved_test_data(built.srcdir)}

    def test_sources_are_named_and_linked_to_their_urls(self, built: SphinxTestApp) -> None:
        table = tables(built, "index", "vntimeline-events")[0]
        first = next(iter(table.findall(nodes.tbody))).next_node(nodes.row)
        assert first is not None
        assert first.astext().endswith("Test Government, 2024-01-10; Paper A, 2024-03-04")
        links = [ref["refuri"] for ref in first.findall(nodes.reference)]
        assert links == ["https://example.org/decree"]

    def test_the_category_option_keeps_that_category_only(self, built: SphinxTestApp) -> None:
        table = tables(built, "index", "vntimeline-events")[1]
        expected = {r.title for r in resolved_test_data(built.srcdir).in_category("diplomacy")}
        assert {row[2] for row in rows(table)} == expected
        assert table["ids"] == ["diplomacy-table"]

    def test_status_and_event_options_filter_and_file_order_is_kept(
        self, built: SphinxTestApp
    ) -> None:
        by_status, by_id = tables(built, "filters", "vntimeline-events")
        assert [row[2] for row in rows(by_status)] == ["Test summit", "Follow-up decree"]
        assert [row[2] for row in rows(by_id)] == ["Test law passed", "Test expo"]

    def test_an_unknown_event_id_is_an_error(self, built: SphinxTestApp) -> None:
        assert "unknown event 'summti' (did you mean 'summit'?)" in warnings_of(built)

    def test_the_edtf_value_is_given_for_each_date(self, built: SphinxTestApp) -> None:
        html = (built.outdir / "index.html").read_text(encoding="utf-8")
        assert '<abbr title="EDTF 2024-03-01/2024-03-02">1–2 March 2024</abbr>' in html


class TestConflictsDirective:
    def test_the_rows_are_the_disputed_events_with_the_explanations(
        self, built: SphinxTestApp
    ) -> None:
        (table,) = tables(built, "index", "vntimeline-conflicts")
        disputed = resolved_test_data(built.srcdir).disputed()
        shown = rows(table)
        assert [row[0] for row in shown] == [r.title for r in disputed]
        for row, event in zip(shown, disputed, strict=True):
            assert row[2] == event.status
            assert row[3].startswith(event.explanation)

    def test_each_claim_not_followed_is_listed_with_its_reason(self, built: SphinxTestApp) -> None:
        (table,) = tables(built, "index", "vntimeline-conflicts")
        forum = rows(table)[0]
        assert "Paper A, 2024-03-04 said 2024-02-21: outweighed: press 2 vs official 4" in forum[3]

    def test_a_selection_without_disputes_says_so(self, built: SphinxTestApp) -> None:
        doctree = built.env.get_doctree("calm")
        assert not list(doctree.findall(nodes.table))
        assert doctree.astext().startswith("No disputed dates")

    def test_only_dispute_statuses_are_accepted(self, built: SphinxTestApp) -> None:
        assert re.search(
            r"mistakes\.rst:12: ERROR: vntimeline-conflicts: unknown status 'agreed'",
            warnings_of(built),
        )


class TestFeeds:
    def test_the_combined_and_category_feeds_are_in_the_html_output(
        self, built: SphinxTestApp
    ) -> None:
        feeds = sorted(p.name for p in (built.outdir / "feeds").iterdir())
        assert feeds == ["vntimeline-diplomacy.ics", "vntimeline-policy.ics", "vntimeline.ics"]
        feed = (built.outdir / "feeds" / "vntimeline.ics").read_bytes()
        assert feed.startswith(b"BEGIN:VCALENDAR")

    def test_the_change_tracking_state_stays_out_of_the_output(self, built: SphinxTestApp) -> None:
        assert not [p for p in built.outdir.rglob("*.json") if "state" in p.name]
        assert (built.doctreedir / "vntimeline-feed-state.json").is_file()

    def test_links_are_relative_to_each_page_without_a_base_url(self, built: SphinxTestApp) -> None:
        index = (built.outdir / "index.html").read_text(encoding="utf-8")
        nested = (built.outdir / "sub" / "nested.html").read_text(encoding="utf-8")
        assert 'href="feeds/vntimeline-policy.ics"' in index
        assert re.search(r'class="[^"]*vntimeline-webcal[^"]*" href="feeds/vntimeline.ics"', index)
        assert 'href="../feeds/vntimeline.ics"' in nested
        assert "_static/vntimeline.js" in index
        assert (built.outdir / "_static" / "vntimeline.js").is_file()

    def test_an_unknown_category_in_a_role_is_an_error(self, built: SphinxTestApp) -> None:
        assert re.search(
            r"mistakes\.rst:15: ERROR: vntimeline-webcal: unknown category 'polcy' "
            r"\(did you mean 'policy'\?\)",
            warnings_of(built),
        )

    def test_links_are_absolute_https_and_webcal_with_a_base_url(self, build: Build) -> None:
        app = build(confoverrides={"html_baseurl": "https://docs.example.org/tl/"})
        index = (app.outdir / "index.html").read_text(encoding="utf-8")
        assert 'href="webcal://docs.example.org/tl/feeds/vntimeline.ics"' in index
        assert 'href="https://docs.example.org/tl/feeds/vntimeline-policy.ics"' in index
        assert 'href="webcal://docs.example.org/tl/feeds/vntimeline-diplomacy.ics"' in index
        feed = (app.outdir / "feeds" / "vntimeline.ics").read_text(encoding="utf-8")
        unfolded = feed.replace("\r\n ", "")
        assert "https://docs.example.org/tl/feeds/vntimeline.ics" in unfolded

    def test_feeds_can_be_turned_off(self, build: Build) -> None:
        app = build(confoverrides={"vntimeline_feeds": False})
        assert (app.outdir / "index.html").is_file()
        assert not (app.outdir / "feeds").exists()

    def test_a_feed_whose_category_left_the_data_is_removed(self, build: Build) -> None:
        app = build()
        stale = app.outdir / "feeds" / "vntimeline-gone.ics"
        stale.write_text("BEGIN:VCALENDAR\r\n", encoding="utf-8")
        build()
        assert not stale.exists()
        assert (app.outdir / "feeds" / "vntimeline.ics").is_file()


class TestDependencies:
    def test_editing_the_data_file_rebuilds_exactly_the_pages_that_use_it(
        self, build: Build, project: Path
    ) -> None:
        build()
        data = project / "events.yaml"
        data.write_text(
            data.read_text(encoding="utf-8").replace("Test expo", "Renamed expo"),
            encoding="utf-8",
        )
        touch_later(data)
        read: list[str] = []
        app = build(read=read)
        assert sorted(read) == ["index", "sub/nested"]
        assert "Renamed expo" in (app.outdir / "index.html").read_text(encoding="utf-8")

    def test_a_build_with_nothing_changed_reads_no_page(self, build: Build) -> None:
        build()
        read: list[str] = []
        build(read=read)
        assert read == []

    def test_the_bundled_data_is_the_dependency_when_none_is_configured(
        self, build: Build, project: Path
    ) -> None:
        # A table only: drawing the whole bundled timeline is not the point here.
        (project / "index.rst").write_text(
            "Bundled\n=======\n\n.. vntimeline-events::\n", encoding="utf-8"
        )
        shutil.rmtree(project / "sub")
        (project / "other.rst").unlink()
        app = build(confoverrides={"vntimeline_data": ""})
        assert vntimeline.default_data_path().resolve() in {
            Path(p).resolve() for p in app.env.dependencies["index"]
        }
        html = (app.outdir / "index.html").read_text(encoding="utf-8")
        assert "ASEAN–China ministerial roundtable on AI" in html


class TestParallelBuild:
    def test_parallel_readers_drawing_the_same_chart_give_the_serial_result(
        self, build: Build, project: Path
    ) -> None:
        for i in range(4):
            add_page(
                project,
                f"copy{i}",
                ".. vntimeline-chart::\n   :categories: policy\n\n.. vntimeline-events::\n",
            )
        app = build(parallel=2)
        assert warnings_of(app) == ""
        charts = {
            next(app.env.get_doctree(f"copy{i}").findall(nodes.image))["uri"] for i in range(4)
        }
        assert len(charts) == 1
        assert app.extensions["vntimeline.sphinx"].parallel_read_safe
        assert app.extensions["vntimeline.sphinx"].parallel_write_safe


def resolved_date(value: str, zone: str = "Asia/Ho_Chi_Minh") -> ResolvedDate:
    """A ResolvedDate for EDTF *value* (``a/b`` for a range, ``..`` for an open side)."""
    first, _, last = value.partition("/")
    low = None if first == ".." else PartialDate.parse(first)
    high = low if not last else (None if last == ".." else PartialDate.parse(last))
    known = low or high
    assert known is not None
    return ResolvedDate(
        value=value,
        precision=known.precision,
        start=None if low is None else low.bounds(zone)[0],
        end=None if high is None else high.bounds(zone)[1],
        zone=zone,
    )


class TestDateWords:
    @pytest.mark.parametrize(
        ("value", "words"),
        [
            ("2021", "2021"),
            ("2024-04", "April 2024"),
            ("2025-09-18", "18 September 2025"),
            ("2026-03-08/2026-03-09", "8\N{EN DASH}9 March 2026"),
            ("2025-10-27/2025-11-02", "27 October \N{EN DASH} 2 November 2025"),
            ("2021-01-26/2026-03-09", "26 January 2021 \N{EN DASH} 9 March 2026"),
            ("2024-03/2024-06", "March \N{EN DASH} June 2024"),
            ("2020/2021", "2020\N{EN DASH}2021"),
            ("2026-06/..", "on or after June 2026"),
            ("../2026-03-09", "on or before 9 March 2026"),
            ("2025?", "2025 (uncertain)"),
            ("2020~", "about 2020"),
            ("2020%", "about 2020 (uncertain)"),
            ("2026-03-09T03:00+07:00", "9 March 2026, 03:00 UTC+07:00"),
        ],
    )
    def test_a_date_is_written_at_its_precision(self, value: str, words: str) -> None:
        assert describe_date(resolved_date(value)) == words

    def test_no_date_is_not_dated(self) -> None:
        assert describe_date(None) == "not dated"

    def test_a_source_is_its_publisher_without_detail_and_its_date(self) -> None:
        source = Source(
            id="vn",
            title="t",
            publisher="Việt Nam News (Vietnam News Agency, VNA/VNS)",
            published=PartialDate.parse("2025-10-20"),
        )
        assert source_label(source) == "Việt Nam News, 2025-10-20"


def load_script(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestDocs:
    def test_the_tutorial_examples_give_what_the_tutorial_shows(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)
        result = doctest.testfile(
            str(DOCS / "tutorial.rst"),
            module_relative=False,
            optionflags=doctest.ELLIPSIS,
            verbose=False,
        )
        assert result.attempted > 10
        assert result.failed == 0
        assert (tmp_path / "timeline.svg").is_file()

    def test_the_how_to_example_data_file_is_valid(self) -> None:
        timeline = vntimeline.load(DOCS / "howto" / "examples" / "library.yaml")
        statuses = {r.id: r.status for r in vntimeline.resolve(timeline)}
        assert statuses["library-closes"] == "conflict"
        assert statuses["reopening"] == "bounded"

    def test_the_browser_check_says_how_to_install_a_missing_chromium(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        check = load_script(DOCS / "browser_check.py")
        code = check.main([str(tmp_path), "--chromium", str(tmp_path / "no-chromium")])
        assert code == 2
        assert "apt-get install -y chromium" in capsys.readouterr().err

    def test_the_browser_check_asks_for_a_build_first(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        check = load_script(DOCS / "browser_check.py")
        fake = tmp_path / "chromium"
        fake.write_text("#!/bin/sh\n", encoding="utf-8")
        fake.chmod(0o755)
        code = check.main([str(tmp_path), "--chromium", str(fake)])
        assert code == 2
        assert "run 'make docs' first" in capsys.readouterr().err
