"""``loads``: an events file given as text, with problems at ``<string>:LINE:COL``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import vntimeline
from conftest import BASE, EXAMPLE, EXAMPLE_SEEDS, SEEDS, WriteYaml
from vntimeline import DataError, Problem, load, loads


class TestValidText:
    def test_text_loads_as_the_same_timeline_as_its_file(self, write_yaml: WriteYaml) -> None:
        path = write_yaml(BASE, seeds=SEEDS)

        from_text = loads(BASE, name="events")

        assert from_text == load(path)

    def test_the_example_loads_from_text_with_its_seeds(self) -> None:
        text = EXAMPLE.read_text(encoding="utf-8")

        timeline = loads(text, seeds_dir=EXAMPLE_SEEDS)

        assert timeline == load(EXAMPLE)

    def test_the_name_is_the_argument_else_the_texts_else_none(self) -> None:
        named = "name: From the text\nevents: []\n"

        assert loads(named).name == "From the text"
        assert loads(named, name="Given").name == "Given"
        assert loads("events: []\n").name is None
        assert loads("events: []\n", name="Given").name == "Given"

    def test_seeds_are_not_checked_without_a_seeds_folder(self) -> None:
        text = BASE.replace("        quote: held on September 18 in Nanning\n", "")

        timeline = loads(text)

        assert timeline.source("vir").seed == "vir.txt"
        assert timeline.event("nanning-roundtable").claims[0].quote is None

    def test_seeds_are_checked_in_the_seeds_folder_given(self, tmp_path: Path) -> None:
        (tmp_path / "vir.txt").write_text(SEEDS["vir.txt"], encoding="utf-8")
        text = BASE.replace("held on September 18", "held on 18 September")

        with pytest.raises(DataError) as info:
            loads(text, seeds_dir=tmp_path)

        (problem,) = info.value.problems
        assert (problem.path, problem.line, problem.column) == ("<string>", 16, 16)
        assert "the quote does not occur in seed vir.txt" in problem.message

    def test_a_byte_order_mark_is_allowed(self) -> None:
        assert [e.id for e in loads("\ufeffevents: [{id: a, title: A}]\n")] == ["a"]

    def test_top_level_keys_after_the_events_are_read_too(self) -> None:
        timeline = loads("events: [{id: a, title: A}]\ntimezone: Asia/Shanghai\nname: Late\n")

        assert (timeline.timezone, timeline.name) == ("Asia/Shanghai", "Late")
        assert timeline.event("a").timezone == "Asia/Shanghai"


class TestProblems:
    def test_every_problem_is_at_string_line_column(self) -> None:
        text = "name: Test\nevents:\n  - {id: a, title: A, kind: spam}\n  - {id: a, title: B}\n"

        with pytest.raises(DataError) as info:
            loads(text)

        assert [str(p) for p in info.value.problems] == [
            "<string>:3:29: events[0] (a).kind: expected one of milestone, span, "
            "found 'spam' (did you mean 'span'?)",
            "<string>:4:10: events[1] (a).id: duplicate event id 'a' (first used on line 3); "
            "ids must be unique",
        ]

    def test_a_syntax_error_is_a_problem_not_a_crash(self) -> None:
        with pytest.raises(DataError) as info:
            loads("events: [\n")

        (problem,) = info.value.problems
        assert problem.path == "<string>"
        assert problem.message.startswith("YAML syntax error")

    def test_empty_text_says_what_was_expected(self) -> None:
        with pytest.raises(DataError) as info:
            loads("")

        assert info.value.problems == (
            Problem(
                "<string>",
                1,
                1,
                "the file is empty; expected a mapping with 'timezone', 'sources' and 'events'",
            ),
        )

    @pytest.mark.parametrize(("name", "message"), [("", "non-empty"), ("a\nb", "one line")])
    def test_a_bad_name_argument_is_refused(self, name: str, message: str) -> None:
        with pytest.raises(DataError, match=f"^name: expected {message}"):
            loads("events: []\n", name=name)

    @pytest.mark.parametrize("value", [b"events: []\n", None])
    def test_anything_but_text_is_a_type_error(self, value: Any) -> None:
        with pytest.raises(TypeError, match="loads\\(\\) takes YAML text"):
            loads(value)

    def test_loads_is_public(self) -> None:
        assert vntimeline.loads is loads
        assert "loads" in vntimeline.__all__
