"""Serve the feeds over HTTP, reloading them when the data file changes.

Theory of operation
-------------------
The server holds every feed in memory: the combined ``vntimeline.ics`` and
one ``vntimeline-<category>.ics`` per category, plus an index page at ``/``.
A request is answered only if its path is exactly one of those names; there
is no file system behind the URLs, so nothing else (``/../``, ``/etc/passwd``,
``%2e%2e``) can ever be reached.

Before answering, the server reads the data file and compares its SHA-256
with the last one it tried. When it differs, the file is loaded and resolved
again and the feeds rebuilt; if that fails, the error is logged (once per
version of the file) and the last good feeds stay up. A feed whose bytes
change gets a new strong ``ETag`` (a hash of its bytes) and a later
``Last-Modified``; ``If-None-Match`` and ``If-Modified-Since`` are answered
with ``304 Not Modified``. SEQUENCE numbers are tracked in memory from the
start of the server (:mod:`vntimeline._ical` explains the scheme).

Why the standard library: the job is a handful of in-memory responses to GET
and HEAD, and :class:`http.server.ThreadingHTTPServer` does that without a
dependency. It is meant for previews and small deployments; for the public,
publish the files ``vntimeline build`` writes behind any web server.
"""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import html
import logging
import os
import re
import signal
import socket
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator, Mapping
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, Final

import attrs

from .._export.ical.feed import FeedOptions, Revision, feed_filename, load_history, render
from ..errors import DataError, ExportError, VntimelineError

if TYPE_CHECKING:
    from .._model.resolved import ResolvedTimeline

__all__ = ["FeedServer", "serve"]

log = logging.getLogger("vntimeline.serve")

CALENDAR_TYPE: Final = "text/calendar; charset=utf-8"
HTML_TYPE: Final = "text/html; charset=utf-8"
# A Host header worth echoing into links: a name or address and a port, nothing else.
_HOST: Final = re.compile(r"[A-Za-z0-9.\-]+(?::\d{1,5})?|\[[0-9A-Fa-f:.]+\](?::\d{1,5})?")

Loader = Callable[[Path], "ResolvedTimeline"]
_UNREADABLE: Final = "unreadable"  # stands for a digest while the file cannot be read


def load_and_resolve(path: Path) -> ResolvedTimeline:
    """Load *path* and resolve it with the default policy (the server's default loader)."""
    from .._load.loader import load
    from .._resolve.resolver import resolve

    return resolve(load(path))


@attrs.frozen
class Published:
    """One feed as served: its bytes, validator and title for the index."""

    body: bytes
    etag: str
    last_modified: int
    title: str
    events: int


