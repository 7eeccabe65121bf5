"""The catalog lists' and the pantry's presenters with fake views, on a real database."""

from __future__ import annotations

from decimal import Decimal

import pytest

from src.services import catalog
from src.services.errors import ValidationError
from src.services.facade import Services
from src.services.plan import events, selection
from src.ui.catalog.list_presenters import (
    GoodsListPresenter,
    IngredientsPresenter,
    RecipesPresenter,
)
from src.ui.pantry.tab import PantryPresenter

from .test_catalog_support import seed_bakery


class FakeListView:
    def __init__(self):
        self.shown = []
        self.selected = []
        self.notices = []
        self.changes = 0

    def show(self, items):
        self.shown.append([item.name for item in items])

    def select(self, iid):
        self.selected.append(iid)

    def show_notice(self, title, text):
        self.notices.append((title, text))

    def changed(self):
        self.changes += 1


@pytest.fixture
def ids(db):
    return seed_bakery(db)


def test_ingredients_load_save_and_delete(db, ids):
    view = FakeListView()
    presenter = IngredientsPresenter(Services(db), view)
    presenter.load()
    assert "Butter" in view.shown[-1] and view.changes == 0
    made = presenter.create_ingredient(name="Oat flakes", category="Dry goods",
                                       density_g_per_ml="", preferred_unit=None)
    presenter.saved(made.id)
    assert "Oat flakes" in view.shown[-1]
    assert view.selected == [str(made.id)] and view.changes == 1
    with pytest.raises(ValidationError):
        presenter.update_ingredient(made.id, name="", category="", density_g_per_ml="",
                                    preferred_unit=None)
    assert presenter.delete_ingredient(made.id)
    assert "Oat flakes" not in view.shown[-1] and view.changes == 2


def test_a_refused_delete_says_why_and_changes_nothing(db, ids):
    view = FakeListView()
    presenter = RecipesPresenter(Services(db), view)
    presenter.load()
    event = events.create_event(db, name="Fair", event_date="2026-06-01",
                                expected_attendees="")
    selection.set_selected_recipes(db, event.id, [ids["Truffles"]])
    assert not presenter.delete_recipe(ids["Truffles"])
    title, text = view.notices[-1]
    assert title == "Cannot delete" and text
    assert view.changes == 0 and len(view.shown) == 1
    assert any(r.id == ids["Truffles"] for r in catalog.list_recipes(db))


def test_duplicate_then_delete_a_recipe(db, ids):
    view = FakeListView()
    presenter = RecipesPresenter(Services(db), view)
    copy = presenter.duplicate_recipe(ids["Sugar Cookie Dough"], "Lemon Cookie Dough", True)
    presenter.saved(copy.id)
    assert "Lemon Cookie Dough" in view.shown[-1] and copy.base_recipe_id is not None
    assert presenter.delete_recipe(copy.id)
    assert "Lemon Cookie Dough" not in view.shown[-1]


def test_goods_delete_and_single_item_goods_when_all_exist(db, ids):
    view = FakeListView()
    presenter = GoodsListPresenter(Services(db), view)
    presenter.load()
    assert presenter.create_single_item_goods() == []
    assert view.notices[-1] == (
        "Single-item goods",
        "Every yield type already has a single-item good; nothing was created.",
    )
    assert view.changes == 0
    from src.services.catalog.dto import ComponentInput

    pair = catalog.create_finished_good(db, name="Truffle pair", components=[
        ComponentInput(2, unit_id=ids["unit:Truffle"])])
    presenter.load()
    assert presenter.delete_good(pair.id)
    assert "Truffle pair" not in view.shown[-1] and view.changes == 1
    assert not presenter.delete_good(ids["Truffle box"])  # inside a bundle: refused
    assert view.notices[-1][0] == "Cannot delete" and view.changes == 1


def test_pantry_records_and_removes_stock(db, ids):
    presenter = PantryPresenter(Services(db))
    row = presenter.set_quantity(ids["Butter"], "454", "g")
    assert row.quantity == Decimal("454") and row.unit == "g"
    listed = {r.ingredient: r for r in presenter.list_pantry()}
    assert listed["Butter"].quantity == Decimal("454")
    with pytest.raises(ValidationError):
        presenter.set_quantity(ids["Butter"], "lots", "g")
    presenter.remove(ids["Butter"])
    assert {r.ingredient: r for r in presenter.list_pantry()}["Butter"].quantity is None
