"""helpers.charts and helpers.summary: what each chart plots, and one answer per question."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers import (  # noqa: E402
    analyze,
    article_from_text,
    describe_figure,
    five_questions,
    frame_profile_chart,
    load_article,
    loaded_density_chart,
    report_summary,
    share_of_voice_chart,
    stance_grid,
    stance_heatmap,
    tone_by_voice,
    use_house_style,
)
from helpers.course import FIVE_QUESTIONS  # noqa: E402
from helpers.plots import HATCHES  # noqa: E402
from helpers.summary import SUMMARY_COLUMNS, SUMMARY_QUESTIONS  # noqa: E402

from .conftest import FIXTURES, ROOT  # noqa: E402


@pytest.fixture(autouse=True)
def _style_and_close():
    use_house_style()
    yield
    plt.close("all")


def _bar_lengths(ax) -> dict[str, float]:
    """Total bar length per category label of the vertical axis (stacked bars summed)."""
    labels = {round(t.get_position()[1]): t.get_text() for t in ax.get_yticklabels()}
    total: dict[str, float] = defaultdict(float)
    for patch in ax.patches:
        centre = round(patch.get_y() + patch.get_height() / 2)
        total[labels[centre]] += patch.get_width()
    return dict(total)


# --- share of voice -----------------------------------------------------------------------

SHARES = [
    (  # the outlet alone
        [("NARRATOR", "narration", 40, 1.0)],
        {"NARRATOR": 40},
        1,
    ),
    (  # one speaker quoted and paraphrased: its bar is split in two
        [
            ("NARRATOR", "narration", 30, 0.6),
            ("Ann Lee", "quoted", 15, 0.3),
            ("Ann Lee", "reported", 5, 0.1),
        ],
        {"NARRATOR": 30, "Ann Lee": 20},
        3,
    ),
]


@pytest.mark.parametrize(("rows", "lengths", "n_parts"), SHARES)
def test_share_of_voice_chart_plots_each_voices_words(rows, lengths, n_parts):
    share = pd.DataFrame(rows, columns=["voice", "mode", "n_words", "share"])
    ax = share_of_voice_chart(share)
    assert ax.get_title() == "Who gets the words? Share of voice in the article body"
    assert ax.get_xlabel() == "Number of words"
    assert ax.get_ylabel() == "Voice (NARRATOR = the outlet itself)"
    assert _bar_lengths(ax) == pytest.approx(lengths)
    assert sum(p.get_width() > 0 for p in ax.patches) == n_parts
    legend = ax.get_legend()
    assert legend.get_title().get_text() == "How the words appear"
    assert [t.get_text() for t in legend.get_texts()] == ["narration", "reported", "quoted"]
    hatches = [h.get_hatch() or "" for h in legend.legend_handles]
    assert hatches == list(HATCHES[:3])  # a pattern per mode: readable in greyscale
    # the legend is beside the bars (anchored right of the axes), never over them
    assert legend.get_bbox_to_anchor().x0 > ax.get_window_extent().x1


def test_share_of_voice_chart_by_article_shows_shares_out_of_one():
    share = pd.DataFrame(
        [
            ("a", "NARRATOR", "narration", 30, 0.75),
            ("a", "Ann Lee", "quoted", 10, 0.25),
            ("b", "NARRATOR", "narration", 10, 1.0),
        ],
        columns=["article", "voice", "mode", "n_words", "share"],
    )
    ax = share_of_voice_chart(share, by="article")
    assert ax.get_ylabel() == "Version"
    assert ax.get_xlim() == (0, 1)
    assert _bar_lengths(ax) == pytest.approx({"a": 1.0, "b": 1.0})
    with pytest.raises(ValueError, match="by must be"):
        share_of_voice_chart(share, by="mode")


# --- stance -------------------------------------------------------------------------------

STANCE_COLUMNS = ["speaker", "target", "stance", "n_evidence", "n_units", "clear"]
STANCES = [
    (  # one voice, two targets, ordered by the targets given
        [("NARRATOR", "X", -0.2, 1, 1, True), ("NARRATOR", "Y", 0.4, 3, 2, True)],
        ["Y", "X"],
        {"index": ["NARRATOR"], "columns": ["Y", "X"], "data": [[0.4, -0.2]]},
    ),
    (  # a pair with no evidence is left out; a target not asked for too
        [
            ("A", "X", 0.1, 1, 1, True),
            ("B", "X", 0.0, 0, 0, False),
            ("B", "Z", -0.3, 2, 2, True),
        ],
        ["X"],
        {"index": ["A"], "columns": ["X"], "data": [[0.1]]},
    ),
    (  # no targets given: every target, rows and columns with a stance
        [("A", "X", 0.1, 1, 1, True), ("B", "Y", -0.1, 1, 1, True)],
        None,
        {"index": ["A", "B"], "columns": ["X", "Y"], "data": [[0.1, np.nan], [np.nan, -0.1]]},
    ),
]


@pytest.mark.parametrize(("rows", "targets", "expected"), STANCES)
def test_stance_grid_and_heatmap_show_each_stance(rows, targets, expected):
    stance = pd.DataFrame(rows, columns=STANCE_COLUMNS)
    grid = stance_grid(stance, targets=targets)
    assert grid.index.tolist() == expected["index"]
    assert grid.columns.tolist() == expected["columns"]
    assert np.allclose(grid.to_numpy(), expected["data"], equal_nan=True)
    ax = stance_heatmap(stance, targets=targets)
    assert ax.get_title() == "Who is for (blue) or against (red) whom?"
    assert ax.get_xlabel() == "Target"  # in the order given, not ranked by mentions
    assert ax.get_ylabel() == "Voice (NARRATOR = the outlet itself)"
    cells = ax.collections[0].get_array()
    assert cells.size == grid.size
    values = [float(x) for x in np.ma.compressed(np.ma.masked_invalid(cells))]
    assert values == pytest.approx(grid.stack().dropna().tolist())
    # every stance is written in its cell, so that the chart reads without colour
    assert [t.get_text() for t in ax.texts] == [f"{v:.2f}" for v in values]
    assert "Colour scale: stance (-1 against … +1 for)." in describe_figure(ax.figure)


def test_stance_heatmap_takes_the_top_targets_from_the_targets_table():
    stance = pd.DataFrame(
        [("A", t, 0.1 * i, 1, 1, True) for i, t in enumerate("PQRS", 1)], columns=STANCE_COLUMNS
    )
    targets = pd.DataFrame({"target": list("SRQP")})
    grid = stance_grid(stance, targets=targets, max_targets=2)
    assert grid.columns.tolist() == ["S", "R"]
    assert grid.loc["A"].tolist() == pytest.approx([0.4, 0.3])
    ax = stance_heatmap(stance, targets=targets, max_targets=2)
    assert ax.get_xlabel() == "Target (the most mentioned first)"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["S", "R"]


def test_stance_heatmap_says_when_there_is_no_stance():
    ax = stance_heatmap(pd.DataFrame(columns=STANCE_COLUMNS))
    assert [t.get_text() for t in ax.texts] == [
        "No stance found: no voice takes a side on a target."
    ]
    assert ax.get_title() == "Who is for (blue) or against (red) whom?"


def test_stance_heatmap_of_articles():
    stance = pd.DataFrame(
        [("a", "NARRATOR", "X", -0.5, 3, 3, True), ("b", "NARRATOR", "X", 0.25, 2, 2, True)],
        columns=["article", *STANCE_COLUMNS],
    )
    ax = stance_heatmap(stance, index="article", targets=["X"], title="T")
    assert (ax.get_title(), ax.get_ylabel()) == ("T", "Article")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b"]
    assert [t.get_text() for t in ax.texts] == ["-0.50", "0.25"]


# --- tone, loaded words, frames -----------------------------------------------------------

TONES = [
    ([("NARRATOR", 3, -0.2, -0.5, 0.1)], ["NARRATOR (3 units)"]),
    (
        [("NARRATOR", 2, 0.1, 0.0, 0.2), ("Ann Lee", 1, 0.5, 0.5, 0.5)],
        ["NARRATOR (2 units)", "Ann Lee (1 unit)"],
    ),
]


@pytest.mark.parametrize(("rows", "labels"), TONES)
def test_tone_by_voice_plots_each_mean_with_its_interval(rows, labels):
    summary = pd.DataFrame(rows, columns=["voice", "n_units", "mean", "ci_low", "ci_high"])
    ax = tone_by_voice(summary)
    assert ax.get_title() == "How positive or negative is each voice?"
    assert ax.get_xlabel() == "Mean VADER score, 95% interval (-1 negative … +1 positive)"
    assert ax.get_ylabel() == "Voice"
    assert [t.get_text() for t in ax.get_yticklabels()] == labels
    assert ax.get_xlim() == (-1, 1)
    dots = ax.lines[0]  # the means, at rows 0, 1, …
    assert dots.get_xdata().tolist() == pytest.approx(summary["mean"].tolist())
    assert dots.get_ydata().tolist() == list(range(len(rows)))
    segments = ax.collections[0].get_segments()  # the intervals
    assert [s[0][0] for s in segments] == pytest.approx(summary["ci_low"].tolist())
    assert [s[1][0] for s in segments] == pytest.approx(summary["ci_high"].tolist())
    top = ax.get_yticklabels()[0]
    assert top.get_text() == labels[0] and ax.get_ylim()[0] > ax.get_ylim()[1]  # first on top


def test_loaded_density_chart_plots_terms_per_100_words():
    density = pd.DataFrame(
        {"voice": ["headline", "NARRATOR", "Ann Lee"], "per_100_words": [12.5, 1.2, 0.0]}
    )
    ax = loaded_density_chart(density)
    assert ax.get_title() == "How dense is the loaded language? (curated terms per 100 words)"
    assert (ax.get_xlabel(), ax.get_ylabel()) == (
        "Loaded terms per 100 words",
        "Voice (NARRATOR = the outlet)",
    )
    assert _bar_lengths(ax) == pytest.approx({"headline": 12.5, "NARRATOR": 1.2, "Ann Lee": 0.0})


def test_frame_profile_chart_labels_each_bar_with_its_cues():
    frames = pd.DataFrame(
        {
            "frame": ["morality", "conflict"],  # out of order, and three frames missing
            "n_cues": [1, 4],
            "per_100_words": [0.5, 2.0],
            "dominant": [False, True],
        }
    )
    ax = frame_profile_chart(frames)
    assert ax.get_title() == "Frame profile: which frames does the story use?"
    assert ax.get_xlabel() == "Frame cues per 100 words"
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "conflict",
        "human interest",
        "economic consequences",
        "morality",
        "responsibility",
    ]
    assert [t.get_text() for t in ax.texts] == [
        "4 cues (dominant)",
        "0 cues",
        "0 cues",
        "1 cue",
        "0 cues",
    ]
    assert [p.get_width() for p in ax.patches] == pytest.approx([2.0, 0, 0, 0.5, 0])


def test_every_chart_takes_an_analysis():
    analysis = analyze(
        article_from_text("Rain due\n\n“It is a cruel day,” said Ann Lee. The council met.")
    )
    for chart in (share_of_voice_chart, tone_by_voice, loaded_density_chart, frame_profile_chart):
        assert chart(analysis).get_title()
    assert stance_heatmap(analysis).get_title() == "Who is for (blue) or against (red) whom?"


# --- report_summary: one answer per question ------------------------------------------------


def test_report_summary_on_a_tiny_article():
    summary = report_summary(
        article_from_text(
            "Minister vows a brutal crackdown\n\n"
            "The minister spoke on Monday. “We will act,” the minister said.\n\n"
            "Critics called the regime cruel."
        )
    )
    assert summary.columns.tolist() == SUMMARY_COLUMNS
    assert summary["question"].tolist() == list(SUMMARY_QUESTIONS)
    row = summary.set_index("question").loc["Does the headline match the body?"]
    assert row["answer"] == "Headline words the body never uses: brutal, vows, crackdown."
    assert row["evidence"].startswith("loaded words only in the headline: brutal (")
    assert "other words only in the headline: vows, crackdown" in row["evidence"]
    assert row["rule"].startswith("headline_check table")


def test_report_summary_when_nobody_speaks():
    summary = report_summary(article_from_text("A quiet day\n\nThe park was open."))
    answers = summary.set_index("question")["answer"]
    assert answers["Who speaks?"] == "Nobody is quoted or paraphrased: only the outlet speaks."
    assert answers["Who is for or against whom?"] == "No voice uses a stance word near a target."
    assert answers["How warm or hostile is each voice?"] == (
        "Headline VADER +0.00; the outlet's narration averages +0.00."
    )


def _articles() -> list[Path]:
    shipped = sorted((ROOT / "data" / "articles").rglob("*.md"))
    fixtures = [
        FIXTURES / "quotes" / "heldout4" / "politics_port_fees.md",
        FIXTURES / "quotes" / "dev" / "court_charity_fraud.md",
        FIXTURES / "frames" / "morality_faith_leaders_honesty.md",
        FIXTURES / "000_a345f3a04e4062ef.txt",
    ]
    return shipped + fixtures


@pytest.mark.parametrize("path", _articles(), ids=lambda p: p.stem)
def test_five_questions_and_the_report_give_the_same_answers(path):
    article = load_article(path)
    five = five_questions(article).set_index("question")
    summary = report_summary(analyze(article)).set_index("question")
    assert five.index.tolist() == list(FIVE_QUESTIONS)
    for question in FIVE_QUESTIONS:
        assert five.loc[question, "answer"] == summary.loc[question, "answer"]
        assert five.loc[question, "notebook"] == summary.loc[question, "notebook"]


def test_the_report_notebook_states_the_summary_verdicts():
    """Notebook 06 says the verdicts of ``report_summary``, not verdicts of its own."""
    cells = json.loads((ROOT / "notebooks" / "06-report.ipynb").read_text())["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert "report_summary(" in code
    for rule in ('["in_body"]', '["dominant"]', '["clear"]'):  # no verdict logic of its own
        assert rule not in code
