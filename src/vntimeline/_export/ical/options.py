"""How a feed is titled, published and named: FeedOptions, checked on construction.

A feed's identity (:class:`FeedIdentity`) is the options' name, public URL
and UID domain where given, else the timeline's own: its display name, its
``url``, and a UID domain taken from the public URL's host or, failing that,
derived from the name (:func:`derived_domain`), so that two timelines with
different names never share a UID.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import re
import unicodedata
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

from ..._locale import LANGUAGES
from ..._model.events import SLUG, URL
from ...errors import ExportError, OptionError

if TYPE_CHECKING:
    from ..._model.events import Timeline

__all__ = [
    "CONTROL",
    "FEED_BASENAME",
    "PRODID",
    "FeedIdentity",
    "FeedOptions",
    "derived_domain",
    "feed_filename",
    "is_folder_url",
]

#: Feeds are named ``vntimeline.ics`` and ``vntimeline-<category>.ics``.
FEED_BASENAME: Final = "vntimeline"
#: The calendar's ``PRODID``: who wrote the feed.
PRODID: Final = "-//vntimeline//vntimeline feed//EN"
#: C0 controls other than tab and newline, DEL, and the C1 controls: no client
#: shows them and some parsers choke on them.
CONTROL: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

_HOST: Final = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?")
#: The reserved top-level domain (RFC 2606) of UID domains derived from a name:
#: it can never be a real host, so such a UID never collides with a real one.
DERIVED_SUFFIX: Final = "vntimeline.invalid"
_NOT_SLUG: Final = re.compile(r"[^a-z0-9]+")
_SLUG_LENGTH: Final = 40


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


def _optional_name_option(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Accept ``None`` or one line of text, as :func:`_name_option` does."""
    if value is not None:
        _name_option(inst, attribute, value)


