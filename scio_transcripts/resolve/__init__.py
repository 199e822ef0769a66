"""Resolution: parts → Briefing. It reads the engine's parts and never the text's grammar.

One module per step, in the order ``assemble`` runs them: ``front`` (title, dateline, the one rule
for the date), ``people`` (the header's lists, merged into speakers and chair), ``turns`` (labels to
people and roles), ``closing`` (credits, related briefings). A dialect then finishes the briefing,
and ``plausible`` judges it: the signs that the parse is probably wrong become diagnostics.
"""
