"""Names: trimmed, NFC-normalised, no control characters — the same rule in the
window's services, the import and the CLI; "the same name" ignores case and
normalisation."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from src.services import catalog
from src.services.catalog.dto import RecipeInput
from src.services.errors import UserInputError, ValidationError
from src.services.exchange import ExchangeError, import_document
from src.services.plan import events
from src.services.validation import name_key, normalise_name

ROOT = Path(__file__).resolve().parents[2]
COMPOSED = "Crème fraîche"  # è and î as single code points
DECOMPOSED = unicodedata.normalize("NFD", COMPOSED)  # e + U+0300, i + U+0302


def test_the_two_spellings_differ_as_text_but_are_one_name():
    assert COMPOSED != DECOMPOSED
    assert normalise_name(f"  {DECOMPOSED}\u00a0") == COMPOSED
    assert name_key(DECOMPOSED) == name_key("CRÈME FRAÎCHE") == name_key(COMPOSED)


def test_ingredient_typed_two_ways_is_one_ingredient(db):
    first = catalog.create_ingredient(db, name=f"  {DECOMPOSED} ")
    assert first.name == COMPOSED  # stored composed and trimmed
    with pytest.raises(ValidationError) as caught:
        catalog.create_ingredient(db, name=COMPOSED.upper())
    assert caught.value.message == f'An ingredient named "{COMPOSED}" already exists'
    assert [i.name for i in catalog.list_ingredients(db)] == [COMPOSED]


def test_recipe_names_are_normalised_and_unique_across_spellings(db):
    catalog.create_recipe(db, RecipeInput(name=DECOMPOSED + " tart"))
    with pytest.raises(ValidationError):
        catalog.create_recipe(db, RecipeInput(name=COMPOSED + " TART"))
    assert [r.name for r in catalog.list_recipes(db)] == [COMPOSED + " tart"]


@pytest.mark.parametrize("bad", ["Flour\tsifted", "Flour\nsifted", "Flour\x00", "A\u2028B"])
def test_control_characters_are_refused_with_the_field(db, bad):
    with pytest.raises(ValidationError) as caught:
        catalog.create_ingredient(db, name=bad)
    assert caught.value.field == "name"
    assert caught.value.message.startswith("Ingredient name must not contain a control character")
    with pytest.raises(ValidationError) as caught:
        events.create_event(db, name=bad, event_date="2026-12-20")
    assert "Event name must not contain a control character (U+" in str(caught.value)
    assert catalog.list_ingredients(db) == [] and events.list_events(db) == []


def test_event_lookup_ignores_case_space_and_normalisation(db):
    made = events.create_event(db, name=f"{COMPOSED} party", event_date="2026-12-20")
    for typed in (f"  {DECOMPOSED} party ", f"{COMPOSED} PARTY", f"{DECOMPOSED.lower()} Party"):
        assert events.find_event(db, typed).id == made.id
    with pytest.raises(UserInputError, match="No event named"):
        events.find_event(db, "Crème party")


def test_event_lookup_by_key_still_asks_for_a_date_among_namesakes(db):
    events.create_event(db, name="Bake sale", event_date="2026-06-01")
    events.create_event(db, name="BAKE SALE", event_date="2026-09-01")
    with pytest.raises(UserInputError, match="2 events are named"):
        events.find_event(db, "bake sale")
    assert events.find_event(db, "bake sale", "2026-09-01").name == "BAKE SALE"


def _doc(*ingredients: str, line: str | None = None) -> dict:
    recipes = [{"name": "Tart", "ingredients": [
        {"ingredient": line, "quantity": "1", "unit": "cup"}]}] if line else []
    return {"format": "bake-planner", "version": 1,
            "ingredients": [{"name": n} for n in ingredients], "recipes": recipes}


def test_import_matches_names_across_spellings(db):
    import_document(db, _doc(DECOMPOSED, line=f" {COMPOSED.upper()} "))
    assert [i.name for i in catalog.list_ingredients(db)] == [COMPOSED]
    (recipe,) = catalog.list_recipes(db)
    assert catalog.get_recipe(db, recipe.id).own_lines[0].ingredient == COMPOSED


def test_import_refuses_a_second_spelling_of_an_existing_name(db):
    catalog.create_ingredient(db, name=COMPOSED)
    with pytest.raises(ExchangeError) as caught:
        import_document(db, _doc(DECOMPOSED))
    assert any("already exists" in p for p in caught.value.problems), caught.value.problems


def test_import_refuses_control_characters_with_the_location(db):
    with pytest.raises(ExchangeError) as caught:
        import_document(db, _doc("Flour", "Sugar\nfine"))
    assert any(p.startswith("ingredients[1].name: must not contain a control character")
               for p in caught.value.problems), caught.value.problems
    assert catalog.list_ingredients(db) == []


def test_cli_finds_the_event_however_its_name_is_typed(tmp_path):
    path = str(tmp_path / "demo.db")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "main.py", *args, "--db", path], cwd=ROOT,
                              capture_output=True, text=True, encoding="utf-8", timeout=120)

    assert run("demo").returncode == 0
    done = run("plan", "  holiday COOKIE exchange 2026 ", "--json")
    assert done.returncode == 0, done.stderr
    assert '"name": "Holiday Cookie Exchange 2026"' in done.stdout
