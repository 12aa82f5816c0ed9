"""The iCalendar feed: RFC 5545 that every client reads the same way."""

from .feed import FEED_BASENAME, STATE_FILENAME, FeedOptions, feed_filename, to_ical, write_ical

__all__ = [
    "FEED_BASENAME",
    "STATE_FILENAME",
    "FeedOptions",
    "feed_filename",
    "to_ical",
    "write_ical",
]
