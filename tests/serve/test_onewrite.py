"""The one-write transport (vntimeline._serve.onewrite), over a real socket pair.

Each test runs an event loop with one end of a socket pair as an asyncio
transport, wrapped, and reads what arrives at the other end: the bytes, their
order, and how many calls carried them (counted on the wrapped transport).
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from vntimeline._serve.onewrite import HOLD_LIMIT, OneWriteTransport

HEAD = b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\n"


class _Quiet(asyncio.Protocol):
    """The protocol of our end: the tests only write, and read at the other end."""


def _run(test: Callable[[OneWriteTransport, list[str]], Awaitable[None]]) -> bytes:
    """Run *test* with a wrapped transport; everything the other end received."""
    ours, theirs = socket.socketpair()
    theirs.settimeout(5)

    async def main() -> None:
        loop = asyncio.get_running_loop()
        transport, _ = await loop.connect_accepted_socket(_Quiet, ours)
        calls: list[str] = []
        depth = [0]  # asyncio's writelines calls write: count the outer call only
        for name in ("write", "writelines"):
            original = getattr(transport, name)

            def spy(*args: Any, _original: Any = original, _name: str = name) -> Any:
                if not depth[0]:
                    calls.append(_name)
                depth[0] += 1
                try:
                    return _original(*args)
                finally:
                    depth[0] -= 1

            setattr(transport, name, spy)
        await test(OneWriteTransport(transport, loop), calls)

    try:
        asyncio.run(main())
        received = b""
        while chunk := theirs.recv(65536):
            received += chunk
        return received
    finally:
        theirs.close()


class TestOneWrite:
    def test_a_head_and_its_body_go_out_in_one_call_in_order(self) -> None:
        async def test(transport: OneWriteTransport, calls: list[str]) -> None:
            transport.write(HEAD)
            assert calls == []  # held
            transport.write(b"hello")
            assert calls == ["writelines"]
            transport.close()

        assert _run(test) == HEAD + b"hello"

    def test_a_held_write_with_nothing_after_it_goes_out_at_the_end_of_the_turn(self) -> None:
        async def test(transport: OneWriteTransport, calls: list[str]) -> None:
            transport.write(b"HTTP/1.1 100 Continue\r\n\r\n")
            assert transport.get_write_buffer_size() > 0
            await asyncio.sleep(0)
            assert calls == ["write"]
            transport.close()

        assert _run(test) == b"HTTP/1.1 100 Continue\r\n\r\n"

    def test_a_large_write_is_not_held(self) -> None:
        body = b"x" * (HOLD_LIMIT + 1)

        async def test(transport: OneWriteTransport, calls: list[str]) -> None:
            transport.write(body)
            assert calls == ["write"]
            transport.close()

        assert _run(test) == body

    def test_close_sends_what_is_held_first(self) -> None:
        async def test(transport: OneWriteTransport, calls: list[str]) -> None:
            transport.write(b"HTTP/1.1 400 Bad Request\r\n\r\n")
            transport.close()
            assert transport.is_closing()

        assert _run(test) == b"HTTP/1.1 400 Bad Request\r\n\r\n"

    def test_writelines_keeps_the_order_after_a_held_write(self) -> None:
        async def test(transport: OneWriteTransport, calls: list[str]) -> None:
            transport.write(b"a")
            transport.writelines([b"b", b"c"])
            transport.write(b"d" * (HOLD_LIMIT + 1))
            transport.close()

        assert _run(test) == b"abc" + b"d" * (HOLD_LIMIT + 1)

    def test_abort_drops_what_is_held(self) -> None:
        async def test(transport: OneWriteTransport, calls: list[str]) -> None:
            transport.write(b"never sent")
            transport.abort()
            await asyncio.sleep(0)
            assert calls == []

        assert _run(test) == b""

    def test_the_wrapped_transports_information_shows_through(self) -> None:
        async def test(transport: OneWriteTransport, calls: list[str]) -> None:
            assert transport.get_extra_info("socket") is not None
            assert transport.is_reading()
            transport.pause_reading()
            assert not transport.is_reading()
            transport.resume_reading()
            assert transport.get_write_buffer_size() == 0
            transport.close()

        assert _run(test) == b""


@pytest.mark.parametrize("size", [0, 1, HOLD_LIMIT])
def test_every_short_write_is_held_until_the_next(size: int) -> None:
    async def test(transport: OneWriteTransport, calls: list[str]) -> None:
        transport.write(b"h" * size)
        transport.write(b"b" * (HOLD_LIMIT * 2))
        assert calls == ["writelines"]
        transport.close()

    assert _run(test) == b"h" * size + b"b" * (HOLD_LIMIT * 2)
