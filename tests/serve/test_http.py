"""The HTTP front (vntimeline._serve.http): feeds over HTTP, reloads, and nothing else.

Each test starts a FeedServer on a free port in a thread, on a small data file
in a temporary folder, and talks to it with http.client; the last class runs
the real ``vntimeline serve`` command in a subprocess. test_store.py covers the
feeds and reloads without sockets.
"""

from __future__ import annotations

import email.utils
import http.client
import logging
import os
import queue
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from icalendar import Calendar

from conftest import edit_file
from vntimeline._export.ical import to_ical
from vntimeline._load.loader import load
from vntimeline._resolve.resolver import resolve
from vntimeline._serve.http import FeedServer
from vntimeline.errors import ExportError

Response = tuple[int, dict[str, str], bytes]
#: The UID domain of SERVE_DATA's feeds: derived from its name, the file's stem "events".
DOMAIN = "events-862417b9.vntimeline.invalid"


def uid(event_id: str) -> str:
    """The UID of *event_id* in the served feeds."""
    return f"{event_id}@{DOMAIN}"


@pytest.fixture
def server(serve_data: Path) -> Iterator[FeedServer]:
    with FeedServer(serve_data, port=0) as running:
        yield running


def request(
    server: FeedServer, path: str, headers: dict[str, str] | None = None, method: str = "GET"
) -> Response:
    host, port = server.address
    connection = http.client.HTTPConnection(host, port, timeout=30)
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        body = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        connection.close()


def summaries(body: bytes) -> dict[str, str]:
    return {str(e["UID"]): str(e["SUMMARY"]) for e in Calendar.from_ical(body).events}


class TestFeeds:
    def test_the_combined_feed_is_served_as_utf8_text_calendar(
        self, server: FeedServer, serve_data: Path
    ) -> None:
        status, headers, body = request(server, "/vntimeline.ics")
        assert status == 200
        assert headers["content-type"] == "text/calendar; charset=utf-8"
        assert headers["content-length"] == str(len(body))
        assert body == to_ical(resolve(load(serve_data)))

    def test_each_category_has_its_own_feed(self, server: FeedServer) -> None:
        assert sorted(server.store.feeds()) == [
            "vntimeline-diplomacy.ics",
            "vntimeline-policy.ics",
            "vntimeline.ics",
        ]
        status, _, body = request(server, "/vntimeline-policy.ics")
        assert status == 200
        assert list(summaries(body)) == [uid("strategy")]

    def test_head_sends_the_headers_without_the_body(self, server: FeedServer) -> None:
        status, headers, body = request(server, "/vntimeline.ics", method="HEAD")
        assert (status, body) == (200, b"")
        assert int(headers["content-length"]) == len(server.store.feeds()["vntimeline.ics"].body)
        assert headers["content-type"] == "text/calendar; charset=utf-8"

    def test_a_query_string_is_ignored(self, server: FeedServer) -> None:
        assert request(server, "/vntimeline.ics?refresh=1")[0] == 200


