"""Value created: pure calculations (discounting, cost of inaction, SROI, LM3, flows, financing)."""
