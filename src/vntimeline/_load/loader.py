"""Read ``events.yaml`` into a :class:`~vntimeline.Timeline`, or say exactly what is wrong.

The public entry points (:func:`load`, :func:`loads`, :func:`check`, ...)
and the walk that ties the stage together: bytes to text, text to nodes
(:mod:`.composer`), nodes to a Timeline (:mod:`.reader`), and every problem
met on the way, in file order, as ``FILE:LINE:COL: key.path: message``.

The cyclic garbage collector is paused while reading: the millions of small
objects a large file makes are freed by reference counting alone, and the
collector would only rescan them over and over.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

from .._gc import paused_gc
from .._model.checks import check_one_line
from .._model.events import Timeline
from ..errors import DataError, Problem
from .composer import MAX_DEPTH, Composer, TooDeepError, pyyaml
from .reader import Reader

__all__ = [
    "STRING_LABEL",
    "check",
    "default_data_path",
    "load",
    "load_default",
    "loads",
    "seed_folders",
]

#: The path problems in text given to :func:`loads` are reported at.
STRING_LABEL: Final = "<string>"


def default_data_path() -> Path:
    """The bundled ``events.yaml``: inside the installed package, else the checkout's."""
    import importlib.resources  # only here: ``import vntimeline`` stays light

    packaged = Path(str(importlib.resources.files("vntimeline"))) / "_data" / "events.yaml"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "data" / "events.yaml"


def load(
    path: str | os.PathLike[str],
    *,
    seeds_dir: str | os.PathLike[str] | None = None,
) -> Timeline:
    """Load and validate the data file at *path*.

    Quotes are checked against the seed files in *seeds_dir* (default: a
    ``seeds`` folder beside the file or beside its folder). The timeline's
    name is the file's ``name``, else the file's stem (``events``). Raises
    :class:`~vntimeline.errors.DataError` listing every problem found.
    """
    problems, timeline = _read(Path(path), None if seeds_dir is None else Path(seeds_dir))
    if problems or timeline is None:
        raise DataError(problems)
    return timeline


def loads(
    text: str,
    *,
    name: str | None = None,
    seeds_dir: str | os.PathLike[str] | None = None,
) -> Timeline:
    """Load and validate an events file given as YAML *text*.

    Problems are reported at ``<string>:LINE:COL``. The timeline's name is
    *name* if given, else the text's ``name``, else None. Quotes are checked
    against the seed files in *seeds_dir* only when it is given. Raises
    :class:`~vntimeline.errors.DataError` listing every problem found.
    """
    if not isinstance(text, str):
        raise TypeError(f"loads() takes YAML text (str), got {type(text).__name__}")
    if name is not None:
        check_one_line("name", name)
    folders = None if seeds_dir is None else [Path(seeds_dir)]

    def reader() -> Reader:
        return Reader(STRING_LABEL, folders, name=name)

    with paused_gc():
        problems, timeline = _walk(STRING_LABEL, text.removeprefix("\ufeff"), reader, stream=True)
    if problems or timeline is None:
        raise DataError(problems)
    return timeline


def load_default() -> Timeline:
    """Load the dataset bundled with vntimeline (Vietnam's AI policy timeline)."""
    return load(default_data_path())


def check(
    path: str | os.PathLike[str],
    *,
    seeds_dir: str | os.PathLike[str] | None = None,
) -> list[Problem]:
    """Every problem in the data file at *path*, in file order (empty when valid)."""
    return _read(Path(path), None if seeds_dir is None else Path(seeds_dir))[0]


def seed_folders(path: Path, seeds_dir: Path | None) -> list[Path]:
    """Where the seeds of the data file at *path* are looked for, in order."""
    if seeds_dir is not None:
        return [seeds_dir]
    return list(dict.fromkeys([path.parent / "seeds", path.parent.parent / "seeds"]))


def _read(path: Path, seeds_dir: Path | None) -> tuple[list[Problem], Timeline | None]:
    """Read a file into problems and, when there are none, a Timeline."""
    label = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [Problem(label, 1, 1, f"cannot read the file: {exc.strerror or exc}")], None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return [
            Problem(
                label,
                line,
                column,
                f"invalid UTF-8 (byte 0x{data[exc.start]:02x}); the file must be UTF-8 text",
            )
        ], None
    text = text.removeprefix("\ufeff")
    folders = seed_folders(path, seeds_dir)

    def reader() -> Reader:
        return Reader(label, folders, default_name=path.stem or None)

    with paused_gc():
        return _walk(label, text, reader, stream=True)


def _walk(
    label: str, text: str, make_reader: Callable[[], Reader], *, stream: bool
) -> tuple[list[Problem], Timeline | None]:
    """Compose and read *text*; with *stream*, the ``events`` items one at a time."""
    yaml, _ = pyyaml()
    try:
        composer = Composer(text, stream=stream)
        root = composer.root()
        if root is None:
            return [
                Problem(
                    label,
                    1,
                    1,
                    "the file is empty; expected a mapping with 'timezone', 'sources' and 'events'",
                )
            ], None
        reader = make_reader()
        timeline = reader.timeline(root)
        # The rest of the document: keys after the events, another document, or
        # an error the composer held back until the parser had read everything.
        composer.finish()
    except TooDeepError as exc:
        mark = exc.mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        return [
            Problem(
                label,
                line,
                column,
                f"the file nests more than {MAX_DEPTH} levels deep; an events file needs five",
            )
        ], None
    except yaml.reader.ReaderError as exc:
        line, column = _position(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return [
            Problem(
                label,
                line,
                column,
                f"character U+{code:04X} is not allowed in YAML ({exc.reason}); "
                'write it as an escape in a double-quoted string, e.g. "\\u0001"',
            )
        ], None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        what = " ".join(part for part in (exc.context, exc.problem) if part)
        return [Problem(label, line, column, f"YAML syntax error: {what}")], None
    except yaml.YAMLError as exc:
        return [Problem(label, 1, 1, f"YAML error: {exc}")], None
    if composer.extra:
        # Top-level keys came after the events list (a timezone, say), so the
        # events were read too early: read the file again as one tree.
        return _walk(label, text, make_reader, stream=False)
    problems = _with_refused(label, composer.refused, reader.problems)
    return problems, (timeline if not problems else None)


#: Refused constructs reported one by one; a bomb of thousands gets a count.
_MAX_REFUSED: Final = 20


def _with_refused(
    label: str, refused: list[tuple[Any, str]], problems: list[Problem]
) -> list[Problem]:
    """The reader's problems with the composer's refusals, in file order.

    A refused alias or tag was read as a null, so the reader may also have
    complained about a null at the same place: the refusal says it better.
    """
    marks = {(mark.line + 1, mark.column + 1) for mark, _message in refused}
    kept = [p for p in problems if (p.line, p.column) not in marks]
    shown = [Problem(label, m.line + 1, m.column + 1, text) for m, text in refused[:_MAX_REFUSED]]
    if len(refused) > _MAX_REFUSED:
        mark = refused[_MAX_REFUSED][0]
        more = len(refused) - _MAX_REFUSED
        shown.append(
            Problem(label, mark.line + 1, mark.column + 1, f"and {more} more aliases or tags")
        )
    return sorted(kept + shown, key=lambda p: (p.line, p.column))


def _position(text: str, offset: int) -> tuple[int, int]:
    """Line and column (from 1) of libyaml's reader *offset*, a byte offset in UTF-8."""
    before = text.encode("utf-8")[:offset].decode("utf-8", errors="ignore")
    return before.count("\n") + 1, len(before) - before.rfind("\n")
