"""Open intervals in the resolver: "on or before", "on or after", spans still going on.

DESIGN: an open-ended claim takes part like any other interval; an open side
of the result stays open unless a constraint closes it.
"""

from __future__ import annotations

import json
import random

import hypothesis.strategies as st
import pendulum
from hypothesis import given, settings

from helpers.resolve import SOURCES, claim, event, timeline
from vntimeline import Event, PartialDate, ResolvedTimeline, Source, Timeline, resolve

HANOI = "Asia/Ho_Chi_Minh"

#: Two reports that dated the event by the day they appeared, and an official source.
DAILY = (
    Source(
        id="tuoitre",
        title="Article",
        publisher="Tuổi Trẻ",
        authority="press",
        published="2026-03-08",
    ),
    Source(
        id="vna",
        title="Report",
        publisher="Vietnam News Agency",
        authority="agency",
        published="2026-03-09T10:00+07:00",
    ),
    Source(id="gov", title="Decision", publisher="Government Portal", authority="official"),
    Source(id="late", title="Recap", publisher="VnExpress", authority="press", published="2026-04"),
)


def resolved(*events: Event) -> ResolvedTimeline:
    return resolve(timeline(*events, sources=DAILY))


def edge(text: str, side: int) -> int:
    """The first instant (*side* 0) or the exclusive end (*side* 1) of *text* in Hanoi."""
    return PartialDate.parse(text).bounds(HANOI)[side]


class TestOpenClaims:
    def test_two_reports_of_on_or_before_agree_on_the_earlier_day(self) -> None:
        r = resolved(
            event("e", claim("tuoitre", "[..2026-03-08]"), claim("vna", "[..2026-03-09]"))
        )["e"]

        assert r.status == "agreed"
        assert r.start is not None
        assert (r.start.value, r.start.precision) == ("[..2026-03-08]", "day")
        assert (r.start.start, r.start.end) == (None, edge("2026-03-08", 1))
        assert r.start.to_json() == {
            "value": "[..2026-03-08]",
            "precision": "day",
            "earliest": None,
            "latest": "2026-03-08",
        }
        assert r.sources == ("tuoitre", "vna")
        assert r.dissent == ()
        assert "on or before 8 March 2026 (reported that day by Tuổi Trẻ)" in r.explanation
        assert "on or before 9 March 2026 (reported that day by Vietnam News Agency)" in (
            r.explanation
        )
        assert "These agree: on or before 8 March 2026." in r.explanation

    def test_a_range_is_not_said_to_be_reported_that_day_when_it_was_not(self) -> None:
        r = resolved(event("e", claim("late", "[..2026-03-08]"), claim("gov", "[..2026-03-08]")))[
            "e"
        ]

        assert "on or before 8 March 2026" in r.explanation
        assert "reported that day" not in r.explanation

    def test_on_or_before_and_a_month_agree_on_the_days_both_allow(self) -> None:
        r = resolved(event("e", claim("tuoitre", "[..2026-03-08]"), claim("vna", "2026-03")))["e"]

        assert r.status == "agreed"
        assert r.start is not None
        assert (r.start.value, r.start.precision) == ("2026-03-01/2026-03-08", "day")
        assert (r.start.start, r.start.end) == (edge("2026-03-01", 0), edge("2026-03-08", 1))
        assert (r.start.earliest, r.start.latest) == (
            pendulum.Date(2026, 3, 1),
            pendulum.Date(2026, 3, 8),
        )

    def test_a_range_and_a_date_inside_it_agree_on_the_date(self) -> None:
        r = resolved(event("e", claim("gov", "[2019..2021]"), claim("vna", "2020-05")))["e"]

        assert r.status == "agreed"
        assert r.start is not None and r.start.value == "2020-05"

    def test_a_heavier_on_or_after_outweighs_an_earlier_year(self) -> None:
        r = resolved(event("e", claim("vna", "[2025-09..]"), claim("tuoitre", "2024")))["e"]

        assert r.status == "reconciled"
        assert r.start is not None
        assert r.start.to_json() == {
            "value": "[2025-09..]",
            "precision": "month",
            "earliest": "2025-09-01",
            "latest": None,
        }
        assert [(d.source, d.value) for d in r.dissent] == [("tuoitre", "2024")]
        assert "outweighs Tuổi Trẻ (press, weight 2): on or after September 2025" in r.explanation

    def test_a_heavier_year_outweighs_an_on_or_after_that_misses_it(self) -> None:
        r = resolved(event("e", claim("tuoitre", "[2025-09..]"), claim("vna", "2024")))["e"]

        assert r.status == "reconciled"
        assert r.start is not None and r.start.value == "2024"
        assert [d.to_json() for d in r.dissent] == [
            {
                "source": "tuoitre",
                "value": "[2025-09..]",
                "reason": "outweighed: press 2 vs agency 3 (2024)",
            }
        ]
        assert "on or after September 2025 kept as dissent" in r.explanation

    def test_equal_weights_conflict_and_the_result_stays_open_where_a_claim_is(self) -> None:
        r = resolved(event("e", claim("tuoitre", "[2025-09..]"), claim("late", "2024")))["e"]

        assert r.status == "conflict"
        assert r.start is not None
        assert (r.start.start, r.start.end) == (edge("2024", 0), None)
        assert (str(r.start.earliest), r.start.latest) == ("2024-01-01", None)

    def test_a_lone_open_claim_is_the_result_with_its_side_open(self) -> None:
        r = resolved(event("e", claim("gov", "[2025-09..]")))["e"]

        assert r.status == "single-source"
        assert r.start is not None
        assert (r.start.value, r.start.start, r.start.end) == (
            "[2025-09..]",
            edge("2025-09", 0),
            None,
        )
        assert r.explanation.startswith("Government Portal (official, weight 4) says on or after ")


