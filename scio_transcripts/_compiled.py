"""Parse tables compiled ahead of time and shipped as JSON beside the grammar, for a fast start.

Building the LALR tables from a grammar takes longer than importing Lark itself. The tables of the
shipped grammars are therefore stored as plain JSON (never pickle: loading data must not be able to
run code) next to their ``.lark`` file, together with the text of the shipped grammars and the Lark
version they were built from; when either differs, the tables are ignored and the grammar is
compiled as usual.
Regenerate them with ``python -m scio_transcripts._compiled`` (``make tables``).
"""

from __future__ import annotations

import json
from typing import Any

import lark
from lark import Lark
from lark.grammar import Rule
from lark.lexer import Lexer, TerminalDef

# Options that hold Python objects rather than data; the loader supplies them again.
_OBJECT_OPTIONS = frozenset(
    {"lexer", "transformer", "import_paths", "source_path", "postlex", "tree_class", "lexer_callbacks", "_plugins",
     "edit_terminals"}
)  # fmt: skip


def tables_name(grammar_file: str) -> str:
    """The file of compiled tables that belongs to a grammar file."""
    return grammar_file.removesuffix(".lark") + ".tables.json"


def dump_tables(parser: Lark, grammar_text: str) -> str:
    """The LALR tables of ``parser`` as JSON, stamped with the grammar text and the Lark version."""
    data, memo = parser.memo_serialize([TerminalDef, Rule])
    data["options"] = {name: value for name, value in data["options"].items() if name not in _OBJECT_OPTIONS}
    data["parser"]["lexer_conf"]["lexer_type"] = None
    stamped = {"lark_version": lark.__version__, "grammar": grammar_text, "data": data, "memo": memo}
    return json.dumps(_keep_int_keys(stamped), ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def load_tables(document: str, grammar_text: str, *, lexer: type[Lexer]) -> Lark | None:
    """A parser from compiled tables, or None when they were built from another grammar or Lark."""
    stamped = json.loads(document, object_hook=_restore_int_keys)
    if stamped.get("lark_version") != lark.__version__ or stamped.get("grammar") != grammar_text:
        return None
    data = stamped["data"]
    data["options"]["lexer"] = lexer
    data["parser"]["lexer_conf"]["lexer_type"] = lexer
    parser: Lark = Lark.__new__(Lark)
    parser._load({"data": data, "memo": stamped["memo"]})
    return parser


# JSON object keys are strings; Lark's tables key states and memo entries by int.
_INT_KEYED = "__int_keyed__"


def _keep_int_keys(value: Any) -> Any:
    if isinstance(value, dict):
        if value and all(isinstance(key, int) for key in value):
            return {_INT_KEYED: [[key, _keep_int_keys(item)] for key, item in sorted(value.items())]}
        return {key: _keep_int_keys(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_keep_int_keys(item) for item in value]
    return value


def _restore_int_keys(value: dict[str, Any]) -> Any:
    if len(value) == 1 and _INT_KEYED in value:
        return dict(value[_INT_KEYED])
    return value


def main() -> None:
    """Rewrite the compiled tables of every shipped grammar."""
    from importlib import resources

    from ._grammar import GRAMMAR_FOLDER, GRAMMAR_PACKAGE, compile_grammar, shipped_grammars_text

    folder = resources.files(GRAMMAR_PACKAGE).joinpath(GRAMMAR_FOLDER)
    stamp = shipped_grammars_text()
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".lark"):
            target = folder.joinpath(tables_name(entry.name))
            target.write_text(dump_tables(compile_grammar(entry.name), stamp) + "\n", encoding="utf-8")  # type: ignore[attr-defined]
            print(f"wrote {target}")


if __name__ == "__main__":
    main()
