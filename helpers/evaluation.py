"""Score the quote extractor against hand-annotated articles (precision and recall).

An annotation file ``NAME.expected.yaml`` sits beside ``NAME.md`` (format in
``tests/fixtures/quotes/README.md``). A predicted utterance *matches* an expected one when
both are in the same paragraph and their content spans overlap by at least half of each;
the attribution is *correct* when the speakers agree after normalisation (case, a leading
article, hyphens; for groups, one name containing the other, as "officials" and
"officials in both capitals"). The measures follow the attribution literature
(Pareti 2016; Asr et al. 2021): recall = correct / expected, precision = correct / predicted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from .article import Article, load_article
from .lexicons import gazetteer
from .quotes import extract_quotes, scare_quotes
from .sentences import split_sentences

__all__ = [
    "QuoteScore", "load_expected", "score_article", "score_folder", "same_speaker",
    "ENTITY_KINDS", "entity_key", "load_entity_gold", "match_entities", "entity_scores",
    "capitalised_baseline", "gazetteer_baseline", "layer_prediction", "score_entity_fixtures",
]  # fmt: skip


@dataclass(frozen=True)
class QuoteScore:
    expected: int
    predicted: int
    correct: int  # matched span with the right speaker
    exact_span: int  # correct and character-exact content span
    right_kind: int  # correct and the same kind (direct / partial / indirect)
    trap_hits: int  # predicted utterances overlapping a trap phrase
    scare_expected: int
    scare_found: int

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0


def _norm(name: str) -> str:
    name = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I)
    name = re.sub(r"['’]s\b", "", name.replace("’", "'")).rstrip(".")  # "Sorvik's family", "Inc."
    return re.sub(r"[\s\-‐]+", " ", name).lower().strip()


def same_speaker(predicted: str, expected: str) -> bool:
    """Speakers agree after normalisation, or one name contains the other as words.

    >>> same_speaker("US officials", "officials"), same_speaker("Lee Min Ho", "Lee Min-ho")
    (True, True)
    """
    a, b = _norm(predicted), _norm(expected)
    if a == b:
        return True
    wa, wb = f" {a} ", f" {b} "
    return bool(a and b) and (wa in wb or wb in wa)


def load_expected(path: str | Path) -> dict:
    """The annotation beside an article: ``NAME.md`` → ``NAME.expected.yaml``."""
    path = Path(path)
    with path.with_name(path.stem + ".expected.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def score_article(path: str | Path) -> tuple[QuoteScore, pd.DataFrame]:
    """Score one annotated article; also return a row per expected or predicted utterance."""
    article = load_article(path)
    expected = load_expected(path)
    predicted = extract_quotes(article)
    rows, used = [], set()
    correct = exact = kind_ok = 0
    for e in expected.get("quotes") or []:
        para = article.paragraphs[e["paragraph"]]
        e0 = para.find(e["text"])
        e1 = e0 + len(e["text"])
        best = None
        for i, pr in predicted[predicted.paragraph == e["paragraph"]].iterrows():
            ov = _overlap(e0, e1, pr.start, pr.end)
            if ov >= 0.5 * (e1 - e0) and ov >= 0.5 * (pr.end - pr.start) and i not in used:
                best = (i, pr)
                break
        status = "missed"
        if best is not None:
            i, pr = best
            used.add(i)
            if same_speaker(pr.speaker, e["speaker"]):
                correct += 1
                exact += int((pr.start, pr.end) == (e0, e1))
                kind_ok += int(pr.kind == e["kind"])
                status = "correct"
            else:
                status = f"wrong speaker: {pr.speaker}"
        rows.append((Path(path).stem, e["paragraph"], e["speaker"], e["kind"], e["text"], status))
    for i, pr in predicted.iterrows():
        if i not in used:
            rows.append((Path(path).stem, pr.paragraph, pr.speaker, pr.kind, pr.text, "spurious"))
    trap_hits = 0
    for trap in expected.get("traps") or []:
        para = article.paragraphs[trap["paragraph"]]
        t0 = para.find(trap["text"])
        t1 = t0 + len(trap["text"])
        hits = predicted[(predicted.paragraph == trap["paragraph"])]
        spans = zip(hits.start, hits.end, strict=True)
        trap_hits += int(any(_overlap(t0, t1, s, e) > 0 for s, e in spans))
    scares = scare_quotes(article)
    found = {(int(p), t) for p, t in zip(scares.paragraph, scares.text, strict=False)}
    wanted = {(s["paragraph"], s["text"]) for s in expected.get("scare_quotes") or []}
    score = QuoteScore(
        expected=len(expected.get("quotes") or []),
        predicted=len(predicted),
        correct=correct,
        exact_span=exact,
        right_kind=kind_ok,
        trap_hits=trap_hits,
        scare_expected=len(wanted),
        scare_found=len(wanted & found),
    )
    detail = pd.DataFrame(
        rows, columns=["article", "paragraph", "speaker", "kind", "text", "status"]
    )
    return score, detail


def score_folder(folder: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Score every annotated ``*.md`` in a folder: a summary row per article, and the detail."""
    summaries, details = [], []
    for path in sorted(Path(folder).glob("*.md")):
        score, detail = score_article(path)
        summaries.append(
            {
                "article": path.stem,
                **score.__dict__,
                "recall": score.recall,
                "precision": score.precision,
            }
        )
        details.append(detail)
    return pd.DataFrame(summaries), pd.concat(details, ignore_index=True)


