# Japanese white papers → datasets. `make help` lists the targets.
# The build is a graph of files: per-chapter stage artefacts in interim/, datasets in
# output/. Only what is out of date is rebuilt.

SHELL := /bin/bash
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:
.SUFFIXES:

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
RUN := $(PY) -m pipeline --quiet

NO_BUILD_GOALS := help clean lint compare compare-pdf
# A plain include (not -include): when the registry is wrong, the rule that writes
# chapters.mk fails with its one-line message and make stops with a non-zero exit.
ifneq ($(filter-out $(NO_BUILD_GOALS),$(or $(MAKECMDGOALS),help)),)
include interim/chapters.mk
endif

.PHONY: help all test test-fast lint clean bench bench-corpus check-package compare compare-pdf

help: ## list the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | sort

$(INSTALLED): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

interim/chapters.mk: raw/chapters.toml | $(INSTALLED)
	$(RUN) registry

interim/registry/%.json: ;

# A chapter is out of date when its raw file, its registry entry or the code changed.
# Its rule only queues it; one process then builds every queued chapter on a worker
# pool (start-up is paid once per build, not once per chapter and stage).
QUEUE := interim/queue.txt
CODE := $(wildcard pipeline/*.py pipeline/*/*.py pipeline/*/*/*.py pipeline/data/*)
PUBLISHED := $(foreach c,$(CHAPTERS),interim/publish/$(c).json)

interim/publish/%.json: $(CODE) | $(INSTALLED)
	@mkdir -p interim && rm -f $@ && echo $* >> $(QUEUE)

interim/publish/combined.json: $(PUBLISHED)
	$(RUN) run --queue $(QUEUE)

all: $(INSTALLED) interim/publish/combined.json ## create .venv if needed, regenerate and validate every dataset

bench-corpus: $(INSTALLED) ## whole-build speed and peak memory on N synthetic chapters, best of R builds (make bench-corpus N=40 R=1)
	$(PY) -m pipeline.bench.corpus $(or $(N),40) --repeat $(or $(R),1)

check-package: all ## validate output/datapackage.json with frictionless (slow, about a minute)
	$(VENV)/bin/frictionless validate output/datapackage.json

test: all ## build, then run the test suite (some tests read output/)
	$(PY) -m pytest

test-fast: all ## the test suite without the slow whole-build tests (pytest -m "not slow")
	$(PY) -m pytest -m "not slow"

compare: $(INSTALLED) ## build REF (a commit) and the working tree, diff every CSV under output/ (make compare REF=HEAD~1)
	@test -n "$(REF)" || { echo 'usage: make compare REF=<commit>' >&2; exit 2; }
	$(PY) -m pipeline.bench.compare $(REF)

compare-pdf: $(INSTALLED) ## extract every registered PDF chapter with pdfplumber and with PDFium, print every difference
	$(PY) -m pipeline.bench.compare_pdf

lint: $(INSTALLED) ## ruff and mypy
	$(VENV)/bin/ruff check pipeline tests
	$(VENV)/bin/mypy pipeline

bench: all ## print speed figures: token stage vs bare fugashi, numbers+dates, PDF pages
	$(PY) -m pipeline.bench.nlp
	$(PY) -m pipeline.bench.tagging
	$(PY) -m pipeline.bench.pdf

clean: ## remove interim/ and output/ build products (keeps their READMEs)
	find interim output -mindepth 1 ! -name README.md -exec rm -rf {} +
