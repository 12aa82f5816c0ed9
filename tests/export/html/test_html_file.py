"""The interactive timeline's file (vntimeline._export.html), read without a browser.

What the file holds (one document, nothing fetched, the same bytes for the
same input), how every text is escaped, what data it embeds (lanes, marks,
words in each language) and what its options refuse. What a reader sees and
does is in test_browser.py, in the real browser.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import pytest

import vntimeline
from conftest import RunCli, WriteYaml
from helpers.html import EVIL_QUOTE, EVIL_TITLE, hostile, marks, page_data
from vntimeline._export.chart.style import colours
from vntimeline._export.html import sized_html, to_html, write_html
from vntimeline._locale import LANGUAGES, month_name, status_word
from vntimeline.errors import DateError, OptionError


@pytest.fixture(scope="module")
def bundled() -> vntimeline.ResolvedTimeline:
    return vntimeline.resolve(vntimeline.load_default())


def inline(page: str, tag: str) -> str:
    """The text of the page's one inline ``<tag>`` element without attributes."""
    found = re.findall(rf"<{tag}>(.*?)</{tag}>", page, re.S)
    assert len(found) == 1
    return str(found[0])


class TestOneFile:
    def test_the_same_timeline_gives_the_same_bytes(
        self, bundled: vntimeline.ResolvedTimeline
    ) -> None:
        again = vntimeline.resolve(vntimeline.load_default())
        assert to_html(bundled) == to_html(again)

    def test_no_time_stamp_from_the_clock_or_the_environment(
        self, bundled: vntimeline.ResolvedTimeline, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        before = to_html(bundled)
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        assert to_html(bundled) == before
        assert dt.date.today().isoformat() not in before

    def test_nothing_is_fetched_scripts_and_styles_are_inline(
        self, bundled: vntimeline.ResolvedTimeline
    ) -> None:
        page = to_html(bundled)
        assert not re.search(r"<(script|img|iframe|link)\b[^>]*\bsrc=", page)
        assert "<link" not in page and "@import" not in page and "url(http" not in page
        assert page.count("<script") == 2 and page.count("<style>") == 1

    def test_the_content_security_policy_allows_only_the_inline_script_and_style(
        self, bundled: vntimeline.ResolvedTimeline
    ) -> None:
        page = to_html(bundled)
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
        assert policy is not None
        assert policy.group(1).startswith("default-src &#x27;none&#x27;;")

        def allowed(text: str) -> str:
            digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
            return f"&#x27;sha256-{digest}&#x27;"

        assert f"script-src {allowed(inline(page, 'script'))};" in policy.group(1)
        assert f"style-src {allowed(inline(page, 'style'))};" in policy.group(1)

    def test_write_html_writes_the_page_as_utf8(
        self, bundled: vntimeline.ResolvedTimeline, tmp_path: Path
    ) -> None:
        out = tmp_path / "timeline.html"
        vntimeline.write_html(bundled, out, lang="vi")
        assert out.read_bytes() == to_html(bundled, lang="vi").encode("utf-8")

    def test_a_bad_option_leaves_no_file_behind(
        self, bundled: vntimeline.ResolvedTimeline, tmp_path: Path
    ) -> None:
        out = tmp_path / "timeline.html"
        with pytest.raises(OptionError):
            write_html(bundled, out, lang="fr")
        assert list(tmp_path.iterdir()) == []

    def test_the_public_names_are_loaded_lazily(self) -> None:
        assert vntimeline.to_html is to_html
        assert "to_html" in dir(vntimeline) and "write_html" in dir(vntimeline)


class TestEscaping:
    def test_a_script_end_tag_in_any_text_cannot_end_the_data(self) -> None:
        page = to_html(hostile())
        # The data script and the program: the only two places "</script" may appear.
        assert page.count("</script") == 2
        assert "<!--" not in page.split('id="vt-data">', 1)[1]

    def test_the_data_reads_back_exactly_as_written(self) -> None:
        data = page_data(to_html(hostile()))
        evil = next(e for e in data["events"] if e["i"] == "evil")
        assert evil["t"] == EVIL_TITLE
        assert evil["cl"][0][2] == EVIL_QUOTE

    def test_line_and_paragraph_separators_are_escaped_in_the_data(self) -> None:
        page = to_html(hostile())
        assert "\u2028" not in page and "\u2029" not in page
        assert "\\u2028" in page and "\\u2029" in page

    def test_titles_are_escaped_in_text_and_attributes(self) -> None:
        page = to_html(hostile())
        head = page.split('<script type="application/json"', 1)[0]
        assert "<script>window" not in head and "<img" not in head
        assert "&lt;/script&gt;&lt;script&gt;window.__pwned = 1" in head
        assert "&quot;qq&quot;" in head and "&#x27;q&#x27;" in head

    def test_a_javascript_address_is_never_in_the_page(self) -> None:
        page = to_html(hostile())
        assert "javascript:" not in page
        data = page_data(page)
        bad = next(s for s in data["sources"] if s["t"].startswith("<b>Bad"))
        assert "u" not in bad

    def test_emoji_and_right_to_left_text_are_kept_as_they_are(self) -> None:
        data = page_data(to_html(hostile()))
        assert "עברית مرحبا 😀" in data["title"]


class TestData:
    def test_every_event_of_the_bundled_data_is_in_the_page(
        self, bundled: vntimeline.ResolvedTimeline
    ) -> None:
        data = page_data(to_html(bundled))
        assert sorted(e["i"] for e in data["events"]) == sorted(r.id for r in bundled)

    def test_lanes_take_declared_colours_and_the_charts_palette_for_the_rest(self) -> None:
        resolved = marks()
        lanes = {lane["id"]: lane for lane in page_data(to_html(resolved))["lanes"]}
        assert lanes["policy"]["label"] == "Policy and law"
        assert lanes["policy"]["color"] == "#d62728"  # tab:red, as a browser knows it
        assert lanes["industry"]["color"] == "teal"
        assert lanes["research"]["color"] == colours(resolved.timeline.categories)["research"]

    def test_each_kind_of_mark_is_described_as_the_chart_draws_it(self) -> None:
        events = {e["i"]: e for e in page_data(to_html(marks()))["events"]}
        assert events["day"]["k"] == "m" and "bd" not in events["day"]
        assert events["month"]["h"] == 1 and len(events["month"]["bd"]) == 1
        assert events["span"]["k"] == "s" and events["span"]["a"] < events["span"]["b"]
        assert events["tie"]["c"] == 1 and events["tie"]["bs"] == "c"
        assert events["between"]["bs"] == "b"
        assert events["by"]["bd"][0][0] is None  # open towards the past
        assert events["going"]["b"] is None  # still going on
        assert "a" not in events["nothing"]

    def test_events_go_lane_by_lane_in_time_order(self) -> None:
        events = page_data(to_html(marks()))["events"]
        lanes = [e["n"] for e in events]
        assert lanes == sorted(lanes)
        policy = [e["i"] for e in events if e["n"] == 1]
        assert policy == ["going", "month", "day", "nothing"]

    def test_a_claim_carries_its_source_date_quote_and_whether_it_was_followed(self) -> None:
        data = page_data(to_html(marks()))
        day = next(e for e in data["events"] if e["i"] == "day")
        source, date, quote, _note, followed = day["cl"][0]
        assert data["sources"][source]["u"] == "https://a.example/1"
        assert (date, quote, followed) == (
            "18 September 2025",
            "held on September 18 in Nanning",
            1,
        )

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_dates_months_and_statuses_are_in_the_pages_language(self, lang: str) -> None:
        page = to_html(marks(), lang=lang)
        data = page_data(page)
        assert f'<html lang="{lang}">' in page
        assert data["months"][8] == month_name(9, lang)
        day = next(e for e in data["events"] if e["i"] == "day")
        assert month_name(9, lang) in day["d"]
        assert data["statuses"]["conflict"] == status_word("conflict", lang)

    def test_since_and_until_set_the_window_and_leave_out_events_outside_it(self) -> None:
        data = page_data(to_html(marks(), since="2025", until="2025"))
        shown = {e["i"] for e in data["events"]}
        assert {"day", "span", "going", "nothing"} <= shown
        assert "month" not in shown and "tie" not in shown
        low, high = data["window"]
        assert dt.date(1970, 1, 1) + dt.timedelta(days=low) == dt.date(2024, 12, 31)
        assert high - low == pytest.approx(365, abs=1)

    def test_categories_choose_the_lanes_and_their_order(self) -> None:
        data = page_data(to_html(marks(), categories=["research", "policy"]))
        assert [lane["id"] for lane in data["lanes"]] == ["research", "policy"]
        assert {e["n"] for e in data["events"]} == {0, 1}

    def test_the_frame_height_grows_with_the_rows(self) -> None:
        small = sized_html(marks(), categories=["research"])[1]
        large = sized_html(marks())[1]
        assert 200 < small < large

    def test_the_title_defaults_to_the_timelines_name(self) -> None:
        resolved = marks()
        assert page_data(to_html(resolved))["title"] == resolved.timeline.display_name
        assert page_data(to_html(resolved, title="Mine"))["title"] == "Mine"


class TestOptions:
    def test_an_unknown_language_names_the_supported_ones(self) -> None:
        with pytest.raises(OptionError, match="en, vi, nl"):
            to_html(marks(), lang="fr")

    def test_an_unknown_category_is_refused_with_a_suggestion(self) -> None:
        with pytest.raises(OptionError, match=r"'polcy' .*did you mean 'policy'"):
            to_html(marks(), categories=["polcy"])

    def test_since_must_come_before_until(self) -> None:
        with pytest.raises(DateError, match="must come before"):
            to_html(marks(), since="2026", until="2025")

    def test_a_range_is_not_a_window_edge(self) -> None:
        with pytest.raises(DateError, match="one date"):
            to_html(marks(), since="[..2025]")


class TestCommandLine:
    def test_html_writes_the_page(
        self, run_cli: RunCli, example_file: Path, tmp_path: Path
    ) -> None:
        out = tmp_path / "t.html"
        result = run_cli("html", example_file, "-o", out, "--lang", "nl", "--category", "policy")
        assert result.returncode == 0, result.stderr
        data = page_data(out.read_text(encoding="utf-8"))
        assert data["lang"] == "nl" and [lane["id"] for lane in data["lanes"]] == ["policy"]

    def test_html_to_standard_output(self, run_cli: RunCli, example_file: Path) -> None:
        result = run_cli("html", example_file, "-o", "-", "--title", "Mijn tijdlijn")
        assert result.returncode == 0, result.stderr
        assert page_data(result.stdout)["title"] == "Mijn tijdlijn"

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (("--lang", "fr"), "invalid choice: 'fr' (choose from 'en', 'vi', 'nl')"),
            (("--category", "polcy"), "did you mean 'policy'"),
            (("--since", "2024-13"), "not a valid date"),
        ],
    )
    def test_bad_usage_exits_2_with_one_line_and_no_file(
        self,
        run_cli: RunCli,
        example_file: Path,
        tmp_path: Path,
        args: tuple[str, ...],
        message: str,
    ) -> None:
        out = tmp_path / "t.html"
        result = run_cli("html", example_file, "-o", out, *args)
        assert result.returncode == 2
        assert message in result.stderr and "Traceback" not in result.stderr
        assert not out.exists()

    def test_bad_data_exits_1_naming_file_line_and_column_and_writes_nothing(
        self, run_cli: RunCli, write_yaml: WriteYaml, tmp_path: Path
    ) -> None:
        path = write_yaml("events:\n  - id: a\n    title: [not, text]\n")
        result = run_cli("html", path, "-o", tmp_path / "t.html")
        assert result.returncode == 1
        assert re.search(r"events\.yaml:\d+:\d+: ", result.stderr)
        assert not (tmp_path / "t.html").exists()


def test_the_embedded_json_is_compact_and_parses_with_the_standard_library() -> None:
    page = to_html(marks())
    raw = re.search(r'id="vt-data">(.*?)</script>', page, re.S)
    assert raw is not None and "\n" not in raw.group(1)
    assert json.loads(raw.group(1))["lang"] == "en"
