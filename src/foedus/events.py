"""The event record: who did what to whom, when, with the evidence behind it."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

__all__ = ["ActorRef", "Event"]


@dataclass(frozen=True)
class ActorRef:
    """An actor as it appears in one event: the words and what they resolve to.

    `code` is CAMEO style (country + sectors, e.g. ``RUSGOV``); `country` is ISO 3166
    alpha-3 or None for actors without one (international organizations use their own code,
    e.g. ``NATO``, with `country` None); `entity` is a stable id where known (a person's id
    in the leaders table, an organization's id).
    """

    text: str
    code: str
    country: str | None
    sectors: tuple[str, ...] = ()
    entity: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "code": self.code,
            "country": self.country,
            "sectors": list(self.sectors),
            "entity": self.entity,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ActorRef:
        return cls(
            text=data["text"],
            code=data["code"],
            country=data.get("country"),
            sectors=tuple(data.get("sectors") or ()),
            entity=data.get("entity"),
        )


@dataclass(frozen=True)
class Event:
    """One coded political event and its evidence.

    `start`/`end` are the character offsets of the sentence in the article text;
    `anchor_start`/`anchor_end` those of the words that carry the event. Modality is kept,
    never dropped: a negated or hypothetical event is an event with its flag set.
    """

    id: str
    article_id: str
    sentence_index: int
    sentence: str
    start: int
    end: int
    anchor: str
    anchor_start: int
    anchor_end: int
    source: ActorRef
    target: ActorRef | None
    cameo: str
    cameo_name: str
    plover: str | None
    plover_mode: str | None
    quad_class: int
    goldstein: float
    negated: bool = False
    hypothetical: bool = False
    intent: bool = False
    denied: bool = False
    question: bool = False
    reported_by: str | None = None
    quote: str | None = None
    speaker: str | None = None
    date: str | None = None
    date_precision: str = "unknown"
    date_text: str | None = None
    location: str | None = None
    confidence: float = 0.5
    coder_version: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        # Field by field: `dataclasses.asdict` deep-copies and dominated store writes.
        data = {name: getattr(self, name) for name in _EVENT_FIELDS}
        data["source"] = self.source.to_dict()
        data["target"] = self.target.to_dict() if self.target else None
        data["extra"] = dict(self.extra)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        values = dict(data)
        values["source"] = ActorRef.from_dict(values["source"])
        values["target"] = ActorRef.from_dict(values["target"]) if values.get("target") else None
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in names})


_EVENT_FIELDS = tuple(f.name for f in dataclasses.fields(Event))