class TestSpansStillGoingOn:
    def test_an_end_still_going_on_resolves_to_an_open_end(self) -> None:
        r = resolved(event("s", claim("gov", "2025-10", ".."), kind="span"))["s"]

        assert r.status == "single-source"
        assert r.start is not None and r.start.value == "2025-10"
        assert r.end is not None
        assert (r.end.value, r.end.start, r.end.end) == ("..", None, None)
        assert r.end.to_json()["earliest"] is None
        assert r.end.to_json()["latest"] is None
        assert "End: Government Portal (official, weight 4) says still going on." in r.explanation

    def test_two_sources_that_say_it_is_still_going_on_agree(self) -> None:
        r = resolved(
            event("s", claim("gov", "2025-10", ".."), claim("vna", "2025", ".."), kind="span")
        )["s"]

        assert r.status == "agreed"
        assert r.end is not None and r.end.value == ".."

    def test_a_span_known_only_by_an_end_open_below_starts_no_later_than_it(self) -> None:
        r = resolved(event("s", claim("tuoitre", None, "[..2026-03-08]"), kind="span"))["s"]

        assert r.dated
        assert r.start is not None
        assert (r.start.value, r.start.start, r.start.end) == (
            "../2026-03-08",
            None,
            edge("2026-03-08", 1),
        )
        assert r.end is not None and r.end.value == "[..2026-03-08]"

    def test_an_end_open_below_at_a_clock_time_is_named_by_its_minute_or_second(self) -> None:
        for end, start in [
            ("[..2026-03-08T20:00Z]", "../2026-03-09T03:00+07:00"),
            ("[..2026-03-08T20:00:30Z]", "../2026-03-09T03:00:30+07:00"),
        ]:
            r = resolved(event("s", claim("gov", None, end), kind="span"))["s"]

            assert r.start is not None
            assert (r.start.value, r.start.precision) == (start, "time")


