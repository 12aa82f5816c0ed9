"""The commands that check, resolve and publish a data file: their options and what they run."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .._load.loader import load

if TYPE_CHECKING:
    pass
from .common import (
    EXIT_DATA,
    EXIT_OK,
    UsageError,
    check_category,
    data_path,
    feed_identity_options,
    feed_options,
    lang_option,
    resolved_timeline,
    summary,
)


def no_options(sub: argparse.ArgumentParser) -> None:
    """Options of ``validate``: none."""


def resolve_options(sub: argparse.ArgumentParser) -> None:
    """Options of ``resolve``."""
    sub.add_argument(
        "--format",
        choices=("table", "json", "csv", "timelinejs"),
        default="table",
        help="a table for people (default), the JSON document, CSV (one row per event), "
        "or TimelineJS3 JSON",
    )
    lang_option(sub, "the table's words")


def ics_options(sub: argparse.ArgumentParser) -> None:
    """Options of ``ics``."""
    sub.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="the .ics file to write, or - for standard output",
    )
    sub.add_argument("--category", metavar="C", help="only events of this category")
    feed_identity_options(sub)
    lang_option(sub, "the descriptions' and summaries' words")


def chart_options(sub: argparse.ArgumentParser) -> None:
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
    lang_option(sub, "month names, the legend and the footnote")


def build_options(sub: argparse.ArgumentParser) -> None:
    """Options of ``build``."""
    sub.add_argument(
        "-o",
        "--output",
        default="build",
        metavar="DIR",
        type=Path,
        help="the output folder (default: build)",
    )
    feed_identity_options(sub)
    lang_option(sub, "the feeds' and charts' words")


def serve_options(sub: argparse.ArgumentParser) -> None:
    """Options of ``serve``."""
    sub.add_argument("--host", default="127.0.0.1", help="address to listen on")
    sub.add_argument("--port", type=int, default=8000, help="port to listen on")
    feed_identity_options(sub)


def validate(args: argparse.Namespace) -> int:
    from .._load.loader import check

    path = data_path(args)
    problems = check(path)
    for problem in problems:
        print(problem)
    if problems:
        # On stderr: standard output holds only FILE:LINE:COL lines, for tools.
        summary(len(problems), sys.stderr)
        return EXIT_DATA
    timeline = load(path)
    events, sources = len(timeline.events), len(timeline.sources)
    print(
        f"{path}: OK ({events} event{'s' if events != 1 else ''}, "
        f"{sources} source{'s' if sources != 1 else ''})"
    )
    return EXIT_OK


def resolve_command(args: argparse.Namespace) -> int:
    resolved = resolved_timeline(args)
    if args.format == "json":
        sys.stdout.write(resolved.dumps() + "\n")
    elif args.format == "timelinejs":
        from .._export.timelinejs import dumps_timelinejs

        sys.stdout.write(dumps_timelinejs(resolved, lang=args.lang))
    elif args.format == "csv":
        # Bytes, so the CRLF line ends and UTF-8 survive any platform and locale.
        sys.stdout.flush()
        sys.stdout.buffer.write(resolved.to_csv().encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        from .._export.table import format_table

        width = shutil.get_terminal_size((80, 24)).columns
        sys.stdout.write(format_table(resolved, width=max(60, width), lang=args.lang))
    return EXIT_OK


def ics(args: argparse.Namespace) -> int:
    from .._build import refuse_input_paths
    from .._export.ical import STATE_FILENAME, to_ical, write_feeds
    from .._export.ical.state import feed_state_path, read_history, state_is_writable

    to_stdout = args.output == "-"
    # SEQUENCE numbers continue the data file's history (beside it, else beside the feed).
    state = feed_state_path(data_path(args))
    beside = Path(args.output).resolve().parent / STATE_FILENAME
    target = state if to_stdout or state_is_writable(state) else beside
    options = feed_options(args, target)
    resolved = resolved_timeline(args)
    if args.category is not None:
        check_category(resolved, args.category)
    if to_stdout:
        sys.stdout.buffer.write(to_ical(resolved, category=args.category, options=options))
        sys.stdout.flush()
        return EXIT_OK
    refuse_input_paths(data_path(args), [args.output], timeline=resolved.timeline)
    history = read_history([state, beside])
    output = {args.category: Path(args.output)}
    write_feeds(resolved, output, options=options, state=target, history=history)
    return EXIT_OK


def chart(args: argparse.Namespace) -> int:
    from .._build import refuse_input_paths
    from .._export.chart.figure import save_chart

    suffix = Path(args.output).suffix.lower()
    if suffix not in (".svg", ".png", ".pdf"):
        raise UsageError(f"cannot tell the format of {args.output!r}: name it .svg, .png or .pdf")
    resolved = resolved_timeline(args)
    for category in args.category or ():
        check_category(resolved, category)
    refuse_input_paths(data_path(args), [args.output], timeline=resolved.timeline)
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
            lang=args.lang,
        )
    except ValueError as exc:  # a bad --since/--until/--today/--height value: usage
        raise UsageError(str(exc)) from None
    return EXIT_OK


def build_command(args: argparse.Namespace) -> int:
    from .._build import build

    out: Path = args.output
    written = build(data_path(args), out, options=feed_options(args))
    for path in written:
        print(path)
    return EXIT_OK


def serve_command(args: argparse.Namespace) -> int:
    from .._serve import serve

    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port must be between 0 and 65535, got {args.port}")
    options = feed_options(args)
    path = data_path(args)
    load(path)  # refuse to start on a broken file: exit 1 with its problems
    serve(path, host=args.host, port=args.port, options=options)
    return EXIT_OK
