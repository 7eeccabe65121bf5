"""Helpers for the Catalog and Pantry window tests (this module holds no tests):
typing as a user does, finding the open dialog, seeding a small bakery, and
photographing the window."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from src.services import catalog
from src.services.catalog.dto import LineInput, RecipeInput, YieldInput

from ..screens import screenshot_dir
from .conftest import pump, toplevels


def type_into(widget, text: str, *, clear: bool = True) -> None:
    """Focus the entry inside ``widget`` and type ``text`` (KeyRelease sent, as a user's)."""
    inner = getattr(widget, "_entry", None) or getattr(widget, "_textbox", None) or widget
    inner.focus_force()
    pump(widget)
    if clear:
        inner.delete(0, "end")
    inner.insert("end", text)
    inner.event_generate("<KeyRelease>")
    pump(widget)


def open_dialog(root, kind):
    """The one open dialog of class ``kind`` (fails when there is none or several)."""
    found = [w for w in toplevels(root) if isinstance(w, kind) and not w.closed]
    assert len(found) == 1, f"expected one open {kind.__name__}, found {len(found)}"
    return found[0]


def notices(root) -> list[str]:
    """The messages of every notice dialog open now."""
    from src.ui.dialogs import NoticeDialog

    return [
        str(w.message_label.cget("text"))
        for w in toplevels(root)
        if isinstance(w, NoticeDialog) and not w.closed
    ]


def close_notices(root) -> None:
    from src.ui.dialogs import NoticeDialog

    for w in toplevels(root):
        if isinstance(w, NoticeDialog) and not w.closed:
            w.ok_button.invoke()
    pump(root)


def confirm_open_question(root) -> None:
    from src.ui.dialogs import ConfirmDialog

    dialogs = [w for w in toplevels(root) if isinstance(w, ConfirmDialog) and not w.closed]
    assert len(dialogs) == 1, "expected a confirmation question"
    dialogs[0].confirm_button.invoke()
    pump(root)


def seed_bakery(db) -> dict[str, int]:
    """A small catalog: ingredients, a base recipe with a variant, single items and a bundle.
    Returns ids by name."""
    ids: dict[str, int] = {}
    for name, category, density, unit in (
        ("All-purpose flour", "Dry goods", "0.53", "cup"),
        ("Granulated sugar", "Dry goods", "0.85", "cup"),
        ("Butter", "Dairy", "0.96", "g"),
        ("Cocoa powder", "Dry goods", "0.42", "cup"),
        ("Eggs", "Dairy", None, "each"),
        ("Dark chocolate", "Baking", None, "g"),
        ("Heavy cream", "Dairy", "1.01", "ml"),
    ):
        ids[name] = catalog.create_ingredient(
            db, name=name, category=category, density_g_per_ml=density, preferred_unit=unit
        ).id
    base = catalog.create_recipe(db, RecipeInput(
        name="Sugar Cookie Dough", category="Cookies",
        lines=(LineInput(ids["All-purpose flour"], "2.75", "cup"),
               LineInput(ids["Granulated sugar"], "1.5", "cup"),
               LineInput(ids["Butter"], "227", "g"),
               LineInput(ids["Eggs"], "1", "each")),
        yields=(YieldInput("Sugar cookie", "discrete_count", items_per_batch=24),),
    ))
    ids["Sugar Cookie Dough"] = base.id
    ids["Chocolate Sugar Cookie Dough"] = catalog.create_recipe(db, RecipeInput(
        name="Chocolate Sugar Cookie Dough", category="Cookies", base_recipe_id=base.id,
        lines=(LineInput(ids["Cocoa powder"], "0.5", "cup"),),
        yields=(YieldInput("Chocolate sugar cookie", "discrete_count", items_per_batch=24),),
    )).id
    ids["Truffles"] = catalog.create_recipe(db, RecipeInput(
        name="Dark Chocolate Truffles", category="Candy",
        lines=(LineInput(ids["Dark chocolate"], "340", "g"),
               LineInput(ids["Heavy cream"], "0.75", "cup")),
        yields=(YieldInput("Truffle", "discrete_count", items_per_batch=30),),
    )).id
    catalog.create_single_item_goods(db)
    units = {u.name: u.id for u in catalog.list_finished_units(db)}
    ids.update({f"unit:{k}": v for k, v in units.items()})
    from src.services.catalog.dto import ComponentInput

    box = catalog.create_finished_good(db, name="Truffle box", components=[
        ComponentInput(4, unit_id=units["Truffle"])])
    ids["Truffle box"] = box.id
    ids["Cookie tin"] = catalog.create_finished_good(db, name="Cookie tin", components=[
        ComponentInput(6, unit_id=units["Sugar cookie"]),
        ComponentInput(6, unit_id=units["Chocolate sugar cookie"]),
        ComponentInput(1, good_id=box.id)]).id
    return ids


def screenshot(widget, name: str) -> Path:
    """Photograph ``widget``'s window (docs/screenshots/<name> under make screenshots)."""
    toplevel = widget.winfo_toplevel()
    pump(toplevel, 6)
    x, y = toplevel.winfo_rootx(), toplevel.winfo_rooty()
    w, h = toplevel.winfo_width(), toplevel.winfo_height()
    target = screenshot_dir() / name
    importer = shutil.which("import") or "/usr/bin/import"
    subprocess.run(
        [importer, "-display", os.environ["DISPLAY"], "-window", "root",
         "-crop", f"{w}x{h}+{x}+{y}", "+repage", str(target)],
        check=True, timeout=30,
    )
    return target
