"""The recipe editor dialog: fields, ingredient line rows, yield type rows, and
a variant's inherited lines. Logic lives in RecipeEditorPresenter."""

from __future__ import annotations

import re
import tkinter as tk
from collections.abc import Callable

import customtkinter as ctk

from src.services.catalog.dto import RecipeView
from src.services.errors import ServiceError
from src.services.facade import Services, as_services
from src.services.formatting import DISPLAY_UNITS, unit_display
from src.ui import theme
from src.ui.dialogs import FormDialog

from ..unit_box import UnitBox
from .recipe_presenter import (
    MODE_LABELS,
    InheritedLine,
    LineForm,
    RecipeEditorPresenter,
    RecipeForm,
    YieldForm,
)
from .suggest import SuggestBox
from .timing_fields import TimingFields

_ROW_KEY = re.compile(r"^(lines|yields)\[(\d+)\](?:\.(\w+))?$")
FIELDS = ("name", "category", "base_recipe_id", "notes")


def _scroll_frame(master: tk.Misc, width: int, height: int) -> ctk.CTkScrollableFrame:
    frame = ctk.CTkScrollableFrame(master, width=width, height=height)
    # The inner scrollbar asks for 200 px by default, which overrides a smaller
    # height; the dialog must fit an 800 px screen.
    frame._scrollbar.configure(height=0)
    return frame


def _row_list(
    master: tk.Misc, title: str, headings: tuple[tuple[str, int], ...], width: int,
    add: tuple[str, int, Callable[[], object]],
) -> tuple[ctk.CTkScrollableFrame, ctk.CTkButton, ctk.CTkLabel]:
    """A titled list of editable rows packed into ``master``: column headings, the
    rows' frame, an Add button (text, width, command) and a line for the list's own
    error. Returns (rows' frame, Add button, error line)."""
    ctk.CTkLabel(master, text=title, font=theme.section_font(), anchor="w").pack(fill="x")
    heading_row = ctk.CTkFrame(master, fg_color="transparent")
    heading_row.pack(fill="x", padx=(6, 0))
    for text, heading_width in headings:
        ctk.CTkLabel(heading_row, text=text, width=heading_width, anchor="w",
                     font=theme.font(12), text_color=theme.COLORS["muted"]).pack(side="left")
    frame = _scroll_frame(master, width, 120)
    frame.pack(fill="both", expand=True)
    add_text, add_width, add_command = add
    button = ctk.CTkButton(master, text=add_text, width=add_width, command=add_command)
    button.pack(anchor="w", pady=(4, 0))
    error = ctk.CTkLabel(master, text="", text_color=theme.COLORS["error"], anchor="w",
                         font=theme.font(12))
    error.pack(fill="x")
    return frame, button, error


class _Row:
    """Widgets of one editable row, with an error line shown only when needed."""

    def __init__(self, master: tk.Misc) -> None:
        self.frame = ctk.CTkFrame(master, fg_color="transparent")
        self.frame.pack(fill="x", pady=(2, 0))
        self.fields: dict[str, ctk.CTkBaseClass] = {}
        self.error = ctk.CTkLabel(self.frame, text="", text_color=theme.COLORS["error"],
                                  font=theme.font(12), anchor="w", justify="left", wraplength=480)

    def _border(self, widget: ctk.CTkBaseClass) -> None:
        widget._default_border = widget.cget("border_color")

    def show_errors(self, messages: dict[str, str]) -> None:
        """``messages`` maps a field of this row (or "" for the row) to its message."""
        for key, widget in self.fields.items():
            bad = key in messages or any(k.startswith(key) for k in messages if k)
            widget.configure(border_color=theme.COLORS["error"] if bad else widget._default_border)
        text = "\n".join(dict.fromkeys(messages.values()))
        self.error.configure(text=text)
        if text:
            self.error.grid(row=1, column=0, columnspan=6, sticky="w", padx=(2, 0))
        else:
            self.error.grid_remove()

    def error_text(self) -> str:
        return str(self.error.cget("text"))


