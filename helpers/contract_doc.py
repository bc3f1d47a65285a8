"""``docs/tables.md``, the data contract in words, written from :mod:`helpers.contract`.

``python -m helpers docs`` (also run by ``make nav``) writes it; ``write_tables_doc(check=True)``
says whether the file is stale, and a test fails when it is.
"""

from __future__ import annotations

from pathlib import Path

from .contract import (
    ANALYZE_TABLES,
    ARTICLE_COLUMN,
    CORPUS_ERRORS,
    DTYPES,
    OTHER_TABLES,
    TABLES,
    VIEWS,
    Table,
)

__all__ = ["TABLES_DOC", "table_markdown", "tables_markdown", "write_tables_doc"]

#: The document written from the contract.
TABLES_DOC = Path(__file__).resolve().parent.parent / "docs" / "tables.md"


def table_markdown(table: Table) -> list[str]:
    lines = [f"### `{table.name}`", "", f"`{table.function}`: one row is {table.row}.", ""]
    if table.index:
        lines += [f"Index: {table.index}.", ""]
    lines += ["| column | type | meaning |", "|---|---|---|"]
    lines += [f"| `{c.name}` | {c.dtype} | {c.meaning} |" for c in table.columns]
    return [*lines, ""]


def tables_markdown() -> str:
    """The text of ``docs/tables.md``, written from the contract."""
    lines = [
        "# The tables: the data contract",
        "",
        "<!-- Generated from helpers/contract.py by `python -m helpers docs` (also run by",
        "`make nav`); do not edit by hand: a test fails when this file is stale. -->",
        "",
        "Every table the suite returns, with its columns in order, their types and what each",
        "means. `tests/test_contract.py` checks every table against this contract on every",
        "shipped and fixture article, on a tiny article and on a small corpus; an empty table",
        "has the same columns and types as a full one.",
        "",
        "Types:",
        "",
        *[f"- `{name}`: {words}" for name, words in DTYPES.items()],
        "",
        "Text is pandas' `str` dtype (`object` before pandas 3); a `str?` column with no text",
        "at all, and a `bool?` column with a missing value, are `object`; lists are `object`.",
        "Paragraph -1 is the headline; `start`/`end` are character offsets into the paragraph",
        "(or the headline), so `paragraph_text[start:end]` is the text. NARRATOR is the outlet",
        "itself, UNKNOWN a quotation no rule could give to anyone.",
        "",
        "## The tables of `analyze(article)`",
        "",
        "`analyze(article)[name]`, in this order (`helpers.analysis.TABLE_NAMES`).",
        "",
    ]
    for name in ANALYZE_TABLES:
        lines += table_markdown(TABLES[name])
    lines += [
        "## Many articles: `analyze_corpus(paths)`",
        "",
        "`analyze_corpus(paths)[name]` is the table of the same name above for every article,",
        "one after the other, with one more column, last:",
        "",
        "| column | type | meaning |",
        "|---|---|---|",
        f"| `{ARTICLE_COLUMN[0]}` | {ARTICLE_COLUMN[1]} | {ARTICLE_COLUMN[2]} |",
        "",
    ]
    lines += table_markdown(CORPUS_ERRORS)
    lines += ["## Other tables", "", "Built by the other public functions of `helpers`.", ""]
    for table in OTHER_TABLES:
        lines += table_markdown(table)
    lines += ["## The evidence tables of `explore()`", "", "Columns picked from a table above.", ""]
    for table in VIEWS.values():
        lines += table_markdown(table)
    return "\n".join(lines).rstrip() + "\n"


def write_tables_doc(path: str | Path = TABLES_DOC, *, check: bool = False) -> bool:
    """Write ``tables_markdown()`` to ``path``; returns whether the file was (with
    ``check=True``: would be) changed. Nothing is written with ``check=True``."""
    path = Path(path)
    new = tables_markdown()
    old = path.read_text(encoding="utf-8") if path.exists() else None
    if old == new:
        return False
    if not check:
        path.write_text(new, encoding="utf-8")
    return True
