"""The local control API (HTTP + WebSocket) served on the app's loop, for Stream Deck and scripts."""
