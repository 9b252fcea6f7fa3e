"""Live feed: capture adapters, recorder and replayer, simulator, ingest pipeline."""
