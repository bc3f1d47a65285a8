"""The words of names: titles, qualifiers, months and days, the pattern of a capitalised run,
and the tests a word must pass to be part of a person's name.

:mod:`helpers.entities` finds the names of an article with these; :mod:`helpers.who_speaks`
uses them to tell a speaker's name from the words around it ("Former", "Grandmother-of-three",
"Dr.", "Tuesday").

>>> norm_name("Jane  Okafor’s"), is_title_word("Sen."), drop_qualifier("Former Minister Jane Roe")
('jane okafor’s', True, 'Minister Jane Roe')
"""

from __future__ import annotations

import re

from .lexicons import lexicon_cache, lexicon_rows, place_prefixes, speaker_nouns

__all__ = [
    "CAP_RUN",
    "DATELINE_PARTS",
    "DAYS",
    "DETERMINER",
    "LOWER_WORD",
    "MONTHS",
    "MONTHS_AND_DAYS",
    "NAME_CONNECTOR",
    "NAME_QUALIFIERS",
    "NAME_TOKEN",
    "NOT_AFTER_TITLE",
    "NOT_MODIFIERS",
    "OUTLET_FIRST_WORDS",
    "PLACE_BEFORE",
    "POSSESSIVE",
    "SENTENCE_STARTERS",
    "TITLES",
    "TITLE_BEFORE_NAME",
    "TITLE_PREFIX",
    "WHITESPACE",
    "common_opener",
    "drop_qualifier",
    "head_kinds",
    "headline_phrase",
    "is_outlet",
    "is_descriptor",
    "is_title_word",
    "norm_name",
    "ordinary_word",
]


# Titles before names, looked up in lower case without a final full stop; the gender they give.
TITLES = {
    "mr": "male", "mrs": "female", "ms": "female", "miss": "female", "sir": "male",
    "dame": "female", "lord": "male", "lady": "female", "king": "male", "queen": "female",
    "prince": "male", "princess": "female", "pope": "male", "father": "male", "sister": "female",
    "dr": "", "prof": "", "professor": "", "president": "", "prime minister": "",
    "chancellor": "", "senator": "", "sen": "", "rep": "", "gov": "", "governor": "",
    "gen": "", "general": "", "judge": "", "justice": "", "coach": "", "captain": "",
    "capt": "", "mayor": "", "minister": "", "secretary": "", "inspector": "", "detective": "",
    "sergeant": "", "officer": "", "rabbi": "", "imam": "", "reverend": "", "rev": "",
    "det": "", "insp": "", "supt": "", "sgt": "", "lt": "", "col": "", "maj": "", "adm": "",
    "cr": "", "cllr": "", "comrade": "", "chairman": "male", "chairwoman": "female",
    # issue 19 (PolNeAR train: "Admiral Harris", "Representative Brooks", "Pastor Joseph Brown")
    "admiral": "", "ambassador": "", "pastor": "", "representative": "", "commissioner": "",
    "bishop": "", "sheriff": "", "colonel": "", "lieutenant": "", "chief": "",
    # issue 19 (PTC dev: "Cardinal X said"): clerical titles, like "pope" and "bishop"
    "cardinal": "", "archbishop": "", "monsignor": "male", "msgr": "male",
}  # fmt: skip


# Words that qualify a title or a name without being part of it: "Former Okafor adviser Jane
# Roe" names Okafor and Roe, not "Former Okafor" (stripped from a capitalised run).
NAME_QUALIFIERS = frozenset(
    "former ex then late outgoing incoming acting interim retired disgraced embattled".split()
)


# The same titles as a prefix of a name: "Ms Okafor", "Comrade Roe", "Prime Minister X".
TITLE_PREFIX = re.compile(
    r"^(?:"
    + "|".join(
        re.escape(t.title()).replace(r"\ ", r"\s+") for t in sorted(TITLES, key=len, reverse=True)
    )
    + r")\.?\s+"
)


#: Month names, lower case: a capitalised run holding one is a date, not a name.
MONTHS = (
    "january february march april may june july august september october november december"
).split()


#: Days of the week, lower case (dates, not names; adverbials before a verb of speech).
DAYS = "monday tuesday wednesday thursday friday saturday sunday".split()


MONTHS_AND_DAYS = frozenset(MONTHS + DAYS)


# One capitalised word ("O'Neill", "Jean-Luc", "J.R"): the runs are possessive (``*+``), so a
# word is read in one way only; a pattern that lets words follow each other without a space
# would otherwise split "ALLEGATIONS" into letters in exponentially many ways (a hang).
NAME_TOKEN = r"[A-Z][\w’'\-]*+(?:\.(?=[A-Z])[\w’'\-]*+)?+"


