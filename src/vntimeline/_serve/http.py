"""The HTTP front of the feed store: requests, conditional answers, the index page, signals.

Theory of operation
-------------------
The front answers GET and HEAD from a :class:`~vntimeline._serve.store.FeedStore`:
a request is answered only if its path is exactly one feed's name or the
index page at ``/``; there is no file system behind the URLs, so nothing else
(``/../``, ``/etc/passwd``, ``%2e%2e``) can ever be reached. Before answering,
the front asks the store to refresh itself; ``If-None-Match`` and
``If-Modified-Since`` are answered with ``304 Not Modified`` from the
validators the store keeps.

Why the standard library: the job is a handful of in-memory responses to GET
and HEAD, and :class:`http.server.ThreadingHTTPServer` does that without a
dependency. It is meant for previews and small deployments; for the public,
publish the files ``vntimeline build`` writes behind any web server.
"""

from __future__ import annotations

import contextlib
import email.utils
import html
import logging
import os
import re
import signal
import socket
import sys
import threading
import urllib.parse
from collections.abc import Iterator, Mapping
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import FrameType
from typing import TYPE_CHECKING, Any, Final

from ..errors import ExportError
from .store import FeedStore, Loader, Published, feed_order

if TYPE_CHECKING:
    from .._export.ical import FeedOptions

__all__ = ["FeedServer", "serve"]

log = logging.getLogger("vntimeline.serve")

CALENDAR_TYPE: Final = "text/calendar; charset=utf-8"
HTML_TYPE: Final = "text/html; charset=utf-8"
# A Host header worth echoing into links: a name or address and a port, nothing else.
_HOST: Final = re.compile(r"[A-Za-z0-9.\-]+(?::\d{1,5})?|\[[0-9A-Fa-f:.]+\](?::\d{1,5})?")


class FeedServer:
    """An HTTP server for the feeds of one data file; start it in a thread or block on it.

    The feeds themselves are in :attr:`store`. ``port=0`` picks a free port
    (see :attr:`url`). The data file is loaded on construction, so a broken
    file raises here rather than serving nothing.
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
        self.store = FeedStore(path, options=options, loader=loader)
        self._thread: threading.Thread | None = None
        try:
            self._httpd = _HTTPServer((host, port), self.store)
        except OSError as exc:
            raise ExportError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc

    @property
    def address(self) -> tuple[str, int]:
        """The host and port actually listened on."""
        return self._httpd.address

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


def _bracket(host: str) -> str:
    """*host* as it goes into a URL: an IPv6 address in brackets."""
    return f"[{host}]" if ":" in host else host


class _HTTPServer(ThreadingHTTPServer):
    """A threading HTTP server that knows the store it answers from."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], store: FeedStore) -> None:
        self.store = store
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)

    @property
    def address(self) -> tuple[str, int]:
        """The host and port actually listened on."""
        host, port = self.server_address[:2]
        return str(host), int(port)


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
        """Answer any other method with 405 and the methods allowed."""
        self._send(
            HTTPStatus.METHOD_NOT_ALLOWED,
            b"only GET and HEAD are allowed\n",
            "text/plain; charset=utf-8",
            {"Allow": "GET, HEAD"},
            send_body=True,
        )

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _refuse  # noqa: N815

    def _answer(self, *, send_body: bool) -> None:
        """Answer a GET or HEAD: the index, a feed (or 304), or 404."""
        store = self.server.store
        store.refresh()
        path = urllib.parse.unquote(self.path.split("?", 1)[0].split("#", 1)[0])
        if path in ("/", "/index.html"):
            body = _index(store, self._host()).encode("utf-8")
            self._send(
                HTTPStatus.OK, body, HTML_TYPE, {"Cache-Control": "no-cache"}, send_body=send_body
            )
            return
        published = store.feeds().get(path[1:]) if path.startswith("/") else None
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
        name, port = self.server.address
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
        """Send a response: status, headers, and the body unless *send_body* is false."""
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


def _index(store: FeedStore, host: str) -> str:
    """The index page: each feed with its http and webcal link."""
    rows = []
    for name, published in sorted(store.feeds().items(), key=lambda item: feed_order(item[0])):
        http_url = html.escape(f"http://{host}/{name}")
        webcal_url = html.escape(f"webcal://{host}/{name}")
        rows.append(
            f"<li><strong>{html.escape(published.title)}</strong> "
            f"({published.events} event{'s' if published.events != 1 else ''}): "
            f'<a href="{webcal_url}">subscribe (webcal)</a> · '
            f'<a href="{http_url}">{http_url}</a></li>'
        )
    title = html.escape(store.name)
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
    names = sorted(server.store.feeds(), key=feed_order)
    log.info(
        "serving %d feed%s from %s at %s (Ctrl-C to stop)",
        len(names),
        "s" if len(names) != 1 else "",
        server.store.path,
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
    """The SIGTERM handler: stop as Ctrl-C does."""
    raise KeyboardInterrupt
