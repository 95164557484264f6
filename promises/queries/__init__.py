"""Answers to analysts' questions: list, trace, status, Cypher and SPARQL."""