#: Small words inside a name: "Bank of England", "Maria de Souza".
NAME_CONNECTOR = r"(?:of|for|de|van|von|bin|al|la|le|da|du|del|der|di)"


# Titles written before names; those with a full stop ("Dr.") must not end a name or sentence.
_TITLE_ABBREVIATIONS = (
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gov", "Sen", "Rep", "Gen", "Lt", "Col", "Capt", "Sgt",
    "Det", "Insp", "Supt", "Rev", "St", "Cr", "Cllr",
)  # fmt: skip


_TITLE_DOT = "|".join(rf"(?<=\b{t})" for t in ("[A-Z]", *_TITLE_ABBREVIATIONS))


#: An optional title abbreviation before a name: "Dr. ", "Sen ".
TITLE_BEFORE_NAME = rf"(?:(?:{'|'.join(_TITLE_ABBREVIATIONS)})\.?\s+)?"


#: Lookbehinds: the position does not follow a title's abbreviation ("Dr.") or an initial.
NOT_AFTER_TITLE = "".join(rf"(?<!\b{t})" for t in (*_TITLE_ABBREVIATIONS, "[A-Z]"))


#: A capitalised run (a candidate name): "Jane Okafor", "Bank of England", "Gov. Feld".
CAP_RUN = re.compile(
    rf"(?<![\w’'\-]){NAME_TOKEN}(?:(?:{_TITLE_DOT})\.)?"
    rf"(?:\s+(?:(?:{NAME_CONNECTOR}|&)\s+(?:the\s+)?)?{NAME_TOKEN}(?:(?:{_TITLE_DOT})\.)?)*"
)


POSSESSIVE = re.compile(r"[’']s?$")


#: Any run of white space (collapsed to one space in names and cues).
WHITESPACE = re.compile(r"\s+")


def norm_name(name: str) -> str:
    """The key a name is indexed under: ``"Lee Min-ho"`` -> ``"lee min ho"``."""
    # the words joined by one space: ``WHITESPACE.sub(" ", …).strip()`` (``\s`` is what
    # ``str.isspace`` says, checked over every code point), without the regex
    return " ".join(name.replace("-", " ").replace("‐", " ").split()).lower()


def drop_qualifier(name: str) -> str:
    """``name`` without a leading qualifier (``NAME_QUALIFIERS``), no part of the name:
    ``"Former Secretary Jane Roe"`` -> ``"Secretary Jane Roe"``."""
    first, _, rest = name.partition(" ")
    return rest if rest and first.lower() in NAME_QUALIFIERS else name


def is_descriptor(word: str) -> bool:
    """A hyphenated descriptor of a person, never a name: ``grandmother-of-three``,
    ``34-year-old``."""
    lowered = word.lower()
    return "-of-" in lowered or lowered.endswith("-year-old")


def is_title_word(word: str) -> bool:
    """A title or role word: ``Ms``, ``minister``, ``co-founder`` (``TITLES``, role nouns)."""
    lowered = word.lower().rstrip(".")
    last = lowered.rsplit("-", 1)[-1]  # "co-founder", "vice-chancellor"
    return lowered in TITLES or any(
        speaker_nouns().get(w, {}).get("kind") == "role" for w in (lowered, last)
    )


def ordinary_word(word: str) -> bool:
    """A word that opens sentences without being a name: ``Speaking``, ``Earlier``."""
    lowered = word.lower()
    return lowered.endswith(("ing", "ly", "ed")) or lowered in SENTENCE_STARTERS


#: Words that never modify a speaker noun ("he", "the" …): a description stops there.
NOT_MODIFIERS = frozenset("he she they it we i the a an these those this that".split())


# Capitalised words that open sentences but are not names ("Speaking to reporters, …")
SENTENCE_STARTERS = frozenset(
    """after although as because before but despite during following given however if in
    irrespective meanwhile since speaking though unlike until when where whereas while with
    without yet asked earlier later last next officials sources critics analysts""".split()
)


#: A determiner or quantity word before a noun ("the", "two", "their").
DETERMINER = r"(?:the|a|an|one|two|three|four|several|some|many|other|its|his|her|their)"


