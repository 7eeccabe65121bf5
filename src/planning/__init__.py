"""Pure planning math for Bake Planner.

Decomposition of finished goods, batch options, unit conversion, ingredient
aggregation, the shopping gap, assembly feasibility and progress. Everything
here takes and returns plain frozen dataclasses and builtins: no SQLAlchemy,
no I/O. The only third-party dependency is ``pint``, imported lazily by
:mod:`src.planning.units` the first time a conversion is needed.

Import the submodules directly (``from src.planning.batches import
batch_options``); this package deliberately imports nothing so that start-up
stays fast.
"""
