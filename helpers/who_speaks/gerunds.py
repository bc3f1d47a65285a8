"""Gerund clauses: the content of "suggest", "report", "recall" … may be a gerund clause.

"X suggested rallying allies", "X reported raising and spending about $9 million", "X
acknowledged having used a private account": no finite verb, but a clause all the same, and
PolNeAR annotates it as the content (issue 19, session 25). A noun in -ing ("reported a
meeting", "reported spending of $6m") is none: the fixture README's noun objects stay out.

>>> from ..lexicons import reporting_verbs
>>> is_gerund_clause("rallying allies", reporting_verbs()["suggested"])
True
>>> is_gerund_clause("spending of $6 million", reporting_verbs()["reported"])
False
"""

from __future__ import annotations

import re

from ..lexicons import ReportingVerb

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


def is_gerund_clause(clause: str, verb: ReportingVerb | None) -> bool:
    """``clause`` is a gerund clause after a verb of :data:`GERUND_VERBS` ("suggested
    rallying allies"), not a noun in -ing."""
    return bool(
        verb is not None and verb.lemma in GERUND_VERBS and _GERUND_CLAUSE.match(clause.strip())
    )
