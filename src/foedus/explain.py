"""The brief: why is one state (not) helping another that is attacked?

`explain` brings together, for a helper, a partner and the partner's attacker on a date:

1. the obligation assessment (`foedus.obligations`): every clause that binds the helper
   toward the partner or the attacker, its status and its conditions;
2. the coded events (`foedus.store`) between helper and partner and with the attacker,
   grouped as requests, offers, refusals, statements about the treaty, mediation, attacks;
3. the claims those articles make about the treaty (`foedus.claims`), checked against it;
4. a conclusion whose every finding cites clauses (``C1``), events (``E1``) or claims
   (``K1``), or says plainly that it states an absence of data.

The text and Markdown renderings are drawn from `Brief.to_dict()`, so they carry the same
content as the JSON.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from foedus.articles import Article, example_articles, read_inputs
from foedus.claims import ClaimCheck, check_claim, find_claims
from foedus.errors import InputError, suggest
from foedus.events import Event
from foedus.obligations import Obligation, assess_pair
from foedus.store import EventFilter, Store, StoredArticle
from foedus.treaties.model import jsonable
from foedus.treaties.registry import Registry, load_registry

__all__ = [
    "FORMATS",
    "GROUPS",
    "Brief",
    "ClaimLine",
    "ClauseLine",
    "EventLine",
    "Finding",
    "TreatyLine",
    "explain",
    "render",
]

FORMATS = ("text", "markdown", "json")
GROUPS = (
    ("requests", "Requests for help (made or not made)"),
    ("offers", "Offers and help"),
    ("refusals", "Refusals"),
    ("treaty", "Statements about the treaty"),
    ("mediation", "Mediation"),
    ("attacks", "Attacks and threats"),
    ("other", "Other events"),
)
_DUTY_STATUSES = ("obliged", "obliged at its discretion", "obliged if requested")
_HELP_KINDS = ("defense", "offense")
_MEDIATION = ("039", "045")
_FORCE = ("13", "15", "17", "18", "19", "20")
_HELPING = ("03", "05", "06", "07")
_EXAMPLES = "foedus.data.examples/"


@dataclass(frozen=True)
class TreatyLine:
    """A treaty between helper and partner, and its status on the brief's date."""

    id: str
    name: str
    source: str
    signed: date | None
    in_force: date | None
    ended: date | None
    status: str


@dataclass(frozen=True)
class ClauseLine:
    ref: str
    obligation: Obligation


@dataclass(frozen=True)
class EventLine:
    """A coded event cited by the brief, with the evidence behind it."""

    ref: str
    group: str
    summary: str
    event_id: str
    source: str
    target: str | None
    cameo: str
    cameo_name: str
    flags: tuple[str, ...]
    reported_by: str | None
    speaker: str | None
    quote: str | None
    date: str | None
    date_precision: str
    article_id: str
    article_title: str | None
    sentence_index: int
    sentence: str


@dataclass(frozen=True)
class ClaimLine:
    ref: str
    check: ClaimCheck
    article_title: str | None = None


@dataclass(frozen=True)
class Finding:
    """One sentence of the conclusion and what backs it.

    `basis` is ``evidence`` when `cites` names clauses, events or claims, and ``absence``
    when the finding says that the registry or the store holds nothing on the point.
    """

    text: str
    cites: tuple[str, ...]
    basis: str = "evidence"


