"""Broadcast phones: ADB monitor, scrcpy launcher, simulated rig."""