# --- Entities (issue 14) ---------------------------------------------------------------
#
# Gold: ``tests/fixtures/entities/NAME.expected.yaml`` (format and guidelines in that folder's
# README). A table of entities, gold or predicted, has one row per distinct mention:
# ``entity, kind, mention`` (plus ``article`` when it covers several articles), the columns
# of :func:`helpers.entity_layer.entities`. Matching follows the entity-level scoring of the
# MUC / CoNLL evaluations loosely (Chinchor 1998; Tjong Kim Sang & De Meulder 2003), at the
# level of entities rather than spans, since the gold gives no offsets: a predicted entity
# matches a gold one when their names agree after normalisation or when one of its mentions
# equals a gold mention; each gold entity is paired with at most one predicted entity and
# vice versa (names agreeing first, then the most shared mentions). Predicted entities of a
# kind the gold does not score (``group``, ``other``) count only when they are paired with a
# scored gold entity (a "wrong kind"); one paired with a gold ``other`` entity (a book, a
# treaty) counts nowhere; an unpaired predicted person / organisation / place is a false
# alarm, a second entity for the same person included.

ENTITY_KINDS = ("person", "organisation", "place")  # scored; the gold also has "other"
_TITLES = re.compile(
    r"^(?:(?:the\s+)?(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|lord|lady|rev|reverend"
    r"|gov|sen|rep)\.?\s+)+",
    re.I,
)  # honorifics dropped before comparing names (guidelines: a title is not part of the name)


def entity_key(name: str) -> str:
    """A name or mention normalised for matching: case, apostrophes, a leading "the", a
    title, a possessive, hyphens.

    >>> entity_key("Dr. Lucy Harrow's"), entity_key("the Rev. Samuel Adeyemi")
    ('lucy harrow', 'samuel adeyemi')
    >>> entity_key("Lee Min-ho") == entity_key("Lee Min Ho")
    True
    """
    name = _TITLES.sub("", name.strip().replace("’", "'"))
    return _norm(name)


def load_entity_gold(path: str | Path) -> tuple[dict, pd.DataFrame]:
    """An entity annotation: its header (``article``, ``split``) and the table ``entity,
    kind, mention`` (one row per gold mention string). Raises ``ValueError`` naming the file
    for an unknown kind or an entity without mentions."""
    path = Path(path)
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    rows = []
    for item in data.get("entities") or []:
        kind, mentions = item.get("kind"), item.get("mentions") or []
        if kind not in (*ENTITY_KINDS, "other"):
            raise ValueError(f"{path}: entity {item.get('name')!r} has unknown kind {kind!r}")
        if not mentions:
            raise ValueError(f"{path}: entity {item.get('name')!r} has no mentions")
        rows += [(str(item["name"]), kind, str(m)) for m in mentions]
    header = {k: v for k, v in data.items() if k != "entities"}
    return header, pd.DataFrame(rows, columns=["entity", "kind", "mention"])


def _grouped(table: pd.DataFrame) -> dict[str, tuple[str, set[str]]]:
    """``{entity: (kind, keys of its name and mentions)}`` in order of first appearance."""
    out: dict[str, tuple[str, set[str]]] = {}
    for entity, kind, mention in zip(table["entity"], table["kind"], table["mention"], strict=True):
        out.setdefault(entity, (kind, {entity_key(entity)}))[1].add(entity_key(mention))
    for keys in (k for _, k in out.values()):
        keys.discard("")
    return out


