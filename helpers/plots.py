"""The suite's chart style: seaborn's colour-blind-safe palette, readable sizes."""

from __future__ import annotations

import matplotlib as mpl
import seaborn as sns

__all__ = ["use_house_style", "PALETTE", "VOICE_MODES", "mode_palette", "connotation_palette"]

#: seaborn's "colorblind" palette (after Wong 2011, Nature Methods 8:441), safe for the
#: common forms of colour blindness.
PALETTE = "colorblind"


def use_house_style() -> None:
    """Set seaborn's theme for every chart in a notebook: white grid, colour-blind palette."""
    sns.set_theme(style="whitegrid", palette=PALETTE, context="notebook")
    mpl.rcParams.update({"figure.dpi": 100, "axes.titleweight": "bold", "figure.autolayout": True})


#: The three ways words appear in an article (see ``helpers.voices``), in a fixed order so
#: that every chart gives each the same colour, whatever the article.
VOICE_MODES = ("narration", "reported", "quoted")


def mode_palette() -> dict[str, tuple[float, float, float]]:
    """A fixed colour per voice mode: narration, reported, quoted."""
    return dict(zip(VOICE_MODES, sns.color_palette(PALETTE, 3), strict=True))


def connotation_palette() -> dict[str, tuple[float, float, float]]:
    """A fixed colour per reporting-verb connotation in ``reporting_verbs.csv``."""
    from .lexicons import reporting_verbs

    names = sorted({v.connotation for v in reporting_verbs().values()}) + ["attribution phrase"]
    colours = sns.color_palette(PALETTE, 10)
    # the neutral verbs get grey, so the judging verbs stand out
    palette = {name: colours[i % 10] for i, name in enumerate(n for n in names if n != "neutral")}
    return {**palette, "neutral": (0.75, 0.75, 0.75)}
