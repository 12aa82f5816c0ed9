"""The project's own docs: the tutorial's examples, the how-to data, the browser check."""

from __future__ import annotations

import doctest
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

import vntimeline

DOCS = Path(__file__).parents[2] / "docs"


def load_script(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestDocs:
    def test_the_tutorial_examples_give_what_the_tutorial_shows(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)
        result = doctest.testfile(
            str(DOCS / "tutorial.rst"),
            module_relative=False,
            optionflags=doctest.ELLIPSIS,
            verbose=False,
        )
        assert result.attempted > 10
        assert result.failed == 0
        assert (tmp_path / "timeline.svg").is_file()

    @pytest.mark.parametrize("page", ["build-in-code.rst", "notebook.rst"])
    def test_the_how_to_examples_in_code_give_what_the_page_shows(
        self, page: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(DOCS.parent)  # the pages name files from the checkout's root
        result = doctest.testfile(
            str(DOCS / "howto" / page),
            module_relative=False,
            optionflags=doctest.ELLIPSIS,
            verbose=False,
        )
        assert result.attempted > 10
        assert result.failed == 0

    def test_the_how_to_example_data_file_is_valid(self) -> None:
        timeline = vntimeline.load(DOCS / "howto" / "examples" / "library.yaml")
        statuses = {r.id: r.status for r in vntimeline.resolve(timeline)}
        assert statuses["library-closes"] == "conflict"
        assert statuses["reopening"] == "bounded"

    def test_the_browser_check_says_how_to_install_a_missing_chromium(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        check = load_script(DOCS / "browser_check.py")
        code = check.main([str(tmp_path), "--chromium", str(tmp_path / "no-chromium")])
        assert code == 2
        assert "apt-get install -y chromium" in capsys.readouterr().err

    def test_the_browser_check_asks_for_a_build_first(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        check = load_script(DOCS / "browser_check.py")
        fake = tmp_path / "chromium"
        fake.write_text("#!/bin/sh\n", encoding="utf-8")
        fake.chmod(0o755)
        code = check.main([str(tmp_path), "--chromium", str(fake)])
        assert code == 2
        assert "run 'make docs' first" in capsys.readouterr().err
