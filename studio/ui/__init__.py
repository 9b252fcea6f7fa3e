"""Widgets, item models, windows and theme."""
