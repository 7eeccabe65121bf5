"""Bake days: the bakery's ovens and hours, each recipe's timing, and the schedule
worked back from an event's date."""
