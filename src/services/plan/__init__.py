"""An event's plan: events, selection, quantities, batch decisions, the state machine,
amendments, production, completion records, undo, the change watch, and the plan
view every panel shows (with its costs)."""
