"""The referrals seat's widgets (and its wiring)."""
