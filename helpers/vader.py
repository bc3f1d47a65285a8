"""VADER with NLTK's exact scores, several times faster: :func:`polarity_scores`.

VADER is the rule-based sentiment model of Hutto & Gilbert (2014), "VADER: A Parsimonious
Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM-14. The suite promises
*NLTK's* VADER (``nltk.sentiment.vader.SentimentIntensityAnalyzer``), which differs from the
authors' ``vaderSentiment`` package (NLTK has no emoji rule, and it negates only with its
``NEGATE`` list and words containing ``n't``, where vaderSentiment also negates with "no").
This module repeats NLTK's algorithm step for step, quirks included, and returns the same
``neg``, ``neu``, ``pos`` and ``compound`` (equal, not close: the tests compare with ``==``
against NLTK's class on every sentence of every article and on 100,000 generated sentences).
The lexicon is NLTK's own (:func:`helpers.resources.sentiment_analyzer` loads it offline
from the file ``vaderSentiment`` ships). ``benchmarks/bench_vader.py`` measures the speed-up.

NLTK's steps, as done here:

1. *Tokens.* Split on white space, drop one-character tokens, and strip one leading or
   trailing mark of NLTK's ``PUNC_LIST`` (``.`` ``!!`` ``?!?`` …) from a token when what is
   left has no ASCII punctuation and is longer than one character (NLTK builds a dictionary
   of every word × every mark to do this; here one token is looked at, and remembered).
2. *Caps differential*: some but not all tokens are ALL CAPS.
3. Each token gets a valence: 0 unless its lower case is in the lexicon; boosters and
   "kind" before "of" get 0. A lexicon word is computed at the position of the *first*
   occurrence of that exact token (NLTK's quirk, kept): +/-0.733 if it is in caps while
   others are not; boosters up to three tokens before it (x1, x0.95, x0.9); negation of the
   token 1, 2 or 3 before it (x -0.74), "never so/this" (x1.5, x1.25), "so"/"this" right
   before it when three tokens precede (x1.25); idioms; "least" (x -0.74 unless "at least"
   or "very least").
4. "but": valences before the first "but" x0.5, after it x1.5.
5. Sum; add "!" (0.292 each, up to 4) and "?" emphasis (0.18 each for 2-3, 0.96 for more);
   ``compound = s / sqrt(s² + 15)``; ``pos``/``neg``/``neu`` are shares of (valence + 1),
   (valence - 1) and neutral tokens, with the emphasis added to the larger side.

The speed comes from not building NLTK's word × punctuation dictionary for every text,
remembering each distinct token's cleaned form, lower case, caps and lexicon entry across
calls, and working only at the positions of lexicon words.

>>> polarity_scores("The film was not good, but the music was GREAT!!")
{'neg': 0.1, 'neu': 0.47, 'pos': 0.43, 'compound': 0.8239}

Ported from NLTK (Apache License 2.0; notice in ``docs/third-party-code.md``).
"""

from __future__ import annotations

import math
import string
from functools import cache

__all__ = ["polarity_scores", "VaderScorer", "scorer"]

# -- Constants: the values of NLTK's ``VaderConstants`` (nltk/sentiment/vader.py), which are
# those of Hutto & Gilbert (2014). A test checks that each equals NLTK's.

#: "empirically derived mean sentiment intensity rating increase for booster words"
#: (Hutto & Gilbert 2014, section 3.2, heuristic 4); a dampener lowers by as much.
B_INCR = 0.293
B_DECR = -0.293
#: the mean increase for a sentiment word in ALL CAPS among words that are not (heuristic 3)
C_INCR = 0.733
#: negation flips and dampens a valence (NLTK's ``N_SCALAR``)
N_SCALAR = -0.74
#: "!" adds 0.292 each, counted up to 4; "?" adds 0.18 each for two or three, 0.96 above
#: (heuristic 1; NLTK's ``_amplify_ep`` and ``_amplify_qm``)
EP_INCR, EP_MAX = 0.292, 4
QM_INCR, QM_MAX_SCORE = 0.18, 0.96
#: the normalisation's alpha: compound = s / sqrt(s^2 + 15) (NLTK's ``normalize``)
ALPHA = 15
#: the weights of sentiment before and after the first "but" (heuristic 5)
BUT_BEFORE, BUT_AFTER = 0.5, 1.5
#: boosters two and three tokens away count 95% and 90% (NLTK's ``sentiment_valence``)
DAMPEN_2, DAMPEN_3 = 0.95, 0.9
#: "never so good" (x1.5) and "never so very good"/"so ... good" (x1.25) (``_never_check``)
NEVER_SO_2, NEVER_SO_3 = 1.5, 1.25

