"""Hostile inputs: the corpus generator and its tests, and strategies shared by property tests."""