def match_entities(gold: pd.DataFrame, predicted: pd.DataFrame) -> pd.DataFrame:
    """Pair gold and predicted entities of one article: one row per gold entity and per
    unpaired predicted entity, ``gold, gold_kind, predicted, predicted_kind, status,
    mentions, mentions_found``; ``status`` is ``correct``, ``wrong kind``, ``missed``,
    ``false alarm`` or ``not scored``.

    >>> g = pd.DataFrame([["Ana Ruiz", "person", "Ruiz"]], columns=["entity", "kind", "mention"])
    >>> p = pd.DataFrame([["Ruiz", "place", "Ruiz"], ["Monday", "person", "Monday"]],
    ...                  columns=["entity", "kind", "mention"])
    >>> match_entities(g, p)[["gold", "predicted", "status"]].values.tolist()
    [['Ana Ruiz', 'Ruiz', 'wrong kind'], ['', 'Monday', 'false alarm']]
    """
    golds, preds = _grouped(gold), _grouped(predicted)
    links = [
        (entity_key(g) != entity_key(p), -len(gk & pk), i, j, g, p)
        for i, (g, (_, gk)) in enumerate(golds.items())
        for j, (p, (_, pk)) in enumerate(preds.items())
        if gk & pk
    ]
    pair: dict[str, str] = {}
    for *_, g, p in sorted(links):
        if g not in pair and p not in pair.values():
            pair[g] = p
    rows = []
    for g, (kind, keys) in golds.items():
        mentions = {entity_key(m) for m in gold.loc[gold["entity"] == g, "mention"]}
        said = set().union(*(pk for p, (_, pk) in preds.items() if pk & keys))
        p = pair.get(g, "")
        p_kind = preds[p][0] if p else ""
        if kind not in ENTITY_KINDS:
            status = "not scored"
        elif not p:
            status = "missed"
        else:
            status = "correct" if p_kind == kind else "wrong kind"
        rows.append((g, kind, p, p_kind, status, len(mentions), len(mentions & said)))
    paired = set(pair.values())
    for p, (kind, _) in preds.items():
        if p not in paired:
            status = "false alarm" if kind in ENTITY_KINDS else "not scored"
            rows.append(("", "", p, kind, status, 0, 0))
    columns = ["gold", "gold_kind", "predicted", "predicted_kind", "status", "mentions"]
    return pd.DataFrame(rows, columns=[*columns, "mentions_found"])


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0  # 0 when undefined (scikit-learn's zero_division=0)


def entity_scores(detail: pd.DataFrame) -> pd.DataFrame:
    """Precision, recall and F1 by kind (and ``all``) from :func:`match_entities` rows
    (of one or many articles). ``correct`` needs the kind right; ``found`` /
    ``recall_any_kind`` counts gold entities paired whatever the kind; ``mention_recall``
    is the share of gold mention strings among the mentions of the predicted entities
    that share a name with it.

    >>> g = pd.DataFrame([["Ana Ruiz", "person", "Ruiz"]], columns=["entity", "kind", "mention"])
    >>> p = pd.DataFrame([["Ruiz", "place", "Ruiz"]], columns=["entity", "kind", "mention"])
    >>> entity_scores(match_entities(g, p)).loc["all", ["precision", "recall_any_kind"]].tolist()
    [0.0, 1.0]
    """
    scored = detail[detail["status"] != "not scored"]
    pred = scored[scored["predicted"] != ""]
    rows = {}
    for kind in (*ENTITY_KINDS, "all"):
        g = scored[scored["gold_kind"].isin(ENTITY_KINDS if kind == "all" else [kind])]
        p = pred if kind == "all" else pred[pred["predicted_kind"] == kind]
        correct = int((g["status"] == "correct").sum())  # "correct": the kinds agree
        found = int(g["status"].isin(["correct", "wrong kind"]).sum())
        precision, recall = _ratio(correct, len(p)), _ratio(correct, len(g))
        rows[kind] = {
            "gold": len(g),
            "predicted": len(p),
            "correct": correct,
            "precision": precision,
            "recall": recall,
            "f1": _ratio(2 * precision * recall, precision + recall),
            "found": found,
            "recall_any_kind": _ratio(found, len(g)),
            "mentions": int(g["mentions"].sum()),
            "mention_recall": _ratio(int(g["mentions_found"].sum()), int(g["mentions"].sum())),
        }
    return pd.DataFrame.from_dict(rows, orient="index")


