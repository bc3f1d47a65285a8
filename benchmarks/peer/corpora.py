"""Readers for the peer corpora's DEVELOPMENT parts, from the local cache (never the network).

The cache is filled once by ``benchmarks/peer/setup_corpora.py`` (see ``README.md`` here);
its root is ``$READING_NEWS_PEER_CACHE``, by default ``~/.cache/reading-the-news/peer/``::

    ptc/train-articles/article<ID>.txt                      (even IDs only)
    ptc/train-labels-task2-technique-classification/article<ID>.task2-TC.labels
    persent/dev.csv
    babe/final_labels_SG2.csv                               (readers keep even rows only)
    polnear/metadata.tsv                                    (train rows only)
    polnear/train/text/<name>.txt
    polnear/train/attributions/<name>_<annotator>.ann      (brat standoff)

Every reader enforces the development filter itself (even PTC ids, even BABE rows), so a cache
filled by hand with more files still gives only the development part. The held-out parts
(odd PTC ids, PerSenT test, PolNeAR dev/test, odd BABE rows) are the team's final check.

>>> import os; os.environ.get("READING_NEWS_PEER_CACHE", "unset") != ""  # doctest: +SKIP
True
"""

from __future__ import annotations

import ast
import csv
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

__all__ = [
    "CacheMissingError",
    "PtcSpan",
    "PtcArticle",
    "Span",
    "Attribution",
    "PolnearArticle",
    "cache_root",
    "ptc_articles",
    "persent_dev",
    "babe_sentences",
    "polnear_train",
    "iter_all_dev_texts",
    "CORPORA",
]

#: The four corpora, in the order ``iter_all_dev_texts`` walks them.
CORPORA = ("ptc", "persent", "babe", "polnear")
ENV_VAR = "READING_NEWS_PEER_CACHE"
DEFAULT_CACHE = Path("~/.cache/reading-the-news/peer")

PTC_ARTICLES = "ptc/train-articles"
PTC_LABELS = "ptc/train-labels-task2-technique-classification"
PERSENT_DEV = "persent/dev.csv"
BABE_CSV = "babe/final_labels_SG2.csv"
POLNEAR_METADATA = "polnear/metadata.tsv"
POLNEAR_TEXT = "polnear/train/text"
POLNEAR_ANN = "polnear/train/attributions"

_PTC_NAME = re.compile(r"article(\d+)\.txt")


class CacheMissingError(FileNotFoundError):
    """A corpus is not in the cache: the message says which file and the command to run."""


def cache_root() -> Path:
    """``$READING_NEWS_PEER_CACHE``, or ``~/.cache/reading-the-news/peer`` when unset.

    >>> isinstance(cache_root(), Path)
    True
    """
    value = os.environ.get(ENV_VAR)
    return Path(value).expanduser() if value else DEFAULT_CACHE.expanduser()


def _need(relative: str) -> Path:
    path = cache_root() / relative
    if not path.exists():
        corpus = relative.split("/", 1)[0]
        raise CacheMissingError(
            f"{path} is missing: the {corpus} corpus is not in the peer cache. Set it up once "
            f"from a local copy with: python benchmarks/peer/setup_corpora.py --{corpus} DIR "
            f"(see benchmarks/peer/README.md; the cache root is ${ENV_VAR} or {DEFAULT_CACHE})"
        )
    return path