@dataclass(frozen=True)
class Brief:
    helper: str
    partner: str
    attacker: str
    on: date
    db: str
    treaties: tuple[TreatyLine, ...]
    clauses: tuple[ClauseLine, ...]
    events: tuple[EventLine, ...]
    claims: tuple[ClaimLine, ...]
    conclusion: tuple[Finding, ...]
    notes: tuple[str, ...] = ()

    @property
    def refs(self) -> frozenset[str]:
        """Every reference a finding may cite."""
        lines: Iterable[ClauseLine | EventLine | ClaimLine] = (
            *self.clauses,
            *self.events,
            *self.claims,
        )
        return frozenset(line.ref for line in lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "helper": self.helper,
            "partner": self.partner,
            "attacker": self.attacker,
            "on": self.on.isoformat(),
            "db": self.db,
            "treaties": [jsonable(t) for t in self.treaties],
            "clauses": [{"ref": c.ref, **c.obligation.to_dict()} for c in self.clauses],
            "events": [jsonable(e) for e in self.events],
            "claims": [_claim_dict(c) for c in self.claims],
            "conclusion": [jsonable(f) for f in self.conclusion],
            "notes": list(self.notes),
        }


def _claim_dict(line: ClaimLine) -> dict[str, Any]:
    return {"ref": line.ref, "article_title": line.article_title, **line.check.to_dict()}


def explain(
    helper: str,
    partner: str,
    *,
    attacker: str,
    on: date,
    db: str | Path,
    registry: Registry | None = None,
) -> Brief:
    """The brief on why `helper` is (not) helping `partner`, attacked by `attacker`, on `on`.

    Reads coded events from the store at `db` (which must exist: `StoreError` otherwise) and
    treaties from `registry` (default: the shipped treaties plus any ATOP import in `db`).
    Unknown state codes raise `UnknownCodeError`; an attacker equal to the partner raises
    `ScenarioError`.
    """
    db = Path(db)
    registry = registry or load_registry(db if db.is_file() else None)
    code = registry.states.code
    helper, partner, attacker = code(helper), code(partner), code(attacker)
    with Store.open(db, create=False) as store:
        stored = {a.id: a for a in store.articles()}
        events, loose, later = _pair_events(store, (helper, partner, attacker), on)
    requested = _request_made(events, partner, helper)
    obligations = assess_pair(helper, partner, attacker, on, registry,
                              requested_by=partner if requested else None,
                              requested_from=helper if requested else None)  # fmt: skip
    clauses = tuple(ClauseLine(f"C{i}", o) for i, o in enumerate(obligations, 1))
    checks = _claims(events, stored, registry, (helper, partner), on)
    claim_lines = tuple(
        ClaimLine(f"K{i}", c, _title(stored, c.claim.article_id)) for i, c in enumerate(checks, 1)
    )
    claim_sentences = [c.claim.text for c in checks]
    # An untargeted event ("under our treaty ...", said by the helper) belongs in the brief
    # when its sentence makes a claim about the treaty.
    events += [e for e in loose if any(t in e.sentence for t in claim_sentences)]
    event_lines = _event_lines(events, stored, claim_sentences)
    treaties = _treaty_lines(registry, helper, partner, on)
    brief = Brief(helper, partner, attacker, on, str(db), treaties, clauses, event_lines,
                  claim_lines, (), _notes(later, requested, registry))  # fmt: skip
    return _with_conclusion(brief, registry)


def _pair_events(
    store: Store, states: tuple[str, str, str], on: date
) -> tuple[list[Event], list[Event], int]:
    """Events between helper and partner, or between either and the attacker, up to `on`;
    then the untargeted events of helper or partner in the same articles; then how many
    events were left out for being dated after `on`."""
    helper, partner, attacker = states
    wanted = {frozenset((helper, partner)), frozenset((helper, attacker)),
              frozenset((partner, attacker))}  # fmt: skip
    seen: dict[str, Event] = {}
    loose: dict[str, Event] = {}
    for state in states:
        for event in store.events(EventFilter(source_actor=state)):
            pair = frozenset((_country(event.source), _country(event.target)))
            if pair in wanted:
                seen.setdefault(event.id, event)
            elif event.target is None and state != attacker:
                loose.setdefault(event.id, event)
    kept = sorted((e for e in seen.values() if not _after(e, on)), key=_order)
    articles = {e.article_id for e in kept}
    extra = [e for e in loose.values() if e.article_id in articles and not _after(e, on)]
    return kept, sorted(extra, key=_order), len(seen) - len(kept)


