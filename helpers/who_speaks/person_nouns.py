"""Person nouns: whether a common noun names people, beyond the speaker-noun lexicon.

``data/lexicons/speaker_nouns.csv`` lists the nouns that head a speaker's description
("officials", "the minister"). News also gives speakers as plural nouns it does not list:
"hacking specialists say", "historians argue", "Cuban-Americans say".
English forms many nouns for people with agent and membership suffixes (Quirk, Greenbaum,
Leech & Svartvik 1985, *A Comprehensive Grammar of the English Language*, App. I.25-34).
Two of them almost only name people, *-ist* and *-ian*, so a lower-case plural ending in
one ("specialists", "historians"), or in *-men*, *-women*, *-eurs*, is read as people
(:func:`names_people`). The others, *-er*/*-or*, *-ant*/*-ent*, *-ee*, name things about as
often ("indicators", "incidents", "detectors", "components": a review of session 25 found 16
of 22 such things read as speakers), so the people among them are read through the
speaker-noun lexicon instead: plurals it lists ("respondents", "retirees", "consultants").
A few nouns in *-ists* name things (``_THINGS``: "playlists", "checklists"); they and the
forms of the reporting-verb lexicon never count.

>>> names_people("specialists"), names_people("respondents"), names_people("numbers")
(True, True, False)
"""

from __future__ import annotations

import re

from ..lexicons import lexicon_cache, reporting_verbs, speaker_nouns

__all__ = ["MUTE_THINGS", "names_people", "person_plural"]

# Plural agent and membership nouns that name people (Quirk et al. 1985, App. I.25-34):
# "specialists", "historians", "entrepreneurs", "congressmen", "women". At least three letters
# before the suffix, so that short words ("lists", "fists") never match; lower case only
# ("Democrats" is read as a name).
_AGENT_PLURAL = re.compile(r"[a-z\-]{3,}(?:ists|ians|eurs|men|folks|people)|women|men|folks")

# Plural nouns with those endings that name things, not people: lists of names and the few
# nouns in -ians for things, written by the project.
_THINGS = frozenset(
    """playlists checklists shortlists blacklists watchlists wishlists waitlists medians
    meridians abdomen specimen regimen""".split()
)


@lexicon_cache
def _verb_forms() -> frozenset[str]:
    """Every form of the reporting-verb lexicon: "answers", "orders", "offers" are verbs
    before a clause as often as nouns, so they never name people here."""
    return frozenset(reporting_verbs())


def person_plural(word: str) -> bool:
    """``word`` is a plural noun for people by its ending (Quirk et al. 1985): "specialists",
    "historians", "congressmen"; never a thing noun of ``_THINGS`` or a verb form of the
    reporting-verb lexicon.

    >>> person_plural("specialists"), person_plural("indicators"), person_plural("checklists")
    (True, False, False)
    """
    lower = word.lower()
    if not word.islower() or lower in _THINGS or lower in _verb_forms():
        return False
    return _AGENT_PLURAL.fullmatch(lower) is not None


def names_people(word: str) -> bool:
    """``word`` names people: a speaker noun of kind role, institution or anonymous (not a
    text), or a plural agent noun (:func:`person_plural`).

    >>> names_people("officials"), names_people("lawsuit"), names_people("signs")
    (True, False, False)
    """
    info = speaker_nouns().get(word.lower())
    if info is not None:
        return info["kind"] in ("role", "institution", "anonymous")
    return person_plural(word)


#: Things a share may be of that never speak: "Several of the signs said" is what the signs
#: read, not a speaker (review of issue 19). Any other "of" phrase may name a body ("Half of
#: the shops said", "Most of the hospitals said": review of session 25), so this list is
#: short, of objects that carry words, written by the project.
MUTE_THINGS = frozenset(
    """sign signs poster posters banner banners placard placards billboard billboards sticker
    stickers shirt shirts t-shirt t-shirts label labels slogan slogans headline headlines
    graffiti page pages screen screens""".split()
)
