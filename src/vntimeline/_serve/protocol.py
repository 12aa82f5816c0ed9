"""uvicorn's httptools protocol, with the limits a public server needs that it lacks.

Theory of operation
-------------------
uvicorn arms its keep-alive timeout only after a response and disarms it on
the first byte of the next request. So a connection that never sends a
request stays open forever, and so does one that sends a request a byte at a
time ("slowloris"): each byte is activity. :class:`FeedProtocol` adds:

* the idle timeout from the start: a connection that sends nothing within it
  is closed;
* a request timeout: a request must arrive whole (request line, headers and
  any body) within :attr:`FeedProtocol.request_timeout` seconds of its first
  byte. One that does not is answered ``408 Request Timeout`` when its head
  never arrived (no response has begun), and its connection closed;
* a send timeout: once the connection's write buffer is full (the client
  stopped reading), it must drain some within
  :attr:`FeedProtocol.send_timeout` seconds, and again within as many after
  that, or the connection is dropped. A client that asks for feeds and
  never reads them would otherwise keep its connection, and the responses
  buffered for it, for ever (nginx's ``send_timeout`` works the same way:
  the time between two signs of progress, not for the whole response);
* ``TCP_NODELAY``, set explicitly whatever event loop runs it;
* one write per response (:mod:`.onewrite`).

The connection cap of the server bounds how many slow clients can be
waited on at once; the request and send timeouts bound for how long.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from typing import Final

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from .onewrite import OneWriteTransport

__all__ = ["REQUEST_TIMEOUT", "SEND_TIMEOUT", "FeedProtocol"]

#: Seconds a request may take to arrive whole, from its first byte.
REQUEST_TIMEOUT: Final = 10.0
#: Seconds a full write buffer may go without draining before the connection is dropped.
SEND_TIMEOUT: Final = 30.0
_TIMED_OUT: Final = (
    b"HTTP/1.1 408 Request Timeout\r\ncontent-type: text/plain; charset=utf-8\r\n"
    b"content-length: 42\r\nconnection: close\r\n\r\n"
    b"the request did not arrive whole in time\r\n"
)


class FeedProtocol(HttpToolsProtocol):
    """One connection: uvicorn's protocol, with the timeouts it lacks, NODELAY and one write."""

    request_timeout: float = REQUEST_TIMEOUT
    send_timeout: float = SEND_TIMEOUT
    _request_timer: asyncio.TimerHandle | None = None
    _send_timer: asyncio.TimerHandle | None = None
    _head_arrived: bool = False

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """Set up the connection, and close it if no request comes within the idle timeout."""
        super().connection_made(OneWriteTransport(transport, self.loop))
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            # asyncio sets it already; said here so that no event loop can leave it out
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.timeout_keep_alive_task = self.loop.call_later(
            self.timeout_keep_alive, self.timeout_keep_alive_handler
        )

    def on_message_begin(self) -> None:
        """A request starts: it has :attr:`request_timeout` seconds to arrive whole."""
        super().on_message_begin()
        self._cancel_request_timer()
        self._head_arrived = False
        self._request_timer = self.loop.call_later(self.request_timeout, self._request_too_slow)

    def on_headers_complete(self) -> None:
        """The request's head has arrived (a response may begin from now on)."""
        self._head_arrived = True
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        """The request has arrived whole, in time."""
        self._cancel_request_timer()
        super().on_message_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        """The connection is gone: no timer of it may fire."""
        self._cancel_request_timer()
        self._cancel_send_timer()
        super().connection_lost(exc)

    def pause_writing(self) -> None:
        """The write buffer is full: from now on it must keep draining."""
        super().pause_writing()
        self._cancel_send_timer()
        self._expect_progress(self.transport.get_write_buffer_size())

    def resume_writing(self) -> None:
        """The write buffer has drained."""
        self._cancel_send_timer()
        super().resume_writing()

    def _expect_progress(self, buffered: int) -> None:
        self._send_timer = self.loop.call_later(self.send_timeout, self._check_progress, buffered)

    def _check_progress(self, buffered: int) -> None:
        """Drop the connection if its write buffer has not shrunk since the last look."""
        self._send_timer = None
        now = self.transport.get_write_buffer_size()
        if now < buffered:
            self._expect_progress(now)
        else:
            self.transport.abort()  # close() would wait for the client to read it all

    def _cancel_send_timer(self) -> None:
        if self._send_timer is not None:
            self._send_timer.cancel()
            self._send_timer = None

    def _cancel_request_timer(self) -> None:
        if self._request_timer is not None:
            self._request_timer.cancel()
            self._request_timer = None

    def _request_too_slow(self) -> None:
        """Close a connection whose request is late: with a 408 if no response has begun."""
        self._request_timer = None
        if self.transport.is_closing():
            return
        if not self._head_arrived:
            self.transport.write(_TIMED_OUT)
        self.transport.close()
