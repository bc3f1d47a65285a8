"""The suite's chart style: colour-blind-safe colours, patterns, and a text description.

Colour alone must not carry meaning (WCAG 2.1, success criterion 1.4.1 "Use of Color"): the
palette is seaborn's "colorblind" (after Wong 2011), ``add_patterns`` gives each colour of a
bar chart its own hatch so the chart also reads in greyscale, and ``describe_figure`` writes
the text alternative (WCAG 1.1.1) that HTML reports use as each chart's ``alt`` text.
"""

from __future__ import annotations

import matplotlib as mpl
import seaborn as sns

__all__ = [
    "use_house_style",
    "PALETTE",
    "HATCHES",
    "VOICE_MODES",
    "mode_palette",
    "connotation_palette",
    "add_patterns",
    "describe_figure",
]

#: seaborn's "colorblind" palette (after Wong 2011, Nature Methods 8:441), safe for the
#: common forms of colour blindness.
PALETTE = "colorblind"


#: One hatch per colour, first none: distinct in greyscale and at the sizes of our charts.
HATCHES = ("", "///", "...", "xxx", "\\\\\\", "ooo", "+++", "---", "***", "|||")


def use_house_style() -> None:
    """Set seaborn's theme for every chart in a notebook: white grid, colour-blind palette.

    In IPython it also makes every figure's plain-text form its description
    (``describe_figure``), which HTML reports use as the chart's alt text.
    """
    sns.set_theme(style="whitegrid", palette=PALETTE, context="notebook")
    mpl.rcParams.update(
        {
            "figure.dpi": 100,
            "axes.titleweight": "bold",
            "figure.autolayout": True,
            "hatch.color": "0.25",
            "hatch.linewidth": 0.8,
        }
    )
    _register_text_alternative()


_SHELLS_WITH_ALT_TEXT: set[int] = set()


def _register_text_alternative() -> None:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with the notebooks' stack
        return
    shell = get_ipython()
    if shell is None:
        return
    from matplotlib.figure import Figure

    def register(*_) -> None:
        plain = shell.display_formatter.formatters["text/plain"]
        plain.for_type(Figure, lambda figure, printer, cycle: printer.text(describe_figure(figure)))

    import matplotlib.pyplot as plt

    plt.close(plt.figure())  # activates the backend now, so that it cannot undo the next line
    register()
    # matplotlib-inline drops every Figure printer when it activates, lazily, at the first
    # figure; registering again after each cell, before it shows the figures, undoes that.
    if id(shell) not in _SHELLS_WITH_ALT_TEXT:
        shell.events.register("post_execute", register)
        _SHELLS_WITH_ALT_TEXT.add(id(shell))


def add_patterns(ax) -> None:
    """Give each colour of a bar chart's legend a hatch pattern, on the bars and the legend.

    Works on seaborn's ``barplot`` and ``histplot`` with ``hue``: bars are matched to legend
    entries by colour, so it needs a legend. Call it after drawing, before moving the legend.
    """
    legend = ax.get_legend()
    if legend is None:
        return
    handles = [h for h in legend.legend_handles if hasattr(h, "get_facecolor")]
    hatch_of = {}
    for i, handle in enumerate(handles):
        hatch_of[_rgb(handle.get_facecolor())] = HATCHES[i % len(HATCHES)]
        handle.set_hatch(HATCHES[i % len(HATCHES)])
    for patch in ax.patches:
        hatch = hatch_of.get(_rgb(patch.get_facecolor()))
        if hatch:
            patch.set_hatch(hatch)


def _rgb(colour) -> tuple[float, float, float]:
    return tuple(round(float(c), 3) for c in colour[:3])


def describe_figure(figure) -> str:
    """A text alternative for a chart: kind, title, axes, categories and legend.

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots(); _ = ax.bar(["a", "b"], [1, 2]); _ = ax.set(title="T", ylabel="n")
    >>> describe_figure(fig)
    'Bar chart “T”. Vertical axis: n. Categories: a, b.'
    """
    described: dict[int, str] = {}
    scales = [ax for ax in figure.axes if getattr(ax, "_colorbar", None) is not None]
    for ax in figure.axes:
        if ax in scales or (not ax.has_data() and not ax.get_title()):
            continue
        title = ax.get_title()
        sentence = f"{_kind(ax)} “{title}”." if title else f"{_kind(ax)}."
        axes = []
        if ax.get_xlabel():
            axes.append(f"Horizontal axis: {ax.get_xlabel()}.")
        if ax.get_ylabel():
            axes.append(f"Vertical axis: {ax.get_ylabel()}.")
        categories = _categories(ax)
        if categories:
            axes.append(f"Categories: {categories}.")
        legend = ax.get_legend()
        if legend is not None:
            labels = [t.get_text() for t in legend.get_texts()]
            name = legend.get_title().get_text()
            axes.append(f"Legend{f' ({name})' if name else ''}: {', '.join(labels)}.")
        described[id(ax)] = " ".join([sentence, *axes])
    for scale in scales:  # a heat map's colour bar: its label belongs to the heat map
        owner = getattr(scale._colorbar.mappable, "axes", None)
        label = scale.get_ylabel() or scale.get_xlabel()
        if owner is not None and id(owner) in described and label:
            described[id(owner)] += f" Colour scale: {label}."
    parts = list(described.values())
    return " ".join(parts) if parts else "An empty chart."


def _kind(ax) -> str:
    collections = {type(c).__name__ for c in ax.collections}
    if ax.images or "QuadMesh" in collections:
        return "Heat map"
    if ax.patches:
        return "Bar chart"
    if "LineCollection" in collections:
        return "Dot plot with intervals"
    if "PathCollection" in collections:  # markers drawn one by one: scatter()
        return "Scatter plot"
    reference = (ax.get_xaxis_transform(), ax.get_yaxis_transform())  # axhline, axvline
    if any(all(line.get_transform() is not r for r in reference) for line in ax.lines):
        return "Line chart"
    if collections:
        return "Scatter plot"
    return "Chart"


def _categories(ax, limit: int = 12) -> str:
    for axis in (ax.xaxis, ax.yaxis):
        labels = [t.get_text() for t in axis.get_ticklabels() if t.get_text()]
        if labels and not all(_numeric(label) for label in labels):
            shown = labels[:limit]
            more = f" and {len(labels) - limit} more" if len(labels) > limit else ""
            return ", ".join(shown) + more
    return ""


def _numeric(text: str) -> bool:
    try:
        float(text.replace("−", "-"))
    except ValueError:
        return False
    return True


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
