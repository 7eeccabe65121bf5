"""src.db.HEAD_REVISION lets start-up skip alembic; it must be alembic's real head."""

from __future__ import annotations

import sys

from src.db import HEAD_REVISION, known_revisions, open_database


def test_head_revision_constant_is_alembics_head():
    _, head = known_revisions()
    assert HEAD_REVISION == head


def test_opening_an_up_to_date_database_does_not_need_alembic(tmp_path):
    path = tmp_path / "current.db"
    open_database(path).dispose()  # created and migrated by alembic
    code = (
        "import sys\n"
        "from src.db import open_database\n"
        f"db = open_database({str(path)!r})\n"
        "db.dispose()\n"
        "assert db.backup_path is None\n"
        "assert not any(m == 'alembic' or m.startswith('alembic.') for m in sys.modules), "
        "'alembic imported'\n"
    )
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
