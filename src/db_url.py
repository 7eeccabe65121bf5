"""Database URLs: the driver a URL selects, and one-line messages for what can
go wrong before a database is even reached (unknown scheme, missing driver,
unreachable server). Passwords never appear in a message."""

from __future__ import annotations

from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, make_url

POSTGRES_INSTALL_HINT = "pip install 'bake-planner[postgres]'"
_POSTGRES_DEFAULT_DRIVER = "postgresql+psycopg"  # psycopg 3: the [postgres] extra


class DatabaseError(Exception):
    """A database cannot be opened; the message is fit for the user."""


def _parse(url: str) -> URL:
    try:
        return make_url(url)
    except sa_exc.ArgumentError:
        raise DatabaseError(
            f"{url!r} is not a database URL; give a file path (SQLite) "
            "or a URL like postgresql://user@host/bakery"
        ) from None


def normalise_url(url: str) -> str:
    """The URL with PostgreSQL's driver made explicit: ``postgresql://`` and
    ``postgres://`` mean psycopg 3 (what the [postgres] extra installs)."""
    parsed = _parse(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername=_POSTGRES_DEFAULT_DRIVER)
    return parsed.render_as_string(hide_password=False)


def describe_url(url: str) -> str:
    """The URL as it may be shown to the user (password hidden)."""
    return _parse(url).render_as_string(hide_password=True)


def _server(parsed: URL) -> str:
    host = parsed.host or parsed.query.get("host") or "localhost (Unix socket)"
    if isinstance(host, tuple):
        host = ",".join(host)
    port = parsed.port or (5432 if parsed.get_backend_name() == "postgresql" else None)
    return f"{host}:{port}" if port else str(host)


def engine_problem_message(url: str, error: Exception) -> str:
    """One line for an engine that cannot be made: unknown scheme or missing driver."""
    parsed = _parse(url)
    scheme = parsed.drivername
    if isinstance(error, sa_exc.NoSuchModuleError):
        return (
            f"unknown database type {scheme!r} in {describe_url(url)}; use a file path "
            "(SQLite) or a postgresql:// URL"
        )
    if parsed.get_backend_name() == "postgresql":
        return f"the PostgreSQL driver is not installed; install it with: {POSTGRES_INSTALL_HINT}"
    return f"the database driver for {scheme!r} is not installed ({error})"


def connection_failure_message(url: str, error: BaseException) -> str:
    """One line for a server that cannot be reached or refused the connection."""
    parsed = _parse(url)
    detail = str(getattr(error, "orig", None) or error).strip().splitlines()
    first = detail[0] if detail else type(error).__name__
    if parsed.get_backend_name() == "sqlite":
        return f"cannot open the database {parsed.database}: {first}"
    database = parsed.database or "(default)"
    return (
        f"cannot reach the database server at {_server(parsed)} (database {database}): {first}"
    )
