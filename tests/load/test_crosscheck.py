"""The rules across events: unique ids, known references, no cycles."""

from __future__ import annotations

from conftest import BASE, SEEDS, WriteYaml, at, one


class TestRules:
    """One test per rule: where it is reported, and what the message says."""

    def test_a_duplicate_id_is_reported_at_the_second_with_the_line_of_the_first(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml(BASE.replace("id: strategy", "id: nanning-roundtable"), seeds=SEEDS)

        problem = one(path)

        assert at(problem) == (17, 9)
        assert problem.message == (
            "events[1] (nanning-roundtable).id: duplicate event id 'nanning-roundtable' "
            "(first used on line 11); ids must be unique"
        )

    def test_an_unknown_event_is_reported_with_the_event_it_probably_meant(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml(
            BASE.replace("    kind: span\n", "    kind: span\n    after: [nanning-roundtabel]\n"),
            seeds=SEEDS,
        )

        problem = one(path)

        assert at(problem) == (20, 13)
        assert problem.message == (
            "events[1] (strategy).after[0]: unknown event 'nanning-roundtabel' "
            "(did you mean 'nanning-roundtable'?)"
        )

    def test_an_event_ordered_against_itself_is_reported(self, write_yaml: WriteYaml) -> None:
        path = write_yaml(
            BASE.replace("    kind: span\n", "    kind: span\n    before: [strategy]\n"),
            seeds=SEEDS,
        )

        problem = one(path)

        assert at(problem) == (20, 14)
        assert problem.message.endswith("an event cannot be ordered against itself")

    def test_a_cycle_in_after_and_before_is_reported_with_the_loop_spelt_out(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml("""
            events:
              - id: a
                title: A
                after: [c]
              - id: b
                title: B
                after: [a]
              - id: c
                title: C
                before: [b]
                after: [b]
        """)

        problem = one(path)

        assert at(problem) == (2, 5)
        assert problem.message == (
            "events[0] (a): order constraints form a cycle: a -> b -> c -> a; "
            "'after'/'before' must not loop back"
        )
