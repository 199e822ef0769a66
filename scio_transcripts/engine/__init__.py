"""The engine: text → parts. With ``dialects``, the only room that imports Lark.

``source`` cuts the text into stripped lines with their positions; ``lexer`` turns each line (or the
part of it before a label's colon) into one token, choosing among the terminals the parser accepts
in its state; ``driver`` runs the LALR loop over the tables that ``grammar`` compiles (or ``tables``
loads, compiled ahead of time) and calls the transformer of ``parts``, which makes the typed parts
the next room, ``resolve``, works on. ``symbols`` is everything known about a terminal, in one table;
``lines`` holds the judgements on a line that the grammar cannot make (the lexer's vetoes).
"""
