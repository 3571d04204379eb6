# The contracts: `make install`, `make run`, `make test`, `make bench`, `make serve`,
# `make loadtest`. See README.md.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8000

.PHONY: install run test bench lint serve static loadtest

install: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $(STAMP)

# Migrate, load the demo council (safe to repeat), print the demo users, serve, and run the
# background worker that builds report packs beside the web server (stopped with it).
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@$(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(PY) -m pytest

# BENCH_ARGS=--large adds the 10,000-measure pages (minutes more); --large-only prints only them.
bench: install
	$(PY) manage.py bench $(BENCH_ARGS)

lint: install
	$(VENV)/bin/ruff check .

# --- Production recipe on this machine (issue 13): gunicorn with the production settings,
# collectstatic for WhiteNoise, and the task worker supervised beside it (`manage.py serve`
# stops both together). Plain HTTP on loopback, so no redirect to HTTPS unless asked for; a
# SECRET_KEY is made once into .secret_key unless the environment gives one.
WEB_WORKERS ?= 4
TASK_WORKERS ?= 1
SERVE_ENV = DJANGO_SETTINGS_MODULE=perfmgmt.settings.production \
	SITE_URL="$${SITE_URL:-http://127.0.0.1:$(PORT)}" \
	SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-0}" \
	SECRET_KEY="$${SECRET_KEY:-$$(cat .secret_key)}"

serve: install static
	$(SERVE_ENV) $(PY) manage.py migrate --noinput
	$(SERVE_ENV) $(PY) manage.py createcachetable
	exec env $(SERVE_ENV) $(PY) manage.py serve --bind 127.0.0.1:$(PORT) \
		--workers $(WEB_WORKERS) --task-workers $(TASK_WORKERS)

# collectstatic for WhiteNoise, before `make serve` (a minute of CPU); `make -o static serve`
# serves the files already collected.
static: install
	@test -n "$$SECRET_KEY" || test -s .secret_key || \
		$(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > .secret_key
	$(SERVE_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0

# --- Load test (issue 13): `make serve` on PostgreSQL with the generated council of 1,000
# measures, 25 viewers and 200 officers for LOADTEST_TIME (2m) under locust, loopback only.
# Prints p50/p95/p99 and errors, then checks the database. Settings: loadtest/run.py.
loadtest: install
	$(PY) -m loadtest.run
