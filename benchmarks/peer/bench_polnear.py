"""Who speaks, scored on PolNeAR's train split (Newell, Margolin & Ruths, LREC 2018).

PolNeAR's trained annotators marked every attribution (source, cue, content) in 1,008
articles from seven US outlets. Only the **train** split is read here (840 articles, through
``corpora.polnear_train()``); dev and test are the team's held-out check.

Run (after ``setup_corpora.py --polnear``, see ``benchmarks/peer/README.md``)::

    .venv/bin/python benchmarks/peer/bench_polnear.py [--limit N] [--errors FILE] [--timing]

Each article is read as a new user would: its ``.txt`` file through ``article_from_text``
(first line the headline, paragraphs between blank lines), ``extract_quotes`` on it, and
every row mapped back to character offsets in the file.

Scoring rules (all here, nothing else is tuned):

- **found**: a gold content is found when one prediction covers more than 30% of its
  characters (its fragments, when discontinuous). A prediction is **correct** (precision)
  when it covers more than 30% of a gold content or more than 30% of its own characters lie
  in one (a fragment of a long gold content is right); *strict* precision counts only the
  first. The fragments of one interrupted quotation ("“A,” she said, “B.”") are one
  prediction, as PolNeAR annotates one content: by default the rows that share the suite's
  ``utterance`` id (``--join ids``); ``--join gap`` joins rows of one speaker separated only
  by their attribution (a gap of at most 80 characters holding the cue or the speaker
  mention, no other text in quotation marks) and a quotation continued into the next
  paragraph (rule ``continued quote``), the rule used before the column existed;
  ``--join rows`` joins nothing.
- **form** of a gold content, from its quotation marks: *direct* when the stripped content
  opens with a quotation mark and closes with one (trailing punctuation allowed: ``“…”``,
  ``"…"``, ``''…''``, ``‘…’``, ``«…»``, ``„…“``); *partial* when it holds quoted words
  otherwise; *reported* when it has no quotation marks.
- **speech cue**: the gold cue contains a form in ``data/lexicons/reporting_verbs.csv`` (as
  the suite reads it at run time) or one of the suite's attribution phrases (``according
  to``, ``in the words of``, ``per``); the verbs of belief of that file (connotation
  ``belief``: *believe*, *think*, *expect*, *hope*, *fear*; issue 19) are no speech and
  are counted apart (**belief cue**).
- **right speaker**, among found contents whose gold relation has a source: the gold source
  and the prediction (its ``speaker`` or its ``speaker_mention``) share a name word after
  normalising (lower case, possessive ``'s`` and punctuation dropped, stop words, titles
  and speaker nouns such as *spokesman* removed; a source with no name word left, such as
  "Police" or "some experts", keeps its nouns). A gold source that is only a pronoun
  (*he*, *they* …) is replaced by the nearest earlier gold source in the article that is not
  a pronoun (PolNeAR has no coreference), and also matches the same pronoun in
  ``speaker_mention``; a relative pronoun (*who*, *which*) by the phrase just before it
  (up to the previous comma, parenthesis or dash: "…, said Beck, who said" gives *Beck*;
  issue 19, before which such sources never matched). ``UNKNOWN`` and ``NARRATOR`` are never right.
- **baseline**: every span in quotation marks (``“…”``, ``"…"``, ``''…''``, ``«…»``,
  ``„…“``, one paragraph at most), with no attribution (so no speaker figure).

``--timing`` adds the cost ratio: ``extract_quotes`` on every article (fresh objects, no
cache) against NLTK VADER on the same articles' sentences, medians of alternating rounds,
as ``benchmarks/bench_quotes.py`` does on the suite's own articles.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import re
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))

import corpora  # noqa: E402

from helpers import article_from_text, extract_quotes, sentences, sentiment_analyzer  # noqa: E402
from helpers.lexicons import reporting_verbs, speaker_nouns  # noqa: E402
from helpers.text import stopwords  # noqa: E402
from helpers.who_speaks import NARRATOR, UNKNOWN_SPEAKER  # noqa: E402
from helpers.who_speaks.cues import PHRASE_CUES  # noqa: E402

COVER = 0.30  # the threshold: a prediction covering > 30% of a gold content
JOIN_GAP = 80  # the longest attribution between two fragments of one quotation

_OPEN = "“\"«„‘'"
_CLOSE = "”\"»“’'"
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"}
_RELATIVE = {"who", "which", "whom", "that"}
_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "gov", "governor", "president",
    "former", "sir", "lord", "lady", "gen", "general", "rev", "prof", "professor", "secretary",
    "judge", "justice", "mayor", "minister", "chairman", "candidate", "presidential",
}  # fmt: skip
# Forms of speech added to reporting_verbs.csv by issue 19 after its first look (6ebc320, the
# lexicon of 9dfd787): the speech-cue figure is also given over the first look's lexicon, so
# that before and after count the same gold contents ("call" only for the frame 'called X Y',
# "suggesting" only in 'is suggesting'; the verbs of belief are counted apart).
ADDED_SINCE_FIRST_LOOK = frozenset({"call", "calls", "called", "calling", "suggesting"})
# Forms added to the lexicon's speech verbs in the second session of issue 19 (the verbs of
# belief are counted apart): the row "lexicon of 8ce51fc" leaves out the contents only they
# match, so that before and after that session count the same 10,581 contents.
ADDED_SINCE_8CE51FC = {"suggesting"}
_BASELINE = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|''(?:(?!'').)*''|«[^»\n]*»|„[^“”\n]*[“”]")


# ---------------------------------------------------------------------------------------
# Reading and offsets
# ---------------------------------------------------------------------------------------
def paragraph_offsets(raw: str, paragraphs: tuple[str, ...]) -> list[list[int]]:
    """For each paragraph the raw-text offset of each of its characters, plus one past the
    end (a whitespace run in a paragraph stands for a whitespace run in the file: the reader
    strips lines and joins them with spaces)."""
    maps = []
    pos = raw.find("\n", len(raw) - len(raw.lstrip("\n")))  # after the headline line
    pos = len(raw) if pos < 0 else pos
    for par in paragraphs:
        while pos < len(raw) and raw[pos].isspace():
            pos += 1
        offsets, i = [], 0
        while i < len(par):
            if par[i].isspace():
                j = i
                while j < len(par) and par[j].isspace():
                    j += 1
                run = pos
                while pos < len(raw) and raw[pos].isspace():
                    pos += 1
                offsets += [min(run + k, pos - 1) for k in range(j - i)]
                i = j
                continue
            if pos >= len(raw) or raw[pos] != par[i]:
                raise ValueError(f"cannot align paragraph at {pos}: {par[i : i + 30]!r}")
            offsets.append(pos)
            pos += 1
            i += 1
        offsets.append(pos)
        maps.append(offsets)
    return maps


def to_raw(maps: list[list[int]], p: int, a: int, b: int) -> tuple[int, int]:
    m = maps[p]
    a = min(max(a, 0), len(m) - 1)
    b = min(max(b, 0), len(m) - 1)
    return m[a], (m[b - 1] + 1 if b > a else m[a])


@dataclasses.dataclass
class Prediction:
    spans: list[tuple[int, int]]
    speaker: str
    mention: str
    cue: str
    kind: str
    rule: str


def predictions(article, maps, raw: str, join: str = "ids") -> list[Prediction]:
    """The suite's rows as predictions; ``join``: ``ids`` (one prediction per ``utterance``
    id), ``gap`` (the gap rule of the docstring) or ``rows`` (one per row, nothing joined)."""
    table = extract_quotes(article)
    out: list[Prediction] = []
    last_p = None
    by_id: dict[int, Prediction] = {}
    for row in table.itertuples(index=False):
        a, b = to_raw(maps, row.paragraph, row.start, row.end)
        pred = Prediction([(a, b)], row.speaker, row.speaker_mention, row.cue, row.kind, row.rule)
        if join == "ids":
            if row.utterance in by_id:
                by_id[row.utterance].spans.append((a, b))
            else:
                by_id[row.utterance] = pred
                out.append(pred)
            continue
        if join == "rows":
            out.append(pred)
            continue
        prev = out[-1] if out else None
        if prev is not None and row.rule.startswith("continued quote"):
            prev.spans.append((a, b))  # a quotation that runs on into the next paragraph
            last_p = row.paragraph
            continue
        if prev is not None and last_p == row.paragraph and prev.speaker == pred.speaker:
            gap = raw[prev.spans[-1][1] : a]
            names = [w for w in (pred.cue, pred.mention, prev.mention) if w]
            if (
                0 <= len(gap) <= JOIN_GAP
                and any(w in gap for w in names)
                and not re.search(r"[“”\"«»„]", gap.strip(" ,.“”\"«»„'’‘:;"))
            ):
                prev.spans.append((a, b))
                continue
        out.append(pred)
        last_p = row.paragraph
    return out


def baseline(raw: str, title_end: int) -> list[Prediction]:
    return [
        Prediction([(m.start(), m.end())], "", "", "", "direct", "baseline")
        for m in _BASELINE.finditer(raw)
        if m.start() >= title_end
    ]


# ---------------------------------------------------------------------------------------
# Gold
# ---------------------------------------------------------------------------------------
def form_of(text: str) -> str:
    t = text.strip().rstrip(".,;:!? ")
    t = t.replace("''", "\u201c") if t.startswith("''") else t
    t = t[:-2] + "\u201d" if t.endswith("''") else t
    if len(t) >= 2 and t[0] in _OPEN and t[-1] in _CLOSE:
        return "direct"
    if re.search(r"[“”\"«»„]|''|(?:^|\s)‘", text):
        return "partial"
    return "reported"


def is_speech_cue(cue: str, *, leave_out: frozenset[str] = frozenset()) -> bool:
    """The gold cue holds a reporting-verb form of the suite's lexicon or an attribution
    phrase ("have said", "told reporters", "according to"); forms in ``leave_out`` do not
    count."""
    words = re.findall(r"[\w’'\-]+", cue.lower())
    forms = {f for f, v in reporting_verbs().items() if v.connotation != "belief"}
    forms = (forms | set(PHRASE_CUES)) - leave_out
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            if " ".join(words[i : i + n]) in forms:
                return True
    return False


def is_belief_cue(cue: str) -> bool:
    """The gold cue holds a verb of belief, expectation, hope or fear of the lexicon
    (connotation ``belief``: "believes", "thinks", "hopes"; issue 19)."""
    verbs = reporting_verbs()
    words = re.findall(r"[\w’'\-]+", cue.lower())
    return any(w in verbs and verbs[w].connotation == "belief" for w in words)


def cue_label(cue: str) -> str:
    """The cue as a row label: the lexicon's lemma when it holds a form, else its words."""
    words = re.findall(r"[\w’'\-]+", cue.lower())
    verbs = reporting_verbs()
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            form = " ".join(words[i : i + n])
            if form in verbs:
                return verbs[form].lemma
            if form in PHRASE_CUES:
                return form
    return " ".join(words[-2:]) if words else "(none)"