def _order(event: Event) -> tuple[str, str, int, int]:
    return (event.date or "", event.article_id, event.sentence_index, event.anchor_start)


def _country(actor: Any) -> str | None:
    if actor is None:
        return None
    return str(actor.country) if actor.country else str(actor.code)[:3]


def _after(event: Event, on: date) -> bool:
    # An event dated "2025-06" is not after any day of June 2025.
    return bool(event.date) and str(event.date) > on.isoformat()[: len(str(event.date))]


def _flags(event: Event) -> tuple[str, ...]:
    names = ("negated", "hypothetical", "intent", "denied", "question")
    return tuple(n for n in names if getattr(event, n))


def _request_made(events: Sequence[Event], partner: str, helper: str) -> bool:
    """A plain (not negated, not hypothetical ...) request for help from partner to helper."""
    return any(
        e.cameo.startswith("02")
        and _country(e.source) == partner
        and _country(e.target) == helper
        and not _flags(e)
        for e in events
    )


def _group(event: Event, claim_texts: Sequence[str]) -> str:
    cameo = event.cameo
    if cameo.startswith(_MEDIATION):
        return "mediation"
    if cameo.startswith("02"):
        return "requests"
    if cameo.startswith("12"):
        return "refusals"
    if cameo.startswith(_FORCE):
        return "attacks"
    if cameo.startswith("057") or any(t in event.sentence for t in claim_texts):
        return "treaty"
    if cameo.startswith(_HELPING):
        return "offers"
    return "other"


def _summary(event: Event) -> str:
    target = event.target.code if event.target else "(no target)"
    text = f"{event.source.code} → {target}: {event.cameo_name} ({event.cameo})"
    flags = _flags(event)
    if flags:
        text += ", " + ", ".join(flags)
    if event.reported_by:
        text += f", reported by {event.reported_by}"
    return text


def _event_lines(
    events: Sequence[Event], stored: dict[str, StoredArticle], claim_texts: Sequence[str]
) -> tuple[EventLine, ...]:
    order = [name for name, _ in GROUPS]
    grouped = sorted(events, key=lambda e: order.index(_group(e, claim_texts)))
    return tuple(
        EventLine(
            ref=f"E{i}",
            group=_group(e, claim_texts),
            summary=_summary(e),
            event_id=e.id,
            source=e.source.code,
            target=e.target.code if e.target else None,
            cameo=e.cameo,
            cameo_name=e.cameo_name,
            flags=_flags(e),
            reported_by=e.reported_by,
            speaker=e.speaker,
            quote=e.quote,
            date=e.date,
            date_precision=e.date_precision,
            article_id=e.article_id,
            article_title=_title(stored, e.article_id),
            sentence_index=e.sentence_index,
            sentence=e.sentence,
        )
        for i, e in enumerate(grouped, 1)
    )


def _title(stored: dict[str, StoredArticle], article_id: str | None) -> str | None:
    found = stored.get(article_id) if article_id else None
    return found.title if found else None


def _treaty_lines(
    registry: Registry, helper: str, partner: str, on: date
) -> tuple[TreatyLine, ...]:
    lines = []
    for t in registry.treaties:
        if {helper, partner} <= set(t.states()) and t.status_on(on) != "not signed":
            name = t.short_name or t.name
            lines.append(TreatyLine(t.id, name, t.source, t.signed, t.in_force, t.ended,
                                    t.status_on(on)))  # fmt: skip
    return tuple(lines)


def _notes(later: int, requested: bool, registry: Registry) -> tuple[str, ...]:
    notes = []
    if later:
        notes.append(f"{later} coded events dated after the brief's date were left out.")
    if requested:
        notes.append("A coded request for help was found, so the request condition counts as met.")
    if registry.atop_version is None:
        notes.append("Treaties: the shipped registry only (no ATOP import in this store).")
    return tuple(notes)


