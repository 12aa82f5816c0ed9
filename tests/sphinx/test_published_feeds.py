"""Feeds in the docs (vntimeline.sphinx.feeds, .links and .subscribe): published and linked."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from conftest import SphinxBuild, warnings_of


class TestFeeds:
    def test_the_combined_and_category_feeds_are_in_the_html_output(
        self, sphinx_built: SphinxTestApp
    ) -> None:
        feeds = sorted(p.name for p in (sphinx_built.outdir / "feeds").iterdir())
        assert feeds == ["vntimeline-diplomacy.ics", "vntimeline-policy.ics", "vntimeline.ics"]
        feed = (sphinx_built.outdir / "feeds" / "vntimeline.ics").read_bytes()
        assert feed.startswith(b"BEGIN:VCALENDAR")

    def test_the_change_tracking_state_stays_out_of_the_output(
        self, sphinx_built: SphinxTestApp
    ) -> None:
        assert not [p for p in sphinx_built.outdir.rglob("*.json") if "state" in p.name]
        assert (sphinx_built.doctreedir / "vntimeline-feed-state.json").is_file()

    def test_links_are_relative_to_each_page_without_a_base_url(
        self, sphinx_built: SphinxTestApp
    ) -> None:
        index = (sphinx_built.outdir / "index.html").read_text(encoding="utf-8")
        nested = (sphinx_built.outdir / "sub" / "nested.html").read_text(encoding="utf-8")
        assert 'href="feeds/vntimeline-policy.ics"' in index
        assert re.search(r'class="[^"]*vntimeline-webcal[^"]*" href="feeds/vntimeline.ics"', index)
        assert 'href="../feeds/vntimeline.ics"' in nested
        assert "_static/vntimeline.js" in index
        assert (sphinx_built.outdir / "_static" / "vntimeline.js").is_file()

    def test_an_unknown_category_in_a_role_is_an_error(self, sphinx_built: SphinxTestApp) -> None:
        assert re.search(
            r"mistakes\.rst:15: ERROR: vntimeline-webcal: unknown category 'polcy' "
            r"\(did you mean 'policy'\?\)",
            warnings_of(sphinx_built),
        )

    def test_links_are_absolute_https_and_webcal_with_a_base_url(
        self, sphinx_build: SphinxBuild
    ) -> None:
        app = sphinx_build(confoverrides={"html_baseurl": "https://docs.example.org/tl/"})
        index = (app.outdir / "index.html").read_text(encoding="utf-8")
        assert 'href="webcal://docs.example.org/tl/feeds/vntimeline.ics"' in index
        assert 'href="https://docs.example.org/tl/feeds/vntimeline-policy.ics"' in index
        assert 'href="webcal://docs.example.org/tl/feeds/vntimeline-diplomacy.ics"' in index
        feed = (app.outdir / "feeds" / "vntimeline.ics").read_text(encoding="utf-8")
        unfolded = feed.replace("\r\n ", "")
        assert "https://docs.example.org/tl/feeds/vntimeline.ics" in unfolded

    def test_feeds_can_be_turned_off(self, sphinx_build: SphinxBuild) -> None:
        app = sphinx_build(confoverrides={"vntimeline_feeds": False})
        assert (app.outdir / "index.html").is_file()
        assert not (app.outdir / "feeds").exists()

    def test_a_feed_whose_category_left_the_data_is_removed(
        self, sphinx_build: SphinxBuild
    ) -> None:
        app = sphinx_build()
        stale = app.outdir / "feeds" / "vntimeline-gone.ics"
        stale.write_text("BEGIN:VCALENDAR\r\n", encoding="utf-8")
        sphinx_build()
        assert not stale.exists()
        assert (app.outdir / "feeds" / "vntimeline.ics").is_file()


class TestFeedHistory:
    def test_a_fresh_checkout_continues_the_data_files_committed_history(
        self, sphinx_build: SphinxBuild, sphinx_project: Path
    ) -> None:
        app = sphinx_build()
        state = app.doctreedir / "vntimeline-feed-state.json"
        document = json.loads(state.read_text(encoding="utf-8"))
        uid = sorted(document["events"])[0]
        # The history the command line keeps beside the data, committed with it.
        document["events"][uid]["sequence"] = 7
        committed = sphinx_project / "events.feed-state.json"
        committed.write_text(json.dumps(document), encoding="utf-8")
        before = committed.read_bytes()
        shutil.rmtree(app.outdir.parent)  # a fresh checkout: no output, no doctrees

        fresh = sphinx_build()
        feed = (fresh.outdir / "feeds" / "vntimeline.ics").read_bytes().decode("utf-8")
        event = next(e for e in feed.split("BEGIN:VEVENT")[1:] if f"UID:{uid}" in e)
        assert "SEQUENCE:7\r\n" in event
        others = [e for e in feed.split("BEGIN:VEVENT")[1:] if f"UID:{uid}" not in e]
        assert others and all("SEQUENCE:0\r\n" in e for e in others)
        assert committed.read_bytes() == before  # read, never written by the docs build
