"""Content lines (vntimeline._export.ical.context): written here, as icalendar writes them."""

from __future__ import annotations

import datetime as dt

import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.ical import HANOI, TEXT, P, build, decided, roundtable, unfolded, vevent
from vntimeline._export.ical import to_ical
from vntimeline._export.ical.context import Context, _text
from vntimeline._model.events import Claim, Event


class TestEscaping:
    def test_commas_semicolons_backslashes_and_newlines_are_escaped(self) -> None:
        event = Event(
            id="esc",
            title="A, B; C\\D",
            description="line one\nline two",
            location="Hà Nội; Việt Nam, Asia",
            claims=[Claim(source="agg", start=P("2025-01-01"))],
        )
        data = to_ical(build([(event, {"start": decided("2025-01-01")})]))
        text = unfolded(data)
        assert "\nSUMMARY:A\\, B\\; C\\\\D\r" in text
        assert "\nLOCATION:Hà Nội\\; Việt Nam\\, Asia\r" in text
        assert "DESCRIPTION:line one\\nline two\\n\\n" in text
        parsed = vevent(data, "esc")
        assert str(parsed["SUMMARY"]) == "A, B; C\\D"
        assert str(parsed["DESCRIPTION"]).startswith("line one\nline two\n\n")


class TestFastWriting:
    """The feed writes lines itself where icalendar is slow: the bytes must not change."""

    @settings(max_examples=300, deadline=None)
    @given(text=TEXT)
    def test_text_is_escaped_as_icalendar_escapes_it(self, text: str) -> None:
        from icalendar import Event as VEvent

        event = VEvent()
        event.add("DESCRIPTION", text)

        assert f"DESCRIPTION:{_text(text)}" == event.content_lines()[1]

    def test_one_instant_in_two_zones_is_written_in_each_zone(self) -> None:
        context = Context(build([roundtable()]))
        instant = dt.datetime(2026, 3, 8, 20, tzinfo=dt.UTC)
        hanoi = instant.astimezone(pendulum.timezone(HANOI))
        paris = instant.astimezone(pendulum.timezone("Europe/Paris"))

        assert context.line("DTSTART", hanoi) == "DTSTART;TZID=Asia/Ho_Chi_Minh:20260309T030000"
        assert context.line("DTSTART", paris) == "DTSTART;TZID=Europe/Paris:20260308T210000"

    @settings(max_examples=200, deadline=None)
    @given(day=st.dates(), name=st.sampled_from(["DTSTART", "DTEND"]))
    def test_an_all_day_date_is_written_as_icalendar_writes_it(
        self, day: dt.date, name: str
    ) -> None:
        from icalendar import Event as VEvent

        event = VEvent()
        event.add(name, day)

        assert Context(build([roundtable()])).line(name, day) == event.content_lines()[1]
