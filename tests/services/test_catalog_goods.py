"""Finished goods (single items and nested bundles), against a real migrated SQLite file."""

from __future__ import annotations

import pytest

from src.models import EventFinishedGood
from src.services import catalog
from src.services.catalog.dto import ComponentInput, RecipeInput, YieldInput
from src.services.errors import ConflictError, NotFoundError, ValidationError
from src.services.plan.events import create_event


@pytest.fixture
def units(db):
    """Yield type ids by name: two cookie recipes and a truffle recipe."""
    out = {}
    for recipe, unit in (
        ("Sugar Cookie Dough", "Sugar cookie"),
        ("Ginger Dough", "Gingerbread man"),
        ("Truffles", "Truffle"),
    ):
        made = catalog.create_recipe(
            db, RecipeInput(name=recipe, yields=(YieldInput(unit, "discrete_count", 24),))
        )
        out[unit] = made.yields[0].id
    return out


def unit(uid, qty=1):
    return ComponentInput(qty, unit_id=uid)


def good(gid, qty=1):
    return ComponentInput(qty, good_id=gid)


def test_single_item_and_nested_bundles_know_their_recipes(db, units):
    single = {g.name: g for g in catalog.list_finished_goods(db)}["Sugar cookie"]  # made with it
    box = catalog.create_finished_good(
        db, name="Truffle box", notes=" 4 per box ", components=[unit(units["Truffle"], "4")]
    )
    tin = catalog.create_finished_good(
        db,
        name="Cookie tin",
        components=[
            unit(units["Sugar cookie"], 6),
            good(box.id),
            unit(units["Gingerbread man"], 2),
        ],
    )
    crate = catalog.create_finished_good(db, name="Gift crate", components=[good(tin.id, 2)])

    assert single.is_bundle is False and single.recipe_names == ("Sugar Cookie Dough",)
    assert box.is_bundle is True and box.notes == "4 per box"
    assert [(c.kind, c.name, c.quantity) for c in tin.components] == [
        ("unit", "Sugar cookie", 6),
        ("good", "Truffle box", 1),
        ("unit", "Gingerbread man", 2),
    ]
    assert crate.recipe_names == ("Ginger Dough", "Sugar Cookie Dough", "Truffles")
    assert catalog.get_finished_good(db, crate.id) == crate
    assert [g.name for g in catalog.list_finished_goods(db)] == [
        "Cookie tin",
        "Gift crate",
        "Gingerbread man",
        "Sugar cookie",
        "Truffle",
        "Truffle box",
    ]


def test_every_bad_component_is_reported_and_nothing_saved(db, units):
    components = [
        unit(units["Truffle"], "0"),
        ComponentInput(1),
        ComponentInput(1, unit_id=units["Truffle"], good_id=1),
        unit(999),
        good(999),
        unit(units["Sugar cookie"], "2.5"),
        unit(units["Truffle"], 3),
    ]
    with pytest.raises(ValidationError) as caught:
        catalog.create_finished_good(db, name="Box", components=components)
    before = catalog.list_finished_goods(db)

    assert caught.value.errors == {
        "components[0].quantity": (
            "Component 1: quantity must be a whole number of at least 1, not 0"
        ),
        "components[1]": "Component 2: choose either a yield type or a finished good",
        "components[2]": "Component 3: choose either a yield type or a finished good",
        "components[3].unit_id": (
            "Component 4: yield type 999 does not exist (it may have been deleted)"
        ),
        "components[4].good_id": (
            "Component 5: finished good 999 does not exist (it may have been deleted)"
        ),
        "components[5].quantity": "Component 6: quantity must be a whole number, not 2.5",
        "components[6]": "Component 7 is the same as component 1; list it once",
    }
    assert "Box" not in [g.name for g in before]


def test_a_good_needs_a_component_and_a_free_name(db, units):
    catalog.create_finished_good(db, name="Cookie tin", components=[unit(units["Sugar cookie"])])

    with pytest.raises(ValidationError) as caught:
        catalog.create_finished_good(db, name="COOKIE TIN", components=[])

    assert caught.value.errors == {
        "name": 'A finished good named "Cookie tin" already exists',
        "components": "A finished good needs at least one component",
    }


