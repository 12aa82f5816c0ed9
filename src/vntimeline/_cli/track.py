"""The tracking options of ``extract``: ``--events``, ``--into``, ``--source``, ``--check``.

The command line of the tracking loop, kept apart from the other commands
(``vntimeline._cli``) so that the main command table stays short. Like them it only
parses, calls the stages and prints; the stages are imported when used.
Bad usage raises :class:`~vntimeline.errors.OptionError` (exit 2), a broken
data file :class:`~vntimeline.errors.DataError` (exit 1, ``FILE:LINE:COL``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .._load.loader import check, default_data_path, load, seed_folders
from ..errors import OptionError

if TYPE_CHECKING:
    from .._extract import Find
    from .._model.events import Timeline

__all__ = ["add_options", "check_usage", "print_review", "run_check", "run_into", "track"]

#: ``--check`` without a PATH: the bundled data file.
_BUNDLED = Path("<bundled>")


def add_options(sub: argparse.ArgumentParser) -> None:
    """Add the tracking options to the ``extract`` subcommand."""
    sub.add_argument(
        "--events",
        type=Path,
        metavar="PATH",
        help='match each date to an event of this data file ("event" in the JSON lines)',
    )
    sub.add_argument(
        "--into",
        type=Path,
        metavar="PATH",
        help="append the matched dates as claims of --source to this data file; print the diff",
    )
    sub.add_argument(
        "--source", metavar="ID", help="the article's source id in the data file (for --into, yaml)"
    )
    sub.add_argument(
        "--check",
        type=Path,
        nargs="?",
        const=_BUNDLED,
        metavar="PATH",
        help="list the dates of each seed of this data file (default: the bundled one) "
        "that no claim covers",
    )


def check_usage(args: argparse.Namespace) -> None:
    """Refuse combinations of the tracking options that cannot work (exit 2)."""
    if args.check is not None:
        given = [f"--{name}" for name in ("events", "into", "source") if getattr(args, name)]
        if args.path is not None:
            given.insert(0, "article FILE")
        if given:
            raise OptionError(
                f"--check reads the seeds of the data file, so it takes no {' or '.join(given)}"
            )
    if args.into is not None and not args.source:
        raise OptionError("--into needs --source ID: the id of the article's source in the file")
    if args.into is not None and args.events is not None and args.events != args.into:
        raise OptionError("--events and --into name different files: give --into alone")


def run_check(args: argparse.Namespace) -> int:
    """``extract --check PATH``: the seeds' dates that no claim covers."""
    from .._extract.check import audit

    path: Path = default_data_path() if args.check == _BUNDLED else args.check
    uncovered, notes = audit(load(path), seed_folders(path, None))
    for note in notes:
        print(f"vntimeline extract: {note}", file=sys.stderr)
    for item in uncovered:
        print(item)
    seeds = len({item.seed for item in uncovered})
    count = len(uncovered)
    print(
        f"{count} date expression{'s' if count != 1 else ''} not covered by any claim"
        + (f", in {seeds} seed{'s' if seeds != 1 else ''}" if count else ""),
        file=sys.stderr,
    )
    return 0


def track(
    args: argparse.Namespace, text: str, finds: Sequence[Find]
) -> tuple[tuple[Find, ...], Timeline | None]:
    """The finds matched to the events of ``--events`` (or ``--into``), and that timeline."""
    path: Path | None = args.into if args.into is not None else args.events
    if path is None:
        return tuple(finds), None
    from .._extract.match import match_finds

    timeline = load(path)
    if args.source and args.source not in {s.id for s in timeline.sources}:
        from .._model.checks import suggest

        known = [s.id for s in timeline.sources]
        raise OptionError(
            f"--source {args.source!r} is not a source of {path}"
            f"{suggest(args.source, known)}; it has: {', '.join(known) or 'none'}"
        )
    return match_finds(text, finds, timeline.events), timeline


def run_into(args: argparse.Namespace, finds: Sequence[Find], timeline: Timeline) -> int:
    """``extract FILE --into PATH --source ID``: append, print the diff and a summary."""
    from .._extract.into import append_claims

    path: Path = args.into
    result = append_claims(path, finds, timeline, args.source, check)
    for refused in result.refused:
        print(f"vntimeline extract: not added: {refused}", file=sys.stderr)
    sys.stdout.flush()
    sys.stdout.buffer.write(result.diff.encode("utf-8"))
    sys.stdout.buffer.flush()
    added = len(result.added)
    verb = "added" if added else "nothing to add:"
    print(
        f"{path}: {verb} {added} claim{'s' if added != 1 else ''} of {args.source} "
        f"({result.duplicates} already there, "
        f"{result.unmatched} matched no event)",
        file=sys.stderr,
    )
    return 0


def print_review(
    args: argparse.Namespace, finds: Sequence[Find], timeline: Timeline | None
) -> None:
    """``--format yaml``: the finds as claims to review, grouped by event."""
    from .._extract.claims import review_yaml

    title = f"claims proposed from {args.path} (published {args.published})"
    text = review_yaml(finds, timeline=timeline, source=args.source, title=title)
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()
