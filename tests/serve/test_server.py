"""The feed server (vntimeline._serve.server): feeds over HTTP, reloads, and nothing else.

Each test starts a FeedServer on a free port in a thread, on a small data file
in a temporary folder, and talks to it with http.client; the last class runs
the real ``vntimeline serve`` command in a subprocess.
"""

from __future__ import annotations

import datetime as dt
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

from vntimeline._export.ical import feed as _ical
from vntimeline._export.ical.feed import FeedOptions, to_ical
from vntimeline._load.loader import load
from vntimeline._model.resolved import ResolvedTimeline
from vntimeline._resolve.resolver import resolve
from vntimeline._serve.server import FeedServer
from vntimeline.errors import DataError, ExportError

DATA = """\
timezone: Asia/Ho_Chi_Minh
sources:
  vir:
    title: Vietnam attends China-ASEAN ministerial roundtable on AI
    publisher: Vietnam Investment Review
    url: https://vir.com.vn/roundtable.html
    published: 2025-09-19T10:00+07:00
events:
  - id: nanning-roundtable
    title: ASEAN–China ministerial roundtable on AI
    category: diplomacy
    claims:
      - source: vir
        start: 2025-09-18
        quote: held on September 18 in Nanning
  - id: strategy
    title: Chiến lược quốc gia về trí tuệ nhân tạo
    category: policy
    claims:
      - source: vir
        start: 2021-01-26
"""

Response = tuple[int, dict[str, str], bytes]


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "events.yaml"
    path.write_text(DATA, encoding="utf-8")
    return path


@pytest.fixture
def server(data_file: Path) -> Iterator[FeedServer]:
    with FeedServer(data_file, port=0) as running:
        yield running


@pytest.fixture(autouse=True)
def _no_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


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


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


class TestFeeds:
    def test_the_combined_feed_is_served_as_utf8_text_calendar(
        self, server: FeedServer, data_file: Path
    ) -> None:
        status, headers, body = request(server, "/vntimeline.ics")
        assert status == 200
        assert headers["content-type"] == "text/calendar; charset=utf-8"
        assert headers["content-length"] == str(len(body))
        assert body == to_ical(resolve(load(data_file)))

    def test_each_category_has_its_own_feed(self, server: FeedServer) -> None:
        assert sorted(server.feeds()) == [
            "vntimeline-diplomacy.ics",
            "vntimeline-policy.ics",
            "vntimeline.ics",
        ]
        status, _, body = request(server, "/vntimeline-policy.ics")
        assert status == 200
        assert list(summaries(body)) == ["strategy@vntimeline"]

    def test_head_sends_the_headers_without_the_body(self, server: FeedServer) -> None:
        status, headers, body = request(server, "/vntimeline.ics", method="HEAD")
        assert (status, body) == (200, b"")
        assert int(headers["content-length"]) == len(server.feeds()["vntimeline.ics"].body)
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
        for name in server.feeds():
            assert f'href="http://feeds.example.org:8000/{name}"' in page
            assert f'href="webcal://feeds.example.org:8000/{name}"' in page
        assert "Vietnam AI policy timeline — policy</strong> (1 event)" in page

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
        self, server: FeedServer, data_file: Path
    ) -> None:
        _, before, _ = request(server, "/vntimeline.ics")
        edit(
            data_file,
            "title: ASEAN–China ministerial roundtable on AI",
            "title: ASEAN–China ministerial roundtable on artificial intelligence",
        )
        status, after, body = request(server, "/vntimeline.ics")
        assert status == 200
        assert summaries(body)["nanning-roundtable@vntimeline"].endswith("intelligence")
        assert after["etag"] != before["etag"]
        assert email.utils.parsedate_to_datetime(
            after["last-modified"]
        ) > email.utils.parsedate_to_datetime(before["last-modified"])
        event = Calendar.from_ical(body).events
        sequences = {str(e["UID"]): e.sequence for e in event}
        assert sequences == {"nanning-roundtable@vntimeline": 1, "strategy@vntimeline": 0}
        # the policy feed did not change, so its validators stay
        assert (
            request(server, "/vntimeline-policy.ics", {"If-None-Match": before["etag"]})[0] == 200
        )
        policy = server.feeds()["vntimeline-policy.ics"]
        assert request(server, "/vntimeline-policy.ics", {"If-None-Match": policy.etag})[0] == 304

    def test_an_unchanged_file_is_not_rebuilt(self, server: FeedServer, data_file: Path) -> None:
        data_file.write_text(DATA, encoding="utf-8")  # new mtime, same bytes
        assert server.refresh() is False

    def test_an_invalid_file_keeps_the_last_good_feed_and_logs_once(
        self,
        server: FeedServer,
        data_file: Path,
        caplog: pytest.LogCaptureFixture,
    ) -> None:
        good = request(server, "/vntimeline.ics")[2]
        edit(data_file, "start: 2025-09-18", "start: 2025-09-31")
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

    def test_a_fixed_file_is_picked_up_again(self, server: FeedServer, data_file: Path) -> None:
        edit(data_file, "start: 2025-09-18", "start: 2025-09-31")
        assert server.refresh() is False
        edit(data_file, "start: 2025-09-31", "start: 2025-09-17")
        body = request(server, "/vntimeline.ics")[2]
        starts = {str(e["UID"]): e.start for e in Calendar.from_ical(body).events}
        assert starts["nanning-roundtable@vntimeline"] == dt.date(2025, 9, 17)

    def test_a_deleted_file_keeps_the_last_good_feed(
        self,
        server: FeedServer,
        data_file: Path,
        caplog: pytest.LogCaptureFixture,
    ) -> None:
        good = request(server, "/vntimeline.ics")[2]
        data_file.unlink()
        with caplog.at_level(logging.ERROR, logger="vntimeline.serve"):
            assert request(server, "/vntimeline.ics")[2] == good
            assert request(server, "/vntimeline.ics")[2] == good
        messages = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
        assert len(messages) == 1
        assert "cannot read" in messages[0]

    def test_a_bug_while_rebuilding_keeps_the_last_good_feed(
        self,
        data_file: Path,
        caplog: pytest.LogCaptureFixture,
    ) -> None:
        calls: list[Path] = []

        def loader(path: Path) -> ResolvedTimeline:
            calls.append(path)
            if len(calls) > 1:
                raise RuntimeError("resolver bug")
            return resolve(load(path))

        with FeedServer(data_file, port=0, loader=loader) as running:
            good = request(running, "/vntimeline.ics")[2]
            edit(data_file, "start: 2021-01-26", "start: 2021-01-27")
            with caplog.at_level(logging.ERROR, logger="vntimeline.serve"):
                assert request(running, "/vntimeline.ics")[2] == good
        assert len(calls) == 2
        failures = [r.exc_info[1] for r in caplog.records if r.exc_info]
        assert [str(exc) for exc in failures] == ["resolver bug"]


