"""The search layer: the query pipeline (search.pipeline), its retrieval engine (search.engine), and the
service that holds the open index and the store (search.service)."""
