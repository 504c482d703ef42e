"""Search, offline bundle, print and translation age (issue 8)."""
