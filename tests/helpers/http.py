"""HTTP/1.1 over raw sockets, for tests that must see exactly what a server sends.

http.client hides what matters in these tests (a second response the client
did not ask for, a connection the server closed), so they write request
bytes themselves and split what comes back into responses here.
"""

from __future__ import annotations

import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

#: Generous: only a hung server ever reaches it.
TIMEOUT = 30.0


@dataclass
class Response:
    """One response as it came over the wire."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


def connect(address: tuple[str, int]) -> socket.socket:
    """A connected socket with a timeout that only a hung server reaches."""
    return socket.create_connection(address, timeout=TIMEOUT)


def read_until_closed(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection."""
    chunks = []
    while chunk := sock.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def exchange(address: tuple[str, int], data: bytes) -> list[Response]:
    """Send *data* on one connection and split all that comes back, until close, into responses.

    The last request in *data* should say ``Connection: close``. Every
    response is taken to have a body unless it is a 304 or its headers say
    ``content-length: 0``; HEAD requests do not belong here.
    """
    with connect(address) as sock:
        sock.sendall(data)
        return parse_responses(read_until_closed(sock))


def read_response(sock: socket.socket, buffer: bytearray) -> Response:
    """Read one response from *sock* (bytes already received are in *buffer*)."""
    while b"\r\n\r\n" not in buffer:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError(f"closed before a complete response: {bytes(buffer)!r}")
        buffer += chunk
    head, _, _ = bytes(buffer).partition(b"\r\n\r\n")
    response = _head(head)
    length = 0 if response.status == 304 else int(response.headers.get("content-length", "0"))
    end = len(head) + 4 + length
    while len(buffer) < end:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed in the middle of a body")
        buffer += chunk
    response.body = bytes(buffer[len(head) + 4 : end])
    del buffer[:end]
    return response


def parse_responses(data: bytes) -> list[Response]:
    """Every response in *data*, in order; anything left over is a test failure."""
    responses = []
    while data:
        head, found, rest = data.partition(b"\r\n\r\n")
        assert found, f"a partial response at the end: {data!r}"
        response = _head(head)
        length = 0 if response.status == 304 else int(response.headers.get("content-length", "0"))
        response.body, data = rest[:length], rest[length:]
        responses.append(response)
    return responses


def _head(head: bytes) -> Response:
    """The status and headers of one response's head."""
    status_line, *lines = head.decode("latin-1").split("\r\n")
    version, status, *_ = status_line.split(" ")
    assert version == "HTTP/1.1", status_line
    headers = {}
    for line in lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return Response(int(status), headers)


def request_bytes(
    method: str, target: str, headers: dict[str, str] | None = None, body: bytes = b""
) -> bytes:
    """One HTTP/1.1 request (a Host header is added unless *headers* has one)."""
    fields = {"Host": "localhost", **(headers or {})}
    lines = [f"{method} {target} HTTP/1.1", *(f"{k}: {v}" for k, v in fields.items()), "", ""]
    return "\r\n".join(lines).encode("latin-1") + body


def eventually(check: Callable[[], T | None], what: str, timeout: float = TIMEOUT) -> T:
    """Call *check* until it returns something true, and return that; fail after *timeout*.

    For things another thread does soon but not at once (a reload). The
    timeout only stops a test that would hang; nothing here measures speed.
    """
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def start_serve_command(data: Path, *flags: str) -> tuple[subprocess.Popen[str], str]:
    """Start ``python -m vntimeline serve DATA --port 0 FLAGS...``: the process and its base URL.

    The server's log keeps being read in a thread, so it never blocks on a
    full pipe. SIGINT is left at its default, as a shell's background job
    would ignore it and the tests send it on purpose.
    """
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    process = subprocess.Popen(
        [sys.executable, "-m", "vntimeline", "serve", str(data), "--port", "0", *flags],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env=env,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            lines.put(line)
        lines.put("")

    threading.Thread(target=pump, daemon=True).start()
    while True:
        line = lines.get(timeout=60)
        assert line, "vntimeline serve exited before listening"
        found = re.search(r"at (http://\S+/) \(Ctrl-C to stop\)", line)
        if found:
            return process, found.group(1)
