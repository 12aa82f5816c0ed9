"""What the feed remembers between runs, so SEQUENCE and LAST-MODIFIED only go up.

SEQUENCE and LAST-MODIFIED
--------------------------
Clients use ``SEQUENCE`` (then ``LAST-MODIFIED``) to tell a newer copy of an
event from an older one, so both must only ever go up. No function of the
current data alone can promise that (an edit can be reverted), so the feed
keeps a small *state file*, ``.vntimeline-feed-state.json``, which records
for each UID a SHA-256 of the event as rendered (every property except
``DTSTAMP``, ``SEQUENCE`` and ``LAST-MODIFIED``), its sequence and its
last-modified time:

* an event seen for the first time gets ``SEQUENCE:0`` and, as
  ``LAST-MODIFIED``, the newest publication date among its sources (else the
  data's newest), the same values a feed written without state gets;
* an unchanged event keeps both, so rerunning gives identical bytes;
* a changed event (its dates, title, sources, quotes, explanation…) gets
  ``SEQUENCE`` + 1 and ``LAST-MODIFIED`` = the later of ``DTSTAMP`` and one
  second after the previous value.

:func:`~vntimeline.write_ical` keeps the state file beside the feed (or where
:attr:`FeedOptions.state_file` says) and rewrites it, atomically, only after
the feed itself was written; the combined and per-category feeds share it,
and since an event renders the same in every feed, it gets the same sequence
in each. :func:`~vntimeline.to_ical` only reads a state file named in the
options. Without state, ``SEQUENCE`` stays 0 and ``LAST-MODIFIED`` moves only
when a newer source arrives; to keep sequences across fresh checkouts (CI),
keep the state file with the published feeds (see
``docs/explanation/feeds.rst``).
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Final

import attrs

from ...errors import ExportError

__all__ = ["STATE_FILENAME", "Revision", "dump_history", "load_history", "next_revision"]

#: The change-tracking state file written beside the feeds.
STATE_FILENAME: Final = ".vntimeline-feed-state.json"

_STATE_VERSION: Final = 1
_STAMP_FORMAT: Final = "%Y%m%dT%H%M%SZ"


@attrs.frozen
class Revision:
    """What the state file remembers of one event: its digest, sequence and change time."""

    digest: str
    sequence: int
    modified: _dt.datetime


def load_history(path: str | os.PathLike[str]) -> dict[str, Revision]:
    """Read a state file; a missing file is an empty history, a broken one an error."""
    target = Path(path)
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise ExportError(f"cannot read {target}: {exc.strerror or exc}") from exc
    try:
        document = json.loads(text)
        if document.get("version") != _STATE_VERSION:
            raise ValueError(f"version {document.get('version')!r}, expected {_STATE_VERSION}")
        history = {}
        for uid, entry in document["events"].items():
            sequence = entry["sequence"]
            if not isinstance(sequence, int) or isinstance(sequence, bool) or sequence < 0:
                raise ValueError(f"{uid}: sequence {sequence!r} is not a whole number")
            modified = _dt.datetime.strptime(entry["last_modified"], _STAMP_FORMAT)
            history[uid] = Revision(
                str(entry["digest"]), sequence, modified.replace(tzinfo=_dt.UTC)
            )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ExportError(
            f"{target} is not a vntimeline feed state file ({exc}); fix it, "
            "or delete it to restart every SEQUENCE at 0"
        ) from None
    return history


def dump_history(history: Mapping[str, Revision]) -> str:
    """The state file's text: sorted, stable JSON."""
    events = {
        uid: {
            "digest": rev.digest,
            "sequence": rev.sequence,
            "last_modified": rev.modified.strftime(_STAMP_FORMAT),
        }
        for uid, rev in sorted(history.items())
    }
    return (
        json.dumps({"version": _STATE_VERSION, "events": events}, indent=1, ensure_ascii=False)
        + "\n"
    )


def next_revision(
    previous: Revision | None, digest: str, first_seen: _dt.datetime, stamp: _dt.datetime
) -> Revision:
    """The revision of an event rendered as *digest*, given what was recorded before."""
    if previous is None:
        return Revision(digest, 0, first_seen)
    if previous.digest == digest:
        return previous
    later = max(stamp, previous.modified + _dt.timedelta(seconds=1))
    return Revision(digest, previous.sequence + 1, later)
