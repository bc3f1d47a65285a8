"""The suite's charts, drawn once: share of voice, stance, tone, loaded words, frames.

Each function takes a table of :func:`helpers.analyze` (or the ``Analysis`` itself) plus
keyword-only options, draws one seaborn/matplotlib chart in the house style of
:mod:`helpers.plots` and returns its ``Axes``: a title and labelled axes that read without the
code, the colour-blind-safe palette (Wong 2011), hatch patterns wherever colour tells
categories apart (``add_patterns``), and numbers written into heat-map cells, so that every
chart also reads in greyscale (WCAG 2.1, 1.4.1). A legend is put beside the bars, never over
them. The notebooks call these functions, so a chart looks and reads the same in every
notebook that shows it.

>>> import pandas as pd
>>> share = pd.DataFrame({"voice": ["NARRATOR", "Ann Lee"], "mode": ["narration", "quoted"],
...                       "n_words": [30, 10], "share": [0.75, 0.25]})
>>> share_of_voice_chart(share).get_title()
'Who gets the words? Share of voice in the article body'
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes

from .analysis import Analysis
from .framing import FRAMES
from .plots import VOICE_MODES, add_patterns, mode_palette

__all__ = [
    "share_of_voice_chart",
    "stance_grid",
    "stance_heatmap",
    "tone_by_voice",
    "loaded_density_chart",
    "frame_profile_chart",
]

#: What the notebooks call the outlet's own voice on an axis.
VOICE_AXIS = "Voice (NARRATOR = the outlet itself)"
#: The colour scale of every stance heat map: seaborn's diverging "vlag", reversed so that
#: blue is for and red against; both ends stay distinct for the common colour blindnesses.
STANCE_CMAP = "vlag_r"
#: Most targets a stance heat map shows by default (notebook 03's choice: the 8 most
#: mentioned; beyond that the cells become too narrow to read their numbers).
MAX_TARGETS = 8


def _table(data: pd.DataFrame | Analysis, name: str) -> pd.DataFrame:
    """``data`` itself, or its table ``name`` when it is an ``Analysis``."""
    return data if isinstance(data, pd.DataFrame) else data[name]


def _axes(ax: Axes | None, width: float, height: float) -> Axes:
    if ax is not None:
        return ax
    _fig, new = plt.subplots(figsize=(width, height))
    return new


def _legend_beside(ax: Axes, title: str) -> None:
    """Move the legend to the right of the plot, so that it never covers a bar."""
    if ax.get_legend() is not None:
        sns.move_legend(ax, "upper left", bbox_to_anchor=(1.02, 1), title=title, frameon=False)


def share_of_voice_chart(
    data: pd.DataFrame | Analysis,
    *,
    by: str = "voice",
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Stacked bars of who gets the words, each bar split by mode (narration, reported,
    quoted), with a hatch per mode; ``data`` is a ``share_of_voice`` table or an analysis.

    ``by="voice"`` (notebooks 02, 06): one bar per voice, in words. ``by="article"``
    (notebook 07, a corpus table with an ``article`` column): one bar per article, as shares
    of its words (0 to 1).
    """
    share = _table(data, "share_of_voice")
    if by == "voice":
        weights, xlabel, ylabel = "n_words", "Number of words", VOICE_AXIS
        title = title or "Who gets the words? Share of voice in the article body"
    elif by == "article":
        share = share.groupby(["article", "mode"], as_index=False)["share"].sum()
        weights, xlabel, ylabel = "share", "Share of the words (0 to 1)", "Version"
        title = title or "How much of each version is the outlet's own voice?"
    else:
        raise ValueError(f"by must be 'voice' or 'article', not {by!r}")
    n_bars = max(share[by].nunique(), 1)
    ax = _axes(ax, 8, max(0.45 * n_bars + 1.8, 3.6))
    if share.empty:
        ax.text(0.5, 0.5, "Nobody speaks: no words to count.", ha="center", va="center")
    else:
        sns.histplot(
            data=share, y=by, weights=weights, hue="mode", multiple="stack", discrete=True,
            shrink=0.8, hue_order=VOICE_MODES, palette=mode_palette(), ax=ax,
        )  # fmt: skip
        add_patterns(ax)
        _legend_beside(ax, "How the words appear")
    if by == "article":
        ax.set_xlim(0, 1)
    ax.set(title=title, xlabel=xlabel, ylabel=ylabel)
    return ax