class TestOrderClosesOpenSides:
    def test_an_event_after_a_dated_one_has_its_open_start_closed_there(self) -> None:
        r = resolved(
            event("strategy", claim("gov", "2021-10-16")),
            event("step-up", claim("tuoitre", "[..2026-03-08]"), after=["strategy"]),
        )["step-up"]

        assert r.status == "single-source"
        assert r.start is not None
        assert r.start.to_json() == {
            "value": "[2021-10-16..2026-03-08]",
            "precision": "day",
            "earliest": "2021-10-16",
            "latest": "2026-03-08",
        }
        assert (r.start.start, r.start.end) == (edge("2021-10-16", 0), edge("2026-03-08", 1))
        assert r.explanation.endswith(
            "Order constraints close what the claims leave open: "
            "after strategy (dated 16 October 2021)."
        )
        assert r.violations == ()

    def test_an_event_before_a_dated_one_has_its_open_end_closed_there(self) -> None:
        r = resolved(
            event("e", claim("gov", "[2025-09..]"), before=["law"]),
            event("law", claim("vna", "2026-05-01")),
        )["e"]

        assert r.start is not None
        assert (r.start.value, r.start.start, r.start.end) == (
            "[2025-09..2026-05-01]",
            edge("2025-09", 0),
            edge("2026-05-01", 1),
        )
        assert "close what the claims leave open: before law (dated 1 May 2026)." in r.explanation

    def test_a_span_still_going_on_is_closed_by_an_event_it_came_before(self) -> None:
        r = resolved(
            event("s", claim("gov", "2025-10", ".."), kind="span", before=["law"]),
            event("law", claim("vna", "2026-05-01")),
        )["s"]

        assert r.start is not None and r.start.value == "2025-10"
        assert r.end is not None
        assert r.end.to_json() == {
            "value": "[..2026-05-01]",
            "precision": "day",
            "earliest": None,
            "latest": "2026-05-01",
        }

    def test_a_bound_passed_through_an_undated_event_closes_and_names_its_origin(self) -> None:
        r = resolved(
            event("strategy", claim("gov", "2021-10-16")),
            event("draft", after=["strategy"]),
            event("step-up", claim("tuoitre", "[..2026-03-08]"), after=["draft"]),
        )["step-up"]

        assert r.start is not None and r.start.value == "[2021-10-16..2026-03-08]"
        assert "after draft (not before 16 October 2021, set by strategy)" in r.explanation

    def test_an_open_side_with_no_constraint_stays_open(self) -> None:
        r = resolved(
            event("e", claim("tuoitre", "[..2026-03-08]"), before=["later"]),
            event("later", claim("vna", "2027")),
        )["e"]

        assert r.start is not None
        assert (r.start.value, r.start.start) == ("[..2026-03-08]", None)
        assert "Order constraints" not in r.explanation

    def test_a_closed_side_is_never_narrowed(self) -> None:
        r = resolved(
            event("x", claim("gov", "2021-10-16")),
            event("e", claim("tuoitre", "[2019..2026]"), after=["x"]),
        )["e"]

        assert r.start is not None
        assert (r.start.start, r.start.end) == (edge("2019", 0), edge("2026", 1))

    def test_an_open_claim_wholly_before_its_bound_is_a_violation_not_closed(self) -> None:
        resolved_ = resolved(
            event("law", claim("gov", "2026-05-01")),
            event("e", claim("tuoitre", "[..2026-03-08]"), after=["law"]),
        )
        r = resolved_["e"]

        assert r.start is not None
        assert (r.start.value, r.start.start) == ("[..2026-03-08]", None)
        assert [(v.event, v.other, v.relation) for v in r.violations] == [("e", "law", "after")]
        assert r.violations[0].message == (
            "e is dated no later than 8 March 2026 but must come after law (dated 1 May 2026)"
        )
        assert "close what the claims leave open" not in r.explanation
        assert resolved_.violations == r.violations

    def test_an_on_or_after_claim_wholly_after_its_bound_is_a_violation(self) -> None:
        r = resolved(
            event("e", claim("tuoitre", "[2025-09..]"), before=["law"]),
            event("law", claim("gov", "2021-05-01")),
        )["e"]

        assert r.start is not None and r.start.end is None
        assert [(v.other, v.relation) for v in r.violations] == [("law", "before")]
        assert "e is dated on or after September 2025 but must come before law" in (
            r.violations[0].message
        )


class TestOpenBounds:
    def test_an_undated_event_after_an_on_or_after_one_is_bounded_by_its_first_day(
        self,
    ) -> None:
        r = resolved(event("x", claim("gov", "[2025-09..]")), event("a", after=["x"]))["a"]

        assert r.status == "bounded"
        assert r.start is not None and r.start.value == "2025-09/.."
        assert "after x (dated on or after September 2025)" in r.explanation

    def test_an_undated_event_before_an_on_or_before_one_is_bounded_by_its_last_day(
        self,
    ) -> None:
        r = resolved(event("y", claim("gov", "[..2026-03-08]")), event("c", before=["y"]))["c"]

        assert r.status == "bounded"
        assert r.start is not None and r.start.value == "../2026-03-08"
        assert "before y (dated on or before 8 March 2026)" in r.explanation

    def test_an_open_side_gives_no_bound_of_its_own(self) -> None:
        result = resolved(
            event("x", claim("gov", "[2025-09..]")),
            event("b", before=["x"]),
            event("y", claim("gov", "[..2026-03-08]")),
            event("d", after=["y"]),
        )

        assert (result["b"].status, result["d"].status) == ("undated", "undated")

    def test_an_open_side_passes_on_the_bound_it_received(self) -> None:
        r = resolved(
            event("strategy", claim("gov", "2021-10-16")),
            event("step-up", claim("tuoitre", "[..2026-03-08]"), after=["strategy"]),
            event("follow-up", after=["step-up"]),
        )["follow-up"]

        assert r.status == "bounded"
        assert r.start is not None and r.start.value == "2021-10-16/.."
        assert "set by strategy" in r.explanation