@lexicon_cache
def head_kinds() -> dict[str, str]:
    """``org_words.csv``'s head words with their kind: ``organisation``, ``facility`` or
    ``place`` (the ``place-prefix`` rows are :func:`helpers.lexicons.place_prefixes`).

    >>> head_kinds()["Street"], head_kinds()["Ministry"]
    ('place', 'organisation')
    """
    rows = lexicon_rows("org_words.csv", columns=("word", "kind"))
    return {r["word"]: r["kind"] for r in rows if r["kind"] != "place-prefix"}


#: First words of newspapers' names ("Daily X", "Sunday X"; issue 14): an outlet, no person.
OUTLET_FIRST_WORDS = frozenset("Daily Sunday Weekly Evening Morning".split())


# "Channel 4", "Channel Six": a broadcaster (issue 14)
_CHANNEL = re.compile(
    r"Channel\s++(?:\d++|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve)"
)


def is_outlet(name: str) -> bool:
    """A newspaper's or a broadcaster's name by its pattern: ``Daily X``, ``Sunday X``,
    ``Channel N`` (the last words "Courier", "Wire", "Times" … are ``org_words.csv``'s).

    >>> is_outlet("Daily Lantern"), is_outlet("Channel 9"), is_outlet("Daily")
    (True, True, False)
    """
    words = name.split()
    return (len(words) >= 2 and words[0] in OUTLET_FIRST_WORDS) or bool(_CHANNEL.fullmatch(name))


#: The words before a single capitalised word that make it a place candidate (issue 14):
#: "in X", "at X", "near X", "the town of X" (searched in the 40 characters before the
#: word). Not "from": on the development half it took a language ("translated from X"), and
#: letters, gifts and quotes come "from" people too.
PLACE_BEFORE = re.compile(r"\b(?:in|at|near|(?:town|village|city|hamlet|suburb|county)\s++of)\s++$")


#: A wire dateline at a paragraph's start (issue 14): ``PLACE[, Region][, date]
#: [(Agency)] -`` ("SUNDARPUR, Oct 14 (IBW) -", "VESH, Region —"). Word by word with
#: possessive runs (a paragraph of capitals is read one way only).
DATELINE_PARTS = re.compile(
    r"^(?P<place>[A-Z][A-Z’'\-]++(?:[ ][A-Z][A-Z’'\-]++)*+)"
    r"(?:,[ ](?P<region>[A-Z][a-z][\w’'\-]*+(?:[ ][A-Z][a-z][\w’'\-]*+)?+))?"
    r"(?:,[ ](?P<date>[A-Z][a-z]{2,8}+\.?[ ]\d{1,2}+|\d{1,2}+[ ][A-Z][a-z]{2,8}+))?+"
    r"[ ]*+(?:\((?P<agency>[^()\n]{2,40}+)\)[ ]*+)?+[-–—]"
)


#: A word written in lower case (the article's ordinary words: :func:`common_opener`).
LOWER_WORD = re.compile(r"\b[a-z][a-z’'\-]*+")


def common_opener(words: list[str], lower: frozenset[str]) -> bool:
    """A sentence's first word that the article also writes in lower case (``lower``), or
    a noun for people ("Residents", "Shareholders"; ``speaker_nouns.csv``), before "of" or
    "for" and a name: no part of it ("Shares of Acme" -> "Acme"), unless a head word, a
    place's or an outlet's first word or a title says it is ("Bank of X", "Governor of X";
    issue 14). Only before "of"/"for": a first name may be a common word ("Mark", "Rose").

    >>> common_opener(["Shares", "of", "Acme"], frozenset({"shares"}))
    True
    >>> common_opener(["Mark", "Tully"], frozenset({"mark"}))
    False
    """
    first = words[0]
    return (
        len(words) > 2
        and words[1] in ("of", "for")  # "Mark Tully" keeps its first name, "mark" or not
        and (first.lower() in lower or first.lower() in speaker_nouns())
        and first not in head_kinds()
        and first not in place_prefixes()
        and first not in OUTLET_FIRST_WORDS
        and not is_title_word(first)
    )


def headline_phrase(run: str, lower: frozenset[str]) -> bool:
    """A headline's capitalised run of two capitalised words or more, half of which or more
    the article writes in lower case (``lower``): a Title Case headline's words, not a name
    ("Insurers Flee Fire Country"; issue 14).

    >>> headline_phrase("Insurers Flee Fire Country", frozenset({"insurers", "fire", "country"}))
    True
    >>> headline_phrase("Ana Ruiz", frozenset({"rose"}))
    False
    """
    words = [w for w in run.split() if w[:1].isupper()]
    return len(words) >= 2 and 2 * sum(w.lower() in lower for w in words) >= len(words)
