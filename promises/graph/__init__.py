"""The graph: model, ids, store backends and cross-meeting linking.

Nothing here imports `promises.ingest`; ingest produces graph changes, the graph stores them.
"""
