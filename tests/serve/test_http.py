"""The HTTP front (vntimeline._serve.http): feeds over HTTP, reloads, and nothing else.

Each test starts a FeedServer on a free port in a thread, on a small data file
in a temporary folder, and talks to it with http.client; the last class runs
the real ``vntimeline serve`` command in a subprocess. test_store.py covers the
feeds and reloads without sockets, test_protocol.py the HTTP framing over raw
sockets.

The server reloads a changed file in the background, once the file has stayed
unchanged for a moment (see vntimeline._serve.watch), so the reload tests
wait for the new version to be served rather than expecting it on the very
next request.
"""

from __future__ import annotations

import asyncio
import email.utils
import http.client
import logging
import os
import re
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from conftest import SERVE_DATA, edit_file
from helpers.http import eventually, start_serve_command
from vntimeline._export.ical import to_ical
from vntimeline._load.loader import load
from vntimeline._resolve.resolver import resolve
from vntimeline._serve.http import INTERVAL, FeedServer
from vntimeline.errors import ExportError

Response = tuple[int, dict[str, str], bytes]
#: The UID domain of SERVE_DATA's feeds: derived from its name, the file's stem "events".
DOMAIN = "events-862417b9.vntimeline.invalid"


def uid(event_id: str) -> str:
    """The UID of *event_id* in the served feeds."""
    return f"{event_id}@{DOMAIN}"


@pytest.fixture(scope="class")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FeedServer]:
    """One server on SERVE_DATA for a class of tests that do not change its file."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SOURCE_DATE_EPOCH", raising=False)
        path = tmp_path_factory.mktemp("serve") / "events.yaml"
        path.write_text(SERVE_DATA, encoding="utf-8")
        with FeedServer(path, port=0) as running:
            yield running


@pytest.fixture
def own_server(serve_data: Path) -> Iterator[FeedServer]:
    """A server of the test's own, on ``serve_data``, for tests that edit the file."""
    with FeedServer(serve_data, port=0) as running:
        yield running


def changed_from(server: FeedServer, etag: str, path: str = "/vntimeline.ics") -> Response:
    """The first response to *path* whose ETag is not *etag* (reloads happen in the background)."""

    def fetch() -> Response | None:
        response = request(server, path)
        return response if response[1]["etag"] != etag else None

    return eventually(fetch, f"{path} to change")


def http_date(value: str) -> float:
    return email.utils.parsedate_to_datetime(value).timestamp()


