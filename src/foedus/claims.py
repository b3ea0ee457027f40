"""Claims in the news about treaty obligations, and how they fare against the registry.

A claim is a sentence saying what a treaty obliges its parties to do when one is attacked:
"the treaty has no mutual defense clause", "there is no obligation to intervene unless
requested", "commits both sides to come to each other's aid". `find_claims` spots them with
general patterns (obligation and clause words, negation, request conditions); `check_claim`
ties a claim to a treaty (one named in the text, else the treaty between the two states signed
most recently by the article date) and says whether the registry's clauses make it
`consistent`, `contradicted` or `not covered`, naming the clause that decides.

A claim reduces to two propositions about help for an attacked party: is there a duty without
a request, and is there one on request. "No obligation unless requested" asserts no to the
first and yes to the second, so against a treaty with no help clause at all it is half right,
and `contradicted` as a whole: the treaty text does not support help even on request.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from foedus.treaties.model import Clause, Treaty, jsonable
from foedus.treaties.registry import Registry

__all__ = [
    "VERDICTS",
    "Claim",
    "ClaimCheck",
    "ClaimPart",
    "check_claim",
    "find_claims",
    "named_treaties",
    "split_sentences",
]

VERDICTS = ("consistent", "contradicted", "not covered")

_HELP_KINDS = ("defense", "offense")
# Clauses that say something about help short of a duty, in the order a reader asks about.
_OTHER_KINDS = ("neutrality", "consultation", "non_aggression", "cooperation")

_CLAUSE = re.compile(
    r"\b(?:(?:mutual|collective)[- ](?:defen[cs]e|assistance|aid|security)"
    r"(?:[- ](?:clause|pact|provision|commitment|obligation|guarantee|article)s?)?"
    r"|defen[cs]e[- ](?:clause|pact|alliance|provision|commitment|obligation|guarantee)s?"
    r"|assistance[- ](?:clause|provision)s?"
    r"|military[- ]alliance)\b",
    re.IGNORECASE,
)
_DUTY = re.compile(
    r"\b(?:obligations?|obliged|obligated|obliges|obligates|duty|bound|compelled|required|"
    r"requires|commits?|committed|commitments?|pledges?|pledged|must|shall)\b",
    re.IGNORECASE,
)
_STRONG_DUTY = re.compile(r"^(?:obligations?|obliged|obligated|obliges|obligates)$", re.I)
_HELP = re.compile(
    r"\b(?:defend\w*|defen[cs]e|help\w*|aid|assist\w*|intervene\w*|intervention|support\w*|"
    r"protect\w*|come to (?:the|each other's|its|their) (?:aid|defen[cs]e|rescue|assistance))\b",
    re.IGNORECASE,
)
_TREATY_WORDS = re.compile(
    r"\b(?:treaty|treaties|pact|agreement|alliance|clause|article|charter|accord|"
    r"partnership)\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"\b(?:no|not|never|nor|neither|without|lacks?|lacking|none)\b|n['’]t\b", re.IGNORECASE
)
_REQUEST = re.compile(
    r"\b(?:unless|until|if|when|once)\s+(?:\w+\s+){0,3}?(?:request\w*|ask\w*|invit\w*)\b"
    r"|\b(?:at|upon|on)\s+(?:\S+\s+){0,3}?request\b",
    re.IGNORECASE,
)
_HELP_WINDOW = 60
"""Characters after an obligation word in which the help verb must follow."""
_NEGATION_WINDOW = 40
"""Characters before a claim in which a negation scopes over it."""
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
_NAME_STOP = {"treaty", "on", "of", "the", "and", "for", "in", "a", "an", "to"}


@dataclass(frozen=True)
class Claim:
    """A sentence's claim about what a treaty obliges, and where it was found."""

    text: str
    """The words that make the claim (from the negation, if any, to the condition)."""
    sentence: str
    kind: str
    """`clause` (a defense clause is or is not there) or `duty` (parties are or are not
    obliged to help)."""
    duty: bool
    """Whether the claim says a duty to help exists (at least on request)."""
    on_request: bool
    """Whether the claim ties the duty to a request ("unless requested", "if asked")."""
    article_id: str | None = None
    sentence_index: int | None = None
    start: int | None = None
    """Offset of the sentence in the article, when known."""
    context: str = ""
    """The sentence before, where a treaty named only as "it" is usually named."""

    @property
    def asserts(self) -> str:
        """The claim in the registry's terms."""
        if self.on_request:
            return (
                "no duty to help unless requested; a duty on request"
                if not self.duty
                else "a duty to help on request"
            )
        return "a duty to help an attacked party" if self.duty else "no duty to help"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = jsonable(self)
        data["asserts"] = self.asserts
        return data


