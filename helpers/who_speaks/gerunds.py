"""Gerund clauses: the content of "suggest", "report", "recall" … may be a gerund clause.

"X suggested rallying allies", "X reported raising and spending about $9 million", "X
acknowledged having used a private account": no finite verb, but a clause all the same, and
PolNeAR annotates it as the content (issue 19, session 25). A noun in -ing ("reported a
meeting", "reported spending of $6m") is none, nor an adjective in -ing before its noun
("reported soaring profits", "recalled overheating phones": review of session 25): the
fixture README's noun objects stay out. A gerund's object is told from an adjective's noun
by the word after it: a determiner, pronoun, preposition, name, number or adverb opens an
object or a phrase ("suggested rallying NATO allies", "recalled making a replica"); a bare
lower-case noun follows an adjective as often, so it is not read ("suggested raising
taxes" is lost with "reported rising costs").

>>> from ..lexicons import reporting_verbs
>>> is_gerund_clause("rallying NATO allies", reporting_verbs()["suggested"])
True
>>> is_gerund_clause("spending of $6 million", reporting_verbs()["reported"])
False
>>> is_gerund_clause("soaring profits", reporting_verbs()["reported"])
False
"""

from __future__ import annotations

import re

from ..lexicons import ReportingVerb
from ..text import stopwords

__all__ = ["GERUND_VERBS", "is_gerund_clause"]


#: Verbs whose content may be a gerund clause (PolNeAR train, session 25: "suggested rallying
#: allies and …", "reported raising and spending about $9 million", "acknowledged having …").
GERUND_VERBS = frozenset("suggest propose recommend report recall acknowledge admit deny".split())
#: A gerund opening the clause; never a noun in -ing ("reported a meeting", "something") nor
#: one before "of" ("reported spending of $6m" is a noun phrase).
_GERUND_CLAUSE = re.compile(
    r"(?:not\s++)?+(?!(?:some|no|any|every)thing|morning|evening|meeting|hearing|ruling|building|"
    r"briefing|wedding|funding|polling|housing|earnings?|offering|ceiling|feeling|finding|"
    r"warning|beginning|opening|setting|standing|wrongdoing|flooding|bleeding|shootings?|"
    r"bombings?|killings?|looting|rioting|including|according|during|spring|string|king|thing|"
    r"bring|swing|sing)"
    r"(?=[a-z]{5})[a-z]++(?<=ing)\b(?!\s++of\b)"
)


# What may follow a gerund that opens a clause: the end, punctuation, a name or number, an
# adverb in -ly, or a function word of the project's stopword list, which opens its object or
# a phrase ("making a replica", "rallying NATO allies"); never a bare lower-case noun.
_AFTER_GERUND = re.compile(r"\s*+(?:$|[^\w\s]|[A-Z0-9$£€]|[a-z]++ly\b)")
_NEXT_WORD = re.compile(r"\s*+([a-z]++)\b")


def is_gerund_clause(clause: str, verb: ReportingVerb | None) -> bool:
    """``clause`` is a gerund clause after a verb of :data:`GERUND_VERBS` ("suggested
    rallying allies"), not a noun or an adjective in -ing ("reported soaring profits")."""
    if verb is None or verb.lemma not in GERUND_VERBS:
        return False
    text = clause.strip()
    gerund = _GERUND_CLAUSE.match(text)
    if gerund is None:
        return False
    # "acknowledged having used …", "suggested not raising taxes": a verb for certain
    verbal = gerund.group().split()[-1] in ("having", "being") or text.startswith("not ")
    if verbal or _AFTER_GERUND.match(text, gerund.end()):
        return True
    word = _NEXT_WORD.match(text, gerund.end())
    return word is not None and word.group(1) in stopwords()
