""""Amend…": change a plan in production, with a reason.

The safe changes come first: change a line's quantity, change a recipe's
batches, add a line; dropping a line is last. While the baker types, a live
preview (the same service code that makes the change) shows each affected
recipe's new need, its batch options, the decision and what is baked, and
the shortfall or extras that result, plus what gets selected or deselected.
For a change of need, new batch counts of the affected recipes can be set in
the same amendment. A blank reason, a missing choice or a bad number is shown
under its field; what the service refuses shows above the buttons.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable
from typing import Any

import customtkinter as ctk

from src.reports.amendment_text import preview_text, suggested_batches
from src.services.errors import ValidationError
from src.services.plan.amendment_dto import AmendmentPreview
from src.services.plan.dto import PlanView
from src.services.validation import parse_whole
from src.ui import theme
from src.ui.dialogs import FormDialog
from src.ui.wording import count_of

# (kind, what, reason) -> None or a message; kind is "modify_fg", "modify_batch",
# "add_fg" or "drop_fg", what the keyword arguments of the amendment
AmendCallback = Callable[[str, dict[str, Any], str], "str | None"]
# (kind, what) -> the preview, or why there is none
PreviewCallback = Callable[[str, dict[str, Any]], "AmendmentPreview | str"]

QUANTITY = "Change quantity"
BATCHES = "Change batches"
ADD = "Add a line"
DROP = "Drop a line"
KINDS = (QUANTITY, BATCHES, ADD, DROP)
KIND_CODES = {QUANTITY: "modify_fg", BATCHES: "modify_batch", ADD: "add_fg", DROP: "drop_fg"}
NOTHING = "(none)"
_FIELDS = {
    QUANTITY: ("line", "quantity"),
    BATCHES: ("recipe", "current", "batches"),
    ADD: ("add_good", "quantity"),
    DROP: ("line",),
}


class AmendDialog(FormDialog):
    """Amend the plan of ``plan`` (which must be in production)."""

    def __init__(
        self,
        parent: tk.Misc,
        plan: PlanView,
        *,
        on_amend: AmendCallback,
        on_preview: PreviewCallback | None = None,
        kind: str = QUANTITY,
    ) -> None:
        super().__init__(parent, "Amend the plan", ok_text="Amend")
        self._on_amend, self._on_preview = on_amend, on_preview
        self._lines = {g.name: g for g in plan.goods if g.quantity is not None}
        self._others = {g.name: g for g in plan.goods if g.quantity is None and g.recipe_names}
        self._recipes = {b.recipe_name: b for b in plan.batches}
        self._field_widgets: dict[str, list[tk.Widget]] = {}
        self._batch_entries: dict[int, ctk.CTkEntry] = {}
        self._batch_names: dict[int, str] = {}
        self.preview: AmendmentPreview | None = None

        self.kind_switch = ctk.CTkSegmentedButton(self.body, values=list(KINDS),
                                                  command=self._kind_changed)
        self._add("What", self.kind_switch, "kind")
        self.line_menu = self._menu(list(self._lines), "line")
        self._add("Line", self.line_menu, "line")
        self.add_menu = self._menu(list(self._others), "add_good")
        self._add("Finished good", self.add_menu, "add_good")
        self.quantity_entry = self._entry(120, "e.g. 12")
        self._add("Quantity", self.quantity_entry, "quantity")
        self.recipe_menu = self._menu(list(self._recipes), "recipe")
        self._add("Recipe", self.recipe_menu, "recipe")
        self.current_label = self._muted_label()
        self._add("Now", self.current_label, "current")
        self.batches_entry = self._entry(120, "")
        self._add("New batches", self.batches_entry, "batches")
        self.preview_label = ctk.CTkLabel(self.body, text="", anchor="w", justify="left",
                                          font=theme.font(12), wraplength=520)
        self._add("Effect", self.preview_label, "preview")
        self.batch_frame = ctk.CTkFrame(self.body, fg_color="transparent")
        self._add("New batches", self.batch_frame, "batch_counts")
        self.reason_entry = ctk.CTkEntry(self.body, width=360,
                                         placeholder_text="why the plan changes (required)")
        self._add("Reason", self.reason_entry, "reason")
        self.kind_switch.set(kind)
        self._kind_changed(kind)
        self.finish(focus=self.quantity_entry if kind in (QUANTITY, ADD) else None)

    # -- building ------------------------------------------------------------
    def _menu(self, names: list[str], name: str) -> ctk.CTkOptionMenu:
        menu = ctk.CTkOptionMenu(self.body, values=names or [NOTHING], width=300,
                                 dynamic_resizing=False, command=lambda _v: self._changed(name))
        menu.set(names[0] if names else NOTHING)
        return menu

    def _entry(self, width: int, placeholder: str, master: tk.Misc | None = None) -> ctk.CTkEntry:
        entry = ctk.CTkEntry(master or self.body, width=width, placeholder_text=placeholder)
        entry.bind("<KeyRelease>", lambda _e: self.refresh_preview(), add="+")
        return entry

    def _muted_label(self) -> ctk.CTkLabel:
        return ctk.CTkLabel(self.body, text="", anchor="w", font=theme.font(12),
                            text_color=theme.COLORS["muted"])

    def _add(self, label: str, widget: tk.Widget, name: str) -> None:
        first = self._row  # FormDialog lays each field out on two grid rows from here
        self.add_field(label, widget, name=name)
        self._field_widgets[name] = [
            w for row in (first, first + 1) for w in self.body.grid_slaves(row=row)
        ]

    def _set_field_visible(self, name: str, visible: bool) -> None:
        for widget in self._field_widgets[name]:
            if visible:
                widget.grid()
            else:
                widget.grid_remove()

    def field_visible(self, name: str) -> bool:
        """Whether the field ``name`` (e.g. "quantity", "batches") is shown now."""
        return all(w.winfo_manager() == "grid" for w in self._field_widgets[name])

    # -- reacting ------------------------------------------------------------
    @property
    def kind(self) -> str:
        return self.kind_switch.get()

    def select_kind(self, kind: str) -> None:
        """Switch to ``kind`` as a click on the switch would."""
        self.kind_switch.set(kind)
        self._kind_changed(kind)

    def _kind_changed(self, kind: str) -> None:
        shown = _FIELDS.get(kind, ())
        for name in ("line", "add_good", "quantity", "recipe", "current", "batches"):
            self._set_field_visible(name, name in shown)
        self.clear_errors()
        self._changed("kind")

    def _changed(self, name: str) -> None:
        if name in ("recipe", "kind"):
            row = self._recipes.get(self.recipe_menu.get())
            text = ""
            if row is not None:
                decided = row.decision.batches if row.decision else None
                text = "no batches decided" if decided is None else (
                    f"{count_of(decided, 'batch')} decided")
                text += f", {row.progress.baked} baked"
                if row.progress.baked:
                    text += f" (new count: {row.progress.baked} or more)"
                text += f" · need {row.batches_needed_text}"
            self.current_label.configure(text=text)
        if name in ("line", "kind") and self.kind == QUANTITY:
            good = self._lines.get(self.line_menu.get())
            now = "" if good is None else f"now {good.quantity}"
            self.quantity_entry.configure(placeholder_text=now)
        if name != "batch_counts":
            self._set_batch_rows(())
        self.refresh_preview()

    def _what(self, strict: bool, errors: dict[str, str]) -> dict[str, Any] | None:
        """The amendment's arguments from the fields; with ``strict`` each missing
        or bad value is put in ``errors``, else a field still being typed gives None."""
        kind = self.kind
        what: dict[str, Any] = {}
        if kind in (QUANTITY, DROP):
            good = self._lines.get(self.line_menu.get())
            if good is None:
                errors["line"] = "The plan has no finished-good line"
                return None
            what["good_id"] = good.id
        elif kind == ADD:
            good = self._others.get(self.add_menu.get())
            if good is None:
                errors["add_good"] = "Every finished good is already in the plan"
                return None
            what["good_id"] = good.id
        elif kind == BATCHES:
            recipe = self._recipes.get(self.recipe_menu.get())
            if recipe is None:
                errors["recipe"] = "The plan has no recipe with batches to change"
                return None
            what["recipe_id"] = recipe.recipe_id
        entry = {QUANTITY: self.quantity_entry, ADD: self.quantity_entry,
                 BATCHES: self.batches_entry}.get(kind)
        if entry is not None:
            key, field = ("batches", "batches") if kind == BATCHES else ("quantity", "quantity")
            text = entry.get().strip()
            if not text and not strict:
                return None
            number = self._whole(text, field.capitalize(), field, errors)
            if number is None:
                return None
            what[key] = number
        counts = {rid: e.get().strip() for rid, e in self._batch_entries.items() if e.get().strip()}
        if counts and kind != BATCHES:
            what["batch_counts"] = counts
        return what

    def refresh_preview(self) -> None:
        """Ask the preview service what the change as typed would do, and show it."""
        if self._on_preview is None:
            return
        what = self._what(False, {})
        if what is None:
            self.preview = None
            self.preview_label.configure(text="Choose the change to see its effect.",
                                         text_color=theme.COLORS["muted"])
            return
        result = self._on_preview(KIND_CODES[self.kind], what)
        if isinstance(result, str):
            self.preview = None
            self.preview_label.configure(text=result, text_color=theme.COLORS["error"])
            return
        self.preview = result
        self.preview_label.configure(text=preview_text(result), text_color=theme.COLORS["text"])
        if self.kind != BATCHES:
            self._set_batch_rows(result.recipes)

    def _set_batch_rows(self, effects) -> None:
        wanted = {e.recipe_id: e for e in effects if e.outcome != "deselected"}
        self._set_field_visible("batch_counts", bool(wanted))
        if set(wanted) == set(self._batch_entries):
            for rid, entry in self._batch_entries.items():
                hint = suggested_batches(wanted[rid])
                entry.configure(placeholder_text=f"e.g. {hint}" if hint else "")
            return
        for child in self.batch_frame.winfo_children():
            child.destroy()
        self._batch_entries.clear()
        for row, effect in enumerate(wanted.values()):
            ctk.CTkLabel(self.batch_frame, text=effect.recipe_name, anchor="w",
                         font=theme.font(12)).grid(row=row, column=0, sticky="w", padx=(0, 8))
            hint = suggested_batches(effect)
            entry = self._entry(80, f"e.g. {hint}" if hint else "", self.batch_frame)
            entry.grid(row=row, column=1, sticky="w", pady=1)
            self._batch_entries[effect.recipe_id] = entry
            self._batch_names[effect.recipe_id] = effect.recipe_name

    def batch_entry(self, recipe_name: str) -> ctk.CTkEntry | None:
        """The new-batches entry of an affected recipe (None when not shown)."""
        return next((e for rid, e in self._batch_entries.items()
                     if self._batch_names.get(rid) == recipe_name), None)

    def on_submit(self) -> bool:
        self.clear_errors()
        errors: dict[str, str] = {}
        reason = self.reason_entry.get().strip()
        if not reason:
            errors["reason"] = "A reason is required: say why the plan changes"
        what = self._what(True, errors)
        if errors or what is None:
            self.set_errors(errors)
            return False
        error = self._on_amend(KIND_CODES[self.kind], what, reason)
        if error:
            self.set_error(None, error)
            return False
        return True

    @staticmethod
    def _whole(text: str, what: str, field: str, errors: dict[str, str]) -> int | None:
        try:
            return parse_whole(text, what=what, field=field)
        except ValidationError as exc:
            errors[field] = exc.message
            return None