def test_update_may_resave_the_same_components(db, units):
    made = catalog.create_finished_good(
        db, name="Tin", components=[unit(units["Sugar cookie"], 6), unit(units["Truffle"], 2)]
    )
    updated = catalog.update_finished_good(
        db,
        made.id,
        name="Cookie tin",
        notes="",
        components=[unit(units["Truffle"], 3), unit(units["Sugar cookie"], 6)],
    )
    assert [(c.name, c.quantity) for c in updated.components] == [
        ("Truffle", 3),
        ("Sugar cookie", 6),
    ]
    assert catalog.get_finished_good(db, made.id) == updated


def test_a_direct_cycle_is_refused_naming_it(db, units):
    tin = catalog.create_finished_good(db, name="Cookie tin", components=[unit(units["Truffle"])])
    crate = catalog.create_finished_good(db, name="Gift crate", components=[good(tin.id)])

    with pytest.raises(ValidationError) as caught:
        catalog.update_finished_good(
            db, tin.id, name="Cookie tin", notes="", components=[good(crate.id)]
        )

    assert caught.value.field == "components"
    assert caught.value.message == "This would make a cycle: Cookie tin → Gift crate → Cookie tin"
    assert catalog.get_finished_good(db, tin.id).components[0].name == "Truffle"


def test_a_three_deep_cycle_is_refused_naming_it_from_the_saved_good(db, units):
    box = catalog.create_finished_good(db, name="Truffle box", components=[unit(units["Truffle"])])
    tin = catalog.create_finished_good(db, name="Cookie tin", components=[good(box.id)])
    crate = catalog.create_finished_good(db, name="Gift crate", components=[good(tin.id)])

    with pytest.raises(ValidationError) as caught:
        catalog.update_finished_good(
            db,
            box.id,
            name="Truffle box",
            notes="",
            components=[unit(units["Truffle"]), good(crate.id)],
        )

    assert caught.value.message == (
        "This would make a cycle: Truffle box → Gift crate → Cookie tin → Truffle box"
    )


def test_a_good_inside_itself_is_a_cycle(db, units):
    tin = catalog.create_finished_good(db, name="Cookie tin", components=[unit(units["Truffle"])])
    with pytest.raises(ValidationError, match="This would make a cycle: Cookie tin → Cookie tin"):
        catalog.update_finished_good(
            db, tin.id, name="Cookie tin", notes="", components=[good(tin.id)]
        )


def test_delete_refused_naming_events_and_bundles(db, units):
    box = catalog.create_finished_good(db, name="Truffle box", components=[unit(units["Truffle"])])
    catalog.create_finished_good(db, name="Cookie tin", components=[good(box.id)])
    catalog.create_finished_good(db, name="Gift crate", components=[good(box.id, 2)])
    for name, day in (("Christmas", "2026-12-20"), ("Bake sale", "2026-05-01")):
        event = create_event(db, name=name, event_date=day)
        with db.uow() as session:
            session.add(EventFinishedGood(event_id=event.id, finished_good_id=box.id, quantity=5))

    with pytest.raises(ConflictError) as caught:
        catalog.delete_finished_good(db, box.id)

    assert caught.value.message == (
        '"Truffle box" cannot be deleted: it is used by the events "Bake sale (2026-05-01)", '
        '"Christmas (2026-12-20)"; it is part of the bundles "Cookie tin", "Gift crate".'
    )
    assert catalog.get_finished_good(db, box.id).used_by_events == (
        "Bake sale (2026-05-01)",
        "Christmas (2026-12-20)",
    )


def test_delete_removes_an_unused_good(db, units):
    box = catalog.create_finished_good(db, name="Truffle box", components=[unit(units["Truffle"])])
    catalog.delete_finished_good(db, box.id)
    assert "Truffle box" not in [g.name for g in catalog.list_finished_goods(db)]
    with pytest.raises(NotFoundError):
        catalog.delete_finished_good(db, box.id)
