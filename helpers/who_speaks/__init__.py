"""Who speaks: quotations, reported speech, their speakers, and the voice of every character.

The method is rule-based attribution as in the quote-extraction literature for news
(Pareti 2016, PARC 3.0; Asr et al. 2021, "The Gender Gap Tracker"; Newell, Margolin &
Ruths 2018, "An attribution relations corpus for political news"): a *cue* (a reporting
verb from ``data/lexicons/reporting_verbs.csv``, or the phrases ``according to`` and
``per``) links a *source* (the speaker phrase) to a *content* span. Content spans follow
those corpora: for a direct quotation the words inside the marks; for reported speech the
whole reported clause. Every row carries the name of the rule that produced it.

The steps, one module each (read them in this order):

1. :mod:`.prepared` — find quotation marks and web furniture in each paragraph
   (:mod:`helpers.quotemarks`) and the people, institutions and places the article names,
   with their roles (:mod:`helpers.entities`);
2. :mod:`.cues` — in each sentence, find cues outside quotation marks;
3. :mod:`.speaker_phrases` and :mod:`.cue_speaker` — the speaker phrase beside each cue (a
   name, a pronoun, a title such as ``the minister``, an institution, or an anonymous
   source such as ``US officials``);
4. :mod:`.content` and :mod:`.clauses` — the content span of each cue;
5. :mod:`.resolution` — resolve pronouns to the most recent compatible person (never a
   place or organisation), titles through the article's own appositions;
6. :mod:`.carry_over` — give an unattributed standalone quotation to the previous speaker
   where the article's structure supports it;
7. :mod:`.attributor` runs these steps over the article, keeping what it found in a
   :class:`.utterances.Record`; a quoted span that no cue claims is a scare quote: the
   writer's distancing, not speech;
8. :mod:`.tables` — :func:`attribution` (cached per article) and the public tables.

``helpers.quotes`` re-exports the public tables for older imports.
"""

from .attributor import Attribution, Attributor
from .speaker_phrases import SpeakerPhrase, speaker_before
from .tables import (
    QUOTE_COLUMNS,
    VOICE_COLUMNS,
    attribution,
    clear_caches,
    cues_by_speaker,
    extract_quotes,
    quoted_names,
    scare_quotes,
    share_of_voice,
    speakers,
    voice_segments,
    voices,
)
from .utterances import NARRATOR, UNKNOWN_SPEAKER, Record, Utterance

__all__ = [
    "NARRATOR",
    "QUOTE_COLUMNS",
    "UNKNOWN_SPEAKER",
    "VOICE_COLUMNS",
    "Attribution",
    "Attributor",
    "Record",
    "SpeakerPhrase",
    "Utterance",
    "attribution",
    "clear_caches",
    "cues_by_speaker",
    "extract_quotes",
    "quoted_names",
    "scare_quotes",
    "share_of_voice",
    "speaker_before",
    "speakers",
    "voice_segments",
    "voices",
]
