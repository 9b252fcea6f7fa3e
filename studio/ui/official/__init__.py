"""The official seat's widgets (and its wiring)."""