#: NLTK's ``VaderConstants.NEGATE`` (note: no "no"; and any word containing "n't" negates)
NEGATE = frozenset(
    "aint arent cannot cant couldnt darent didnt doesnt ain't aren't can't couldn't daren't "
    "didn't doesn't dont hadnt hasnt havent isnt mightnt mustnt neither don't hadn't hasn't "
    "haven't isn't mightn't mustn't neednt needn't never none nope nor not nothing nowhere "
    "oughtnt shant shouldnt uhuh wasnt werent oughtn't shan't shouldn't uh-uh wasn't weren't "
    "without wont wouldnt won't wouldn't rarely seldom despite".split()
)
_UP = (
    "absolutely amazingly awfully completely considerably decidedly deeply effing enormously "
    "entirely especially exceptionally extremely fabulously flipping flippin fricking frickin "
    "frigging friggin fully fucking greatly hella highly hugely incredibly intensely majorly "
    "more most particularly purely quite really remarkably so substantially thoroughly "
    "totally tremendously uber unbelievably unusually utterly very"
).split()
_DOWN = (
    "almost barely hardly kinda kindof kind-of less little marginally occasionally partly "
    "scarcely slightly somewhat sorta sortof sort-of"
).split() + ["just enough", "kind of", "sort of"]
#: NLTK's ``BOOSTER_DICT``: degree adverbs (https://en.wiktionary.org/wiki/Category:English_degree_adverbs)
BOOSTER_DICT: dict[str, float] = {w: B_INCR for w in _UP} | {w: B_DECR for w in _DOWN}
#: NLTK's ``SPECIAL_CASE_IDIOMS``: idioms whose valence replaces the word's
SPECIAL_CASE_IDIOMS: dict[str, float] = {
    "the shit": 3, "the bomb": 3, "bad ass": 1.5, "yeah right": -2,
    "cut the mustard": 2, "kiss of death": -1.5, "hand to mouth": -2,
}  # fmt: skip
#: NLTK's ``PUNC_LIST``: the marks stripped from the start or end of a token
PUNC_LIST = (
    ". ! ? , ; : - ' \" !! !!! ?? ??? ?!? !?! ?!?! !?!?".split()  # noqa: ISC001
)
_PUNC_SET = frozenset(PUNC_LIST)
_ASCII_PUNCT = frozenset(string.punctuation)
_PUNCT_TABLE = str.maketrans("", "", string.punctuation)
# every word of an idiom or of a two-word booster: a lexicon word with none of these around
# it cannot be in an idiom, so NLTK's string building is skipped
_IDIOM_WORDS = frozenset(
    w for key in (*SPECIAL_CASE_IDIOMS, *BOOSTER_DICT) if " " in key for w in key.split()
)
_CACHE_LIMIT = 200_000  # distinct tokens remembered (then the memo starts again)


def _clean(token: str) -> str:
    """NLTK's ``_words_and_emoticons`` for one token longer than one character."""
    if token[0] in _ASCII_PUNCT:
        rest = token.lstrip(string.punctuation)
        if (
            len(rest) > 1
            and token[: len(token) - len(rest)] in _PUNC_SET
            and rest.translate(_PUNCT_TABLE) == rest
        ):
            return rest
    elif token[-1] in _ASCII_PUNCT:
        rest = token.rstrip(string.punctuation)
        if (
            len(rest) > 1
            and token[len(rest) :] in _PUNC_SET
            and rest.translate(_PUNCT_TABLE) == rest
        ):
            return rest
    return token


