"""production day: modify_fg amendments and plan completion records

Revision ID: 0002
Revises: 0006
"""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD = ("drop_fg", "add_fg", "modify_batch")
_NEW = (*_OLD, "modify_fg")


def _kind(values: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(
        *values,
        name="ck_plan_amendment_type",
        native_enum=False,
        create_constraint=True,
        length=12,
    )


def upgrade() -> None:
    # Every existing row is kept: the batch mode copies the table with the wider check.
    with op.batch_alter_table("plan_amendments", schema=None) as batch_op:
        batch_op.alter_column(
            "amendment_type", existing_type=_kind(_OLD), type_=_kind(_NEW), existing_nullable=False
        )
    op.create_table(
        "plan_completions",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("completion_data", sa.JSON(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_plan_completions_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_completions")),
        sa.UniqueConstraint("event_id", name=op.f("uq_plan_completions_event_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_plan_completions_uuid")),
    )
    _record_completed_plans(op.get_bind())


_SCALED = False  # set per run: SQLite keeps exact decimals as scaled integers (0003)


def _text(value: object, scale: int = 6) -> str | None:
    """A stored decimal as the record writes it ("2.75", "50"); on SQLite the
    column holds the value times 10**scale (revision 0003 came first)."""
    if value is None:
        return None
    number = Decimal(str(value))
    if _SCALED:
        number = number.scaleb(-scale)
    return str(number.quantize(Decimal(1)) if number == number.to_integral_value() else
               number.normalize())


def _record_completed_plans(conn: sa.Connection) -> None:
    """Plans completed before this revision get their completion record now (the
    same shape src/services/plan/completion.py writes), so their figures stay as
    they are from here on. Self-contained: plain SQL, no application code."""
    global _SCALED
    _SCALED = conn.dialect.name == "sqlite"
    done = [r[0] for r in conn.execute(sa.text(
        "SELECT id FROM events WHERE plan_state = 'completed'"))]
    if not done:
        return
    recipes = {r[0]: list(r) for r in conn.execute(sa.text(
        "SELECT id, name, coalesce(category, ''), base_recipe_id FROM recipes"))}
    units = [list(r) for r in conn.execute(sa.text(
        "SELECT id, recipe_id, name, yield_mode, items_per_batch, batch_percentage "
        "FROM finished_units ORDER BY id"))]
    comps: dict[int, list[list]] = {}
    for gid, qty, unit_id, child in conn.execute(sa.text(
            "SELECT finished_good_id, quantity, finished_unit_id, component_good_id "
            "FROM finished_good_components ORDER BY id")):
        comps.setdefault(gid, []).append([qty, unit_id, child])
    goods = dict(conn.execute(sa.text("SELECT id, name FROM finished_goods")).all())
    ingredients = {r[0]: list(r) for r in conn.execute(sa.text(
        "SELECT id, name, coalesce(category, ''), density_g_per_ml, preferred_unit "
        "FROM ingredients"))}
    lines = [list(r) for r in conn.execute(sa.text(
        "SELECT recipe_id, ingredient_id, quantity, unit FROM recipe_ingredients ORDER BY id"))]
    pantry = [list(r) for r in conn.execute(sa.text(
        "SELECT ingredient_id, quantity, unit FROM pantry_items ORDER BY id"))]
    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    for event_id in done:
        chosen = {r[0] for r in conn.execute(sa.text(
            "SELECT recipe_id FROM event_recipes WHERE event_id = :e UNION "
            "SELECT recipe_id FROM batch_decisions WHERE event_id = :e"), {"e": event_id})}
        with_bases: set[int] = set()
        for rid in chosen:
            while rid is not None and rid in recipes and rid not in with_bases:
                with_bases.add(rid)
                rid = recipes[rid][3]
        reached: set[int] = set()
        stack = [r[0] for r in conn.execute(sa.text(
            "SELECT finished_good_id FROM event_finished_goods WHERE event_id = :e"),
            {"e": event_id})]
        while stack:
            gid = stack.pop()
            if gid in reached or gid not in goods:
                continue
            reached.add(gid)
            stack.extend(c[2] for c in comps.get(gid, ()) if c[2] is not None)
        mine = [x for x in lines if x[0] in with_bases]
        used = {x[1] for x in mine}
        record = {
            "version": 1,
            "completed_at": now.isoformat() + "Z",
            "recipes": [recipes[r] for r in sorted(with_bases)],
            "units": [[u[0], u[1], u[2], u[3], u[4], _text(u[5], 4)] for u in units
                      if u[1] in with_bases],
            "goods": [[g, goods[g], comps.get(g, [])] for g in sorted(reached)],
            "ingredients": [[i[0], i[1], i[2], _text(i[3]), i[4]]
                            for i in (ingredients[k] for k in sorted(used))],
            "lines": [[x[0], x[1], _text(x[2]), x[3]] for x in sorted(mine, key=lambda x: x[0])],
            "pantry": [[p[0], _text(p[1]), p[2]] for p in pantry if p[0] in used],
        }
        conn.execute(_COMPLETIONS.insert().values(
            event_id=event_id, completion_data=record, uuid=str(uuid.uuid4()),
            created_at=now, updated_at=now))


_COMPLETIONS = sa.table(
    "plan_completions",
    sa.column("event_id", sa.Integer()),
    sa.column("completion_data", sa.JSON()),
    sa.column("uuid", sa.String()),
    sa.column("created_at", sa.DateTime()),
    sa.column("updated_at", sa.DateTime()),
)


def downgrade() -> None:
    op.drop_table("plan_completions")
    op.execute("DELETE FROM plan_amendments WHERE amendment_type = 'modify_fg'")
    with op.batch_alter_table("plan_amendments", schema=None) as batch_op:
        batch_op.alter_column(
            "amendment_type", existing_type=_kind(_NEW), type_=_kind(_OLD), existing_nullable=False
        )