def stance_grid(
    data: pd.DataFrame | Analysis,
    *,
    index: str = "speaker",
    targets: Sequence[str] | pd.DataFrame | None = None,
    max_targets: int = MAX_TARGETS,
    min_evidence: int = 1,
) -> pd.DataFrame:
    """The stance table as a grid: one row per ``index`` value (a voice, or an article),
    one column per target, the stance in each cell (``NaN``: no stance found).

    ``targets`` orders and picks the columns (a list, or the ``targets`` table: its first
    ``max_targets`` rows, the most mentioned first); rows with no stance left are dropped.

    >>> table = pd.DataFrame({"speaker": ["A", "A", "B"], "target": ["X", "Y", "X"],
    ...                       "stance": [0.2, -0.1, 0.0], "n_evidence": [1, 2, 0]})
    >>> stance_grid(table, targets=["Y", "X"]).to_dict("split")["data"]
    [[-0.1, 0.2]]
    """
    stance = _table(data, "stance")
    if not isinstance(data, pd.DataFrame) and targets is None:
        targets = data["targets"]
    if "n_evidence" in stance.columns:
        stance = stance[stance["n_evidence"] >= min_evidence]
    if stance.empty:
        return pd.DataFrame(dtype=float)
    grid = stance.pivot(index=index, columns="target", values="stance").astype(float)
    if targets is not None:
        names = (
            targets["target"].head(max_targets) if isinstance(targets, pd.DataFrame) else targets
        )
        grid = grid.reindex(columns=[t for t in names if t in grid.columns])
    grid = grid.dropna(how="all").dropna(axis=1, how="all")
    grid.index.name, grid.columns.name = index, "target"
    return grid


def stance_heatmap(
    data: pd.DataFrame | Analysis,
    *,
    index: str = "speaker",
    targets: Sequence[str] | pd.DataFrame | None = None,
    max_targets: int = MAX_TARGETS,
    min_evidence: int = 1,
    ax: Axes | None = None,
    title: str = "Who is for (blue) or against (red) whom?",
    ylabel: str | None = None,
) -> Axes:
    """A heat map of stance, -1 (against, red) to +1 (for, blue), the number written in
    each cell so that it reads without colour; an empty cell: no stance found. ``data`` is a
    ``stance`` table or an analysis; the options are those of :func:`stance_grid`. With no
    stance at all, the chart says so in words."""
    grid = stance_grid(
        data, index=index, targets=targets, max_targets=max_targets, min_evidence=min_evidence
    )
    rows = max((len(str(i)) for i in grid.index), default=8)  # the longest labels, in characters
    cols = max((len(str(c)) for c in grid.columns), default=8)
    width = 1.1 * max(grid.shape[1], 2) + 0.09 * rows + 3
    ax = _axes(ax, width, 0.55 * max(grid.shape[0], 2) + 0.06 * cols + 2)
    if ylabel is None:
        ylabel = VOICE_AXIS if index == "speaker" else index.capitalize()
    if grid.empty:
        ax.text(0.5, 0.5, "No stance found: no voice takes a side on a target.",
                ha="center", va="center")  # fmt: skip
        ax.set(xticks=[], yticks=[])
    else:
        sns.heatmap(
            grid, cmap=STANCE_CMAP, center=0, vmin=-1, vmax=1, annot=True, fmt=".2f",
            linewidths=0.5, linecolor="white", cbar_kws={"label": "stance (-1 against … +1 for)"},
            ax=ax,
        )  # fmt: skip
        ax.tick_params(axis="y", labelrotation=0)
        ax.tick_params(axis="x", labelrotation=30)
        plt.setp(ax.get_xticklabels(), ha="right", rotation_mode="anchor")
    ax.grid(False)
    ranked = targets is None and not isinstance(data, pd.DataFrame)  # the analysis' targets
    ranked = ranked or isinstance(targets, pd.DataFrame)
    xlabel = "Target (the most mentioned first)" if ranked else "Target"
    ax.set(title=title, xlabel=xlabel, ylabel=ylabel)
    return ax