def _read_exact(path: Path) -> str:
    """UTF-8 text with its newlines untouched (the corpora's offsets count every character)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


# --- PTC (SemEval-2020 Task 11) -------------------------------------------------------------


@dataclass(frozen=True)
class PtcSpan:
    """One annotated technique: ``text[start:end]`` (end exclusive), as in the task2 labels."""

    start: int
    end: int
    technique: str


@dataclass(frozen=True)
class PtcArticle:
    """One PTC training article (headline on the first line) and its technique spans."""

    id: int
    text: str
    spans: tuple[PtcSpan, ...]


def ptc_articles() -> list[PtcArticle]:
    """The PTC training articles whose numeric id is EVEN, sorted by id, with their spans.

    Labels file columns (``datasets/README.md`` of the corpus): article id, technique, start
    (inclusive), end (exclusive), tab-separated. An article with no labels file has no spans.
    """
    folder = _need(PTC_ARTICLES)
    labels = _need(PTC_LABELS)
    found = {}
    for path in folder.glob("article*.txt"):
        match = _PTC_NAME.fullmatch(path.name)
        if match and int(match.group(1)) % 2 == 0:  # odd ids are the held-out check
            found[int(match.group(1))] = path
    out = []
    for article_id, path in sorted(found.items()):
        text = _read_exact(path)
        spans = []
        label_path = labels / f"article{article_id}.task2-TC.labels"
        if label_path.exists():
            for number, line in enumerate(_read_exact(label_path).splitlines(), 1):
                if not line.strip():
                    continue
                parts = line.split("\t")
                if len(parts) != 4 or parts[0] != str(article_id):
                    raise ValueError(
                        f"{label_path}, line {number}: expected 'id<TAB>technique<TAB>start"
                        f"<TAB>end' for article {article_id}, got {line!r}"
                    )
                start, end = int(parts[2]), int(parts[3])
                if not 0 <= start < end <= len(text):
                    raise ValueError(
                        f"{label_path}, line {number}: span {start}-{end} lies outside the "
                        f"article's {len(text)} characters"
                    )
                spans.append(PtcSpan(start, end, parts[1]))
        spans.sort(key=lambda s: (s.start, s.end, s.technique))
        out.append(PtcArticle(article_id, text, tuple(spans)))
    if not out:
        raise CacheMissingError(f"{folder} holds no even-id article<ID>.txt: run setup_corpora.py")
    return out


# --- PerSenT ----------------------------------------------------------------------------------


def persent_dev() -> pd.DataFrame:
    """PerSenT's ``dev.csv`` (Bastan et al. 2020) as it is: one row per document.

    Columns: ``DOCUMENT_INDEX``; ``TITLE``; ``TARGET_ENTITY`` (the main person of the
    article); ``DOCUMENT`` (the text, paragraphs on separate lines); ``MASKED_DOCUMENT`` (the
    same with that person replaced by ``[TGT]``); ``TRUE_SENTIMENT`` (the author's sentiment
    toward that person over the whole document: Negative, Neutral or Positive);
    ``Paragraph0`` … ``Paragraph15`` (the same judgement per paragraph, empty when there is
    no such paragraph or it was not labelled).
    """
    path = _need(PERSENT_DEV)
    frame = pd.read_csv(path, dtype={"DOCUMENT_INDEX": "int64"}, keep_default_na=False)
    missing = {"DOCUMENT_INDEX", "TARGET_ENTITY", "DOCUMENT", "TRUE_SENTIMENT"} - set(frame)
    if missing:
        raise ValueError(f"{path}: not PerSenT's dev.csv, columns {sorted(missing)} missing")
    return frame


# --- BABE -------------------------------------------------------------------------------------


def babe_sentences() -> pd.DataFrame:
    """BABE SG2 sentences (Spinde et al. 2021) at EVEN 0-based row positions of the csv.

    Columns: ``row`` (0-based position in ``final_labels_SG2.csv``, header excluded),
    ``text``, ``label`` ("Biased" / "Non-biased", the ``label_bias`` column), ``biased_words``
    (list of the words the experts marked), ``outlet``, ``topic``, ``type`` (the outlet's
    political orientation), ``label_opinion``. The csv is semicolon-separated, UTF-8 with a
    byte-order mark, ``biased_words`` written as a Python list literal.
    """
    path = _need(BABE_CSV)
    frame = pd.read_csv(path, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    missing = {"text", "label_bias", "biased_words"} - set(frame)
    if missing:
        raise ValueError(f"{path}: not BABE's final_labels_SG2.csv, {sorted(missing)} missing")
    frame.insert(0, "row", range(len(frame)))
    frame = frame[frame["row"] % 2 == 0].reset_index(drop=True)  # odd rows are held out
    frame["biased_words"] = [_word_list(v, path) for v in frame["biased_words"]]
    frame = frame.rename(columns={"label_bias": "label"})
    keep = ["row", "text", "label", "biased_words", "outlet", "topic", "type", "label_opinion"]
    return frame[[c for c in keep if c in frame]]


def _word_list(value: str, path: Path) -> list[str]:
    if not value.strip():
        return []
    try:
        words = ast.literal_eval(value)
    except (ValueError, SyntaxError):
        raise ValueError(f"{path}: biased_words {value!r} is not a list literal") from None
    if not isinstance(words, list | tuple):
        raise ValueError(f"{path}: biased_words {value!r} is not a list")
    return [str(w) for w in words]


# --- PolNeAR ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """A brat text-bound span: ``fragments`` are (start, end) character offsets into the
    article text, end exclusive (several when the annotator marked a discontinuous span);
    ``start``/``end`` are the outer bounds; ``text`` the fragments' text joined by spaces,
    as brat writes it."""

    start: int
    end: int
    text: str
    fragments: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Attribution:
    """One PolNeAR attribution relation (brat event ``E<n>``). ``source`` is ``None`` for the
    corpus's ``Attribution-no-source`` events; ``content`` joins ``Content`` and ``Content2``."""

    id: str
    source: Span | None
    cue: Span | None
    content: Span | None


