"""The typed model's objects: validators that name the class and field they refuse."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from vntimeline import Claim, DataError, Event, PartialDate, Source
from vntimeline._model.events import AUTHORITY_WEIGHTS, suggest


def date(text: str) -> PartialDate:
    found = PartialDate.parse(text)
    assert isinstance(found, PartialDate)
    return found


def source(id: str = "vir", **kwargs: Any) -> Source:
    return Source(**{"id": id, "title": "T", "publisher": "P", **kwargs})


def event(id: str, *claims: Claim, **kwargs: Any) -> Event:
    return Event(**{"id": id, "title": id.title(), "claims": claims, **kwargs})


def claim(start: str | None = None, end: str | None = None, src: str = "vir") -> Claim:
    return Claim(
        source=src,
        start=None if start is None else date(start),
        end=None if end is None else date(end),
    )


class TestAuthorityWeights:
    def test_official_agency_press_aggregator_weigh_4_3_2_1(self) -> None:
        assert AUTHORITY_WEIGHTS == {"official": 4, "agency": 3, "press": 2, "aggregator": 1}


class TestSuggest:
    def test_a_close_word_is_suggested(self) -> None:
        assert suggest("offical", ["official", "press"]) == " (did you mean 'official'?)"

    def test_nothing_is_suggested_for_a_word_unlike_any_choice(self) -> None:
        assert suggest("zebra", ["official", "press"]) == ""


class TestSource:
    def test_defaults_are_press_english_and_no_weight(self) -> None:
        made = source()

        assert (made.authority, made.language, made.weight, made.url, made.seed) == (
            "press",
            "en",
            None,
            None,
            None,
        )

    def test_a_full_source_keeps_every_value(self) -> None:
        made = source(
            url="https://vir.com.vn/a.html",
            published=date("2025-09-19T10:00+07:00"),
            authority="official",
            language="vi",
            seed="004.txt",
            weight=2.5,
        )

        assert made.published == date("2025-09-19T10:00+07:00")
        assert made.weight == 2.5

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            (
                "id",
                "Bad_Id",
                "expected a lowercase slug such as 'nanning-roundtable', got 'Bad_Id'",
            ),
            ("id", "Bad Id", "expected a lowercase slug"),
            ("id", "a--b", "expected a lowercase slug"),
            ("id", "-a", "expected a lowercase slug"),
            ("title", "   ", "expected non-empty text, got '   '"),
            ("title", None, "expected non-empty text, got None"),
            ("publisher", "", "expected non-empty text, got ''"),
            ("url", "ftp://x.org", r"expected an http\(s\) URL with a host .*, got 'ftp://x.org'"),
            ("url", "https://a b", r"expected an http\(s\) URL"),
            (
                "authority",
                "offical",
                "expected one of official, agency, press, "
                "aggregator; got 'offical' \\(did you mean 'official'\\?\\)",
            ),
            ("language", "english", "expected a BCP 47 tag such as 'en' or 'vi', got 'english'"),
            ("language", "en_US", "expected a BCP 47 tag"),
            ("weight", 0, "expected a positive number, got 0"),
            ("weight", -1.5, "expected a positive number, got -1.5"),
            ("weight", float("inf"), "expected a positive number, got inf"),
            ("weight", float("nan"), "expected a positive number, got nan"),
            ("weight", True, "expected a positive number, got True"),
            ("weight", "2", "expected a positive number, got '2'"),
            ("published", "2025-13-19", r"'2025-13-19' is not a valid date: month 13"),
            ("published", 2025, "expected EDTF text such as '2025-09-18', a datetime"),
            ("published", "[..2025-09-19]", "expected a single date"),
            ("seed", "", "expected non-empty text"),
        ],
    )
    def test_a_bad_value_raises_a_data_error_naming_the_class_and_field(
        self, field: str, value: object, message: str
    ) -> None:
        kwargs: dict[str, Any] = {field: value}

        with pytest.raises(DataError, match=f"^Source\\.{field}: {message}") as info:
            source(**kwargs)

        (problem,) = info.value.problems
        assert (problem.path, problem.line, problem.column) == (f"Source.{field}", 0, 0)

    def test_sources_are_frozen(self) -> None:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            source().title = "Other"  # type: ignore[misc]


class TestClaim:
    def test_a_claim_without_dates_is_undated(self) -> None:
        assert not Claim(source="vir").dated
        assert claim("2021").dated
        assert Claim(source="vir", end=date("2030")).dated

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            (
                {"source": "VIR"},
                "Claim.source: expected a lowercase slug such as 'nanning-roundtable', got 'VIR'",
            ),
            (
                {"source": "vir", "start": "2021-02-30"},
                "Claim.start: '2021-02-30' is not a valid date",
            ),
            ({"source": "vir", "end": 2030}, "Claim.end: expected EDTF text such as '2025-09-18'"),
            ({"source": "vir", "start": ".."}, "Claim.start: cannot be '..'"),
            ({"source": "vir", "quote": " "}, "Claim.quote: expected non-empty text, got ' '"),
            ({"source": "vir", "note": ""}, "Claim.note: expected non-empty text, got ''"),
        ],
    )
    def test_a_bad_value_raises_a_data_error_naming_the_class_and_field(
        self, kwargs: dict[str, Any], message: str
    ) -> None:
        with pytest.raises(DataError) as info:
            Claim(**kwargs)

        assert str(info.value).startswith(message)
        assert isinstance(info.value, ValueError)

    def test_texts_are_normalised_to_nfc_as_the_loader_does(self) -> None:
        made = Claim(source="vir", quote="Vie\u0323\u0302t Nam")  # NFD: e, dot below, circumflex

        assert made.quote == "Việt Nam"
        assert made == Claim(source="vir", quote="Việt Nam")


class TestEvent:
    def test_defaults_are_a_general_milestone_in_the_timelines_zone(self) -> None:
        made = Event(id="a", title="A")

        assert (made.kind, made.category, made.timezone) == ("milestone", "general", "inherit")
        assert (made.claims, made.aliases, made.after, made.before) == ((), (), (), ())

    def test_lists_are_frozen_into_tuples(self) -> None:
        made = Event(id="a", title="A", aliases=["x", "y"], after=["b"], claims=[claim("2021")])

        assert (made.aliases, made.after, made.claims) == (("x", "y"), ("b",), (claim("2021"),))

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            (
                {"id": "A"},
                "Event.id: expected a lowercase slug such as 'nanning-roundtable', got 'A'",
            ),
            ({"title": ""}, "Event.title: expected non-empty text, got ''"),
            (
                {"kind": "spam"},
                "Event.kind: expected one of milestone, span; got 'spam' (did you mean 'span'?)",
            ),
            ({"category": "Policy"}, "Event.category: expected a lowercase slug"),
            ({"timezone": "Asia/Hanoi"}, "Event.timezone: unknown time zone 'Asia/Hanoi'"),
            (
                {"timezone": 7},
                "Event.timezone: expected an IANA time zone name such as 'Asia/Ho_Chi_Minh', got 7",
            ),
            ({"location": " "}, "Event.location: expected non-empty text"),
            (
                {"aliases": "Decision 127"},
                "Event.aliases: expected a list of texts, got the string 'Decision 127'",
            ),
            ({"aliases": ["x", ""]}, "Event.aliases[1]: expected non-empty text, got ''"),
            ({"after": ["Other"]}, "Event.after[0]: expected a lowercase slug"),
            ({"before": "other"}, "Event.before: expected a list of ids, got the string 'other'"),
            ({"before": 7}, "Event.before: expected a list of ids, got 7"),
            ({"claims": ["vir"]}, "Event.claims[0]: expected Claim objects, got 'vir'"),
        ],
    )
    def test_a_bad_value_raises_a_data_error_naming_the_class_and_field(
        self, kwargs: dict[str, Any], message: str
    ) -> None:
        with pytest.raises(DataError) as info:
            Event(**{"id": "a", "title": "A", **kwargs})

        assert str(info.value).startswith(message)

    def test_a_milestone_cannot_have_an_end(self) -> None:
        with pytest.raises(
            ValueError,
            match="event 'a' is a milestone, so its claims cannot "
            "have an end \\(use kind='span'\\)",
        ):
            event("a", claim("2021", "2030"))

    def test_a_span_cannot_end_before_it_starts(self) -> None:
        with pytest.raises(
            DataError,
            match=r"^Event\.claims\[0\]\.end: event 'a': a claim's end 2025-09-17 is before "
            "its start 2025-09-18",
        ):
            event("a", claim("2025-09-18", "2025-09-17"), kind="span")

    def test_a_span_may_end_on_the_day_it_starts_or_within_its_start(self) -> None:
        made = event("a", claim("2025-09-18", "2025-09-18"), claim("2025", "2025-03"), kind="span")

        assert len(made.claims) == 2

    def test_the_end_is_compared_in_the_events_own_zone(self) -> None:
        # 2025-09-18T00:30+08:00 is 23:30 on 17 September in Hanoi, but on the
        # 18th in Shanghai: an end "2025-09-17" is before it only in Shanghai.
        claims = (claim("2025-09-18T00:30+08:00", "2025-09-17"),)

        assert event("a", *claims, kind="span", timezone="Asia/Ho_Chi_Minh")
        with pytest.raises(ValueError, match="is before its start"):
            event("a", *claims, kind="span", timezone="Asia/Shanghai")

    def test_a_date_a_clock_change_skipped_is_refused_in_the_events_own_zone(self) -> None:
        # Samoa skipped 30 December 2011, moving west of the date line.
        skipped = claim("2011-12-30")

        assert event("a", skipped, timezone="Asia/Ho_Chi_Minh")
        with pytest.raises(
            DataError, match=r"^Event\.claims\[0\]\.start: event 'a': 2011-12-30 does not exist"
        ):
            event("a", skipped, timezone="Pacific/Apia")

    def test_without_a_zone_an_end_with_an_offset_waits_for_the_timelines_zone(self) -> None:
        # Before the 18th in Shanghai, not in Hanoi: only the zone can tell.
        made = event("a", claim("2025-09-18T00:30+08:00", "2025-09-17"), kind="span")

        assert made.timezone == "inherit"
