"""Person nouns: whether a common noun names people, beyond the speaker-noun lexicon.

``data/lexicons/speaker_nouns.csv`` lists the nouns that head a speaker's description
("officials", "the minister"). News also gives speakers as plural nouns it does not list:
"hacking specialists say", "respondents said", "participants said", "Digital experts said".
English forms most nouns for people with a few agent and membership suffixes (Quirk,
Greenbaum, Leech & Svartvik 1985, *A Comprehensive Grammar of the English Language*, App. I.
25-34: *-ist*, *-ian*, *-ant*/*-ent*, *-er*/*-or*, *-ee*), so a plural ending in one of
them, after a word that is no determiner of things, is read as people
(:func:`names_people`). A few frequent nouns with those endings name things, not people
(``_THINGS``: "papers", "numbers", "letters" …), and nouns in *-ments* name results
("comments", "statements"); they and the forms of the reporting-verb lexicon never count.

>>> names_people("specialists"), names_people("respondents"), names_people("numbers")
(True, True, False)
"""

from __future__ import annotations

import re

from ..lexicons import lexicon_cache, reporting_verbs, speaker_nouns

__all__ = ["names_people", "person_plural"]

# Plural agent and membership nouns (Quirk et al. 1985, App. I.25-34): "specialists",
# "historians", "participants", "respondents", "organizers", "protestors", "retirees",
# "congressmen", "women". At least three letters before the suffix, so that short words
# ("lists", "ants", "fees") never match; lower case only ("Democrats" is read as a name).
_AGENT_PLURAL = re.compile(
    r"[a-z\-]{3,}(?:ists|ians|ants|ents|ers|ors|ees|eurs|men|folks|people)|women|men|folks"
)
# "-ment" nouns name results, never people ("comments", "statements", "documents").
_RESULT_NOUN = re.compile(r"[a-z\-]+ments")

# Plural nouns with those endings that name things or abstractions, not people: the most
# frequent such words of English news, written by the project from the endings above. Nouns
# for texts ("papers", "letters") are kept out: a text speaks only through the rows of kind
# ``document`` and ``written`` of speaker_nouns.csv.
_THINGS = frozenset(
    """numbers papers letters matters orders powers centers centres others corners borders
    answers offers chapters headquarters quarters waters filters towers computers markets
    registers rumors rumours headers layers sectors factors errors doors floors colors colours
    mirrors rivers fingers banners posters stickers flyers covers events points plants grants
    restaurants variants warrants lines""".split()
)


@lexicon_cache
def _verb_forms() -> frozenset[str]:
    """Every form of the reporting-verb lexicon: "answers", "orders", "offers" are verbs
    before a clause as often as nouns, so they never name people here."""
    return frozenset(reporting_verbs())


def person_plural(word: str) -> bool:
    """``word`` is a plural noun for people by its ending (Quirk et al. 1985): "specialists",
    "respondents", "participants", "organizers"; never a thing noun of ``_THINGS`` or a verb
    form of the reporting-verb lexicon.

    >>> person_plural("participants"), person_plural("comments"), person_plural("others")
    (True, False, False)
    """
    lower = word.lower()
    return (
        _AGENT_PLURAL.fullmatch(lower) is not None
        and _RESULT_NOUN.fullmatch(lower) is None
        and lower not in _THINGS
        and lower not in _verb_forms()
    )


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
