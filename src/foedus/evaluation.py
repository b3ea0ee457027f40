"""Accuracy evaluation: gold readers, event matching, scores, over-coding and the report.

Three gold formats are read into one internal shape, `GoldItem` (a text, its date and the
events a careful human coder expects):

- `foedus`: our own JSONL gold set (`tests/gold/foedus-gold.jsonl`), with actors and modality.
- `plover-gsr`: the OEDA PLOVER gold standard (early PLOVER categories, source/target codes).
  Categories are mapped onto CAMEO roots (`PLOVER_EARLY_TO_CAMEO`); where a record's sentence
  is also a CAMEO codebook example, the codebook gives the full code. Legacy and non-ISO
  country codes are normalized (`LEGACY_COUNTRY_CODES`).
- `cameo-examples`: the example sentences of the CAMEO codebook, one expected code each and
  no actors, so only the event type is scored.

Scoring matches predicted to gold events inside each sentence (greedy on agreement of source,
target and CAMEO root), then counts, per field, matched pairs that agree: precision divides by
the predicted events, recall by the gold events. Fields a gold set does not annotate (actors of
codebook examples, modality of the PLOVER set, full codes the PLOVER set does not give) are left
out of both sides rather than counted as errors. Events of one sentence that agree in every
scored field count once, on both sides (two spans of one actor in a gold record; a government
and its rebels both scored as their state in a prediction).

Our own gold set is coded by these rules: one event per source-target pair per predicate; "A
and B agreed" with no other party gives A -> B and B -> A; a place is never the target of a
statement or meeting held there, but the host of a visit is, and so is the state where a
material act with no other target happens (docs/coding.md, "Sites"); modality flags go on
the event itself ("did not attack" is a negated 190, "denied that it attacked" a denied 190,
"offered to" and "will" an intent flag on the 03 code or action); reported, quoted and
denied content carries its speaker's country or organization in `reported_by`, while a
speech act that is itself the event (a comment, a warning, an accusation) does not;
non-state groups use their code (HAMAS) and UN organs count as the UN.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import functools
import io
import json
import os
import re
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal, Protocol

from foedus.cameo import load_cameo
from foedus.errors import GoldError, suggest
from foedus.events import ActorRef, Event

__all__ = [
    "FLAGS",
    "FORMATS",
    "LEGACY_COUNTRY_CODES",
    "PLOVER_EARLY_TO_CAMEO",
    "TARGETS",
    "Coded",
    "EvalResult",
    "FieldScore",
    "FlagScore",
    "GoldEvent",
    "GoldFormat",
    "GoldItem",
    "GoldSet",
    "Mismatch",
    "OvercodingResult",
    "Score",
    "TextCoder",
    "actor_keys",
    "actors_agree",
    "count_sentences",
    "default_gold_sets",
    "describe",
    "evaluate",
    "match_events",
    "measure_overcoding",
    "read_gold",
    "render_report",
    "score",
    "write_report",
]

GoldFormat = Literal["foedus", "plover-gsr", "cameo-examples"]
FORMATS: tuple[GoldFormat, ...] = ("foedus", "plover-gsr", "cameo-examples")
FLAGS: tuple[str, ...] = ("negated", "hypothetical", "intent", "denied", "reported_by")

PLOVER_EARLY_TO_CAMEO: dict[str, tuple[tuple[str, ...], str]] = {
    # early category: (CAMEO roots it covers, default first), current PLOVER type
    "AGREE": (("03",), "AGREE"),
    "CONSULT": (("04",), "CONSULT"),
    "SUPPORT": (("05",), "SUPPORT"),
    "COOPERATE": (("06",), "COOPERATE"),
    "AID": (("07",), "AID"),
    "CONCEDE": (("08",), "CONCEDE"),
    "RETREAT": (("08",), "RETREAT"),
    "INVESTIGATE": (("09",), "ACCUSE"),
    "DEMAND": (("10",), "REQUEST"),
    "DISAPPROVE": (("11",), "ACCUSE"),
    "REJECT": (("12",), "REJECT"),
    "THREATEN": (("13",), "THREATEN"),
    "PROTEST": (("14",), "PROTEST"),
    "MOBILIZE": (("15",), "MOBILIZE"),
    "SANCTION": (("16",), "SANCTION"),
    "COERCE": (("17",), "COERCE"),
    "ASSAULT": (("18",), "ASSAULT"),
    "FIGHT": (("19", "20"), "ASSAULT"),
}
"""How the early PLOVER categories of the GSR file map onto CAMEO roots and PLOVER 2.0 types."""

LEGACY_COUNTRY_CODES: dict[str, str | None] = {
    "JAP": "JPN",  # CAMEO's pre-ISO code for Japan
    "ITL": "ITA",  # CAMEO's pre-ISO code for Italy
    "VTN": "VNM",  # a variant spelling of Viet Nam's code
    "ROM": "ROU",  # Romania before ISO changed its code in 2002
    "ZAR": "COD",  # Zaire, now the Democratic Republic of the Congo
    "BUR": "MMR",  # Burma
    "TMP": "TLS",  # East Timor before independence
    "YUG": "SRB",  # Yugoslavia's successor state in the UN
    "SCG": "SRB",  # Serbia and Montenegro
    "SUN": "RUS",  # the Soviet Union's continuing state
    "USR": "RUS",
    "DDR": "DEU",  # East Germany, joined the Federal Republic in 1990
    "GDR": "DEU",
    "CSK": "CZE",  # Czechoslovakia's larger successor
    "IGO": None,  # an unnamed intergovernmental organization: see ORG_ALIASES
    "NGO": None,  # a non-governmental organization
    "IMG": None,  # an international militant group (al-Qaeda and the like)
    "ISM": None,  # a transnational religious group
}
"""Legacy or non-ISO codes in gold data and what they are scored as (None: a non-state actor)."""

ORG_ALIASES: tuple[tuple[str, str], ...] = (
    ("atomic energy", "IAEA"),
    ("iaea", "IAEA"),
    ("nato", "NATO"),
    ("european community", "EU"),
    ("european common market", "EU"),
    ("eu ", "EU"),
    ("osce", "OSCE"),
    ("arab league", "ARABLEAGUE"),
    ("united nations", "UN"),
    ("security council", "UN"),
    ("u.n.", "UN"),
    ("un ", "UN"),
    ("kofi annan", "UN"),
)
"""Words naming an organization in a GSR actor text, for records coded only as 'IGO'."""

NON_STATE = "*"
"""Gold actor key for a non-state actor the gold file does not name: any organization matches."""

TARGETS: dict[tuple[GoldFormat, str], tuple[str, float]] = {
    ("plover-gsr", "event+actors"): ("f1", 0.75),
    ("cameo-examples", "root"): ("recall", 0.85),
    ("cameo-examples", "code"): ("recall", 0.6),
    ("foedus", "event"): ("f1", 0.85),
    ("foedus", "all flags"): ("accuracy", 0.9),
}
"""The floors of issue 5, per gold format and field."""

OVERCODING_FLOOR = 20.0
"""At most this many events per 1,000 sentences of sport and entertainment news."""


# --------------------------------------------------------------------------- domain types


@dataclass(frozen=True)
class GoldEvent:
    """One expected event. Actor keys are ISO 3166 alpha-3 or an organization code."""

    source: str | None
    target: str | None
    cameo: str
    negated: bool = False
    hypothetical: bool = False
    intent: bool = False
    denied: bool = False
    reported_by: str | None = None
    actors_known: bool = True
    modality_known: bool = True

    @property
    def root(self) -> str:
        return self.cameo[:2]

    @property
    def code_known(self) -> bool:
        """Whether the gold gives a full code (three or four digits), not only a root."""
        return len(self.cameo) > 2


@dataclass(frozen=True)
class GoldItem:
    """One gold sentence (or short passage) and the events expected from it."""

    id: str
    text: str
    date: dt.date | None
    events: tuple[GoldEvent, ...]
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldSet:
    """The items of one gold file, with notes on what the reader left out and why."""

    name: str
    format: GoldFormat
    path: Path
    items: tuple[GoldItem, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Coded:
    """A predicted event reduced to the fields that are scored.

    An actor is the tuple of keys it may be scored under: a state's country; an
    organization's code, plus its home country for groups based in one (Hamas: ``HAMAS``
    and ``PSE``, as CAMEO would code it ``PSEREB``). An empty tuple is no actor.
    """

    source: tuple[str, ...]
    target: tuple[str, ...]
    cameo: str
    negated: bool = False
    hypothetical: bool = False
    intent: bool = False
    denied: bool = False
    reported_by: str | None = None
    anchor: str = ""

    @property
    def root(self) -> str:
        return self.cameo[:2]

    @classmethod
    def from_event(cls, event: Event) -> Coded:
        return cls(
            source=actor_keys(event.source),
            target=actor_keys(event.target),
            cameo=event.cameo,
            negated=event.negated,
            hypothetical=event.hypothetical,
            intent=event.intent,
            denied=event.denied,
            reported_by=speaker_key(event.reported_by),
            anchor=event.anchor,
        )


class TextCoder(Protocol):
    """What evaluation needs from a coder: `foedus.coding.Coder` is one."""

    def code_texts(self, items: list[tuple[str, dt.date | None]]) -> Iterable[Sequence[Event]]: ...


@dataclass(frozen=True)
class FieldScore:
    """Agreeing matched pairs against the predicted and the gold events scored for a field."""

    name: str
    agree: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.agree / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.agree / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class FlagScore:
    """Accuracy of one modality field over matched pairs whose gold annotates modality."""

    name: str
    correct: int
    total: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass(frozen=True)
class Mismatch:
    """A gold event nobody predicted (miss) or a predicted event with no gold (spurious)."""

    item_id: str
    text: str
    event: str


@dataclass(frozen=True)
class Score:
    """Every figure for one gold set."""

    items: int
    fields: tuple[FieldScore, ...]
    flags: tuple[FlagScore, ...]
    confusion: tuple[tuple[str, str, int], ...]
    misses: tuple[Mismatch, ...]
    spurious: tuple[Mismatch, ...]

    def field(self, name: str) -> FieldScore:
        return next(f for f in self.fields if f.name == name)

    def flag(self, name: str) -> FlagScore:
        return next(f for f in self.flags if f.name == name)


@dataclass(frozen=True)
class EvalResult:
    """A gold set scored against one coder run."""

    gold: GoldSet
    score: Score
    seconds: float
    coder_version: str = ""


@dataclass(frozen=True)
class OvercodingResult:
    """Events coded from a corpus that should hold almost none."""

    name: str
    path: Path
    documents: int
    sentences: int
    events: int
    by_root: tuple[tuple[str, int], ...] = ()
    examples: tuple[str, ...] = ()

    @property
    def per_1000(self) -> float:
        return 1000 * self.events / self.sentences if self.sentences else 0.0


# --------------------------------------------------------------------------- actor keys


@functools.cache
def is_country(code: str) -> bool:
    """Whether `code` is an ISO 3166 alpha-3 country code (Kosovo's XKX included)."""
    import pycountry

    return code == "XKX" or pycountry.countries.get(alpha_3=code) is not None


def actor_keys(ref: ActorRef | None) -> tuple[str, ...]:
    """The keys an actor is scored under: see `Coded`."""
    if ref is None:
        return ()
    keys = [ref.country] if ref.country else []
    # A state's own code (RUSGOV) adds nothing to its country; an organization's code does.
    if not ref.country or not ref.code.startswith(ref.country):
        keys.append(ref.code)
        if ref.code.startswith("UN") and ref.code != "UN":
            keys.append("UN")  # UN organs (UNSC, UNHCR...) count as the UN
    return tuple(keys)


def speaker_key(code: str | None) -> str | None:
    """`reported_by` as a country (``RUSGOV`` -> ``RUS``) or an organization code."""
    if not code:
        return None
    return code[:3] if len(code) >= 3 and is_country(code[:3]) else code


def actors_agree(gold: str | None, predicted: tuple[str, ...]) -> bool:
    if gold is None:
        return not predicted
    if gold == NON_STATE:
        return any(not is_country(key) for key in predicted)
    return gold in predicted


# --------------------------------------------------------------------------- readers


def read_gold(path: Path, fmt: GoldFormat) -> GoldSet:
    """Read a gold file of format `fmt` into a `GoldSet`."""
    if fmt not in FORMATS:
        raise GoldError(f"Unknown gold format {fmt!r}. " + suggest(fmt, FORMATS))
    if not path.is_file():
        raise GoldError(f"Gold file {str(path)!r} not found: give the path of a {fmt} file.")
    if fmt == "foedus":
        return _read_foedus(path)
    if fmt == "plover-gsr":
        return _read_gsr(path)
    return _read_codebook(path)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"Gold file {str(path)!r} cannot be read: {exc}.") from exc