@dataclass(frozen=True)
class PolnearArticle:
    """One PolNeAR train article with one annotator's attributions."""

    name: str
    outlet: str
    date: str
    title: str
    text: str
    annotator: str
    attributions: tuple[Attribution, ...]


def polnear_train(*, all_annotators: bool = False) -> list[PolnearArticle]:
    """PolNeAR's train split (Newell et al. 2018), sorted by file name.

    An article annotated by several people (for agreement checks) comes once, with the first
    annotator listed in ``metadata.tsv`` that has a file; ``all_annotators=True`` gives one
    entry per annotator instead. ``outlet`` is the corpus's publisher code (``nyt``,
    ``breitbart``, ``wash-post`` ...).
    """
    meta_path = _need(POLNEAR_METADATA)
    text_dir = _need(POLNEAR_TEXT)
    ann_dir = _need(POLNEAR_ANN)
    with open(meta_path, encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r["compartment"] == "train"]
    out = []
    for row in sorted(rows, key=lambda r: r["filename"]):
        name = row["filename"]
        text_path = text_dir / f"{name}.txt"
        if not text_path.exists():
            raise CacheMissingError(f"{text_path} is missing: run setup_corpora.py --polnear again")
        text = _read_exact(text_path)
        annotators = [a for a in row["annotators"].split("|") if a]
        found = [a for a in annotators if (ann_dir / f"{name}_{a}.ann").exists()]
        if not found:
            raise CacheMissingError(f"{ann_dir} has no {name}_<annotator>.ann: run setup again")
        for annotator in found if all_annotators else found[:1]:
            path = ann_dir / f"{name}_{annotator}.ann"
            attributions = parse_brat(_read_exact(path), text, where=str(path))
            out.append(
                PolnearArticle(
                    name=name,
                    outlet=row["publisher"],
                    date=row["publication_date"],
                    title=row["title"],
                    text=text,
                    annotator=annotator,
                    attributions=attributions,
                )
            )
    return out


_RECORD = re.compile(r"[TERAMN#*]\d*\t")  # brat's record kinds: a line starting otherwise
_T_LINE = re.compile(r"(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)", re.DOTALL)  # continues
_E_LINE = re.compile(r"(E\d+)\t(.*)")


