"""``python -m scio_transcripts``: the same command line as ``scio-transcripts``."""

from .cli import main

main()