_CAPITALISED = re.compile(r"[A-Z][\w&'’.\-]*(?:\s+[A-Z][\w&'’.\-]*)*")
_WORD_CHAR, _TOKEN = re.compile(r"\w"), re.compile(r"\S+")
_POSSESSIVE_END = re.compile(r"(?:['’]s)?\.?$")


def capitalised_baseline(article: Article, *, kind: str = "person") -> pd.DataFrame:
    """Trivial baseline: every run of capitalised words in the headline and body, less a
    sentence's first word, is an entity of ``kind`` (the scorer passes the majority kind of
    the development gold); a trailing possessive and full stop are dropped.

    >>> from helpers import article_from_text
    >>> a = article_from_text("T\\n\\nShares of Acme Foods fell. Ana Ruiz said so.")
    >>> capitalised_baseline(a)["entity"].tolist()
    ['Acme Foods', 'Ruiz']
    """
    rows = []
    for text in (article.title, *article.paragraphs):
        starts = set()
        for s, _ in split_sentences(text):
            first = _WORD_CHAR.search(text, s)
            starts.add(first.start() if first else s)
        for m in _CAPITALISED.finditer(text):
            words = list(_TOKEN.finditer(m.group()))
            if m.start() in starts:
                words = words[1:]
            if not words:
                continue
            name = m.group()[words[0].start() :]
            name = _POSSESSIVE_END.sub("", name)
            if name:
                rows.append((name, kind, name))
    return pd.DataFrame(rows, columns=["entity", "kind", "mention"]).drop_duplicates()


def _is_word(char: str) -> bool:
    return bool(char) and (char.isalnum() or char == "_")


def gazetteer_baseline(article: Article) -> pd.DataFrame:
    """Trivial baseline: every name or alias of the suite's gazetteer
    (:func:`helpers.lexicons.gazetteer`, demonyms left out) written with a capital in the
    headline or body, typed by the gazetteer (place or organisation).

    >>> from helpers import article_from_text
    >>> gazetteer_baseline(article_from_text("T\\n\\nTalks in Geneva.")).values.tolist()
    [['Geneva', 'place', 'Geneva']]
    """
    text = "\n".join((article.title, *article.paragraphs))
    lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)  # same offsets
    rows = []
    for alias, entry in gazetteer().items():
        start = -1 if entry["type"] == "demonym" else lower.find(alias)
        while start >= 0:
            end = start + len(alias)
            inside = (start and _is_word(lower[start - 1])) or _is_word(lower[end : end + 1])
            if not inside and text[start].isupper():
                rows.append((entry["name"], entry["type"], text[start:end]))
            start = lower.find(alias, start + 1)
    return pd.DataFrame(rows, columns=["entity", "kind", "mention"]).drop_duplicates()


def layer_prediction(article: Article) -> pd.DataFrame:
    """The entity layer's table (:func:`helpers.entity_layer.entities`) as ``entity, kind,
    mention``, one row per distinct mention."""
    from .entity_layer import entities  # the layer imports the quote machinery: load late

    return entities(article)[["entity", "kind", "mention"]].drop_duplicates()


def score_entity_fixtures(
    folder: str | Path,
    *,
    predict: Callable[[Article], pd.DataFrame] = layer_prediction,
    split: str | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Score ``predict`` on every ``*.expected.yaml`` in ``folder`` (of ``split``, ``dev`` or
    ``heldout``, when given): the :func:`entity_scores` table and the matching detail with
    an ``article`` column. Paths in the files are from the repository root, the folder's
    grand-grandparent.

    >>> scores, _ = score_entity_fixtures("tests/fixtures/entities", split="dev")  # doctest: +SKIP
    """
    folder = Path(folder)
    root = folder.resolve().parents[2]
    details = []
    for path in sorted(folder.glob("*.expected.yaml")):
        header, gold = load_entity_gold(path)
        if split is not None and header.get("split") != split:
            continue
        article = load_article(root / header["article"])
        detail = match_entities(gold, predict(article))
        details.append(detail.assign(article=path.name.removesuffix(".expected.yaml")))
    if not details:
        raise ValueError(f"{folder}: no entity annotation of split {split!r}")
    detail = pd.concat(details, ignore_index=True)
    return entity_scores(detail), detail