# --- claims -------------------------------------------------------------------------------


def _claims(
    events: Sequence[Event],
    stored: dict[str, StoredArticle],
    registry: Registry,
    pair: tuple[str, str],
    on: date,
) -> tuple[ClaimCheck, ...]:
    """Claims in the articles the pair's events come from, checked as of each article's date.

    The store keeps events, not article texts: the text is read again from where the article
    came from when that still holds the same text (its id is a hash of the text); otherwise
    only the sentences that carry events are searched.
    """
    wanted = list(dict.fromkeys(e.article_id for e in events))
    texts = _article_texts([stored[a] for a in wanted if a in stored])
    checks: list[ClaimCheck] = []
    for article_id in wanted:
        found = stored.get(article_id)
        day = found.date if found and found.date else on
        text = texts.get(article_id) or _event_text(events, article_id)
        for claim in find_claims(text, article_id=article_id):
            checks.append(check_claim(claim, registry, pair=pair, on=day))
    return tuple(checks)


def _event_text(events: Sequence[Event], article_id: str) -> str:
    sentences = {e.sentence_index: e.sentence for e in events if e.article_id == article_id}
    return "\n".join(sentences[i] for i in sorted(sentences))


def _article_texts(articles: Sequence[StoredArticle]) -> dict[str, str]:
    texts: dict[str, str] = {}
    if any(a.origin.startswith(_EXAMPLES) for a in articles):
        texts.update((a.id, a.text) for a in example_articles())
    for stored in articles:
        if stored.id in texts or stored.origin.startswith(_EXAMPLES):
            continue
        path = Path(
            stored.origin.rsplit(":", 1)[0] if ".jsonl:" in stored.origin else stored.origin
        )
        if path.is_file():
            texts.update(_texts_in(path, stored))
    wanted = {a.id for a in articles}
    return {k: v for k, v in texts.items() if k in wanted}


def _texts_in(path: Path, stored: StoredArticle) -> dict[str, str]:
    found = read_inputs([path], date=stored.date, source=stored.source)
    return {a.id: a.text for a in found if isinstance(a, Article)}


# --- conclusion ---------------------------------------------------------------------------


def _with_conclusion(brief: Brief, registry: Registry) -> Brief:
    if not brief.treaties and not brief.clauses and not brief.events:
        findings: list[Finding] = [_nothing(brief)]
    else:
        findings = [
            *_treaty_findings(brief, registry),
            *_duty_findings(brief),
            *_request_findings(brief),
            *_group_findings(brief),
            *_claim_findings(brief),
        ]
    return Brief(brief.helper, brief.partner, brief.attacker, brief.on, brief.db,
                 brief.treaties, brief.clauses, brief.events, brief.claims, tuple(findings),
                 brief.notes)  # fmt: skip


def _nothing(brief: Brief) -> Finding:
    return Finding(
        f"foedus has nothing on {brief.helper} and {brief.partner}: the registry holds no "
        f"treaty binding {brief.helper} toward {brief.partner} or {brief.attacker} on "
        f"{brief.on}, and the store holds no coded events between them or with "
        f"{brief.attacker}. No conclusion is drawn; code articles about them "
        f"(`foedus code`) or import ATOP (`foedus treaties import-atop`) to learn more.",
        (),
        "absence",
    )


def _treaty_findings(brief: Brief, registry: Registry) -> list[Finding]:
    pair = f"{brief.helper} and {brief.partner}"
    if not brief.treaties:
        text = f"The registry holds no treaty between {pair} signed by {brief.on}."
        return [Finding(text, (), "absence")]
    findings = []
    for line in brief.treaties:
        text = f"On {brief.on}, {line.id} ({line.name}) is {_status_words(line)}."
        cites = tuple(c.ref for c in brief.clauses if c.obligation.treaty == line.id)
        findings.append(Finding(text, cites) if cites else Finding(text, (), "absence"))
    treaties = [registry.get(t.id) for t in brief.treaties]
    if not any(c.kind in _HELP_KINDS for t in treaties for c in t.clauses):
        ids = ", ".join(t.id for t in treaties)
        text = f"None of the treaties between {pair} ({ids}) has a defense or offense clause."
        findings.append(Finding(text, tuple(c.ref for c in brief.clauses)))
    return findings


