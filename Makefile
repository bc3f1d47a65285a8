# The suite's commands. Each creates .venv and installs the project the first time only.
#   make report                         run every notebook on the default article, write HTML
#                                       (sharing one analysis of the article, kept in
#                                       ~/.cache/reading-the-news/analyses)
#   make report ARTICLE=path/to/your.md the same for another article
#   make report FORMAT=pdf              also a PDF of each page (needs Chromium installed)
#   make report JOBS=1                  one notebook at a time (default: one per CPU)
#   make test                           every test (CI runs make lint, then make test; ~7 min)
#   make test-fast                      the fast tier for the edit-test loop (under a minute):
#                                       no test marked slow, browser or jupyterlab
#   make lint                           ruff, the check that no regex can backtrack (ReDoS), and
#                                       make structure
#   make structure                      helpers/: no module over 600 lines, no private name
#                                       imported across modules, no 6-line block repeated
#   make lab                            JupyterLab on the notebooks (as root too: see README)
#   make nav                            regenerate the notebooks' contents and navigation links,
#                                       and docs/tables.md from the data contract
#   make student                        notebooks without worked solutions, in student-notebooks/
#   make bench                          speed benchmarks (ratios against baselines, ~15 min)
#   make peer                           analyze() over real news corpora (benchmarks/peer/README.md;
#                                       needs setup_corpora.py first; not run by CI)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ARTICLE ?= data/articles/putin-kim-summit-2023.md
OUT ?= reports
FORMAT ?= html
JOBS ?=

.PHONY: report test test-fast lab lint structure bench peer clean nav student

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: run make PYTHON=python3.11 ...")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

report: $(STAMP)
	$(BIN)/python -m helpers report "$(ARTICLE)" --out "$(OUT)" --format "$(FORMAT)" $(if $(JOBS),--jobs $(JOBS))

test: $(STAMP)
	$(BIN)/python -m pytest

# Tiers: tests/conftest.py marks each test by its cost (README, "For developers")
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow and not browser and not jupyterlab"

# Jupyter refuses to run as root unless told; classroom containers and JupyterHub images run
# as root, so --allow-root is added only when the effective user id is 0 (nobody else's
# command changes). LAB_ARGS passes more options: make lab LAB_ARGS="--no-browser --port=8890"
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)
LAB_ARGS ?=

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/ $(ALLOW_ROOT) $(LAB_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check helpers tests benchmarks tools
	$(BIN)/ruff format --check helpers tests benchmarks tools
	$(BIN)/python tools/check_regexes.py
	$(BIN)/python tools/check_structure.py

# Not part of lint yet: issue 17's refactorings remove today's violations first.
structure: $(STAMP)
	$(BIN)/python tools/check_structure.py

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_vader.py
	$(BIN)/python benchmarks/bench_quotes.py
	$(BIN)/python benchmarks/bench_corpus.py
	$(BIN)/python benchmarks/bench_scaling.py
	$(BIN)/python benchmarks/bench_report.py
	$(BIN)/python benchmarks/bench_long_articles.py --sizes 200000 1000000
	$(BIN)/python benchmarks/bench_xray.py

peer: $(STAMP)
	$(BIN)/python benchmarks/peer/bench_real_news.py

nav: $(STAMP)
	$(BIN)/python -m helpers nav
	$(BIN)/python -m helpers docs

student: $(STAMP)
	$(BIN)/python -m helpers student --out student-notebooks

clean:
	rm -rf $(OUT) .pytest_cache student-notebooks
