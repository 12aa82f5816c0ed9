"""The ASGI application: GET and HEAD for the index page and the feeds, and nothing else.

Theory of operation
-------------------
A request is answered from the store's current :class:`~.store.Snapshot`
alone: no file system, no lock, no parsing of the data. Its path must be
exactly one feed's name or the index at ``/``; there is no file system
behind the URLs, so nothing else (``/../``, ``/etc/passwd``, ``%2e%2e``,
``%00``, the state file) can be reached. The HTTP server in front of it
(uvicorn, see :mod:`.http`) parses the request, frames its body and writes
the response; this module only decides what to answer:

* methods other than GET and HEAD get ``405`` and ``Allow: GET, HEAD``; a
  request that announces a large or chunked body is answered with
  ``Connection: close``, as reading it would be wasted work;
* a feed answers ``200`` with its bytes, or ``304 Not Modified``: RFC 9110
  section 13.2.2, ``If-None-Match`` (a weak comparison with the feed's
  strong ETag) decides when present; ``If-Modified-Since`` only without it,
  and only when it names the feed's Last-Modified exactly, as nginx's
  ``if_modified_since exact``. Any other date gets the feed: a later one
  (a client's own clock, the year 3000, a date served before a restart)
  says nothing about which version the client holds, and a wrong 304
  leaves a subscriber with an old calendar while a wrong 200 costs one
  download;
* every response says ``X-Content-Type-Options: nosniff``, and the index a
  Content-Security-Policy that allows nothing but the page itself (it has
  no script, style or image).

The response headers of each feed are built once per change of the
snapshot. Each request is logged on ``vntimeline.serve.access`` with its
target escaped (:func:`printable`): a control character in a request line
cannot start a forged line in the log.
"""

from __future__ import annotations

import email.utils
import html
import logging
import re
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any, Final

import attrs

from .store import FeedStore, Published, Snapshot

__all__ = ["FeedApp", "printable"]

access_log = logging.getLogger("vntimeline.serve.access")

Message = MutableMapping[str, Any]
Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
Headers = list[tuple[bytes, bytes]]

