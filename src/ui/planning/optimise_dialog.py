""""Optimise batches": the proposal as a diff against the current decisions.

The margin and "prefer the pantry" are chosen at the top; Preview asks the
optimiser again. The table shows every recipe with a need (now → proposed, the
split between yield types, pinned); a pinned recipe is never changed, and
"Pin / unpin" toggles the selected row. Below: extras, batches, cost and the
shopping change. Apply writes the whole proposal in one transaction.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable

import customtkinter as ctk

from src.services.aids.optimiser_dto import OptimiseProposal
from src.services.errors import ServiceError
from src.ui import theme
from src.ui.dialogs import FormDialog

# (margin text, prefer pantry) -> proposal, or raises ServiceError
PreviewCall = Callable[[str, bool], OptimiseProposal]
# (margin text, prefer pantry) -> None when applied, else the message
ApplyCall = Callable[[str, bool], "str | None"]
# (recipe id, pinned) -> None when saved, else the message
PinCall = Callable[[int, bool], "str | None"]
SHOPPING_SHOWN = 8  # lines of shopping change under the table (the dialog must fit 768 px)


def summary_lines(p: OptimiseProposal) -> list[str]:
    """The figures under the table, in words."""
    new, old = p.proposed, p.current
    lines = []
    if old is None:
        lines.append(f"Extra items: {new.extras}; batches: {new.batches} "
                     "(some recipes have no decision yet)")
    else:
        lines.append(f"Extra items: {old.extras} → {new.extras}; "
                     f"batches: {old.batches} → {new.batches}")
    if new.cost is not None:
        before = "—" if old is None or old.cost is None else str(old.cost)
        lines.append(f"Ingredient cost: {before} → {new.cost}")
    if p.objective == "cost":
        lines.append("Aiming for the lowest ingredient cost (from the packs' prices), then "
                     "the fewest extra items and batches.")
    else:
        lines.append("No pack has a price: aiming for the fewest extra items, then the "
                     "fewest batches.")
    for s in p.shopping[:SHOPPING_SHOWN]:
        lines.append(f"Shopping: {s.ingredient_name} {s.current} → {s.proposed} {s.unit}")
    if len(p.shopping) > SHOPPING_SHOWN:
        lines.append(f"… and {len(p.shopping) - SHOPPING_SHOWN} more shopping changes")
    for problem in p.problems[:SHOPPING_SHOWN]:
        lines.append(f"Cannot meet: {problem}")
    if len(p.problems) > SHOPPING_SHOWN:
        lines.append(f"… and {len(p.problems) - SHOPPING_SHOWN} more lines that cannot be met")
    if p.meets_all_lines:
        lines.append(f"Every line is met with the {p.margin_percent} % margin.")
    return lines


class OptimiseDialog(FormDialog):
    def __init__(
        self,
        parent: tk.Misc,
        preview: PreviewCall,
        apply: ApplyCall,
        pin: PinCall,
        can_apply: bool,
    ) -> None:
        super().__init__(parent, "Optimise batches", ok_text="Apply", cancel_text="Close")
        self._preview, self._apply, self._pin = preview, apply, pin
        self._can_apply = can_apply
        self.proposal: OptimiseProposal | None = None
        options = ctk.CTkFrame(self.body, fg_color="transparent")
        self.margin_entry = ctk.CTkEntry(options, width=60)
        self.margin_entry.insert(0, "5")
        self.margin_entry.pack(side="left")
        ctk.CTkLabel(options, text="%", font=theme.font(13)).pack(side="left", padx=(4, 16))
        self.pantry_box = ctk.CTkCheckBox(options, text="Prefer what the pantry has",
                                          command=self.refresh)
        self.pantry_box.pack(side="left")
        self.preview_button = ctk.CTkButton(options, text="Preview", width=90,
                                            command=self.refresh)
        self.preview_button.pack(side="left", padx=(16, 0))
        self.add_field("Safety margin", options, name="margin")
        table = ctk.CTkFrame(self.body, fg_color="transparent")
        self.tree = theme.make_tree(table, ("now", "new", "split", "pinned"), height=9)
        self.tree.heading("#0", text="Recipe", anchor="w")
        self.tree.column("#0", width=230, stretch=True)
        specs: tuple[tuple[str, str, int, theme.Anchor], ...] = (
            ("now", "Now", 60, "e"), ("new", "Proposed", 80, "e"),
            ("split", "Split between yield types", 300, "w"), ("pinned", "Pinned", 70, "center"),
        )
        for column, title, width, anchor in specs:
            self.tree.heading(column, text=title, anchor=anchor)
            self.tree.column(
                column, width=width, anchor=anchor, stretch=column == "split"
            )
        self.tree.pack(side="left", fill="both", expand=True)
        theme.make_scrollbar(table, self.tree).pack(side="right", fill="y")
        self.tree.bind("<Double-1>", lambda _e: self.toggle_pin())
        self.body.grid_rowconfigure(self._row, weight=1)
        table.grid(row=self._row, column=0, columnspan=3, sticky="nsew", pady=(8, 0))
        self._row += 1
        self.pin_button = ctk.CTkButton(
            self.body, text="Pin / unpin selected", width=160, command=self.toggle_pin,
            fg_color="transparent", border_width=1, text_color=theme.COLORS["text"],
        )
        self.pin_button.grid(row=self._row, column=0, sticky="w", pady=(6, 0))
        self._row += 1
        self.summary = ctk.CTkLabel(self.body, text="", anchor="w", justify="left",
                                    font=theme.font(13), wraplength=720)
        self.summary.grid(row=self._row, column=0, columnspan=3, sticky="w", pady=(8, 0))
        self._row += 1
        self.refresh()
        self.finish(focus=self.margin_entry)

    def refresh(self) -> None:
        """Ask the optimiser again with the chosen options and show the result."""
        self.clear_errors()
        try:
            proposal = self._preview(self.margin_entry.get(), bool(self.pantry_box.get()))
        except ServiceError as exc:
            field = "margin" if "margin" in exc.message.lower() else None
            self.set_error(field, exc.message)
            self.ok_button.configure(state="disabled")
            return
        self.proposal = proposal
        self.tree.delete(*self.tree.get_children())
        for r in proposal.recipes:
            split = ", ".join(f"{u.unit_name} {u.items}" for u in r.split)
            tags = ("muted",) if r.pinned else (("exact",) if r.changed else ())
            self.tree.insert(
                "", "end", iid=str(r.recipe_id), text=r.recipe_name, tags=tags,
                values=("—" if r.current is None else r.current, r.proposed, split,
                        "yes" if r.pinned else ""),
            )
        self.summary.configure(text="\n".join(summary_lines(proposal)))
        applicable = self._can_apply and proposal.changes > 0
        self.ok_button.configure(state="normal" if applicable else "disabled")
        if not self._can_apply:
            self.set_error(None, "This plan's state does not allow batch decisions to change; "
                                 "the proposal is shown only.")

    def toggle_pin(self) -> None:
        selected = self.tree.selection()
        if not selected or self.proposal is None:
            return
        rid = int(selected[0])
        row = next(r for r in self.proposal.recipes if r.recipe_id == rid)
        error = self._pin(rid, not row.pinned)
        if error:
            self.set_error(None, error)
            return
        self.refresh()
        if self.tree.exists(str(rid)):
            self.tree.selection_set(str(rid))

    def on_submit(self) -> bool:
        if self.ok_button.cget("state") == "disabled":
            return False
        error = self._apply(self.margin_entry.get(), bool(self.pantry_box.get()))
        if error:
            self.set_error(None, error)
            return False
        return True
