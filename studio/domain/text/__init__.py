"""The text pipeline for live comments: normalise, mask, screen, classify, cluster, route."""
