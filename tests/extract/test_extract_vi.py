"""Vietnamese: each form of CONVENTIONS.md read from a sentence of its own; what is not a date."""

from __future__ import annotations

import pytest

from helpers.extract_cases import Case, read

PUBLISHED = "2025-11-20"  # a Thursday

FORMS: list[Case] = [
    ("Thứ Năm, 11/12/2025 09:15 (GMT+7)", [("11/12/2025 09:15 (GMT+7)", "2025-12-11T09:15+07")]),
    ("28/10/2025 | 18:40", [("28/10/2025 | 18:40", "2025-10-28T18:40")]),
    ("Chiều ngày 10/12/2025, Quốc hội đã thông qua luật.", [("ngày 10/12/2025", "2025-12-10")]),
    ("ngày 10 tháng 12 năm 2025", [("ngày 10 tháng 12 năm 2025", "2025-12-10")]),
    ("Hội nghị sẽ diễn ra ngày 5 tháng 1.", [("ngày 5 tháng 1", "2026-01-05")]),
    ("Ngày 25/10, buổi lễ đã diễn ra.", [("Ngày 25/10", "2025-10-25")]),
    ("Phiên họp dự kiến vào ngày 15/1.", [("ngày 15/1", "2026-01-15")]),
    (
        "Hội thảo đã diễn ra từ ngày 27 đến 29/10 tại Hà Nội.",
        [("từ ngày 27 đến 29/10", "2025-10-27/2025-10-29")],
    ),
    (
        "từ ngày 27/10 đến ngày 2/11/2025",
        [("từ ngày 27/10 đến ngày 2/11/2025", "2025-10-27/2025-11-02")],
    ),
    ("Ngày 3-5/12 sẽ có triển lãm.", [("Ngày 3-5/12", "2025-12-03/2025-12-05")]),
    ("Năm ngoái, doanh thu tăng.", [("Năm ngoái", "2024")]),
    ("vào cuối năm nay", [("cuối năm nay", "2025-36")]),
    ("đầu năm sau", [("đầu năm sau", "2026-33")]),
    ("năm tới", [("năm tới", "2026")]),
    ("Năm 2019, FPT thành lập viện.", [("Năm 2019", "2019")]),
    ("đến năm 2030", [("đến năm 2030", "2030")]),
    ("tầm nhìn 2045", [("tầm nhìn 2045", "2045")]),
    ("Từ năm 2021 đến nay", [("Từ năm 2021 đến nay", "2021")]),
    ("giai đoạn 2026-2030", [("giai đoạn 2026-2030", "2026/2030")]),
    ("từ năm 2021 đến năm 2025", [("từ năm 2021 đến năm 2025", "2021/2025")]),
    ("tháng 3/2025", [("tháng 3/2025", "2025-03")]),
    ("tháng 11 năm 2021", [("tháng 11 năm 2021", "2021-11")]),
    ("Bộ sẽ họp vào tháng 3 năm sau.", [("tháng 3 năm sau", "2026-03")]),
    ("đầu tháng 12 năm ngoái", [("đầu tháng 12 năm ngoái", "2024-12")]),
    (
        "Dự thảo đã được lấy ý kiến từ tháng 8 đến tháng 10 năm nay.",
        [("từ tháng 8 đến tháng 10 năm nay", "2025-08/2025-10")],
    ),
    ("Tháng trước, công ty đã ký hợp đồng.", [("Tháng trước", "2025-10")]),
    ("cuối tháng này", [("cuối tháng này", "2025-11-30")]),
    ("tuần tới", [("tuần tới", "[2025-11-24..2025-11-30]")]),
    ("hôm qua", [("hôm qua", "2025-11-19")]),
    ("vào thứ Hai tuần trước", [("thứ Hai tuần trước", "2025-11-10")]),
    ("quý I/2026", [("quý I/2026", "2026-33")]),
    ("quý 4/2025", [("quý 4/2025", "2025-36")]),
    ("quý IV năm nay", [("quý IV năm nay", "2025-36")]),
    ("nửa đầu năm 2026", [("nửa đầu năm 2026", "2026-40")]),
    ("6 tháng đầu năm 2026", [("6 tháng đầu năm 2026", "2026-40")]),
    ("trong 9 tháng đầu năm", [("9 tháng đầu năm", "2025-01/2025-09")]),
    ("5 năm trước", [("5 năm trước", "2020~")]),
    ("ba năm trước", [("ba năm trước", "2022~")]),
    ("2 năm nữa", [("2 năm nữa", "2027~")]),
    ("trong 5 năm tới", [("trong 5 năm tới", "[2025..2030]")]),
    ("trong 5 năm qua", [("trong 5 năm qua", "2020/2025")]),
    ("những năm 1990", [("những năm 1990", "199X")]),
    ("mùa thu năm 2025", [("mùa thu năm 2025", "2025-23")]),
    (
        "Tuần lễ Số năm 2026 sẽ diễn ra vào giữa tháng 10.",
        [("năm 2026", "2026"), ("giữa tháng 10", "2026-10")],
    ),
    ("Công ty phấn đấu khánh thành nhà máy vào tháng 3.", [("tháng 3", "2026-03")]),
]

NOT_DATES = [
    "với 429/440 đại biểu tán thành (chiếm 89,38%)",
    "Luật số 134/2025/QH15",
    "Nghị định 71/2025/NĐ-CP",
    "Nghị quyết 57-NQ/TW",
    "lần thứ năm",
    "3 trong 5 tập đoàn",
    "khoảng 1.500 đại biểu",
    "tăng 24,5%",
    "hơn 2.000 GPU H200",
    "hoàn thành sau 10 tháng",
    "thế hệ thứ 3",
    "quý khách",
]


class TestVietnameseForms:
    @pytest.mark.parametrize(("sentence", "expected"), FORMS, ids=[c[0] for c in FORMS])
    def test_reads_the_form(self, sentence: str, expected: list[tuple[str, str]]) -> None:
        assert read(sentence, PUBLISHED, "vi") == expected


class TestVietnameseNonDates:
    @pytest.mark.parametrize("sentence", NOT_DATES)
    def test_finds_nothing(self, sentence: str) -> None:
        assert read(sentence, PUBLISHED, "vi") == []
