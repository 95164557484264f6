"""Ingest: read minutes, clean and segment them, extract meetings and commitments, plan graph changes."""
