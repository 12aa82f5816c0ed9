"""Dates that say what sources know, in a file: ranges, ``..``, groupings, and their mistakes."""

from __future__ import annotations

import pytest

from conftest import RunCli, WriteYaml, at, one
from vntimeline import DateRange, PartialDate, check, load

#: A valid file with every new form; the mistakes below each change one value.
OPEN = """\
sources:
  tt: {title: Step up, publisher: Tuổi Trẻ, published: 2026-03-08}
events:
  - id: step-up
    title: Overseas Vietnamese step up AI cooperation
    claims:
      - {source: tt, start: '[..2026-03-08]'}
  - id: since
    title: Since September
    claims:
      - {source: tt, start: '[2025-09..]'}
      - {source: tt, start: '[2019..2021]'}
      - {source: tt, start: 2025-21}
      - {source: tt, start: 2025-33}
      - {source: tt, start: 2025-40}
      - {source: tt, start: 1XXX}
      - {source: tt, start: '2025-09-18T10:00+07'}
  - id: programme
    title: AI programme
    kind: span
    claims:
      - {source: tt, start: 2025-10, end: ..}
"""

#: (name, old text, new text, where it is reported (at the |), what, words of the message).
MISTAKES = [
    (
        "reversed range",
        "'[..2026-03-08]'",
        "'[2026-03-09..2026-03-08]'",
        "|'[2026-03-09..2026-03-08]'",
        "events[0] (step-up).claims[0].start",
        "the range is reversed: 2026-03-09 is after 2026-03-08",
    ),
    (
        "empty range",
        "'[..2026-03-08]'",
        "'[..]'",
        "|'[..]'",
        "events[0] (step-up).claims[0].start",
        "'[..]' says nothing is known: leave the date out",
    ),
    (
        "unknown grouping",
        "2025-21}",
        "2025-37}",
        "|2025-37",
        "events[1] (since).claims[2].start",
        "grouping code 37 is not supported: use 21-24 (seasons), 33-36 (quarters) "
        "or 40-41 (halves)",
    ),
    (
        "day of a season",
        "2025-21}",
        "2025-21-05}",
        "|2025-21-05",
        "events[1] (since).claims[2].start",
        "21 is the spring, which has no days",
    ),
    (
        "ongoing milestone",
        "{source: tt, start: '[..2026-03-08]'}",
        "{source: tt, start: '[..2026-03-08]', end: ..}",
        "08]', |end: ..",
        "events[0] (step-up).claims[0].end",
        "only spans have an end; set 'kind: span' on the event or remove 'end'",
    ),
    (
        "ongoing start",
        "start: 2025-10, end: ..",
        "start: .., end: ..",
        "start: |.., end",
        "events[2] (programme).claims[0].start",
        "a start cannot be '..' ('..' is a span's end that is still going on)",
    ),
    (
        "published range",
        "published: 2026-03-08",
        "published: '[..2025-09-19]'",
        "|'[..2025-09-19]'",
        "sources.tt.published",
        "expected a single date (when the source appeared), found the range [..2025-09-19]",
    ),
]
IDS = [case[0] for case in MISTAKES]


def broken(old: str, new: str) -> str:
    assert OPEN.count(old) == 1
    return OPEN.replace(old, new)


def place(text: str, found: str) -> tuple[int, int]:
    """Line and column (from 1) of the ``|`` in *found*, which occurs once in *text*."""
    anchor = found.replace("|", "")
    assert text.count(anchor) == 1
    before = text[: text.index(anchor) + found.index("|")]
    return before.count("\n") + 1, len(before) - before.rfind("\n")


class TestValidFile:
    def test_every_new_form_loads_as_the_date_it_parses_to(self, write_yaml: WriteYaml) -> None:
        timeline = load(write_yaml(OPEN))

        starts = [str(c.start) for c in timeline.event("since").claims]
        assert starts == [
            "[2025-09..]",
            "[2019..2021]",
            "2025-21",
            "2025-33",
            "2025-40",
            "1XXX",
            "2025-09-18T10:00+07",
        ]
        assert timeline.event("step-up").claims[0].start == DateRange(None, PartialDate(2026, 3, 8))
        assert timeline.event("programme").claims[0].end == DateRange()
        assert timeline.source("tt").published == PartialDate(2026, 3, 8)

    def test_check_finds_nothing(self, write_yaml: WriteYaml) -> None:
        assert check(write_yaml(OPEN)) == []

    def test_validate_says_ok(self, run_cli: RunCli, write_yaml: WriteYaml) -> None:
        path = write_yaml(OPEN)

        done = run_cli("validate", path)

        assert (done.returncode, done.stderr) == (0, "")
        assert done.stdout == f"{path}: OK (3 events, 1 source)\n"


class TestRules:
    @pytest.mark.parametrize(
        ("old", "new", "found", "where", "words"), [c[1:] for c in MISTAKES], ids=IDS
    )
    def test_a_mistake_is_one_problem_at_its_place_saying_what_is_wrong(
        self, write_yaml: WriteYaml, old: str, new: str, found: str, where: str, words: str
    ) -> None:
        text = broken(old, new)

        problem = one(write_yaml(text))

        assert at(problem) == place(text, found)
        assert problem.message.startswith(f"{where}: ")
        assert words in problem.message

    def test_an_unquoted_range_is_a_yaml_list_and_is_reported_not_read(
        self, write_yaml: WriteYaml
    ) -> None:
        # In YAML, [..2026-03-08] without quotes is a list of one string.
        text = broken("'[..2026-03-08]'", "[..2026-03-08]")

        problem = one(write_yaml(text))

        assert at(problem) == place(text, "|[..2026-03-08]")
        assert problem.message == (
            "events[0] (step-up).claims[0].start: expected an EDTF date, found a list; "
            "quote a 'one of' range: '[..2026-03-08]'"
        )


class TestValidateCommand:
    """``vntimeline validate`` on each mistake, through the real command line."""

    @pytest.mark.parametrize(
        ("old", "new", "found", "where", "words"), [c[1:] for c in MISTAKES], ids=IDS
    )
    def test_a_mistake_exits_1_with_a_file_line_column_problem_and_no_traceback(
        self,
        run_cli: RunCli,
        write_yaml: WriteYaml,
        old: str,
        new: str,
        found: str,
        where: str,
        words: str,
    ) -> None:
        text = broken(old, new)
        path = write_yaml(text)

        done = run_cli("validate", path)

        assert done.returncode == 1
        assert done.stderr == "1 problem found\n"
        assert "Traceback" not in done.stdout
        line, column = place(text, found)
        (problem,) = done.stdout.splitlines()
        assert problem.startswith(f"{path}:{line}:{column}: {where}: ")
        assert words in problem

    def test_several_mistakes_are_all_reported_in_one_run_in_file_order(
        self, run_cli: RunCli, write_yaml: WriteYaml
    ) -> None:
        chosen = [MISTAKES[i] for i in (0, 2, 5, 6)]  # on four different lines
        text = OPEN
        for _name, old, new, *_rest in chosen:
            text = text.replace(old, new)
        path = write_yaml(text)

        done = run_cli("validate", path)

        assert (done.returncode, done.stderr) == (1, "4 problems found\n")
        expected = sorted((*place(text, found), where) for _n, _o, _n2, found, where, _w in chosen)
        assert [line.split(": ", 2)[:2] for line in done.stdout.splitlines()] == [
            [f"{path}:{line}:{column}", where] for line, column, where in expected
        ]
