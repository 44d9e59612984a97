# The two commands a new user needs (see README.md):
#   make run   set everything up and start the app on http://127.0.0.1:8000 (Ctrl-C stops it)
#   make test  run the whole test suite
.PHONY: run test lint bootstrap

bootstrap:
	@scripts/bootstrap.sh

run: bootstrap
	@.venv/bin/python manage.py serve

test: bootstrap
	@.venv/bin/python -m pytest -n auto $(PYTEST_ARGS)

lint: bootstrap
	@.venv/bin/ruff check . && .venv/bin/ruff format --check . && .venv/bin/mypy