def parse_brat(ann: str, text: str, *, where: str = "<ann>") -> tuple[Attribution, ...]:
    """Attributions of a PolNeAR brat standoff file, checked against the article text.

    Text-bound lines ``T<n><TAB>Role start end[;start end...]<TAB>text`` (roles Source, Cue,
    Content, and the trigger Attribution); event lines ``E<n><TAB>Attribution:T4 Source:T1
    Cue:T2 Content:T3`` (or ``Attribution-no-source:T..``). A discontinuous span's text runs
    over several lines in the file (brat writes the fragments' own newlines); notes (``#``)
    and other line kinds are skipped. Raises ``ValueError`` naming ``where`` when an offset
    does not match the text.

    >>> parse_brat("T1\\tSource 0 2\\tHe\\nT2\\tCue 3 7\\tsaid\\nE1\\tAttribution:T2 Cue:T2 "
    ...            "Source:T1", "He said so.")[0].source.text
    'He'
    """
    records: list[tuple[int, str]] = []
    for number, line in enumerate(ann.split("\n"), 1):
        if _RECORD.match(line) or not records:
            records.append((number, line))
        else:  # a span's own newline: brat writes its text over several lines
            records[-1] = (records[-1][0], records[-1][1] + "\n" + line)
    spans: dict[str, Span] = {}
    events = []
    for number, record in records:
        match = _T_LINE.fullmatch(record)
        if match:
            tid, _role, offsets, written = match.groups()
            fragments = tuple(
                (int(a), int(b)) for a, b in (pair.split() for pair in offsets.split(";"))
            )
            for start, end in fragments:
                if not 0 <= start <= end <= len(text):
                    raise ValueError(
                        f"{where}, line {number}: offsets {start}-{end} lie outside the "
                        f"text's {len(text)} characters"
                    )
            joined = " ".join(text[a:b] for a, b in fragments)
            # the written text may be followed by blank lines of the file, never by more text
            if written[: len(joined)] != joined or written[len(joined) :].strip():
                raise ValueError(
                    f"{where}, line {number}: {tid} says {written.rstrip()!r} but the text at "
                    f"{offsets} is {joined!r}"
                )
            spans[tid] = Span(fragments[0][0], max(b for _, b in fragments), joined, fragments)
            continue
        match = _E_LINE.fullmatch(record.rstrip())  # blank lines after it are no part of it
        if match:
            events.append((number, match.group(1), match.group(2).split()))
    out = []
    for number, eid, args in events:
        roles: dict[str, list[Span]] = {}
        for arg in args:
            role, _, tid = arg.partition(":")
            if tid not in spans:
                raise ValueError(f"{where}, line {number}: {eid} names {tid}, which is not a span")
            roles.setdefault(re.sub(r"\d+$", "", role), []).append(spans[tid])
        out.append(
            Attribution(
                id=eid,
                source=_merge(roles.get("Source")),
                cue=_merge(roles.get("Cue")),
                content=_merge(roles.get("Content")),
            )
        )
    return tuple(out)


def _merge(found: list[Span] | None) -> Span | None:
    if not found:
        return None
    if len(found) == 1:
        return found[0]
    fragments = tuple(sorted(f for span in found for f in span.fragments))
    ordered = sorted(found, key=lambda s: s.start)
    return Span(
        fragments[0][0],
        max(b for _, b in fragments),
        " ".join(s.text for s in ordered),
        fragments,
    )


# --- every development text -------------------------------------------------------------------


def iter_all_dev_texts(
    corpora: tuple[str, ...] | list[str] = CORPORA,
) -> Iterator[tuple[str, str, str]]:
    """``(corpus, doc_id, text)`` for every development document of the chosen corpora.

    PTC and PolNeAR texts start with their headline line; a PerSenT document and a BABE
    sentence have none (``TITLE`` is in ``persent_dev()``). Ids: PTC ``article<ID>``, PerSenT
    ``DOCUMENT_INDEX``, BABE ``row<N>`` (0-based csv row), PolNeAR the file name.
    """
    unknown = set(corpora) - set(CORPORA)
    if unknown:
        raise ValueError(f"unknown corpus {sorted(unknown)}; choose from {', '.join(CORPORA)}")
    for corpus in corpora:
        if corpus == "ptc":
            for article in ptc_articles():
                yield "ptc", f"article{article.id}", article.text
        elif corpus == "persent":
            for row in persent_dev().itertuples(index=False):
                yield "persent", str(row.DOCUMENT_INDEX), row.DOCUMENT
        elif corpus == "babe":
            for row in babe_sentences().itertuples(index=False):
                yield "babe", f"row{row.row}", row.text
        else:
            for article in polnear_train():
                yield "polnear", article.name, article.text
