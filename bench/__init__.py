"""Benchmarks: synthetic bakeries (generate.py) and the timing harness (run.py)."""
