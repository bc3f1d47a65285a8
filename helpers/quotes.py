"""Who speaks: the public tables, kept under their old module name.

The code is in the package :mod:`helpers.who_speaks` (one module per step: cues, speaker
phrases, content spans, resolution, carry-over, the attribution pass, the tables); this
module re-exports its public names so that ``from helpers.quotes import extract_quotes``
keeps working.
"""

from .who_speaks import (
    NARRATOR,
    QUOTE_COLUMNS,
    UNKNOWN_SPEAKER,
    VOICE_COLUMNS,
    cues_by_speaker,
    extract_quotes,
    scare_quotes,
    share_of_voice,
    speakers,
    voices,
)

__all__ = [
    "NARRATOR",
    "UNKNOWN_SPEAKER",
    "extract_quotes",
    "scare_quotes",
    "speakers",
    "voices",
    "QUOTE_COLUMNS",
    "VOICE_COLUMNS",
    "cues_by_speaker",
    "share_of_voice",
]
