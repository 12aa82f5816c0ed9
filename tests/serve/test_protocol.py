"""The HTTP framing of the server (vntimeline._serve.http and .app), over raw sockets.

What a client library would hide: a body parsed as a second request, a
connection left open or closed, a request line that reaches the log as it
came. Each test writes request bytes itself and reads back everything the
server sends (tests/helpers/http.py).
"""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import SERVE_DATA
from helpers.http import (
    Response,
    connect,
    eventually,
    exchange,
    read_response,
    read_until_closed,
    request_bytes,
)
from vntimeline._serve.app import printable
from vntimeline._serve.http import FeedServer

FEED = "/vntimeline-policy.ics"
CLOSE = {"Connection": "close"}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FeedServer]:
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SOURCE_DATE_EPOCH", raising=False)
        path = tmp_path_factory.mktemp("protocol") / "events.yaml"
        path.write_text(SERVE_DATA, encoding="utf-8")
        with FeedServer(path, port=0) as running:
            yield running


def is_feed(response: Response) -> bool:
    return response.status == 200 and response.body.startswith(b"BEGIN:VCALENDAR")


class TestRequestBodies:
    """A body is read as a body, never as the next request (issue 16, point 5)."""

    def test_a_request_hidden_in_a_post_body_is_never_answered(self, server: FeedServer) -> None:
        hidden = request_bytes("GET", FEED)
        smuggler = request_bytes("POST", "/", {"Content-Length": str(len(hidden))}, hidden)
        responses = exchange(server.address, smuggler + request_bytes("GET", "/", CLOSE))
        assert [r.status for r in responses] == [405, 200]
        assert not any(b"BEGIN:VCALENDAR" in r.body for r in responses)
        assert responses[1].headers["content-type"].startswith("text/html")

    def test_a_hidden_request_in_a_body_sent_after_the_answer_is_not_answered(
        self, server: FeedServer
    ) -> None:
        hidden = request_bytes("GET", FEED)
        with connect(server.address) as sock:
            sock.sendall(request_bytes("POST", "/", {"Content-Length": str(len(hidden))}))
            buffer = bytearray()
            assert read_response(sock, buffer).status == 405  # answered before the body came
            sock.sendall(hidden + request_bytes("GET", "/", CLOSE))
            rest = read_until_closed(sock)
        assert b"BEGIN:VCALENDAR" not in bytes(buffer) + rest
        assert rest.startswith(b"HTTP/1.1 200 ") and rest.count(b"HTTP/1.1 ") == 1

    def test_a_chunked_body_holding_a_request_is_not_answered(self, server: FeedServer) -> None:
        hidden = request_bytes("GET", FEED)
        chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(hidden), hidden)
        post = request_bytes("POST", "/", {"Transfer-Encoding": "chunked"}, chunked)
        responses = exchange(server.address, post + request_bytes("GET", FEED, CLOSE))
        # a chunked body is not worth reading: the server answers and closes
        assert [r.status for r in responses] == [405]
        assert responses[0].headers["connection"] == "close"

    def test_a_request_with_two_lengths_is_refused_and_closed(self, server: FeedServer) -> None:
        hidden = request_bytes("GET", FEED)
        headers = {"Content-Length": str(len(hidden)), "Transfer-Encoding": "chunked"}
        responses = exchange(server.address, request_bytes("POST", "/", headers, hidden))
        assert [r.status for r in responses] == [400]

    def test_an_ordinary_body_does_not_disturb_the_next_request(self, server: FeedServer) -> None:
        form = b"name=value&other=1"
        post = request_bytes("POST", FEED, {"Content-Length": str(len(form))}, form)
        responses = exchange(server.address, post + request_bytes("GET", FEED, CLOSE))
        assert [r.status for r in responses] == [405, 200]
        assert is_feed(responses[1])

    def test_a_get_with_a_body_is_answered_and_its_body_skipped(self, server: FeedServer) -> None:
        hidden = request_bytes("GET", "/")
        get = request_bytes("GET", FEED, {"Content-Length": str(len(hidden))}, hidden)
        responses = exchange(server.address, get + request_bytes("GET", FEED, CLOSE))
        assert [is_feed(r) for r in responses] == [True, True]

    def test_a_large_body_is_not_read_the_connection_is_closed(self, server: FeedServer) -> None:
        with connect(server.address) as sock:
            sock.sendall(request_bytes("POST", "/", {"Content-Length": str(10**9)}))
            sock.sendall(b"x" * 4096)
            data = read_until_closed(sock)
        assert data.startswith(b"HTTP/1.1 405 ")
        assert b"\r\nconnection: close\r\n" in data.lower()

    def test_pipelined_requests_are_answered_in_order(self, server: FeedServer) -> None:
        requests = (
            request_bytes("GET", FEED)
            + request_bytes("HEAD", "/")
            + request_bytes("GET", "/missing", CLOSE)
        )
        with connect(server.address) as sock:
            sock.sendall(requests)
            data = read_until_closed(sock)
        assert [
            line.split(b" ")[1] for line in data.split(b"\r\n") if line.startswith(b"HTTP/")
        ] == [
            b"200",
            b"200",
            b"404",
        ]