def _read_foedus(path: Path) -> GoldSet:
    items = []
    for number, line in enumerate(_read_text(path).splitlines(), start=1):
        if line.strip():
            items.append(_foedus_item(line, f"{path}:{number}"))
    return GoldSet(path.stem, "foedus", path, tuple(items))


def _foedus_item(line: str, where: str) -> GoldItem:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise GoldError(
            f"{where}: not a JSON object ({exc.msg}); write one object a line."
        ) from None
    if not isinstance(data, dict):
        raise GoldError(f"{where}: expected a JSON object, got {type(data).__name__}.")
    for key, kind in (("id", str), ("text", str), ("events", list)):
        if not isinstance(data.get(key), kind):
            raise GoldError(f"{where}: field {key!r} missing or not a {kind.__name__}.")
    try:
        date = dt.date.fromisoformat(data["date"]) if data.get("date") else None
    except ValueError:
        raise GoldError(f"{where}: field 'date' {data['date']!r} is not YYYY-MM-DD.") from None
    events = tuple(_foedus_event(e, f"{where} event {n}") for n, e in enumerate(data["events"]))
    return GoldItem(data["id"], data["text"], date, events, tuple(data.get("tags") or ()))


def _foedus_event(data: Any, where: str) -> GoldEvent:
    if not isinstance(data, dict) or not isinstance(data.get("source"), str):
        raise GoldError(f"{where}: an event needs a 'source' actor code (e.g. 'RUS').")
    cameo = data.get("cameo")
    if not isinstance(cameo, str) or cameo not in load_cameo():
        raise GoldError(
            f"{where}: 'cameo' {cameo!r} is not a CAMEO code. "
            + suggest(str(cameo), load_cameo().codes)
        )
    flags = {name: data.get(name, False) for name in FLAGS[:-1]}
    if not all(isinstance(v, bool) for v in flags.values()):
        raise GoldError(f"{where}: modality flags {sorted(flags)} must be true or false.")
    target, speaker = data.get("target"), data.get("reported_by")
    if not all(v is None or isinstance(v, str) for v in (target, speaker)):
        raise GoldError(f"{where}: 'target' and 'reported_by' must be a code or null.")
    return GoldEvent(data["source"], target, cameo, reported_by=speaker, **flags)


