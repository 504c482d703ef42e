# Every target creates or reuses .venv itself; run any of them on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Reinstall when pyproject.toml changes (the stamp carries its checksum).
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
HOST   ?= 127.0.0.1:8000
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help setup serve build test lint chromium bench clean offline pdf

help:
	@echo "make serve   – cài đặt (lần đầu) và chạy cổng thông tin tại http://$(HOST)"
	@echo "make build   – dựng trang tĩnh (strict) vào site/"
	@echo "make test    – cài công cụ kiểm thử (cả chromium), dựng trang, chạy toàn bộ kiểm thử"
	@echo "make bench   – đo thời gian dựng trang trên bộ dữ liệu tổng hợp"
	@echo "make offline – gói toàn bộ cổng (hai ngôn ngữ) thành dist/thidua-offline.zip, mở bằng file://"
	@echo "make pdf     – in hướng dẫn năm ra dist/huong-dan.pdf (chromium không giao diện)"

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@rm -f $(VENV)/.installed-*
	@touch $@

setup: $(STAMP)

serve: setup
	$(BIN)/mkdocs serve --livereload -a $(HOST)

build: setup
	$(BIN)/mkdocs build --strict

lint: setup
	$(BIN)/ruff check hooks tests scripts

# Debian's chromium (never `playwright install`: it downloads a browser).
chromium:
	@command -v chromium >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) apt-get install -y -qq --no-install-recommends chromium poppler-utils fonts-liberation; }

test: setup chromium lint build
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python scripts/bench.py

# The whole portal for file:// use (mkdocs-offline.yml), zipped into dist/.
offline: setup
	$(BIN)/python scripts/offline.py

# The annual guidance as a PDF, printed by headless chromium from a built site.
pdf: setup chromium build
	$(BIN)/python scripts/pdf.py --site site --out dist/huong-dan.pdf

clean:
	rm -rf site .bench .pytest_cache
