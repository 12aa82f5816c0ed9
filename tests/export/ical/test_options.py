"""FeedOptions and feed file names (vntimeline._export.ical.options): checked on construction."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

from vntimeline._export.ical import FeedOptions, feed_filename
from vntimeline.errors import OptionError, VntimelineError


class TestFeedOptions:
    def test_defaults_refresh_daily_and_track_changes(self) -> None:
        options = FeedOptions()
        assert options.refresh == dt.timedelta(days=1)
        assert options.track_changes is True
        assert options.public_url is None
        assert options.feed_url() is None

    def test_a_pendulum_duration_is_accepted_as_the_refresh_interval(self) -> None:
        assert FeedOptions(refresh=pendulum.duration(hours=6)).refresh == dt.timedelta(hours=6)

    def test_a_refresh_shorter_than_a_minute_is_refused(self) -> None:
        with pytest.raises(VntimelineError, match="at least one minute"):
            FeedOptions(refresh=dt.timedelta(seconds=5))

    def test_a_refresh_that_is_not_a_duration_is_refused(self) -> None:
        with pytest.raises(VntimelineError, match="must be a timedelta"):
            FeedOptions(refresh=3600)

    def test_the_public_url_gets_a_trailing_slash_and_names_each_feed(self) -> None:
        options = FeedOptions(public_url="https://example.org/feeds")
        assert options.public_url == "https://example.org/feeds/"
        assert options.feed_url() == "https://example.org/feeds/vntimeline.ics"
        assert options.feed_url("policy") == "https://example.org/feeds/vntimeline-policy.ics"

    @pytest.mark.parametrize("url", ["ftp://example.org/", "example.org", "https://x.org/?a=1"])
    def test_a_public_url_that_is_not_an_http_folder_is_refused(self, url: str) -> None:
        with pytest.raises(VntimelineError, match="public_url must be the http"):
            FeedOptions(public_url=url)

    @pytest.mark.parametrize("name", ["", "   ", "bell\x07", "two\nlines"])
    def test_an_empty_or_control_character_name_is_refused(self, name: str) -> None:
        with pytest.raises(VntimelineError, match=r"name must be (non-empty text|one line)"):
            FeedOptions(name=name)

    def test_a_uid_domain_must_be_a_host_name(self) -> None:
        with pytest.raises(VntimelineError, match="uid_domain must be a host name"):
            FeedOptions(uid_domain="not a host")

    def test_options_are_frozen(self) -> None:
        options = FeedOptions()
        with pytest.raises(AttributeError):
            options.name = "other"  # type: ignore[misc]


class TestFeedFilename:
    def test_the_combined_feed_is_vntimeline_ics(self) -> None:
        assert feed_filename(None) == "vntimeline.ics"

    def test_a_category_feed_carries_the_category(self) -> None:
        assert feed_filename("policy") == "vntimeline-policy.ics"

    @pytest.mark.parametrize("category", ["../etc/passwd", "Policy", "a/b", ""])
    def test_a_category_that_is_not_a_slug_is_refused(self, category: str) -> None:
        with pytest.raises(OptionError, match="lowercase slug"):
            feed_filename(category)