def name_words(text: str) -> set[str]:
    """Name words: lower case, no possessive, no stop word, title or speaker noun; for a
    description with no name ("Police", "some experts", "the company") its nouns instead."""
    text = re.sub(r"[’']s\b", "", text.lower())
    words = [w for w in re.findall(r"[a-z0-9\-]+", text) if w not in stopwords() and len(w) > 1]
    drop = _TITLES | set(speaker_nouns())
    names = {w for w in words if w not in drop}
    return names or set(words)


@dataclasses.dataclass
class Gold:
    spans: list[tuple[int, int]]
    text: str
    form: str
    cue: str
    speech: bool
    source: str | None
    source_names: set[str]
    pronoun: str | None


def gold_contents(article) -> list[Gold]:
    rels = [r for r in article.attributions if r.content is not None]
    sources = sorted(
        (r.source.start, r.source.text) for r in article.attributions if r.source is not None
    )
    out = []
    for r in rels:
        cue = r.cue.text if r.cue is not None else ""
        source = r.source.text if r.source is not None else None
        names, pronoun = set(), None
        if source is not None:
            names = name_words(source)
            if source.strip().lower() in _RELATIVE:
                # "…, said Beck, who said …": the antecedent stands just before (issue 19)
                before = article.text[max(0, r.source.start - 80) : r.source.start]
                names = name_words(" ".join(re.split(r"[,(;:—–]", before.rstrip(" ,"))[-1:]))
            elif source.strip().lower() in _PRONOUNS:
                pronoun = source.strip().lower()
                earlier = [
                    t
                    for s, t in sources
                    if s < r.source.start and t.strip().lower() not in _PRONOUNS
                ]
                names = name_words(earlier[-1]) if earlier else set()
        out.append(
            Gold(
                list(r.content.fragments),
                r.content.text,
                form_of(article.text[r.content.start : r.content.end]),
                cue,
                is_speech_cue(cue),
                source,
                names,
                pronoun,
            )
        )
    return out


