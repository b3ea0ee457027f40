"""Fast stand-ins for spaCy's attribute ruler and lemmatizer, with the same tokens out.

The English pipelines map fine-grained tags to parts of speech and morphology with an
`attribute_ruler` built on spaCy's general Matcher; on short sentences that Matcher costs about
a sixth of the coder's time. The rules are simple (one or two tokens; TAG, LOWER, DEP, IS_SPACE
with equality, IN, NOT_IN or REGEX), so they are compiled here into dictionaries keyed by tag
and by lower-case form, and applied with the ruler's own precedence: every rule matches against
the untouched sentence, then rules are applied in their order, later ones winning. The
lemmatizer that follows is a pure function of a token's form, part of speech and morphology,
so `Lemmas` remembers its answers. Both read and write a sentence's token attributes as one
array (`Doc.to_array`, `Doc.from_array`) instead of through a Python object per token. Tests
check that tokens come out identical to spaCy's on real news text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Token

__all__ = ["AttributeRules", "Lemmas"]

Check = Callable[[Token], bool]

_COLUMNS: list[int | str] = [POS, TAG, DEP, MORPH, LEMMA]
"""The attributes a rule may set, as columns of the array read and written per sentence."""
_COLUMN_OF = {"POS": 0, "TAG": 1, "DEP": 2, "MORPH": 3, "LEMMA": 4}

Update = tuple[tuple[int, int], ...]
"""(column, value) pairs that one rule, or several folded in order, write to a token."""


@dataclass(frozen=True)
class _Rule:
    order: int
    checks: tuple[Check, ...]
    """One check per token of the pattern."""
    index: int
    attrs: Mapping[str, str]


@dataclass(frozen=True)
class _Verdict:
    """What the rules do at one token; it depends only on the token's form, tag and label."""

    singles: tuple[tuple[int, Update], ...]
    """(order, update) of each matching one-token rule, in rule order."""
    update: Update
    """The singles folded: what the token gets when no longer rule reaches it."""
    longer: tuple[_Rule, ...]
    """Rules of several tokens whose first token matches here; the rest is checked against
    the sentence."""


def _value_check(attr: str, spec: Any) -> Check:
    get: Callable[[Token], Any] = {
        "TAG": lambda t: t.tag_,
        "LOWER": lambda t: t.lower_,
        "DEP": lambda t: t.dep_,
        "IS_SPACE": lambda t: t.is_space,
    }[attr]
    if isinstance(spec, dict):
        ((op, arg),) = spec.items()
        if op == "IN":
            allowed = frozenset(arg)
            return lambda t: get(t) in allowed
        if op == "NOT_IN":
            banned = frozenset(arg)
            return lambda t: get(t) not in banned
        if op == "REGEX":
            rx = re.compile(arg)
            return lambda t: bool(rx.search(get(t)))
        raise ValueError(f"unsupported operator {op!r}")
    return lambda t: get(t) == spec


def _token_check(spec: Mapping[str, Any]) -> Check:
    checks = [_value_check(attr, value) for attr, value in spec.items()]
    return lambda t: all(check(t) for check in checks)


def _keys(spec: Mapping[str, Any]) -> list[tuple[str, str]] | None:
    """Index keys for a first-token spec, or None when it must be tried on every token."""
    for attr in ("LOWER", "TAG"):
        value = spec.get(attr)
        if isinstance(value, str):
            return [(attr, value)]
        if isinstance(value, dict) and list(value) == ["IN"]:
            return [(attr, v) for v in value["IN"]]
    return None


def _fold(updates: Iterable[tuple[int, Update]]) -> Update:
    """The updates applied one after another: per column, the last value written wins."""
    out: dict[int, int] = {}
    for _order, update in updates:
        out.update(update)
    return tuple(out.items())


