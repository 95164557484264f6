"""Queries: search, trace, Cypher and SPARQL runners, and the JSON contract."""