_NOTE = re.compile(r"\s+Note:\s")
_NO_EXAMPLE = frozenset({"NA", "NEED EXAMPLE."})  # the codebook's placeholders for none yet


def _read_codebook(path: Path) -> GoldSet:
    reader = csv.DictReader(io.StringIO(_read_text(path)))
    if not reader.fieldnames or not {"code", "example"} <= set(reader.fieldnames):
        raise GoldError(f"{path}: a codebook table needs 'code' and 'example' columns.")
    items, table = [], load_cameo()
    for row in reader:
        # Some examples end in the codebook's own coding note ("Note: two reciprocal events
        # are coded..."): that is commentary for coders, not news text, so it is not coded.
        text = _NOTE.split((row["example"] or "").strip(), maxsplit=1)[0].strip()
        code = row["code"]
        if text and text not in _NO_EXAMPLE and code in table:
            event = GoldEvent(None, None, code, actors_known=False, modality_known=False)
            items.append(GoldItem(f"cameo-{code}", text, None, (event,)))
    return GoldSet("cameo-examples", "cameo-examples", path, tuple(items))


# --------------------------------------------------------------------------- PLOVER GSR


Codebook = dict[str, tuple[str, frozenset[str]]]
"""Normalized codebook example sentence -> (its CAMEO code, its words)."""