class AttributeRules:
    """The rules of a spaCy `attribute_ruler`, applied without the Matcher."""

    def __init__(self, patterns: Iterable[Mapping[str, Any]]) -> None:
        self._indexed: dict[tuple[str, str], list[_Rule]] = {}
        self._general: list[_Rule] = []
        self._attrs: dict[int, Mapping[str, str]] = {}
        for order, entry in enumerate(patterns):
            self._attrs[order] = dict(entry["attrs"])
            for pattern in entry["patterns"]:
                checks = tuple(_token_check(spec) for spec in pattern)
                rule = _Rule(order, checks, int(entry.get("index", 0)), self._attrs[order])
                keys = _keys(pattern[0])
                if keys is None:
                    self._general.append(rule)
                for key in keys or ():
                    self._indexed.setdefault(key, []).append(rule)
        # The verdict at a token depends only on the attributes rules test, so it is worked
        # out once per distinct (form, tag, label); news repeats its words.
        self._verdicts: dict[tuple[int, int, int], _Verdict] = {}
        self._updates: dict[int, Update] = {}
        self._vocab: Any = None

    @classmethod
    def supports(cls, patterns: Sequence[Mapping[str, Any]]) -> bool:
        """Whether every rule uses only what this class implements."""
        try:
            for entry in patterns:
                if not set(entry["attrs"]) <= set(_COLUMN_OF):
                    return False
                for pattern in entry["patterns"]:
                    for spec in pattern:
                        for attr, value in spec.items():
                            _value_check(attr, value)
        except (KeyError, ValueError):
            return False
        return True

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        self._register(doc.vocab)
        if len(self._verdicts) > _CACHE_LIMIT:
            self._verdicts.clear()  # constant memory on corpora of any size
        verdicts = [
            self._verdict(doc, i, key) for i, key in enumerate(_rows(doc, [ORTH, TAG, DEP]))
        ]
        reached = self._longer_matches(doc, verdicts)
        rows = _rows(doc, _COLUMNS)
        for i, verdict in enumerate(verdicts):
            more = reached.get(i)
            update = verdict.update if more is None else _fold(_by_order(verdict.singles, more))
            row = rows[i]
            for column, value in update:
                row[column] = value
        _write(doc, _COLUMNS, rows)
        return doc

    def _register(self, vocab: Any) -> None:
        """Rule values as the hashes the arrays hold, their strings added to `vocab`."""
        if vocab is self._vocab:
            return
        self._updates = {order: self._compile(attrs, vocab) for order, attrs in self._attrs.items()}
        self._vocab = vocab

    @staticmethod
    def _compile(attrs: Mapping[str, str], vocab: Any) -> Update:
        out = []
        for attr, value in attrs.items():
            if attr == "POS":
                if value not in POS_IDS:
                    raise ValueError(f"Unknown part of speech {value!r} in an attribute rule.")
                number = int(POS_IDS[value])
            elif attr == "MORPH":
                number = 0 if value == "_" else int(vocab.morphology.add(value))
            else:
                number = int(vocab.strings.add(value))
            out.append((_COLUMN_OF[attr], number))
        return tuple(out)

    def _verdict(self, doc: Doc, i: int, key: list[int]) -> _Verdict:
        found = self._verdicts.get((key[0], key[1], key[2]))
        if found is None:
            tok = doc[i]
            candidates = self._candidates(tok)
            singles = sorted(
                (r.order, self._updates[r.order])
                for r in candidates
                if len(r.checks) == 1 and r.checks[0](tok)
            )
            longer = tuple(r for r in candidates if len(r.checks) > 1 and r.checks[0](tok))
            found = _Verdict(tuple(singles), _fold(singles), longer)
            self._verdicts[(key[0], key[1], key[2])] = found
        return found

    def _longer_matches(
        self, doc: Doc, verdicts: list[_Verdict]
    ) -> dict[int, list[tuple[int, Update]]]:
        """(order, update) of the rules of several tokens that match, by the token they set."""
        out: dict[int, list[tuple[int, Update]]] = {}
        for i, verdict in enumerate(verdicts):
            for rule in verdict.longer:
                if self._matches(rule, doc, i):
                    out.setdefault(i + rule.index, []).append(
                        (rule.order, self._updates[rule.order])
                    )
        return out

    def _candidates(self, tok: Token) -> list[_Rule]:
        """The rules whose first token may be `tok`, each once, in index order."""
        seen: set[int] = set()
        out: list[_Rule] = []
        for rule in (
            *self._indexed.get(("LOWER", tok.lower_), ()),
            *self._indexed.get(("TAG", tok.tag_), ()),
            *self._general,
        ):
            if id(rule) not in seen:
                seen.add(id(rule))
                out.append(rule)
        return out

    @staticmethod
    def _matches(rule: _Rule, doc: Doc, start: int) -> bool:
        """Whether the tokens after `start` match the rest of `rule` (its first did)."""
        if start + len(rule.checks) > len(doc):
            return False
        return all(rule.checks[k](doc[start + k]) for k in range(1, len(rule.checks)))


