"""Speaker names that are not names: a checker over every fixture and development text.

Issue 19: "No speaker name in any fixture or peer development set starts with a title, an
age, an occupation or 'Former'"; issue 14: "no speaker in any fixture or peer development set
is a date, a street, a document title or web furniture". This script runs
``extract_quotes`` over every shipped and fixture article (``data/articles``,
``tests/fixtures``), the PTC development articles (even ids) and PolNeAR's train texts
(``corpora.py``; dev and test are never read), and lists every speaker (the canonical name
in the ``speaker`` column) in one of these categories. Names are judged (``person``,
``institution``, every word capitalised); a description ("a former aide", "the
57-year-old scientist", kind ``anonymous``) is its own role and is judged only as a date,
a street, a document or furniture.

- **title**: the first word is a title of ``helpers.entities.TITLES`` ("Mr", "Sen.",
  "President", "Prime Minister") followed by more words, or a capitalised title or role
  word stands inside a person's name before its last two words ("County Supervisor of
  Elections Jane Roe");
- **age**: the first word is an age or a hyphenated descriptor ("35-year-old",
  "grandmother-of-three", ``entities.is_descriptor``);
- **occupation**: the first word is a role noun of ``data/lexicons/speaker_nouns.csv``
  ("Minister Jane Roe", "teacher Ana Lopez") followed by a capitalised word;
- **former**: the first word is a qualifier of ``entities.NAME_QUALIFIERS`` ("Former",
  "Ex") or starts with "ex-";
- **date**: every word is a month, a day of the week, a number or a holiday word
  ("Christmas Day", "Tuesday"; "Kristen Day" is a name);
- **street**: the last word is a street word ("Street", "Road", "Avenue" …) and the
  gazetteer knows no organisation of that name;
- **document**: the last word of a capitalised name is a document noun ("Report", "Study",
  "Assessment" …), or the name is 7 words or more, every one capitalised (a headline);
- **furniture**: the name holds web furniture ("Article Continued Below", "Advertisement",
  "Read more", "Sign up" …).

Run (after ``setup_corpora.py``, see ``benchmarks/peer/README.md``)::

    .venv/bin/python benchmarks/peer/bench_speakers.py [--limit N] [--corpus fixtures ptc polnear]

It prints the count per corpus and category (a speaker counted once per article), and up to
10 examples per category, and exits with status 1 if any remain.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import corpora  # noqa: E402

from helpers import article_from_text, speakers  # noqa: E402
from helpers.article import load_article  # noqa: E402
from helpers.lexicons import gazetteer, speaker_nouns  # noqa: E402
from helpers.names import (  # noqa: E402
    DAYS,
    MONTHS,
    NAME_QUALIFIERS,
    TITLES,
    is_descriptor,
    is_title_word,
)
from helpers.who_speaks import NARRATOR, UNKNOWN_SPEAKER  # noqa: E402

CATEGORIES = (
    "title", "age", "occupation", "former", "date", "street", "document", "furniture",
)  # fmt: skip
# Holiday words that make a capitalised run a date ("Christmas Day", "Election Day").
HOLIDAY_WORDS = {"christmas", "easter", "thanksgiving", "hanukkah", "ramadan", "eid", "day", "eve"}
# Words naming a street or a road (postal usage, US and UK).
STREET_WORDS = {
    "street", "road", "rd", "avenue", "ave", "boulevard", "blvd", "lane", "drive",
    "highway", "terrace", "crescent",
}  # fmt: skip
# Head nouns of a document's title.
DOCUMENT_WORDS = {
    "report", "study", "assessment", "survey", "review", "memo", "memorandum", "bill", "act",
    "analysis", "paper", "index", "brief", "transcript", "letter", "statement",
}  # fmt: skip
# Web furniture: navigation, advertising and sharing words of a news page.
FURNITURE = re.compile(
    r"\b(?:continued\s+below|continue\s+reading|advertisement|read\s+more|sign\s+up|"
    r"subscribe|click\s+here|newsletter|share\s+this|follow\s+us|getty\s+images|"
    r"photo\s+credit|related\s+coverage)\b",
    re.IGNORECASE,
)


def categories(name: str, kind: str = "person") -> list[str]:
    """The categories ``name`` (a speaker of ``kind``, as the speakers table gives it) falls
    in; [] for a clean name. A description that is no name ("the former minister", "a
    detective involved in the case": lower case, or kind ``anonymous``) is its own role and
    is judged only on dates, streets, documents and furniture.

    >>> categories("Former Obama"), categories("Sen. Jane Roe"), categories("Jane Roe")
    (['former'], ['title'], [])
    >>> categories("Christmas Day"), categories("Kristen Day"), categories("a former aide")
    (['date'], [], [])
    """
    words = name.split()
    if not words or name in (NARRATOR, UNKNOWN_SPEAKER):
        return []
    found = []
    first = words[0].lower().rstrip(".,")
    lowered = [w.lower().strip(".,’'") for w in words]
    capitalised = all(w[:1].isupper() for w in words if w.lower() not in _SMALL)
    named = capitalised and kind in ("person", "institution", "unknown")
    known_organisation = (gazetteer().get(name.lower()) or {}).get("type") == "organisation"
    two = " ".join(lowered[:2])
    # a title in its written form ("Sen.", "President"), not an acronym ("DR Congo")
    titled = words[0][:1].isupper() and not words[0].isupper() or len(words[0]) == 1
    organisation = kind == "institution" or known_organisation  # "Justice Department"
    if named and len(words) > 1 and titled and (first in TITLES or two in TITLES):
        found += [] if organisation else ["title"]
    if named and (is_descriptor(first) or first in ("aged", "age")):
        found.append("age")
    # a title inside a capitalised run, before the person's name: "County Supervisor of
    # Elections Jane Roe", "Acme News Senior Correspondent Jane Roe"
    inner = [i for i, w in enumerate(words[1:-2], 1) if w[:1].isupper() and is_title_word(w)]
    if named and kind == "person" and inner and "title" not in found:
        found.append("title")
    role = speaker_nouns().get(first, {}).get("kind") == "role" and first not in TITLES
    if named and role and len(words) > 1 and kind == "person":
        found.append("occupation")
    if named and (first in NAME_QUALIFIERS or first.startswith("ex-")):
        found.append("former")
    if capitalised and all(
        w in MONTHS or w in DAYS or w in HOLIDAY_WORDS or w.isdigit() or w in _SMALL
        for w in lowered
    ):
        found.append("date")
    if capitalised and len(words) > 1 and lowered[-1] in STREET_WORDS and not known_organisation:
        found.append("street")
    headline = len(words) >= HEADLINE_WORDS and all(w[:1].isupper() for w in words)
    if headline or (capitalised and not known_organisation and lowered[-1] in DOCUMENT_WORDS):
        found.append("document")
    if FURNITURE.search(name):
        found.append("furniture")
    return found


_SMALL = {"of", "the", "and", "for", "de", "new", "year", "year’s", "year's"}
# A capitalised run this long is a headline or a title, never a speaker's name.
HEADLINE_WORDS = 7


def texts(corpus: str, limit: int):
    """``(doc_id, Article)`` of one corpus."""
    if corpus == "fixtures":
        folders = [ROOT / "data" / "articles", ROOT / "tests" / "fixtures"]
        paths = sorted(p for f in folders for p in f.rglob("*") if p.suffix in (".md", ".txt"))
        for path in paths[: limit or None]:
            try:
                yield str(path.relative_to(ROOT)), load_article(path)
            except Exception:  # noqa: BLE001 — fixtures of bad input are meant to fail
                continue
    elif corpus == "ptc":
        for a in corpora.ptc_articles()[: limit or None]:
            yield f"ptc:{a.id}", article_from_text(a.text, slug=f"ptc-{a.id}")
    elif corpus == "polnear":
        for a in corpora.polnear_train()[: limit or None]:
            yield f"polnear:{a.name}", article_from_text(a.text, slug=a.name)


def check(corpus_names: list[str], limit: int) -> dict:
    """Counts per corpus and category; examples ``(doc, speaker, kind, role)``."""
    counts = {c: collections.Counter() for c in corpus_names}
    examples = collections.defaultdict(list)
    n_docs = collections.Counter()
    for corpus in corpus_names:
        for doc, article in texts(corpus, limit):
            n_docs[corpus] += 1
            table = speakers(article)
            for name, kind, role in zip(table.speaker, table.kind, table.role, strict=True):
                for cat in categories(name, kind):
                    counts[corpus][cat] += 1
                    examples[cat].append((doc, name, kind, role))
    return {"counts": counts, "examples": examples, "docs": n_docs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="first N texts per corpus")
    parser.add_argument("--corpus", nargs="+", default=["fixtures", "ptc", "polnear"])
    parser.add_argument("--examples", type=int, default=10)
    args = parser.parse_args()
    result = check(args.corpus, args.limit)
    header = f"{'corpus':<10} {'texts':>6} " + " ".join(f"{c:>10}" for c in CATEGORIES)
    print(header)
    total = 0
    for corpus in args.corpus:
        row = result["counts"][corpus]
        total += sum(row.values())
        cells = " ".join(f"{row[c]:>10}" for c in CATEGORIES)
        print(f"{corpus:<10} {result['docs'][corpus]:>6} {cells}")
    for cat in CATEGORIES:
        found = result["examples"].get(cat, [])
        if found:
            print(f"\n{cat} ({len(found)}):")
            for doc, name, kind, role in found[: args.examples]:
                print(f"  {name!r:42} {kind:11} role={role!r:30} {doc}")
    print(f"\ntotal: {total}")
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    main()