def _status_words(line: TreatyLine) -> str:
    if line.status == "in force":
        return f"in force (since {line.in_force})"
    if line.status == "ended":
        return f"no longer in force (ended {line.ended})"
    until = f"; it enters into force on {line.in_force}" if line.in_force else ""
    return f"signed on {line.signed} but not in force{until}"


def _duty_findings(brief: Brief) -> list[Finding]:
    toward = [c for c in brief.clauses if c.obligation.role == "attacked"]
    duties = [c for c in toward if _is_duty(c.obligation)]
    findings = []
    for line in duties:
        o = line.obligation
        text = (
            f"{brief.helper} is {o.status} to help {brief.partner} against {brief.attacker} "
            f"under {o.treaty} Art. {o.article} ({o.strength.replace('_', ' ')}): {o.paraphrase}"
        )
        findings.append(Finding(text, (line.ref,)))
    if not duties:
        findings.append(_no_duty(brief, toward))
    for line in toward:
        o = line.obligation
        binding = ("must not aid the attacker", "must consult", "must consult if requested")
        if o.kind in ("neutrality", "consultation") and o.status in binding:
            name = "non-assistance clause" if o.kind == "neutrality" else "consultation clause"
            status = {"must consult if requested": f"must consult if {brief.partner} asks"}.get(
                o.status, o.status.replace("the attacker", brief.attacker)
            )
            text = (
                f"What does bind {brief.helper} is the {name}, {o.treaty} Art. {o.article}: "
                f"{status}. {o.paraphrase}"
            )
            findings.append(Finding(text, (line.ref,)))
    return findings


def _is_duty(o: Obligation) -> bool:
    # The reasoner marks a consultation clause that waits for a request "obliged if
    # requested"; only defense and offense clauses oblige help.
    return o.kind in _HELP_KINDS and o.status in _DUTY_STATUSES


def _no_duty(brief: Brief, toward: Sequence[ClauseLine]) -> Finding:
    text = (
        f"{brief.helper} has no defense obligation toward {brief.partner} on {brief.on}: "
        f"no clause in force obliges it to help {brief.partner} against {brief.attacker}."
    )
    if not toward:
        text += " The registry binds it to nothing toward that state."
        return Finding(text, (), "absence")
    return Finding(text, tuple(c.ref for c in toward))


def _asks(line: EventLine, brief: Brief) -> bool:
    """Whether the event is the partner asking (or not asking) the helper for help."""
    to_helper = (line.target or "")[:3] == brief.helper
    return line.group == "requests" and line.source[:3] == brief.partner and to_helper


def _request_findings(brief: Brief) -> list[Finding]:
    asks = [e for e in brief.events if _asks(e, brief)]
    if not asks:
        text = f"No coded event shows {brief.partner} asking {brief.helper} for help."
        return [Finding(text, (), "absence")]
    findings = []
    for e in asks:
        made = not ({"negated", "denied", "hypothetical", "question"} & set(e.flags))
        verb = "asked" if made else "did not ask"
        said = f", as {e.speaker or e.reported_by} said" if (e.speaker or e.reported_by) else ""
        quote = f': "{e.quote}"' if e.quote else ""
        text = f"{brief.partner} {verb} {brief.helper} for help ({e.cameo_name}){said}{quote}."
        findings.append(Finding(text, (e.ref,)))
    return findings


