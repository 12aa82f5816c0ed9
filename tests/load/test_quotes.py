"""Quotes checked against their seed files, and where the seed files are found."""

from __future__ import annotations

from pathlib import Path

from conftest import BASE, SEEDS, WriteYaml, at, one
from vntimeline import check, load


class TestValidFile:
    def test_quotes_match_their_seed_after_collapsing_white_space_and_nfc(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml(
            BASE.replace(
                "quote: held on September 18 in Nanning",
                "quote: |-\n          held   on\n          September 18 in Nanning",
            ),
            seeds=SEEDS,
        )

        claim = load(path).event("nanning-roundtable").claims[0]

        assert claim.quote == "held   on\nSeptember 18 in Nanning"

    def test_seeds_are_also_found_beside_the_files_folder(self, tmp_path: Path) -> None:
        # The repository's layout: data/events.yaml and seeds/ side by side.
        (tmp_path / "data").mkdir()
        (tmp_path / "seeds").mkdir()
        (tmp_path / "seeds" / "vir.txt").write_text(SEEDS["vir.txt"], encoding="utf-8")
        path = tmp_path / "data" / "events.yaml"
        path.write_text(BASE, encoding="utf-8")

        assert check(path) == []

    def test_seeds_dir_says_where_the_seeds_are(self, tmp_path: Path) -> None:
        (tmp_path / "articles").mkdir()
        (tmp_path / "articles" / "vir.txt").write_text(SEEDS["vir.txt"], encoding="utf-8")
        path = tmp_path / "events.yaml"
        path.write_text(BASE, encoding="utf-8")

        assert check(path, seeds_dir=tmp_path / "articles") == []
        assert len(load(str(path), seeds_dir=str(tmp_path / "articles"))) == 2
        assert "seed file 'vir.txt' not found" in one(path).message


class TestRules:
    """One test per rule: where it is reported, and what the message says."""

    def test_a_quote_missing_from_its_seed_shows_the_closest_passage(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml(BASE.replace("September 18 in", "September 19 in"), seeds=SEEDS)

        problem = one(path)

        assert at(problem) == (16, 16)
        assert problem.message == (
            "events[0] (nanning-roundtable).claims[0].quote: the quote does not occur in seed "
            "vir.txt (white space collapsed); closest passage: 'held on September 18 in "
            "Nanning'"
        )

    def test_a_claim_from_a_seeded_source_must_quote_it(self, write_yaml: WriteYaml) -> None:
        path = write_yaml(
            BASE.replace("        quote: held on September 18 in Nanning\n", ""), seeds=SEEDS
        )

        problem = one(path)

        assert at(problem) == (14, 9)
        assert problem.message == (
            "events[0] (nanning-roundtable).claims[0]: missing key 'quote': source 'vir' has a "
            "seed (vir.txt), so the claim must quote it"
        )

    def test_a_missing_seed_file_is_reported_at_the_source(self, write_yaml: WriteYaml) -> None:
        path = write_yaml(BASE)

        problem = one(path)

        assert at(problem) == (6, 11)
        assert problem.message.startswith("sources.vir.seed: seed file 'vir.txt' not found in ")
        assert str(path.parent / "seeds") in problem.message

    def test_a_seed_outside_the_seeds_folder_is_not_read(self, write_yaml: WriteYaml) -> None:
        path = write_yaml(BASE.replace("seed: vir.txt", "seed: ../events.yaml"), seeds=SEEDS)

        assert "seed file '../events.yaml' not found" in one(path).message
