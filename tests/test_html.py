"""The coloured article tells speakers apart by letter as well as colour."""

from __future__ import annotations

import itertools
import math
import re

import pytest

from helpers import annotated_voices, article_from_text, voices
from helpers.html import VOICE_COLOURS


def test_each_speaker_has_a_letter_in_the_legend_and_where_their_words_begin():
    article = article_from_text(
        "Test\n\n“We will win,” said Maria Lopez. “We will lose,” said John Smith.\n\n"
        "“Again,” Lopez added."
    )
    table = voices(article)
    html = annotated_voices(article, table)
    assert "<b>[A]</b> Maria Lopez" in html and "<b>[B]</b> John Smith" in html
    labels = re.findall(r"<span class='voice-label' data-label='(\w)' title='([^']*)'>", html)
    assert labels == [("A", "Maria Lopez"), ("B", "John Smith"), ("A", "Maria Lopez")]
    assert ".voice-label::before{content:'[' attr(data-label) ']'" in html  # drawn by CSS


def test_the_letter_is_escaped_with_the_speaker_name():
    article = article_from_text("Test\n\n“Hi,” said Bob <b>Jones.")
    html = annotated_voices(article, voices(article))
    assert "<b>Jones" not in html


# Colour-vision-deficiency simulation matrices for linear RGB, severity 1.0: Machado, Oliveira
# & Fernandes (2009), "A physiologically-based model for simulation of color vision
# deficiency", IEEE TVCG 15(6), table of precomputed matrices.
SIMULATIONS = {
    "normal vision": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}


def _lab(hex_colour: str, matrix) -> tuple[float, float, float]:
    """CIELAB (D65) of a colour as seen through a simulation matrix."""
    srgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in srgb]
    seen = [
        min(1.0, max(0.0, sum(m * c for m, c in zip(row, linear, strict=True)))) for row in matrix
    ]
    xyz_rows = ((0.4124, 0.3576, 0.1805), (0.2126, 0.7152, 0.0722), (0.0193, 0.1192, 0.9505))
    white = (0.95047, 1.0, 1.08883)
    xyz = [
        sum(m * c for m, c in zip(row, seen, strict=True)) / w
        for row, w in zip(xyz_rows, white, strict=True)
    ]
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in xyz]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def delta_e(a: str, b: str, matrix) -> float:
    return math.dist(_lab(a, matrix), _lab(b, matrix))


@pytest.mark.parametrize("vision", SIMULATIONS)
def test_the_first_three_voice_colours_stay_apart_under_colour_blindness(vision):
    first = VOICE_COLOURS[:3]
    closest = min(delta_e(a, b, SIMULATIONS[vision]) for a, b in itertools.combinations(first, 2))
    assert closest >= 15, (vision, round(closest, 1))


def test_the_simulation_sees_red_and_green_merge_for_deuteranopia():
    """The check can fail: a red and a green far apart for normal vision come under 15."""
    assert delta_e("#ff0000", "#00a000", SIMULATIONS["normal vision"]) > 100
    assert delta_e("#ff0000", "#00a000", SIMULATIONS["deuteranopia"]) < 15
