# News Insights: `make run` serves the dashboard, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
LISTING := data/ecpat-uk-news-2017-10_to_2018-10.txt
TAXONOMY := data/taxonomy.toml
DATASET := data/articles.parquet
CODE := $(shell find src -name '*.py' 2>/dev/null)

.PHONY: run test lint format bench browser clean dataset

run: $(VENV)/.installed $(DATASET)
	$(BIN)/streamlit run dashboard/app.py --server.headless true --server.port $(PORT) \
		--browser.gatherUsageStats false

dataset: $(DATASET)

test: $(VENV)/.installed-test browser
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(VENV)/.installed-test
	$(BIN)/python bench/scale.py $(ARGS)
	$(BIN)/python bench/quantities.py $(QUANTITIES_ARGS)

# The dataset is rebuilt when the listing, the taxonomy or the pipeline's code changes.
$(DATASET): $(VENV)/.installed $(LISTING) $(TAXONOMY) $(CODE)
	$(BIN)/insights build $(LISTING) --taxonomy $(TAXONOMY) --out $@

$(VENV)/.created:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	touch $@

$(VENV)/.installed: $(VENV)/.created pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# Browser tests use Debian's chromium, never a downloaded browser.
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else \
		echo "Browser tests need Debian's chromium: run 'sudo apt-get install chromium', then 'make test'." >&2; \
		exit 1; \
	fi

clean:
	rm -rf $(VENV) $(DATASET) data/articles.index test-artifacts
