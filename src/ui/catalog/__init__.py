"""The Catalog tab: ingredients, recipes (with variants) and finished goods."""