def _read_gsr(path: Path) -> GoldSet:
    try:
        records = json.loads(_read_text(path))
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: not JSON ({exc.msg} at line {exc.lineno}).") from exc
    if not isinstance(records, list):
        raise GoldError(f"{path}: expected a JSON list of event records.")
    codebook = _codebook_examples(path.parent.parent / "reference" / "cameo-codes.csv")
    texts: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        if isinstance(record, dict) and record.get("event") != "DOCUMENT" and record.get("text"):
            texts.setdefault(record["text"], []).append(record)
    items, dropped = [], 0
    for text, group in texts.items():
        events = [e for r in group for e in _gsr_events(r, text, codebook)]
        dropped += sum(1 for r in group if not _gsr_actors(r.get("source")))
        items.append(GoldItem(group[0]["id"], text, _gsr_date(group[0]), tuple(events)))
    notes = (
        f"{len(records) - 1} records on {len(items)} sentences;"
        f" {dropped} records without a source actor are not scored as events.",
        "Full CAMEO codes come from the codebook example with the same sentence"
        f" ({sum(1 for i in items for e in i.events if e.code_known)} events).",
        'An actor marked in two spans of one record ("United Nations military personnel",'
        ' "United Nations civilian personnel") is one actor: each distinct source-target'
        " pair of a record is one event.",
    )
    return GoldSet("plover-gsr", "plover-gsr", path, tuple(items), notes)


_GSR_PLACEHOLDER_DATE = dt.date(2000, 1, 1)


def _gsr_date(record: dict[str, Any]) -> dt.date | None:
    """The record's date; the file's placeholder (2000-01-01 on records from 1980s and 1990s
    news) is no publication date, so it is dropped rather than misleading date resolution."""
    try:
        day = dt.date.fromisoformat(record.get("date") or "")
    except ValueError:
        return None
    return None if day == _GSR_PLACEHOLDER_DATE else day


def _gsr_actor(actor: Any) -> str | None:
    if not isinstance(actor, dict) or not isinstance(actor.get("code"), str):
        return None
    code: str = actor["code"].upper()
    if code not in LEGACY_COUNTRY_CODES:
        return code
    modern = LEGACY_COUNTRY_CODES[code]
    if modern is not None:
        return modern
    text = f" {actor.get('actorText', '').lower()} "
    return next((org for words, org in ORG_ALIASES if words in text), NON_STATE)


