"""The finished-good editor's logic, apart from its widgets (tested with a fake view).

A component is chosen by its label: a yield type ("Sugar cookie — yield of
Sugar Cookie Dough") or another finished good ("Cookie tin — finished good"),
so a good and a yield type of the same name stay apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from src.services.catalog.dto import ComponentInput, FinishedGoodView
from src.services.facade import Services
from src.services.validation import name_key

from .editor_presenter import EditorPresenter, renumber


@dataclass
class ComponentForm:
    choice: str = ""
    quantity: str = "1"


@dataclass
class GoodForm:
    name: str = ""
    notes: str = ""
    components: list[ComponentForm] = field(default_factory=list)


class GoodEditorView(Protocol):
    def read_form(self) -> GoodForm: ...
    def show_errors(self, errors: dict[str, str]) -> None: ...
    def show_made_from(self, text: str) -> None: ...
    def close(self) -> None: ...


def unit_label(name: str, recipe: str) -> str:
    return f"{name} — yield of {recipe}"


def good_label(name: str) -> str:
    return f"{name} — finished good"


def made_from_text(recipes: tuple[str, ...] | list[str]) -> str:
    if not recipes:
        return "Made from recipes: none yet (add a component)"
    return "Made from recipes: " + ", ".join(recipes)


class GoodEditorPresenter(EditorPresenter[GoodEditorView, FinishedGoodView]):
    """Loads the component choices, builds the service input, saves."""

    def __init__(
        self,
        services: Services,
        view: GoodEditorView,
        good_id: int | None = None,
        on_saved: Callable[[FinishedGoodView], None] | None = None,
    ) -> None:
        super().__init__(services, view, on_saved)
        services = self.services
        self.good_id = good_id
        recipe_names = {r.id: r.name for r in services.catalog.list_recipes()}
        goods = services.catalog.list_finished_goods()
        self.good = services.catalog.get_finished_good(good_id) if good_id is not None else None
        self._refs: dict[str, tuple[str, int]] = {}
        self._recipes_of: dict[tuple[str, int], tuple[str, ...]] = {}
        self._labels: dict[tuple[str, int], str] = {}
        self.choices: list[str] = []
        for unit in services.catalog.list_finished_units():
            recipe = recipe_names.get(unit.recipe_id, "?")
            self._add_choice(unit_label(unit.name, recipe), ("unit", unit.id), (recipe,))
        for good in goods:
            if good.id != good_id:  # a good is never its own component
                self._add_choice(good_label(good.name), ("good", good.id), good.recipe_names)

    def _add_choice(self, label: str, ref: tuple[str, int], recipes: tuple[str, ...]) -> None:
        self.choices.append(label)
        self._refs[name_key(label)] = ref
        self._labels[ref] = label
        self._recipes_of[ref] = recipes

    def initial_form(self) -> GoodForm:
        if self.good is None:
            return GoodForm(components=[ComponentForm()])
        return GoodForm(
            name=self.good.name,
            notes=self.good.notes,
            components=[
                ComponentForm(self._labels.get((c.kind, c.id), c.name), str(c.quantity))
                for c in self.good.components
            ],
        )

    def ref(self, choice: str) -> tuple[str, int] | None:
        return self._refs.get(name_key(choice))

    def made_from(self, form: GoodForm) -> list[str]:
        """The recipes the chosen components are made from (through nesting), by name."""
        names: set[str] = set()
        for item in form.components:
            ref = self.ref(item.choice)
            if ref is not None:
                names.update(self._recipes_of.get(ref, ()))
        return sorted(names, key=str.casefold)

    def form_changed(self) -> None:
        self.view.show_made_from(made_from_text(self.made_from(self.view.read_form())))

    def build_input(self, form: GoodForm) -> tuple[list[ComponentInput], dict[str, str], list[int]]:
        """(components to send, messages found before asking the service, the
        form row of each component sent). Rows with no choice are left out."""
        errors: dict[str, str] = {}
        out: list[ComponentInput] = []
        rows: list[int] = []
        for row, item in enumerate(form.components):
            text = item.choice.strip()
            if not text:
                continue
            ref = self.ref(text)
            if ref is None:
                errors[f"components[{row}]"] = (
                    f'Component {row + 1}: there is no yield type or finished good "{text}"'
                )
                # Neither id: the service refuses the row and still checks the rest.
                out.append(ComponentInput(quantity=item.quantity))
            else:
                kind, ref_id = ref
                out.append(ComponentInput(quantity=item.quantity, **{f"{kind}_id": ref_id}))
            rows.append(row)
        return out, errors, rows

    def save(self) -> bool:
        """Save the form; True (and the view closed) on success. A refusal (a bad
        field, a cycle) shows every message and leaves the form as typed."""
        form = self.view.read_form()
        components, early, rows = self.build_input(form)
        good_id = self.good_id
        catalog = self.services.catalog

        def write() -> FinishedGoodView:
            if good_id is None:
                return catalog.create_finished_good(
                    name=form.name, notes=form.notes, components=components)
            return catalog.update_finished_good(
                good_id, name=form.name, notes=form.notes, components=components)

        saved = self._write(write, early, lambda found: {
            renumber(k, "components", rows) or k: m for k, m in found.items()})
        if saved is None:
            return False
        self.view.show_made_from(made_from_text(saved.recipe_names))
        return self._done(saved)
