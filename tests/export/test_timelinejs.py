"""TimelineJS3 JSON (vntimeline._export.timelinejs): the fields TimelineJS reads, escaped.

The schema below is what TimelineJS3 reads of a timeline
(https://timeline.knightlab.com/docs/json-format.html and its ``TLDate``):
date parts are digit strings (or numbers), a slide's texts are HTML.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any

import jsonschema
import pytest

import vntimeline
from conftest import RunCli
from helpers.html import EVIL_QUOTE, EVIL_TITLE, hostile, marks
from vntimeline._export.timelinejs import dumps_timelinejs, to_timelinejs
from vntimeline.errors import OptionError

PART = {"anyOf": [{"type": "string", "pattern": r"^-?\d+$"}, {"type": "integer"}]}
DATE = {
    "type": "object",
    "required": ["year"],
    "properties": {
        **{
            key: PART for key in ("year", "month", "day", "hour", "minute", "second", "millisecond")
        },
        "display_date": {"type": "string"},
        "format": {"type": "string"},
    },
    "additionalProperties": False,
}
TEXT = {
    "type": "object",
    "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
    "additionalProperties": False,
}
SLIDE_FIELDS = {
    "start_date": DATE,
    "end_date": DATE,
    "text": TEXT,
    "media": {"type": "object", "required": ["url"]},
    "group": {"type": "string"},
    "display_date": {"type": "string"},
    "background": {"type": "object"},
    "autolink": {"type": "boolean"},
    "unique_id": {"type": "string", "pattern": r"^[A-Za-z0-9_-]+$"},
}
SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["events"],
    "properties": {
        "events": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["start_date"],
                "properties": SLIDE_FIELDS,
                "additionalProperties": False,
            },
        },
        "title": {
            "type": "object",
            "properties": {k: v for k, v in SLIDE_FIELDS.items() if k != "start_date"},
            "additionalProperties": False,
        },
        "eras": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["start_date", "end_date"],
                "properties": {"start_date": DATE, "end_date": DATE, "text": TEXT},
            },
        },
        "scale": {"enum": ["human", "cosmological"]},
    },
    "additionalProperties": False,
}


def slides(resolved: vntimeline.ResolvedTimeline) -> dict[str, dict[str, Any]]:
    return {s["unique_id"]: s for s in to_timelinejs(resolved)["events"]}


class _Text(HTMLParser):
    """The text and the links of an HTML fragment, as a browser would read them."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.links: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "a":
            self.links.append(dict(attrs)["href"] or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def read(fragment: str) -> _Text:
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return parser


class TestSchema:
    def test_the_bundled_timeline_has_only_fields_timelinejs_reads(self) -> None:
        document = to_timelinejs(vntimeline.resolve(vntimeline.load_default()))
        jsonschema.validate(document, SCHEMA)
        assert len(document["events"]) == 27  # 28 events, one undated

    @pytest.mark.parametrize("lang", ["en", "vi", "nl"])
    def test_every_kind_of_date_validates(self, lang: str) -> None:
        jsonschema.validate(to_timelinejs(marks(), lang=lang), SCHEMA)

    def test_the_text_is_json_with_a_newline_at_the_end(self) -> None:
        text = dumps_timelinejs(marks())
        assert text.endswith("}\n")
        assert json.loads(text) == to_timelinejs(marks())


class TestDates:
    def test_a_day_gives_year_month_and_day_and_no_display_date(self) -> None:
        day = slides(marks())["day"]
        assert day["start_date"] == {"year": "2025", "month": "9", "day": "18"}
        assert "display_date" not in day and "end_date" not in day

    def test_a_month_gives_year_and_month_and_says_so_in_words(self) -> None:
        month = slides(marks())["month"]
        assert month["start_date"] == {"year": "2024", "month": "4"}
        assert month["display_date"] == "April 2024"

    def test_a_span_has_an_end_date(self) -> None:
        span = slides(marks())["span"]
        assert span["end_date"] == {"year": "2025", "month": "10", "day": "29"}

    def test_a_conflict_starts_at_its_first_reading_and_shows_the_range(self) -> None:
        tie = slides(marks())["tie"]
        assert tie["start_date"] == {"year": "2018"}
        assert tie["display_date"] == "2018–2019"

    def test_an_open_start_stands_on_its_known_side(self) -> None:
        by = slides(marks())["by"]
        assert by["start_date"] == {"year": "2026", "month": "3", "day": "8"}
        assert by["display_date"] == "on or before 8 March 2026"

    def test_a_span_still_going_on_has_no_end_date(self) -> None:
        going = slides(marks())["going"]
        assert "end_date" not in going
        assert going["display_date"] == "March 2023 – still going on"

    def test_undated_events_are_left_out(self) -> None:
        assert "nothing" not in slides(marks())

    def test_display_dates_are_in_the_language_asked_for(self) -> None:
        month = {s["unique_id"]: s for s in to_timelinejs(marks(), lang="vi")["events"]}["month"]
        assert month["display_date"] == "tháng 4 năm 2024"

    def test_an_unknown_language_is_refused(self) -> None:
        with pytest.raises(OptionError, match="en, vi, nl"):
            to_timelinejs(marks(), lang="fr")


class TestText:
    def test_the_group_is_the_category_label(self) -> None:
        assert slides(marks())["day"]["group"] == "Policy and law"

    def test_sources_are_links_with_the_date_and_the_quote(self) -> None:
        body = read(slides(marks())["day"]["text"]["text"])
        assert body.links == ["https://a.example/1"]
        words = "".join(body.text)
        assert "held on September 18 in Nanning" in words and "18 September 2025" in words

    def test_html_in_titles_quotes_and_labels_is_escaped(self) -> None:
        document = to_timelinejs(hostile())
        evil = next(s for s in document["events"] if s["unique_id"] == "evil")
        headline = read(evil["text"]["headline"])
        assert headline.tags == [] and "".join(headline.text) == EVIL_TITLE
        body = read(evil["text"]["text"])
        assert "script" not in body.tags and "b" not in body.tags
        assert EVIL_QUOTE in "".join(body.text)
        assert read(evil["group"]).tags == []
        assert read(document["title"]["text"]["headline"]).tags == []

    def test_a_javascript_address_is_not_a_link(self) -> None:
        evil = next(s for s in to_timelinejs(hostile())["events"] if s["unique_id"] == "evil")
        body = read(evil["text"]["text"])
        assert body.links == []
        assert "javascript:" not in json.dumps(evil)


class TestCommandLine:
    def test_resolve_format_timelinejs_prints_the_document(self, run_cli: RunCli) -> None:
        result = run_cli("resolve", "--format", "timelinejs", "--lang", "nl")
        assert result.returncode == 0, result.stderr
        document = json.loads(result.stdout)
        jsonschema.validate(document, SCHEMA)
        assert {s["unique_id"] for s in document["events"]} >= {"nanning-roundtable"}