def _gsr_actors(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []  # '' or a stray word in the field: no actor
    return [key for key in map(_gsr_actor, value) if key is not None]


def _gsr_events(record: dict[str, Any], text: str, codebook: Codebook) -> Iterator[GoldEvent]:
    category = record.get("event")
    if category not in PLOVER_EARLY_TO_CAMEO:
        raise GoldError(
            f"GSR record {record.get('id')!r}: unknown category {category!r}. "
            + suggest(str(category), PLOVER_EARLY_TO_CAMEO)
        )
    roots = PLOVER_EARLY_TO_CAMEO[category][0]
    code = _codebook_code(text, codebook)
    cameo = code if code and code[:2] in roots else roots[0]
    sources, targets = _gsr_actors(record.get("source")), _gsr_actors(record.get("target"))
    pairs: dict[tuple[str, str | None], None] = {}
    for i, source in enumerate(sources):
        # "A and B agreed" with no target: each is the other's partner, as the markup says
        # (also when both are of one state: the Philippine army and the MILF are PHL -> PHL)
        others: list[str | None] = [s for j, s in enumerate(sources) if j != i]
        partners: list[str | None] = [*targets] or others or [None]
        pairs.update(((source, target), None) for target in partners)
    # Two spans of one actor ("United Nations military personnel", "United Nations civilian
    # personnel") are one actor: each distinct pair is one event.
    for source, target in pairs:
        yield GoldEvent(source, target, cameo, modality_known=False)


def _normal(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())[:160]


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z]+", text.lower()))


def _codebook_examples(path: Path) -> Codebook:
    """The codebook's example sentences (none when the file is absent)."""
    if not path.is_file():
        return {}
    gold = _read_codebook(path)
    return {_normal(i.text): (i.events[0].cameo, _words(i.text)) for i in gold.items}


def _codebook_code(text: str, codebook: Codebook) -> str | None:
    """The code of the codebook example this sentence was taken from, if any.

    The GSR sentences are the codebook's, with some names brought up to date (Yugoslavia,
    the Soviet Union), so a close match (ratio >= 0.75) counts as the same sentence.
    """
    key = _normal(text)
    if key in codebook:
        return codebook[key][0]
    words = _words(text)
    best, best_ratio = None, 0.75
    for example, (code, example_words) in codebook.items():
        # Most examples share few words with the sentence: skip them before the slow ratio.
        if len(words & example_words) < 0.4 * max(len(words), len(example_words)):
            continue
        ratio = difflib.SequenceMatcher(None, key, example, autojunk=False).ratio()
        if ratio >= best_ratio:
            best, best_ratio = code, ratio
    return best


# --------------------------------------------------------------------------- matching


def _weight(gold: GoldEvent, pred: Coded) -> int:
    weight = 2 * (gold.root == pred.root) + (gold.cameo == pred.cameo)
    if gold.actors_known:
        weight += 4 * actors_agree(gold.source, pred.source)
        weight += 4 * actors_agree(gold.target, pred.target)
    return weight


def match_events(
    gold: Sequence[GoldEvent], predicted: Sequence[Coded]
) -> list[tuple[GoldEvent | None, Coded | None]]:
    """Pair gold and predicted events of one sentence, most agreeing pairs first.

    A pair needs some agreement (source, target or root) unless the gold names no actors.
    Unpaired gold events come back as misses ``(gold, None)``, unpaired predictions as
    spurious ``(None, pred)``.
    """
    candidates = sorted(
        (
            (-_weight(g, p), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(predicted)
            if _weight(g, p) > 0 or not g.actors_known
        ),
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[GoldEvent | None, Coded | None]] = []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gold[gi], predicted[pi]))
    pairs += [(g, None) for gi, g in enumerate(gold) if gi not in used_gold]
    pairs += [(None, p) for pi, p in enumerate(predicted) if pi not in used_pred]
    return pairs


# --------------------------------------------------------------------------- scoring

_FIELD_NAMES = ("event", "root", "code", "source", "target", "event+actors", "exact")


def _field_applies(name: str, gold: GoldEvent) -> bool:
    if name == "code":
        return gold.code_known
    if name in ("source", "target", "event+actors"):
        return gold.actors_known
    return True


def _flags_agree(gold: GoldEvent, pred: Coded) -> bool:
    return all(getattr(gold, f) == getattr(pred, f) for f in FLAGS)


def _field_agrees(name: str, gold: GoldEvent, pred: Coded) -> bool:
    source = actors_agree(gold.source, pred.source)
    target = actors_agree(gold.target, pred.target)
    checks = {
        "event": True,
        "root": gold.root == pred.root,
        "code": gold.cameo == pred.cameo,
        "source": source,
        "target": target,
        "event+actors": gold.root == pred.root and source and target,
    }
    if name in checks:
        return checks[name]
    exact = gold.root == pred.root and (not gold.code_known or gold.cameo == pred.cameo)
    actors = not gold.actors_known or (source and target)
    modality = not gold.modality_known or _flags_agree(gold, pred)
    return exact and actors and modality