def _group_findings(brief: Brief) -> list[Finding]:
    findings = []
    for name, label in GROUPS:
        lines = [e for e in brief.events if e.group == name and not _asks(e, brief)]
        if lines:
            listed = "; ".join(_event_words(e) for e in lines)
            findings.append(Finding(f"{label}: {listed}.", tuple(e.ref for e in lines)))
    if not brief.events:
        text = (
            f"The store holds no coded events between {brief.helper} and {brief.partner} "
            f"or with {brief.attacker} up to {brief.on}."
        )
        findings.append(Finding(text, (), "absence"))
    return findings


def _event_words(line: EventLine) -> str:
    quote = f' ("{line.quote}")' if line.quote else ""
    return f"{line.summary}{quote}"


def _claim_findings(brief: Brief) -> list[Finding]:
    findings = []
    for line in brief.claims:
        check = line.check
        text = f"News claim checked against the treaty text: {check.summary}"
        said = [e.ref for e in brief.events if check.claim.text in e.sentence]
        findings.append(Finding(text, (line.ref, *said)))
    return findings


# --- rendering ----------------------------------------------------------------------------


def render(brief: Brief, fmt: str = "text") -> str:
    """The brief as ``text``, ``markdown`` or ``json``, all drawn from `Brief.to_dict()`."""
    data = brief.to_dict()
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt not in FORMATS:
        raise InputError(f"Unknown brief format {fmt!r}. {suggest(fmt, FORMATS)}")
    style = _Style(markdown=fmt == "markdown")
    lines = [
        *_head_lines(data, style),
        *_obligation_lines(data, style),
        *_evidence_lines(data, style),
        *_claim_lines(data, style),
        *_conclusion_lines(data, style),
    ]
    return "\n".join(lines).rstrip() + "\n"


@dataclass(frozen=True)
class _Style:
    markdown: bool

    def heading(self, text: str) -> list[str]:
        return ["", f"## {text}", ""] if self.markdown else ["", text, "=" * len(text)]

    def subheading(self, text: str) -> list[str]:
        return ["", f"### {text}", ""] if self.markdown else ["", f"{text}:"]

    def item(self, ref: str, text: str) -> str:
        return f"- **{ref}** {text}" if self.markdown else f"  [{ref}] {text}"

    def detail(self, label: str, text: object) -> str:
        return f"  - {label}: {text}" if self.markdown else f"       {label}: {text}"

    def bullet(self, text: str) -> str:
        return f"- {text}" if self.markdown else f"  - {text}"


def _head_lines(data: dict[str, Any], style: _Style) -> list[str]:
    title = (
        f"Why is {data['helper']} (not) helping {data['partner']} against "
        f"{data['attacker']}? Brief as of {data['on']}"
    )
    top = [f"# {title}", ""] if style.markdown else [title, "#" * len(title)]
    return [*top, f"Store: {data['db']}"]


def _obligation_lines(data: dict[str, Any], style: _Style) -> list[str]:
    lines = style.heading("1. Treaty obligations")
    lines += style.subheading(f"Treaties between {data['helper']} and {data['partner']}")
    for t in data["treaties"]:
        lines.append(style.bullet(
            f"{t['id']} ({t['name']}, {t['source']}): {t['status']} on {data['on']}; signed "
            f"{t['signed']}, in force {t['in_force']}, ended {t['ended']}"
        ))  # fmt: skip
    if not data["treaties"]:
        lines.append(style.bullet("none in the registry"))
    lines += style.subheading(f"Clauses binding {data['helper']}")
    for c in data["clauses"]:
        lines += _clause_lines(c, style)
    if not data["clauses"]:
        lines.append(style.bullet(f"none toward {data['partner']} or {data['attacker']}"))
    return lines


