"""Planning aids from the terminal: optimise, pantry-check, clone, suggest,
leftovers, per-guest."""

from __future__ import annotations

import argparse
import json

from src.db import Database

from .common import Handler, UserError, add_db_option, add_event_arguments, event_id


def _number(value: object) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def optimise_json(proposal) -> dict:
    """The ``optimise --json`` document (EXCHANGE.md, version 2 additions)."""
    return {
        "objective": proposal.objective,
        "decisions": [
            {
                "recipe": r.recipe_name,
                "batches": r.proposed,
                "split": {u.unit_name: u.items for u in r.split},
            }
            for r in proposal.recipes
        ],
        "meets_all_lines": proposal.meets_all_lines,
        "cost": None if proposal.proposed.cost is None else str(proposal.proposed.cost),
        "extras": {u.unit_name: u.items for u in proposal.extras},
    }


def _cmd_optimise(db: Database, args: argparse.Namespace) -> int:
    from src.services.aids.optimiser import apply_optimisation, optimise_batches
    from src.services.plan.events import get_event

    chosen = event_id(db, args)
    run = apply_optimisation if args.apply else optimise_batches
    proposal = run(db, chosen, margin=args.margin, prefer_pantry=args.prefer_pantry)
    if args.json:
        print(json.dumps(optimise_json(proposal), indent=2, ensure_ascii=False))
        return 0
    event = get_event(db, chosen)
    goal = "lowest cost" if proposal.objective == "cost" else "fewest extra items, then batches"
    print(f"Batch proposal — {event.name} ({event.event_date.isoformat()}), "
          f"margin {proposal.margin_percent} %, {goal}")
    width = max(len(r.recipe_name) for r in proposal.recipes)
    print(f"  {'recipe':<{width}}  {'now':>4}  {'new':>4}  split")
    for r in proposal.recipes:
        now = "—" if r.current is None else str(r.current)
        split = ", ".join(f"{u.unit_name} {u.items}" for u in r.split)
        mark = "  (pinned)" if r.pinned else ("  *" if r.changed else "")
        print(f"  {r.recipe_name:<{width}}  {now:>4}  {r.proposed:>4}  {split}{mark}")
    new, old = proposal.proposed, proposal.current
    if old is None:
        print(f"Extras: {new.extras} items; batches: {new.batches} "
              "(some recipes are undecided now)")
    else:
        print(f"Extras: {old.extras} → {new.extras} items; batches: {old.batches} → {new.batches}")
    if new.cost is not None:
        print(f"Cost: {'—' if old is None or old.cost is None else old.cost} → {new.cost}")
    for s in proposal.shopping:
        print(f"Shopping: {s.ingredient_name} {s.current} → {s.proposed} {s.unit}")
    for problem in proposal.problems:
        print(f"Cannot meet: {problem}")
    if proposal.meets_all_lines:
        print("Every line is met with the margin.")
    if args.apply:
        count = proposal.changes
        print(f"Applied: {count} decision{'s' if count != 1 else ''} changed.")
    elif proposal.changes:
        print("Nothing changed yet; add --apply to save this proposal.")
    return 0


def _cmd_pantry_check(db: Database, args: argparse.Namespace) -> int:
    from src.services.aids.leftovers import event_leftovers
    from src.services.aids.pantry_check import pantry_check

    chosen = event_id(db, args)
    lines = {r.good_name.casefold(): r.good_id for r in event_leftovers(db, chosen)}
    priority = []
    for name in args.first or ():
        if name.strip().casefold() not in lines:
            raise UserError(f'"{name}" is not a line of this event')
        priority.append(lines[name.strip().casefold()])
    check = pantry_check(db, chosen, priority=priority, margin=args.margin)
    if check.covered:
        print("From the pantry alone you can make: " + ", ".join(check.covered))
        for name, batches in check.batches:
            print(f"  {name}: {batches} batch{'es' if batches != 1 else ''}")
    else:
        print("The pantry alone covers none of the lines.")
    if check.not_covered:
        print("Not covered: " + ", ".join(check.not_covered))
        print("To make every line, buy:")
        for m in check.missing:
            print(f"  {m.ingredient_name}: {m.proposed} {m.unit}")
    return 0


def _cmd_clone(db: Database, args: argparse.Namespace) -> int:
    from src.services.aids.cloning import clone_event
    from src.services.plan.events import find_event

    source = find_event(db, args.event, args.from_date)
    result = clone_event(
        db, source.id, args.name, args.date, attendees=args.attendees, scale=args.scale,
        use_leftovers=not args.ignore_leftovers,
    )
    e = result.event
    print(f"Created {e.name} ({e.event_date.isoformat()}) from {result.source.name}: "
          f"{len(result.lines)} line{'s' if len(result.lines) != 1 else ''}, "
          f"{result.decisions} decision{'s' if result.decisions != 1 else ''}")
    for note in result.notes:
        print(f"  {note[0].upper()}{note[1:]}")
    if result.stale_recipes:
        print("  Stale decisions (no longer fit the quantities): "
              + ", ".join(result.stale_recipes))
        print(f'  New counts for them: optimise "{e.name}" --date {e.event_date.isoformat()}')
    return 0


