"""A made-up official text in the real layout, with the noise of a scanned copy.

Nghị định 77/2099/NĐ-CP does not exist: the tests must never pass for a real text
they happen to know. Its "Căn cứ" names Luật 05/2098/QH99 (in ``LAWS``, by title
and date, beside an older law of the same title) and a law that is not on the portal.
"""

from __future__ import annotations

OCR_TEXT = """\
CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 77/2099/ND-CP    Hà Nội, ngày 15 tháng 3 năm 2099

NGHỊ ĐỊNH
QUY ĐỊNH VỀ THỬ NGHIỆM NHẬP
VĂN BẢN

Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
Căn cứ Luật Thử nghiệm ngày 15 tháng 6 năm 2098;
Theo đề nghị của Bộ trưởng Bộ Nội vụ;
Chính phủ ban hành Nghị định quy định về thử nghiệm nhập văn bản.

Chương I
QUY ĐỊNH CHUNG

| Điều  1 .  Phạm vi điều chỉnh
Nghị định này quy định việc thử nghiệm nhập văn bản
vào cổng thông tin.

Ðiều 2. Đối tượng áp dụng
1. Cơ quan, tổ chức, đơn vị có
cán bộ, công chức, viên chức.
2 . Cá nhân có liên quan.
12

Chương II
TIÊU CHÍ

Điều 3. Tiêu chí thử nghiệm và
kết quả
1. Văn bản được nhập khi có đủ các điều kiện sau:
a) Có số hiệu;
b ) Có ngày ban hành;
c) Có ít nhất một điều;
d) Có tên;
d) Có cơ quan ban hành. ~
2. Kết quả được ghi như sau:
b) Một điểm mà OCR đọc sai thứ tự.
Điều 4. Hiệu lực thi hành
Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2099.
Nơi nhận:
- Ban Bí thư Trung ương Đảng;
- Lưu: VT.
TM. CHÍNH PHỦ
THỦ TƯỚNG
Nguyễn Văn Mẫu
"""

# Two laws of the same title for the docs folder of a test: only the date tells them apart.
LAWS = {
    "luat-05-2098.md": """---
so_hieu: 05/2098/QH99
ten: Luật Thử nghiệm
loai_van_ban: Luật
co_quan_ban_hanh: Quốc hội
ngay_ban_hanh: 2098-06-15
tinh_trang: con_hieu_luc
tom_luoc: true
---

# Luật Thử nghiệm số 05/2098/QH99

## Điều 1. Phạm vi

Luật này dùng cho kiểm thử.
""",
    "luat-01-2090.md": """---
so_hieu: 01/2090/QH99
ten: Luật Thử nghiệm
loai_van_ban: Luật
co_quan_ban_hanh: Quốc hội
ngay_ban_hanh: 2090-01-10
tinh_trang: het_hieu_luc_toan_bo
tom_luoc: true
---

# Luật Thử nghiệm số 01/2090/QH99
""",
}

# A law: no date in the header (the passage line gives it), Mục inside a Chương,
# "CỘNG HOÀ" spelled the older way, the President of the Assembly signing.
LAW_TEXT = """\
QUỐC HỘI
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Luật số: 09/2099/QH99

LUẬT
THỬ NGHIỆM CẤU TRÚC

Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
Quốc hội ban hành Luật Thử nghiệm cấu trúc.

Chương I
NHỮNG QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Luật này quy định về thử nghiệm.
Chương II
TỔ CHỨC
Mục 1
CẤP CƠ SỞ
Điều 2. Cấp cơ sở
1. Cấp cơ sở gồm:
a) Đơn vị;
b) Tổ chức.
Mục 2
CẤP TRÊN
Điều 3. Hiệu lực thi hành
Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2100.
Luật này đã được Quốc hội khóa XV, kỳ họp thứ 9 thông qua ngày 10 tháng 6 năm 2099.
CHỦ TỊCH QUỐC HỘI
Trần Văn Thử
"""
