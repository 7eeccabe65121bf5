"""A throwaway PostgreSQL server for the tests: initdb + pg_ctl on a Unix socket.

``PgCluster.start()`` makes a fresh cluster in a temporary folder, listening
on a Unix socket in that folder only (no TCP), with durability switched off
(a test cluster is thrown away). As root, PostgreSQL refuses to run, so the
server runs as the ``postgres`` user (Debian's package creates it) or, when
that user does not exist, as ``nobody``; the folder is handed to that user.

``BAKE_PLANNER_TEST_PG_URL`` (a SQLAlchemy URL of a server whose user may
create databases) makes the tests use that server instead of starting one.
``BAKE_PLANNER_PG_BIN`` names the folder holding initdb/pg_ctl when they are
neither on PATH nor in /usr/lib/postgresql/*/bin.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool

SUPERUSER = "bake"
PORT = 5432
URL_ENV = "BAKE_PLANNER_TEST_PG_URL"
BIN_ENV = "BAKE_PLANNER_PG_BIN"


class PgUnavailable(RuntimeError):
    """No PostgreSQL server could be started; the message says why."""


def find_bindir() -> Path:
    """The folder holding initdb and pg_ctl (newest installed version first)."""
    given = os.environ.get(BIN_ENV)  # given: that folder and no other
    candidates = [given] if given else _installed()
    for folder in candidates:
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    raise PgUnavailable(
        "PostgreSQL server programs (initdb, pg_ctl) not found: install the Debian package "
        f"'postgresql' or set {BIN_ENV}"
    )


def _installed() -> list[str]:
    """Folders that may hold the server programs: PATH, then Debian's, newest first."""
    candidates: list[str] = []
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(str(Path(on_path).parent))
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                         key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit()
                         else 0, reverse=True)
    return candidates


def _server_user() -> pwd.struct_passwd | None:
    """The unprivileged user to run the server as (None: run as ourselves)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise PgUnavailable("running as root and neither a 'postgres' nor a 'nobody' user exists")


def _as_user(user: pwd.struct_passwd | None, argv: Sequence[str]) -> list[str]:
    if user is None:
        return list(argv)
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        raise PgUnavailable("running as root needs 'setpriv' (util-linux) to drop privileges")
    return [setpriv, f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups",
            "--", *argv]


def _run(argv: list[str], what: str, env: dict[str, str]) -> None:
    done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=120)
    if done.returncode != 0:
        raise PgUnavailable(f"{what} failed ({done.returncode}): "
                            f"{(done.stderr or done.stdout).strip()[-1500:]}")


@dataclass
class PgCluster:
    """A running server: ``url(dbname)`` gives a SQLAlchemy URL for one database."""

    base_url: URL
    folder: Path | None = None
    bindir: Path | None = None
    user: pwd.struct_passwd | None = None
    _env: dict[str, str] = field(default_factory=dict)
    _engines: dict[str, Engine] = field(default_factory=dict)

    @classmethod
    def start(cls) -> PgCluster:
        if os.environ.get(URL_ENV):
            return cls(base_url=make_url(os.environ[URL_ENV]))
        bindir = find_bindir()
        user = _server_user()
        # Short path (a socket path must stay under ~100 bytes), in /tmp so the
        # server's user can reach it.
        folder = Path(tempfile.mkdtemp(prefix="bake-pg-", dir="/tmp"))
        if user is not None:
            os.chown(folder, user.pw_uid, user.pw_gid)
        env = {**os.environ, "LC_ALL": "C", "LANG": "C", "TZ": "UTC"}
        if user is not None:
            env["HOME"] = str(folder)
        data = folder / "data"
        _run(_as_user(user, [str(bindir / "initdb"), "-D", str(data), "-U", SUPERUSER,
                             "--auth=trust", "--encoding=UTF8", "--no-sync"]),
             "initdb", env)
        options = (f"-c listen_addresses='' -c unix_socket_directories='{folder}' "
                   f"-p {PORT} -c fsync=off -c synchronous_commit=off "
                   "-c full_page_writes=off -c max_connections=60")
        cluster = cls(
            base_url=URL.create("postgresql+psycopg", username=SUPERUSER, database="postgres",
                                query={"host": str(folder), "port": str(PORT)}),
            folder=folder, bindir=bindir, user=user, _env=env,
        )
        try:
            _run(_as_user(user, [str(bindir / "pg_ctl"), "-D", str(data), "-o", options,
                                 "-l", str(folder / "server.log"), "-w", "-t", "60", "start"]),
                 "pg_ctl start", env)
        except PgUnavailable as exc:
            log = folder / "server.log"
            detail = log.read_text(errors="replace")[-1500:] if log.exists() else ""
            shutil.rmtree(folder, ignore_errors=True)
            raise PgUnavailable(f"{exc}\n{detail}") from exc
        return cluster

    def url(self, dbname: str) -> str:
        return self.base_url.set(database=dbname).render_as_string(hide_password=False)

    def _admin(self, *statements: str) -> None:
        engine = create_engine(self.url(self.base_url.database or "postgres"),
                               isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                for statement in statements:
                    conn.execute(text(statement))
        finally:
            engine.dispose()

    def create_database(self, template: str | None = None) -> str:
        """A new empty database (or a copy of ``template``); returns its URL."""
        name = f"bake_{uuid.uuid4().hex[:12]}"
        suffix = f" TEMPLATE {template}" if template else ""
        self._admin(f"CREATE DATABASE {name}{suffix}")
        return self.url(name)

    def empty_database(self, url: str) -> None:
        """Delete every row (except the schema revision) and restart the id sequences.
        DELETE with the foreign-key triggers off (we are the superuser) is ~50 times
        faster than TRUNCATE on tables this small."""
        engine = self._engines.get(url)
        if engine is None:
            engine = self._engines[url] = create_engine(url, poolclass=NullPool)
        with engine.begin() as conn:
            tables = [name for (name,) in conn.execute(text(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                "AND tablename <> 'alembic_version'"))]
            statements = ["SET LOCAL session_replication_role = replica"]
            statements += [f'DELETE FROM "{t}"' for t in tables]
            with_ids = {name for (name,) in conn.execute(text(
                "SELECT table_name FROM information_schema.columns WHERE table_schema = "
                "'public' AND column_name = 'id'"))}  # app_settings is keyed by name
            statements += [f"SELECT setval(pg_get_serial_sequence('\"{t}\"', 'id'), 1, false)"
                           for t in tables if t in with_ids]
            conn.exec_driver_sql("; ".join(statements))

    def drop_database(self, url: str) -> None:
        name = make_url(url).database
        self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        for engine in self._engines.values():
            engine.dispose()
        if self.folder is None or self.bindir is None:
            return
        try:
            _run(_as_user(self.user, [str(self.bindir / "pg_ctl"), "-D",
                                      str(self.folder / "data"), "-m", "immediate", "-w",
                                      "stop"]), "pg_ctl stop", self._env)
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