def _score_fields(pairs: Sequence[tuple[GoldEvent | None, Coded | None]]) -> list[FieldScore]:
    scores = []
    for name in _FIELD_NAMES:
        agree = predicted = gold_total = 0
        for gold, pred in pairs:
            applies = gold is None or _field_applies(name, gold)
            predicted += pred is not None and applies
            gold_total += gold is not None and applies
            agree += (
                gold is not None
                and pred is not None
                and applies
                and _field_agrees(name, gold, pred)
            )
        scores.append(FieldScore(name, agree, predicted, gold_total))
    return scores


def _score_flags(pairs: Sequence[tuple[GoldEvent | None, Coded | None]]) -> list[FlagScore]:
    matched = [(g, p) for g, p in pairs if g and p and g.modality_known]
    scores = [
        FlagScore(f, sum(getattr(g, f) == getattr(p, f) for g, p in matched), len(matched))
        for f in FLAGS
    ]
    scores.append(FlagScore("all flags", sum(_flags_agree(g, p) for g, p in matched), len(matched)))
    return scores


def describe(event: GoldEvent | Coded) -> str:
    """One line for the miss and spurious lists: ``RUS -> UKR 190 [negated]``."""
    flags = [f for f in FLAGS[:-1] if getattr(event, f)]
    if event.reported_by:
        flags.append(f"reported by {event.reported_by}")
    source, target = (
        (event.source, event.target)
        if isinstance(event, GoldEvent)
        else ("/".join(event.source), "/".join(event.target))
    )
    actors = f"{source or '?'} -> {target or '-'} "
    if isinstance(event, GoldEvent) and not event.actors_known:
        actors = ""
    tail = f" [{', '.join(flags)}]" if flags else ""
    anchor = f' "{event.anchor}"' if isinstance(event, Coded) and event.anchor else ""
    return f"{actors}{event.cameo}{tail}{anchor}"


def _distinct(preds: Sequence[Coded]) -> list[Coded]:
    """Predictions of one sentence that agree in every scored field count once ("said the
    Sudanese government and the rebels must reach an agreement" gives two demands, both
    GBR -> SDN 107 at the level the gold codes), as a gold record's pairs do."""
    seen: set[Coded] = set()
    out = []
    for p in preds:
        key = replace(p, anchor="")
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def score(gold: Sequence[GoldItem], predicted: Sequence[Sequence[Coded]]) -> Score:
    """Score predictions (one list per gold item, same order) against the gold items."""
    if len(gold) != len(predicted):
        raise GoldError(f"{len(predicted)} prediction lists for {len(gold)} gold items.")
    pairs: list[tuple[GoldEvent | None, Coded | None]] = []
    misses, spurious = [], []
    for item, preds in zip(gold, predicted, strict=True):
        for g, p in match_events(item.events, _distinct(preds)):
            pairs.append((g, p))
            if p is None and g is not None:
                misses.append(Mismatch(item.id, item.text, describe(g)))
            elif g is None and p is not None:
                spurious.append(Mismatch(item.id, item.text, describe(p)))
    confusion = Counter((g.root if g else "none", p.root if p else "none") for g, p in pairs)
    return Score(
        items=len(gold),
        fields=tuple(_score_fields(pairs)),
        flags=tuple(_score_flags(pairs)),
        confusion=tuple((g, p, n) for (g, p), n in sorted(confusion.items())),
        misses=tuple(misses),
        spurious=tuple(spurious),
    )


# --------------------------------------------------------------------------- running a coder


def evaluate(gold: GoldSet, coder: TextCoder) -> EvalResult:
    """Code every gold text with `coder` and score the result."""
    started = time.perf_counter()
    batches = coder.code_texts([(item.text, item.date) for item in gold.items])
    events = [list(batch) for batch in batches]
    predicted = [[Coded.from_event(e) for e in batch] for batch in events]
    version = next((e.coder_version for batch in events for e in batch if e.coder_version), "")
    seconds = time.perf_counter() - started
    return EvalResult(gold, score(gold.items, predicted), seconds, version)


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")


