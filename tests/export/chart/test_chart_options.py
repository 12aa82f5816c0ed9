"""The chart's options: what each accepts, and what it refuses and why."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from helpers.chart import (
    d,
    show_fixture,  # noqa: F401 (fixtures)
    text_of,
)
from vntimeline import ResolvedTimeline
from vntimeline._export.chart.figure import plot
from vntimeline.errors import DateError, VntimelineError


class TestOptions:
    @pytest.mark.parametrize(
        ("options", "message"),
        [
            ({"categories": "policy"}, "categories must be a list of names"),
            ({"categories": []}, "categories is empty"),
            ({"categories": ["polcy"]}, r"no category 'polcy'.*did you mean 'policy'"),
            ({"categories": ["policy", "policy"]}, "names a category twice"),
            ({"width": 1}, "width must be a number of inches from 3 to 60"),
            ({"width": True}, "width must be a number"),
            ({"max_rows": 0}, "max_rows must be a whole number of at least 1"),
            ({"max_rows": 2.5}, "max_rows must be a whole number"),
            ({"title": 5}, "title must be text"),
        ],
    )
    def test_bad_options_are_refused_with_a_reason(
        self, show: ResolvedTimeline, options: dict[str, Any], message: str
    ) -> None:
        with pytest.raises(ValueError, match=message) as info:
            plot(show, **options)
        assert isinstance(info.value, VntimelineError)


class TestDates:
    def test_since_and_until_accept_text_partial_dates_and_dates(
        self, show: ResolvedTimeline
    ) -> None:
        a = plot(show, since="2025-09-01", until="2025-11-30").axes[0].get_xlim()
        b = plot(show, since=d("2025-09-01"), until=d("2025-11-30")).axes[0].get_xlim()
        c = plot(show, since=dt.date(2025, 9, 1), until=dt.date(2025, 11, 30)).axes[0].get_xlim()
        assert a == b == c

    def test_until_before_since_is_refused(self, show: ResolvedTimeline) -> None:
        with pytest.raises(DateError, match=r"since .* must come before until"):
            plot(show, since="2026", until="2025")

    def test_a_bad_date_is_refused_naming_the_option(self, show: ResolvedTimeline) -> None:
        with pytest.raises(DateError, match="since: '2025-13' is not a valid date"):
            plot(show, since="2025-13")
        with pytest.raises(DateError, match="until must be an EDTF date"):
            plot(show, until=2025)  # type: ignore[arg-type]

    def test_today_accepts_a_date(self, show: ResolvedTimeline) -> None:
        figure = plot(show, today=dt.date(2025, 11, 23))
        assert text_of(figure, "vnt-today-label") == "Today, 23 Nov 2025"

    def test_a_bad_today_is_refused(self, show: ResolvedTimeline) -> None:
        with pytest.raises(DateError, match="today must be a date such as 2025-11-23"):
            plot(show, today="tomorrow")
