"""The planning tab's sub-views, in tab order. A new view is one line in ``VIEWS``.

Each builder gets the page to build in and the planning tab (for its presenter,
``tab.presenter.services``, ``tab.confirm`` and dialogs) and returns the view,
the first time the view is shown; a view with ``show(plan)`` receives the
current plan then and every refreshed plan after. For example::

    SubView("costs", "Costs", lambda master, tab: CostsView(master, tab.presenter)),
    SubView("suggest", "Suggestions", build_suggestions, leads_in=("draft",)),

``leads_in`` lists the plan states in which the view opens first.
"""

from __future__ import annotations

import tkinter as tk
from typing import TYPE_CHECKING

import customtkinter as ctk

from src.services.plan.dto import PlanView
from src.ui import theme
from src.ui.planning.aids_bar import AidsBar
from src.ui.planning.assembly_section import AssemblySection
from src.ui.planning.batches_section import BatchesSection
from src.ui.planning.goods_section import GoodsSection
from src.ui.planning.production_section import VISIBLE_STATES, ProductionSection
from src.ui.planning.recipes_section import RecipesSection
from src.ui.planning.shopping_section import ShoppingSection
from src.ui.planning.subviews import SubView

if TYPE_CHECKING:
    from src.ui.planning.bake_days import BakeDaysView
    from src.ui.planning.tab import PlanningTab

TOP_SHARE = 0.46  # of the plan's height for recipes and goods at least; batches get the rest
GOODS_ROWS = 8  # finished goods seen without scrolling, when the batches keep BATCHES_MIN
BATCHES_MIN = 190  # pixels: the batch decisions' header and two decisions
AIDS_GAP = 6  # pixels under the planning aids


class PlanPage(tk.PanedWindow):
    """Recipes and finished-good quantities side by side over the batch decisions;
    each list scrolls inside its own section and the sash between them moves."""

    def __init__(self, master: tk.Misc, tab: PlanningTab) -> None:
        super().__init__(master, orient="vertical", sashwidth=8, borderwidth=0,
                         sashrelief="flat", showhandle=False, bg=theme.color("window"))
        p = tab.presenter
        top = ctk.CTkFrame(self, fg_color="transparent")
        # The planning aids (issue 15: suggest, optimise, pantry, clone, leftovers).
        self.aids = AidsBar(top, p, tab)
        self.recipes = RecipesSection(top, on_toggle=p.toggle_recipe)
        self.goods = GoodsSection(top, on_quantity=p.set_quantity)
        # The recipe list needs the width (variant names are indented); goods are short.
        top.grid_columnconfigure(0, weight=3, uniform="pair")
        top.grid_columnconfigure(1, weight=2, uniform="pair")
        top.grid_rowconfigure(1, weight=1)
        self.aids.grid(row=0, column=0, columnspan=2, sticky="ew", pady=(0, AIDS_GAP))
        self.recipes.grid(row=1, column=0, sticky="nsew", padx=(0, 4))
        self.goods.grid(row=1, column=1, sticky="nsew", padx=(4, 0))
        self.recipes.tree.configure(height=4)
        self.batches = BatchesSection(self, on_choose=p.choose_batches,
                                      on_clear=p.clear_batches, confirm=tab.confirm)
        self.add(top, minsize=150, stretch="always")
        self.add(self.batches, minsize=150, stretch="always")
        self._sash_placed = False
        self.bind("<Configure>", self._place_sash, add="+")
        theme.on_appearance_change(self, lambda: self.configure(bg=theme.color("window")))

    def _place_sash(self, event: tk.Event) -> None:
        # The panes ask for more than there is: split the first real height once,
        # the baker moves the sash from then on.
        if self._sash_placed or event.height < 300:
            return
        self._sash_placed = True
        height = event.height
        self.after_idle(lambda: self.sash_place(0, 0, self.top_height(height)))

    def top_height(self, height: int) -> int:
        """Where the sash goes in a plan ``height`` pixels high: the quantities are what
        a baker types most, so the top gets room for ``GOODS_ROWS`` goods (and at least
        ``TOP_SHARE``) as long as the batch decisions keep ``BATCHES_MIN``."""
        wanted = self.aids.winfo_reqheight() + AIDS_GAP + self.goods.height_for(GOODS_ROWS)
        return max(round(height * TOP_SHARE), min(wanted, height - BATCHES_MIN))

    def show(self, plan: PlanView) -> None:
        for section in (self.aids, self.recipes, self.goods, self.batches):
            section.show(plan)