def _cmd_suggest(db: Database, args: argparse.Namespace) -> int:
    from src.services.aids.suggestions import apply_suggestions, suggest_quantities

    chosen = event_id(db, args)
    preview = (apply_suggestions if args.apply else suggest_quantities)(db, chosen)
    if not preview.rows:
        raise UserError(
            "No finished good of this event has a per-guest rate; set one in the catalog first"
        )
    print(f"Suggested for {preview.attendees} guests:")
    width = max(len(r.good_name) for r in preview.rows)
    rate_width = max(len(str(r.per_guest)) for r in preview.rows)
    for r in preview.rows:
        now = "—" if r.current is None else _number(r.current)
        print(f"  {r.good_name:<{width}}  {str(r.per_guest):>{rate_width}} per guest  "
              f"now {now:>6}  suggested {_number(r.suggested)}")
    for name in preview.not_available:
        print(f"  ({name} has a rate but its recipes are not selected)")
    if args.apply:
        print("Applied: every suggested quantity is set.")
    return 0


def _cmd_leftovers(db: Database, args: argparse.Namespace) -> int:
    from src.services.aids.leftovers import event_leftovers, record_leftovers

    chosen = event_id(db, args)
    rows = event_leftovers(db, chosen)
    by_name = {r.good_name.casefold(): r for r in rows}
    values: dict[int, object] = {}
    for pair in args.counts:
        name, sep, count = pair.rpartition("=")
        row = by_name.get(name.strip().casefold())
        if not sep or row is None:
            lines = ", ".join(r.good_name for r in rows) or "none"
            raise UserError(f'"{pair}": give GOOD=N for a line of this event ({lines})')
        values[row.good_id] = count
    if values:
        rows = record_leftovers(db, chosen, values)
    for r in rows:
        left = "—" if r.leftover is None else str(r.leftover)
        print(f"  {r.good_name}: {left} of {r.quantity} left over")
    return 0


def _cmd_per_guest(db: Database, args: argparse.Namespace) -> int:
    from src.services.aids.suggestions import set_per_guest
    from src.services.catalog.goods import list_finished_goods

    good = next((g for g in list_finished_goods(db)
                 if g.name.casefold() == args.good.strip().casefold()), None)
    if good is None:
        raise UserError(f'No finished good named "{args.good}"')
    rate = set_per_guest(db, good.id, args.rate)
    print(f"{good.name}: " + ("no per-guest rate" if rate is None else f"{rate} per guest"))
    return 0


def register(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    opt = sub.add_parser("optimise", help="propose batches for every recipe (and --apply them)")
    add_event_arguments(opt)
    opt.add_argument("--margin", default="5", metavar="PERCENT",
                     help="safety margin on every line, in percent (default 5)")
    opt.add_argument("--prefer-pantry", action="store_true",
                     help="first buy as few different ingredients as possible")
    opt.add_argument("--apply", action="store_true", help="save the proposal as the decisions")
    opt.add_argument("--json", action="store_true", help="print the proposal as JSON")
    add_db_option(opt)
    pantry = sub.add_parser("pantry-check", help="what the pantry alone can make for an event")
    add_event_arguments(pantry)
    pantry.add_argument("--margin", default="0", metavar="PERCENT",
                        help="safety margin on every line, in percent (default 0)")
    pantry.add_argument("--first", action="append", metavar="GOOD",
                        help="a line to make before the others (repeat, most wanted first)")
    add_db_option(pantry)
    clone = sub.add_parser("clone", help="start a new event from an earlier one")
    clone.add_argument("event", metavar="EVENT", help="the earlier event's name")
    clone.add_argument("--from-date", metavar="YYYY-MM-DD", default=None,
                       help="the earlier event's date, to choose among same-named events")
    clone.add_argument("--name", required=True, help="the new event's name")
    clone.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="the new event's date")
    clone.add_argument("--attendees", default=None, help="the new event's expected attendees")
    clone.add_argument("--scale", action="store_true",
                       help="scale quantities by new / old attendees (rounded up)")
    clone.add_argument("--ignore-leftovers", action="store_true",
                       help="copy quantities as planned, not as used")
    add_db_option(clone)
    suggest = sub.add_parser("suggest", help="quantities from attendees × per-guest rates")
    add_event_arguments(suggest)
    suggest.add_argument("--apply", action="store_true", help="set every suggested quantity")
    add_db_option(suggest)
    left = sub.add_parser("leftovers", help="show or record what was left over of each line")
    add_event_arguments(left)
    left.add_argument("counts", nargs="*", metavar="GOOD=N",
                      help='e.g. "Brownie square=30"; N empty clears it')
    add_db_option(left)
    rate = sub.add_parser("per-guest", help="set how many of a finished good one guest takes")
    rate.add_argument("good", metavar="GOOD")
    rate.add_argument("rate", metavar="RATE", help='e.g. 3 or 0.1; "" clears it')
    add_db_option(rate)
    return {
        "leftovers": _cmd_leftovers,
        "per-guest": _cmd_per_guest,
        "optimise": _cmd_optimise,
        "pantry-check": _cmd_pantry_check,
        "clone": _cmd_clone,
        "suggest": _cmd_suggest,
    }