# ---------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------
def overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(y1, y2) - max(x1, x2)) for x1, y1 in a for x2, y2 in b)


def length(spans: list[tuple[int, int]]) -> int:
    return sum(max(0, b - a) for a, b in spans)


def right_speaker(g: Gold, p: Prediction) -> bool:
    if p.speaker in (UNKNOWN_SPEAKER, NARRATOR, ""):
        return False
    if g.pronoun and p.mention.strip().lower() == g.pronoun:
        return True
    return bool(g.source_names & (name_words(p.speaker) | name_words(p.mention)))


@dataclasses.dataclass
class Tally:
    gold: int = 0
    found: int = 0
    with_source: int = 0
    right: int = 0
    preds: int = 0
    correct: int = 0
    strict: int = 0  # predictions covering > 30% of a gold content
    named: int = 0  # found, with a gold source, given to someone (not UNKNOWN)

    def recall(self) -> float:
        return self.found / self.gold if self.gold else float("nan")

    def precision(self) -> float:
        return self.correct / self.preds if self.preds else float("nan")

    def strict_precision(self) -> float:
        return self.strict / self.preds if self.preds else float("nan")

    def speaker(self) -> float:
        return self.right / self.with_source if self.with_source else float("nan")


def score_article(golds: list[Gold], preds: list[Prediction], tallies, outlet: str, errors):
    for p in preds:
        strict = any(overlap(p.spans, g.spans) > COVER * max(1, length(g.spans)) for g in golds)
        ok = strict or any(
            overlap(p.spans, g.spans) > COVER * max(1, length(p.spans)) for g in golds
        )
        for key in ("all", f"outlet {outlet}", f"kind {p.kind}"):
            tallies[key].preds += 1
            tallies[key].correct += ok
            tallies[key].strict += strict
        if not ok and errors is not None:
            errors.append(("false", outlet, p.rule, p.speaker, p.spans, None))
    for g in golds:
        best, best_cover = None, 0
        for p in preds:
            cover = overlap(p.spans, g.spans)
            if cover > best_cover:
                best, best_cover = p, cover
        found = best is not None and best_cover > COVER * max(1, length(g.spans))
        keys = ["all", f"form {g.form}", f"outlet {outlet}", f"cue {cue_label(g.cue)}"]
        keys += ["speech cue"] if g.speech else ["other cue"]
        if g.speech and is_speech_cue(g.cue, leave_out=ADDED_SINCE_FIRST_LOOK):
            keys += ["speech cue, first-look lexicon"]
        keys += [f"form {g.form} / speech cue"] if g.speech else []
        if is_speech_cue(g.cue, leave_out=frozenset(ADDED_SINCE_8CE51FC)):
            keys += ["speech cue, lexicon of 8ce51fc"]
        keys += ["belief cue"] if is_belief_cue(g.cue) else []
        right = found and g.source is not None and right_speaker(g, best)
        keys += [f"rule {best.rule}"] if found else []
        for key in keys:
            t = tallies[key]
            t.gold += 1
            t.found += found
            if found and g.source is not None:
                t.with_source += 1
                t.right += right
                t.named += best.speaker not in (UNKNOWN_SPEAKER, NARRATOR, "")
        if errors is not None:
            if not found:
                errors.append(("missed", outlet, g.form, g.cue, g.spans, g.source))
            elif g.source is not None and not right:
                errors.append(("speaker", outlet, best.rule, best.speaker, g.spans, g.source))


