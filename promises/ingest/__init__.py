"""Ingest: read, clean and segment minutes, then extract meetings and commitments."""
