"""Edit a notebook's cells by id, keep it clean, and never touch the cells you did not name.

The notebooks are edited either in JupyterLab (then ``jupyter nbconvert --clear-output
--inplace`` and ``make nav``) or with this tool, which reads and writes them with nbformat
(so the JSON stays valid and formatted as Jupyter writes it), clears every output and
execution count, and keeps each cell's id, tags and metadata::

    .venv/bin/python tools/edit_notebook.py notebooks/02-who-speaks.ipynb --show cell-12
    .venv/bin/python tools/edit_notebook.py NB --set cell-12 new-source.py
    .venv/bin/python tools/edit_notebook.py NB --insert-after cell-12 new-id code source.py
    .venv/bin/python tools/edit_notebook.py NB --delete cell-12

(``-`` as the source file reads standard input.) From Python, :func:`edit` takes a function
that changes the notebook's cells in place. Run ``make nav`` afterwards.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import nbformat


def cell(nb: nbformat.NotebookNode, cell_id: str) -> nbformat.NotebookNode:
    """The cell with id ``cell_id``; a clear error if there is none."""
    for c in nb.cells:
        if c.get("id") == cell_id:
            return c
    raise KeyError(f"no cell with id {cell_id!r} (ids: {', '.join(c.get('id') for c in nb.cells)})")


def set_source(nb: nbformat.NotebookNode, cell_id: str, source: str) -> None:
    """Replace the source of cell ``cell_id`` (its id, tags and metadata stay)."""
    cell(nb, cell_id).source = source.strip("\n")


def insert_after(
    nb: nbformat.NotebookNode, after: str, new_id: str, kind: str, source: str, *, tags=()
) -> None:
    """Insert a new ``code`` or ``markdown`` cell with id ``new_id`` after cell ``after``."""
    if any(c.get("id") == new_id for c in nb.cells):
        raise ValueError(f"a cell with id {new_id!r} exists already")
    make = {"code": nbformat.v4.new_code_cell, "markdown": nbformat.v4.new_markdown_cell}[kind]
    new = make(source.strip("\n"), metadata={"tags": list(tags)} if tags else {})
    new["id"] = new_id
    nb.cells.insert(nb.cells.index(cell(nb, after)) + 1, new)


def delete(nb: nbformat.NotebookNode, cell_id: str) -> None:
    """Remove cell ``cell_id``."""
    nb.cells.remove(cell(nb, cell_id))


def clear_outputs(nb: nbformat.NotebookNode) -> None:
    """No outputs and no execution counts: how notebooks are committed."""
    for c in nb.cells:
        if c.cell_type == "code":
            c.outputs = []
            c.execution_count = None


def edit(path: str | Path, change: Callable[[nbformat.NotebookNode], None]) -> None:
    """Read ``path``, apply ``change`` to the notebook, clear outputs, validate and write."""
    nb = nbformat.read(path, as_version=4)
    change(nb)
    clear_outputs(nb)
    nbformat.validate(nb)
    nbformat.write(nb, path)


def _text(name: str) -> str:
    return sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook", type=Path)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--show", metavar="ID")
    group.add_argument("--set", nargs=2, metavar=("ID", "SOURCE"))
    group.add_argument("--insert-after", nargs=4, metavar=("ID", "NEW_ID", "KIND", "SOURCE"))
    group.add_argument("--delete", metavar="ID")
    args = parser.parse_args(argv)
    try:
        if args.show:
            print(cell(nbformat.read(args.notebook, as_version=4), args.show).source)
        elif args.set:
            edit(args.notebook, lambda nb: set_source(nb, args.set[0], _text(args.set[1])))
        elif args.insert_after:
            after, new_id, kind, source = args.insert_after
            edit(args.notebook, lambda nb: insert_after(nb, after, new_id, kind, _text(source)))
        else:
            edit(args.notebook, lambda nb: delete(nb, args.delete))
    except (KeyError, ValueError) as error:
        print(f"{args.notebook}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
