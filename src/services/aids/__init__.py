"""Planning aids: quantities suggested from the headcount, an event cloned from last
year's, leftovers, the batch optimiser and what the pantry alone can make."""