CALENDAR_TYPE: Final = b"text/calendar; charset=utf-8"
HTML_TYPE: Final = b"text/html; charset=utf-8"
TEXT_TYPE: Final = b"text/plain; charset=utf-8"
#: The index page loads nothing, runs nothing, is framed by nobody and posts nowhere.
CONTENT_SECURITY_POLICY: Final = (
    b"default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
#: A body larger than this is not worth reading past: such a request closes its connection.
MAX_DRAINED_BODY: Final = 64 * 1024
_COMMON: Final[Headers] = [(b"x-content-type-options", b"nosniff")]
_NOT_FOUND: Final = b"not found: this server only serves the feeds listed at /\n"
_NOT_ALLOWED: Final = b"only GET and HEAD are allowed\n"
# A Host header worth echoing into links: a name or address and a port, nothing else.
_HOST: Final = re.compile(r"[A-Za-z0-9.\-]+(?::\d{1,5})?|\[[0-9A-Fa-f:.]+\](?::\d{1,5})?")
_ENTITY_TAG: Final = re.compile(r'(?:W/)?("[^"]*")')
_INDEX_CACHE: Final = 16  # index pages kept per snapshot (one per Host name seen)


@attrs.frozen
class _Feed:
    """A feed with its response headers, built once per snapshot."""

    published: Published
    last_modified: str | None
    ok: Headers
    not_modified: Headers


@attrs.frozen
class _Response:
    status: int
    headers: Headers
    body: bytes


class FeedApp:
    """The ASGI 3 application of a :class:`~.store.FeedStore`.

    *address* is the ``host:port`` put in the index page's links when the
    request's Host header is missing or not a plain host name.
    """

    def __init__(self, store: FeedStore, address: str) -> None:
        self.store = store
        self.address = address
        self._snapshot: Snapshot | None = None
        self._feeds: dict[str, _Feed] = {}
        self._index: dict[str, bytes] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer one request (the server runs no lifespan protocol)."""
        if scope["type"] != "http":
            raise RuntimeError(f"only HTTP is served, not {scope['type']!r}")
        response = self.respond(scope)
        await send(
            {"type": "http.response.start", "status": response.status, "headers": response.headers}
        )
        await send({"type": "http.response.body", "body": response.body})
        if access_log.isEnabledFor(logging.INFO):
            access_log.info(
                '%s "%s %s HTTP/%s" %d %d',
                _client(scope),
                scope["method"],
                printable(_target(scope)),
                scope["http_version"],
                response.status,
                len(response.body),
            )

    def respond(self, scope: Scope) -> _Response:
        """The response to the request *scope* (no I/O)."""
        method: str = scope["method"]
        fields = _fields(scope["headers"])
        if method not in ("GET", "HEAD"):
            headers = [(b"allow", b"GET, HEAD"), *_closing(fields)]
            return _plain(405, _NOT_ALLOWED, headers)
        self._follow(self.store.snapshot)
        head = method == "HEAD"
        path: str = scope["path"]
        if path in ("/", "/index.html"):
            body = self._page(fields.get(b"host", b"").decode("latin-1"))
            headers = [
                (b"content-type", HTML_TYPE),
                (b"content-length", b"%d" % len(body)),
                (b"cache-control", b"no-cache"),
                (b"content-security-policy", CONTENT_SECURITY_POLICY),
                (b"referrer-policy", b"no-referrer"),
                *_COMMON,
                *_closing(fields),
            ]
            return _Response(200, headers, b"" if head else body)
        feed = self._feeds.get(path[1:]) if path.startswith("/") else None
        if feed is None:
            return _plain(404, _NOT_FOUND, _closing(fields), head=head)
        if _not_modified(feed, fields):
            return _Response(304, [*feed.not_modified, *_closing(fields)], b"")
        return _Response(200, [*feed.ok, *_closing(fields)], b"" if head else feed.published.body)

    def _follow(self, snapshot: Snapshot) -> None:
        """Build the feeds' response headers when the store published a new snapshot."""
        if snapshot is self._snapshot:
            return
        feeds = {}
        for name, published in snapshot.feeds.items():
            validators = [(b"etag", published.etag.encode("ascii"))]
            last_modified = None
            if published.last_modified is not None:
                last_modified = email.utils.formatdate(published.last_modified, usegmt=True)
                validators.append((b"last-modified", last_modified.encode("ascii")))
            validators.append((b"cache-control", b"no-cache"))
            ok = [
                (b"content-type", CALENDAR_TYPE),
                (b"content-length", b"%d" % len(published.body)),
                *validators,
                (b"content-disposition", f'inline; filename="{name}"'.encode("ascii")),
                *_COMMON,
            ]
            feeds[name] = _Feed(published, last_modified, ok, [*validators, *_COMMON])
        self._snapshot, self._feeds, self._index = snapshot, feeds, {}

    def _page(self, host: str) -> bytes:
        """The index page as seen from *host*, cached per snapshot."""
        if not _HOST.fullmatch(host):
            host = self.address
        page = self._index.get(host)
        if page is None:
            assert self._snapshot is not None
            page = index_page(self._snapshot, host).encode("utf-8")
            if len(self._index) >= _INDEX_CACHE:
                self._index.clear()
            self._index[host] = page
        return page


def _fields(headers: Iterable[tuple[bytes, bytes]]) -> dict[bytes, bytes]:
    """The request header fields this app reads (names are lower case), repeated ones joined."""
    fields: dict[bytes, bytes] = {}
    for name, value in headers:
        if name in fields:
            fields[name] += b", " + value
        else:
            fields[name] = value
    return fields


def _closing(fields: dict[bytes, bytes]) -> Headers:
    """``Connection: close`` when the request announced a body not worth reading on."""
    if b"transfer-encoding" in fields:
        return [(b"connection", b"close")]
    length = fields.get(b"content-length", b"0")
    if not length.isdigit() or int(length) > MAX_DRAINED_BODY:
        return [(b"connection", b"close")]
    return []


def _not_modified(feed: _Feed, fields: dict[bytes, bytes]) -> bool:
    """Whether the client's copy is the feed's current version (see the module's docstring)."""
    if_none_match = fields.get(b"if-none-match")
    if if_none_match is not None:
        text = if_none_match.decode("latin-1")
        if text.strip() == "*":
            return True
        return feed.published.etag in _ENTITY_TAG.findall(text)
    if_modified_since = fields.get(b"if-modified-since")
    if if_modified_since is None or feed.published.last_modified is None:
        return False
    try:
        since = email.utils.parsedate_to_datetime(if_modified_since.decode("latin-1"))
    except (TypeError, ValueError, IndexError):
        return False  # not an HTTP-date, or several: RFC 9110 says to ignore it
    if since.tzinfo is None:
        return False
    return int(since.timestamp()) == feed.published.last_modified


def _plain(status: int, text: bytes, extra: Headers, *, head: bool = False) -> _Response:
    """A short plain-text response."""
    headers = [
        (b"content-type", TEXT_TYPE),
        (b"content-length", b"%d" % len(text)),
        *_COMMON,
        *extra,
    ]
    return _Response(status, headers, b"" if head else text)


def index_page(snapshot: Snapshot, host: str) -> str:
    """The index page: each feed with its http and webcal link."""
    rows = []
    for name, published in snapshot.feeds.items():
        http_url = html.escape(f"http://{host}/{name}")
        webcal_url = html.escape(f"webcal://{host}/{name}")
        rows.append(
            f"<li><strong>{html.escape(published.title)}</strong> "
            f"({published.events} event{'s' if published.events != 1 else ''}): "
            f'<a href="{webcal_url}">subscribe (webcal)</a> · '
            f'<a href="{http_url}">{http_url}</a></li>'
        )
    title = html.escape(snapshot.name)
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


def printable(text: str) -> str:
    r"""*text* with every character that is not printable, and ``\`` and ``"``, escaped.

    ``"GET /\r\nreloaded"`` becomes ``GET /\x0d\x0areloaded``: one log
    line stays one line, and a quoted field cannot be closed early.
    """
    if text.isprintable() and "\\" not in text and '"' not in text:
        return text
    return "".join(
        char if char.isprintable() and char not in '\\"' else _escape(char) for char in text
    )


def _escape(char: str) -> str:
    """One character as a backslash escape."""
    code = ord(char)
    return (
        f"\\x{code:02x}"
        if code < 0x100
        else f"\\u{code:04x}"
        if code < 0x10000
        else f"\\U{code:08x}"
    )


def _target(scope: Scope) -> str:
    """The request target as received (still percent-encoded), for the log."""
    raw: bytes = scope.get("raw_path") or scope["path"].encode("utf-8", "backslashreplace")
    query: bytes = scope.get("query_string", b"")
    return (raw + b"?" + query if query else raw).decode("latin-1")


def _client(scope: Scope) -> str:
    """The client's address for the log."""
    client = scope.get("client")
    return str(client[0]) if client else "-"
