"""The command line on a PostgreSQL server: what a bakery's second computer does."""

from __future__ import annotations

import json

import pytest

from .test_cli import run

pytestmark = pytest.mark.postgres


def test_demo_plan_export_and_import_on_a_server(pg_cluster, tmp_path):
    first, second = pg_cluster.create_database(), pg_cluster.create_database()
    try:
        done = run("demo", "--db", first)
        assert done.returncode == 0, done.stderr
        done = run("plan", "Thanksgiving Bake Sale", "--json", "--db", first)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["event"]["name"] == "Thanksgiving Bake Sale"
        exported = tmp_path / "bakery.json"
        assert run("export", str(exported), "--db", first).returncode == 0
        done = run("import", str(exported), "--db", second)
        assert done.returncode == 0, done.stderr
        again = tmp_path / "again.json"
        assert run("export", str(again), "--db", second).returncode == 0
        assert again.read_bytes() == exported.read_bytes()
    finally:
        pg_cluster.drop_database(first)
        pg_cluster.drop_database(second)
