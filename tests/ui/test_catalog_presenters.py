"""The recipe and finished-good editors' logic with fake views (no window)."""

from __future__ import annotations

from dataclasses import replace

from src.services import catalog
from src.ui.catalog.editor_presenter import FORM_ERROR
from src.ui.catalog.goods_presenter import (
    ComponentForm,
    GoodEditorPresenter,
    GoodForm,
    good_label,
    unit_label,
)
from src.ui.catalog.recipe_presenter import (
    SHARE_OF_BATCH,
    LineForm,
    RecipeEditorPresenter,
    RecipeForm,
    YieldForm,
)

from .test_catalog_support import seed_bakery


class FakeRecipeView:
    def __init__(self, form: RecipeForm | None = None) -> None:
        self.form = form or RecipeForm()
        self.errors: dict[str, str] | None = None
        self.inherited: tuple[str | None, list] | None = None
        self.replacing: list[bool] = []
        self.closed = False

    def read_form(self) -> RecipeForm:
        return self.form

    def show_errors(self, errors):
        self.errors = dict(errors)

    def show_inherited(self, base_name, lines):
        self.inherited = (base_name, list(lines))

    def mark_replacing(self, flags):
        self.replacing = list(flags)

    def close(self):
        self.closed = True


class FakeGoodView:
    def __init__(self, form: GoodForm | None = None) -> None:
        self.form = form or GoodForm()
        self.errors: dict[str, str] | None = None
        self.made_from = ""
        self.closed = False

    def read_form(self) -> GoodForm:
        return self.form

    def show_errors(self, errors):
        self.errors = dict(errors)

    def show_made_from(self, text):
        self.made_from = text

    def close(self):
        self.closed = True


def test_blank_rows_are_skipped_and_messages_land_on_the_rows_the_user_sees(db):
    seed_bakery(db)
    view = FakeRecipeView(RecipeForm(
        name="Shortbread",
        lines=[LineForm("Butter", "1", "cup"), LineForm("", "", "g"),
               LineForm("All-purpose flour", "0", "cup")],
        yields=[YieldForm(), YieldForm("Shortbread finger", "items per batch", "x")],
    ))
    presenter = RecipeEditorPresenter(db, view)
    assert presenter.save() is False
    assert not view.closed
    # the service saw the flour line as its line 2 and the yield as its yield 1;
    # the messages are put back on form rows 2 and 1
    assert set(view.errors) == {"lines[2].quantity", "yields[1].items_per_batch"}
    assert "more than zero" in view.errors["lines[2].quantity"]
    assert all(r.name != "Shortbread" for r in catalog.list_recipes(db))


def test_an_unknown_base_is_refused_rather_than_saved_as_a_plain_recipe(db):
    seed_bakery(db)
    view = FakeRecipeView(RecipeForm(name="Lemon Cookie Dough", base="Lemon base"))
    assert RecipeEditorPresenter(db, view).save() is False
    assert view.errors == {"base_recipe_id": 'There is no base recipe named "Lemon base"'}
    assert all(r.name != "Lemon Cookie Dough" for r in catalog.list_recipes(db))


def test_choosing_a_base_shows_its_lines_and_what_the_own_lines_replace(db):
    ids = seed_bakery(db)
    view = FakeRecipeView(RecipeForm(
        name="Variant", base="sugar cookie dough",  # any case
        lines=[LineForm("Cocoa powder", "1", "cup"), LineForm("butter", "200", "g")]))
    presenter = RecipeEditorPresenter(db, view)
    presenter.form_changed()
    base_name, lines = view.inherited
    assert base_name == "Sugar Cookie Dough"
    assert [(ln.text, ln.replaced) for ln in lines] == [
        ("All-purpose flour: 2.75 cup", False), ("Granulated sugar: 1.5 cup", False),
        ("Butter: 227 g", True), ("Eggs: 1 each", False)]
    assert view.replacing == [False, True]
    view.form = replace(view.form, base="none")
    presenter.form_changed()
    assert view.inherited == (None, [])
    # a variant is never offered as a base, nor the recipe being edited
    edit = RecipeEditorPresenter(db, FakeRecipeView(), ids["Sugar Cookie Dough"])
    assert "Chocolate Sugar Cookie Dough" not in edit.base_names
    assert "Sugar Cookie Dough" not in edit.base_names


def test_editing_a_yield_keeps_its_identity_so_goods_still_use_it(db):
    ids = seed_bakery(db)
    view = FakeRecipeView()
    presenter = RecipeEditorPresenter(db, view, ids["Truffles"])
    view.form = presenter.initial_form()
    view.form.yields[0].name = "Large truffle"
    view.form.yields.append(YieldForm("Truffle half-box", SHARE_OF_BATCH, "25"))
    assert presenter.save() is True, view.errors
    assert view.closed
    box = catalog.get_finished_good(db, ids["Truffle box"])
    assert [c.name for c in box.components] == ["Large truffle"]
    saved = catalog.get_recipe(db, ids["Truffles"])
    assert [(y.name, y.label) for y in saved.yields] == [
        ("Large truffle", "30 per batch"), ("Truffle half-box", "25 % of a batch per item")]


def test_removing_a_yield_a_good_uses_is_refused_with_the_goods_named(db):
    ids = seed_bakery(db)
    view = FakeRecipeView()
    presenter = RecipeEditorPresenter(db, view, ids["Truffles"])
    view.form = presenter.initial_form()
    view.form.yields.clear()
    assert presenter.save() is False
    assert '"Truffle box"' in view.errors[FORM_ERROR]


def test_made_from_follows_nested_bundles(db):
    seed_bakery(db)
    view = FakeGoodView(GoodForm(name="Gift", components=[
        ComponentForm(good_label("Cookie tin"), "1"),
    ]))
    presenter = GoodEditorPresenter(db, view)
    presenter.form_changed()
    assert view.made_from == (
        "Made from recipes: Chocolate Sugar Cookie Dough, Dark Chocolate Truffles, "
        "Sugar Cookie Dough")
    view.form.components[0] = ComponentForm(unit_label("Truffle", "Dark Chocolate Truffles"))
    presenter.form_changed()
    assert view.made_from == "Made from recipes: Dark Chocolate Truffles"


def test_a_good_is_never_offered_as_its_own_component(db):
    ids = seed_bakery(db)
    presenter = GoodEditorPresenter(db, FakeGoodView(), ids["Cookie tin"])
    assert good_label("Cookie tin") not in presenter.choices
    assert good_label("Truffle box") in presenter.choices
    form = presenter.initial_form()
    assert [(c.choice, c.quantity) for c in form.components] == [
        (unit_label("Sugar cookie", "Sugar Cookie Dough"), "6"),
        (unit_label("Chocolate sugar cookie", "Chocolate Sugar Cookie Dough"), "6"),
        (good_label("Truffle box"), "1")]


def test_an_unknown_component_is_refused_and_other_rows_still_checked(db):
    seed_bakery(db)
    view = FakeGoodView(GoodForm(name="Tin", components=[
        ComponentForm("", ""),  # blank: ignored
        ComponentForm("Stollen", "1"),
        ComponentForm(good_label("Truffle box"), "0"),
    ]))
    assert GoodEditorPresenter(db, view).save() is False
    assert 'there is no yield type or finished good "Stollen"' in view.errors["components[1]"]
    assert "at least 1" in view.errors["components[2].quantity"]
    assert all(g.name != "Tin" for g in catalog.list_finished_goods(db))
