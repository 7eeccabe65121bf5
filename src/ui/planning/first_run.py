"""The welcome guide shown while there are no events: three steps to a first plan.

1. add ingredients → 2. add a recipe with its yield → 3. plan an event. Each
step shows whether it is done ("2 ingredients added") and has its button; the
next step to take is the highlighted one, so the baker is always one click from
it. Steps 1 and 2 open the catalog's own ingredient and recipe dialogs right
here; step 3 opens the event dialog, and once the event is saved the plan
replaces this guide. "Load demo bakery" says when and why it is unavailable.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable

import customtkinter as ctk

from src.services.errors import ServiceError
from src.services.facade import Services, as_services
from src.services.first_run import SetupProgress
from src.ui import theme
from src.ui.wording import count_of

STEPS = (
    ("Add your ingredients", "Flour, butter, sugar… whatever your recipes use."),
    ("Add a recipe and what a batch makes",
     "Its ingredient lines and its yield, e.g. 24 cookies per batch."),
    ("Plan an event", "Pick recipes and quantities, decide batches, get the shopping list."),
)
DEMO_TEXT = "A sample bakery with recipes, a pantry and three events, to look around."


def demo_unavailable_text(progress: SetupProgress) -> str:
    """Why the demo cannot be loaded into this database."""
    parts = [count_of(n, noun) for n, noun in (
        (progress.ingredients, "ingredient"), (progress.recipes, "recipe"),
        (progress.goods, "finished good")) if n]
    has = ", ".join(parts) if parts else "data"
    return f"The demo loads only into an empty database; this one already has {has}."


def step_status(step: int, progress: SetupProgress) -> str:
    """What is done of ``step`` ("2 ingredients added"), "" when nothing yet."""
    if step == 1:
        return f"{count_of(progress.ingredients, 'ingredient')} added." if progress.ingredients \
            else ""
    if step == 2:
        if progress.recipes_with_yield:
            return f"{count_of(progress.recipes_with_yield, 'recipe')} with a yield."
        if progress.recipes:
            return "A recipe has no yield yet: edit it in the Catalog to say what a batch makes."
        return ""
    return "Done." if progress.events else ""


class WelcomeGuide(ctk.CTkFrame):
    """The guide for the bakery behind ``services``; ``on_demo`` loads the demo,
    ``on_new`` opens the event dialog, ``on_catalog_changed`` is called after an
    ingredient or recipe is saved."""

    def __init__(self, master: tk.Misc, services: Services, *, on_demo: Callable[[], None],
                 on_new: Callable[[], None],
                 on_catalog_changed: Callable[[], None] | None = None) -> None:
        super().__init__(master, fg_color="transparent")
        self._services = as_services(services)
        self.on_catalog_changed = on_catalog_changed
        self.dialog: ctk.CTkToplevel | None = None
        self.progress: SetupProgress | None = None
        box = ctk.CTkFrame(self, fg_color=theme.COLORS["section"], corner_radius=12)
        box.place(relx=0.5, rely=0.45, anchor="center")
        ctk.CTkLabel(box, text="Welcome to Bake Planner", font=theme.font(24, "bold")).pack(
            padx=40, pady=(28, 4))
        self.message = ctk.CTkLabel(
            box, font=theme.font(14), justify="center", wraplength=560,
            text="Three steps to your first plan. Each is saved as you go.")
        self.message.pack(padx=40, pady=(0, 12))
        steps = ctk.CTkFrame(box, fg_color="transparent")
        steps.pack(fill="x", padx=32)
        steps.grid_columnconfigure(1, weight=1)
        self.marks: list[ctk.CTkLabel] = []
        self.statuses: list[ctk.CTkLabel] = []
        self.step_buttons: list[ctk.CTkButton] = []
        commands = (self.add_ingredient, self.add_recipe, on_new)
        texts = ("Add ingredient…", "Add recipe…", "Plan an event…")
        for index, ((title, hint), command, text) in enumerate(zip(STEPS, commands, texts,
                                                                   strict=True)):
            mark = ctk.CTkLabel(steps, text=str(index + 1), width=30, font=theme.font(18, "bold"))
            mark.grid(row=index * 2, column=0, rowspan=2, sticky="n", padx=(0, 10), pady=(8, 0))
            ctk.CTkLabel(steps, text=title, anchor="w", font=theme.font(15, "bold")).grid(
                row=index * 2, column=1, sticky="w", pady=(8, 0))
            status = ctk.CTkLabel(steps, text="", anchor="w", justify="left", wraplength=330,
                                  font=theme.font(12), text_color=theme.COLORS["muted"])
            status.grid(row=index * 2 + 1, column=1, sticky="w")
            status.hint = hint
            button = ctk.CTkButton(steps, text=text, width=150, height=32, command=command)
            button.grid(row=index * 2, column=2, rowspan=2, padx=(16, 0), pady=(8, 0))
            self.marks.append(mark)
            self.statuses.append(status)
            self.step_buttons.append(button)
        self.new_button = self.step_buttons[2]
        demo = ctk.CTkFrame(box, fg_color="transparent")
        demo.pack(fill="x", padx=32, pady=(20, 28))
        self.demo_button = ctk.CTkButton(demo, text="Load demo bakery", width=150, height=32,
                                         command=on_demo, fg_color="transparent",
                                         border_width=1, text_color=theme.COLORS["text"])
        self.demo_button.pack(side="right")
        self.demo_label = ctk.CTkLabel(demo, text="", anchor="w", justify="left",
                                       wraplength=380, font=theme.font(12),
                                       text_color=theme.COLORS["muted"])
        self.demo_label.pack(side="left", fill="x", expand=True)
        self._base_colors = (self.demo_button.cget("fg_color"),
                             self.step_buttons[0].cget("fg_color"))

    def refresh(self) -> None:
        """Show what is done, highlight the next step, say whether the demo can load."""
        try:
            progress = self._services.first_run.setup_progress()
        except ServiceError:
            return
        self.progress = progress
        accent = self._base_colors[1]
        for step, (mark, status, button) in enumerate(
                zip(self.marks, self.statuses, self.step_buttons, strict=True), start=1):
            done = progress.next_step > step
            mark.configure(text="✓" if done else str(step),
                           text_color=theme.COLORS["ok_fg"] if done else theme.COLORS["text"])
            hint: str = status.hint
            status.configure(text=step_status(step, progress) if done
                             else f"{hint} {step_status(step, progress)}".strip())
            is_next = step == progress.next_step
            button.configure(fg_color=accent if is_next else "transparent",
                             border_width=0 if is_next else 1,
                             text_color=theme.COLORS["accent_text"] if is_next
                             else theme.COLORS["text"])
        if progress.empty:
            self.demo_button.configure(state="normal")
            self.demo_label.configure(text=DEMO_TEXT)
        else:
            self.demo_button.configure(state="disabled")
            self.demo_label.configure(text=demo_unavailable_text(progress))
        focus = self.step_buttons[min(progress.next_step, 3) - 1]
        self.next_button = focus

    def add_ingredient(self) -> None:
        from src.ui.catalog.ingredients import IngredientDialog
        from src.ui.catalog.list_presenters import IngredientsPresenter

        # The dialog saves through a presenter; the guide itself is its only view.
        presenter = IngredientsPresenter(self._services, self)
        self.dialog = IngredientDialog(self, presenter, None, lambda _v: self._saved())

    def add_recipe(self) -> None:
        from src.ui.catalog.recipe_editor import RecipeDialog

        self.dialog = RecipeDialog(self, self._services, None, lambda _v: self._saved())

    def _saved(self) -> None:
        self.refresh()
        if self.on_catalog_changed is not None:
            self.on_catalog_changed()
