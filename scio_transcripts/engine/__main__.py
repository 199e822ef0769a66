"""``python -m scio_transcripts.engine`` (``make tables``): rewrite the shipped grammars' compiled tables."""

from .grammar import write_shipped_tables

write_shipped_tables()
