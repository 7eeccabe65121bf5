""""Amend…": change a plan in production, with a reason.

Three kinds of change: drop a finished-good line, add one (good + quantity),
or change a recipe's batches. The fields of the other kinds are hidden. A
blank reason, a missing choice or a bad number is shown under its field and
nothing is sent; what the service refuses (e.g. production already recorded
for that recipe) shows above the buttons and the dialog stays open.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable

import customtkinter as ctk

from src.services.errors import ValidationError
from src.services.plan_dto import PlanView
from src.services.validation import parse_whole
from src.ui import theme
from src.ui.dialogs import FormDialog
from src.ui.wording import count_of

DropCallback = Callable[[int, str], "str | None"]  # (good_id, reason)
AddCallback = Callable[[int, int, str], "str | None"]  # (good_id, quantity, reason)
BatchesCallback = Callable[[int, int, str], "str | None"]  # (recipe_id, new_batches, reason)

DROP = "Drop a line"
ADD = "Add a line"
BATCHES = "Change batches"
KINDS = (DROP, ADD, BATCHES)
NOTHING = "(none)"


class AmendDialog(FormDialog):
    """Amend the plan of ``plan`` (which must be in production)."""

    def __init__(
        self,
        parent: tk.Misc,
        plan: PlanView,
        *,
        on_drop: DropCallback,
        on_add: AddCallback,
        on_batches: BatchesCallback,
        kind: str = DROP,
    ) -> None:
        super().__init__(parent, "Amend the plan", ok_text="Amend")
        self._callbacks = {DROP: on_drop, ADD: on_add, BATCHES: on_batches}
        self._lines = {g.name: g for g in plan.goods if g.quantity is not None}
        self._others = {g.name: g for g in plan.goods if g.quantity is None}
        self._recipes = {b.recipe_name: b for b in plan.batches}
        self._field_widgets: dict[str, list[tk.Misc]] = {}  # label, widget, error, hint

        self.kind_switch = ctk.CTkSegmentedButton(self.body, values=list(KINDS),
                                                  command=self._kind_changed)
        self._add("What", self.kind_switch, "kind")
        self.drop_menu = self._menu(list(self._lines))
        self._add("Line to drop", self.drop_menu, "drop_good")
        self.add_menu = self._menu(list(self._others))
        self._add("Finished good", self.add_menu, "add_good")
        self.quantity_entry = ctk.CTkEntry(self.body, width=120, placeholder_text="e.g. 12")
        self._add("Quantity", self.quantity_entry, "quantity")
        self.recipe_menu = self._menu(list(self._recipes), command=self._recipe_changed)
        self._add("Recipe", self.recipe_menu, "recipe")
        self.current_label = ctk.CTkLabel(self.body, text="", anchor="w", font=theme.font(12),
                                          text_color=theme.COLORS["muted"])
        self._add("Now", self.current_label, "current")
        self.batches_entry = ctk.CTkEntry(self.body, width=120)
        self._add("New batches", self.batches_entry, "batches")
        self.reason_entry = ctk.CTkEntry(self.body, width=320,
                                         placeholder_text="why the plan changes (required)")
        self._add("Reason", self.reason_entry, "reason")
        self.kind_switch.set(kind)
        self._kind_changed(kind)
        self._recipe_changed(self.recipe_menu.get())
        self.finish()

    # -- building ------------------------------------------------------------
    def _menu(self, names: list[str], command=None) -> ctk.CTkOptionMenu:
        menu = ctk.CTkOptionMenu(self.body, values=names or [NOTHING], width=280,
                                 dynamic_resizing=False, command=command)
        menu.set(names[0] if names else NOTHING)
        return menu

    def _add(self, label: str, widget: tk.Misc, name: str) -> None:
        first = self._row  # FormDialog lays each field out on two grid rows from here
        self.add_field(label, widget, name=name)
        # Remember the field's widgets now: once hidden they are no longer grid slaves.
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
        """Switch to ``kind`` (DROP, ADD or BATCHES) as a click on the switch would."""
        self.kind_switch.set(kind)
        self._kind_changed(kind)

    def _kind_changed(self, kind: str) -> None:
        fields = {
            DROP: ("drop_good",),
            ADD: ("add_good", "quantity"),
            BATCHES: ("recipe", "current", "batches"),
        }
        for name in ("drop_good", "add_good", "quantity", "recipe", "current", "batches"):
            self._set_field_visible(name, name in fields.get(kind, ()))
        self.clear_errors()

    def _recipe_changed(self, name: str) -> None:
        row = self._recipes.get(name)
        if row is None:
            text = ""
        elif row.decision is None:
            text = "no batches decided"
        else:
            text = f"{count_of(row.decision.batches, 'batch')} decided, {row.progress.baked} baked"
        self.current_label.configure(text=text)

    def on_submit(self) -> bool:
        self.clear_errors()
        kind = self.kind
        errors: dict[str, str] = {}
        reason = self.reason_entry.get().strip()
        if not reason:
            errors["reason"] = "A reason is required: say why the plan changes"
        args: tuple = ()
        if kind == DROP:
            good = self._lines.get(self.drop_menu.get())
            if good is None:
                errors["drop_good"] = "The plan has no finished-good line to drop"
            else:
                args = (good.id,)
        elif kind == ADD:
            good = self._others.get(self.add_menu.get())
            if good is None:
                errors["add_good"] = "Every finished good is already in the plan"
            quantity = self._whole(self.quantity_entry, "Quantity", "quantity", errors)
            if good is not None and quantity is not None:
                args = (good.id, quantity)
        elif kind == BATCHES:
            recipe = self._recipes.get(self.recipe_menu.get())
            if recipe is None:
                errors["recipe"] = "The plan has no recipe with batches to change"
            batches = self._whole(self.batches_entry, "Batches", "batches", errors)
            if recipe is not None and batches is not None:
                args = (recipe.recipe_id, batches)
        else:
            errors["kind"] = "Choose what to change"
        if errors:
            self.set_errors(errors)
            return False
        error = self._callbacks[kind](*args, reason)
        if error:
            self.set_error(None, error)
            return False
        return True

    @staticmethod
    def _whole(entry: ctk.CTkEntry, what: str, field: str, errors: dict[str, str]) -> int | None:
        try:
            return parse_whole(entry.get(), what=what, field=field)
        except ValidationError as exc:
            errors[field] = exc.message
            return None