def run(articles, *, with_errors: bool, join: str = "ids"):
    suite = collections.defaultdict(Tally)
    base = collections.defaultdict(Tally)
    errors = [] if with_errors else None
    for art in articles:
        article = article_from_text(art.text, slug=art.name)
        article = dataclasses.replace(article, outlet=art.outlet)
        maps = paragraph_offsets(art.text, article.paragraphs)
        title_end = art.text.find("\n", len(art.text) - len(art.text.lstrip("\n")))
        golds = gold_contents(art)
        found_errors = [] if with_errors else None
        found = predictions(article, maps, art.text, join)
        score_article(golds, found, suite, art.outlet, found_errors)
        score_article(golds, baseline(art.text, title_end), base, art.outlet, None)
        if found_errors:
            errors += [(art.name, *e) for e in found_errors]
    return suite, base, errors


def f1(t: Tally) -> float:
    p, r = t.precision(), t.recall()
    return 2 * p * r / (p + r) if p + r else 0.0


def report(suite, base) -> None:
    s, b = suite["all"], base["all"]
    print(f"gold contents: {s.gold}; predictions: {s.preds} (baseline {b.preds})")
    print(f"{'':38}{'suite':>12}{'baseline':>12}")
    rows = [
        ("contents found: precision", s.precision(), b.precision()),
        ("precision, strict", s.strict_precision(), b.strict_precision()),
        ("contents found: recall", s.recall(), b.recall()),
        ("F1", f1(s), f1(b)),
        ("recall direct", suite["form direct"].recall(), base["form direct"].recall()),
        ("recall partial", suite["form partial"].recall(), base["form partial"].recall()),
        ("recall reported", suite["form reported"].recall(), base["form reported"].recall()),
        ("recall speech cue", suite["speech cue"].recall(), base["speech cue"].recall()),
        (
            "recall speech cue, first-look lexicon",
            suite["speech cue, first-look lexicon"].recall(),
            base["speech cue, first-look lexicon"].recall(),
        ),
        (
            "recall speech cue, lexicon of 8ce51fc",
            suite["speech cue, lexicon of 8ce51fc"].recall(),
            base["speech cue, lexicon of 8ce51fc"].recall(),
        ),
        (
            "recall reported, speech cue",
            suite["form reported / speech cue"].recall(),
            base["form reported / speech cue"].recall(),
        ),
        ("recall other cue", suite["other cue"].recall(), base["other cue"].recall()),
        (
            "recall belief cue (believe, think …)",
            suite["belief cue"].recall(),
            base["belief cue"].recall(),
        ),
        ("right speaker (found)", s.speaker(), float("nan")),
        ("right speaker (found, not UNKNOWN)", s.right / max(1, s.named), float("nan")),
    ]
    for label, x, y in rows:
        print(f"{label:38}{x:12.3f}{y:12.3f}")
    print(
        f"  (n: direct {suite['form direct'].gold}, partial {suite['form partial'].gold}, "
        f"reported {suite['form reported'].gold}, speech cue {suite['speech cue'].gold}, "
        f"speech cue of 8ce51fc {suite['speech cue, lexicon of 8ce51fc'].gold}, "
        f"speech cue of the first look {suite['speech cue, first-look lexicon'].gold}, "
        f"reported with a speech cue {suite['form reported / speech cue'].gold}, "
        f"belief cue {suite['belief cue'].gold}, "
        f"found with a gold source {s.with_source})"
    )
    print("\nby outlet: precision / recall / speaker (baseline precision / recall)")
    for key in sorted(k for k in suite if k.startswith("outlet ")):
        t, u = suite[key], base[key]
        print(
            f"  {key[7:]:14} {t.precision():.3f} / {t.recall():.3f} / {t.speaker():.3f}"
            f"   ({u.precision():.3f} / {u.recall():.3f})  n={t.gold}"
        )
    print("\nby cue (25 most frequent): recall / speaker (baseline recall)")
    cues = sorted((k for k in suite if k.startswith("cue ")), key=lambda k: -suite[k].gold)
    for key in cues[:25]:
        t, u = suite[key], base[key]
        print(
            f"  {key[4:]:22} {t.recall():.3f} / {t.speaker():.3f}   ({u.recall():.3f})  n={t.gold}"
        )
    print("\nright speaker by the rule that found the content")
    rules = sorted((k for k in suite if k.startswith("rule ")), key=lambda k: -suite[k].found)
    for key in rules:
        t = suite[key]
        print(f"  {t.speaker():.3f}  n={t.with_source:5}  {key[5:]}")
    print("\nprecision by predicted kind")
    for key in sorted(k for k in suite if k.startswith("kind ")):
        t = suite[key]
        print(f"  {key[5:]:10} {t.precision():.3f}  n={t.preds}")


