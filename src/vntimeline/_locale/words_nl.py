"""The Dutch words of every output (keys as in :mod:`.words_en`)."""

from __future__ import annotations

from typing import Final

__all__ = ["WORDS"]

WORDS: Final[dict[str, str]] = {
    "status.agreed": "eensgezind",
    "status.single-source": "één bron",
    "status.reconciled": "afgewogen",
    "status.conflict": "tegenstrijdig",
    "status.bounded": "begrensd",
    "status.undated": "ongedateerd",
    "milestone": "Mijlpaal",
    "span": "Periode",
    "uncertain": "Onzekere datum",
    "conflict": "Bronnen spreken elkaar tegen",
    "bounded": "Begrensd door andere gebeurtenissen",
    "open": "Open kant",
    "today": "Vandaag",
    "sources": "Bronnen",
    "source": "Bron",
    "quote": "Citaat",
    "explanation": "Toelichting",
    "status": "Status",
    "date": "Datum",
    "start": "Begin",
    "end": "Einde",
    "category": "Categorie",
    "undated": "Ongedateerd",
    "followed": "Gevolgd",
    "not_followed": "Niet gevolgd",
    "events": "Gebeurtenissen",
    "timeline": "Tijdlijn",
    "zoom_in": "Inzoomen",
    "zoom_out": "Uitzoomen",
    "reset": "Weergave herstellen",
    "close": "Sluiten",
    "count.events.one": "{n} gebeurtenis",
    "count.events.other": "{n} gebeurtenissen",
    "count.categories.one": "{n} categorie",
    "count.categories.other": "{n} categorieën",
    "doubt.uncertain": "onzeker",
    "doubt.approximate": "bij benadering",
    "doubt.both": "onzeker, bij benadering",
    "precision.year": "het jaar",
    "precision.month": "de maand",
    "precision.day": "de dag",
    "precision.time": "het tijdstip",
    "chart.uncertain": "Dag onbekend: de lichte band beslaat de mogelijke data",
    "chart.conflict": "Bronnen spreken elkaar tegen: de arcering beslaat elke datum die ze noemen",
    "chart.bounded": "Geen datum gemeld: bereik afgeleid uit de volgorde van gebeurtenissen",
    "chart.open_end": "Geen einddatum gemeld",
    "chart.open_side": "Open kant: op of vóór (na) een datum, of nog gaande",
    "chart.today": "Vandaag, {date}",
    "chart.empty_lane": "Geen gedateerde gebeurtenissen in deze periode",
    "chart.zone": "Data in de tijdzone {zone}.",
    "chart.not_shown": "Niet getoond: {items}.",
    "chart.undated.one": "{n} gebeurtenis zonder bekende datum",
    "chart.undated.other": "{n} gebeurtenissen zonder bekende datum",
    "chart.outside.one": "{n} gebeurtenis buiten de periode",
    "chart.outside.other": "{n} gebeurtenissen buiten de periode",
    "chart.omitted.one": "{n} label weggelaten waar gebeurtenissen dicht op elkaar staan.",
    "chart.omitted.other": "{n} labels weggelaten waar gebeurtenissen dicht op elkaar staan.",
    "chart.alt": "Tijdlijngrafiek van {events} in {categories} ({names}){span}",
    "table.date": "DATUM",
    "table.status": "STATUS",
    "table.sources": "BRON",
    "table.title": "TITEL",
    "table.reconciled": "bronnen zijn het oneens; de zwaarder wegende lezing wordt getoond",
    "table.conflict": "bronnen wegen even zwaar; de datum beslaat elke even zware lezing",
    "table.violation": "schendt een voor/na-voorwaarde (zie de toelichting)",
    "feed.ongoing": "nog gaande",
    "feed.by": "uiterlijk {date}",
    "feed.on_or_after": "op of na {date}",
    "feed.zone_time": "{text} (tijdzone {zone})",
    "feed.from_unknown_end": "vanaf {words}, einde onbekend",
    "feed.date": "Datum",
    "feed.starts": "Begint",
    "feed.ends": "Eindigt",
    "feed.ends_unknown": "Eindigt: onbekend",
    "feed.date_line": "{label}: {words} (EDTF {value}, nauwkeurig tot op {precision}{extra})",
    "feed.shown_on": (
        "Getoond op: de eerste dag die de datum toelaat; de precieze dag is niet bekend."
    ),
    "feed.status_line": "Status: {text}.",
    "feed.status.agreed": (
        "eensgezind — twee of meer uitgevers noemen deze datum en geen enkele spreekt dat tegen"
    ),
    "feed.status.single-source": "één bron — slechts één uitgever noemt een datum",
    "feed.status.reconciled": (
        "afgewogen — de bronnen waren het oneens; de datum met het meeste gewicht is gekozen"
    ),
    "feed.status.conflict": (
        "tegenstrijdig — de bronnen zijn het oneens en geen enkele weegt zwaarder dan de "
        "andere; de getoonde datum beslaat alle kandidaten"
    ),
    "feed.status.bounded": (
        "begrensd — geen bron noemt een datum; de gebeurtenissen waarna of waarvóór het "
        "plaatsvindt, bakenen de datum af"
    ),
    "feed.status.undated": "ongedateerd",
    "feed.where": "Waar: {place}",
    "feed.aliases": "Ook bekend als: {names}",
    "feed.why": "Waarom deze datum: {text}",
    "feed.sources": "Bronnen:",
    "feed.no_sources": "- geen: geen enkele bron dateert deze gebeurtenis.",
    "feed.date_not_given": "datum niet vermeld",
    "feed.says": "Zegt {value}{quote}",
    "feed.how_read": "Zo gelezen: {note}",
    "feed.not_followed": "Niet gevolgd: {reason}",
    "feed.followed": "Gevolgd.",
    "feed.no_date": "geen datum",
    "feed.after": "Na: {title} ({date})",
    "feed.before": "Vóór: {title} ({date})",
    "feed.order_problem": "Volgordeprobleem: {message}",
    "feed.event_id": "Gebeurtenis-id: {id}",
    "calendar.default": (
        "Gedateerde mijlpalen, bijgehouden door vntimeline: elke datum wordt openlijk "
        "bepaald uit de bronnen die hem melden."
    ),
    "calendar.scope": " in de categorie “{category}”",
    "calendar.count": (
        "{count}{scope}. De beschrijving van elke gebeurtenis geeft de datum, hoe nauwkeurig "
        "en hoe zeker die is, elke bron met uitgever, datum, link en de gebruikte woorden, "
        "en waarom die datum gekozen is."
    ),
    "calendar.reading": (
        "Een datum die alleen tot op de maand of het jaar bekend is, staat op de eerste dag "
        "ervan, met de werkelijke omvang vooraan in de titel (bijvoorbeeld “[{example}]”); "
        "[{conflict}: …] markeert data waarover de bronnen het oneens zijn, [{bounded}: …] "
        "data die alleen door andere gebeurtenissen worden afgebakend."
    ),
    "calendar.undated": "Niet in deze agenda omdat er geen datum bekend is: {titles}.",
    "docs.date": "Datum",
    "docs.status": "Status",
    "docs.event": "Gebeurtenis",
    "docs.sources": "Bronnen",
    "docs.decided": "Besloten",
    "docs.why": "Waarom",
    "docs.said": " zei ",
    "docs.no_events": "Geen gebeurtenissen gevonden.",
    "docs.no_disputes": (
        "Geen omstreden data: alle bronnen zijn het eens, of elke gebeurtenis wordt door "
        "maar één bron gedateerd."
    ),
    "docs.violations": "Volgordevoorwaarden die gedateerde gebeurtenissen schenden:",
    "docs.not_dated": "niet gedateerd",
    "docs.still_going": "nog gaande",
    "docs.on_or_before": "op of vóór {date}",
    "docs.on_or_after": "op of na {date}",
    "docs.about": "omstreeks {date}",
    "docs.uncertain": "{date} (onzeker)",
}
