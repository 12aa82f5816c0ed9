"""The entry points: events.yaml into a Timeline, or every problem as FILE:LINE:COL: message."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vntimeline
from conftest import BASE, EXAMPLE, SEEDS, WriteYaml, at, cli_env, one
from vntimeline import DataError, PartialDate, Problem, Timeline, check, load
from vntimeline._load.reader import CLAIM_KEYS, EVENT_KEYS, SOURCE_KEYS, TOP_KEYS


class TestValidFile:
    def test_the_example_file_loads_into_a_timeline_with_every_value(
        self, example_file: Path
    ) -> None:
        timeline = load(example_file)

        assert [e.id for e in timeline] == [
            "national-ai-strategy",
            "nanning-roundtable",
            "eu-ai-governance-forum",
            "ai-law",
        ]
        strategy = timeline.event("national-ai-strategy")
        assert (strategy.kind, strategy.category, strategy.location) == (
            "span",
            "policy",
            "Hà Nội, Vietnam",
        )
        assert strategy.aliases == ("Quyết định 127/QĐ-TTg", "National AI Strategy")
        assert strategy.before == ("nanning-roundtable",)
        assert strategy.claims[0].end == PartialDate.parse("2030")
        nl = timeline.source("mst-forum-nl")
        assert (nl.authority, nl.language, nl.weight) == ("official", "nl", 3.5)
        assert timeline.source("vir-2025-09-19").published == PartialDate.parse(
            "2025-09-19T10:00+07:00"
        )

    def test_check_finds_nothing_in_a_valid_file(self, example_file: Path) -> None:
        assert check(example_file) == []

    def test_a_byte_order_mark_is_allowed(self, write_yaml: WriteYaml) -> None:
        path = write_yaml("\ufeffevents: [{id: a, title: A}]\n".encode())

        assert [e.id for e in load(path)] == ["a"]


class TestRules:
    """One test per rule: where it is reported, and what the message says."""

    def test_a_file_that_cannot_be_read_is_a_problem_not_a_crash(self, tmp_path: Path) -> None:
        problem = one(tmp_path / "missing.yaml")

        assert at(problem) == (1, 1)
        assert problem.message == "cannot read the file: No such file or directory"

    def test_invalid_utf8_is_reported_at_the_bad_byte(self, write_yaml: WriteYaml) -> None:
        path = write_yaml(b"events:\n  - id: a\n    title: caf\xe9\n")

        problem = one(path)

        assert at(problem) == (3, 15)
        assert problem.message == "invalid UTF-8 (byte 0xe9); the file must be UTF-8 text"

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            (
                "- id: a\n  title: A\n",
                "expected the top level of an events file (a mapping of "
                "keys to values), found a list",
            ),
            (
                "just some words\n",
                "expected the top level of an events file (a mapping of "
                "keys to values), found 'just some words'",
            ),
            ("", "the file is empty; expected a mapping with 'timezone', 'sources' and 'events'"),
            (
                "# only a comment\n\n",
                "the file is empty; expected a mapping with 'timezone', 'sources' and 'events'",
            ),
            ("timezone: UTC\n", "missing key 'events' (a list of events)"),
        ],
    )
    def test_a_file_that_is_not_an_events_mapping_says_what_was_expected(
        self, write_yaml: WriteYaml, text: str, message: str
    ) -> None:
        problem = one(write_yaml(text))

        assert at(problem) == (1, 1)
        assert problem.message == message


class TestSeveralProblems:
    def test_every_problem_in_the_file_is_reported_in_one_run_in_file_order(
        self, write_yaml: WriteYaml
    ) -> None:
        text = (
            BASE.replace("timezone: Asia/Ho_Chi_Minh", "timezone: Asia/Hanoi")
            .replace("    publisher: Government\n", "    publisher: Government\n    athority: x\n")
            .replace("start: 2025-09-18", "start: 2025-09-31")
            .replace("source: gov", "source: gob")
            .replace("end: 2030", "end: 2020")
            .replace("id: strategy", "id: nanning-roundtable")
        )
        path = write_yaml(text, seeds=SEEDS)

        problems = check(path)

        assert [(p.line, p.column) for p in problems] == [
            (1, 11),
            (10, 5),
            (16, 16),
            (18, 9),
            (22, 17),
            (24, 14),
        ]
        assert [p.message.split(": ", 1)[0] for p in problems] == [
            "timezone",
            "sources.gov.athority",
            "events[0] (nanning-roundtable).claims[0].start",
            "events[1] (nanning-roundtable).id",
            "events[1] (nanning-roundtable).claims[0].source",
            "events[1] (nanning-roundtable).claims[0].end",
        ]

    def test_load_raises_one_data_error_carrying_every_problem(self, write_yaml: WriteYaml) -> None:
        path = write_yaml("events:\n  - {id: A, title: A}\n  - {id: b, title: ''}\n")

        with pytest.raises(DataError) as info:
            load(path)

        assert len(info.value.problems) == 2
        assert str(info.value).splitlines() == [str(p) for p in info.value.problems]
        assert str(info.value).startswith(f"{path}:2:10: events[0].id: ")
        assert isinstance(info.value, ValueError)

    def test_problem_text_is_file_line_column_message(self) -> None:
        problem = Problem("data/events.yaml", 3, 7, "events[0].id: bad")

        assert str(problem) == "data/events.yaml:3:7: events[0].id: bad"


# -- fuzzing -------------------------------------------------------------------------

KEYS = st.sampled_from([*TOP_KEYS, *SOURCE_KEYS, *EVENT_KEYS, *CLAIM_KEYS, "<<", "x"])
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 3000),
    st.floats(),
    st.text(max_size=8),
    st.sampled_from(
        [
            "2021",
            "2025-09-18",
            "2026-03-08T20:00Z",
            "999X",
            "2025-02-30",
            "2021-13",
            "202X",
            "Asia/Ho_Chi_Minh",
            "Mars/Base",
            "../x",
            "span",
            "milestone",
            "press",
            "official",
            "a",
            "b",
            "s",
            "Bad",
            "https://x.org",
            "en",
            "vir.txt",
            "missing.txt",
            "",
        ]
    ),
)
TREES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(KEYS | st.text(max_size=4), children, max_size=4)
    ),
    max_leaves=12,
)
IDS = st.sampled_from(["a", "b", "c", "Bad"])


def shaped(required: dict[str, Any], optional: dict[str, Any]) -> Any:
    """A mapping with the format's keys (valid-looking or random values), or any tree."""
    return st.fixed_dictionaries(required, optional=optional) | TREES