class TestMethodsAndTargets:
    @pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"])
    def test_only_get_and_head_are_allowed(self, server: FeedServer, method: str) -> None:
        (response,) = exchange(server.address, request_bytes(method, FEED, CLOSE))
        assert response.status == 405
        assert response.headers["allow"] == "GET, HEAD"

    def test_an_absolute_form_target_is_served(self, server: FeedServer) -> None:
        target = f"http://{server.address[0]}:{server.address[1]}{FEED}"
        (response,) = exchange(server.address, request_bytes("GET", target, CLOSE))
        assert is_feed(response)

    @pytest.mark.parametrize(
        "target", ["http://example.org/../events.yaml", "http://example.org/%2e%2e/events.yaml"]
    )
    def test_an_absolute_form_target_reaches_nothing_else(
        self, server: FeedServer, target: str
    ) -> None:
        (response,) = exchange(server.address, request_bytes("GET", target, CLOSE))
        assert response.status == 404

    @pytest.mark.parametrize(
        "target", ["/vntimeline.ics%00", "/%00", "/vntimeline.ics%2f", "/vntimeline.ics%2F.."]
    )
    def test_encoded_tricks_reach_nothing(self, server: FeedServer, target: str) -> None:
        (response,) = exchange(server.address, request_bytes("GET", target, CLOSE))
        assert response.status == 404


class TestHeaders:
    def test_the_index_forbids_scripts_and_sniffing(self, server: FeedServer) -> None:
        (response,) = exchange(server.address, request_bytes("GET", "/", CLOSE))
        policy = response.headers["content-security-policy"]
        assert "default-src 'none'" in policy
        assert "frame-ancestors 'none'" in policy
        assert response.headers["x-content-type-options"] == "nosniff"

    @pytest.mark.parametrize("target", [FEED, "/missing"])
    def test_every_response_forbids_sniffing(self, server: FeedServer, target: str) -> None:
        (response,) = exchange(server.address, request_bytes("GET", target, CLOSE))
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["server"] == "vntimeline"


class TestLog:
    """Control characters in a request never reach the log raw (issue 16, point 8)."""

    FORGED = "/x%0D%0Areloaded%20/data/events.yaml:%201%20feed(s)%20changed"

    def messages(self, caplog: pytest.LogCaptureFixture) -> list[str]:
        return [record.getMessage() for record in caplog.records]

    def test_an_encoded_line_break_is_logged_escaped(
        self, server: FeedServer, caplog: pytest.LogCaptureFixture
    ) -> None:
        with caplog.at_level(logging.INFO):
            (response,) = exchange(server.address, request_bytes("GET", self.FORGED, CLOSE))
            line = eventually(
                lambda: [m for m in self.messages(caplog) if "reloaded" in m], "the access log"
            )
        assert response.status == 404
        assert len(line) == 1
        assert line[0].isprintable()
        assert '"GET /x%0D%0Areloaded%20/data/' in line[0]

    @pytest.mark.parametrize("raw", [b"\x1b[2J", b"\r\nreloaded", b"\x00", b"\x7f"])
    def test_a_raw_control_character_is_refused_and_not_logged(
        self, server: FeedServer, caplog: pytest.LogCaptureFixture, raw: bytes
    ) -> None:
        line = b"GET /x" + raw + b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        with caplog.at_level(logging.INFO), connect(server.address) as sock:
            sock.sendall(line)
            data = read_until_closed(sock)
        assert data.startswith(b"HTTP/1.1 400 ")
        for message in self.messages(caplog):
            assert message.isprintable(), message

    def test_printable_escapes_what_could_break_a_line_or_a_quoted_field(self) -> None:
        assert printable('/a\r\nb"c\\d\x1be\u2028f') == "/a\\x0d\\x0ab\\x22c\\x5cd\\x1be\\u2028f"
        assert printable("/Việt Nam") == "/Việt Nam"


