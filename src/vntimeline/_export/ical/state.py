"""What the feed remembers between runs, so SEQUENCE and LAST-MODIFIED only go up.

SEQUENCE and LAST-MODIFIED
--------------------------
Clients use ``SEQUENCE`` (then ``LAST-MODIFIED``) to tell a newer copy of an
event from an older one, so both must only ever go up. No function of the
current data alone can promise that (an edit can be reverted), so the feed
keeps a small *history*, a JSON state file, which records for each UID a
SHA-256 of the event as rendered (every property except ``DTSTAMP``,
``SEQUENCE`` and ``LAST-MODIFIED``), its sequence and its last-modified time:

* an event seen for the first time gets ``SEQUENCE:0`` and, as
  ``LAST-MODIFIED``, the newest publication date among its sources (else the
  data's newest), the same values a feed written without state gets;
* an unchanged event keeps both, so rerunning gives identical bytes;
* a changed event (its dates, title, sources, quotes, explanation…) gets
  ``SEQUENCE`` + 1 and ``LAST-MODIFIED`` = the later of ``DTSTAMP`` and one
  second after the previous value.

Where the history lives
-----------------------
The history of a data file belongs with the data, not with one output
folder: :func:`feed_state_path` names it, ``<stem>.feed-state.json`` beside
the data file (``data/events.feed-state.json``), committed with it, so a
fresh clone, a fresh output folder and a restarted server all continue the
same numbers. ``vntimeline build``, ``ics`` and ``serve`` read it, and every
other copy they know of (the copy each build publishes with its outputs, a
state file of the old layout), and continue from the furthest revision of
each event (:func:`merge_histories`): reading more copies can only make a
number higher, never lower. They write it back only after a complete
success, and only where :func:`state_is_writable` allows: not inside an
installed package, not in a read-only folder (then the copy beside the
outputs carries the history). See ``docs/explanation/publishing.rst``.

:func:`~vntimeline.write_ical` on its own keeps the state file beside the
feed (or where :attr:`FeedOptions.state_file` says) and rewrites it,
atomically, only after the feed itself was written. :func:`~vntimeline.to_ical`
only reads a state file named in the options. Without state, ``SEQUENCE``
stays 0 and ``LAST-MODIFIED`` moves only when a newer source arrives.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Final

import attrs

from ..._atomic import atomic_write
from ...errors import ExportError

__all__ = [
    "STATE_FILENAME",
    "STATE_SUFFIX",
    "Revision",
    "dump_history",
    "feed_state_path",
    "load_history",
    "merge_histories",
    "next_revision",
    "read_history",
    "save_history",
    "state_is_writable",
]

#: The change-tracking state file written beside the feeds (or in a build's outputs).
STATE_FILENAME: Final = ".vntimeline-feed-state.json"
#: What the history of ``events.yaml`` is named beside it: ``events.feed-state.json``.
STATE_SUFFIX: Final = ".feed-state.json"
#: The installed package: a data file inside it (the bundled copy) is read-only to us.
_PACKAGE: Final = Path(__file__).resolve().parents[2]

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


def feed_state_path(data: str | os.PathLike[str]) -> Path:
    """Where the feed history of the data file *data* lives: ``<stem>.feed-state.json`` beside it.

    ``data/events.yaml`` keeps its history in ``data/events.feed-state.json``.
    """
    path = Path(data)
    return path.with_name(f"{path.stem or path.name}{STATE_SUFFIX}")


def state_is_writable(path: str | os.PathLike[str]) -> bool:
    """Whether a state file may be written at *path*.

    Not inside the installed package (its bundled data is not ours to
    change), and only in a folder we can write to.
    """
    target = Path(path)
    folder = target.parent
    try:
        real = folder.resolve()
    except (OSError, RuntimeError):
        return False
    if real == _PACKAGE or _PACKAGE in real.parents:
        return False
    if target.exists() and not os.access(target, os.W_OK):
        return False
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def merge_histories(*histories: Mapping[str, Revision]) -> dict[str, Revision]:
    """Each UID's furthest revision among *histories*: the highest sequence, then the latest time.

    Reading one more copy of the history can only raise a number, never lower
    one, so every copy known may be read.
    """
    merged: dict[str, Revision] = {}
    for history in histories:
        for uid, revision in history.items():
            held = merged.get(uid)
            if held is None or (revision.sequence, revision.modified) > (
                held.sequence,
                held.modified,
            ):
                merged[uid] = revision
    return merged


def read_history(paths: Iterable[str | os.PathLike[str]]) -> dict[str, Revision]:
    """The history in every one of the state files *paths* (missing ones are empty), merged."""
    return merge_histories(*(load_history(path) for path in dict.fromkeys(map(Path, paths))))


def save_history(path: str | os.PathLike[str], history: Mapping[str, Revision]) -> bool:
    """Write *history* to the state file *path* atomically, unless it holds it already.

    Returns whether the file was written.
    """
    text = dump_history(history)
    target = Path(path)
    try:
        if target.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    atomic_write(target, text)
    return True
