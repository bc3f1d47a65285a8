"""Who and what the article is about: every entity, every mention of it, and why.

``entities(article)`` gathers what the suite already finds (:mod:`helpers.entities` for the
names, the attribution in :mod:`helpers.quotes` for who speaks, the stance targets of
:mod:`helpers.stance` with their aliases, demonyms and metonyms) into one table a student
can check: one row per mention, with its offsets in the paragraph (``-1`` the headline), the
entity's kind and how each decision was made:

- ``kind_how``: the rule that typed the entity, e.g. ``gazetteer: country``, ``organisation
  word "Council"``, ``described as "the mayor"``, ``acronym``, ``two or more capitalised
  words``, ``front matter`` (a reader's target);
- ``mention_how``: ``name`` (the entity's own name or one the article uses for it),
  ``front matter`` (an alias the reader listed), ``gazetteer alias`` (a demonym or metonym
  the gazetteer links to it: "French", "the Élysée"), ``writer's gloss`` ("… the
  profiteers", a reference to the banks), or ``pronoun rule`` (a sentence-initial
  "He"/"She" linked to the person the outlet named last, the rule stance uses,
  :data:`helpers.stance.PRONOUN_LINK`).

Kinds: ``person``, ``organisation``, ``place``, ``group`` (an unnamed group that speaks:
"critics") and ``other`` (a reader's target the suite cannot type, e.g. a plan).
"""

from __future__ import annotations

from itertools import takewhile

import pandas as pd

from .article import Article
from .contract import conform
from .entities import EntityIndex, org_words
from .lexicons import gazetteer
from .names import DATELINE_PARTS, MONTHS_AND_DAYS, head_kinds, is_outlet
from .sentences import split_sentences
from .stance import alias_index, pronoun_link, target_mentions, targets
from .who_speaks import attribution

__all__ = ["entities", "ENTITY_COLUMNS"]

ENTITY_COLUMNS = [
    "entity", "kind", "kind_how", "mention", "paragraph", "start", "end", "mention_how",
]  # fmt: skip
_KINDS = {"person": "person", "institution": "organisation", "place": "place",
          "anonymous": "group", "declared": "other"}  # fmt: skip


def entities(article: Article) -> pd.DataFrame:
    """One row per mention of every entity: ``entity, kind, kind_how, mention, paragraph,
    start, end, mention_how`` (offsets into ``article.paragraphs[paragraph]``, or the title
    when ``paragraph`` is -1), in reading order.

    >>> from helpers import article_from_text
    >>> text = "A calm day\\n\\nAna Ruiz met Harbury Council. She was calm."
    >>> t = entities(article_from_text(text))
    >>> t[["entity", "kind", "mention", "mention_how"]].values.tolist()
    [['Ana Ruiz', 'person', 'Ana Ruiz', 'name'], ['Harbury Council', 'organisation', \
'Harbury Council', 'name'], ['Ana Ruiz', 'person', 'She', 'pronoun rule']]
    """
    table = _with_datelines(targets(article), article)
    analysis = attribution(article)
    people = {e.canonical: e for e in analysis.index.entities.values()}
    how: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for target, kind, aliases, source in zip(
        table["target"], table["kind"], table["aliases"], table["source"], strict=True
    ):
        entity = next((people[a] for a in aliases if a in people), None)
        kinds[target] = _KINDS.get(kind, "other")
        if source == "front matter" and entity is None:
            how[target] = "front matter"
        elif source == "dateline":
            how[target] = "dateline"
        elif source == "gazetteer":
            known = gazetteer().get(target.lower()) or {}
            how[target] = f"gazetteer: {known.get('type', 'place')}"
        else:
            how[target] = _kind_how(entity) if entity is not None else "entity rules"
    names = {t: set(a) for t, a in zip(table["target"], table["aliases"], strict=True)}
    sources = dict(zip(table["target"], table["source"], strict=True))
    listed = article.meta.get("targets")
    declared = {
        str(a) for t, v in (listed.items() if isinstance(listed, dict) else ())
        for a in [t, *(v if isinstance(v, list) else [v])]
    }  # fmt: skip
    own = {t: {t, *(e for e in names[t] if e in people)} for t in names}
    index = alias_index(table)
    genders = {t: people[next(iter(own[t] & set(people)))].gender if own[t] & set(people) else ""
               for t in names if kinds[t] == "person"}  # fmt: skip
    rows = []
    last: tuple[int, str] | None = None
    for p, text in enumerate([article.title, *article.paragraphs], start=-1):
        for start, end in split_sentences(text):
            found = target_mentions(text[start:end], index)
            for a, b, target in found:
                alias = text[start + a : start + b]
                mention_how = _mention_how(
                    alias.removesuffix("’s").removesuffix("'s"), target, sources, declared
                )
                rows.append((target, kinds[target], how[target], alias, p, start + a, start + b,
                             mention_how))  # fmt: skip
            pronoun = pronoun_link(text, start, p, last, {t for *_, t in found}, genders)
            if pronoun:
                rows.append((last[1], "person", how[last[1]], pronoun.group(1), p,
                             pronoun.start(1), pronoun.end(1), "pronoun rule"))  # fmt: skip
            persons = [t for *_, t in found if t in genders]
            if persons:
                last = (p, persons[-1])
    return conform(pd.DataFrame(rows, columns=ENTITY_COLUMNS), "entities")


