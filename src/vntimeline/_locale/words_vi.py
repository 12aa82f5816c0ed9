"""The Vietnamese words of every output (keys as in :mod:`.words_en`).

Written in NFC, with tone marks placed as Vietnamese dictionaries and news
sites place them (``hòa``, ``khoảng``); a test checks the NFC form.
"""

from __future__ import annotations

from typing import Final

__all__ = ["WORDS"]

WORDS: Final[dict[str, str]] = {
    "status.agreed": "thống nhất",
    "status.single-source": "một nguồn",
    "status.reconciled": "đã dung hòa",
    "status.conflict": "mâu thuẫn",
    "status.bounded": "khoanh vùng",
    "status.undated": "chưa có ngày",
    "milestone": "Mốc",
    "span": "Giai đoạn",
    "uncertain": "Ngày chưa chắc chắn",
    "conflict": "Các nguồn mâu thuẫn",
    "bounded": "Khoanh vùng theo các sự kiện khác",
    "open": "Đầu mở",
    "today": "Hôm nay",
    "sources": "Nguồn",
    "source": "Nguồn",
    "quote": "Trích dẫn",
    "explanation": "Giải thích",
    "status": "Trạng thái",
    "date": "Ngày",
    "start": "Bắt đầu",
    "end": "Kết thúc",
    "category": "Danh mục",
    "undated": "Chưa có ngày",
    "followed": "Được theo",
    "not_followed": "Không được theo",
    "events": "Sự kiện",
    "timeline": "Dòng thời gian",
    "zoom_in": "Phóng to",
    "zoom_out": "Thu nhỏ",
    "reset": "Đặt lại khung nhìn",
    "close": "Đóng",
    "count.events.one": "{n} sự kiện",
    "count.events.other": "{n} sự kiện",
    "count.categories.one": "{n} danh mục",
    "count.categories.other": "{n} danh mục",
    "doubt.uncertain": "chưa chắc chắn",
    "doubt.approximate": "ước chừng",
    "doubt.both": "chưa chắc chắn, ước chừng",
    "precision.year": "năm",
    "precision.month": "tháng",
    "precision.day": "ngày",
    "precision.time": "thời điểm",
    "chart.uncertain": "Chưa rõ ngày: vùng tô phủ các ngày có thể",
    "chart.conflict": "Các nguồn mâu thuẫn: vùng gạch chéo phủ mọi ngày các nguồn đưa ra",
    "chart.bounded": "Không nguồn nào nêu ngày: khoảng suy ra từ thứ tự các sự kiện",
    "chart.open_end": "Không có ngày kết thúc",
    "chart.open_side": "Đầu mở: vào hoặc trước (sau) một ngày, hoặc vẫn đang diễn ra",
    "chart.today": "Hôm nay, {date}",
    "chart.empty_lane": "Không có sự kiện nào có ngày trong giai đoạn này",
    "chart.zone": "Ngày giờ theo múi giờ {zone}.",
    "chart.not_shown": "Không hiển thị: {items}.",
    "chart.undated.one": "{n} sự kiện chưa rõ ngày",
    "chart.undated.other": "{n} sự kiện chưa rõ ngày",
    "chart.outside.one": "{n} sự kiện nằm ngoài giai đoạn",
    "chart.outside.other": "{n} sự kiện nằm ngoài giai đoạn",
    "chart.omitted.one": "{n} nhãn bị lược bỏ ở chỗ các sự kiện dày đặc.",
    "chart.omitted.other": "{n} nhãn bị lược bỏ ở chỗ các sự kiện dày đặc.",
    "chart.alt": "Biểu đồ dòng thời gian gồm {events} thuộc {categories} ({names}){span}",
    "table.date": "NGÀY",
    "table.status": "TRẠNG THÁI",
    "table.sources": "NGUỒN",
    "table.title": "TIÊU ĐỀ",
    "table.reconciled": "các nguồn không khớp nhau; hiển thị cách đọc có trọng số lớn hơn",
    "table.conflict": "các nguồn ngang nhau; ngày trải trên mọi cách đọc ngang nhau",
    "table.violation": "vi phạm một ràng buộc trước/sau (xem phần giải thích)",
    "feed.ongoing": "đang diễn ra",
    "feed.by": "chậm nhất {date}",
    "feed.on_or_after": "vào hoặc sau {date}",
    "feed.zone_time": "{text} (giờ {zone})",
    "feed.from_unknown_end": "từ {words}, chưa rõ ngày kết thúc",
    "feed.date": "Ngày",
    "feed.starts": "Bắt đầu",
    "feed.ends": "Kết thúc",
    "feed.ends_unknown": "Kết thúc: chưa rõ",
    "feed.date_line": "{label}: {words} (EDTF {value}, chính xác đến {precision}{extra})",
    "feed.shown_on": "Hiển thị vào: ngày đầu tiên mà ngày này cho phép; chưa rõ ngày chính xác.",
    "feed.status_line": "Trạng thái: {text}.",
    "feed.status.agreed": (
        "thống nhất — từ hai nguồn công bố trở lên đưa ra ngày này và không nguồn nào phản bác"
    ),
    "feed.status.single-source": "một nguồn — chỉ một nguồn công bố đưa ra ngày",
    "feed.status.reconciled": (
        "đã dung hòa — các nguồn không khớp nhau; ngày có trọng số lớn nhất được chọn"
    ),
    "feed.status.conflict": (
        "mâu thuẫn — các nguồn không khớp nhau và không nguồn nào có trọng số vượt trội; "
        "ngày hiển thị trải trên mọi khả năng"
    ),
    "feed.status.bounded": (
        "khoanh vùng — không nguồn nào đưa ra ngày; các sự kiện diễn ra trước hoặc sau nó "
        "giúp khoanh vùng ngày"
    ),
    "feed.status.undated": "chưa có ngày",
    "feed.where": "Địa điểm: {place}",
    "feed.aliases": "Tên khác: {names}",
    "feed.why": "Vì sao chọn ngày này: {text}",
    "feed.sources": "Nguồn:",
    "feed.no_sources": "- không có: không nguồn nào nêu ngày của sự kiện này.",
    "feed.date_not_given": "không ghi ngày",
    "feed.says": "Nêu {value}{quote}",
    "feed.how_read": "Cách hiểu: {note}",
    "feed.not_followed": "Không theo: {reason}",
    "feed.followed": "Được theo.",
    "feed.no_date": "không có ngày",
    "feed.after": "Sau: {title} ({date})",
    "feed.before": "Trước: {title} ({date})",
    "feed.order_problem": "Vấn đề thứ tự: {message}",
    "feed.event_id": "Mã sự kiện: {id}",
    "calendar.default": (
        "Các mốc thời gian do vntimeline theo dõi: mỗi ngày đều được quyết định công khai "
        "từ các nguồn đưa tin về nó."
    ),
    "calendar.scope": " thuộc danh mục “{category}”",
    "calendar.count": (
        "{count}{scope}. Phần mô tả mỗi sự kiện cho biết ngày của nó, độ chính xác và độ "
        "chắc chắn, từng nguồn kèm đơn vị công bố, ngày, đường dẫn và lời lẽ nguồn đã dùng, "
        "và lý do chọn ngày đó."
    ),
    "calendar.reading": (
        "Một ngày chỉ biết đến tháng hoặc năm được hiển thị vào ngày đầu tiên của khoảng đó, "
        "với khoảng thời gian thực ở đầu tiêu đề (ví dụ “[{example}]”); [{conflict}: …] đánh "
        "dấu những ngày các nguồn tranh cãi, [{bounded}: …] những ngày chỉ được khoanh vùng "
        "nhờ các sự kiện khác."
    ),
    "calendar.undated": "Không có trong lịch này vì chưa rõ ngày: {titles}.",
    "docs.date": "Ngày",
    "docs.status": "Trạng thái",
    "docs.event": "Sự kiện",
    "docs.sources": "Nguồn",
    "docs.decided": "Ngày được chọn",
    "docs.why": "Lý do",
    "docs.said": " nêu ",
    "docs.no_events": "Không có sự kiện nào phù hợp.",
    "docs.no_disputes": (
        "Không có ngày nào bị tranh cãi: mọi nguồn đều khớp nhau, hoặc mỗi sự kiện chỉ có "
        "một nguồn nêu ngày."
    ),
    "docs.violations": "Các ràng buộc thứ tự bị các sự kiện có ngày vi phạm:",
    "docs.not_dated": "chưa có ngày",
    "docs.still_going": "vẫn đang diễn ra",
    "docs.on_or_before": "vào hoặc trước {date}",
    "docs.on_or_after": "vào hoặc sau {date}",
    "docs.about": "khoảng {date}",
    "docs.uncertain": "{date} (chưa chắc chắn)",
}