def timing(articles, rounds: int = 3) -> None:
    base = [article_from_text(a.text, slug=a.name) for a in articles]
    texts = [t for a in base for t in sentences(a, headline=True).text]
    vader = sentiment_analyzer()
    vader.polarity_scores("warm up")
    extract_quotes(base[0])
    vader_times, quote_times = [], []
    for r in range(rounds):
        fresh = [dataclasses.replace(a, slug=f"{a.slug}-t{r}") for a in base]
        started = time.perf_counter()
        for text in texts:
            vader.polarity_scores(text)
        vader_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        for a in fresh:
            extract_quotes(a)
        quote_times.append(time.perf_counter() - started)
    v, q = statistics.median(vader_times), statistics.median(quote_times)
    print(f"\ntiming on {len(base)} articles ({len(texts)} sentences), {rounds} rounds (medians)")
    print(f"VADER {v:.2f} s, extract_quotes {q:.2f} s, ratio extract_quotes / VADER {q / v:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="first N articles only")
    parser.add_argument("--errors", type=Path, help="write missed/false/speaker rows (tsv)")
    parser.add_argument("--timing", action="store_true", help="also the cost ratio vs VADER")
    parser.add_argument(
        "--join",
        choices=["ids", "gap", "rows"],
        default="ids",
        help="fragments of one quotation: by the suite's utterance ids (default), by the "
        "gap rule, or not joined (one prediction per row)",
    )
    args = parser.parse_args()
    articles = corpora.polnear_train()
    if args.limit:
        articles = articles[: args.limit]
    print(f"PolNeAR train: {len(articles)} articles")
    suite, base, errors = run(articles, with_errors=args.errors is not None, join=args.join)
    report(suite, base)
    if args.errors is not None:
        with args.errors.open("w", encoding="utf-8") as out:
            texts = {a.name: a.text for a in articles}
            for name, what, outlet, a, b, spans, source in errors:
                raw = texts[name]
                lo, hi = spans[0][0], spans[-1][1]
                context = raw[max(0, lo - 150) : lo] + "[[" + raw[lo:hi] + "]]" + raw[hi : hi + 100]
                context = " ".join(context.split())
                print(name, what, outlet, a, b, source, context, sep="\t", file=out)
    if args.timing:
        timing(articles)


if __name__ == "__main__":
    main()
