"""The planning rules as they were written before they were made fast: plain,
obviously-correct versions kept as oracles for the equivalence tests
(tests/planning/test_fast_paths.py). Not used by the application."""