def tone_by_voice(
    data: pd.DataFrame | Analysis, *, ax: Axes | None = None, title: str | None = None
) -> Axes:
    """Each voice's mean VADER score (-1 … +1) as a dot with its 95% bootstrap interval,
    one row per voice labelled with its number of units; ``data`` is a ``sentiment`` table
    or an analysis."""
    summary = _table(data, "sentiment")
    ax = _axes(ax, 9, 0.5 * max(len(summary), 1) + 1.8)
    positions = list(range(len(summary)))
    if len(summary):
        ax.errorbar(
            summary["mean"], positions,
            xerr=[summary["mean"] - summary["ci_low"], summary["ci_high"] - summary["mean"]],
            fmt="o", color=sns.color_palette()[0], ecolor="grey", capsize=4,
        )  # fmt: skip
    ax.axvline(0, color="black", linewidth=0.8)
    labels = [
        f"{v} ({n} unit{'s' if n != 1 else ''})"
        for v, n in zip(summary["voice"], summary["n_units"], strict=True)
    ]
    ax.set_yticks(positions, labels)
    ax.set_ylim(len(summary) - 0.5, -0.5)  # the first voice on top
    ax.set(
        title=title or "How positive or negative is each voice?",
        xlabel="Mean VADER score, 95% interval (-1 negative … +1 positive)",
        ylabel="Voice",
        xlim=(-1, 1),
        xticks=[-1, -0.5, 0, 0.5, 1],
    )
    return ax


def loaded_density_chart(
    data: pd.DataFrame | Analysis, *, ax: Axes | None = None, title: str | None = None
) -> Axes:
    """Curated loaded terms per 100 words, one bar per voice (the headline is a voice of
    its own); ``data`` is a ``loaded_density`` table or an analysis."""
    density = _table(data, "loaded_density")
    ax = _axes(ax, 8, max(0.45 * len(density) + 1.8, 3.6))
    sns.barplot(data=density, y="voice", x="per_100_words", color=sns.color_palette()[3], ax=ax)
    ax.set(
        title=title or "How dense is the loaded language? (curated terms per 100 words)",
        xlabel="Loaded terms per 100 words",
        ylabel="Voice (NARRATOR = the outlet)",
    )
    return ax


def frame_profile_chart(
    data: pd.DataFrame | Analysis, *, ax: Axes | None = None, title: str | None = None
) -> Axes:
    """Frame cues per 100 words, one bar per frame in a fixed order, each labelled with its
    number of cues and "(dominant)"; ``data`` is a ``frames`` table or an analysis."""
    scores = _table(data, "frames").set_index("frame").reindex(list(FRAMES)).reset_index()
    scores = scores.fillna({"n_cues": 0, "per_100_words": 0.0, "dominant": False})  # no cue found
    scores["frame"] = scores["frame"].str.replace("_", " ")
    ax = _axes(ax, 8, 4.2)
    sns.barplot(data=scores, y="frame", x="per_100_words", color=sns.color_palette()[0], ax=ax)
    for bar, n, dominant in zip(ax.patches, scores["n_cues"], scores["dominant"], strict=True):
        n = int(n)
        ax.annotate(
            f"{n} cue{'s' if n != 1 else ''}" + (" (dominant)" if dominant else ""),
            (bar.get_width(), bar.get_y() + bar.get_height() / 2),
            xytext=(4, 0), textcoords="offset points", va="center",
        )  # fmt: skip
    ax.set_xlim(0, max(float(scores["per_100_words"].max() or 0), 0.1) * 1.5)  # room for labels
    ax.set(
        title=title or "Frame profile: which frames does the story use?",
        xlabel="Frame cues per 100 words",
        ylabel="Frame (Semetko & Valkenburg)",
    )
    return ax
