"""A fast stand-in for spaCy's attribute ruler, compiled from the model's own rules.

The English pipelines map fine-grained tags to parts of speech and morphology with an
`attribute_ruler` built on spaCy's general Matcher; on short sentences that Matcher costs about
a sixth of the coder's time. The rules are simple (one or two tokens; TAG, LOWER, DEP, IS_SPACE
with equality, IN, NOT_IN or REGEX), so they are compiled here into dictionaries keyed by tag
and by lower-case form, and applied with the ruler's own precedence: every rule matches against
the untouched sentence, then rules are applied in their order, later ones winning. A test checks
that tokens come out identical to the ruler's on real news text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

__all__ = ["AttributeRules"]

Check = Callable[[Token], bool]


@dataclass(frozen=True)
class _Rule:
    order: int
    checks: tuple[Check, ...]
    """One check per token of the pattern."""
    index: int
    attrs: Mapping[str, str]


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


class AttributeRules:
    """The rules of a spaCy `attribute_ruler`, applied without the Matcher."""

    def __init__(self, patterns: Iterable[Mapping[str, Any]]) -> None:
        self._indexed: dict[tuple[str, str], list[_Rule]] = {}
        self._general: list[_Rule] = []
        for order, entry in enumerate(patterns):
            for pattern in entry["patterns"]:
                checks = tuple(_token_check(spec) for spec in pattern)
                rule = _Rule(order, checks, int(entry.get("index", 0)), dict(entry["attrs"]))
                keys = _keys(pattern[0])
                if keys is None:
                    self._general.append(rule)
                for key in keys or ():
                    self._indexed.setdefault(key, []).append(rule)
        # A one-token rule's verdict depends only on the attributes rules test, so it is
        # computed once per distinct (lower, tag, dep, is_space), with the longer rules that
        # may start there; news repeats its words.
        self._single_cache: dict[
            tuple[str, str, str, bool], tuple[tuple[_Rule, ...], tuple[_Rule, ...]]
        ] = {}

    @classmethod
    def supports(cls, patterns: Sequence[Mapping[str, Any]]) -> bool:
        """Whether every rule uses only what this class implements."""
        try:
            for entry in patterns:
                for pattern in entry["patterns"]:
                    for spec in pattern:
                        for attr, value in spec.items():
                            _value_check(attr, value)
        except (KeyError, ValueError):
            return False
        return True

    def __call__(self, doc: Doc) -> Doc:
        matches: list[tuple[int, int, _Rule]] = []
        cache = self._single_cache
        if len(cache) > _CACHE_LIMIT:
            cache.clear()  # constant memory on corpora of any size
        for tok in doc:
            key = (tok.lower_, tok.tag_, tok.dep_, tok.is_space)
            found = cache.get(key)
            if found is None:
                candidates = self._candidates(tok)
                singles = tuple(r for r in candidates if len(r.checks) == 1 and r.checks[0](tok))
                found = cache[key] = (singles, tuple(r for r in candidates if len(r.checks) > 1))
            singles, multi = found
            for rule in singles:
                matches.append((rule.order, tok.i, rule))
            for rule in multi:
                if self._matches(rule, doc, tok.i):
                    matches.append((rule.order, tok.i, rule))
        matches.sort(key=lambda m: (m[0], m[1]))
        for _order, start, rule in matches:
            _apply(doc[start + rule.index], rule.attrs)
        return doc

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
        if start + len(rule.checks) > len(doc):
            return False
        return all(check(doc[start + k]) for k, check in enumerate(rule.checks))


_CACHE_LIMIT = 200_000


def _apply(tok: Token, attrs: Mapping[str, str]) -> None:
    for attr, value in attrs.items():
        if attr == "POS":
            tok.pos_ = value
        elif attr == "TAG":
            tok.tag_ = value
        elif attr == "DEP":
            tok.dep_ = value
        elif attr == "LEMMA":
            tok.lemma_ = value
        elif attr == "MORPH":
            tok.set_morph(None if value == "_" else value)  # type: ignore[attr-defined]
