"""Versioned law read from real sources into one model, stored in SQLite."""
