"""The reports seat's widgets (and its wiring)."""
