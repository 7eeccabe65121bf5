"""The shapes of the exchange document (docs/EXCHANGE.md, versions 1 and 2) as pydantic models.

Pydantic checks shapes and single values; every message is written for the
user and ``exchange_problems`` turns pydantic's errors into the document's
location style (``recipes[3].ingredients[1].unit: unknown unit "cupz"``).
Cross references (names, cycles, plan rules) are checked afterwards by
``exchange_import``. Unknown keys are ignored so that a document from a later
version that only added optional fields still reads.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from src.models import AmendmentType, OutputMode, PlanState
from src.models.types import DENSITY_DIGITS, QUANTITY_DIGITS, RATE_DIGITS, SHARE_DIGITS, Digits
from src.planning.types import YIELD_MODES
from src.planning.units import UnitError, normalize_unit

from ..validation import normalise_name
from .bake_days import BakeryDoc, FirstBakeDay, TimingDoc
from .json_data import _data_object, _json_object

FORMAT = "bake-planner"
VERSION = 2  # 2: optional bake-day fields (exchange_bake_days), display units and
#   purchase packs (exchange_packs), per-guest rates, leftovers, pins, amendment details
PACK_TEXT_MAX = 100
NAME_MAX = 200
CATEGORY_MAX = 100
COUNT_MAX = 10**9
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _fail(message: str) -> PydanticCustomError:
    # Braces would be read as template fields by pydantic-core.
    return PydanticCustomError("bake", message.replace("{", "(").replace("}", ")"))


def shown_value(value: object) -> str:
    """``value`` quoted for a message, at most 40 characters (a list or object by kind)."""
    if isinstance(value, str):
        text = value
    elif isinstance(value, (list, dict)):
        # repr of a deeply nested container can exhaust the stack; its kind is enough.
        text = "a list" if isinstance(value, list) else "an object"
        return text
    else:
        text = repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return f'"{text}"'


def _text(value: object, *, max_len: int, required: bool) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise _fail("must be text")
    text = value.strip()
    if required and not text:
        raise _fail("must not be empty")
    if len(text) > max_len:
        raise _fail(f"must be at most {max_len} characters (it has {len(text)})")
    return text


def _name(value: object) -> str:
    if isinstance(value, str):
        try:
            value = normalise_name(value)  # the same rule as the window's and the CLI's
        except ValueError as exc:
            raise _fail(str(exc)) from None
    return _text(value, max_len=NAME_MAX, required=True)


def _category(value: object) -> str:
    return _text(value, max_len=CATEGORY_MAX, required=False)


def _notes(value: object) -> str:
    return _text(value, max_len=100_000, required=False)


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise _fail("must be a whole number ≥ 1")
    if value > COUNT_MAX:
        raise _fail(f"is too large (at most {COUNT_MAX:,})")
    return value


def _optional_count(value: object) -> int | None:
    return None if value is None else _count(value)


def _decimal(value: object, *, digits: Digits, minimum: str) -> Decimal:
    """A decimal from a JSON string or number that the database keeps exactly
    (``digits``: the column's limits, the same rule as the window's and the CLI's);
    ``minimum`` is "positive" or "zero"."""
    if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
        raise _fail('must be a number, e.g. "2.5"')
    if isinstance(value, float) and not math.isfinite(value):
        raise _fail("must be a finite number")
    if isinstance(value, int) and abs(value) >= digits.bound:
        raise _fail(digits.problem(Decimal(digits.bound)) or "is too large")
    try:
        number = Decimal(str(value).strip()) if not isinstance(value, Decimal) else value
    except InvalidOperation:
        raise _fail(f"{shown_value(value)} is not a number") from None
    if not number.is_finite():
        raise _fail("must be a finite number")
    if number < 0 or (number == 0 and minimum == "positive"):
        raise _fail("must be more than zero" if minimum == "positive" else "must not be negative")
    problem = digits.problem(number)
    if problem is not None:
        raise _fail(f"{problem}, not {shown_value(value)}")
    return number


def _quantity(value: object) -> Decimal:
    return _decimal(value, digits=QUANTITY_DIGITS, minimum="positive")


def _stock(value: object) -> Decimal:
    return _decimal(value, digits=QUANTITY_DIGITS, minimum="zero")


def _density(value: object) -> Decimal | None:
    return None if value is None else _decimal(value, digits=DENSITY_DIGITS, minimum="positive")


def _percentage(value: object) -> Decimal:
    # Decimals as the column keeps them; the size limit is the 100 % below.
    digits = Digits(QUANTITY_DIGITS.precision, SHARE_DIGITS.scale)
    number = _decimal(value, digits=digits, minimum="positive")
    if number > 100:
        raise _fail("must be more than 0 and at most 100")
    return number


def _unit(value: object) -> str:
    if not isinstance(value, str):
        raise _fail("must be text")
    try:
        return normalize_unit(value)
    except UnitError as exc:
        raise _fail(str(exc)) from None


def _optional_unit(value: object) -> str | None:
    return None if value is None else _unit(value)


def _choice(value: object, allowed: tuple[str, ...], what: str) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise _fail(f"{shown_value(value)} is not {what} ({', '.join(allowed)})")
    return value


def _date(value: object) -> date:
    if isinstance(value, str) and _DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _fail(f"{shown_value(value)} is not a date")


def _timestamp(value: object) -> datetime:
    """An ISO date-time; stored as naive UTC (how the application keeps time)."""
    if isinstance(value, str) and "T" in value and len(value) <= 40:
        text = value[:-1] + "+00:00" if value.endswith("Z") else value
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            moment = None
        if moment is not None:
            if moment.tzinfo is not None:
                moment = moment.astimezone(UTC).replace(tzinfo=None)
            return moment
    raise _fail(f'{shown_value(value)} is not a date and time (e.g. "2026-12-18T10:00:00Z")')


Name = Annotated[str, BeforeValidator(_name)]
Category = Annotated[str, BeforeValidator(_category)]
Notes = Annotated[str, BeforeValidator(_notes)]
Count = Annotated[int, BeforeValidator(_count)]
OptionalCount = Annotated[int | None, BeforeValidator(_optional_count)]
Quantity = Annotated[Decimal, BeforeValidator(_quantity)]
Stock = Annotated[Decimal, BeforeValidator(_stock)]
Density = Annotated[Decimal | None, BeforeValidator(_density)]
Percentage = Annotated[Decimal, BeforeValidator(_percentage)]
Unit = Annotated[str, BeforeValidator(_unit)]
OptionalUnit = Annotated[str | None, BeforeValidator(_optional_unit)]
Day = Annotated[date, BeforeValidator(_date)]
Moment = Annotated[datetime, BeforeValidator(_timestamp)]
YieldModeText = Annotated[
    str, BeforeValidator(lambda v: _choice(v, YIELD_MODES, "a yield mode"))
]
PlanStateText = Annotated[
    str, BeforeValidator(lambda v: _choice(v, tuple(s.value for s in PlanState), "a plan state"))
]
OutputModeText = Annotated[
    str, BeforeValidator(lambda v: _choice(v, tuple(m.value for m in OutputMode), "an output mode"))
]
_AMENDMENT_TYPES = tuple(t.value for t in AmendmentType)
AmendmentTypeText = Annotated[
    str, BeforeValidator(lambda v: _choice(v, _AMENDMENT_TYPES, "an amendment type"))
]
JsonObject = Annotated[dict[str, Any] | None, BeforeValidator(_json_object)]
DataObject = Annotated[dict[str, Any], BeforeValidator(_data_object)]


class _Doc(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


def _pack_text(value: object) -> str:
    return _text(value, max_len=PACK_TEXT_MAX, required=True)


def _optional_pack_text(value: object) -> str | None:
    return _text(value, max_len=PACK_TEXT_MAX, required=False) or None


def _price(value: object) -> Decimal | None:
    return None if value is None else _stock(value)


class PackDoc(_Doc):
    """Version 2: a purchase pack of an ingredient."""

    label: Annotated[str, BeforeValidator(_pack_text)]
    quantity: Quantity
    unit: Unit
    price: Annotated[Decimal | None, BeforeValidator(_price)] = None
    store: Annotated[str | None, BeforeValidator(_optional_pack_text)] = None
    preferred: bool = False


class IngredientDoc(_Doc):
    name: Name
    category: Category = ""
    density_g_per_ml: Density = None
    preferred_unit: OptionalUnit = None  # version 1's name for display_unit
    display_unit: OptionalUnit = None  # version 2
    packs: list[PackDoc] | None = None  # version 2; None (absent) keeps existing packs


class LineDoc(_Doc):
    ingredient: Name
    quantity: Quantity
    unit: Unit


class YieldDoc(_Doc):
    name: Name
    mode: YieldModeText
    items_per_batch: OptionalCount = None
    batch_percentage: Annotated[Decimal | None, BeforeValidator(
        lambda v: None if v is None else _percentage(v)
    )] = None


class RecipeDoc(_Doc):
    name: Name
    base: Annotated[str | None, BeforeValidator(lambda v: None if v is None else _name(v))] = None
    category: Category = ""
    notes: Notes = ""
    ingredients: list[LineDoc] = Field(default_factory=list)
    yields: list[YieldDoc] = Field(default_factory=list)
    timing: TimingDoc | None = None


class ComponentDoc(_Doc):
    unit: Annotated[str | None, BeforeValidator(lambda v: None if v is None else _name(v))] = None
    good: Annotated[str | None, BeforeValidator(lambda v: None if v is None else _name(v))] = None
    quantity: Count


def _optional_leftover(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _fail("must be a whole number ≥ 0")
    return _count(value) if value else 0


def _pinned(value: object) -> bool:
    if not isinstance(value, bool):
        raise _fail("must be true or false")
    return value


class GoodDoc(_Doc):
    name: Name
    notes: Notes = ""
    components: list[ComponentDoc] = Field(default_factory=list)
    # Version 2 (optional): how many one guest takes, e.g. "3" or "0.1".
    per_guest: Annotated[Decimal | None, BeforeValidator(
        lambda v: None if v is None else _decimal(v, digits=RATE_DIGITS, minimum="positive")
    )] = None


class PantryDoc(_Doc):
    ingredient: Name
    quantity: Stock
    unit: Unit


class EventLineDoc(_Doc):
    good: Name
    quantity: Count
    leftover: Annotated[int | None, BeforeValidator(_optional_leftover)] = None  # version 2


class DecisionDoc(_Doc):
    recipe: Name
    batches: Count
    yield_: Annotated[str | None, BeforeValidator(lambda v: None if v is None else _name(v))] = (
        Field(default=None, alias="yield")
    )
    pinned: Annotated[bool, BeforeValidator(_pinned)] = False  # version 2


class RunDoc(_Doc):
    recipe: Name
    batches: Count
    recorded_at: Moment
    notes: Notes = ""


class AmendmentDoc(_Doc):
    type: AmendmentTypeText
    reason: Name
    created_at: Moment
    data: DataObject


class EventDoc(_Doc):
    name: Name
    date: Day
    expected_attendees: OptionalCount = None
    notes: Notes = ""
    plan_state: PlanStateText = PlanState.DRAFT.value
    output_mode: OutputModeText = OutputMode.BUNDLED.value
    recipes: list[Name] = Field(default_factory=list)
    finished_goods: list[EventLineDoc] = Field(default_factory=list)
    batch_decisions: list[DecisionDoc] = Field(default_factory=list)
    production: list[RunDoc] = Field(default_factory=list)
    snapshot: JsonObject = None
    amendments: list[AmendmentDoc] = Field(default_factory=list)
    first_bake_day: FirstBakeDay = None


class DocumentDoc(_Doc):
    format: Literal["bake-planner"]
    version: int
    ingredients: list[IngredientDoc] = Field(default_factory=list)
    recipes: list[RecipeDoc] = Field(default_factory=list)
    finished_goods: list[GoodDoc] = Field(default_factory=list)
    pantry: list[PantryDoc] = Field(default_factory=list)
    events: list[EventDoc] = Field(default_factory=list)
    bakery: BakeryDoc | None = None
