"""A pandas table made from column arrays that are already of their final types.

:func:`helpers.contract.rows_table` makes each column's array itself (it knows the types
from the contract); this module turns the arrays into a table at the lowest cost pandas
offers. ``DataFrame._from_arrays`` (what rows_table used before) stacks the arrays of one
type into one two-dimensional block; here each array stays a block of its own, as it is
(pandas stacks them later if an operation needs it), which halves the cost of the making:
about 3% of building every table of an article (``benchmarks/bench_corpus.py``, issue 16).
It uses pandas' internal constructor (pandas 2.1 to 3); with a pandas that lacks it, the
public constructor, the same table.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

try:  # pandas' private API: present from pandas 1 to 3 (with DataFrame._from_mgr from 2.1)
    from pandas.core.internals.construction import arrays_to_mgr
except ImportError:  # pragma: no cover - another pandas: the public constructor below
    arrays_to_mgr = None

__all__ = ["table_from_arrays"]


def table_from_arrays(
    arrays: list[np.ndarray | pd.api.extensions.ExtensionArray], columns: pd.Index
) -> pd.DataFrame:
    """The table with these columns (one-dimensional arrays of one length, made for this
    table: they are not copied) and the index 0, 1, 2 …; no column is checked or converted.

    >>> table_from_arrays([np.array([1, 2]), np.array([0.5, 1.5])], pd.Index(["n", "x"]))
       n    x
    0  1  0.5
    1  2  1.5
    """
    index = pd.RangeIndex(len(arrays[0]) if arrays else 0)
    if arrays_to_mgr is None or not hasattr(pd.DataFrame, "_from_mgr"):
        return pd.DataFrame(dict(zip(columns, arrays, strict=True)), index=index, copy=False)
    mgr = arrays_to_mgr(arrays, columns, index, verify_integrity=False, consolidate=False)
    return pd.DataFrame._from_mgr(mgr, axes=mgr.axes)