class LineRow(_Row):
    def __init__(self, dialog: RecipeDialog, master: tk.Misc, form: LineForm) -> None:
        super().__init__(master)
        self.ingredient = SuggestBox(self.frame, dialog.presenter.ingredient_names,
                                     initial=form.ingredient, width=210,
                                     on_change=lambda t: self._ingredient_changed(dialog, t))
        # A new line takes the ingredient's preferred unit until the baker picks one.
        self.unit_chosen = bool(form.ingredient)
        self.ingredient.grid(row=0, column=0, padx=(0, 4))
        self.quantity = ctk.CTkEntry(self.frame, width=80, font=theme.font(13))
        self.quantity.insert(0, form.quantity)
        self.quantity.grid(row=0, column=1, padx=(0, 4))
        self.unit = UnitBox(self.frame, width=90, on_choice=lambda: self._unit_picked(""))
        self.unit.set(unit_display(form.unit) if form.unit else DISPLAY_UNITS[0])
        self.unit.grid(row=0, column=2, padx=(0, 4))
        self.marker = ctk.CTkLabel(self.frame, text="", width=100, anchor="w",
                                   text_color=theme.COLORS["warning_fg"], font=theme.font(12))
        self.marker.grid(row=0, column=3)
        self.remove = ctk.CTkButton(self.frame, text="✕", width=28,
                                    command=lambda: dialog.remove_line(self))
        self.remove.grid(row=0, column=4)
        for name, widget in (("ingredient_id", self.ingredient), ("quantity", self.quantity)):
            self._border(widget)
            self.fields[name] = widget

    def read(self) -> LineForm:
        return LineForm(self.ingredient.get(), self.quantity.get(), self.unit.get())

    def _unit_picked(self, _value: str) -> None:
        self.unit_chosen = True

    def _ingredient_changed(self, dialog: RecipeDialog, text: str) -> None:
        preferred = dialog.presenter.preferred_unit(text)
        if preferred and not self.unit_chosen:
            self.unit.set(preferred)
        dialog.presenter.form_changed()


class YieldRow(_Row):
    def __init__(self, dialog: RecipeDialog, master: tk.Misc, form: YieldForm) -> None:
        super().__init__(master)
        self.id = form.id
        self.name = ctk.CTkEntry(self.frame, width=170, placeholder_text="e.g. Sugar cookie",
                                 font=theme.font(13))
        if form.name:
            self.name.insert(0, form.name)
        self.name.grid(row=0, column=0, padx=(0, 4))
        self.mode = ctk.CTkOptionMenu(self.frame, values=list(MODE_LABELS.values()), width=210,
                                      font=theme.font(12))
        self.mode.set(form.mode)
        self.mode.grid(row=0, column=1, padx=(0, 4))
        self.amount = ctk.CTkEntry(self.frame, width=60, font=theme.font(13))
        self.amount.insert(0, form.amount)
        self.amount.grid(row=0, column=2, padx=(0, 4))
        self.remove = ctk.CTkButton(self.frame, text="✕", width=28,
                                    command=lambda: dialog.remove_yield(self))
        self.remove.grid(row=0, column=3)
        for widget in (self.name, self.amount):
            self._border(widget)
        # The amount is items per batch or a percentage, whichever the kind says.
        self.fields = {"name": self.name, "items_per_batch": self.amount,
                       "batch_percentage": self.amount}

    def show_errors(self, messages: dict[str, str]) -> None:
        bad_amount = any(k in messages for k in ("items_per_batch", "batch_percentage", "mode"))
        super().show_errors(messages)
        self.amount.configure(
            border_color=theme.COLORS["error"] if bad_amount else self.amount._default_border
        )

    def read(self) -> YieldForm:
        return YieldForm(self.name.get(), self.mode.get(), self.amount.get(), self.id)


