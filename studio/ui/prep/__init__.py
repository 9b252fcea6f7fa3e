"""The prep seat's widgets (and its wiring)."""