# -- properties ---------------------------------------------------------------------

DAYS = st.dates(min_value=pendulum.Date(2024, 1, 1), max_value=pendulum.Date(2026, 12, 31))


@st.composite
def open_dates(draw: st.DrawFn) -> str:
    """EDTF values in 2024-2026, many of them open or ranges."""
    a, b = sorted((draw(DAYS), draw(DAYS)))
    shape = draw(st.sampled_from(["before", "after", "range", "day", "month", "year"]))
    return {
        "before": f"[..{b.isoformat()}]",
        "after": f"[{a.isoformat()[:7]}..]",
        "range": f"[{a.year}..{b.isoformat()}]",
        "day": a.isoformat(),
        "month": a.isoformat()[:7],
        "year": str(a.year),
    }[shape]


SOURCE_IDS = [s.id for s in SOURCES]
CLAIMS = st.lists(st.tuples(st.sampled_from(SOURCE_IDS), open_dates()), min_size=1, max_size=5)


class TestProperties:
    @settings(max_examples=150, deadline=None)
    @given(
        st.lists(st.tuples(CLAIMS, st.booleans(), st.booleans()), min_size=1, max_size=5),
        st.randoms(),
    )
    def test_the_result_does_not_depend_on_the_order_of_claims_or_events(
        self, specs: list[tuple[list[tuple[str, str]], bool, bool]], rnd: random.Random
    ) -> None:
        events = []
        for i, (pairs, chained, going_on) in enumerate(specs):
            claims = [claim(source, text) for source, text in pairs]
            if going_on:  # a span: the first claim also says it is still going on
                first = claims[0]
                claims[0] = claim(first.source, str(first.start), "..")
            after = [f"e{i - 1}"] if chained and i else []
            kind = "span" if going_on else "milestone"
            events.append(event(f"e{i}", *claims, kind=kind, after=after))
        undated = event("u", after=[e.id for e in events[::2]])
        base = resolve(timeline(*events, undated))
        shuffled = [
            event(e.id, *rnd.sample(e.claims, len(e.claims)), kind=e.kind, after=e.after)
            for e in events
        ]
        every = [*shuffled, undated]
        rnd.shuffle(every)
        other = resolve(Timeline(events=every, sources=rnd.sample(SOURCES, len(SOURCES))))
        assert json.loads(other.dumps())["events"] == [
            json.loads(json.dumps(base[e.id].to_json())) for e in every
        ]
        for r in base:
            assert other[r.id].violations == r.violations

    @settings(max_examples=150, deadline=None)
    @given(
        st.lists(
            st.tuples(st.sampled_from(SOURCE_IDS), open_dates()),
            min_size=1,
            max_size=5,
            unique_by=lambda pair: pair[0],  # one claim per source: a source is its claim
        )
    )
    def test_an_open_side_of_the_result_is_open_in_every_claim_it_follows(
        self, pairs: list[tuple[str, str]]
    ) -> None:
        r = resolve(timeline(event("e", *(claim(s, t) for s, t in pairs))))["e"]

        assert r.start is not None
        # Agreement and a winning set keep a side open only if every claim they
        # follow leaves it open; a conflict spans its candidates, so one will do.
        followed = [t for s, t in pairs if s in r.sources]
        some_or_all = any if r.status == "conflict" else all
        if r.start.start is None:
            assert some_or_all(t.startswith("[..") for t in followed)
        if r.start.end is None:
            assert some_or_all(t.endswith("..]") for t in followed)
        assert (r.start.earliest is None) == (r.start.start is None)
        assert (r.start.latest is None) == (r.start.end is None)