class RecipeDialog(FormDialog):
    """Create (``recipe_id`` None) or edit a recipe; ``on_saved(view)`` after a save."""

    def __init__(
        self, parent: tk.Misc, services: Services, recipe_id: int | None,
        on_saved: Callable[[RecipeView], None],
    ) -> None:
        super().__init__(parent, "Edit recipe" if recipe_id else "New recipe", "Save")
        services = as_services(services)

        def saved(view: RecipeView) -> None:  # the timing (issue 14), once the recipe exists
            services.bakery_settings.set_recipe_timing(view.id, self.timing.read())
            on_saved(view)

        try:
            self.presenter = RecipeEditorPresenter(services, self, recipe_id, saved)
        except ServiceError:
            self._close()  # e.g. deleted in another window: no half-built dialog left
            raise
        form = self.presenter.initial_form()
        self.name_entry = ctk.CTkEntry(self.body, width=360, font=theme.font(13))
        self.name_entry.insert(0, form.name)
        self.category_entry = ctk.CTkEntry(self.body, width=360, font=theme.font(13))
        self.category_entry.insert(0, form.category)
        base_row = ctk.CTkFrame(self.body, fg_color="transparent")
        self.base_box = SuggestBox(base_row, self.presenter.base_names, initial=form.base,
                                   width=360, on_change=lambda _t: self.presenter.form_changed())
        self.base_box.pack(side="left")
        ctk.CTkLabel(base_row, text="a variant uses its base's lines; its own line for an "
                     "ingredient replaces the base's", font=theme.font(12),
                     text_color=theme.COLORS["muted"]).pack(side="left", padx=(10, 0))
        self.notes_box = ctk.CTkTextbox(self.body, width=360, height=48, font=theme.font(13))
        self.notes_box.insert("1.0", form.notes)
        self.add_field("Name", self.name_entry, name="name")
        self.add_field("Category", self.category_entry, name="category")
        self.add_field("Variant of", base_row, name="base_recipe_id")
        self.add_field("Notes", self.notes_box, name="notes")
        for widget in (self.name_entry, self.category_entry, base_row, self.notes_box):
            widget.grid_configure(sticky="w")
        self._build_lists(form)
        self.timing = TimingFields(self.body)
        self.timing.grid(row=self._row + 1, column=0, columnspan=3, sticky="w", pady=(6, 0))
        if recipe_id is not None:
            self.timing.fill(services.bakery_settings.get_recipe_timing(recipe_id))
        self.presenter.form_changed()
        self.finish()

    # -- layout --------------------------------------------------------------
    def _build_lists(self, form: RecipeForm) -> None:
        lists = ctk.CTkFrame(self.body, fg_color="transparent")
        lists.grid(row=self._row, column=0, columnspan=3, sticky="nsew", pady=(10, 0))
        left = ctk.CTkFrame(lists, fg_color="transparent")
        left.pack(side="left", fill="both", expand=True, padx=(0, 16))
        right = ctk.CTkFrame(lists, fg_color="transparent")
        right.pack(side="left", fill="both", expand=True)

        self.lines_frame, self.add_line_button, self.lines_error = _row_list(
            left, "Ingredient lines",
            (("Ingredient (type to search)", 214), ("Quantity", 84), ("Unit", 84)), 520,
            ("Add line", 100, lambda: self.add_line(LineForm())),
        )
        self.inherited_title = ctk.CTkLabel(left, text="", anchor="w", font=theme.font(12),
                                            text_color=theme.COLORS["muted"])
        self.inherited_title.pack(fill="x")
        self.inherited_text = tk.Text(
            left, height=4, width=60, relief="flat", wrap="word", font=theme.tk_font(10),
            bg=theme.color("section"), fg=theme.color("disabled_text"), highlightthickness=0,
        )
        self.inherited_text.tag_configure("replaced", overstrike=True)
        self.inherited_text.configure(state="disabled")

        self.yields_frame, self.add_yield_button, self.yields_error = _row_list(
            right, "Yield types", (("Name", 174), ("Kind", 214), ("Amount", 64)), 500,
            ("Add yield type", 120, lambda: self.add_yield(YieldForm())),
        )

        self.line_rows: list[LineRow] = []
        self.yield_rows: list[YieldRow] = []
        for line in form.lines:
            self.add_line(line, quiet=True)
        for item in form.yields:
            self.add_yield(item)

    # -- rows -------------------------------------------------------------------
    def add_line(self, form: LineForm, quiet: bool = False) -> LineRow:
        row = LineRow(self, self.lines_frame, form)
        self.line_rows.append(row)
        if not quiet:
            self.presenter.form_changed()
        return row

    def remove_line(self, row: LineRow) -> None:
        self.line_rows.remove(row)
        row.frame.destroy()
        self.presenter.form_changed()

    def add_yield(self, form: YieldForm) -> YieldRow:
        row = YieldRow(self, self.yields_frame, form)
        self.yield_rows.append(row)
        return row

    def remove_yield(self, row: YieldRow) -> None:
        self.yield_rows.remove(row)
        row.frame.destroy()

    # -- RecipeEditorView ----------------------------------------------------------
    def read_form(self) -> RecipeForm:
        return RecipeForm(
            name=self.name_entry.get(),
            category=self.category_entry.get(),
            notes=self.notes_box.get("1.0", "end-1c"),
            base=self.base_box.get(),
            lines=[r.read() for r in self.line_rows],
            yields=[r.read() for r in self.yield_rows],
        )

    def show_errors(self, errors: dict[str, str]) -> None:
        self.clear_errors()
        rows: dict[tuple[str, int], dict[str, str]] = {}
        general: list[str] = []
        for key, message in errors.items():
            match = _ROW_KEY.match(key)
            if match:
                rows.setdefault((match[1], int(match[2])), {})[match[3] or ""] = message
            elif key in FIELDS:
                self.set_error(key, message)
            elif key not in ("lines", "yields"):
                general.append(message)
        self.lines_error.configure(text=errors.get("lines", ""))
        self.yields_error.configure(text=errors.get("yields", ""))
        for kind, items in (("lines", self.line_rows), ("yields", self.yield_rows)):
            for i, row in enumerate(items):
                row.show_errors(rows.get((kind, i), {}))
        # A message for a row no longer on screen still has to be seen.
        for (kind, i), messages in rows.items():
            if i >= len(self.line_rows if kind == "lines" else self.yield_rows):
                general.extend(messages.values())
        self.set_error(None, "\n".join(general))

    def show_inherited(self, base_name: str | None, lines: list[InheritedLine]) -> None:
        text = self.inherited_text
        if base_name is None:
            self.inherited_title.configure(text="")
            text.pack_forget()
            return
        self.inherited_title.configure(
            text=f'Inherited from "{base_name}" (struck out: replaced by a line above)'
            if lines else f'"{base_name}" has no lines to inherit'
        )
        text.configure(state="normal", height=max(1, min(len(lines), 5)))
        text.delete("1.0", "end")
        for line in lines:
            text.insert("end", line.text + (" — replaced" if line.replaced else "") + "\n",
                        ("replaced",) if line.replaced else ())
        text.configure(state="disabled")
        if lines:
            text.pack(fill="x", pady=(2, 0))
        else:
            text.pack_forget()

    def inherited_lines_text(self) -> str:
        if not self.inherited_text.winfo_ismapped():
            return ""
        return self.inherited_text.get("1.0", "end-1c")

    def mark_replacing(self, flags: list[bool]) -> None:
        for row, flag in zip(self.line_rows, flags, strict=False):
            row.marker.configure(text="replaces base" if flag else "")

    def close(self) -> None:
        self._close()

    def on_submit(self) -> bool:
        # The presenter closes the dialog itself on success.
        if self.timing.check():
            self.presenter.save()
        return False
