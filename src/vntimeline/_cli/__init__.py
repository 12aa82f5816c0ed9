"""The ``vntimeline`` command line: a thin layer over the public API.

Exit codes (see ``docs/reference/cli.rst``): 0 success, 1 bad data (or output
that could not be written), 2 bad usage. Data problems are printed as
``FILE:LINE:COL: message``, never as a traceback, and a failed command leaves
no partial output file behind.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final, NoReturn

from .. import __version__
from ..errors import DataError, OptionError, VntimelineError
from .commands import (
    build_command,
    build_options,
    chart,
    chart_options,
    ics,
    ics_options,
    no_options,
    resolve_command,
    resolve_options,
    serve_command,
    serve_options,
    validate,
)
from .common import EXIT_DATA, EXIT_OK, EXIT_USAGE, UsageError, summary
from .extra import extract_command, extract_options, html, html_options


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
        summary(len(exc.problems), sys.stderr)
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
        if name != "extract":  # its positional is the article, added by its options
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


#: A command's name, its help text, what runs it, and what adds its options.
_Command = tuple[
    str, str, Callable[[argparse.Namespace], int], Callable[[argparse.ArgumentParser], None]
]


#: The commands, in the order ``--help`` lists them.
_COMMANDS: Final[tuple[_Command, ...]] = (
    (
        "validate",
        "check a data file; print each problem as FILE:LINE:COL: message",
        validate,
        no_options,
    ),
    ("resolve", "print the decided date of every event", resolve_command, resolve_options),
    ("ics", "write the iCalendar feed", ics, ics_options),
    ("chart", "write the Gantt chart (SVG, PNG or PDF by extension)", chart, chart_options),
    (
        "build",
        "validate, resolve, and write feeds, charts and resolved.json",
        build_command,
        build_options,
    ),
    (
        "serve",
        "serve the feeds over HTTP, reloading when the file changes",
        serve_command,
        serve_options,
    ),
    ("html", "write the interactive timeline: one self-contained HTML file", html, html_options),
    (
        "extract",
        "propose the date claims of an article: one JSON line per date expression",
        extract_command,
        extract_options,
    ),
)


def run() -> NoReturn:
    """Entry point for ``python -m vntimeline``."""
    sys.exit(main())
