"""Tolerant matching of misspelled names: "Afganistan", "Ethopia", "Phillippines", "Britian".

Wire copy misspells long country names often enough to lose events, but a tolerant match
must not turn ordinary names into states ("Rolland" is not Holland, "Siberian" not
Liberian). So a word is corrected only when it is one edit (an insertion, a deletion, a
substitution or a swap of two neighbouring letters) from exactly one state's forms, both are
at least `MIN_LENGTH` letters long, and the edit spares the first and the last letter, which
misspellings rarely touch and real words that differ by an affix always do.

Lookup is by symmetric deletion: every form and every form less one letter is indexed at
load, so a word costs one dictionary probe per letter, with no scan of the forms.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

__all__ = ["MIN_LENGTH", "Misspellings", "one_edit"]

MIN_LENGTH = 7


class Misspellings:
    """Folded single-word forms ("afghanistan", "ethiopian"), each with the key it stands for
    (an ISO3 code); `correct` maps a misspelled word to the one form it means. `lookalikes`
    are words that are never corrected ("columbia" is not Colombia)."""

    def __init__(self, forms: Mapping[str, str], lookalikes: Iterable[str] = ()) -> None:
        self._forms = {f: k for f, k in forms.items() if len(f) >= MIN_LENGTH and f.isalpha()}
        self._lookalikes = frozenset(lookalikes)
        # first letter, last letter and length a misspelling of some form can have: most
        # capitalized words (names, sentence-initial words) fail this at once
        self._shapes = frozenset((f[0], f[-1], len(f) + d) for f in self._forms for d in (-1, 0, 1))
        self._by_deletion: dict[str, set[str]] = {}
        for form in self._forms:
            for key in (form, *_deletions(form)):
                self._by_deletion.setdefault(key, set()).add(form)

    def __len__(self) -> int:
        return len(self._forms)

    def correct(self, word: str) -> str | None:
        """The form that folded `word` misspells, or None: unknown, itself a form, more than
        one edit away, or as close to forms of two different keys."""
        if len(word) < MIN_LENGTH or (word[0], word[-1], len(word)) not in self._shapes:
            return None
        if word in self._forms or word in self._lookalikes:
            return None
        candidates: set[str] = set()
        for key in (word, *_deletions(word)):
            candidates |= self._by_deletion.get(key, set())
        hits = sorted(f for f in candidates if one_edit(word, f))
        if len({self._forms[f] for f in hits}) != 1:
            return None
        return min(hits, key=lambda f: abs(len(f) - len(word)))


def one_edit(word: str, form: str) -> bool:
    """Whether `word` is `form` with one insertion, deletion, substitution or swap of
    neighbouring letters, none of them at the first or the last letter."""
    if word == form or word[:1] != form[:1] or word[-1:] != form[-1:]:
        return False
    if len(word) == len(form):
        diffs = [i for i, (a, b) in enumerate(zip(word, form, strict=True)) if a != b]
        if len(diffs) == 1:
            return True
        first, *rest = diffs
        return (
            len(diffs) == 2
            and rest[0] == first + 1
            and (word[first], word[first + 1]) == (form[first + 1], form[first])
        )
    longer, shorter = (word, form) if len(word) > len(form) else (form, word)
    if len(longer) - len(shorter) != 1:
        return False
    i = next((i for i, (a, b) in enumerate(zip(shorter, longer, strict=False)) if a != b), -1)
    return i >= 0 and longer[:i] + longer[i + 1 :] == shorter


def _deletions(word: str) -> Iterator[str]:
    return (word[:i] + word[i + 1 :] for i in range(len(word)))
