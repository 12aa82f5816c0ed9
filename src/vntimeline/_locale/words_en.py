"""The English words of every output (the texts the project has always written).

Keys are shared by :mod:`.words_vi` and :mod:`.words_nl`; ``{name}`` marks a
value the caller fills in. ``*.one``/``*.other`` are CLDR plural forms
(:func:`vntimeline._locale.plural`). Changing a text here changes English
outputs, whose bytes tests pin.
"""

from __future__ import annotations

from typing import Final

__all__ = ["WORDS"]

WORDS: Final[dict[str, str]] = {
    # The resolver's statuses, as the table and the feed show them.
    "status.agreed": "agreed",
    "status.single-source": "single-source",
    "status.reconciled": "reconciled",
    "status.conflict": "conflict",
    "status.bounded": "bounded",
    "status.undated": "undated",
    # Short words for interfaces (the chart's legend, the HTML timeline).
    "milestone": "Milestone",
    "span": "Span",
    "uncertain": "Uncertain date",
    "conflict": "Sources conflict",
    "bounded": "Bounded by other events",
    "open": "Open side",
    "today": "Today",
    "sources": "Sources",
    "source": "Source",
    "quote": "Quote",
    "explanation": "Explanation",
    "status": "Status",
    "date": "Date",
    "start": "Start",
    "end": "End",
    "category": "Category",
    "undated": "Undated",
    "followed": "Followed",
    "not_followed": "Not followed",
    "events": "Events",
    "timeline": "Timeline",
    "zoom_in": "Zoom in",
    "zoom_out": "Zoom out",
    "reset": "Reset view",
    "close": "Close",
    # Counts.
    "count.events.one": "{n} event",
    "count.events.other": "{n} events",
    "count.categories.one": "{n} category",
    "count.categories.other": "{n} categories",
    # How sure a date is (an EDTF qualifier).
    "doubt.uncertain": "uncertain",
    "doubt.approximate": "approximate",
    "doubt.both": "uncertain, approximate",
    # The precision of a date, as the feed names it.
    "precision.year": "year",
    "precision.month": "month",
    "precision.day": "day",
    "precision.time": "time",
    # The chart.
    "chart.uncertain": "Day not known: shading spans the possible dates",
    "chart.conflict": "Sources conflict: hatching spans every date they give",
    "chart.bounded": "No date reported: range implied by the order of events",
    "chart.open_end": "No end date reported",
    "chart.open_side": "Open side: on or before (after) a date, or still going on",
    "chart.today": "Today, {date}",
    "chart.empty_lane": "No dated events in this period",
    "chart.zone": "Dates in {zone} time.",
    "chart.not_shown": "Not shown: {items}.",
    "chart.undated.one": "{n} event with no known date",
    "chart.undated.other": "{n} events with no known date",
    "chart.outside.one": "{n} event outside the period",
    "chart.outside.other": "{n} events outside the period",
    "chart.omitted.one": "{n} label left out where events crowd.",
    "chart.omitted.other": "{n} labels left out where events crowd.",
    "chart.alt": "Timeline chart of {events} in {categories} ({names}){span}",
    # The text table of `vntimeline resolve`.
    "table.date": "DATE",
    "table.status": "STATUS",
    "table.sources": "SRC",
    "table.title": "TITLE",
    "table.reconciled": "sources disagree; the heavier reading is shown",
    "table.conflict": "sources tie; the date spans every tied reading",
    "table.violation": "breaks an after/before constraint (see the explanation)",
    # The feed's event descriptions and summaries.
    "feed.ongoing": "ongoing",
    "feed.by": "by {date}",
    "feed.on_or_after": "on or after {date}",
    "feed.zone_time": "{text} ({zone} time)",
    "feed.from_unknown_end": "from {words}, end not known",
    "feed.date": "Date",
    "feed.starts": "Starts",
    "feed.ends": "Ends",
    "feed.ends_unknown": "Ends: not known",
    "feed.date_line": "{label}: {words} (EDTF {value}, {precision} precision{extra})",
    "feed.shown_on": "Shown on: the first day the date allows; the exact day is not known.",
    "feed.status_line": "Status: {text}.",
    "feed.status.agreed": "agreed — two or more publishers give this date and none disagrees",
    "feed.status.single-source": "single source — only one publisher gives a date",
    "feed.status.reconciled": (
        "reconciled — sources disagreed; the date with the most weight behind it was chosen"
    ),
    "feed.status.conflict": (
        "conflict — sources disagree and none outweighs the others; the date shown spans "
        "every candidate"
    ),
    "feed.status.bounded": (
        "bounded — no source gives a date; the events it comes after or before narrow it down"
    ),
    "feed.status.undated": "undated",
    "feed.where": "Where: {place}",
    "feed.aliases": "Also known as: {names}",
    "feed.why": "Why this date: {text}",
    "feed.sources": "Sources:",
    "feed.no_sources": "- none: no source dates this event.",
    "feed.date_not_given": "date not given",
    "feed.says": "Says {value}{quote}",
    "feed.how_read": "How it was read: {note}",
    "feed.not_followed": "Not followed: {reason}",
    "feed.followed": "Followed.",
    "feed.no_date": "no date",
    "feed.after": "After: {title} ({date})",
    "feed.before": "Before: {title} ({date})",
    "feed.order_problem": "Order problem: {message}",
    "feed.event_id": "Event id: {id}",
    # The feed's calendar description.
    "calendar.default": (
        "Dated milestones tracked by vntimeline: every date is decided from the sources "
        "that report it, openly."
    ),
    "calendar.scope": " in the category “{category}”",
    "calendar.count": (
        "{count}{scope}. Each event's description gives its date, how precise it is and "
        "how sure, every source with its publisher, date, link and the words it used, and "
        "why that date was chosen."
    ),
    "calendar.reading": (
        "A date known only to the month or the year is shown on its first day, with the "
        "real extent first in the title (for example “[{example}]”); [{conflict}: …] marks "
        "dates the sources dispute, [{bounded}: …] dates only narrowed by other events."
    ),
    "calendar.undated": "Not in this calendar because no date is known: {titles}.",
    # The docs' tables (the Sphinx extension).
    "docs.date": "Date",
    "docs.status": "Status",
    "docs.event": "Event",
    "docs.sources": "Sources",
    "docs.decided": "Decided",
    "docs.why": "Why",
    "docs.said": " said ",
    "docs.no_events": "No events match.",
    "docs.no_disputes": (
        "No disputed dates: every source agrees, or only one source dates each event."
    ),
    "docs.violations": "Order constraints that dated events break:",
    "docs.not_dated": "not dated",
    "docs.still_going": "still going on",
    "docs.on_or_before": "on or before {date}",
    "docs.on_or_after": "on or after {date}",
    "docs.about": "about {date}",
    "docs.uncertain": "{date} (uncertain)",
}