class TestConnections:
    """Idle connections are closed, and the number served at once is bounded (point 7)."""

    @pytest.fixture
    def strict(self, serve_data: Path) -> Iterator[FeedServer]:
        with FeedServer(serve_data, port=0, idle_timeout=0.3, limit=3) as running:
            yield running

    def test_a_connection_that_never_sends_a_request_is_closed(self, strict: FeedServer) -> None:
        with connect(strict.address) as sock:
            assert sock.recv(1) == b""  # closed by the server, not by the socket's timeout

    def test_an_idle_keep_alive_connection_is_closed(self, strict: FeedServer) -> None:
        with connect(strict.address) as sock:
            sock.sendall(request_bytes("GET", FEED))
            assert is_feed(read_response(sock, buffer := bytearray()))
            assert buffer == bytearray()
            assert sock.recv(1) == b""

    def test_a_request_sent_a_byte_at_a_time_is_cut_off_with_408(self, serve_data: Path) -> None:
        request = request_bytes("GET", FEED)
        server = FeedServer(serve_data, port=0, idle_timeout=0.5, request_timeout=0.6)
        with server, connect(server.address) as sock:
            start = time.monotonic()
            for byte in request[:-2]:  # each byte is activity: the idle timeout never fires
                try:
                    sock.sendall(bytes([byte]))
                except OSError:  # closed by the server while we were still sending
                    break
                time.sleep(0.05)
            data = read_until_closed(sock)
            took = time.monotonic() - start
        assert data.startswith(b"HTTP/1.1 408 Request Timeout\r\n")
        assert data.count(b"HTTP/1.1 ") == 1
        assert took < len(request) * 0.05  # cut off before the request could be finished

    def test_a_request_that_arrives_in_time_is_answered_and_its_timer_does_not_fire(
        self, serve_data: Path
    ) -> None:
        server = FeedServer(serve_data, port=0, idle_timeout=5, request_timeout=0.3)
        with server, connect(server.address) as sock:
            request = request_bytes("GET", FEED)
            sock.sendall(request[:10])
            time.sleep(0.1)
            sock.sendall(request[10:])
            assert is_feed(read_response(sock, bytearray()))
            time.sleep(0.5)  # past the request timeout: the connection stays open
            sock.sendall(request_bytes("GET", FEED, CLOSE))
            assert is_feed(read_response(sock, bytearray()))

    def test_a_client_that_never_reads_its_responses_is_dropped(self, serve_data: Path) -> None:
        # Far more response bytes than the socket buffers between us can hold (4 MiB at most).
        requests = 5000
        with FeedServer(serve_data, port=0, send_timeout=0.3) as server:
            feed = exchange(server.address, request_bytes("GET", FEED, CLOSE))[0]
            sock = socket.socket()
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            sock.connect(server.address)
            with sock:
                send_while_the_server_reads(sock, request_bytes("GET", FEED) * requests)
                time.sleep(1.0)  # reads nothing: the server's buffer fills and stays full
                received = read_until_dropped(sock)
            after = exchange(server.address, request_bytes("GET", FEED, CLOSE))[0]
        assert is_feed(feed) and is_feed(after)  # the server itself carries on
        assert received < requests * len(feed.body)  # dropped long before it sent them all

    def test_a_slow_reader_that_keeps_reading_gets_every_response(self, serve_data: Path) -> None:
        requests = 40
        with FeedServer(serve_data, port=0, send_timeout=0.3) as server:
            sock = socket.socket()
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            sock.settimeout(10)
            sock.connect(server.address)
            with sock:
                sock.sendall(request_bytes("GET", FEED) * (requests - 1))
                sock.sendall(request_bytes("GET", FEED, CLOSE))
                received = b""
                while chunk := sock.recv(16384):
                    received += chunk
                    time.sleep(0.001)  # slow, but never stalled for a send timeout
        assert received.count(b"HTTP/1.1 200 OK") == requests

    def test_connections_beyond_the_limit_get_503_until_one_closes(self, serve_data: Path) -> None:
        with FeedServer(serve_data, port=0, limit=3) as server:
            held = [connect(server.address) for _ in range(3)]
            for sock in held:  # each is served, and stays open
                sock.sendall(request_bytes("GET", FEED))
                assert is_feed(read_response(sock, bytearray()))
            (refused,) = exchange(server.address, request_bytes("GET", FEED, CLOSE))
            held.pop().close()
            served = eventually(
                lambda: is_feed(exchange(server.address, request_bytes("GET", FEED, CLOSE))[0]),
                "a freed connection",
            )
            for sock in held:
                sock.close()
        assert refused.status == 503
        assert served

    def test_256_concurrent_connections_are_all_served(self, server: FeedServer) -> None:
        sockets = [connect(server.address) for _ in range(256)]
        try:
            for sock in sockets:
                sock.sendall(request_bytes("GET", FEED, CLOSE))
            statuses = [exchange_status(sock) for sock in sockets]
        finally:
            for sock in sockets:
                sock.close()
        assert statuses == [200] * 256


def send_while_the_server_reads(sock: socket.socket, data: bytes) -> None:
    """Send *data*, or as much of it as the server takes before it stops reading for 0.5 s."""
    sock.setblocking(False)
    sent, stalled_since = 0, None
    while sent < len(data):
        try:
            sent += sock.send(data[sent:])
            stalled_since = None
        except BlockingIOError:
            stalled_since = stalled_since or time.monotonic()
            if time.monotonic() - stalled_since > 0.5:
                break
            time.sleep(0.01)
    sock.settimeout(10)


def read_until_dropped(sock: socket.socket) -> int:
    """How many bytes arrive until the server closes or resets the connection."""
    received = 0
    try:
        while chunk := sock.recv(65536):
            received += len(chunk)
    except ConnectionResetError:
        pass
    return received


def exchange_status(sock: socket.socket) -> int:
    """The status of the one response left to read on *sock*."""
    data = read_until_closed(sock)
    assert data.count(b"HTTP/1.1 ") == 1
    return int(data.split(b" ", 2)[1])
