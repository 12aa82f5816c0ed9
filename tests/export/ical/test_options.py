"""FeedOptions and feed file names (vntimeline._export.ical.options): checked on construction."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

from vntimeline._export.ical import FeedOptions, feed_filename
from vntimeline._export.ical.options import derived_domain
from vntimeline._model.events import Timeline
from vntimeline.errors import ExportError, OptionError, VntimelineError


class TestFeedOptions:
    def test_defaults_refresh_daily_and_track_changes(self) -> None:
        options = FeedOptions()
        assert options.refresh == dt.timedelta(days=1)
        assert options.track_changes is True
        assert options.public_url is None
        assert options.feed_url() is None

    def test_name_url_and_uid_domain_default_to_none_so_the_timeline_decides(self) -> None:
        options = FeedOptions()
        assert (options.name, options.public_url, options.uid_domain) == (None, None, None)

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

    @pytest.mark.parametrize(
        "url",
        [
            "ftp://example.org/",
            "example.org",
            "https://x.org/?a=1",
            "https://x.org/#top",
            'https://x.org/"a"',
            "https://x.org/<a>",
            "https://x.org/a b",
            "https:///feeds/",
        ],
    )
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


def timeline(name: str | None = None, url: str | None = None) -> Timeline:
    """An empty timeline with *name* and *url*."""
    return Timeline(events=[], sources=(), name=name, url=url)


class TestIdentity:
    def test_the_name_is_the_timelines_unless_the_options_give_one(self) -> None:
        assert FeedOptions().identity(timeline("Hanoi AI")).name == "Hanoi AI"
        assert FeedOptions().identity(timeline()).name == "Timeline"
        assert FeedOptions(name="Mine").identity(timeline("Hanoi AI")).name == "Mine"

    def test_a_category_feed_adds_the_category_to_the_name(self) -> None:
        identity = FeedOptions().identity(timeline("Hanoi AI"))
        assert identity.feed_name() == "Hanoi AI"
        assert identity.feed_name("policy") == "Hanoi AI — policy"

    def test_the_public_url_is_the_timelines_unless_the_options_give_one(self) -> None:
        mine = timeline("A", url="https://feeds.example.org/ai")
        assert FeedOptions().identity(mine).public_url == "https://feeds.example.org/ai/"
        assert FeedOptions().identity(mine).feed_url("policy") == (
            "https://feeds.example.org/ai/vntimeline-policy.ics"
        )
        given = FeedOptions(public_url="https://other.example.net/f/").identity(mine)
        assert given.public_url == "https://other.example.net/f/"
        assert FeedOptions().identity(timeline("A")).feed_url() is None

    def test_the_uid_domain_is_the_public_urls_host(self) -> None:
        mine = timeline("A", url="https://Feeds.Example.org:8443/ai/")
        assert FeedOptions().identity(mine).uid_domain == "feeds.example.org"
        assert FeedOptions().identity(mine).uid("launch") == "launch@feeds.example.org"

    def test_an_explicit_uid_domain_wins_over_the_url_and_the_name(self) -> None:
        mine = timeline("A", url="https://feeds.example.org/")
        assert FeedOptions(uid_domain="uids.example").identity(mine).uid_domain == "uids.example"

    def test_without_a_url_the_uid_domain_is_derived_from_the_name(self) -> None:
        identity = FeedOptions().identity(timeline("Vietnam AI policy timeline"))
        assert identity.uid_domain == "vietnam-ai-policy-timeline-3e1946ce.vntimeline.invalid"
        renamed = FeedOptions(name="Other").identity(timeline("Vietnam AI policy timeline"))
        assert renamed.uid_domain == derived_domain("Other")

    @pytest.mark.parametrize("url", ["https://example.org/feeds?x=1", "https://example.org/#a"])
    def test_a_timeline_url_with_a_query_or_fragment_cannot_publish_feeds(self, url: str) -> None:
        with pytest.raises(ExportError, match=r"cannot be the feeds' folder.*--public-url"):
            FeedOptions().identity(timeline("A", url=url))

    def test_the_public_url_in_the_options_replaces_an_unusable_timeline_url(self) -> None:
        options = FeedOptions(public_url="https://example.org/feeds/")
        identity = options.identity(timeline("A", url="https://example.org/feeds?x=1"))
        assert identity.public_url == "https://example.org/feeds/"


class TestDerivedDomain:
    def test_it_is_a_readable_slug_and_a_hash_under_a_reserved_domain(self) -> None:
        domain = derived_domain("Dòng thời gian: Đổi mới & AI")
        slug, _, rest = domain.partition(".")
        assert slug.startswith("dong-thoi-gian-doi-moi-ai-")
        assert len(slug.rsplit("-", 1)[1]) == 8
        assert rest == "vntimeline.invalid"

    def test_names_that_differ_only_in_case_or_punctuation_get_different_domains(self) -> None:
        domains = {derived_domain(n) for n in ("Hanoi AI", "hanoi ai", "Hanoi, AI", "Hanoi AI ")}
        assert len(domains) == 4

    def test_a_name_without_latin_letters_still_gives_a_host_name(self) -> None:
        domain = derived_domain("人工智能")
        assert domain.startswith("timeline-")
        FeedOptions(uid_domain=domain)  # a valid host name: no error

    def test_a_long_name_keeps_every_label_short_enough_for_dns(self) -> None:
        domain = derived_domain("A very long name " * 20)
        assert all(len(label) <= 63 for label in domain.split("."))


class TestFeedFilename:
    def test_the_combined_feed_is_vntimeline_ics(self) -> None:
        assert feed_filename(None) == "vntimeline.ics"

    def test_a_category_feed_carries_the_category(self) -> None:
        assert feed_filename("policy") == "vntimeline-policy.ics"

    @pytest.mark.parametrize("category", ["../etc/passwd", "Policy", "a/b", ""])
    def test_a_category_that_is_not_a_slug_is_refused(self, category: str) -> None:
        with pytest.raises(OptionError, match="lowercase slug"):
            feed_filename(category)