class TestConditionalRequests:
    def test_a_feed_has_a_strong_etag_and_a_last_modified_date(self, server: FeedServer) -> None:
        _, headers, _ = request(server, "/vntimeline.ics")
        assert re.fullmatch(r'"[0-9a-f]{32}"', headers["etag"])
        assert email.utils.parsedate_to_datetime(headers["last-modified"]).tzinfo is not None

    @pytest.mark.parametrize("form", ["{etag}", "W/{etag}", '"other", {etag}', "*"])
    def test_a_matching_if_none_match_gets_304_without_a_body(
        self, server: FeedServer, form: str
    ) -> None:
        etag = request(server, "/vntimeline.ics")[1]["etag"]
        status, headers, body = request(
            server, "/vntimeline.ics", {"If-None-Match": form.format(etag=etag)}
        )
        assert (status, body) == (304, b"")
        assert headers["etag"] == etag

    def test_an_other_etag_gets_the_feed(self, server: FeedServer) -> None:
        status, _, body = request(server, "/vntimeline.ics", {"If-None-Match": '"stale"'})
        assert status == 200
        assert body.startswith(b"BEGIN:VCALENDAR")

    def test_if_modified_since_the_last_modification_gets_304(self, server: FeedServer) -> None:
        last_modified = request(server, "/vntimeline.ics")[1]["last-modified"]
        assert request(server, "/vntimeline.ics", {"If-Modified-Since": last_modified})[0] == 304

    @pytest.mark.parametrize("since", ["Mon, 01 Jan 2001 00:00:00 GMT", "yesterday", ""])
    def test_an_older_or_unreadable_if_modified_since_gets_the_feed(
        self, server: FeedServer, since: str
    ) -> None:
        assert request(server, "/vntimeline.ics", {"If-Modified-Since": since})[0] == 200

    def test_if_none_match_wins_over_if_modified_since(self, server: FeedServer) -> None:
        future = "Fri, 01 Jan 2100 00:00:00 GMT"
        headers = {"If-None-Match": '"stale"', "If-Modified-Since": future}
        assert request(server, "/vntimeline.ics", headers)[0] == 200


class TestIndex:
    def test_the_index_links_every_feed_over_http_and_webcal(self, server: FeedServer) -> None:
        status, headers, body = request(server, "/", {"Host": "feeds.example.org:8000"})
        page = body.decode("utf-8")
        assert status == 200
        assert headers["content-type"] == "text/html; charset=utf-8"
        for name in server.store.feeds():
            assert f'href="http://feeds.example.org:8000/{name}"' in page
            assert f'href="webcal://feeds.example.org:8000/{name}"' in page
        assert "events — policy</strong> (1 event)" in page

    def test_a_strange_host_header_is_not_echoed(self, server: FeedServer) -> None:
        page = request(server, "/", {"Host": '"><script>alert(1)</script>'})[2].decode()
        assert "<script>" not in page
        host, port = server.address
        assert f'href="webcal://{host}:{port}/vntimeline.ics"' in page


class TestPaths:
    @pytest.mark.parametrize(
        "path",
        [
            "/events.yaml",
            "/../events.yaml",
            "/%2e%2e/events.yaml",
            "/..%2fevents.yaml",
            "/etc/passwd",
            "/../../../../etc/passwd",
            "/vntimeline.ics/",
            "/vntimeline.ics/../events.yaml",
            "/vntimeline-../../events.yaml",
            "/vntimeline",
            "/favicon.ico",
            "/.vntimeline-feed-state.json",
        ],
    )
    def test_nothing_outside_the_feeds_is_served(self, server: FeedServer, path: str) -> None:
        status, _, body = request(server, path)
        assert status == 404
        assert b"timezone:" not in body and b"root:" not in body

    def test_a_post_is_refused_and_says_what_is_allowed(self, server: FeedServer) -> None:
        status, headers, _ = request(server, "/vntimeline.ics", method="POST")
        assert status == 405
        assert headers["allow"] == "GET, HEAD"