class TestStartup:
    def test_a_broken_file_is_refused_at_start(self, data_file: Path) -> None:
        edit(data_file, "start: 2025-09-18", "start: 2025-13-01")
        with pytest.raises(DataError, match="month 13 is not between 01 and 12"):
            FeedServer(data_file, port=0)

    def test_a_missing_file_is_refused_at_start(self, tmp_path: Path) -> None:
        with pytest.raises(ExportError, match="cannot read"):
            FeedServer(tmp_path / "missing.yaml", port=0)

    def test_a_busy_port_is_an_error_naming_it(self, server: FeedServer, data_file: Path) -> None:
        host, port = server.address
        with pytest.raises(ExportError, match=f"cannot listen on {host}:{port}"):
            FeedServer(data_file, host, port)

    def test_port_zero_picks_a_free_port_and_reports_it(self, server: FeedServer) -> None:
        host, port = server.address
        assert port > 0
        assert server.url == f"http://{host}:{port}/"

    def test_options_name_the_feeds(self, data_file: Path) -> None:
        options = FeedOptions(name="Dòng thời gian", public_url="https://example.org/f/")
        with FeedServer(data_file, port=0, options=options) as running:
            body = request(running, "/vntimeline-policy.ics")[2]
        calendar = Calendar.from_ical(body)
        assert str(calendar["NAME"]) == "Dòng thời gian — policy"
        assert str(calendar["SOURCE"]) == "https://example.org/f/vntimeline-policy.ics"

    def test_a_state_file_in_the_options_continues_its_sequences(
        self, data_file: Path, tmp_path: Path
    ) -> None:
        state = tmp_path / "state.json"
        resolved = resolve(load(data_file))
        options = FeedOptions(state_file=state)
        _ical.write_ical(resolved, tmp_path / "a.ics", options=options)
        edit(data_file, "start: 2021-01-26", "start: 2021-01-27")
        _ical.write_ical(resolve(load(data_file)), tmp_path / "a.ics", options=options)
        with FeedServer(data_file, port=0, options=options) as running:
            body = request(running, "/vntimeline.ics")[2]
        assert body == (tmp_path / "a.ics").read_bytes()


class TestServeCommand:
    """``python -m vntimeline serve``, as a user runs it."""

    def start(self, data_file: Path) -> tuple[subprocess.Popen[str], str]:
        env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
        process = subprocess.Popen(
            [sys.executable, "-m", "vntimeline", "serve", str(data_file), "--port", "0"],
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
        self, data_file: Path, stop: int
    ) -> None:
        process, url = self.start(data_file)
        try:
            connection = http.client.HTTPConnection(url.split("/")[2], timeout=30)
            connection.request("GET", "/vntimeline.ics")
            response = connection.getresponse()
            body = response.read()
            connection.close()
            assert response.status == 200
            assert "nanning-roundtable@vntimeline" in summaries(body)
        finally:
            process.send_signal(stop)
            code = process.wait(timeout=60)
        assert code == 0
