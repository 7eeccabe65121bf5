"""Application entry: opens the database and the main window."""

from __future__ import annotations

import sys


def run_app(db: str | None = None, demo: bool = False) -> int:
    import customtkinter as ctk

    from src.db import DatabaseError, demo_db_path, open_database

    try:
        database = open_database(demo_db_path() if demo and db is None else db)
    except DatabaseError as exc:
        print(f"bake-planner: {exc}", file=sys.stderr)
        return 1
    root = ctk.CTk()
    root.title("Bake Planner")
    root.geometry("1280x800")
    ctk.CTkLabel(root, text="Bake Planner", font=ctk.CTkFont(size=24, weight="bold")).pack(
        pady=40
    )
    root.mainloop()
    database.dispose()
    return 0
