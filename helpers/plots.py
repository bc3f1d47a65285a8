"""The suite's chart style: seaborn's colour-blind-safe palette, readable sizes."""

from __future__ import annotations

import matplotlib as mpl
import seaborn as sns

__all__ = ["use_house_style", "PALETTE"]

#: seaborn's "colorblind" palette (after Wong 2011, Nature Methods 8:441), safe for the
#: common forms of colour blindness.
PALETTE = "colorblind"


def use_house_style() -> None:
    """Set seaborn's theme for every chart in a notebook: white grid, colour-blind palette."""
    sns.set_theme(style="whitegrid", palette=PALETTE, context="notebook")
    mpl.rcParams.update({"figure.dpi": 100, "axes.titleweight": "bold", "figure.autolayout": True})