def _optional_text_option(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Accept ``None`` or text, as :func:`_text_option` does."""
    if value is not None:
        _text_option(inst, attribute, value)


def _lang_option(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse a language the feed cannot be written in."""
    if not isinstance(value, str) or value not in LANGUAGES:
        raise OptionError(
            f"FeedOptions.{attribute.name}: unknown language {value!r}; "
            f"supported: {', '.join(LANGUAGES)}"
        )


def is_folder_url(value: object) -> bool:
    """Whether *value* can be the public URL of the feeds' folder.

    An http(s) URL with a host, and without a query, a fragment, spaces,
    quotes or angle brackets (a file name is appended to it).
    """
    return (
        isinstance(value, str)
        and URL.fullmatch(value) is not None
        and not any(char in value for char in '?#"<>')
        and bool(urllib.parse.urlsplit(value).hostname)
    )


def _folder(value: str) -> str:
    """*value* ending in a slash, so that a file name can be appended."""
    return value if value.endswith("/") else value + "/"


def _base_url(value: str | None) -> str | None:
    """Normalise the public base URL so that a file name can be appended."""
    if value is None:
        return None
    if not is_folder_url(value):
        raise OptionError(
            "FeedOptions.public_url must be the http(s) URL of the folder "
            f"holding the feeds, such as 'https://example.org/feeds/', got {value!r}"
        )
    return _folder(value)


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
    """Refuse what is not ``None`` or a host name."""
    if value is None:
        return
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
    #: `` — <category>``. ``None``: the timeline's :attr:`~vntimeline.Timeline.display_name`.
    name: str | None = attrs.field(default=None, validator=_optional_name_option)
    #: The first paragraph of the calendar's description; the rest is generated.
    description: str | None = attrs.field(default=None, validator=_optional_text_option)
    #: The URL of the folder the feeds are published in; enables ``SOURCE`` and ``URL``.
    #: ``None``: the timeline's :attr:`~vntimeline.Timeline.url`, if it has one.
    public_url: str | None = attrs.field(default=None, converter=_base_url)
    #: How often clients should fetch the feed (``REFRESH-INTERVAL``, ``X-PUBLISHED-TTL``).
    refresh: _dt.timedelta = attrs.field(default=_dt.timedelta(days=1), converter=_duration)
    #: The right-hand side of every UID: ``<event id>@<uid_domain>``. ``None``: the
    #: public URL's host, else :func:`derived_domain` of the feed's name.
    uid_domain: str | None = attrs.field(default=None, validator=_uid_domain)
    #: Whether :func:`write_ical` keeps a state file to raise SEQUENCE on change.
    track_changes: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    #: Where the state file is; ``None`` means :data:`STATE_FILENAME` beside the feed.
    state_file: Path | None = attrs.field(default=None, converter=_optional_path)
    #: The language of the descriptions and summary words: ``"en"``, ``"vi"`` or ``"nl"``.
    lang: str = attrs.field(default="en", validator=_lang_option)

    def feed_url(self, category: str | None = None) -> str | None:
        """The URL of the feed for *category* (``None``: the combined feed) under the options' URL.

        ``None`` when these options give no public URL (the timeline's own URL
        is in :meth:`identity`).
        """
        if self.public_url is None:
            return None
        return self.public_url + feed_filename(category)

    def identity(self, timeline: Timeline) -> FeedIdentity:
        """The name, public URL and UID domain of *timeline*'s feeds under these options."""
        name = self.name if self.name is not None else timeline.display_name
        public_url = self.public_url
        if public_url is None and timeline.url is not None:
            if not is_folder_url(timeline.url):
                raise ExportError(
                    f"the timeline's url {timeline.url!r} cannot be the feeds' folder: a "
                    "feed's URL is it and the file name, so it cannot hold '?' or '#'; "
                    "give the feeds' public URL in the options (--public-url) instead"
                )
            public_url = _folder(timeline.url)
        domain = self.uid_domain or _host(public_url) or derived_domain(name)
        return FeedIdentity(name, public_url, domain)


@attrs.frozen
class FeedIdentity:
    """Who a timeline's feeds say they are: see :meth:`FeedOptions.identity`."""

    #: The combined feed's display name.
    name: str
    #: The URL of the folder the feeds are published in, ending in a slash.
    public_url: str | None
    #: The right-hand side of every UID.
    uid_domain: str

    def feed_name(self, category: str | None = None) -> str:
        """The display name of the feed for *category*: ``<name> — <category>``."""
        return self.name if category is None else f"{self.name} — {category}"

    def feed_url(self, category: str | None = None) -> str | None:
        """The public URL of the feed for *category* (``None``: the combined feed)."""
        if self.public_url is None:
            return None
        return self.public_url + feed_filename(category)

    def uid(self, event_id: str) -> str:
        """The UID of the event *event_id*: ``<event id>@<uid domain>``."""
        return f"{event_id}@{self.uid_domain}"


def _host(url: str | None) -> str | None:
    """The host name of *url*, if it has one fit for a UID (an IPv6 literal is not)."""
    if url is None:
        return None
    host = (urllib.parse.urlsplit(url).hostname or "").rstrip(".")
    return host if _HOST.fullmatch(host) else None


def derived_domain(name: str) -> str:
    """The UID domain of a feed named *name* that has no public URL.

    ``<slug of name>-<first 8 hex digits of the SHA-256 of name>.vntimeline.invalid``:
    readable, different for different names, and under a reserved top-level
    domain, so never a real host's.
    """
    folded = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    ascii_name = folded.encode("ascii", "ignore").decode("ascii").lower()
    slug = _NOT_SLUG.sub("-", ascii_name).strip("-")[:_SLUG_LENGTH].rstrip("-") or "timeline"
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}.{DERIVED_SUFFIX}"


def feed_filename(category: str | None) -> str:
    """The file name of a feed: ``vntimeline.ics`` or ``vntimeline-<category>.ics``."""
    if category is None:
        return f"{FEED_BASENAME}.ics"
    if not isinstance(category, str) or SLUG.fullmatch(category) is None:
        raise OptionError(f"a category is a lowercase slug such as 'policy', got {category!r}")
    return f"{FEED_BASENAME}-{category}.ics"
