"""French analysis shared by index and query, and the citation tokenizer."""
