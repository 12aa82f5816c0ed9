"""Dutch: each form of CONVENTIONS.md read from a sentence of its own, and what is not a date."""

from __future__ import annotations

import pytest

from helpers.extract_cases import Case, read

PUBLISHED = "2025-11-20"  # a Thursday

FORMS: list[Case] = [
    ("Gepubliceerd: 10 maart 2026 14:05 CET", [("10 maart 2026 14:05 CET", "2026-03-10T14:05+01")]),
    ("Bijgewerkt: 10-03-2026 16:20", [("10-03-2026 16:20", "2026-03-10T16:20")]),
    ("di 17 juni 2025, 11:32", [("17 juni 2025, 11:32", "2025-06-17T11:32")]),
    ("20 november 2025, 08:00 uur", [("20 november 2025, 08:00 uur", "2025-11-20T08:00")]),
    ("Het akkoord werd op 10/12/2024 getekend.", [("10/12/2024", "2024-12-10")]),
    ("op 26-10-2019", [("26-10-2019", "2019-10-26")]),
    ("op 9 maart 2026", [("9 maart 2026", "2026-03-09")]),
    ("Dat werd maandag bekendgemaakt.", [("maandag", "2025-11-17")]),
    ("Woensdag tekenen de partijen een akkoord.", [("Woensdag", "2025-11-26")]),
    (
        "van 9 maart tot en met 11 maart 2026",
        [("van 9 maart tot en met 11 maart 2026", "2026-03-09/2026-03-11")],
    ),
    (
        "De missie reist van 8 tot 12 december naar Hanoi.",
        [("van 8 tot 12 december", "2025-12-08/2025-12-12")],
    ),
    ("9-11 maart 2026", [("9-11 maart 2026", "2026-03-09/2026-03-11")]),
    ("Vorig jaar groeide de handel.", [("Vorig jaar", "2024")]),
    ("Eind vorig jaar opende het kantoor.", [("Eind vorig jaar", "2024-36")]),
    (
        "Begin volgend jaar volgt een bezoek, waarschijnlijk in februari.",
        [("Begin volgend jaar", "2026-33"), ("februari", "2026-02")],
    ),
    ("later dit jaar", [("later dit jaar", "[2025-11..2025-12]")]),
    ("in het tweede kwartaal van 2027", [("het tweede kwartaal van 2027", "2027-34")]),
    ("het eerste halfjaar van 2025", [("het eerste halfjaar van 2025", "2025-40")]),
    ("de tweede helft van het jaar", [("de tweede helft van het jaar", "2025-41")]),
    ("de zomer van 2023", [("de zomer van 2023", "2023-22")]),
    ("het najaar van 2025", [("het najaar van 2025", "2025-23")]),
    ("tegen 2030", [("tegen 2030", "2030")]),
    ("tot 2030", [("tot 2030", "2030")]),
    ("sinds 2023", [("sinds 2023", "2023")]),
    ("Tussen 2022 en 2024 verdubbelde het aantal.", [("Tussen 2022 en 2024", "2022/2024")]),
    ("van 2024 tot 2026", [("van 2024 tot 2026", "2024/2026")]),
    ("In de periode 2021-2025", [("2021-2025", "2021/2025")]),
    ("de jaren 90", [("de jaren 90", "199X")]),
    ("Vijf jaar geleden was dat ondenkbaar.", [("Vijf jaar geleden", "2020~")]),
    ("Over twee jaar willen we een testlijn.", [("Over twee jaar", "2027~")]),
    ("binnen vijf jaar", [("binnen vijf jaar", "[2025..2030]")]),
    ("de komende vijf jaar", [("de komende vijf jaar", "[2025..2030]")]),
    ("de afgelopen vijf jaar", [("de afgelopen vijf jaar", "2020/2025")]),
    ("het afgelopen decennium", [("het afgelopen decennium", "2015/2025")]),
    ("vorige maand", [("vorige maand", "2025-10")]),
    ("eerder deze maand", [("eerder deze maand", "[2025-11-01..2025-11-20]")]),
    ("deze week", [("deze week", "[2025-11-17..2025-11-23]")]),
    ("gisteren", [("gisteren", "2025-11-19")]),
    ("maart 2026", [("maart 2026", "2026-03")]),
    ("november vorig jaar", [("november vorig jaar", "2024-11")]),
    ("Op 14 januari tekende de universiteit.", [("14 januari", "2025-01-14")]),
    ("De bijeenkomst staat gepland voor 15 september.", [("15 september", "2026-09-15")]),
    # wanting looks ahead, whatever infinitive ("hebben") follows
    ("Over twee jaar willen we de eerste testlijn hebben.", [("Over twee jaar", "2027~")]),
    # an aside in the present of "plaatsvinden" announces, in a sentence told in the past
    (
        "Zij zei dat zij het forum had bezocht en de innovatiedag, die plaatsvindt op 28 november.",
        [("28 november", "2025-11-28")],
    ),
    ("Het congres vond plaats op 28 november.", [("28 november", "2024-11-28")]),
]

NOT_DATES = [
    "We merken dat klanten vragen",
    "een stijging van 12 procent",
    "ruim 60% van de start-ups",
    "Wet nr. 71/2025/QH15",
    "NXT:2000i-machines",
    "20 studenten",
    "de tweede keer",
    "5G/6G",
    "11 nationale technologieën",
    "Reactie (0)",
    "Jan de Vries zei",
    "de eerste helft van de wedstrijd",
    "'s morgens vroeg",
    "de komende tijd",
]


class TestDutchForms:
    @pytest.mark.parametrize(("sentence", "expected"), FORMS, ids=[c[0] for c in FORMS])
    def test_reads_the_form(self, sentence: str, expected: list[tuple[str, str]]) -> None:
        assert read(sentence, PUBLISHED, "nl") == expected


class TestDutchNonDates:
    @pytest.mark.parametrize("sentence", NOT_DATES)
    def test_finds_nothing(self, sentence: str) -> None:
        assert read(sentence, PUBLISHED, "nl") == []