CLAIMS = shaped(
    {"source": st.sampled_from(["s", "t", "x"]) | SCALARS},
    {k: SCALARS | TREES for k in ("start", "end", "quote", "note")},
)
EVENTS = shaped(
    {"id": IDS | SCALARS},
    {
        "title": SCALARS,
        "kind": st.sampled_from(["span", "milestone"]) | SCALARS,
        "timezone": SCALARS,
        "after": st.lists(IDS, max_size=3) | TREES,
        "before": st.lists(IDS, max_size=3) | TREES,
        "claims": st.lists(CLAIMS, max_size=3) | TREES,
        "aliases": TREES,
        "category": SCALARS,
    },
)
SOURCES = st.dictionaries(
    st.sampled_from(["s", "t", "Bad"]) | st.text(max_size=3),
    shaped({"title": SCALARS, "publisher": SCALARS}, {k: SCALARS for k in SOURCE_KEYS[2:]}),
    max_size=3,
)
DOCUMENTS = shaped(
    {}, {"timezone": SCALARS, "sources": SOURCES | TREES, "events": st.lists(EVENTS, max_size=4)}
)
FUZZ = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def assert_only_data_errors(path: Path) -> None:
    """check() lists problems and load() raises DataError exactly when there are some."""
    problems = check(path)
    assert all(isinstance(p, Problem) and p.line >= 1 and p.column >= 1 for p in problems)
    try:
        load(path)
    except DataError as exc:
        assert list(exc.problems) == problems
        assert problems
    else:
        assert problems == []


@st.composite
def mutations(draw: st.DrawFn, text: str) -> str:
    """*text* with a few random edits: cut, insert, replace a word, duplicate or drop a line."""
    words = [
        "span",
        "999X",
        "2025-02-30",
        "*a",
        "&a",
        "<<:",
        "'",
        '"',
        "[",
        "{",
        "- ",
        ": ",
        "\t",
        "  ",
        "\n",
        "#",
        "nanning-roundtable",
        "vir-2025-09-19",
        "null",
        "~",
    ]
    for _ in range(draw(st.integers(1, 4))):
        lines = text.splitlines(keepends=True)
        where = draw(st.integers(0, len(text)))
        edit = draw(st.sampled_from(["cut", "insert", "word", "dup", "drop"]))
        if edit == "cut":
            text = text[:where] + text[where + draw(st.integers(1, 20)) :]
        elif edit == "insert":
            text = text[:where] + draw(st.sampled_from(words) | st.text(max_size=3)) + text[where:]
        elif edit == "word":
            spans = [m.span() for m in re.finditer(r"[^\s:]+", text)] or [(0, 0)]
            start, end = draw(st.sampled_from(spans))
            text = text[:start] + draw(st.sampled_from(words)) + text[end:]
        elif lines:
            i = draw(st.integers(0, len(lines) - 1))
            lines[i : i + 1] = [lines[i]] * (2 if edit == "dup" else 0)
            text = "".join(lines)
    return text


class TestFuzz:
    """Whatever the input, the loader answers with problems, never another exception."""

    @FUZZ
    @given(data=st.binary(max_size=300))
    def test_random_bytes_give_problems_not_crashes(
        self, write_yaml: WriteYaml, data: bytes
    ) -> None:
        assert_only_data_errors(write_yaml(data))

    @FUZZ
    @given(document=DOCUMENTS)
    def test_random_yaml_trees_give_problems_not_crashes(
        self, write_yaml: WriteYaml, document: Any
    ) -> None:
        path = write_yaml(yaml.safe_dump(document, allow_unicode=True), seeds={"vir.txt": "a b"})

        assert_only_data_errors(path)

    @FUZZ
    @given(text=mutations(EXAMPLE.read_text(encoding="utf-8")))
    def test_mutations_of_the_valid_example_give_problems_not_crashes(
        self, example_file: Path, text: str
    ) -> None:
        example_file.write_text(text, encoding="utf-8")

        assert_only_data_errors(example_file)


class TestPublicApi:
    def test_load_default_loads_the_bundled_dataset(self) -> None:
        timeline = vntimeline.load_default()

        assert isinstance(timeline, Timeline)
        assert len(timeline) > 0
        assert vntimeline.default_data_path().name == "events.yaml"
        assert check(vntimeline.default_data_path()) == []

    def test_load_and_check_take_text_paths_too(self, example_file: Path) -> None:
        assert len(load(str(example_file))) == len(load(example_file))
        assert check(str(example_file)) == []

    def test_importing_vntimeline_does_not_import_matplotlib_or_icalendar(self) -> None:
        code = (
            "import vntimeline, sys; "
            "heavy = [m for m in sys.modules if m.startswith(('matplotlib', 'icalendar', "
            "'http.server'))]; "
            "assert not heavy, heavy"
        )

        done = subprocess.run(
            [sys.executable, "-c", code],
            env=cli_env(),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

        assert done.returncode == 0, done.stderr
