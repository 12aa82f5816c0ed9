"""The ``vntimeline`` command line: a thin layer over the public API.

Exit codes (see ``docs/reference/cli.rst``): 0 success, 1 bad data (or output
that could not be written), 2 bad usage. Data problems are printed as
``FILE:LINE:COL: message``, never as a traceback, and a failed command leaves
no partial output file behind.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, NoReturn, TextIO

from . import __version__
from ._load.loader import default_data_path, load
from .errors import DataError, OptionError, VntimelineError

if TYPE_CHECKING:
    from ._export.ical import FeedOptions
    from ._model.events import Timeline
    from ._model.resolved import ResolvedTimeline

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2


class UsageError(VntimelineError, ValueError):
    """The command line asked for something that cannot be done (exit code 2)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (the console script exits with it)."""
    parser = _parser()
    args = parser.parse_args(argv)
    command: Callable[[argparse.Namespace], int] = args.run
    try:
        return command(args)
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        _summary(len(exc.problems), sys.stderr)
        return EXIT_DATA
    except (UsageError, OptionError) as exc:
        print(f"vntimeline {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except VntimelineError as exc:
        print(f"vntimeline {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_DATA
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `vntimeline resolve | head`: the reader left; that is not our error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def _summary(count: int, stream: TextIO) -> None:
    print(f"{count} problem{'s' if count != 1 else ''} found", file=stream)


class _Parser(argparse.ArgumentParser):
    """argparse that exits with code 2 and a one-line hint on bad usage."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    """The command line: the global options, then each command with PATH and its own options."""
    parser = _Parser(
        prog="vntimeline",
        description="Track dated milestones that sources disagree on, resolve them "
        "openly, and publish a feed and charts.",
        epilog="PATH defaults to the bundled data file. Exit codes: 0 success, "
        "1 bad data, 2 bad usage.",
    )
    parser.add_argument("--version", action="version", version=f"vntimeline {__version__}")
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, parser_class=_Parser
    )
    for name, help_text, run, add_options in _COMMANDS:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument(
            "path",
            metavar="PATH",
            nargs="?",
            type=Path,
            help="the events.yaml file (default: the bundled dataset)",
        )
        sub.set_defaults(run=run)
        add_options(sub)
    return parser


def _no_options(sub: argparse.ArgumentParser) -> None:
    """Options of ``validate``: none."""


def _resolve_options(sub: argparse.ArgumentParser) -> None:
    """Options of ``resolve``."""
    sub.add_argument(
        "--format",
        choices=("table", "json", "csv"),
        default="table",
        help="a table for people (default), the JSON document, or CSV (one row per event)",
    )


def _ics_options(sub: argparse.ArgumentParser) -> None:
    """Options of ``ics``."""
    sub.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="the .ics file to write, or - for standard output",
    )
    sub.add_argument("--category", metavar="C", help="only events of this category")
    _feed_identity_options(sub)


def _feed_identity_options(sub: argparse.ArgumentParser) -> None:
    """``--name`` and ``--public-url``, the feed options of ``ics``, ``build`` and ``serve``."""
    sub.add_argument(
        "--name",
        dest="feed_name",
        metavar="NAME",
        help="the feeds' display name (default: the file's name)",
    )
    sub.add_argument(
        "--public-url",
        metavar="URL",
        help="the http(s) URL of the folder the feeds are published in (default: the file's url)",
    )


def _chart_options(sub: argparse.ArgumentParser) -> None:
    """Options of ``chart``."""
    sub.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="FILE.svg, FILE.png or FILE.pdf"
    )
    sub.add_argument(
        "--category",
        action="append",
        metavar="C",
        help="only this category (repeat for several lanes)",
    )
    sub.add_argument("--since", metavar="DATE", help="first date shown (EDTF, e.g. 2020)")
    sub.add_argument("--until", metavar="DATE", help="last date shown (EDTF, e.g. 2030)")
    sub.add_argument("--title", help="the chart's title")
    sub.add_argument(
        "--today", metavar="DATE", help="draw a 'today' line on this date (YYYY-MM-DD)"
    )
    sub.add_argument(
        "--height", type=float, metavar="INCHES", help="the chart's height (default: to fit)"
    )


def _build_options(sub: argparse.ArgumentParser) -> None:
    """Options of ``build``."""
    sub.add_argument(
        "-o",
        "--output",
        default="build",
        metavar="DIR",
        type=Path,
        help="the output folder (default: build)",
    )
    _feed_identity_options(sub)


def _serve_options(sub: argparse.ArgumentParser) -> None:
    """Options of ``serve``."""
    sub.add_argument("--host", default="127.0.0.1", help="address to listen on")
    sub.add_argument("--port", type=int, default=8000, help="port to listen on")
    _feed_identity_options(sub)


def _feed_options(args: argparse.Namespace, state: Path | None = None) -> FeedOptions:
    """The feed options of ``--name`` and ``--public-url``; bad values are usage errors."""
    from ._export.ical import FeedOptions
    from ._export.ical.options import CONTROL, is_folder_url

    name: str | None = args.feed_name
    if name is not None and (not name.strip() or "\n" in name or CONTROL.search(name)):
        raise UsageError(
            f"--name must be one line of text, not empty and without control characters, "
            f"got {name!r}"
        )
    url: str | None = args.public_url
    if url is not None and not is_folder_url(url):
        raise UsageError(
            "--public-url must be the http(s) URL of the folder the feeds are published in, "
            f"without spaces, quotes, angle brackets, '?' or '#' "
            f"(such as https://example.org/feeds/), got {url!r}"
        )
    return FeedOptions(name=name, public_url=url, state_file=state)


def _path(args: argparse.Namespace) -> Path:
    return args.path if args.path is not None else default_data_path()


def _load(args: argparse.Namespace) -> Timeline:
    return load(_path(args))


def _resolved(args: argparse.Namespace) -> ResolvedTimeline:
    from ._resolve.resolver import resolve

    return resolve(_load(args))


def _validate(args: argparse.Namespace) -> int:
    from ._load.loader import check

    path = _path(args)
    problems = check(path)
    for problem in problems:
        print(problem)
    if problems:
        # On stderr: standard output holds only FILE:LINE:COL lines, for tools.
        _summary(len(problems), sys.stderr)
        return EXIT_DATA
    timeline = load(path)
    events, sources = len(timeline.events), len(timeline.sources)
    print(
        f"{path}: OK ({events} event{'s' if events != 1 else ''}, "
        f"{sources} source{'s' if sources != 1 else ''})"
    )
    return EXIT_OK


def _resolve(args: argparse.Namespace) -> int:
    resolved = _resolved(args)
    if args.format == "json":
        sys.stdout.write(resolved.dumps() + "\n")
    elif args.format == "csv":
        # Bytes, so the CRLF line ends and UTF-8 survive any platform and locale.
        sys.stdout.flush()
        sys.stdout.buffer.write(resolved.to_csv().encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        from ._export.table import format_table

        width = shutil.get_terminal_size((80, 24)).columns
        sys.stdout.write(format_table(resolved, width=max(60, width)))
    return EXIT_OK


def _check_category(resolved: ResolvedTimeline, category: str) -> None:
    known = resolved.timeline.categories
    if category not in known:
        from ._model.events import suggest

        raise UsageError(
            f"unknown category {category!r}{suggest(category, known)}; "
            f"the data has: {', '.join(known)}"
        )


def _ics(args: argparse.Namespace) -> int:
    from ._export.ical import STATE_FILENAME, to_ical, write_ical

    to_stdout = args.output == "-"
    # Keep per-event SEQUENCE numbers beside the feed, so they rise when
    # an event changes between two exports to the same place.
    state = None if to_stdout else Path(args.output).resolve().parent / STATE_FILENAME
    options = _feed_options(args, state)
    resolved = _resolved(args)
    if args.category is not None:
        _check_category(resolved, args.category)
    if to_stdout:
        sys.stdout.buffer.write(to_ical(resolved, category=args.category, options=options))
        sys.stdout.flush()
    else:
        write_ical(resolved, args.output, category=args.category, options=options)
    return EXIT_OK


def _chart(args: argparse.Namespace) -> int:
    from ._export.chart.figure import save_chart

    suffix = Path(args.output).suffix.lower()
    if suffix not in (".svg", ".png", ".pdf"):
        raise UsageError(f"cannot tell the format of {args.output!r}: name it .svg, .png or .pdf")
    resolved = _resolved(args)
    for category in args.category or ():
        _check_category(resolved, category)
    try:
        save_chart(
            resolved,
            args.output,
            categories=args.category,
            since=args.since,
            until=args.until,
            title=args.title,
            today=args.today,
            height=args.height,
        )
    except ValueError as exc:  # a bad --since/--until/--today/--height value: usage
        raise UsageError(str(exc)) from None
    return EXIT_OK


def _build(args: argparse.Namespace) -> int:
    from ._build import build

    out: Path = args.output
    written = build(_path(args), out, options=_feed_options(args))
    for path in written:
        print(path)
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from ._serve import serve

    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port must be between 0 and 65535, got {args.port}")
    options = _feed_options(args)
    path = _path(args)
    load(path)  # refuse to start on a broken file: exit 1 with its problems
    serve(path, host=args.host, port=args.port, options=options)
    return EXIT_OK


#: A command's name, its help text, what runs it, and what adds its options.
_Command = tuple[
    str, str, Callable[[argparse.Namespace], int], Callable[[argparse.ArgumentParser], None]
]

#: The commands, in the order ``--help`` lists them.
_COMMANDS: Final[tuple[_Command, ...]] = (
    (
        "validate",
        "check a data file; print each problem as FILE:LINE:COL: message",
        _validate,
        _no_options,
    ),
    ("resolve", "print the decided date of every event", _resolve, _resolve_options),
    ("ics", "write the iCalendar feed", _ics, _ics_options),
    ("chart", "write the Gantt chart (SVG, PNG or PDF by extension)", _chart, _chart_options),
    (
        "build",
        "validate, resolve, and write feeds, charts and resolved.json",
        _build,
        _build_options,
    ),
    (
        "serve",
        "serve the feeds over HTTP, reloading when the file changes",
        _serve,
        _serve_options,
    ),
)


def run() -> NoReturn:
    """Entry point for ``python -m vntimeline``."""
    sys.exit(main())
