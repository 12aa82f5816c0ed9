"""The ``html`` and ``extract`` commands: their options and what they run."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DateError

if TYPE_CHECKING:
    pass
from . import track
from .common import (
    EXIT_OK,
    UsageError,
    check_category,
    data_path,
    lang_option,
    resolved_timeline,
)


def html_options(sub: argparse.ArgumentParser) -> None:
    """Options of ``html``."""
    sub.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="FILE.html, or - for standard output"
    )
    sub.add_argument(
        "--category", action="append", metavar="C", help="only this category (repeat for several)"
    )
    sub.add_argument("--since", metavar="DATE", help="first date shown (EDTF, e.g. 2020)")
    sub.add_argument("--until", metavar="DATE", help="last date shown (EDTF, e.g. 2030)")
    sub.add_argument("--title", help="the page's title (default: the data's name)")
    lang_option(sub, "dates, statuses and labels")


def html(args: argparse.Namespace) -> int:
    from .._build import refuse_input_paths
    from .._export.html import to_html

    resolved = resolved_timeline(args)
    for category in args.category or ():
        check_category(resolved, category)
    if args.output != "-":
        refuse_input_paths(data_path(args), [args.output], timeline=resolved.timeline)
    try:
        page = to_html(
            resolved,
            lang=args.lang,
            categories=args.category,
            since=args.since,
            until=args.until,
            title=args.title,
        )
    except ValueError as exc:  # a bad --since/--until: usage
        raise UsageError(str(exc)) from None
    if args.output == "-":
        sys.stdout.buffer.write(page.encode("utf-8"))
        sys.stdout.flush()
    else:
        from .._atomic import atomic_write

        atomic_write(args.output, page)
    return EXIT_OK


def extract_options(sub: argparse.ArgumentParser) -> None:
    """Options of ``extract``."""
    sub.add_argument("path", metavar="FILE", nargs="?", type=Path, help="the article: UTF-8 text")
    sub.add_argument(
        "--published",
        metavar="DATE",
        help="the day the article appeared, such as 2025-09-19 or 2025-09-19T10:00+07:00",
    )
    sub.add_argument("--language", default="en", metavar="LANG", help="en (default), vi or nl")
    sub.add_argument(
        "--format",
        choices=("jsonl", "yaml"),
        default="jsonl",
        help="one JSON object per date expression (default), or claims to review as YAML",
    )
    track.add_options(sub)  # --events, --into, --source, --check


def extract_command(args: argparse.Namespace) -> int:
    from .._extract import extract
    from .._extract.article import read_article

    track.check_usage(args)
    if args.check is not None:
        return track.run_check(args)
    if args.path is None:
        raise UsageError("give the article FILE to read dates from")
    if not args.published:
        raise UsageError("--published DATE is required: the day the article appeared")
    text = read_article(args.path)
    if not text.strip():
        raise UsageError(f"{args.path} is empty: there is no text to read dates from")
    try:
        finds = extract(text, published=args.published, language=args.language)
    except DateError as exc:
        raise UsageError(f"--{exc}") from None  # "--published: ..."
    finds, timeline = track.track(args, text, finds)
    if args.into is not None and timeline is not None:
        return track.run_into(args, finds, timeline)
    if args.format == "yaml":
        track.print_review(args, finds, timeline)
        return EXIT_OK
    lines = (json.dumps(f.to_json(), ensure_ascii=False) + "\n" for f in finds)
    # Bytes, so that the text's own characters survive any terminal encoding.
    sys.stdout.flush()
    sys.stdout.buffer.write("".join(lines).encode("utf-8"))
    sys.stdout.buffer.flush()
    return EXIT_OK
