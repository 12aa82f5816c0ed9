"""Fixtures shared by the whole suite: data files on disk, the real command line, Sphinx builds."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import pytest
import yaml

import vntimeline

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp

#: The small, valid events file (with its seed) that many tests start from.
EXAMPLE = Path(__file__).parent / "data" / "valid.yaml"
EXAMPLE_SEEDS = Path(__file__).parent / "data" / "seeds"


class WriteYaml(Protocol):
    """The type of the ``write_yaml`` fixture."""

    def __call__(
        self,
        content: str | bytes | Mapping[str, Any] | list[Any],
        *,
        name: str = ...,
        seeds: Mapping[str, str] | None = ...,
    ) -> Path: ...


@pytest.fixture
def write_yaml(tmp_path: Path) -> WriteYaml:
    """A factory that writes a data file into ``tmp_path``, with a ``seeds/`` folder beside it.

    *content* is YAML text (dedented, and one leading newline dropped, so that
    line 1 of the file is the first line of the string's content), raw bytes
    (written as they are), or a dict/list (written with ``yaml.safe_dump``).
    *seeds* maps seed file names to their text.
    """

    def write(
        content: str | bytes | Mapping[str, Any] | list[Any],
        *,
        name: str = "events.yaml",
        seeds: Mapping[str, str] | None = None,
    ) -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(textwrap.dedent(content).removeprefix("\n"), encoding="utf-8")
        else:
            text = yaml.safe_dump(content, allow_unicode=True, sort_keys=False)
            path.write_text(text, encoding="utf-8")
        folder = tmp_path / "seeds"
        folder.mkdir(exist_ok=True)
        for seed_name, seed_text in (seeds or {}).items():
            (folder / seed_name).write_text(seed_text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def example_file(tmp_path: Path) -> Path:
    """A copy of ``tests/data/valid.yaml`` (and its seeds) in ``tmp_path``."""
    shutil.copytree(EXAMPLE_SEEDS, tmp_path / "seeds", dirs_exist_ok=True)
    return Path(shutil.copy(EXAMPLE, tmp_path / "events.yaml"))


def cli_env() -> dict[str, str]:
    """The environment for a child ``python -m vntimeline``: this very copy of the package."""
    env = dict(os.environ)
    package_parent = str(Path(vntimeline.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_parent, env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("SOURCE_DATE_EPOCH", None)
    return env


RunCli = Callable[..., "subprocess.CompletedProcess[str]"]


def vntimeline_cli(
    *args: str | os.PathLike[str], cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m vntimeline ARGS...`` as a user would; the completed process."""
    return subprocess.run(
        [sys.executable, "-m", "vntimeline", *map(str, args)],
        cwd=cwd,
        env=cli_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


@pytest.fixture
def run_cli(tmp_path: Path) -> RunCli:
    """Run ``python -m vntimeline ARGS...`` in ``tmp_path``; returns the completed process."""

    def run(
        *args: str | os.PathLike[str], cwd: Path | None = None
    ) -> subprocess.CompletedProcess[str]:
        return vntimeline_cli(*args, cwd=cwd or tmp_path)

    return run


#: Two events in two categories: the data the feed server tests serve.
SERVE_DATA = """\
timezone: Asia/Ho_Chi_Minh
sources:
  vir:
    title: Vietnam attends China-ASEAN ministerial roundtable on AI
    publisher: Vietnam Investment Review
    url: https://vir.com.vn/roundtable.html
    published: 2025-09-19T10:00+07:00
events:
  - id: nanning-roundtable
    title: ASEAN–China ministerial roundtable on AI
    category: diplomacy
    claims:
      - source: vir
        start: 2025-09-18
        quote: held on September 18 in Nanning
  - id: strategy
    title: Chiến lược quốc gia về trí tuệ nhân tạo
    category: policy
    claims:
      - source: vir
        start: 2021-01-26
"""


@pytest.fixture
def serve_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``SERVE_DATA`` in ``tmp_path/events.yaml``, with ``SOURCE_DATE_EPOCH`` unset."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    path = tmp_path / "events.yaml"
    path.write_text(SERVE_DATA, encoding="utf-8")
    return path


def edit_file(path: Path, old: str, new: str) -> None:
    """Replace *old* (which must be there) by *new* in the text file *path*."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


# -- the loader's tests (tests/load/) ------------------------------------------------

#: Two sources (one with a seed) and an event citing each: the smallest file
#: that exercises references and quotes. Line numbers in the loader's tests
#: count from 1 here.
BASE = """\
timezone: Asia/Ho_Chi_Minh
sources:
  vir:
    title: Vietnam attends roundtable
    publisher: Vietnam Investment Review
    seed: vir.txt
  gov:
    title: Decision 127
    publisher: Government
events:
  - id: nanning-roundtable
    title: Roundtable
    claims:
      - source: vir
        start: 2025-09-18
        quote: held on September 18 in Nanning
  - id: strategy
    title: Strategy
    kind: span
    claims:
      - source: gov
        start: 2021
        end: 2030
"""
#: The seed that BASE's first claim quotes.
SEEDS = {"vir.txt": "The roundtable was held on\nSeptember 18   in Nanning, China.\n"}


def one(path: Path) -> vntimeline.Problem:
    """The single problem check() finds in *path* (failing if there are more or none)."""
    problems = vntimeline.check(path)
    assert len(problems) == 1, "\n".join(map(str, problems))
    assert problems[0].path == str(path)
    return problems[0]


def at(problem: vntimeline.Problem) -> tuple[int, int]:
    """Where *problem* is: its line and column."""
    return problem.line, problem.column


#: The small Sphinx project (a conf.py, a six-event data file and three pages).
SPHINX_ROOT = Path(__file__).parent / "sphinx" / "root"

#: Pages added to the shared Sphinx build: filters, a selection without
#: disputes, and one page of mistakes, each reported on its own line.
EXTRA_PAGES = {
    "filters": (
        ".. vntimeline-events::\n   :status: conflict, bounded\n   :sort: file\n\n"
        ".. vntimeline-events::\n   :events: expo law-passed\n"
    ),
    "calm": ".. vntimeline-conflicts::\n   :categories: policy\n",
    "languages": (
        ".. vntimeline-events::\n   :lang: vi\n\n"
        ".. vntimeline-conflicts::\n   :lang: nl\n\n"
        ".. vntimeline-chart::\n   :lang: vi\n"
    ),
    "mistakes": (
        ".. vntimeline-chart::\n   :categories: diplomcy\n\n"
        ".. vntimeline-chart::\n   :since: 2024-13\n\n"
        ".. vntimeline-events::\n   :events: summti\n\n"
        ".. vntimeline-conflicts::\n   :status: agreed\n\n"
        "See :vntimeline-webcal:`polcy`.\n"
    ),
}

#: The type of the ``sphinx_build`` fixture.
SphinxBuild = Callable[..., "SphinxTestApp"]


def add_page(project: Path, name: str, text: str) -> None:
    """Add a page to a Sphinx project (listed in no toctree, so marked orphan)."""
    (project / f"{name}.rst").write_text(f":orphan:\n\n{text}", encoding="utf-8")


def warnings_of(app: SphinxTestApp) -> str:
    """Everything a Sphinx build reported as a warning or an error."""
    return app.warning.getvalue()


@pytest.fixture
def sphinx_project(tmp_path: Path) -> Path:
    """A fresh copy of the Sphinx test project."""
    source = tmp_path / "project"
    shutil.copytree(SPHINX_ROOT, source, ignore=shutil.ignore_patterns("_build"))
    return source


@pytest.fixture
def sphinx_build(sphinx_project: Path) -> Iterator[SphinxBuild]:
    """Build the Sphinx test project as HTML; return the app.

    Keyword arguments go to SphinxTestApp; ``read`` collects the pages read.
    """
    from sphinx.testing.util import SphinxTestApp

    apps: list[SphinxTestApp] = []

    def run(*, read: list[str] | None = None, **kwargs: Any) -> SphinxTestApp:
        kwargs.setdefault("status", io.StringIO())
        kwargs.setdefault("warning", io.StringIO())
        app = SphinxTestApp("html", srcdir=sphinx_project, **kwargs)
        apps.append(app)
        if read is not None:  # record the names of the pages Sphinx reads
            app.connect("env-before-read-docs", lambda _app, _env, names: read.extend(names))
        app.build()
        return app

    yield run
    for app in reversed(apps):
        app.cleanup()


@pytest.fixture(scope="session")
def sphinx_built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SphinxTestApp]:
    """The Sphinx test project and EXTRA_PAGES, built once for the tests that only look."""
    from sphinx.testing.util import SphinxTestApp

    source = tmp_path_factory.mktemp("shared") / "project"
    shutil.copytree(SPHINX_ROOT, source, ignore=shutil.ignore_patterns("_build"))
    for name, text in EXTRA_PAGES.items():
        add_page(source, name, text)
    app = SphinxTestApp("html", srcdir=source, status=io.StringIO(), warning=io.StringIO())
    app.build()
    yield app
    app.cleanup()


@pytest.fixture(autouse=True)
def _no_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests that need SOURCE_DATE_EPOCH set it themselves; the caller's must not leak in."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
