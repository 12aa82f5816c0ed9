"""Where the Sphinx directives get their data: which file, loaded and resolved once.

Every directive names a data file (its ``:data:`` option, else the project's
``vntimeline_data`` setting, else the bundled dataset), registers it as a
dependency of the page, so that editing it rebuilds the page, and reads the
resolved timeline from a per-process cache keyed by the file's path, size and
modification time. Nothing is kept in the Sphinx environment but the
dependency itself, which is what makes the extension parallel-safe: each
worker process fills its own cache.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Final

from .._load.loader import default_data_path, load
from .._locale import LANGUAGES, check_lang
from .._model.events import suggest
from .._resolve.resolver import resolve
from ..errors import DataError, VntimelineError

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .._model.resolved import ResolvedTimeline

__all__ = [
    "DataFileError",
    "configured_data_path",
    "lang_choice",
    "page_lang",
    "parse_list",
    "resolved_timeline",
]

#: Attribute of the build environment holding the configured default data file.
_DEFAULT_ATTR: Final = "vntimeline_default_data"

_cache: dict[tuple[str, int, int], ResolvedTimeline] = {}


class DataFileError(VntimelineError, ValueError):
    """A directive's data file is missing or broken; the message says which and why."""


def remember_default_path(app: Sphinx) -> None:
    """Store the absolute default data file on the environment (``builder-inited``).

    ``vntimeline_data`` is relative to the configuration directory, which the
    directives cannot see; resolving it once here keeps the config value itself
    unchanged (changing it would make Sphinx think the configuration changed).
    """
    setattr(
        app.env,
        _DEFAULT_ATTR,
        os.fspath(configured_data_path(app.config.vntimeline_data, Path(app.confdir))),
    )


def configured_data_path(value: str | os.PathLike[str] | None, confdir: Path) -> Path:
    """The data file a ``vntimeline_data`` setting names: relative to *confdir*, or bundled."""
    if value is None or os.fspath(value) == "":
        return default_data_path()
    return (confdir / value).resolve()


def default_path(env: BuildEnvironment) -> Path:
    """The project's default data file (the bundled one if nothing was configured)."""
    stored = getattr(env, _DEFAULT_ATTR, None)
    if stored is None:
        # builder-inited has not run (e.g. a directive used outside a build).
        return configured_data_path(env.config.vntimeline_data, Path(env.srcdir))
    return Path(stored)


def data_path(env: BuildEnvironment, option: str | None) -> Path:
    """The data file of a directive: its ``:data:`` option (relative to the page) or the default.

    As with Sphinx's own ``image`` directive, a path starting with ``/`` is
    relative to the source folder and any other path to the page's folder.
    """
    if option:
        return Path(env.relfn2path(option, env.docname)[1])
    return default_path(env)


def resolved_timeline(env: BuildEnvironment, option: str | None) -> ResolvedTimeline:
    """Load and resolve the directive's data file, noting it as a dependency of the page.

    Raises :class:`DataFileError` with every problem in the file when it is
    missing or invalid.
    """
    path = data_path(env, option)
    # Noted even when the file is broken, so that fixing it rebuilds the page.
    env.note_dependency(path)
    resolved = resolved_file(path)
    # Quotes are checked against the seed texts: they are inputs too.
    for seed in seed_files(path, resolved):
        env.note_dependency(seed)
    return resolved


def seed_files(path: Path, resolved: ResolvedTimeline) -> list[Path]:
    """The seed texts the data file's sources name, where the loader looks for them."""
    folders = (path.parent / "seeds", path.parent.parent / "seeds")
    found: list[Path] = []
    for source in resolved.timeline.sources:
        if source.seed is None:
            continue
        found.extend(folder / source.seed for folder in folders if (folder / source.seed).is_file())
    return found


def resolved_file(path: Path) -> ResolvedTimeline:
    """The resolved timeline of *path*, from the cache while the file is unchanged."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise DataFileError(f"cannot read the data file {path}: {exc.strerror or exc}") from None
    key = (os.fspath(path), stat.st_size, stat.st_mtime_ns)
    cached = _cache.get(key)
    if cached is not None:
        return cached
    try:
        resolved = resolve(load(path))
    except DataError as exc:
        raise DataFileError(f"the data file {path} has problems:\n{exc}") from None
    except VntimelineError as exc:
        raise DataFileError(f"cannot use the data file {path}: {exc}") from None
    # Keep only the newest version of each file: edits in a long-running
    # process (sphinx-autobuild) must not pile up old timelines.
    for old in [k for k in _cache if k[0] == key[0]]:
        del _cache[old]
    _cache[key] = resolved
    return resolved


def lang_choice(argument: str) -> str:
    """The ``:lang:`` option of a directive: ``en``, ``vi`` or ``nl``."""
    from docutils.parsers.rst import directives

    return str(directives.choice(argument, LANGUAGES))


def page_lang(env: BuildEnvironment, option: str | None) -> str:
    """A directive's language: its ``:lang:`` option, else the ``vntimeline_lang`` setting."""
    return check_lang(option or env.config.vntimeline_lang)


def parse_list(text: str | None) -> tuple[str, ...]:
    """Split an option such as ``policy, diplomacy`` (commas and/or spaces) into its items."""
    if text is None:
        return ()
    return tuple(item for item in text.replace(",", " ").split() if item)


def check_known(kind: str, wanted: tuple[str, ...], known: tuple[str, ...]) -> None:
    """Raise :class:`DataFileError` naming the first of *wanted* not in *known*."""
    for item in wanted:
        if item not in known:
            raise DataFileError(
                f"unknown {kind} {item!r}{suggest(item, known)}; "
                f"the data has: {', '.join(known) or 'none'}"
            )