@dataclass(frozen=True)
class ClaimPart:
    """One proposition of a claim, checked against one treaty."""

    proposition: str
    verdict: str
    reason: str
    clauses: tuple[str, ...] = ()
    """The clauses that decide it, as ``treaty Art. n`` references."""


@dataclass(frozen=True)
class ClaimCheck:
    """A claim, the treaty it is about, and the registry's verdict on it."""

    claim: Claim
    treaty: str | None
    treaty_name: str | None
    treaty_status: str | None
    """The treaty's status on `on`: `in force`, `signed, not in force`, `ended`."""
    tied_by: str
    verdict: str
    summary: str
    parts: tuple[ClaimPart, ...]
    on: date | None = None

    @property
    def clauses(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c for p in self.parts for c in p.clauses))

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = jsonable(self)
        data["claim"] = self.claim.to_dict()
        data["clauses"] = list(self.clauses)
        return data


def split_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; a plain splitter, enough to find claims without a parser."""
    spans: list[tuple[int, str]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        _add_span(spans, text, start, match.start())
        start = match.end()
    _add_span(spans, text, start, len(text))
    return spans


def _add_span(spans: list[tuple[int, str]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        spans.append((start + piece.index(stripped), stripped))


def find_claims(text: str, *, article_id: str | None = None) -> tuple[Claim, ...]:
    """Every claim about treaty obligations in `text`, in order."""
    found: list[Claim] = []
    previous = ""
    for offset, sentence in split_sentences(text):
        for claim in sentence_claims(sentence, context=previous):
            found.append(_placed(claim, article_id, None, offset))
        previous = sentence
    return tuple(found)


def sentence_claims(sentence: str, *, context: str = "") -> tuple[Claim, ...]:
    """The claims one sentence makes (a sentence can make a clause claim and a duty claim)."""
    claims = [
        _claim(sentence, start, end, kind, context) for start, end, kind in _matches(sentence)
    ]
    return tuple(claims)


def _placed(claim: Claim, article_id: str | None, index: int | None, start: int) -> Claim:
    return Claim(claim.text, claim.sentence, claim.kind, claim.duty, claim.on_request,
                 article_id, index, start, claim.context)  # fmt: skip


def _matches(sentence: str) -> Iterator[tuple[int, int, str]]:
    taken: list[tuple[int, int]] = []
    for match in _CLAUSE.finditer(sentence):
        taken.append(match.span())
        yield match.start(), match.end(), "clause"
    for match in _DUTY.finditer(sentence):
        help_match = _HELP.search(sentence, match.end(), match.end() + _HELP_WINDOW)
        if help_match is None or any(s <= match.start() < e for s, e in taken):
            continue
        if _NEGATION.search(sentence, match.end(), help_match.start()):
            continue  # "shall not help the aggressor" is non-assistance, not a duty to help
        if not (_STRONG_DUTY.match(match.group()) or _TREATY_WORDS.search(sentence)):
            continue
        taken.append((match.start(), help_match.end()))
        yield match.start(), help_match.end(), "duty"


def _claim(sentence: str, start: int, end: int, kind: str, context: str) -> Claim:
    before = sentence[max(0, start - _NEGATION_WINDOW) : start]
    negation = next(reversed(list(_NEGATION.finditer(before))), None)
    negated = negation is not None and not re.search(r"[;:]|\bbut\b", before[negation.end() :])
    request = _REQUEST.search(sentence, end)
    text_start = start - len(before) + negation.start() if negated and negation else start
    text_end = request.end() if request else end
    return Claim(
        text=sentence[text_start:text_end],
        sentence=sentence,
        kind=kind,
        duty=not negated,
        on_request=request is not None,
        context=context,
    )


def named_treaties(text: str, registry: Registry) -> tuple[Treaty, ...]:
    """Treaties of the registry that `text` names (full name or short name)."""
    return tuple(t for t in registry.treaties if t.source == "shipped" and _names(t, text))


def _names(treaty: Treaty, text: str) -> bool:
    short = treaty.short_name
    if short and short.isalpha() and re.search(rf"\b{re.escape(short)}\b", text):
        return True
    core = re.split(r"\s+between\s+|,\s*Art\.|\s*\(", treaty.name)[0]
    words = [w for w in re.findall(r"[A-Za-z]+", core) if w.lower() not in _NAME_STOP]
    if len(words) < 2 and "Treaty" not in core:
        return False
    joined = r"\W+(?:(?:of|on|the|and|for)\W+)*".join(re.escape(w) for w in words)
    return re.search(rf"\b{joined}\b", text) is not None


def check_claim(
    claim: Claim,
    registry: Registry,
    *,
    pair: tuple[str, str] | None = None,
    on: date | None = None,
) -> ClaimCheck:
    """The registry's verdict on `claim`, about the treaty between `pair` as of `on`."""
    treaty, tied_by = _tie(claim, registry, pair, on)
    if treaty is None:
        summary = f"Not covered: {tied_by}"
        return ClaimCheck(claim, None, None, None, tied_by, "not covered", summary, (), on)
    parts = _parts(claim, treaty, pair)
    verdict = _overall(parts)
    status = treaty.status_on(on) if on else None
    summary = _summary(claim, treaty, verdict, parts)
    name = treaty.short_name or treaty.name
    return ClaimCheck(claim, treaty.id, name, status, tied_by, verdict, summary, parts, on)


