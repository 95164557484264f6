"""Ingest: read files, clean, segment, extract commitments and resolve who made them.

Ingest depends on `promises.graph` (it produces graph changes) and never the other way round.
"""
