"""The desk seat's widgets (and its wiring)."""
