"""Buying commands: the currency symbol, and an ingredient's purchase packs."""

from __future__ import annotations

import argparse

from src.db import Database

from .common import Handler, UserError, add_db_option


def _ingredient_id(db: Database, name: str) -> int:
    from src.services.catalog import list_ingredients

    wanted = " ".join(name.split()).casefold()
    for item in list_ingredients(db):
        if item.name.casefold() == wanted:
            return item.id
    raise UserError(f'no ingredient named "{name}"')


def _cmd_currency(db: Database, args: argparse.Namespace) -> int:
    from src.services.settings import get_currency_symbol, set_currency_symbol

    if args.symbol is None:
        print(get_currency_symbol(db))
    else:
        print(f"Costs are now shown in {set_currency_symbol(db, args.symbol)}")
    return 0


def _cmd_packs(db: Database, args: argparse.Namespace) -> int:
    from src.services.catalog.packs import list_packs
    from src.services.settings import get_currency_symbol

    currency = get_currency_symbol(db)
    packs = list_packs(db, _ingredient_id(db, args.ingredient))
    if not packs:
        print(f"{args.ingredient}: no packs")
    for p in packs:
        store = f" at {p.store}" if p.store else ""
        mark = " (preferred)" if p.preferred else ""
        print(f"{p.label}: {p.size_text}, {p.price_text(currency)}{store}{mark}")
    return 0


def _cmd_add_pack(db: Database, args: argparse.Namespace) -> int:
    from src.services.catalog.packs import create_pack

    pack = create_pack(db, _ingredient_id(db, args.ingredient), args.label, args.quantity,
                       args.unit, price=args.price, store=args.store, preferred=args.preferred)
    print(f'Added the pack "{pack.label}" ({pack.size_text}) to {args.ingredient}')
    return 0


def register(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    """Add this module's commands to ``sub``; return their handlers by name."""
    currency = sub.add_parser("currency", help="show or set the currency symbol of costs")
    currency.add_argument("symbol", metavar="SYMBOL", nargs="?", default=None)
    add_db_option(currency)
    packs = sub.add_parser("packs", help="list an ingredient's purchase packs")
    packs.add_argument("ingredient", metavar="INGREDIENT")
    add_db_option(packs)
    add = sub.add_parser("add-pack", help="add a purchase pack to an ingredient")
    add.add_argument("ingredient", metavar="INGREDIENT")
    add.add_argument("label", metavar="LABEL", help='e.g. "5 lb bag"')
    add.add_argument("quantity", metavar="QUANTITY")
    add.add_argument("unit", metavar="UNIT")
    add.add_argument("--price", default=None)
    add.add_argument("--store", default=None)
    add.add_argument("--preferred", action="store_true")
    add_db_option(add)
    return {"currency": _cmd_currency, "packs": _cmd_packs, "add-pack": _cmd_add_pack}
