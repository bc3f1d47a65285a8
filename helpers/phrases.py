"""One phrase matcher: which of many literal keys occur in a text, found in one scan.

A lexicon has hundreds of terms and an article thousands of aliases; trying each one's regex
on every paragraph would cost text × entries. :class:`PhraseIndex` files each item (a term's
pattern, an alias) under a literal key that every match of the item contains (the term's
longest literal, the alias's first word), finds every key occurring in a text with one
Aho-Corasick scan (Aho & Corasick 1975, "Efficient string matching: an aid to bibliographic
search", CACM 18(6); the ``pyahocorasick`` library), and gives back only the items whose key
occurs, in the order they were given. The caller then runs the few items' own regexes.

Used by the lexicon terms (:func:`helpers.terms.matches`: loaded words, hedges, frame cues)
and the targets' aliases (:func:`helpers.stance.alias_index`), and the cues of speech
(:func:`helpers.who_speaks.cues.find_cues`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Generic, TypeVar

import ahocorasick

__all__ = ["PhraseIndex"]

T = TypeVar("T")


class PhraseIndex(Generic[T]):
    """Items filed under literal keys: :meth:`candidates` gives those whose key occurs.

    ``keys[i]`` is a literal that every match of ``items[i]`` contains (``None``: the item
    has none and is always a candidate). With ``lower`` the text is lower-cased before the
    scan (the keys are then lower case).

    >>> index = PhraseIndex(["slam", "war cry", "allegedly"], ["slam", "cry", None], lower=True)
    >>> index.candidates("They SLAMMED the plan.")
    ['slam', 'allegedly']
    >>> [(start, index.items[i]) for start, i in index.occurrences("a war cry, a cry")]
    [(6, 'war cry'), (13, 'war cry')]
    """

    def __init__(self, items: Sequence[T], keys: Sequence[str | None], *, lower: bool) -> None:
        self.items = items
        self.lower = lower
        self.always: list[int] = []  # items without a key
        self.by_key: dict[str, list[int]] = {}
        for i, key in enumerate(keys):
            if key:
                self.by_key.setdefault(key, []).append(i)
            else:
                self.always.append(i)
        self._automaton = ahocorasick.Automaton()
        for key in self.by_key:
            self._automaton.add_word(key, key)
        if self.by_key:
            self._automaton.make_automaton()

    def keys_in(self, text: str) -> set[str]:
        """The keys that occur in ``text`` (anywhere, as substrings)."""
        if not self.by_key:
            return set()
        return {key for _end, key in self._automaton.iter(text.lower() if self.lower else text)}

    def candidates(self, text: str) -> list[T]:
        """The items whose key occurs in ``text``, and those without a key, in their order."""
        chosen = list(self.always)
        for key in self.keys_in(text):
            chosen += self.by_key[key]
        return [self.items[i] for i in sorted(set(chosen))]

    def occurrences(self, text: str) -> Iterator[tuple[int, int]]:
        """``(start, item number)`` for every occurrence of a key in ``text``, by the key's
        end and, for one key, by start (items without a key are not listed)."""
        if not self.by_key:
            return
        scanned = text.lower() if self.lower else text
        for end, key in self._automaton.iter(scanned):
            for i in self.by_key[key]:
                yield end - len(key) + 1, i
