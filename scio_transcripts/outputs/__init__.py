"""The outputs of the package: models in, text out; never lark.

Each module here takes briefings (``scio_transcripts.models``) and gives text or files: ``render``
the canonical SCIO text, ``json`` and ``schema`` the JSON and its schema, ``tables`` CSV, JSON Lines
and pandas, ``tei`` TEI XML, ``convokit`` a ConvoKit corpus, and ``files`` what they share on disk.
None of them imports the parser. This file imports nothing, so that loading one output loads no
other: ``scio_transcripts`` loads them lazily, on first use.
"""
