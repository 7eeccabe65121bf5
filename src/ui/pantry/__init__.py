"""The Pantry tab: what is on hand of each ingredient."""
