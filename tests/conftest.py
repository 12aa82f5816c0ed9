"""Fixtures shared by the whole suite: data files on disk and the real command line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol

import pytest
import yaml

import vntimeline

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


@pytest.fixture
def run_cli(tmp_path: Path) -> RunCli:
    """Run ``python -m vntimeline ARGS...`` in ``tmp_path``; returns the completed process."""

    def run(
        *args: str | os.PathLike[str], cwd: Path | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "vntimeline", *map(str, args)],
            cwd=cwd or tmp_path,
            env=cli_env(),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )

    return run
