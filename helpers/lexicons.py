"""Loaders for the curated word lists in ``data/lexicons/`` (cached; each is read once).

Every list is a plain CSV a teacher can open, argue with and edit; see the files' own
explanation columns and ``data/lexicons/*.md`` for where the entries come from.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache

from .paths import data_dir

__all__ = [
    "ReportingVerb",
    "reporting_verbs",
    "speaker_nouns",
    "gazetteer",
    "org_words",
    "place_prefixes",
    "lexicons_changed",
]


@dataclass(frozen=True)
class ReportingVerb:
    lemma: str
    form: str
    connotation: str
    #: ``yes`` (a clause or a quotation), ``quote`` (only beside a quotation),
    #: ``question`` (a quotation or a whether/if/wh- clause), ``clause`` (only with "that").
    needs: str
    #: whether the ``-ing`` form reports speech (", adding that …") or, like "suggesting",
    #: is usually the writer's own inference.
    gerund_reports: bool
    #: whether the verb often takes a plain noun object ("admitted 14 counts", "confirmed
    #: the deal"), so that a quoted phrase after it is speech only inside a real clause.
    takes_noun_object: bool
    #: whether the verb names its audience before the content ("told reporters that",
    #: "informed the exchanges that", "warned investors that").
    names_audience: bool
    explanation: str


def _rows(name: str) -> list[dict[str, str]]:
    path = data_dir() / "lexicons" / name
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            {k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(line for line in handle if not line.startswith("#"))
        ]


@cache
def reporting_verbs() -> dict[str, ReportingVerb]:
    """Every inflected form (``said``, ``points out``) mapped to its verb entry."""
    verbs = {}
    for row in _rows("reporting_verbs.csv"):
        for form in row["forms"].split("|"):
            verbs[form] = ReportingVerb(
                lemma=row["lemma"],
                form=form,
                connotation=row["connotation"],
                needs=row["needs_clause_or_quote"],
                gerund_reports=row["gerund_reports"] == "yes",
                takes_noun_object=row.get("takes_noun_object") == "yes",
                names_audience=row.get("names_audience") == "yes",
                explanation=row["explanation"],
            )
    return verbs


@cache
def speaker_nouns() -> dict[str, dict[str, str]]:
    """Nouns that can head a speaker phrase: ``{noun or plural: {kind, gender, number}}``.

    ``kind`` is ``role`` (a person's job: minister, coach), ``institution`` (ministry,
    company) or ``anonymous`` (officials, sources). ``generic`` is ``"yes"`` for nouns
    such as *company* or *club*, where "the company" means the organisation named last.
    """
    nouns: dict[str, dict[str, str]] = {}
    for row in _rows("speaker_nouns.csv"):
        entry = {
            "kind": row["kind"],
            "gender": row["gender"],
            "generic": row.get("generic", ""),
            "number": "singular",
        }
        nouns.setdefault(row["noun"].lower(), entry)
        if row["plural"]:
            nouns.setdefault(row["plural"].lower(), {**entry, "number": "plural"})
    return nouns


@cache
def gazetteer() -> dict[str, dict[str, str]]:
    """Known places and organisations: ``{lower-cased name or alias: {name, kind, type}}``.

    ``type`` is ``place`` or ``organisation``; ``kind`` is the file's own (country, city,
    government, media ...). Demonyms map to their place with ``type`` ``demonym``.
    """
    names: dict[str, dict[str, str]] = {}
    for row in _rows("places.csv"):
        entry = {"name": row["name"], "kind": row["kind"], "type": "place"}
        for alias in [row["name"], *filter(None, row.get("aliases", "").split("|"))]:
            names.setdefault(alias.lower(), entry)
        for demonym in filter(None, row.get("demonyms", "").split("|")):
            names.setdefault(demonym.lower(), {**entry, "type": "demonym"})
    for row in _rows("organisations.csv"):
        entry = {
            "name": row["name"],
            "kind": row["kind"],
            "type": "organisation",
            "country": row.get("country", ""),
        }
        for alias in [row["name"], *filter(None, row.get("aliases", "").split("|"))]:
            names.setdefault(alias.lower(), entry)
    return names


@cache
def org_words() -> frozenset[str]:
    """Capitalised head words that make a name an organisation, facility or place."""
    return frozenset(row["word"] for row in _rows("org_words.csv") if row["kind"] != "place-prefix")


@cache
def place_prefixes() -> frozenset[str]:
    """First words of place names ("Lower", "Port", "River", "Lake"): such a name is no person."""
    return frozenset(row["word"] for row in _rows("org_words.csv") if row["kind"] == "place-prefix")


_seen_version: tuple | None = None
_held = 0
_DERIVED: list = []


def derived(loader):
    """Register a cached function computed from the word lists, to be cleared with them."""
    _DERIVED.append(loader)
    return loader


@contextmanager
def lexicons_held() -> Iterator[None]:
    """Within this block the word lists are not checked for changes again: one article's
    tables (``analyze``) are computed with one version of the lexicons, and the files are
    looked at once instead of once per table."""
    global _held
    lexicons_changed()
    _held += 1
    try:
        yield
    finally:
        _held -= 1


def lexicons_changed() -> bool:
    """Forget the cached word lists if a file in ``data/lexicons`` changed since last call.

    A teacher who adds a verb to ``reporting_verbs.csv`` sees the effect on the next run of
    a cell, without restarting the kernel. Returns True when the caches were cleared.
    """
    global _seen_version
    if _held:
        return False
    folder = data_dir() / "lexicons"
    files = sorted(folder.iterdir()) if folder.is_dir() else []
    version = (str(folder), *((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in files))
    if version == _seen_version:
        return False
    from .text import stopwords

    for loader in (reporting_verbs, speaker_nouns, gazetteer, org_words, place_prefixes, stopwords):
        loader.cache_clear()
    for loader in _DERIVED:
        loader.cache_clear()
    _seen_version = version
    return True
