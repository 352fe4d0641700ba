"""The Whoosh index: one document per article version with text."""