def _tie(
    claim: Claim, registry: Registry, pair: tuple[str, str] | None, on: date | None
) -> tuple[Treaty | None, str]:
    signed = [t for t in registry.treaties if on is None or (t.signed and t.signed <= on)]
    between = [t for t in signed if pair is None or set(pair) <= set(t.states())]
    for where, text in (("the sentence", claim.sentence), ("the sentence before", claim.context)):
        named = [t for t in between if _names(t, text)]
        if named:
            chosen = _latest(named)
            return chosen, f"{chosen.id} is named in {where}."
    if pair is None:
        return None, "the claim names no treaty of the registry, and no pair of states is given."
    if not between:
        when = f" signed by {on}" if on else ""
        return None, f"the registry holds no treaty between {pair[0]} and {pair[1]}{when}."
    chosen = _latest(between)
    when = f" by {on}" if on else ""
    return chosen, (
        f"no treaty is named; {chosen.id} is the treaty between {pair[0]} and {pair[1]} "
        f"signed most recently{when} (bilateral treaties first)."
    )


def _latest(treaties: Sequence[Treaty]) -> Treaty:
    # "Our treaty" is the pair's own, bilateral one before a charter both joined; news speaks
    # of the newest text; shipped records win over ATOP ones of the same date.
    return max(
        treaties,
        key=lambda t: (len(t.states()) == 2, t.signed or date.min, t.source == "shipped"),
    )


def _help_clauses(treaty: Treaty, pair: tuple[str, str] | None) -> list[Clause]:
    clauses = [c for c in treaty.clauses if c.kind in _HELP_KINDS]
    if pair is None:
        return clauses
    a, b = pair
    return [c for c in clauses if c.binds(a, b) or c.binds(b, a)]


