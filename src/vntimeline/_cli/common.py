"""What every command shares: exit codes, usage errors, the data file, feed options."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .._load.loader import default_data_path, load
from ..errors import VntimelineError

if TYPE_CHECKING:
    from .._export.ical import FeedOptions
    from .._model.events import Timeline
    from .._model.resolved import ResolvedTimeline


#: Exit codes (see ``docs/reference/cli.rst``).
EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2


class UsageError(VntimelineError, ValueError):
    """The command line asked for something that cannot be done (exit code 2)."""


def summary(count: int, stream: TextIO) -> None:
    print(f"{count} problem{'s' if count != 1 else ''} found", file=stream)


def lang_option(sub: argparse.ArgumentParser, what: str) -> None:
    """``--lang en|vi|nl``: the language of *what*; another value exits 2 naming these."""
    from .._locale import LANGUAGES

    sub.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=LANGUAGES[0],
        help=f"the language of {what}: {', '.join(LANGUAGES)} (default: {LANGUAGES[0]})",
    )


def feed_identity_options(sub: argparse.ArgumentParser) -> None:
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


def feed_options(args: argparse.Namespace, state: Path | None = None) -> FeedOptions:
    """The feed options of ``--name`` and ``--public-url``; bad values are usage errors."""
    from .._export.ical import FeedOptions
    from .._export.ical.options import CONTROL, is_folder_url

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
    lang: str = getattr(args, "lang", "en")  # serve has no --lang
    return FeedOptions(name=name, public_url=url, state_file=state, lang=lang)


def data_path(args: argparse.Namespace) -> Path:
    return args.path if args.path is not None else default_data_path()


def load_timeline(args: argparse.Namespace) -> Timeline:
    return load(data_path(args))


def resolved_timeline(args: argparse.Namespace) -> ResolvedTimeline:
    from .._resolve.resolver import resolve

    return resolve(load_timeline(args))


def check_category(resolved: ResolvedTimeline, category: str) -> None:
    known = resolved.timeline.categories
    if category not in known:
        from .._model.events import suggest

        raise UsageError(
            f"unknown category {category!r}{suggest(category, known)}; "
            f"the data has: {', '.join(known)}"
        )