class VaderScorer:
    """NLTK's VADER on a given lexicon (word -> valence), with per-token memos.

    >>> VaderScorer({"good": 1.9}).polarity_scores("not good")
    {'neg': 0.706, 'neu': 0.294, 'pos': 0.0, 'compound': -0.3412}
    """

    def __init__(self, lexicon: dict[str, float]) -> None:
        self.lexicon = lexicon
        # token -> (cleaned token, lower case, is upper, valence or None, booster or None,
        #           negates); built on first sight
        self._tokens: dict[str, tuple] = {}

    def _info(self, token: str) -> tuple:
        info = self._tokens.get(token)
        if info is None:
            if len(self._tokens) >= _CACHE_LIMIT:
                self._tokens.clear()
            word = _clean(token)
            low = word.lower()
            info = (
                word,
                low,
                word.isupper(),
                self.lexicon.get(low),
                BOOSTER_DICT.get(low),
                low in NEGATE or "n't" in low,
            )
            self._tokens[token] = info
        return info

    def polarity_scores(self, text: str) -> dict[str, float]:
        """``{"neg", "neu", "pos", "compound"}`` exactly as NLTK's ``polarity_scores``."""
        get = self._tokens.get
        infos = []
        for token in text.split():
            if len(token) > 1:
                info = get(token)
                infos.append(info if info is not None else self._info(token))
        n = len(infos)
        if not n:
            return {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
        n_upper = sum(1 for info in infos if info[2])
        cap_diff = 0 < n - n_upper < n
        words = [info[0] for info in infos]
        sentiments: list[float] = [0] * n
        hits = []  # positions holding a lexicon word's valence
        first: dict[str, int] = {}
        done: dict[str, float] = {}
        for j, info in enumerate(infos):
            if info[3] is None or info[4] is not None:
                continue  # not in the lexicon, or a booster: valence 0
            word = info[0]
            if word in done:
                sentiments[j] = done[word]
                hits.append(j)
                continue
            if not first:
                for k, w in enumerate(words):
                    if w not in first:
                        first[w] = k
            i = first[word]
            if info[1] == "kind" and i < n - 1 and infos[i + 1][1] == "of":
                valence = 0
            else:
                valence = self._valence(infos, words, i, cap_diff)
            done[word] = valence
            sentiments[j] = valence
            hits.append(j)
        if hits and any(info[1] == "but" for info in infos):
            bi = next(k for k, info in enumerate(infos) if info[1] == "but")
            sentiments = [
                s * BUT_BEFORE if k < bi else s * BUT_AFTER if k > bi else s
                for k, s in enumerate(sentiments)
            ]
        return _score(sentiments, hits, n, text)

    def _valence(self, infos: list[tuple], words: list[str], i: int, cap_diff: bool) -> float:
        """NLTK's ``sentiment_valence`` for the lexicon word at position ``i``."""
        _word, _low, upper, valence, _boost, _neg = infos[i]
        if upper and cap_diff:
            valence = valence + C_INCR if valence > 0 else valence - C_INCR
        for start_i in (0, 1, 2):
            if i <= start_i:
                break
            prev = infos[i - start_i - 1]
            if prev[3] is not None:  # a lexicon word: neither booster nor negation counts
                continue
            boost = prev[4]
            if boost is not None:  # NLTK's scalar_inc_dec
                s = -boost if valence < 0 else boost
                if prev[2] and cap_diff:
                    s = s + C_INCR if valence > 0 else s - C_INCR
                if start_i == 1 and s != 0:
                    s = s * DAMPEN_2
                elif start_i == 2 and s != 0:
                    s = s * DAMPEN_3
                valence = valence + s
            # NLTK's _never_check (case-sensitive "never", "so", "this")
            if start_i == 0:
                if prev[5]:
                    valence = valence * N_SCALAR
            elif start_i == 1:
                if words[i - 2] == "never" and words[i - 1] in ("so", "this"):
                    valence = valence * NEVER_SO_2
                elif prev[5]:
                    valence = valence * N_SCALAR
            else:
                if (words[i - 3] == "never" and words[i - 2] in ("so", "this")) or words[i - 1] in (
                    "so",
                    "this",
                ):
                    valence = valence * NEVER_SO_3
                elif prev[5]:
                    valence = valence * N_SCALAR
                if not _IDIOM_WORDS.isdisjoint(words[i - 3 : i + 3]):
                    valence = _idioms_check(valence, words, i)
        # NLTK's _least_check
        if (
            i > 0
            and infos[i - 1][1] == "least"
            and infos[i - 1][3] is None
            and (i == 1 or infos[i - 2][1] not in ("at", "very"))
        ):
            valence = valence * N_SCALAR
        return valence


def _idioms_check(valence: float, words: list[str], i: int) -> float:
    """NLTK's ``_idioms_check``, verbatim in effect (case-sensitive)."""
    onezero = f"{words[i - 1]} {words[i]}"
    twoonezero = f"{words[i - 2]} {words[i - 1]} {words[i]}"
    twoone = f"{words[i - 2]} {words[i - 1]}"
    threetwoone = f"{words[i - 3]} {words[i - 2]} {words[i - 1]}"
    threetwo = f"{words[i - 3]} {words[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASE_IDIOMS:
            valence = SPECIAL_CASE_IDIOMS[seq]
            break
    if len(words) - 1 > i:
        zeroone = f"{words[i]} {words[i + 1]}"
        if zeroone in SPECIAL_CASE_IDIOMS:
            valence = SPECIAL_CASE_IDIOMS[zeroone]
    if len(words) - 1 > i + 1:
        zeroonetwo = f"{words[i]} {words[i + 1]} {words[i + 2]}"
        if zeroonetwo in SPECIAL_CASE_IDIOMS:
            valence = SPECIAL_CASE_IDIOMS[zeroonetwo]
    if threetwo in BOOSTER_DICT or twoone in BOOSTER_DICT:
        valence = valence + B_DECR
    return valence


def _score(sentiments: list[float], hits: list[int], n: int, text: str) -> dict[str, float]:
    """NLTK's ``score_valence``."""
    sum_s = float(sum(sentiments))
    ep_count = min(text.count("!"), EP_MAX)
    qm_count = text.count("?")
    qm = (qm_count * QM_INCR if qm_count <= 3 else QM_MAX_SCORE) if qm_count > 1 else 0
    amplifier = ep_count * EP_INCR + qm
    if sum_s > 0:
        sum_s += amplifier
    elif sum_s < 0:
        sum_s -= amplifier
    compound = sum_s / math.sqrt((sum_s * sum_s) + ALPHA)
    pos_sum = 0.0
    neg_sum = 0.0
    neu_count = n - len(hits)
    for k in hits:
        s = sentiments[k]
        if s > 0:
            pos_sum += float(s) + 1
        elif s < 0:
            neg_sum += float(s) - 1
        else:
            neu_count += 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += amplifier
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= amplifier
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return {
        "neg": round(math.fabs(neg_sum / total), 3),
        "neu": round(math.fabs(neu_count / total), 3),
        "pos": round(math.fabs(pos_sum / total), 3),
        "compound": round(compound, 4),
    }


@cache
def scorer() -> VaderScorer:
    """The shared scorer on NLTK's VADER lexicon (loaded offline, once)."""
    from .resources import sentiment_analyzer

    return VaderScorer(sentiment_analyzer().lexicon)


def polarity_scores(text: str) -> dict[str, float]:
    """NLTK's ``SentimentIntensityAnalyzer().polarity_scores(text)``, exactly, faster.

    >>> polarity_scores("not good")["compound"], polarity_scores("")["compound"]
    (-0.3412, 0.0)
    """
    return scorer().polarity_scores(text)
