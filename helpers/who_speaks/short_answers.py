"""Short answers: "yes", "no" or "so" as the whole content of a verb of saying.

After a question ("Asked if he was ever bullied, X said no.") or in a poll ("72 percent said
yes", "half said so in the earlier poll") the one word is what was said; PolNeAR annotates it
as the content (issue 19, session 25; 9 such contents missed in the train split at 091ad26).
:mod:`.content` calls :func:`short_answer` before it asks for a reported clause.

>>> from ..lexicons import reporting_verbs
>>> text = "Asked if he was bullied, Jane Roe said no."
>>> at = text.index("no.")
>>> text[at : short_answer(text, at, len(text), reporting_verbs()["said"])]
'no'
>>> short_answer("She said no to the plan.", 9, 24, reporting_verbs()["said"])
0
"""

from __future__ import annotations

import re

from ..lexicons import ReportingVerb
from .cues import only_adverbials

__all__ = ["SHORT_ANSWER", "short_answer"]

#: A one-word answer after a verb of saying ("Asked if he was bullied, X said no.", "72 percent
#: said yes", "half said so in the earlier poll"): PolNeAR annotates the word as the content
#: (session 25). "said no to the plan" is a refusal, not an answer.
SHORT_ANSWER = "short answer: yes, no or so ('72 percent said yes')"
_ANSWER = re.compile(r"(?:yes|no|so)\b(?!\s++to\b)", re.IGNORECASE)
_ANSWER_VERBS = frozenset({"say", "answer", "reply", "respond"})


def short_answer(text: str, a: int, b: int, verb: ReportingVerb | None) -> int:
    """Where the answer "yes", "no" or "so" right after a verb of saying ends, when only
    adverbials stand between it and a punctuation mark or the clause's end; else 0."""
    if verb is None or verb.lemma not in _ANSWER_VERBS:
        return 0
    m = _ANSWER.match(text, a, b)
    if m is None:
        return 0
    stop = re.compile(r"[,.;:!?]").search(text, m.end(), b)
    rest = text[m.end() : stop.start() if stop else b]
    return m.end() if only_adverbials(rest) else 0