def count_sentences(text: str) -> int:
    """Sentences in plain news text: paragraphs split at end punctuation before a capital."""
    paragraphs = [p for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    return sum(len(_SENTENCE_END.split(p.strip())) for p in paragraphs)


def measure_overcoding(
    folder: Path, coder: TextCoder, limit: int | None = None
) -> OvercodingResult:
    """Events per 1,000 sentences coded from the ``.txt`` files of `folder`."""
    files = sorted(folder.glob("*.txt"))[:limit]
    if not files:
        raise GoldError(f"No .txt files in {str(folder)!r}: give a folder of plain-text articles.")
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    roots: Counter[str] = Counter()
    examples: list[str] = []
    batches = coder.code_texts([(text, None) for text in texts])
    for path, batch in zip(files, batches, strict=False):
        for event in batch:
            roots[event.cameo[:2]] += 1
            if len(examples) < 15:
                coded = describe(Coded.from_event(event))
                # The file and the anchor words only: corpus sentences stay out of reports.
                examples.append(f"{path.name}: {coded}")
    return OvercodingResult(
        name=folder.name,
        path=folder,
        documents=len(files),
        sentences=sum(count_sentences(t) for t in texts),
        events=sum(roots.values()),
        by_root=tuple(sorted(roots.items())),
        examples=tuple(examples),
    )


def default_gold_sets(project: Path, shared: Path) -> list[tuple[Path, GoldFormat]]:
    """Every gold set `foedus eval all` scores, those whose file exists."""
    candidates: list[tuple[Path, GoldFormat]] = [
        (project / "tests" / "gold" / "foedus-gold.jsonl", "foedus"),
        (shared / "gold" / "PLOVER_GSR_CAMEO.json", "plover-gsr"),
        (shared / "reference" / "cameo-codes.csv", "cameo-examples"),
    ]
    return [(path, fmt) for path, fmt in candidates if path.is_file()]


# --------------------------------------------------------------------------- the report


class _Doc:
    """Markdown lines being assembled for one report."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def table(self, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
        self.add("| " + " | ".join(header) + " |", "|" + "---|" * len(header))
        self.add(*("| " + " | ".join(str(c) for c in row) + " |" for row in rows))
        self.add("")


def _pct(value: float) -> str:
    return f"{value:.3f}"


def _target_rows(results: Sequence[EvalResult]) -> Iterator[list[str]]:
    for result in results:
        for (fmt, name), (measure, floor) in TARGETS.items():
            if fmt != result.gold.format:
                continue
            s = result.score
            value = (
                s.flag(name).accuracy if measure == "accuracy" else getattr(s.field(name), measure)
            )
            verdict = "met" if value >= floor else "NOT met"
            yield [result.gold.name, f"{name} {measure}", f">= {floor}", _pct(value), verdict]


def _overcoding_rows(overcoding: Sequence[OvercodingResult]) -> Iterator[list[str]]:
    for o in overcoding:
        verdict = "met" if o.per_1000 <= OVERCODING_FLOOR else "NOT met"
        floor = f"<= {OVERCODING_FLOOR:g} per 1,000 sentences"
        yield [
            f"bbc-news/{o.name}",
            "events per 1,000 sentences",
            floor,
            f"{o.per_1000:.1f}",
            verdict,
        ]


def _shown_path(path: Path) -> str:
    """A gold file as a reader of the report finds it: relative to the working directory when
    it lies in the checkout or beside it (`../shared/...`), so the report does not change with
    where the checkout happens to live; otherwise the full path."""
    try:
        rel = Path(os.path.relpath(path.resolve(), Path.cwd()))
    except ValueError:  # another drive
        return str(path)
    return str(path) if ".." in rel.parts[1:] else str(rel)


def _render_result(doc: _Doc, result: EvalResult, limit: int) -> None:
    s = result.score
    doc.add(f"## {result.gold.name} ({result.gold.format})", "")
    shown = _shown_path(Path(result.gold.path))
    doc.add(f"`{shown}`: {s.items} sentences, coded in {result.seconds:.1f} s.", "")
    doc.add(*(f"- {note}" for note in result.gold.notes))
    doc.add("")
    rows = [
        [f.name, f.agree, f.predicted, f.gold, _pct(f.precision), _pct(f.recall), _pct(f.f1)]
        for f in s.fields
        if f.gold
    ]
    doc.table(["field", "agree", "predicted", "gold", "precision", "recall", "F1"], rows)
    if any(f.total for f in s.flags):
        doc.add("Modality, over matched events:", "")
        doc.table(
            ["flag", "correct", "total", "accuracy"],
            ([f.name, f.correct, f.total, _pct(f.accuracy)] for f in s.flags),
        )
    _render_confusion(doc, s)
    # Shared gold sentences are not ours to republish: list them by id only.
    quote = result.gold.format == "foedus"
    if not quote:
        doc.add("Sentences of this set are not reproduced here; look them up by id.", "")
    for title, mismatches in (("Misses", s.misses), ("Spurious events", s.spurious)):
        doc.add(f"### {title} ({len(mismatches)})", "")
        doc.add(*(_mismatch_line(m, quote) for m in mismatches[:limit]))
        if len(mismatches) > limit:
            doc.add(f"- ... and {len(mismatches) - limit} more")
        doc.add("")


def _mismatch_line(m: Mismatch, quote: bool) -> str:
    return f"- `{m.item_id}` {m.event}" + (f": {m.text[:140]}" if quote else "")


def _render_confusion(doc: _Doc, s: Score) -> None:
    gold_roots = sorted({g for g, _, _ in s.confusion})
    pred_roots = sorted({p for _, p, _ in s.confusion})
    cells = {(g, p): n for g, p, n in s.confusion}
    doc.add("### Confusion by CAMEO root (rows gold, columns predicted)", "")
    doc.table(
        ["gold \\ pred", *pred_roots],
        ([g, *(cells.get((g, p), "") for p in pred_roots)] for g in gold_roots),
    )


def _render_mappings(doc: _Doc) -> None:
    cameo = load_cameo()
    doc.add("## How the PLOVER gold standard is mapped", "")
    doc.add(
        "The GSR file codes each event with an early PLOVER category. Each category maps onto"
        " the CAMEO roots below (the first is used when the codebook does not give the code);"
        " where the sentence is a CAMEO codebook example (same text, names brought up to date;"
        " similarity >= 0.75) and its code lies in those roots, the full code is scored too.",
        "",
    )
    doc.table(
        ["early PLOVER", "CAMEO roots", "CAMEO root names", "PLOVER 2.0 type"],
        (
            [cat, ", ".join(roots), "; ".join(cameo.get(r).name for r in roots), plover]
            for cat, (roots, plover) in PLOVER_EARLY_TO_CAMEO.items()
        ),
    )
    doc.add(
        "Country codes: legacy and non-ISO codes are normalized as below. Records coded 'IGO'"
        " are resolved to UN, NATO, EU, IAEA, OSCE or ARL (Arab League) from their words;"
        " otherwise, like 'NGO', 'IMG' and 'ISM', they match any non-state actor. A compound"
        " source with no target gives one event per ordered pair of its members.",
        "",
    )
    doc.table(
        ["gold code", "scored as"],
        ([c, n or "any non-state actor"] for c, n in LEGACY_COUNTRY_CODES.items()),
    )


def render_report(
    results: Sequence[EvalResult],
    overcoding: Sequence[OvercodingResult] = (),
    limit: int = 60,
    today: dt.date | None = None,
) -> str:
    """The accuracy report as Markdown."""
    from importlib.metadata import version

    doc = _Doc()
    coder = next((r.coder_version for r in results if r.coder_version), "unknown")
    day = (today or dt.date.today()).isoformat()
    doc.add("# Accuracy of the foedus coder", "")
    doc.add(f"Generated {day} by `foedus eval all`; foedus {version('foedus')}, coder {coder}.", "")
    doc.add(__doc__.split("\n\n", 1)[1] if __doc__ else "", "")
    doc.add("## Targets (issue 5)", "")
    rows = [*_target_rows(results), *_overcoding_rows(overcoding)]
    doc.table(["set", "measure", "floor", "value", "verdict"], rows)
    _render_reproduce(doc)
    for result in results:
        _render_result(doc, result, limit)
    _render_overcoding(doc, overcoding)
    _render_mappings(doc)
    return "\n".join(doc.lines).rstrip() + "\n"


def _render_reproduce(doc: _Doc) -> None:
    doc.add("## How to reproduce", "")
    doc.add(
        "With `../shared` next to the checkout, `make eval` (or `.venv/bin/foedus eval all`)"
        " scores every gold set found, measures over-coding and rewrites this file. One set:"
        " `foedus eval tests/gold/foedus-gold.jsonl --format foedus`. Scores count matched"
        " pairs: a gold and a predicted event of the same sentence, paired greedily by"
        " agreement of source (4), target (4), CAMEO root (2) and full code (1). Events of"
        " one sentence that agree in every scored field count once, gold and predicted alike.",
        "",
    )


def _render_overcoding(doc: _Doc, overcoding: Sequence[OvercodingResult]) -> None:
    if not overcoding:
        return
    doc.add("## Over-coding", "")
    doc.add("Sentences are counted at end punctuation followed by a capital.", "")
    doc.table(
        ["corpus", "documents", "sentences", "events", "per 1,000 sentences", "by root"],
        (
            [
                o.name,
                o.documents,
                o.sentences,
                o.events,
                f"{o.per_1000:.1f}",
                ", ".join(f"{r}: {n}" for r, n in o.by_root),
            ]
            for o in overcoding
        ),
    )
    for o in overcoding:
        if o.examples:
            doc.add(f"Events coded from {o.name}, first {len(o.examples)}:", "")
            doc.add(*(f"- {e}" for e in o.examples))
            doc.add("")


def write_report(
    results: Sequence[EvalResult],
    path: Path,
    overcoding: Sequence[OvercodingResult] = (),
    today: dt.date | None = None,
) -> Path:
    """Write the Markdown report (normally `docs/accuracy.md`) and return its path."""
    text = render_report(results, overcoding, today=today)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise GoldError(f"Cannot write the report to {str(path)!r}: {exc}.") from exc
    return path