class ProductionPage(ctk.CTkFrame):
    """The production section, or a line saying when production starts."""

    def __init__(self, master: tk.Misc, tab: PlanningTab) -> None:
        super().__init__(master, fg_color="transparent")
        p = tab.presenter
        self.note = ctk.CTkLabel(
            self, font=theme.font(14), text_color=theme.COLORS["muted"], justify="left",
            text="Production starts with “Start production” (after locking the plan): "
            "then record batches here as they come out of the oven.",
        )
        self.section = ProductionSection(
            self, on_record=p.record_batches, on_amend=p.amend,
            on_preview=p.preview_amendment, on_compare=tab.fresh_comparison,
        )
        self.section.pack(fill="both", expand=True)

    def show(self, plan: PlanView) -> None:
        self.section.show(plan)
        if plan.event.plan_state in VISIBLE_STATES:
            self.note.pack_forget()
        elif not self.note.winfo_manager():
            self.note.pack(anchor="w", padx=12, pady=20, before=self.section)


class BakeDaysPage(ctk.CTkFrame):
    """The Bake days view (issue 14) following the chosen event: the schedule is read
    again when the plan changes, while the view is shown (else when next shown)."""

    def __init__(self, master: tk.Misc, tab: PlanningTab) -> None:
        super().__init__(master, fg_color="transparent")
        self._services = tab.presenter.services
        self.view: BakeDaysView | None = None
        self._shown: PlanView | None = None
        self._stale = False
        self.bind("<Map>", lambda _e: self._refresh_if_stale(), add="+")

    def show(self, plan: PlanView) -> None:
        if plan == self._shown:
            return
        self._shown = plan
        if self.view is None:
            from src.ui.planning.bake_days import BakeDaysView  # its drawing code: on use

            self.view = BakeDaysView(self, self._services, plan.event.id)
            self.view.pack(fill="both", expand=True)
        elif self.view.event_id != plan.event.id:
            self.view.show_event(plan.event.id)
        elif self.winfo_ismapped():
            self.view.refresh()
        else:
            self._stale = True

    def _refresh_if_stale(self) -> None:
        if self._stale and self.view is not None:
            self._stale = False
            self.view.refresh()


def build_plan(master: tk.Misc, tab: PlanningTab) -> PlanPage:
    return PlanPage(master, tab)


def build_shopping(master: tk.Misc, tab: PlanningTab) -> ShoppingSection:
    p = tab.presenter
    return ShoppingSection(
        master,
        on_export_csv=lambda path: p.export_shopping("csv", path),
        on_export_pdf=lambda path: p.export_shopping("pdf", path),
    )


def build_assembly(master: tk.Misc, tab: PlanningTab) -> AssemblySection:
    return AssemblySection(master)


def build_production(master: tk.Misc, tab: PlanningTab) -> ProductionPage:
    return ProductionPage(master, tab)


def build_bake_days(master: tk.Misc, tab: PlanningTab) -> BakeDaysPage:
    return BakeDaysPage(master, tab)


VIEWS: tuple[SubView, ...] = (
    SubView("plan", "Plan", build_plan),
    SubView("shopping", "Shopping", build_shopping),
    SubView("assembly", "Assembly", build_assembly),
    SubView("production", "Production", build_production,
            leads_in=("in_production", "completed")),
    SubView("bake_days", "Bake days", build_bake_days),
)
