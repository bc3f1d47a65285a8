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
SHORT_ANSWER = "short answer: yes, no, so or the same ('72 percent said yes')"
#: "the same (of X)" is the poll's pro-form too: "61 percent say the same of Jane Roe".
_ANSWER = re.compile(
    r"(?:yes|no|so|the\s++same(?:\s++of(?:\s++[A-Z][\w’'\-]*+){1,3}+)?+)\b(?!\s++to\b)",
    re.IGNORECASE,
)
#: What may follow the answer: a conjunction ("said yes while 48 percent agreed") or a short
#: phrase of time or place ("said so in the earlier poll").
_AFTER_ANSWER = re.compile(
    r"\s++(?:while|but|and|whereas|though|although)\b.*+"
    r"|\s++(?:in|during|at|on|by|last|this|earlier)\s[^,.;:!?“”\"]{1,40}+",
    re.IGNORECASE,
)
_ANSWER_VERBS = frozenset({"say", "answer", "reply", "respond"})


def short_answer(text: str, a: int, b: int, verb: ReportingVerb | None) -> int:
    """Where the answer "yes", "no", "so" or "the same" right after a verb of saying ends,
    when only adverbials, a conjunction or a short phrase follow it; else 0."""
    if verb is None or verb.lemma not in _ANSWER_VERBS:
        return 0
    m = _ANSWER.match(text, a, b)
    if m is None:
        return 0
    stop = re.compile(r"[,.;:!?]").search(text, m.end(), b)
    rest = text[m.end() : stop.start() if stop else b]
    ok = only_adverbials(rest) or _AFTER_ANSWER.fullmatch(rest)
    return m.end() if ok else 0
