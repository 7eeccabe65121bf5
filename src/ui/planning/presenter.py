"""The planning tab's logic: calls the services, tells the view and sections what to show.

The presenter holds no widgets. After every edit it loads the plan once
(``get_plan_view``) and hands it to every section (``section.show(plan)``),
so every part of the window shows the same saved state. Service errors
become ``view.show_error(text)``, or are returned to the caller when the
message belongs next to a field (quantities, form fields, batch rows).
Tests drive it with a fake view and fake sections.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from src.services.errors import ServiceError, ValidationError
from src.services.facade import Services, as_services
from src.services.plan.amendment_dto import AmendmentPreview
from src.services.plan.dto import PlanView
from src.services.plan.events import EventView
from src.services.plan.watch import PlanVersion
from src.ui.planning.notices import delete_question, removal_notice
from src.ui.planning.undo import UndoStack

# transition name -> the lifecycle service that performs it
TRANSITIONS: dict[str, str] = {
    "lock": "lock_plan",
    "unlock": "unlock_plan",
    "start_production": "start_production",
    "complete": "complete_plan",
}
# Runs a callback once the current user action has returned (the window: after_idle).
Defer = Callable[[Callable[[], None]], None]


@dataclass(frozen=True)
class SaveResult:
    """What an edit saved (``saved``: e.g. the quantity as stored, None when the line
    was removed) or why nothing was saved (``error``, the message for the field)."""

    saved: object = None
    error: str | None = None


class PlanningView(Protocol):
    def show_events(self, events: Sequence[EventView], selected_id: int | None) -> None: ...
    def show_plan(self, plan: PlanView | None) -> None: ...
    def show_error(self, text: str) -> None: ...
    def clear_error(self) -> None: ...
    def show_notice(self, title: str, text: str) -> None: ...


class Section(Protocol):
    def show(self, plan: PlanView) -> None: ...


class PlanningPresenter:
    """Everything the planning tab does, as plain method calls."""

    def __init__(self, services: Services, view: PlanningView, sections: Iterable[Section] = (),
                 defer: Defer | None = None) -> None:
        self.services = as_services(services)
        # After an edit the sections are refreshed once the section that asked has
        # taken the saved value (never while it is still committing).
        self._defer: Defer = defer or (lambda callback: callback())
        self._refresh_pending = False
        self.view = view
        self.sections: list[Section] = list(sections)
        self.events: list[EventView] = []
        self.event_id: int | None = None
        self.plan: PlanView | None = None
        # What the shown plan was loaded from (see poll); None until loaded.
        self.version: PlanVersion | None = None
        self.undo = UndoStack(self.services)

    def add_section(self, section: Section) -> None:
        self.sections.append(section)
        if self.plan is not None:
            section.show(self.plan)

    # -- events ------------------------------------------------------------
    def load(self, select_id: int | None = None) -> None:
        """Reload the event list and show ``select_id`` (else the current, else the newest)."""
        try:
            self._read_version(self.event_id)
            self.events = self.services.events.list_events()
        except ServiceError as exc:
            self.view.show_error(exc.message)
            return
        ids = [e.id for e in self.events]
        wanted = select_id if select_id in ids else self.event_id
        if wanted not in ids:
            wanted = ids[0] if ids else None
        self.view.show_events(self.events, wanted)
        self.select_event(wanted)

    def select_event(self, event_id: int | None) -> None:
        """Show the plan of ``event_id`` (None: no event)."""
        if event_id == self.event_id and self.plan is not None:
            return
        self.event_id = event_id
        self.refresh()

    def refresh(self) -> PlanView | None:
        """Load the current event's plan and hand it to the view and every section."""
        if self.event_id is None:
            self._read_version(None)
            self.plan = None
            self.view.show_plan(None)
            return None
        try:
            # Read before the plan: a change made between the two shows up at the next poll.
            self._read_version(self.event_id)
            plan = self.services.plan.get_plan_view(self.event_id)
        except ServiceError as exc:
            # Most likely deleted elsewhere: say so and fall back to the list as it is now.
            self.view.show_error(exc.message)
            self.event_id, self.plan = None, None
            self.load()
            return None
        self.plan = plan
        self.view.show_plan(plan)
        for section in self.sections:
            section.show(plan)
        return plan

    def _read_version(self, event_id: int | None) -> None:
        self.version = self.services.plan_watch.plan_version(event_id)

    def poll(self) -> str | None:
        """Look for changes saved elsewhere (another window or computer) since the plan
        was shown. When there are, reload and show them, and return the notice text
        saying what changed (or why it could not check); else None. What the baker
        is typing stays (the sections replace a field's text only when it still
        shows the saved value)."""
        shown = self.version
        if shown is None:
            return None
        try:
            now = self.services.plan_watch.plan_version(shown.event_id)
        except ServiceError as exc:  # e.g. the server is unreachable: say so, try again later
            return exc.message
        changed = now.changes_since(shown)
        if not changed:
            return None
        self.plan = None
        self.load(select_id=self.event_id)
        return "Changed on another computer: " + ", ".join(changed) + "."

    def save_event(
        self,
        event_id: int | None,
        *,
        name: str,
        event_date: str,
        expected_attendees: str,
        notes: str = "",
    ) -> dict[str, str]:
        """Create (``event_id`` None) or update an event. Returns {} when saved (the event
        is then shown), else the message for each bad field ("" key: not a field)."""
        values = dict(
            name=name, event_date=event_date, expected_attendees=expected_attendees, notes=notes
        )
        try:
            if event_id is None:
                saved = self.services.events.create_event(**values)
            else:
                saved = self.undo.record(
                    event_id, lambda: self.services.events.update_event(event_id, **values))
        except ValidationError as exc:
            return dict(exc.errors) or {"": exc.message}
        except ServiceError as exc:
            return {"": exc.message}
        self.view.clear_error()
        self.plan = None  # force the header to show the new details
        self.load(select_id=saved.id)
        return {}

    def delete_question(self, event_id: int) -> str | None:
        """The confirmation text for deleting ``event_id``, or None (error shown)."""
        try:
            return delete_question(self.services.events.event_delete_summary(event_id))
        except ServiceError as exc:
            self.view.show_error(exc.message)
            self.load()
            return None

    def delete_event(self, event_id: int) -> None:
        try:
            self.services.events.delete_event(event_id)
        except ServiceError as exc:
            self.view.show_error(exc.message)
        else:
            self.view.clear_error()
        if self.event_id == event_id:
            self.event_id, self.plan = None, None
        self.load()

    # -- plan edits --------------------------------------------------------
    def transition(self, name: str) -> None:
        """Move the plan through ``name`` ("lock", "unlock", "start_production", "complete")."""
        if self.event_id is None:
            return
        try:
            getattr(self.services.lifecycle, TRANSITIONS[name])(self.event_id)
        except ServiceError as exc:
            self.view.show_error(exc.message)
            self.refresh()
            return
        self.view.clear_error()
        self.plan = None
        self.load()

    def set_selected_recipes(self, recipe_ids: Iterable[int]) -> None:
        """Save the event's recipe selection; a notice lists what deselecting removed."""
        if self.event_id is None:
            return
        try:
            event_id, ids = self.event_id, list(recipe_ids)
            result = self.undo.record(
                event_id, lambda: self.services.selection.set_selected_recipes(event_id, ids))
        except ServiceError as exc:
            self.view.show_error(exc.message)
            self.refresh()  # put the check boxes back as they are saved
            return
        self.view.clear_error()
        self.refresh()
        notice = removal_notice(result)
        if notice:
            self.view.show_notice("Removed from the plan", notice)

    def toggle_recipe(self, recipe_id: int) -> None:
        """Select ``recipe_id`` if it is not selected, else deselect it."""
        if self.plan is None:
            return
        chosen = {r.id for r in self.plan.recipes if r.selected}
        chosen ^= {recipe_id}
        self.set_selected_recipes(sorted(chosen))

    def set_quantity(self, good_id: int, text: str) -> SaveResult:
        """Save (or, for empty text, remove) a finished-good line. The result holds the
        quantity as saved (None: removed), else the message for the field (nothing is
        saved then)."""
        return self._save("selection", "set_quantity", good_id, text)

    def choose_batches(self, recipe_id: int, batches: int, unit_id: int | None) -> str | None:
        """Decide ``batches`` of ``recipe_id`` (as yield type ``unit_id``). None when
        saved, else the message for the recipe's row."""
        return self._save("decisions", "set_batch_decision", recipe_id, batches, unit_id).error

    def clear_batches(self, recipe_id: int) -> str | None:
        """Remove the batch decision of ``recipe_id``. None when saved, else why not."""
        return self._save("decisions", "clear_batch_decision", recipe_id).error

    def record_batches(
        self, recipe_id: int, batches: int, notes: str = "", over: bool = False
    ) -> str | None:
        """Record ``batches`` baked of ``recipe_id`` (``over`` once the baker confirmed
        going beyond the decision). None when saved, else why not."""
        return self._save(
            "production", "record_production", recipe_id, batches, notes, None, over
        ).error

    record_production = record_batches

    def amend(self, kind: str, what: Mapping[str, object], reason: str) -> str | None:
        """Record an amendment (see amendments.make_amendment); None when saved, else
        the service's message."""
        return self._save("amendments", "make_amendment", kind, reason, **what).error

    def preview_amendment(
        self, kind: str, what: Mapping[str, object]
    ) -> AmendmentPreview | str:
        """What an amendment would do, or the message saying why it cannot be made."""
        if self.event_id is None:
            return "Choose an event first"
        try:
            return self.services.amendments.preview_amendment(self.event_id, kind, **what)
        except ServiceError as exc:
            return exc.message

    def amend_drop_good(self, good_id: int, reason: str) -> str | None:
        """Amend the plan in production: drop the line of ``good_id``."""
        return self._save("amendments", "amend_drop_good", good_id, reason).error

    def amend_add_good(self, good_id: int, quantity: int, reason: str) -> str | None:
        """Amend the plan in production: add ``quantity`` of ``good_id``."""
        return self._save("amendments", "amend_add_good", good_id, quantity, reason).error

    def amend_batches(self, recipe_id: int, batches: int, reason: str) -> str | None:
        """Amend the plan in production: change the batches of ``recipe_id``."""
        return self._save("amendments", "amend_batches", recipe_id, batches, reason).error

    def apply_suggestions(self, good_ids: Sequence[int] | None) -> str | None:
        """Take the suggested quantities of ``good_ids`` (issue 15)."""
        return self._save("suggestions", "apply_suggestions", good_ids).error

    def apply_optimisation(self, margin: object, use_pantry: object) -> str | None:
        """Decide the optimiser's batches (issue 15)."""
        return self._save("optimiser", "apply_optimisation", margin, use_pantry).error

    def set_pinned(self, recipe_id: int, pinned: bool) -> str | None:
        """Keep (or free) a recipe's batches when optimising (issue 15)."""
        return self._save("optimiser", "set_pinned", recipe_id, pinned).error

    def _save(self, area: str, service: str, *args: object, **kwargs: object) -> SaveResult:
        """Call the service ``area.service(event_id, *args)``; on success refresh every
        section once the caller has returned. The result carries what the service
        returned, or its message (for the field or row it concerns)."""
        if self.event_id is None:
            return SaveResult(error="Choose an event first")
        event_id, call = self.event_id, getattr(getattr(self.services, area), service)
        try:
            # Plan edits in draft and locked plans can be undone (the stack decides).
            saved = self.undo.record(event_id, lambda: call(event_id, *args, **kwargs))
        except ServiceError as exc:
            return SaveResult(error=exc.message)
        self.view.clear_error()
        self._refresh_soon()
        return SaveResult(saved=saved)

    def _refresh_soon(self) -> None:
        if self._refresh_pending:
            return
        self._refresh_pending = True

        def refresh() -> None:
            self._refresh_pending = False
            self.refresh()

        self._defer(refresh)

    def undo_edit(self, redo: bool = False) -> str | None:
        """Undo (or redo) the shown event's last plan edit, saved at once. Returns what
        was done ("Undone: quantities"), None when there was nothing; a refusal is shown."""
        if self.event_id is None:
            return None
        try:
            done = (self.undo.redo if redo else self.undo.undo)(self.event_id)
        except ServiceError as exc:
            self.view.show_error(exc.message)
            return None
        if done is not None:
            self.view.clear_error()
            self.plan = None  # the header shows restored event details too
            self.load()
        return done

    def export_shopping(self, kind: str, path: str) -> str | None:
        """Write the shown plan's shopping list to ``path`` as "csv" or "pdf". Returns
        None when written, else what went wrong."""
        plan = self.plan
        if plan is None:
            return "Choose an event first"
        # Imported here: the PDF library is slow to import and not needed to start.
        from src.reports.shopping_csv import write_shopping_csv
        from src.reports.shopping_pdf import write_shopping_pdf

        try:
            if kind == "csv":
                write_shopping_csv(plan.shopping, path, plan.undecided)
            else:
                totals = plan.costs.shopping if plan.costs else None
                write_shopping_pdf(plan.event, plan.shopping, path, totals, plan.undecided)
        except OSError as exc:
            return f"Could not write {path}: {exc.strerror or exc}"
        return None

    def database_is_empty(self) -> bool:
        """True when the database holds nothing yet (the demo can be loaded into it)."""
        try:
            return self.services.demo.database_is_empty()
        except ServiceError:
            return False

    def load_demo(self) -> bool:
        """Load the demo bakery into an empty database; False (with a notice) otherwise."""
        try:
            loaded = self.services.demo.load_demo_if_empty()
        except ServiceError as exc:
            self.view.show_error(exc.message)
            return False
        if not loaded:
            self.view.show_notice(
                "Demo not loaded",
                "The demo bakery is loaded only into an empty database; this one has data.",
            )
        self.event_id, self.plan = None, None
        self.load()
        return loaded