class FeedServer:
    """An HTTP server for the feeds of one data file; start it in a thread or block on it.

    ``port=0`` picks a free port (see :attr:`url`). The data file is loaded on
    construction, so a broken file raises here rather than serving nothing.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        host: str = "127.0.0.1",
        port: int = 8000,
        *,
        options: FeedOptions | None = None,
        loader: Loader | None = None,
    ) -> None:
        self.path = Path(path)
        self.options = FeedOptions() if options is None else options
        self._loader: Loader = load_and_resolve if loader is None else loader
        self._lock = threading.Lock()
        self._feeds: dict[str, Published] = {}
        self._history: dict[str, Revision] = {}
        if self.options.track_changes and self.options.state_file is not None:
            self._history = load_history(self.options.state_file)
        self._tried: str | None = None
        self._thread: threading.Thread | None = None
        self.refresh(initial=True)
        try:
            self._httpd = _HTTPServer((host, port), self)
        except OSError as exc:
            raise ExportError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc

    # -------------------------------------------------------------- life --

    @property
    def address(self) -> tuple[str, int]:
        """The host and port actually listened on."""
        host, port = self._httpd.server_address[:2]
        return str(host), int(port)

    @property
    def url(self) -> str:
        """The base URL, such as ``http://127.0.0.1:8000/``."""
        host, port = self.address
        return f"http://{_bracket(host)}:{port}/"

    def start(self) -> FeedServer:
        """Serve in a background thread; returns self."""
        if self._thread is None:
            # A short poll interval: shutdown() waits for the loop to notice.
            self._thread = threading.Thread(
                target=self._httpd.serve_forever, args=(0.05,), name="vntimeline-serve", daemon=True
            )
            self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve in this thread until :meth:`shutdown` (from another thread) or Ctrl-C."""
        self._httpd.serve_forever()

    def shutdown(self) -> None:
        """Stop serving and release the port."""
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> FeedServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.shutdown()

    # ------------------------------------------------------------- feeds --

    def feeds(self) -> Mapping[str, Published]:
        """The feeds being served, by file name (a snapshot)."""
        with self._lock:
            return dict(self._feeds)

    def refresh(self, *, initial: bool = False) -> bool:
        """Rebuild the feeds if the data file changed; whether any feed changed.

        On failure the previous feeds stay (the error is logged), except on the
        first load, which raises.
        """
        with self._lock:
            try:
                data = self.path.read_bytes()
            except OSError as exc:
                if initial:
                    raise ExportError(f"cannot read {self.path}: {exc.strerror or exc}") from exc
                self._fail(f"cannot read {self.path}: {exc.strerror or exc}", _UNREADABLE)
                return False
            digest = hashlib.sha256(data).hexdigest()
            if digest == self._tried:
                return False
            try:
                feeds, history = self._build()
            except VntimelineError as exc:
                if initial:
                    raise
                self._fail(_describe(exc), digest)
                return False
            except Exception:  # a bug must not take the feeds down either
                if initial:
                    raise
                log.exception("rebuilding the feeds from %s failed", self.path)
                self._fail("(the traceback is above)", digest)
                return False
            self._tried = digest
            changed = self._publish(feeds)
            self._history = history
            if not initial:
                log.info(
                    "reloaded %s: %s",
                    self.path,
                    f"{changed} feed(s) changed" if changed else "no feed changed",
                )
            return bool(changed)

    def _fail(self, message: str, digest: str) -> None:
        """Log a failed reload, once per version of the file."""
        if digest != self._tried:
            log.error(
                "%s\nstill serving the feeds of the last good version of %s", message, self.path
            )
        self._tried = digest

    def _build(self) -> tuple[dict[str, tuple[bytes, str, int]], dict[str, Revision]]:
        """Every feed's bytes, title and event count, and the updated history."""
        resolved = self._loader(self.path)
        history = dict(self._history)
        feeds = {}
        for category in (None, *resolved.timeline.categories):
            feed = render(resolved, category=category, options=self.options, history=history)
            history.update(feed.revisions)
            name = self.options.name if category is None else f"{self.options.name} — {category}"
            feeds[feed_filename(category)] = (feed.data, name, len(feed.revisions))
        return feeds, history

    def _publish(self, feeds: dict[str, tuple[bytes, str, int]]) -> int:
        """Swap in new feeds, keeping the validators of those whose bytes are unchanged."""
        try:
            mtime = int(self.path.stat().st_mtime)
        except OSError:
            mtime = int(time.time())
        changed = 0
        published = {}
        for name, (body, title, count) in feeds.items():
            old = self._feeds.get(name)
            etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
            if old is not None and old.etag == etag:
                published[name] = old
                continue
            # Last-Modified has one-second resolution: make every change a later second.
            last_modified = mtime if old is None else max(mtime, old.last_modified + 1)
            published[name] = Published(body, etag, last_modified, title, count)
            changed += 1
        self._feeds = published
        return changed


def _describe(exc: VntimelineError) -> str:
    """An error as log text: each data problem on its own line."""
    if isinstance(exc, DataError):
        return "\n".join(str(problem) for problem in exc.problems)
    return str(exc)


def _bracket(host: str) -> str:
    return f"[{host}]" if ":" in host else host


# -------------------------------------------------------------------- HTTP --


