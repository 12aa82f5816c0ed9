"""The iCalendar feed: RFC 5545 that every client reads the same way.

The modules, from the bottom up (each imports only those before it):
:mod:`.options` (FeedOptions, a feed's identity, and file names), :mod:`.state` (SEQUENCE and
LAST-MODIFIED between runs), :mod:`.description` (dates and descriptions in
words), :mod:`.placement` (where an event lands), :mod:`.zones` (VTIMEZONEs),
:mod:`.context` (what rendering looks up, worked out once), :mod:`.render`
(VEVENTs and whole feeds) and :mod:`.feed` (the entry points re-exported here).
``feed.render``, the server's way in, is not re-exported: here it would hide
the module :mod:`.render`.
"""

from .feed import to_ical, write_feeds, write_ical
from .options import FEED_BASENAME, FeedIdentity, FeedOptions, feed_filename
from .state import STATE_FILENAME, Revision, load_history

__all__ = [
    "FEED_BASENAME",
    "STATE_FILENAME",
    "FeedIdentity",
    "FeedOptions",
    "Revision",
    "feed_filename",
    "load_history",
    "to_ical",
    "write_feeds",
    "write_ical",
]
