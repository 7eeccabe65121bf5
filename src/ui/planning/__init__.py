"""The planning tab: events, plan header, recipes, goods, batches, shopping, production."""
