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

.PHONY: help setup serve build test lint chromium bench clean

help:
	@echo "make serve   – cài đặt (lần đầu) và chạy cổng thông tin tại http://$(HOST)"
	@echo "make build   – dựng trang tĩnh (strict) vào site/"
	@echo "make test    – cài công cụ kiểm thử (cả chromium), dựng trang, chạy toàn bộ kiểm thử"
	@echo "make bench   – đo thời gian dựng trang trên bộ dữ liệu tổng hợp"

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

clean:
	rm -rf site .bench .pytest_cache