class Lemmas:
    """spaCy's lemmatizer, remembering its lemma for each (form, part of speech, morphology).

    In its "rule" and "lookup" modes the lemmatizer's answer depends on nothing else, so each
    distinct token is lemmatized once; like the lemmatizer, a lemma a rule already set is kept
    unless the lemmatizer is told to overwrite it.
    """

    def __init__(self, lemmatizer: Any) -> None:
        self._lemmatizer = _with_index_sets(lemmatizer) if lemmatizer.mode == "rule" else lemmatizer
        self._lemmas: dict[tuple[int, int, int], int] = {}
        self._vocab: Any = None

    @staticmethod
    def supports(lemmatizer: Any) -> bool:
        return getattr(lemmatizer, "mode", None) in ("rule", "lookup")

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        if doc.vocab is not self._vocab or len(self._lemmas) > _CACHE_LIMIT:
            self._lemmas.clear()  # a lemma's hash is only known to the vocab it was added to
            self._vocab = doc.vocab
        keep = not self._lemmatizer.overwrite
        lemmas = [
            lemma if lemma and keep else self._lemma(doc, i, (orth, pos, morph))
            for i, (orth, pos, morph, lemma) in enumerate(_rows(doc, [ORTH, POS, MORPH, LEMMA]))
        ]
        _write(doc, [LEMMA], [[lemma] for lemma in lemmas])
        return doc

    def _lemma(self, doc: Doc, i: int, key: tuple[int, int, int]) -> int:
        found = self._lemmas.get(key)
        if found is None:
            lemma = self._lemmatizer.lemmatize(doc[i])[0]
            found = self._lemmas[key] = int(doc.vocab.strings.add(lemma))
        return found


def _with_index_sets(lemmatizer: Any) -> Any:
    """A copy of a rule lemmatizer whose index of known lemmas is a set per part of speech.

    spaCy keeps that index as lists and asks whether each candidate form is in it, a scan of
    up to 57,000 nouns per candidate; a set gives the same answers at once.
    """
    from spacy.lookups import Lookups

    lookups = Lookups()
    for name in lemmatizer.lookups.tables:
        data = dict(lemmatizer.lookups.get_table(name).items())
        if name == "lemma_index":
            data = {pos: frozenset(forms) for pos, forms in data.items()}
        lookups.add_table(name, data)
    copy = type(lemmatizer)(lemmatizer.vocab, lemmatizer.model, lemmatizer.name,
                            mode=lemmatizer.mode, overwrite=lemmatizer.overwrite)  # fmt: skip
    copy.initialize(lookups=lookups)
    return copy


def _rows(doc: Doc, columns: list[int | str]) -> list[list[int]]:
    rows: list[list[int]] = doc.to_array(columns).tolist()
    return rows


def _write(doc: Doc, columns: list[int | str], rows: list[list[int]]) -> None:
    array: Any = numpy.array(rows, dtype=numpy.uint64)  # spaCy's stubs want thinc's Ints2d
    doc.from_array(columns, array)


def _by_order(
    singles: Iterable[tuple[int, Update]], more: Iterable[tuple[int, Update]]
) -> list[tuple[int, Update]]:
    return sorted((*singles, *more), key=lambda pair: pair[0])


_CACHE_LIMIT = 200_000