class _HTTPServer(ThreadingHTTPServer):
    """A threading HTTP server that knows its FeedServer."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], feeds: FeedServer) -> None:
        self.feeds = feeds
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)


class _Handler(BaseHTTPRequestHandler):
    """Answers GET and HEAD for the index and the feeds; nothing else exists."""

    server: _HTTPServer
    protocol_version = "HTTP/1.1"

    def version_string(self) -> str:
        """The Server header: the name only, no Python version."""
        return "vntimeline"

    def do_GET(self) -> None:
        """Send a feed or the index."""
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        """Send a feed's or the index's headers only."""
        self._answer(send_body=False)

    def _refuse(self) -> None:
        self._send(
            HTTPStatus.METHOD_NOT_ALLOWED,
            b"only GET and HEAD are allowed\n",
            "text/plain; charset=utf-8",
            {"Allow": "GET, HEAD"},
            send_body=True,
        )

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _refuse  # noqa: N815

    def _answer(self, *, send_body: bool) -> None:
        feeds = self.server.feeds
        feeds.refresh()
        path = urllib.parse.unquote(self.path.split("?", 1)[0].split("#", 1)[0])
        if path in ("/", "/index.html"):
            body = _index(feeds, self._host()).encode("utf-8")
            self._send(
                HTTPStatus.OK, body, HTML_TYPE, {"Cache-Control": "no-cache"}, send_body=send_body
            )
            return
        published = feeds.feeds().get(path[1:]) if path.startswith("/") else None
        if published is None:
            self._send(
                HTTPStatus.NOT_FOUND,
                b"not found: this server only serves the feeds listed at /\n",
                "text/plain; charset=utf-8",
                {},
                send_body=send_body,
            )
            return
        headers = {
            "ETag": published.etag,
            "Last-Modified": email.utils.formatdate(published.last_modified, usegmt=True),
            "Cache-Control": "no-cache",
            "Content-Disposition": f'inline; filename="{path[1:]}"',
        }
        if self._not_modified(published):
            self._send(HTTPStatus.NOT_MODIFIED, b"", None, headers, send_body=False)
            return
        self._send(HTTPStatus.OK, published.body, CALENDAR_TYPE, headers, send_body=send_body)

    def _not_modified(self, published: Published) -> bool:
        """RFC 9110 section 13.2.2: If-None-Match first; If-Modified-Since only without it."""
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            tags = [tag.strip() for tag in if_none_match.split(",")]
            # weak comparison: W/"x" matches "x"
            return "*" in tags or published.etag in (t.removeprefix("W/") for t in tags)
        if_modified_since = self.headers.get("If-Modified-Since")
        if if_modified_since is None:
            return False
        try:
            since = email.utils.parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError, IndexError):
            return False
        if since.tzinfo is None:
            return False
        return published.last_modified <= since.timestamp()

    def _host(self) -> str:
        """The Host the client used, if it is a plain host[:port]; else our own address."""
        host = self.headers.get("Host", "")
        if _HOST.fullmatch(host):
            return host
        name, port = self.server.feeds.address
        return f"{_bracket(name)}:{port}"

    def _send(
        self,
        status: HTTPStatus,
        body: bytes,
        content_type: str | None,
        headers: Mapping[str, str],
        *,
        send_body: bool,
    ) -> None:
        self.send_response(status)
        if content_type is not None:
            self.send_header("Content-Type", content_type)
        for name, value in headers.items():
            self.send_header(name, value)
        if status != HTTPStatus.NOT_MODIFIED:
            self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if send_body and body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Route http.server's access log through :mod:`logging`."""
        log.info("%s %s", self.address_string(), format % args)


def _index(feeds: FeedServer, host: str) -> str:
    """The index page: each feed with its http and webcal link."""
    rows = []
    for name, published in sorted(feeds.feeds().items(), key=lambda item: _order(item[0])):
        http_url = html.escape(f"http://{host}/{name}")
        webcal_url = html.escape(f"webcal://{host}/{name}")
        rows.append(
            f"<li><strong>{html.escape(published.title)}</strong> "
            f"({published.events} event{'s' if published.events != 1 else ''}): "
            f'<a href="{webcal_url}">subscribe (webcal)</a> · '
            f'<a href="{http_url}">{http_url}</a></li>'
        )
    title = html.escape(feeds.options.name)
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{title} — calendar feeds</title></head><body>",
            f"<h1>{title}</h1>",
            "<p>Subscribe to a feed in your calendar application: the webcal link opens it "
            "directly; otherwise copy the http link into “subscribe from URL”.</p>",
            "<ul>",
            *rows,
            "</ul>",
            "</body></html>",
            "",
        ]
    )


def _order(name: str) -> tuple[int, str]:
    """The combined feed first, then the categories by name."""
    return (0 if name == feed_filename(None) else 1, name)


# ------------------------------------------------------------------ serve --


def serve(
    path: str | os.PathLike[str],
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    options: FeedOptions | None = None,
) -> None:
    """Serve the feeds of *path* until Ctrl-C (or SIGTERM), then return normally."""
    if not logging.getLogger().handlers:
        # The command's own output; a program embedding serve() configures logging itself.
        logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    server = FeedServer(path, host, port, options=options)
    names = sorted(server.feeds(), key=_order)
    log.info(
        "serving %d feed%s from %s at %s (Ctrl-C to stop)",
        len(names),
        "s" if len(names) != 1 else "",
        server.path,
        server.url,
    )
    for name in names:
        log.info("  %s%s", server.url, name)
    with _sigterm_as_interrupt():
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            log.info("stopped")
        finally:
            server.shutdown()


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """Make SIGTERM stop :func:`serve` the way Ctrl-C does (signals work in the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt
