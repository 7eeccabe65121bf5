"""Bake Planner: plan baking events, from recipes to shopping list to production."""
