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

.PHONY: help setup serve build test lint chromium bench clean offline pdf check impact lock vnu

help:
	@echo "make serve   – cài đặt (lần đầu) và chạy cổng thông tin tại http://$(HOST)"
	@echo "make build   – dựng trang tĩnh (strict) vào site/"
	@echo "make test    – cài công cụ kiểm thử (cả chromium), dựng trang, chạy toàn bộ kiểm thử"
	@echo "make bench   – đo thời gian dựng trang trên bộ dữ liệu tổng hợp"
	@echo "make offline – gói toàn bộ cổng (hai ngôn ngữ) thành dist/thidua-offline.zip, mở bằng file://"
	@echo "make pdf     – in hướng dẫn năm ra dist/huong-dan.pdf (chromium không giao diện)"
	@echo "make check   – kiểm tra toàn bộ nội dung (văn bản, dẫn chiếu, mục neo, bản dịch, tiêu chí, ca) không dựng trang"
	@echo "make impact  – báo cáo ảnh hưởng của thay đổi: make impact BASE=origin/main HEAD=HEAD"
	@echo "make clean "  – xoá mọi thứ đã tạo: site/, dist/ và cả .venv (cài lại ở lần chạy sau)"

# LOCKED=1 (CI): the exact toolchain of requirements.lock, every file checked by its hash.
ifeq ($(LOCKED),1)
INSTALL = $(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock && \
          $(BIN)/python -m pip install --quiet --no-deps -e .
endif

# The install and its check; tests/portal/test_setup.py replaces them with stubs.
INSTALL ?= $(BIN)/python -m pip install --quiet --upgrade pip && \
           $(BIN)/python -m pip install --quiet -e '.[test]'
SANITY  ?= $(BIN)/python -c 'import mkdocs, material, mkdocs_static_i18n, pymdownx, yaml, thidua'
# Prints the version of the interpreter it runs in.
PYVERSION := -c 'import sys; print(sys.version)'

# The stamp is written only after a complete install that passed the check. Without it,
# .venv is reused only if its python runs, has pip and is the interpreter PYTHON names;
# anything else (an interrupted or failed first run, an interpreter removed since, a
# .venv made by another Python) is deleted and made again.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
	  echo "$(PYTHON): cần Python ≥ 3.11 (needs Python 3.11 or later); ví dụ: make PYTHON=/usr/bin/python3" >&2; \
	  exit 1; }
	@if ! $(BIN)/python -c 'import pip' >/dev/null 2>&1 || \
	    [ "$$($(BIN)/python $(PYVERSION))" != "$$($(PYTHON) $(PYVERSION))" ]; then \
	  if [ -e $(VENV) ]; then echo "$(VENV) chưa hoàn chỉnh hoặc khác PYTHON: tạo lại (recreating $(VENV))"; fi; \
	  rm -rf $(VENV); \
	  $(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
	    echo "Không tạo được $(VENV) (could not create it); trên Debian: apt-get install python3-venv" >&2; \
	    exit 1; }; \
	fi
	$(INSTALL)
	$(SANITY)
	@rm -f $(VENV)/.installed-*
	@touch $@

setup: $(STAMP)

# --dirty: after a save only the edited page is rendered again (both languages), not the
# whole site: about 1 s instead of 10 (README, "Hiệu năng"). hooks/hook_preview.py makes
# the rebuild a full one whenever anything else changed (a legal document, criteria
# data, the glossary, a template, a page added or removed), so the preview is never stale.
serve: setup
	$(BIN)/mkdocs serve --livereload --dirty -a $(HOST)

build: setup
	$(BIN)/mkdocs build --strict

lint: setup
	$(BIN)/ruff check hooks tests scripts
	$(BIN)/lint-imports

# The Nu HTML checker (npm vnu-jar) on Debian's Java, for tests/editors/test_site_quality.py.
VNU_JAR := .cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar
vnu:
	@command -v java >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) apt-get install -y -qq --no-install-recommends default-jre-headless npm; }
	@test -f $(VNU_JAR) || npm install --silent --no-audit --no-fund --prefix .cache/vnu 'vnu-jar@24.10.17'

# Every content problem at once, grouped by file (CHECK_FLAGS=--strict: mentions of an
# article that are not citations fail too). Also the pre-commit hook and the CI's first step.
check: setup
	$(BIN)/thidua check $(CHECK_FLAGS)

# What a change affects, as Markdown for a pull request comment.
BASE ?= origin/main
HEAD ?= HEAD
impact: setup
	$(BIN)/thidua impact $(BASE) $(HEAD)

# Regenerate requirements.lock (hashes) after a change of pyproject.toml's dependencies.
lock: setup
	$(BIN)/python -m pip install --quiet 'pip-tools>=7.4,<8'
	$(BIN)/pip-compile --quiet --generate-hashes --extra test --strip-extras --allow-unsafe \
	  --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

# Debian's chromium (never `playwright install`: it downloads a browser).
chromium:
	@command -v chromium >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) apt-get install -y -qq --no-install-recommends chromium poppler-utils fonts-liberation; }

test: setup chromium vnu lint build
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python scripts/bench.py

# The whole portal for file:// use (mkdocs-offline.yml), zipped into dist/.
offline: setup
	$(BIN)/python scripts/offline.py

# The annual guidance as a PDF, printed by headless chromium from a built site.
pdf: setup chromium build
	$(BIN)/python scripts/pdf.py --site site --out dist/huong-dan.pdf

# Everything made here, .venv included (the next target installs it again).
clean:
	rm -rf site dist .bench .pytest_cache $(VENV)
