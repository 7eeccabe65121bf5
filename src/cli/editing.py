"""Editing a plan from the command line (EXCHANGE.md "Editing a plan from the
command line"): the window's services, one line out, exit 0; a refusal is one
line on standard error, exit 1, and nothing changed."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from typing import TYPE_CHECKING

from src.db import Database

from .common import Handler, UserError, add_db_option, add_event_arguments, event_id

if TYPE_CHECKING:
    from src.services.plan.amendment_dto import AmendmentPreview
    from src.services.plan.dto import PlanView


def _pick(kind: str, wanted: str, named: dict[str, int]) -> int:
    """The id of the thing named ``wanted`` (ignoring case and Unicode
    normalisation), or a UserError suggesting the closest names."""
    from src.services.plan.events import did_you_mean, name_key

    by_key = {name_key(n): i for n, i in named.items()}
    found = by_key.get(name_key(wanted))
    if found is None:
        raise UserError(f'No {kind} named "{wanted}"{did_you_mean(wanted, named)}')
    return found


def _plan(db: Database, args: argparse.Namespace) -> PlanView:
    from src.services.plan.view import get_plan_view

    return get_plan_view(db, event_id(db, args))


def _recipe(view: PlanView, name: str) -> int:
    return _pick("recipe", name, {r.name: r.id for r in view.recipes})


def _good(view: PlanView, name: str) -> int:
    return _pick("finished good", name, {g.name: g.id for g in view.goods})


def _listed(names: Iterable[str]) -> str:
    from src.services.plan.loading import names_listed

    return names_listed(list(names))


def _batch_counts(view: PlanView, pairs: list[str] | None) -> dict[int, int | str]:
    counts: dict[int, int | str] = {}
    for pair in pairs or ():
        name, sep, number = pair.rpartition("=")
        if not sep or not name.strip():
            raise UserError(f'--batches takes RECIPE=N, not "{pair}"')
        counts[_recipe(view, name.strip())] = number.strip()
    return counts


def _cmd_new_event(db: Database, args: argparse.Namespace) -> int:
    from src.services.plan.events import create_event

    event = create_event(
        db,
        name=args.name,
        event_date=args.date,
        expected_attendees=args.attendees,
        notes=args.notes or "",
    )
    print(f"Created the draft event {event.name} on {event.event_date.isoformat()}")
    return 0


def _cmd_select(db: Database, args: argparse.Namespace) -> int:
    from src.services.plan.selection import set_selected_recipes

    view = _plan(db, args)
    chosen = {_recipe(view, n) for n in args.recipes}
    current = {r.id for r in view.recipes if r.selected}
    if args.command == "select":
        wanted = current | chosen
    else:
        not_selected = [r.name for r in view.recipes if r.id in chosen - current]
        if not_selected:
            raise UserError(f"{_listed(not_selected)} is not selected for {view.event.name}")
        wanted = current - chosen
    result = set_selected_recipes(db, view.event.id, sorted(wanted))
    names = _listed(sorted(r.name for r in view.recipes if r.id in chosen))
    verb = "Selected" if args.command == "select" else "Deselected"
    text = f"{verb} {names} for {view.event.name}"
    removed = [f"{x.good_name} ({x.reason})" for x in result.removed_lines]
    removed += [f"the decision for {x.recipe_name}" for x in result.removed_decisions]
    if removed:
        text += "; removed " + "; ".join(removed)
    print(text)
    return 0


def _cmd_quantity(db: Database, args: argparse.Namespace) -> int:
    from src.services.plan.selection import clear_quantity, set_quantity

    view = _plan(db, args)
    good = _good(view, args.good)
    name = next(g.name for g in view.goods if g.id == good)
    if args.quantity.strip() == "0":
        clear_quantity(db, view.event.id, good)
        print(f"Removed {name} from {view.event.name}")
    else:
        count = set_quantity(db, view.event.id, good, args.quantity)
        print(f"{name}: {count} for {view.event.name}")
    return 0


def _cmd_decide(db: Database, args: argparse.Namespace) -> int:
    from src.services.plan.decisions import set_batch_decision

    view = _plan(db, args)
    recipe = _recipe(view, args.recipe)
    unit = None
    if args.yield_type:
        row = next((r for r in view.batches if r.recipe_id == recipe), None)
        choices = {} if row is None else {u.unit_name: u.unit_id for u in row.yield_choices}
        unit = _pick("yield type", args.yield_type, choices)
    decision = set_batch_decision(db, view.event.id, recipe, args.batches, unit)
    name = next(r.name for r in view.recipes if r.id == recipe)
    text = f"{name}: {decision.batches} batch{'es' if decision.batches != 1 else ''}"
    if decision.yield_name:
        text += f" as {decision.yield_name}"
    print(text + (" (stale: not the floor or ceiling of the need)" if decision.stale else ""))
    return 0


_TRANSITIONS = {
    "lock": ("lock_plan", "Locked"),
    "unlock": ("unlock_plan", "Unlocked"),
    "start": ("start_production", "Started production of"),
    "complete": ("complete_plan", "Completed"),
}


def _cmd_transition(db: Database, args: argparse.Namespace) -> int:
    from src.services.plan import lifecycle

    function, verb = _TRANSITIONS[args.command]
    event = getattr(lifecycle, function)(db, event_id(db, args))
    print(f"{verb} {event.name} ({event.plan_state.replace('_', ' ')})")
    return 0


def _cmd_record(db: Database, args: argparse.Namespace) -> int:
    from src.services.plan.production import record_production

    view = _plan(db, args)
    recipe = _recipe(view, args.recipe)
    try:
        run = record_production(
            db, view.event.id, recipe, args.batches, args.note or "", over=args.over
        )
    except Exception as exc:
        if getattr(exc, "message", "").endswith("confirm to record the extra batches"):
            raise UserError(f"{exc}: add --over") from exc
        raise
    print(
        f"Recorded {run.batches} baked batch{'es' if run.batches != 1 else ''} of {run.recipe_name}"
    )
    return 0


def _cmd_amend(db: Database, args: argparse.Namespace) -> int:
    from src.services.plan import amendments

    view = _plan(db, args)
    eid = view.event.id
    if args.preview:
        from src.reports.amendment_text import preview_text

        print(preview_text(_preview(db, view, args), hint="add --batches RECIPE=N"))
        return 0
    if args.kind == "batches":
        row = amendments.amend_batches(db, eid, _recipe(view, args.recipe), args.n, args.reason)
    else:
        good = _good(view, args.good)
        counts = _batch_counts(view, args.batches)
        if args.kind == "add":
            row = amendments.amend_add_good(db, eid, good, args.n, args.reason, counts)
        elif args.kind == "quantity":
            row = amendments.amend_quantity(db, eid, good, args.n, args.reason, counts)
        else:
            row = amendments.amend_drop_good(db, eid, good, args.reason, counts)
    after = _plan(db, args)
    short = [
        r.recipe_name
        for r in after.batches
        if r.progress.batches < r.batches_needed and r.recipe_name not in after.undecided
    ]
    note = ""
    if short:
        note += f"; short now: {_listed(short)} (amend their batches)"
    if after.undecided:
        note += f"; no batch decision: {_listed(after.undecided)}"
    print(f"Amended {view.event.name}: {row.summary}{note}")
    return 0


def _preview(db: Database, view: PlanView, args: argparse.Namespace) -> AmendmentPreview:
    from src.services.plan.amendments import preview_amendment

    kind = {"batches": "modify_batch", "add": "add_fg", "quantity": "modify_fg"}.get(
        args.kind, "drop_fg"
    )
    if args.kind == "batches":
        return preview_amendment(
            db, view.event.id, kind, recipe_id=_recipe(view, args.recipe), batches=args.n
        )
    return preview_amendment(
        db,
        view.event.id,
        kind,
        good_id=_good(view, args.good),
        quantity=getattr(args, "n", None),
        batch_counts=_batch_counts(view, args.batches),
    )


def _event_parser(
    sub: argparse._SubParsersAction, name: str, help_text: str
) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, help=help_text)
    add_event_arguments(parser)
    add_db_option(parser)
    return parser


def _amend_parsers(sub: argparse._SubParsersAction) -> None:
    amend = _event_parser(sub, "amend", "amend a plan in production (with a reason)")
    kinds = amend.add_subparsers(dest="kind", metavar="KIND", required=True)
    batches = kinds.add_parser("batches", help="MODIFY_BATCH: RECIPE N")
    batches.add_argument("recipe", metavar="RECIPE")
    batches.add_argument("n", metavar="N")
    for kind, help_text in (
        ("add", "ADD_FG: GOOD N"),
        ("quantity", "MODIFY_FG: GOOD N"),
        ("drop", "DROP_FG: GOOD"),
    ):
        parser = kinds.add_parser(kind, help=help_text)
        parser.add_argument("good", metavar="GOOD")
        if kind != "drop":
            parser.add_argument("n", metavar="N")
        parser.add_argument(
            "--batches",
            action="append",
            metavar="RECIPE=N",
            help="new batches of an affected recipe, in the same amendment",
        )
    for parser in (batches, *(kinds.choices[k] for k in ("add", "quantity", "drop"))):
        parser.add_argument("--reason", default=None, help="why the plan changes (required)")
        parser.add_argument(
            "--preview",
            action="store_true",
            help="show what the amendment would do; change nothing",
        )
        add_db_option(parser)


def register(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    """Add the editing commands to ``sub``; return their handlers by name."""
    new = sub.add_parser("new-event", help="create a draft event")
    new.add_argument("name", metavar="NAME")
    new.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    new.add_argument("--attendees", default=None, metavar="N")
    new.add_argument("--notes", default="", metavar="TEXT")
    add_db_option(new)
    for name, text in (("select", "select recipes"), ("deselect", "deselect recipes")):
        _event_parser(sub, name, text).add_argument("recipes", nargs="+", metavar="RECIPE")
    quantity = _event_parser(sub, "quantity", "set a line's quantity (0 removes it)")
    quantity.add_argument("good", metavar="GOOD")
    quantity.add_argument("quantity", metavar="N")
    decide = _event_parser(sub, "decide", "record a batch decision")
    decide.add_argument("recipe", metavar="RECIPE")
    decide.add_argument("batches", metavar="BATCHES")
    decide.add_argument("--yield-type", default=None, metavar="UNIT")
    for name in _TRANSITIONS:
        _event_parser(sub, name, f"{name} the plan")
    record = _event_parser(sub, "record", "record batches baked")
    record.add_argument("recipe", metavar="RECIPE")
    record.add_argument("batches", metavar="BATCHES")
    record.add_argument("--note", default="", metavar="TEXT")
    record.add_argument("--over", action="store_true", help="confirm baking beyond the decision")
    _amend_parsers(sub)
    handlers: dict[str, Handler] = {
        "new-event": _cmd_new_event,
        "select": _cmd_select,
        "deselect": _cmd_select,
        "quantity": _cmd_quantity,
        "decide": _cmd_decide,
        "record": _cmd_record,
        "amend": _cmd_amend,
    }
    handlers.update({name: _cmd_transition for name in _TRANSITIONS})
    return handlers