def newest_last_modified(body: bytes) -> float:
    """The newest LAST-MODIFIED property in a feed, in seconds since 1970."""
    events: list[Any] = Calendar.from_ical(body).events
    return float(max(event["LAST-MODIFIED"].dt.timestamp() for event in events))


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
    def test_the_combined_feed_is_served_as_utf8_text_calendar(self, server: FeedServer) -> None:
        status, headers, body = request(server, "/vntimeline.ics")
        assert status == 200
        assert headers["content-type"] == "text/calendar; charset=utf-8"
        assert headers["content-length"] == str(len(body))
        assert body == to_ical(resolve(load(server.store.path)))

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

    @pytest.mark.parametrize(
        "since", ["Tue, 01 Jan 3000 00:00:00 GMT", "Fri, 01 Jan 2100 00:00:00 GMT"]
    )
    def test_a_date_in_the_future_is_not_taken_as_the_clients_version(
        self, server: FeedServer, since: str
    ) -> None:
        status, _, body = request(server, "/vntimeline.ics", {"If-Modified-Since": since})
        assert status == 200
        assert body.startswith(b"BEGIN:VCALENDAR")

    def test_a_date_later_than_last_modified_gets_the_feed(self, server: FeedServer) -> None:
        # only the exact date served names a version; a later one may predate a change
        last_modified = request(server, "/vntimeline.ics")[1]["last-modified"]
        later = email.utils.formatdate(http_date(last_modified) + 60, usegmt=True)
        assert request(server, "/vntimeline.ics", {"If-Modified-Since": later})[0] == 200

    def test_last_modified_is_the_feeds_newest_last_modified_not_the_files_mtime(
        self, serve_data: Path
    ) -> None:
        os.utime(serve_data, (946684800, 946684800))  # 2000-01-01, like `cp -p` of an old file
        with FeedServer(serve_data, port=0) as server:
            _, headers, body = request(server, "/vntimeline.ics")
        assert http_date(headers["last-modified"]) == newest_last_modified(body)
        assert http_date(headers["last-modified"]) > 946684800

    def test_the_etag_is_the_same_after_a_restart_when_the_bytes_are(
        self, serve_data: Path
    ) -> None:
        with FeedServer(serve_data, port=0) as first:
            etag = request(first, "/vntimeline.ics")[1]["etag"]
        with FeedServer(serve_data, port=0) as second:
            status, headers, _ = request(second, "/vntimeline.ics", {"If-None-Match": etag})
        assert (status, headers["etag"]) == (304, etag)

    def test_new_content_with_an_older_mtime_after_a_restart_is_sent_in_full(
        self, serve_data: Path
    ) -> None:
        with FeedServer(serve_data, port=0) as first:
            _, old, old_body = request(first, "/vntimeline.ics")
        # `git checkout` of another version while the server is down: new bytes, old mtime
        edit_file(serve_data, "start: 2021-01-26", "start: 2021-01-27")
        os.utime(serve_data, (946684800, 946684800))
        with FeedServer(serve_data, port=0) as second:
            since = request(second, "/vntimeline.ics", {"If-Modified-Since": old["last-modified"]})
            match = request(second, "/vntimeline.ics", {"If-None-Match": old["etag"]})
        for status, _, body in (since, match):
            assert status == 200
            assert body != old_body
            assert b"DTSTART;VALUE=DATE:20210127" in body


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
        self, own_server: FeedServer, serve_data: Path
    ) -> None:
        _, before, _ = request(own_server, "/vntimeline.ics")
        edit_file(
            serve_data,
            "title: ASEAN–China ministerial roundtable on AI",
            "title: ASEAN–China ministerial roundtable on artificial intelligence",
        )
        status, after, body = changed_from(own_server, before["etag"])
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
            request(own_server, "/vntimeline-policy.ics", {"If-None-Match": before["etag"]})[0]
            == 200
        )
        policy = own_server.store.feeds()["vntimeline-policy.ics"]
        assert (
            request(own_server, "/vntimeline-policy.ics", {"If-None-Match": policy.etag})[0] == 304
        )

    def test_an_invalid_file_keeps_the_last_good_feed_and_logs_once(
        self,
        own_server: FeedServer,
        serve_data: Path,
        caplog: pytest.LogCaptureFixture,
    ) -> None:
        good = request(own_server, "/vntimeline.ics")[2]
        with caplog.at_level(logging.ERROR, logger="vntimeline.serve"):
            edit_file(serve_data, "start: 2025-09-18", "start: 2025-09-31")
            eventually(lambda: caplog.records, "the reload to fail")
            first = request(own_server, "/vntimeline.ics")
            own_server.store.refresh()  # looking again at the same broken file logs nothing more
            second = request(own_server, "/vntimeline.ics")
        assert (first[0], first[2]) == (200, good)
        assert second[2] == good
        errors = [r for r in caplog.records if r.levelno == logging.ERROR]
        assert len(errors) == 1
        assert "events.yaml:" in errors[0].getMessage()
        assert "2025-09-31" in errors[0].getMessage()
        assert "still serving" in errors[0].getMessage()

    def test_a_file_rewritten_in_two_steps_is_never_served_half_written(
        self, serve_data: Path
    ) -> None:
        full = SERVE_DATA.replace("on AI", "on AI, in Nanning") + EXTRA_EVENT
        half = full[: full.index("  - id: strategy")]  # valid YAML, valid data: one event
        # The half state stays on disk while the watcher looks at the file three times; a
        # settle time well above that keeps a busy test machine from turning the pause into
        # a writer that stopped (test_store.py checks the timing itself with a fake clock).
        with FeedServer(serve_data, port=0, settle=2.0) as server:
            _, before, _ = request(server, "/vntimeline.ics")
            with serve_data.open("w", encoding="utf-8") as handle:  # an editor saving in place
                handle.write(half)
                handle.flush()
                time.sleep(3 * INTERVAL)
                assert request(server, "/vntimeline.ics")[1]["etag"] == before["etag"]
                handle.write(full[len(half) :])
            _, _, body = changed_from(server, before["etag"])
            generation = server.store.snapshot.generation
        assert set(summaries(body)) == {uid("nanning-roundtable"), uid("strategy"), uid("summit")}
        assert generation == 1  # published once: the half state never was


#: A third event, appended to SERVE_DATA.
EXTRA_EVENT = """\
  - id: summit
    title: ASEAN digital ministers meet in Hanoi
    category: diplomacy
    claims:
      - source: vir
        start: 2026-01-15
"""


class TestStartup:
    def test_a_busy_port_is_an_error_naming_it(self, server: FeedServer) -> None:
        host, port = server.address
        with pytest.raises(ExportError, match=f"cannot listen on {host}:{port}"):
            FeedServer(server.store.path, host, port)

    def test_port_zero_picks_a_free_port_and_reports_it(self, server: FeedServer) -> None:
        host, port = server.address
        assert port > 0
        assert server.url == f"http://{host}:{port}/"

    def test_the_event_loop_is_uvloops_where_installed_and_asyncios_without(
        self, serve_data: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        import uvloop  # a dependency wherever it is built (not Windows, not PyPy)

        loops = []
        for installed in (True, False):
            if not installed:
                monkeypatch.setitem(sys.modules, "uvloop", None)  # import fails
            with FeedServer(serve_data, port=0) as running:
                status, _, body = request(running, "/vntimeline.ics")
                assert (status, body[:15]) == (200, b"BEGIN:VCALENDAR")
                assert running._server.servers  # uvicorn's server runs on the loop
                loops.append(type(running._server.servers[0].get_loop()))
        assert loops[0] is uvloop.Loop
        assert issubclass(loops[1], asyncio.AbstractEventLoop) and loops[1] is not uvloop.Loop


class TestServeCommand:
    """``python -m vntimeline serve``, as a user runs it."""

    @pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
    def test_the_command_serves_and_exits_cleanly_when_stopped(
        self, serve_data: Path, stop: int
    ) -> None:
        process, url = start_serve_command(serve_data)
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
        process, url = start_serve_command(serve_data, *flags)
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