def _clause_lines(c: dict[str, Any], style: _Style) -> list[str]:
    head = (
        f"{c['treaty']} ({c['treaty_name']}, {c['source']}) Art. {c['article']}: {c['status']} "
        f"— {c['state']} toward {c['toward']} (the {c['role']}); {c['kind']}, {c['strength']}, "
        f"{c['direction']}"
    )
    lines = [style.item(c["ref"], head), style.detail("clause", c["paraphrase"])]
    for cond in c["conditions"]:
        lines.append(
            style.detail(f"condition {cond['name']}", f"{cond['state']} ({cond['reason']})")
        )
    lines += [style.detail("note", n) for n in c["notes"]]
    return lines


def _evidence_lines(data: dict[str, Any], style: _Style) -> list[str]:
    lines = style.heading("2. Evidence: coded events")
    for name, label in GROUPS:
        group = [e for e in data["events"] if e["group"] == name]
        if group:
            lines += style.subheading(f"{label} [{name}]")
            for e in group:
                lines += _event_lines_text(e, style)
    if not data["events"]:
        lines.append(style.bullet("no coded events in the store for these states"))
    return lines


def _event_lines_text(e: dict[str, Any], style: _Style) -> list[str]:
    lines = [style.item(e["ref"], e["summary"])]
    flags = ", ".join(e["flags"]) or "none"
    lines.append(style.detail("event", f"{e['event_id']}; {e['source']} → {e['target']}, "
                              f"{e['cameo']} {e['cameo_name']}; flags: {flags}"))  # fmt: skip
    lines.append(style.detail("date", f"{e['date']} ({e['date_precision']})"))
    if e["quote"]:
        lines.append(style.detail("quote", f'"{e["quote"]}"'))
    lines.append(style.detail("speaker", f"{e['speaker']}; reported by {e['reported_by']}"))
    lines.append(style.detail("article", f"{e['article_id']} ({e['article_title']})"))
    lines.append(style.detail(f"sentence {e['sentence_index']}", e["sentence"]))
    return lines


def _claim_lines(data: dict[str, Any], style: _Style) -> list[str]:
    lines = style.heading("3. Claims about the treaty in the news")
    for k in data["claims"]:
        lines += _one_claim(k, style)
    if not data["claims"]:
        lines.append(style.bullet("no claims about treaty obligations found in these articles"))
    return lines


def _one_claim(k: dict[str, Any], style: _Style) -> list[str]:
    c = k["claim"]
    asserts = f"{c['asserts']} ({c['kind']} claim, duty {c['duty']}, on request {c['on_request']})"
    treaty = (
        f"{k['treaty']} ({k['treaty_name']}), {k['treaty_status']} on {k['on']}; {k['tied_by']}"
    )
    where = (
        f"{c['article_id']} ({k['article_title']}), offset {c['start']}, "
        f"sentence {c['sentence_index']}"
    )
    lines = [
        style.item(k["ref"], f'{k["verdict"]}: "{c["text"]}"'),
        style.detail("asserts", asserts),
        style.detail("treaty", treaty),
    ]
    for part in k["parts"]:
        refs = ", ".join(part["clauses"]) or "no clause"
        lines.append(
            style.detail(part["proposition"], f"{part['verdict']} [{refs}]: {part['reason']}")
        )
    lines += [
        style.detail("verdict", k["summary"]),
        style.detail("clauses", ", ".join(k["clauses"]) or "none"),
        style.detail("article", where),
        style.detail("sentence", c["sentence"]),
    ]
    if c["context"]:
        lines.append(style.detail("sentence before", c["context"]))
    return lines


def _conclusion_lines(data: dict[str, Any], style: _Style) -> list[str]:
    lines = style.heading("4. Conclusion")
    for f in data["conclusion"]:
        cites = ", ".join(f["cites"])
        tail = f" [{f['basis']}: {cites}]" if cites else f" [{f['basis']}: nothing in the data]"
        lines.append(style.bullet(f"{f['text']}{tail}"))
    if data["notes"]:
        lines += style.subheading("Notes")
        lines += [style.bullet(n) for n in data["notes"]]
    return lines