def _with_datelines(table: pd.DataFrame, article: Article) -> pd.DataFrame:
    """``table`` (the stance targets) with the places and news agencies of the paragraphs'
    datelines (``names.DATELINE_PARTS``: "HALDEN, Region, June 5 (Wire) -"; issue 14): a
    place or agency the table holds under the same name gains the written form as an alias,
    any other is a new row of ``source`` ``dateline``."""
    found: list[tuple[str, str, str]] = []  # (as written, canonical, kind)
    for text in article.paragraphs:
        m = DATELINE_PARTS.match(text)
        if m and (m["region"] or m["date"] or m["agency"]):
            found.append((m["place"], m["place"].title(), "place"))
            region = m["region"]
            if region and region.lower() not in MONTHS_AND_DAYS:
                found.append((region, region, "place"))
            if m["agency"]:
                found.append((m["agency"], m["agency"], "institution"))
    if not found:
        return table
    table = table.copy()
    known = {t.lower(): i for i, t in enumerate(table["target"])}
    rows = []
    for written, canonical, kind in dict.fromkeys(found):
        at = known.get(canonical.lower())
        if at is not None:
            table.at[at, "aliases"] = [*table.at[at, "aliases"], written]
        elif canonical.lower() not in {r["target"].lower() for r in rows}:
            rows.append({"target": canonical, "kind": kind, "aliases": [written, canonical],
                         "n_mentions": 1, "source": "dateline"})  # fmt: skip
    return pd.concat([table, pd.DataFrame(rows, columns=table.columns)], ignore_index=True)


def _mention_how(alias: str, target: str, sources: dict[str, str], declared: set[str]) -> str:
    """``name``, ``front matter`` (an alias the reader listed), ``gazetteer alias`` (a
    demonym, short name or metonym) or ``writer's gloss`` ("… the profiteers", a reference
    to the banks)."""
    if alias == target or (sources[target] == "names" and alias not in declared):
        return "name"
    if alias in declared:
        return "front matter"
    if sources[target] == "gazetteer" and alias.lower() in gazetteer():
        return "gazetteer alias"
    return "writer's gloss" if sources[target] == "gazetteer" else "name"


def _kind_how(entity) -> str:
    """The rule of :meth:`helpers.entities.EntityIndex.classify` (or the description) that
    gave ``entity`` its kind, in words."""
    name = entity.canonical
    rule = EntityIndex.classify(name)
    words = name.split()
    if rule == entity.kind:
        known = gazetteer().get(name.lower())
        if known:
            return f"gazetteer: {known['type']}"
        before = list(takewhile(lambda w: w not in ("of", "for", "de", "du"), words))
        head = (before or words)[-1].strip(".,")
        if rule == "institution":
            if "&" in words:
                return 'a "&" in the name'
            if is_outlet(name):
                return f'outlet\'s name "{words[0]}"'
            if head in org_words() or words[-1] in org_words():
                return f'organisation word "{head if head in org_words() else words[-1]}"'
            return "acronym"
        if rule == "place":
            placed = [w for w in (head, words[-1]) if head_kinds().get(w) == "place"]
            return f'place word "{(placed or words)[0]}"'  # "Mill Lane", "Lower Marrick"
        if rule == "person":
            return "two or more capitalised words"
    if entity.how:
        return entity.how
    if entity.role:
        return f'described as "{entity.role}"'
    return "speaker of a verb of speech" if entity.kind == "person" else "entity rules"
