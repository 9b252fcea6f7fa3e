"""The rig seat's widgets (and its wiring)."""
