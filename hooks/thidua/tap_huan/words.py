"""Words of the training pages, Vietnamese and English, and reasons in plain sentences."""

from __future__ import annotations

from thidua.tap_huan.stale import CHANGED, NOT_IN_FORCE, REPLACED, RULES, UNCOMPARED, Reason

GROUPS = {
    "vi": {
        "thi_dua": "thi đua, khen thưởng",
        "can_bo": "cán bộ",
        "cong_chuc": "công chức",
        "vien_chuc": "viên chức",
        "nguoi_lao_dong": "người lao động",
    },
    "en": {
        "thi_dua": "emulation and commendation",
        "can_bo": "cán bộ (elected officials)",
        "cong_chuc": "công chức (civil servants)",
        "vien_chuc": "viên chức (public employees)",
        "nguoi_lao_dong": "contract workers",
    },
}

WORDS = {
    "vi": {
        "stale": "Cần cập nhật",
        "objectives": "Mục tiêu",
        "audience": "Đối tượng",
        "duration": "Thời lượng",
        "minutes": "phút",
        "documents": "Văn bản sử dụng",
        "slides": "trang trình chiếu",
        "present": "Trình chiếu",
        "handout": "In tài liệu phát tay (A4)",
        "present_help": (
            "Phím mũi tên hoặc vuốt để chuyển trang; S: ghi chú người trình bày; Esc: thoát."
        ),
        "quiz": "Câu hỏi kiểm tra",
        "quiz_intro": (
            "Chọn đáp án rồi bấm “Kiểm tra”. Mỗi đáp án có giải thích và căn cứ pháp lý. Kết "
            "quả được lưu trên trình duyệt này."
        ),
        "single": "Chọn một đáp án",
        "multiple": "Chọn tất cả đáp án đúng",
        "truefalse": "Đúng hay sai?",
        "question": "Câu",
        "check": "Kiểm tra",
        "reset": "Làm lại từ đầu",
        "basis": "Căn cứ",
        "key": "Đáp án",
        "key_intro": "Đáp án và giải thích cho phiếu câu hỏi ở trên.",
        "answer": "Đáp án đúng",
        "stale_item": "Câu này cần cập nhật",
        "stale_module": "Chuyên đề này cần cập nhật",
        "stale_slide": "Trang này cần cập nhật",
        "stale_intro": (
            "Văn bản hoặc quy định mà chuyên đề dựa vào đã thay đổi. Giảng viên kiểm tra lại "
            "những phần được đánh dấu trước khi dùng:"
        ),
        "all_current": (
            "Không có chuyên đề nào cần cập nhật: mọi điều, khoản được dẫn chiếu vẫn còn "
            "hiệu lực và giữ nguyên nội dung đã đối chiếu."
        ),
        "module": "Chuyên đề",
        "where": "Phần cần xem lại",
        "why": "Lý do",
        "whole_module": "Cả chuyên đề",
        "slide": "Trang",
        "notes_title": "Ghi chú cho người trình bày",
        "program_none": "Chưa có chuyên đề.",
        "current": "Hiện hành",
    },
    "en": {
        "stale": "Needs updating",
        "objectives": "Objectives",
        "audience": "For",
        "duration": "Duration",
        "minutes": "minutes",
        "documents": "Documents used",
        "slides": "slides",
        "present": "Present",
        "handout": "Print the handout (A4)",
        "present_help": "Arrow keys or swipe to move; S: speaker notes; Esc: leave.",
        "quiz": "Check your understanding",
        "quiz_intro": (
            "Choose an answer, then press “Check”. Each answer has an explanation and its "
            "legal basis. Your results are kept in this browser."
        ),
        "single": "Choose one answer",
        "multiple": "Choose every correct answer",
        "truefalse": "True or false?",
        "question": "Question",
        "check": "Check",
        "reset": "Start again",
        "basis": "Legal basis",
        "key": "Answer key",
        "key_intro": "Answers and explanations for the worksheet above.",
        "answer": "Correct answer",
        "stale_item": "This question needs updating",
        "stale_module": "This module needs updating",
        "stale_slide": "This slide needs updating",
        "stale_intro": (
            "A document or rule this module relies on has changed. Trainers should review "
            "the marked parts before use:"
        ),
        "all_current": (
            "No module needs updating: every cited clause is in force and unchanged since it "
            "was compared."
        ),
        "module": "Module",
        "where": "Part to review",
        "why": "Reason",
        "whole_module": "Whole module",
        "slide": "Slide",
        "notes_title": "Speaker notes",
        "program_none": "No module yet.",
        "current": "Current",
    },
}


def words(lang: str) -> dict[str, str]:
    """The words of one language (Vietnamese for anything but English)."""
    return WORDS["en" if lang == "en" else "vi"]


def reason_text(reason: Reason, lang: str) -> str:
    """One reason as a sentence for trainers."""
    en = lang == "en"
    group = GROUPS["en" if en else "vi"].get(reason.group, reason.group)
    if reason.kind == REPLACED:
        return (
            f"{reason.subject} has been replaced by {reason.detail}."
            if en
            else f"{reason.subject} đã được thay thế bởi {reason.detail}."
        )
    if reason.kind == NOT_IN_FORCE:
        return (
            f"{reason.subject} is no longer in force."
            if en
            else f"{reason.subject} đã hết hiệu lực toàn bộ."
        )
    if reason.kind == CHANGED:
        return (
            f"The wording of {reason.subject} has changed since the module was compared."
            if en
            else f"Nội dung {reason.subject} đã thay đổi so với lần đối chiếu trước."
        )
    if reason.kind == UNCOMPARED:
        return (
            f"{reason.subject} has not been compared with the module yet."
            if en
            else f"{reason.subject} chưa được đối chiếu với chuyên đề."
        )
    if reason.kind == RULES:
        if not reason.detail:
            return (
                f"The year table has no rules for {group} in {reason.year}."
                if en
                else f"Bảng năm không còn quy tắc cho {group} năm {reason.year}."
            )
        return (
            f"For {group} in {reason.year} the portal now applies other rules"
            " than the ones taught here."
            if en
            else f"Năm {reason.year}, {group} nay áp dụng bộ quy tắc khác"
            " với bộ quy tắc chuyên đề giảng dạy."
        )
    return reason.subject
