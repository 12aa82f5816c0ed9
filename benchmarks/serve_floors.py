"""The floors of the server's load test: the same feed bytes from minimal servers.

``python benchmarks/serve_floors.py KIND FEED`` serves the file FEED on a
free port of 127.0.0.1, prints the port, and runs until it is terminated.
KIND is one of:

* ``asyncio``: a minimal asyncio protocol, one write per request head, no
  parsing, no routing, no log: the least a Python server can do;
* ``stdlib``: :mod:`http.server` with keep-alive, a thread per connection and
  one write per response;
* ``uvicorn``: the HTTP server vntimeline runs on, with an app that only
  sends the bytes: what of the cost is the server's, not vntimeline's.

``serve_load.py`` starts each in its own process.
"""

from __future__ import annotations

import asyncio
import socket
import sys
from pathlib import Path
from typing import Any


def prebuilt(feed: Path) -> bytes:
    """The one response a floor sends: the feed's bytes behind the least of a head."""
    body = feed.read_bytes()
    head = b"HTTP/1.1 200 OK\r\ncontent-type: text/calendar; charset=utf-8\r\n"
    return head + b"content-length: %d\r\n\r\n" % len(body) + body


class FloorProtocol(asyncio.Protocol):
    """Answers each request head (up to a blank line) with the prebuilt response, in one write."""

    response = b""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self.buffer = b""

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while (end := self.buffer.find(b"\r\n\r\n")) >= 0:
            self.buffer = self.buffer[end + 4 :]
            self.transport.write(self.response)


def run_asyncio_floor(feed: Path) -> None:
    """The asyncio floor: no parsing, no routing, no log; prints its port and runs forever."""
    FloorProtocol.response = prebuilt(feed)

    async def serve() -> None:
        loop = asyncio.get_running_loop()
        server = await loop.create_server(FloorProtocol, "127.0.0.1", 0, backlog=2048)
        print(server.sockets[0].getsockname()[1], flush=True)
        await server.serve_forever()

    asyncio.run(serve())


def run_stdlib_floor(feed: Path) -> None:
    """The stdlib floor: http.server, a thread per connection, one write per response."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    response = prebuilt(feed)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            self.wfile.write(response)

        def log_message(self, *args: object) -> None:
            pass

    class Server(ThreadingHTTPServer):
        daemon_threads = True
        request_queue_size = 2048

    server = Server(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


def run_uvicorn_floor(feed: Path) -> None:
    """uvicorn itself, as vntimeline serves with it, with an app that only sends the bytes.

    Not a floor of the same kind: it shows what of the cost is the HTTP
    server's and what is vntimeline's own.
    """
    import uvicorn

    body = feed.read_bytes()
    headers = [
        (b"content-type", b"text/calendar; charset=utf-8"),
        (b"content-length", b"%d" % len(body)),
    ]

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(2048)
    print(sock.getsockname()[1], flush=True)
    config = uvicorn.Config(
        app, http="httptools", lifespan="off", access_log=False, log_level="warning"
    )
    uvicorn.Server(config).run(sockets=[sock])


FLOORS = {"asyncio": run_asyncio_floor, "stdlib": run_stdlib_floor, "uvicorn": run_uvicorn_floor}


if __name__ == "__main__":
    FLOORS[sys.argv[1]](Path(sys.argv[2]))
