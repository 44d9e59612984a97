"""Helpers for the fault tests and ``bench/faults.py``/``bench/soak.py``: real processes and
throwaway servers (never the shared PostgreSQL on 5432 or Redis on 6379). Not used in production."""
