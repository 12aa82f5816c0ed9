"""How a feed is titled, published and named: FeedOptions, checked on construction."""

from __future__ import annotations

import datetime as _dt
import os
import re
from pathlib import Path
from typing import Any, Final

import attrs

from ..._model.events import SLUG, URL
from ...errors import OptionError

__all__ = ["CONTROL", "FEED_BASENAME", "PRODID", "FeedOptions", "feed_filename"]

#: Feeds are named ``vntimeline.ics`` and ``vntimeline-<category>.ics``.
FEED_BASENAME: Final = "vntimeline"
#: The calendar's ``PRODID``: who wrote the feed.
PRODID: Final = "-//vntimeline//vntimeline feed//EN"
#: C0 controls other than tab and newline, DEL, and the C1 controls: no client
#: shows them and some parsers choke on them.
CONTROL: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

_HOST: Final = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?")


def _text_option(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse what is not non-empty text free of control characters."""
    if not isinstance(value, str) or not value.strip() or CONTROL.search(value):
        raise OptionError(
            f"FeedOptions.{attribute.name} must be non-empty text without "
            f"control characters, got {value!r}"
        )


def _name_option(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse what is not one line of text."""
    _text_option(inst, attribute, value)
    if isinstance(value, str) and "\n" in value:
        raise OptionError(f"FeedOptions.{attribute.name} must be one line, got {value!r}")


def _optional_text_option(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Accept ``None`` or text, as :func:`_text_option` does."""
    if value is not None:
        _text_option(inst, attribute, value)


def _base_url(value: str | None) -> str | None:
    """Normalise the public base URL so that a file name can be appended."""
    if value is None:
        return None
    if (
        not isinstance(value, str)
        or URL.fullmatch(value) is None
        or any(char in value for char in '?#"<>')
    ):
        raise OptionError(
            "FeedOptions.public_url must be the http(s) URL of the folder "
            f"holding the feeds, such as 'https://example.org/feeds/', got {value!r}"
        )
    return value if value.endswith("/") else value + "/"


def _duration(value: object) -> _dt.timedelta:
    """Accept a timedelta (pendulum's Duration is one) as a plain whole-second timedelta."""
    if not isinstance(value, _dt.timedelta):
        raise OptionError(
            f"FeedOptions.refresh must be a timedelta or pendulum.Duration, got {value!r}"
        )
    seconds = round(value.total_seconds())
    if seconds < 60:
        raise OptionError(f"FeedOptions.refresh must be at least one minute, got {value}")
    return _dt.timedelta(seconds=seconds)


def _optional_path(value: str | os.PathLike[str] | None) -> Path | None:
    """A path as a :class:`~pathlib.Path`, ``None`` kept."""
    return None if value is None else Path(value)


def _uid_domain(_inst: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse what is not a host name."""
    if not isinstance(value, str) or _HOST.fullmatch(value) is None:
        raise OptionError(
            "FeedOptions.uid_domain must be a host name such as "
            f"'vntimeline.example.org', got {value!r}"
        )


@attrs.frozen
class FeedOptions:
    """How feeds are titled, where they are published, and how often clients refresh.

    Every option is checked on construction; a bad one raises
    :class:`~vntimeline.errors.OptionError` saying what was expected.
    """

    #: The calendar's display name (``NAME``/``X-WR-CALNAME``); category feeds add
    #: `` — <category>``.
    name: str = attrs.field(default="Vietnam AI policy timeline", validator=_name_option)
    #: The first paragraph of the calendar's description; the rest is generated.
    description: str | None = attrs.field(default=None, validator=_optional_text_option)
    #: The URL of the folder the feeds are published in; enables ``SOURCE`` and ``URL``.
    public_url: str | None = attrs.field(default=None, converter=_base_url)
    #: How often clients should fetch the feed (``REFRESH-INTERVAL``, ``X-PUBLISHED-TTL``).
    refresh: _dt.timedelta = attrs.field(default=_dt.timedelta(days=1), converter=_duration)
    #: The right-hand side of every UID: ``<event id>@<uid_domain>``.
    uid_domain: str = attrs.field(default=FEED_BASENAME, validator=_uid_domain)
    #: Whether :func:`write_ical` keeps a state file to raise SEQUENCE on change.
    track_changes: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    #: Where the state file is; ``None`` means :data:`STATE_FILENAME` beside the feed.
    state_file: Path | None = attrs.field(default=None, converter=_optional_path)

    def feed_url(self, category: str | None = None) -> str | None:
        """The public URL of the feed for *category* (``None``: the combined feed)."""
        if self.public_url is None:
            return None
        return self.public_url + feed_filename(category)


def feed_filename(category: str | None) -> str:
    """The file name of a feed: ``vntimeline.ics`` or ``vntimeline-<category>.ics``."""
    if category is None:
        return f"{FEED_BASENAME}.ics"
    if not isinstance(category, str) or SLUG.fullmatch(category) is None:
        raise OptionError(f"a category is a lowercase slug such as 'policy', got {category!r}")
    return f"{FEED_BASENAME}-{category}.ics"
