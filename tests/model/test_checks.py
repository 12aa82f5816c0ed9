"""Problems found in code: no place in a file, so they print as ``PATH: message``."""

from __future__ import annotations

import pytest

from vntimeline import Claim, DataError, Problem, Source


class TestProblemWithoutPlace:
    def test_a_problem_without_a_line_prints_as_path_and_message(self) -> None:
        problem = Problem("Claim.start", 0, 0, "'2023-13-01' is not a valid date")

        assert str(problem) == "Claim.start: '2023-13-01' is not a valid date"

    def test_a_problem_with_a_line_but_no_column_prints_the_line(self) -> None:
        assert str(Problem("events.yaml", 3, 0, "bad")) == "events.yaml:3: bad"

    def test_a_problem_in_a_file_still_prints_file_line_column(self) -> None:
        assert str(Problem("events.yaml", 3, 7, "bad")) == "events.yaml:3:7: bad"


class TestBadValuesInCode:
    def test_a_bad_date_names_the_class_the_field_and_what_is_wrong(self) -> None:
        with pytest.raises(DataError) as info:
            Claim(source="x", start="2023-13-01")

        assert str(info.value).startswith(
            "Claim.start: '2023-13-01' is not a valid date: month 13 is not between 01 and 12"
        )
        assert isinstance(info.value, ValueError)

    def test_a_bad_id_names_the_class_the_field_and_what_was_expected(self) -> None:
        with pytest.raises(DataError) as info:
            Source(id="Bad Id", title="T", publisher="P")

        assert str(info.value) == (
            "Source.id: expected a lowercase slug such as 'nanning-roundtable', got 'Bad Id'"
        )
        assert info.value.problems == (
            Problem(
                "Source.id",
                0,
                0,
                "expected a lowercase slug such as 'nanning-roundtable', got 'Bad Id'",
            ),
        )
