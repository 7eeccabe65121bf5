"""Database access: engine set-up, migrations on open, and the unit of work.

``open_database()`` is the one way the application (GUI, CLI, tests) gets a
database: it resolves the location, refuses a database written by a newer
Bake Planner, backs the file up when a migration is pending, upgrades it to
the latest schema, and returns a :class:`Database` whose :meth:`Database.uow`
opens one transaction per user action.
"""

from __future__ import annotations

import os
import sqlite3
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from src.utils.datetime_utils import utc_now

APP_NAME = "bake-planner"
DB_FILENAME = "bake_planner.db"
ENV_VAR = "BAKE_PLANNER_DB"
ALEMBIC_DIR = Path(__file__).resolve().parent.parent / "alembic"
# The newest migration's revision. Opening a database already at this revision
# skips alembic entirely (importing it and reading the scripts costs ~200 ms of
# start-up); tests/services/test_db_head_revision.py checks it is alembic's head.
HEAD_REVISION = "0006"
BUSY_TIMEOUT_MS = 10_000

# SQLite has no decimal type; quantities are stored with a fixed scale and read
# back as Decimal, which is exact for kitchen quantities. The warning is noise.
warnings.filterwarnings(
    "ignore", message=r".*does \*not\* support Decimal objects natively", category=sa_exc.SAWarning
)


class DatabaseError(Exception):
    """A database cannot be opened; the message is fit for the user."""


class DatabaseTooNewError(DatabaseError):
    """The database was written by a newer Bake Planner and is left untouched."""


def user_data_dir() -> Path:
    """The per-user folder where Bake Planner keeps its data."""
    from platformdirs import user_data_dir as _user_data_dir

    return Path(_user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return user_data_dir() / DB_FILENAME


def demo_db_path() -> Path:
    """The demo bakery's database: separate from the user's own."""
    return user_data_dir() / "demo_bakery.db"


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """A SQLAlchemy URL from ``--db`` (a path or a URL), else ``BAKE_PLANNER_DB``,
    else the default file in the user data folder."""
    chosen = db if db not in (None, "") else os.environ.get(ENV_VAR) or None
    if chosen is None:
        chosen = default_db_path()
    text = os.fspath(chosen)
    if "://" in text:
        return text
    path = Path(text).expanduser().resolve()
    return f"sqlite:///{path}"


def _sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database
    if not database or database == ":memory:":
        return None
    return Path(database)


def _configure_sqlite(dbapi_connection, _record) -> None:
    # Hand transaction control to us (see _begin_immediate): pysqlite's own
    # handling would begin only at the first write, after a service's reads.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _begin_immediate(connection) -> None:
    """Every unit of work takes SQLite's write lock before its first read.

    A service checks the plan's state and then writes; with a deferred
    transaction another process could change the state between the two (two
    windows on one file: a decision saved just as the other starts
    production). BEGIN IMMEDIATE makes check-then-write atomic; other writers
    wait (busy timeout) instead of failing, and WAL readers are not blocked."""
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def create_db_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite connections get foreign keys, WAL and a busy timeout."""
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(
            url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, future=True
        )
        event.listen(engine, "connect", _configure_sqlite)
        event.listen(engine, "begin", _begin_immediate)
        return engine
    return create_engine(url, future=True, pool_pre_ping=True)


@dataclass
class Database:
    """An open, migrated database: an engine and its one sessionmaker."""

    url: str
    engine: Engine
    sessionmaker: sessionmaker[Session]
    backup_path: Path | None = None  # the copy made before a migration, if any

    @contextmanager
    def uow(self) -> Iterator[Session]:
        """One unit of work: commits when the block ends, rolls back on any error."""
        session = self.sessionmaker()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()


def _alembic_config(connection=None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(ALEMBIC_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def known_revisions() -> tuple[set[str], str]:
    """All revisions this code knows, and the head."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    revisions = {rev.revision for rev in script.walk_revisions()}
    return revisions, script.get_current_head()


def _stored_revision_sqlite(path: Path) -> tuple[bool, str | None]:
    """(has any tables, alembic revision) read without changing the file."""
    # immutable=1 keeps SQLite from creating -wal/-shm files beside a file we may
    # refuse; a leftover WAL (unclean shutdown) must be read, so then open normally.
    wal = path.with_name(path.name + "-wal")
    uri = f"file:{path}?mode=ro" if wal.exists() else f"file:{path}?mode=ro&immutable=1"
    conn = sqlite3.connect(uri, uri=True)
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if "alembic_version" not in tables:
            return bool(tables), None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return True, row[0] if row else None
    finally:
        conn.close()


def _backup(path: Path) -> Path:
    stamp = utc_now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{stamp}{path.suffix or '.db'}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.stem}.backup-{stamp}-{n}{path.suffix or '.db'}")
        n += 1
    # sqlite3's backup API copies a consistent image even with a WAL beside it.
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def _too_new_message(revision: str) -> str:
    return (
        f"This database was written by a newer version of Bake Planner (schema revision "
        f"{revision}). Update Bake Planner to open it; the file was not changed."
    )


def open_database(db: str | os.PathLike[str] | None = None, *, migrate: bool = True) -> Database:
    """Open (creating if needed) and migrate the database chosen by ``db``.

    Raises DatabaseTooNewError for a database from a newer version (untouched)
    and DatabaseError when the location cannot be used.
    """
    url = resolve_url(db)
    path = _sqlite_path(url)
    backup_path: Path | None = None
    if path is not None:
        if path.exists():
            if path.is_dir():
                raise DatabaseError(f"{path} is a folder, not a database file")
            try:
                has_tables, revision = _stored_revision_sqlite(path)
            except sqlite3.DatabaseError as exc:
                raise DatabaseError(f"{path} is not a Bake Planner database ({exc})") from exc
            if migrate and revision == HEAD_REVISION:
                pass  # up to date: no backup, and alembic is not needed
            elif migrate:
                known, head = known_revisions()
                if revision is not None and revision not in known:
                    raise DatabaseTooNewError(_too_new_message(revision))
                if has_tables and revision != head:
                    backup_path = _backup(path)
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(f"cannot create the folder for {path}: {exc}") from exc
    engine = create_db_engine(url)
    if migrate:
        try:
            _upgrade(engine, url)
        except DatabaseTooNewError:
            engine.dispose()
            raise
        except sa_exc.OperationalError as exc:
            engine.dispose()
            raise DatabaseError(f"cannot open the database at {url}: {exc.orig}") from exc
    return Database(
        url=url,
        engine=engine,
        sessionmaker=sessionmaker(engine, expire_on_commit=False),
        backup_path=backup_path,
    )


def _current_revision(engine: Engine) -> str | None:
    """The revision stored in ``alembic_version``, read without alembic
    (None when the table is missing or empty)."""
    from sqlalchemy import inspect, text

    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _upgrade(engine: Engine, url: str) -> None:
    if _current_revision(engine) == HEAD_REVISION:
        return
    from alembic.runtime.migration import MigrationContext

    from alembic import command

    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    known, head = known_revisions()
    if current is not None and current not in known:
        raise DatabaseTooNewError(_too_new_message(current))
    if current == head:
        return
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "head")