class TestReload:
    def test_a_changed_data_file_is_served_without_a_restart(
        self, server: FeedServer, serve_data: Path
    ) -> None:
        _, before, _ = request(server, "/vntimeline.ics")
        edit_file(
            serve_data,
            "title: ASEAN–China ministerial roundtable on AI",
            "title: ASEAN–China ministerial roundtable on artificial intelligence",
        )
        status, after, body = request(server, "/vntimeline.ics")
        assert status == 200
        assert summaries(body)[uid("nanning-roundtable")].endswith("intelligence")
        assert after["etag"] != before["etag"]
        assert email.utils.parsedate_to_datetime(
            after["last-modified"]
        ) > email.utils.parsedate_to_datetime(before["last-modified"])
        event = Calendar.from_ical(body).events
        sequences = {str(e["UID"]): e.sequence for e in event}
        assert sequences == {uid("nanning-roundtable"): 1, uid("strategy"): 0}
        # the policy feed did not change, so its validators stay
        assert (
            request(server, "/vntimeline-policy.ics", {"If-None-Match": before["etag"]})[0] == 200
        )
        policy = server.store.feeds()["vntimeline-policy.ics"]
        assert request(server, "/vntimeline-policy.ics", {"If-None-Match": policy.etag})[0] == 304

    def test_an_invalid_file_keeps_the_last_good_feed_and_logs_once(
        self,
        server: FeedServer,
        serve_data: Path,
        caplog: pytest.LogCaptureFixture,
    ) -> None:
        good = request(server, "/vntimeline.ics")[2]
        edit_file(serve_data, "start: 2025-09-18", "start: 2025-09-31")
        with caplog.at_level(logging.ERROR, logger="vntimeline.serve"):
            first = request(server, "/vntimeline.ics")
            second = request(server, "/vntimeline.ics")
        assert (first[0], first[2]) == (200, good)
        assert second[2] == good
        errors = [r for r in caplog.records if r.levelno == logging.ERROR]
        assert len(errors) == 1
        assert "events.yaml:" in errors[0].getMessage()
        assert "2025-09-31" in errors[0].getMessage()
        assert "still serving" in errors[0].getMessage()


class TestStartup:
    def test_a_busy_port_is_an_error_naming_it(self, server: FeedServer, serve_data: Path) -> None:
        host, port = server.address
        with pytest.raises(ExportError, match=f"cannot listen on {host}:{port}"):
            FeedServer(serve_data, host, port)

    def test_port_zero_picks_a_free_port_and_reports_it(self, server: FeedServer) -> None:
        host, port = server.address
        assert port > 0
        assert server.url == f"http://{host}:{port}/"


class TestServeCommand:
    """``python -m vntimeline serve``, as a user runs it."""

    def start(self, serve_data: Path, *flags: str) -> tuple[subprocess.Popen[str], str]:
        env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
        process = subprocess.Popen(
            [sys.executable, "-m", "vntimeline", "serve", str(serve_data), "--port", "0", *flags],
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
            env=env,
            # a shell's background job ignores SIGINT; the test sends it on purpose
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
            assert line, "the server exited before listening"
            found = re.search(r"at (http://\S+/) \(Ctrl-C to stop\)", line)
            if found:
                return process, found.group(1)

    @pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
    def test_the_command_serves_and_exits_cleanly_when_stopped(
        self, serve_data: Path, stop: int
    ) -> None:
        process, url = self.start(serve_data)
        try:
            connection = http.client.HTTPConnection(url.split("/")[2], timeout=30)
            connection.request("GET", "/vntimeline.ics")
            response = connection.getresponse()
            body = response.read()
            connection.close()
            assert response.status == 200
            assert uid("nanning-roundtable") in summaries(body)
        finally:
            process.send_signal(stop)
            code = process.wait(timeout=60)
        assert code == 0

    def test_name_and_public_url_name_the_served_feeds(self, serve_data: Path) -> None:
        flags = ("--name", "Hanoi AI", "--public-url", "https://feeds.example.org/hanoi/")
        process, url = self.start(serve_data, *flags)
        try:
            connection = http.client.HTTPConnection(url.split("/")[2], timeout=30)
            connection.request("GET", "/vntimeline.ics")
            calendar = Calendar.from_ical(connection.getresponse().read())
            connection.request("GET", "/")
            page = connection.getresponse().read().decode("utf-8")
            connection.close()
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=60)
        assert str(calendar["NAME"]) == "Hanoi AI"
        assert str(calendar["SOURCE"]) == "https://feeds.example.org/hanoi/vntimeline.ics"
        assert "nanning-roundtable@feeds.example.org" in [str(e["UID"]) for e in calendar.events]
        assert "<h1>Hanoi AI</h1>" in page
