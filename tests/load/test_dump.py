"""``dump``: a Timeline as readable YAML that loads back as the same Timeline."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import vntimeline
from conftest import EXAMPLE, EXAMPLE_SEEDS, WriteYaml
from helpers.strategies import ZONES, edtf_values
from vntimeline import (
    Category,
    Claim,
    DataError,
    DateError,
    DateRange,
    Event,
    EventDate,
    Kind,
    PartialDate,
    Source,
    Timeline,
    dump,
    load,
    loads,
)
from vntimeline._model.colors import CSS4_COLORS, TABLEAU_COLORS
from vntimeline._model.dates import skipped_in
from vntimeline._model.events import AUTHORITIES, ends_before_start

# -- generated timelines --------------------------------------------------------------

#: Texts YAML would read as something else, or that need quoting or escaping.
TRICKY = [
    "yes", "no", "on", "off", "null", "Null", "~", "true", "False", "2021", "0x1F", "0o17",
    "1e3", "-1", "+1", ".5", ".inf", ".nan", "2025-09-18", "12:30", ": x", "x: y", "- a",
    "-", "#", "# x", "a #b", "'q'", '"q"', "[a]", "{a}", "&a", "*a", "!a", "!!str", "|",
    ">", "%x", "@x", "`x", "?", "? x", "---", "...", "=", "<<", " leading", "trailing ",
    "tab\there", "a  b", "\\", "Việt Nam", "Nghị quyết 57-NQ/TW", "Chi\u0301nh sa\u0301ch",
    "emoji 🎉", "two\nlines", "ends\n", "ends\n\n", "\nstarts", "a\n\nb", "  indented\nblock",
    "x\n  y", "crlf\r\nx", "cr\rx", "nel\x85x", "ls\u2028x", "ps\u2029x", "bom\ufeffx",
    "nul\x00x", "bell\x07", "del\x7f", "c1\x9b", "nbsp\xa0x", "zwsp\u200bx", "\U0010ffff",
    "\ufffe", "x\n#not a comment", "x\n- not a list", "x\n---\ny",
]  # fmt: skip
ANY_TEXT = st.text(st.characters(codec="utf-8"), min_size=1, max_size=24)
TEXTS = (st.sampled_from(TRICKY) | ANY_TEXT).filter(lambda text: bool(text.strip()))
LINES = TEXTS.filter(lambda text: len(text.splitlines()) == 1 and text.splitlines()[0] == text)
SLUGS = st.from_regex(r"[a-z0-9]{1,5}(?:-[a-z0-9]{1,3}){0,2}", fullmatch=True) | st.sampled_from(
    ["null", "true", "yes", "no", "on", "off", "2021", "0x1f", "1e3", "0o17", "nan", "inf"]
)
URLS = st.sampled_from(
    ["https://vir.com.vn/a.html", "http://x.org/a?b=c&d=e#f", "https://en.thairath.co.th/p&s/1"]
)
COLORS = st.sampled_from([*sorted(CSS4_COLORS), *TABLEAU_COLORS]) | st.from_regex(
    r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})", fullmatch=True
)
WEIGHTS = st.floats(min_value=0, exclude_min=True, allow_infinity=False) | st.integers(1, 10**6)


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@st.composite
def points(draw: st.DrawFn) -> PartialDate:
    found = PartialDate.parse(draw(edtf_values())[0])
    assert isinstance(found, PartialDate)
    return found


@st.composite
def dates(draw: st.DrawFn) -> EventDate:
    """A point, or a "one of" range with one or both ends."""
    if draw(st.booleans()):
        return draw(points())
    first, second = (draw(edtf_values())[0].rstrip("?~%") for _ in range(2))
    text = draw(st.sampled_from([f"[..{first}]", f"[{first}..]", f"[{first}..{second}]"]))
    try:
        return PartialDate.parse(text)
    except DateError:  # a reversed range
        return PartialDate.parse(f"[{second}..{first}]")


@st.composite
def claims(draw: st.DrawFn, source_ids: list[str], span: bool, zone: str) -> Claim:
    start, end = draw(optional(dates())), None
    if span:
        end = draw(st.none() | st.just(DateRange()) | dates())
    # A clock change skips a local time about one hour a year: not worth steering round.
    assume(not any(date is not None and skipped_in(date, zone) for date in (start, end)))
    if start is not None and end is not None and ends_before_start(start, end, zone):
        start, end = end, start
    return Claim(
        source=draw(st.sampled_from(source_ids)),
        start=start,
        end=end,
        quote=draw(optional(TEXTS)),
        note=draw(optional(TEXTS)),
    )


@st.composite
def sources(draw: st.DrawFn, source_id: str) -> Source:
    return Source(
        id=source_id,
        title=draw(TEXTS),
        publisher=draw(TEXTS),
        url=draw(optional(URLS)),
        published=draw(optional(points())),
        authority=draw(st.sampled_from(AUTHORITIES)),
        language=draw(st.sampled_from(["en", "vi", "nl", "zh-Hant"])),
        seed=draw(optional(TEXTS)),
        weight=draw(optional(WEIGHTS)),
    )


@st.composite
def events(draw: st.DrawFn, index: int, ids: list[str], source_ids: list[str], zone: str) -> Event:
    own_zone = draw(st.none() | ZONES)
    kind: Kind = draw(st.sampled_from(["milestone", "span"]))
    made = draw(
        st.lists(claims(source_ids, kind == "span", own_zone or zone), max_size=3)
        if source_ids
        else st.just([])
    )
    return Event(
        id=ids[index],
        title=draw(TEXTS),
        kind=kind,
        category=draw(st.sampled_from(["general", "policy", "target"]) | SLUGS),
        timezone=own_zone or "inherit",
        location=draw(optional(TEXTS)),
        description=draw(optional(TEXTS)),
        aliases=draw(st.lists(TEXTS, max_size=2)),
        # Only earlier events come after, only later ones before: never a loop.
        after=draw(st.lists(st.sampled_from(ids[:index]), max_size=2)) if index else (),
        before=draw(st.lists(st.sampled_from(ids[index + 1 :]), max_size=2))
        if index + 1 < len(ids)
        else (),
        claims=made,
    )


@st.composite
def timelines(draw: st.DrawFn) -> Timeline:
    """A valid timeline using every optional field, with texts that need care."""
    zone = draw(ZONES)
    source_ids = draw(st.lists(SLUGS, max_size=3, unique=True))
    event_ids = draw(st.lists(SLUGS, max_size=4, unique=True))
    categories = draw(
        st.dictionaries(
            SLUGS, st.builds(Category, label=optional(LINES), color=optional(COLORS)), max_size=3
        )
    )
    return Timeline(
        events=[draw(events(i, event_ids, source_ids, zone)) for i in range(len(event_ids))],
        sources=[draw(sources(source_id)) for source_id in source_ids],
        timezone=zone,
        name=draw(optional(LINES)),
        url=draw(optional(URLS)),
        categories=categories,
    )


ROUND_TRIPS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


class TestRoundTrip:
    @ROUND_TRIPS
    @given(timelines())
    def test_every_valid_timeline_loads_back_exactly(self, timeline: Timeline) -> None:
        text = dump(timeline)

        assert loads(text) == timeline
        assert dump(loads(text)) == text

    def test_the_bundled_dataset_round_trips_and_is_stable(self) -> None:
        timeline = vntimeline.load_default()

        text = dump(timeline)

        assert loads(text) == timeline
        assert dump(loads(text)) == text
        assert text.startswith("name: Vietnam AI policy timeline\ntimezone: Asia/Ho_Chi_Minh\n")

    def test_the_example_round_trips_through_a_file_with_its_seeds(
        self, write_yaml: WriteYaml
    ) -> None:
        timeline = load(EXAMPLE)
        path = write_yaml(dump(timeline), name="valid.yaml")

        assert load(path, seeds_dir=EXAMPLE_SEEDS) == timeline


# -- what the text looks like ---------------------------------------------------------


def one_event(**kwargs: Any) -> Timeline:
    return Timeline(
        events=[Event(**{"id": "a", "title": "A", **kwargs})],
        sources=[Source(id="s", title="T", publisher="P")],
    )


class TestLayout:
    def test_keys_come_in_the_files_order_and_defaults_are_left_out(self) -> None:
        timeline = Timeline(
            events=[
                Event(
                    id="b",
                    title="B",
                    kind="span",
                    category="policy",
                    timezone="Asia/Shanghai",
                    location="Nanning",
                    description="Met.",
                    aliases=["Bee"],
                    after=["a"],
                    claims=[Claim(source="s", start="2025-09-18", end="..", quote="Q", note="N")],
                ),
                Event(id="a", title="A", before=["b"]),
            ],
            sources=[Source(id="s", title="T", publisher="P", authority="press", language="en")],
            timezone="Asia/Ho_Chi_Minh",
            name="Test",
            url="https://example.org/",
            categories={"policy": {"label": "Policy", "color": "#1f77b4"}, "other": {}},
        )

        assert dump(timeline) == (
            "name: Test\n"
            "url: https://example.org/\n"
            "timezone: Asia/Ho_Chi_Minh\n"
            "\n"
            "categories:\n"
            "  policy:\n"
            "    label: Policy\n"
            "    color: '#1f77b4'\n"
            "  other: {}\n"
            "\n"
            "sources:\n"
            "  s:\n"
            "    title: T\n"
            "    publisher: P\n"
            "\n"
            "events:\n"
            "  - id: b\n"
            "    title: B\n"
            "    kind: span\n"
            "    category: policy\n"
            "    location: Nanning\n"
            "    timezone: Asia/Shanghai\n"
            "    description: Met.\n"
            "    aliases:\n"
            "      - Bee\n"
            "    after: [a]\n"
            "    claims:\n"
            "      - source: s\n"
            "        start: 2025-09-18\n"
            "        end: ..\n"
            "        quote: Q\n"
            "        note: N\n"
            "\n"
            "  - id: a\n"
            "    title: A\n"
            "    before: [b]\n"
        )

    def test_an_empty_utc_timeline_is_just_its_events(self) -> None:
        assert dump(Timeline(events=[])) == "events: []\n"

    def test_an_events_zone_is_written_only_when_it_is_not_the_timelines(self) -> None:
        timeline = Timeline(
            events=[Event(id="a", title="A", timezone="Asia/Shanghai"), Event(id="b", title="B")],
            timezone="Asia/Shanghai",
        )

        assert "  timezone:" not in dump(timeline)

    @pytest.mark.parametrize(
        ("start", "written"),
        [
            ("2021", "start: 2021"),
            ("2025-09-18", "start: 2025-09-18"),
            ("2026-03-08T20:00Z", "start: 2026-03-08T20:00Z"),
            ("2024-12-22T09:00+07", "start: 2024-12-22T09:00+07"),
            ("202X?", "start: 202X?"),
            ("2025-41~", "start: 2025-41~"),
            ("[..2026-03-08]", "start: '[..2026-03-08]'"),
            ("[2019..2021]", "start: '[2019..2021]'"),
        ],
    )
    def test_dates_are_their_edtf_text_and_ranges_are_quoted(
        self, start: str, written: str
    ) -> None:
        text = dump(one_event(claims=[Claim(source="s", start=start)]))

        assert f"        {written}\n" in text

    @pytest.mark.parametrize(
        ("title", "written"),
        [
            ("yes", "title: 'yes'"),
            ("2021", "title: '2021'"),
            (": x", "title: ': x'"),
            ("- a", "title: '- a'"),
            ("#", "title: '#'"),
            ("Việt Nam: AI", "title: 'Việt Nam: AI'"),
            ("Luật Trí tuệ nhân tạo", "title: Luật Trí tuệ nhân tạo"),
            ("nel\x85x", 'title: "nel\\Nx"'),
        ],
    )
    def test_texts_are_quoted_only_when_they_must_be(self, title: str, written: str) -> None:
        assert f"    {written}\n" in dump(one_event(title=title))

    def test_a_text_with_line_breaks_is_a_literal_block(self) -> None:
        text = dump(one_event(description="First line.\nSecond line."))

        assert "    description: |-\n      First line.\n      Second line.\n" in text

    def test_a_timeline_with_problems_is_refused_with_every_one(self) -> None:
        broken = Timeline(events=[Event(id="a", title="A"), Event(id="a", title="B")])

        with pytest.raises(DataError) as info:
            dump(broken)

        assert info.value.problems == broken.problems()

    def test_dump_is_public_and_does_not_need_yaml_to_import(self) -> None:
        assert vntimeline.dump is dump
        assert "dump" in vntimeline.__all__
