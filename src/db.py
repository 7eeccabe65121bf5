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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from src.db_url import (
    DatabaseError,
    connection_failure_message,
    describe_url,
    engine_problem_message,
    normalise_url,
)
from src.migrations import MigrationsMissingError, alembic_config, migrations_dir
from src.utils.datetime_utils import utc_now

APP_NAME = "bake-planner"
DB_FILENAME = "bake_planner.db"
ENV_VAR = "BAKE_PLANNER_DB"
# The newest migration's revision. Opening a database already at this revision
# skips alembic entirely (importing it and reading the scripts costs ~200 ms of
# start-up); tests/services/test_db_head_revision.py checks it is alembic's head.
HEAD_REVISION = "0007"
BUSY_TIMEOUT_MS = 10_000
MIGRATION_LOCK_KEY = 0x42A4E  # PostgreSQL advisory lock held while migrating

# SQLite has no decimal type; quantities are stored with a fixed scale and read
# back as Decimal, which is exact for kitchen quantities. The warning is noise.
warnings.filterwarnings(
    "ignore", message=r".*does \*not\* support Decimal objects natively", category=sa_exc.SAWarning
)


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
        return normalise_url(text)
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
    """An engine for ``url``; SQLite connections get foreign keys, WAL and a busy timeout.

    Raises DatabaseError (one line naming the fix) for an unknown URL scheme or a
    driver that is not installed."""
    try:
        if make_url(url).get_backend_name() == "sqlite":
            engine = create_engine(
                url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, future=True
            )
            event.listen(engine, "connect", _configure_sqlite)
            event.listen(engine, "begin", _begin_immediate)
            return engine
        return create_engine(url, future=True, pool_pre_ping=True)
    except (sa_exc.NoSuchModuleError, ImportError) as exc:
        raise DatabaseError(engine_problem_message(url, exc)) from None


@dataclass
class Database:
    """An open, migrated database: an engine and its one sessionmaker."""

    url: str
    engine: Engine
    sessionmaker: sessionmaker[Session]
    # the copy made before a migration, if any: the file's copy for SQLite, a
    # JSON dump of every table in backup_dir() for a server database
    backup_path: Path | None = None
    # What the services keep between two calls on this database, by name (the
    # plan's: src.services.plan.cache.PlanCache). Each entry checks that it still
    # matches the rows it was built from; closing the database forgets them.
    caches: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

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
        self.caches.clear()
        self.engine.dispose()


def _alembic_config(connection=None):
    return alembic_config(connection)


def _require_migrations() -> None:
    """Fail in one line, before anything is written, when the migrations are missing."""
    try:
        migrations_dir()
    except MigrationsMissingError as exc:
        raise DatabaseError(str(exc)) from None


def known_revisions() -> tuple[set[str], str | None]:
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


def no_database_message(where: str) -> str:
    """What a read-only command says when there is no database to read."""
    return (
        f"there is no Bake Planner database at {where}; create one with "
        "`bake-planner demo`, `bake-planner import FILE` (add the same --db), "
        "or by opening the window"
    )


def open_database(
    db: str | os.PathLike[str] | None = None, *, migrate: bool = True, create: bool = True
) -> Database:
    """Open (creating if needed) and migrate the database chosen by ``db``.

    With ``create=False`` (read-only commands) a missing database is refused and
    no file or folder is made. Raises DatabaseTooNewError for a database from a
    newer version (untouched) and DatabaseError when the location cannot be used;
    both are one line fit for the user, and nothing is written when they are raised.
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
            if not has_tables and not create:
                raise DatabaseError(no_database_message(str(path)))
            if migrate and revision == HEAD_REVISION:
                pass  # up to date: no backup, and alembic is not needed
            elif migrate:
                _require_migrations()
                known, head = known_revisions()
                if revision is not None and revision not in known:
                    raise DatabaseTooNewError(_too_new_message(revision))
                if has_tables and revision != head:
                    backup_path = _backup(path)
        elif not create:
            raise DatabaseError(no_database_message(str(path)))
        else:
            if migrate:
                _require_migrations()
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(f"cannot create the folder for {path}: {exc}") from exc
    engine = create_db_engine(url)
    if migrate:
        try:
            server_backup = _upgrade(engine, url, create=create, backup_tables=path is None)
            backup_path = backup_path or server_backup
        except DatabaseError:
            engine.dispose()
            raise
        except (sa_exc.OperationalError, sa_exc.InterfaceError) as exc:
            engine.dispose()
            raise DatabaseError(connection_failure_message(url, exc)) from None
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


def backup_dir() -> Path:
    """Where the JSON backups of server databases go (there is no file to copy)."""
    return user_data_dir() / "backups"


def _upgrade(
    engine: Engine, url: str, *, create: bool = True, backup_tables: bool = False
) -> Path | None:
    """Migrate to head. Without ``create`` an empty database is refused (read-only
    commands never make one). With ``backup_tables`` (a server database) a
    database holding tables is first written to a JSON backup; returns its path."""
    stored = _current_revision(engine)
    if stored == HEAD_REVISION:
        return None
    if stored is None and not create:
        raise DatabaseError(no_database_message(describe_url(url)))
    _require_migrations()
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import inspect

    from alembic import command

    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        has_tables = bool(set(inspect(connection).get_table_names()) - {"alembic_version"})
    known, head = known_revisions()
    if current is not None and current not in known:
        raise DatabaseTooNewError(_too_new_message(current))
    if current == head:
        return None
    if engine.dialect.name == "sqlite":
        _upgrade_sqlite(engine)
        return None
    backup: Path | None = None
    if backup_tables and has_tables:
        from src.db_backup import backup_tables as write_backup

        try:
            backup = write_backup(engine, url, backup_dir(), current)
        except OSError as exc:
            raise DatabaseError(
                f"cannot write the backup to take before upgrading the database "
                f"(in {backup_dir()}): {exc}; nothing was changed") from exc
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Two computers opening a new server database at once: one migrates, the
            # other waits here and then finds it at head (alembic re-reads the revision).
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})")
        command.upgrade(_alembic_config(connection), "head")
    return backup


def _upgrade_sqlite(engine: Engine) -> None:
    """SQLite's documented way to change a schema: foreign keys off (outside the
    transaction, where the pragma works), the migrations, a foreign key check
    before committing, foreign keys back on. A migration that rebuilds a table
    (batch mode) would otherwise cascade deletes into the rows that refer to it."""
    from alembic import command

    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None, "an open SQLite connection has its driver connection"
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                command.upgrade(_alembic_config(connection), "head")
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise DatabaseError(
                        f"the upgrade would leave {len(broken)} broken reference(s) "
                        f"(first: table {broken[0][0]}); nothing was changed"
                    )
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