def _ref(treaty: Treaty, clause: Clause) -> str:
    return f"{treaty.id} Art. {clause.article}"


def _parts(claim: Claim, treaty: Treaty, pair: tuple[str, str] | None) -> tuple[ClaimPart, ...]:
    helps = _help_clauses(treaty, pair)
    plain = [c for c in helps if not c.conditions.request]
    asked = [c for c in helps if c.conditions.request]
    parts = []
    if not claim.on_request:
        parts.append(_unasked_part(claim.duty, treaty, plain, asked))
    else:
        if not claim.duty:
            parts.append(_unasked_part(False, treaty, plain, asked))
        parts.append(_asked_part(treaty, plain, asked))
    return tuple(parts)


def _unasked_part(
    duty: bool, treaty: Treaty, plain: list[Clause], asked: list[Clause]
) -> ClaimPart:
    if plain:
        refs = tuple(_ref(treaty, c) for c in plain)
        reason = f"{refs[0]} ({plain[0].strength.replace('_', ' ')}): {plain[0].paraphrase}"
        proposition = "a duty to help without a request"
        return ClaimPart(proposition, "consistent" if duty else "contradicted", reason, refs)
    refs, what = _nearest(treaty, asked)
    reason = f"{treaty.id} has no clause obliging help without a request; {what}"
    proposition = (
        "a duty to help without a request" if duty else "no duty to help without a request"
    )
    return ClaimPart(proposition, "contradicted" if duty else "consistent", reason, refs)


def _asked_part(treaty: Treaty, plain: list[Clause], asked: list[Clause]) -> ClaimPart:
    proposition = "a duty to help on request"
    if asked:
        refs = tuple(_ref(treaty, c) for c in asked)
        reason = f"{refs[0]} obliges help when the attacked party asks: {asked[0].paraphrase}"
        return ClaimPart(proposition, "consistent", reason, refs)
    if plain:
        refs = tuple(_ref(treaty, c) for c in plain)
        reason = f"{refs[0]} obliges help and needs no request: {plain[0].paraphrase}"
        return ClaimPart(proposition, "consistent", reason, refs)
    refs, what = _nearest(treaty, ())
    reason = (
        f"Not supported by the treaty text: {treaty.id} has no clause obliging help, even on "
        f"request; {what}"
    )
    return ClaimPart(proposition, "contradicted", reason, refs)


def _nearest(treaty: Treaty, asked: Sequence[Clause]) -> tuple[tuple[str, ...], str]:
    """What the treaty says instead of a duty to help, and the clauses that say it."""
    if asked:
        refs = tuple(dict.fromkeys(_ref(treaty, c) for c in asked))
        return refs, f"{refs[0]} obliges help only on request."
    others = sorted(
        (c for c in treaty.clauses if c.kind in _OTHER_KINDS),
        key=lambda c: _OTHER_KINDS.index(c.kind),
    )
    if not others:
        return (), "it has no obligation clause of any kind in the registry."
    first = others[0]
    refs = tuple(dict.fromkeys(_ref(treaty, c) for c in others))
    kind = first.kind.replace("_", "-")
    return refs, f"the nearest is {refs[0]} ({kind}): {first.paraphrase}"


def _overall(parts: Sequence[ClaimPart]) -> str:
    if any(p.verdict == "contradicted" for p in parts):
        return "contradicted"
    if parts and all(p.verdict == "consistent" for p in parts):
        return "consistent"
    return "not covered"


def _summary(claim: Claim, treaty: Treaty, verdict: str, parts: Sequence[ClaimPart]) -> str:
    deciding = next((p for p in parts if p.verdict == verdict), parts[0])
    lead = {
        "consistent": "Consistent with",
        "contradicted": "Contradicted by",
        "not covered": "Not covered by",
    }[verdict]
    return f'{lead} {treaty.id}: "{claim.text}" ({claim.asserts}). {deciding.reason}'
