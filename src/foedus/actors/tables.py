"""The actor tables the event coder resolves mentions against, validated on load.

Five kinds of entry, each from a TOML file in ``foedus/data/actors/``:

    countries.toml        [[country]]       states, their names, adjectives, capitals, metonyms
    organizations.toml    [[organization]]  IGOs, NGOs, armed groups, parties, companies
    agents.toml           [[agent]]         sector words ("military" -> MIL, "police" -> COP)
    communities.toml      [[community]]     peoples and faiths ("Tamils", "Kurdish", "Copts")
    places.toml           [[place]]         locations that are never actors
    leaders/*.toml        [[holder]]        officeholders by actor, role, title and date
    figures.toml          [[figure]]        the popes and public figures outside government,
                                            read as holders with a sector ("Desmond Tutu")

Names change meaning with the date: a `Dated` set of a state's forms ("Congo" for the Republic
of the Congo while the other Congo was Zaire), a state's `Within` period (South Sudan's names,
capital and places are Sudan's before its independence) and a place with `since`/`until` hold
only between two dates, and on those dates win over the undated meaning of the same words.
Without a date the meaning of today holds.

Every problem in a file is a `DataFileError` naming the file, the entry, the field and the fix,
so a bad edit to a table fails at load time rather than as a wrong event code later.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType

from foedus.errors import DataFileError, UnknownCodeError, suggest

__all__ = [
    "ORGANIZATION_KINDS",
    "PLACE_KINDS",
    "REGIONS",
    "ROLES",
    "SECTORS",
    "ActorTables",
    "Agent",
    "Community",
    "Country",
    "Dated",
    "Officeholder",
    "Organization",
    "Place",
    "Within",
    "in_effect",
    "load_actor_tables",
    "load_actor_tables_from",
]

ROLES = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "foreign_minister",
        "defense_minister",
        "secretary_general",
        "other",
    }
)
REGIONS = frozenset(
    {
        "europe",
        "north_america",
        "south_america",
        "central_america_caribbean",
        "middle_east",
        "north_africa",
        "sub_saharan_africa",
        "central_asia",
        "south_asia",
        "east_asia",
        "southeast_asia",
        "oceania",
    }
)
# "government" is beyond the kinds first planned: bodies such as the Palestinian Authority
# govern without being a state in the countries table.
ORGANIZATION_KINDS = frozenset({"igo", "ngo", "armed_group", "party", "company", "government"})
PLACE_KINDS = frozenset({"region", "water", "territory", "city", "island", "site"})
# CAMEO sector codes (CAMEO manual ch. 3, plus PETRARCH's additions) that tables may assign.
SECTORS = frozenset(
    {
        "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "BUS", "MED", "CVL", "EDU",
        "SPY", "IGO", "NGO", "ELI", "REL", "HLH", "LAB", "AGR", "ENV", "REF", "CRM", "UAF",
        "SEP", "INS", "RAD", "MNC", "IMG", "HRI", "DEV", "MOD", "SET", "ETH",
    }
)  # fmt: skip
_ISO3 = re.compile(r"[A-Z]{3}")
_ORG_CODE = re.compile(r"[A-Z][A-Z0-9]{1,19}")
_PERSON_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def in_effect(since: dt.date | None, until: dt.date | None, on: dt.date | None) -> bool:
    """Whether a meaning held from `since` (inclusive) to `until` (exclusive) holds on `on`;
    with no date, whether it still holds today (it has no `until`)."""
    if on is None:
        return until is None
    return (since is None or since <= on) and (until is None or on < until)


@dataclass(frozen=True)
class Dated:
    """Words that name a state only from `since` to `until` (exclusive), the day the meaning
    passed on: "Congo" and "Congolese" for the Republic of the Congo from 1971 to 1997, while
    the other Congo was Zaire; "Bonn" for Germany's government until it moved to Berlin."""

    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]
    metonyms: tuple[str, ...]
    since: dt.date | None
    until: dt.date | None

    def forms(self) -> tuple[str, ...]:
        return (*self.names, *self.adjectives, *self.capitals, *self.metonyms)


@dataclass(frozen=True)
class Within:
    """A period in which a state was part of another (`country`): its names, adjectives,
    capitals and places then meant that state ("Juba" and "South Sudanese" are Sudan's before
    9 July 2011, as CAMEO coded them before the new state had a code)."""

    country: str
    since: dt.date | None
    until: dt.date | None


@dataclass(frozen=True)
class Country:
    """A state: the words news uses for it, and its region."""

    iso3: str
    name: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]
    metonyms: tuple[str, ...]
    metonyms_mil: tuple[str, ...]
    region: str
    lookalikes: tuple[str, ...] = ()
    """Words one edit from its forms that are not the state: left alone by spelling tolerance."""
    diaspora: bool = False
    """Whether its adjective also names a minority elsewhere ("Bosnian Serbs" are Bosnia's)."""
    dated: tuple[Dated, ...] = ()
    """Forms that name this state only between two dates."""
    within: tuple[Within, ...] = ()
    """Periods in which the state was part of another."""


@dataclass(frozen=True)
class Organization:
    """An international organization or a non-state group, with its readable code."""

    code: str
    name: str
    names: tuple[str, ...]
    kind: str
    country: str | None
    sectors: tuple[str, ...]
    case_sensitive: bool


@dataclass(frozen=True)
class Agent:
    """Sector words that, next to a country mention, give its sector ("Iranian military")."""

    words: tuple[str, ...]
    sectors: tuple[str, ...]


@dataclass(frozen=True)
class Community:
    """An ethnic, national or religious community, which CAMEO codes as a sector of a state.

    `names` stand for the people on their own ("Tamils"); `adjectives` only before a sector
    word or after "ethnic" ("Tamil rebels", "ethnic Tamil"), since "Tamil films" are no actor.
    `country` is the one state the community belongs to, taken when the sentence names no
    other; None where it lives in several ("Kurds"), so that only the sentence places it.
    """

    name: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    country: str | None
    sectors: tuple[str, ...]


@dataclass(frozen=True)
class Place:
    """A location: recognized so that it is never taken for an actor or a target."""

    name: str
    names: tuple[str, ...]
    country: str | None
    kind: str
    since: dt.date | None = None
    until: dt.date | None = None
    """A place listed with dates is that state's only then ("Juba" is Sudan's until 9 July
    2011); on those dates it wins over the undated meaning of its names."""


@dataclass(frozen=True)
class Officeholder:
    """One stint of one person in one office; `end` is None while in office.

    `end` is the day the office passed on (the successor's `start`), so a holder is in
    office on days ``start <= day < end``.
    """

    id: str
    actor: str
    role: str
    titles: tuple[str, ...]
    name: str
    aliases: tuple[str, ...]
    start: dt.date
    end: dt.date | None
    notes: str
    sectors: tuple[str, ...] = ("GOV",)
    """What the person is of their state while in that role: GOV for an office, REL for a
    church leader ("Archbishop Desmond Tutu" is ZAFREL), OPP for an opposition leader."""

    def in_office(self, on: dt.date) -> bool:
        return self.start <= on and (self.end is None or on < self.end)


@dataclass(frozen=True)
class ActorTables:
    """All actor tables, with the indexes the resolver needs for fast lookup."""

    countries: tuple[Country, ...]
    organizations: tuple[Organization, ...]
    agents: tuple[Agent, ...]
    places: tuple[Place, ...]
    officeholders: tuple[Officeholder, ...]
    communities: tuple[Community, ...] = ()
    _by_iso3: Mapping[str, Country] = field(init=False, repr=False, compare=False)
    _by_code: Mapping[str, Organization] = field(init=False, repr=False, compare=False)
    _by_actor: Mapping[str, tuple[Officeholder, ...]] = field(init=False, repr=False, compare=False)
    _by_alias: Mapping[str, tuple[Officeholder, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_actor: dict[str, list[Officeholder]] = {}
        by_alias: dict[str, list[Officeholder]] = {}
        for holder in sorted(self.officeholders, key=lambda h: (h.start, h.id)):
            by_actor.setdefault(holder.actor, []).append(holder)
            for alias in {a.casefold() for a in (holder.name, *holder.aliases)}:
                by_alias.setdefault(alias, []).append(holder)
        indexes: dict[str, Mapping[str, object]] = {
            "_by_iso3": {c.iso3: c for c in self.countries},
            "_by_code": {o.code: o for o in self.organizations},
            "_by_actor": {k: tuple(v) for k, v in by_actor.items()},
            "_by_alias": {k: tuple(v) for k, v in by_alias.items()},
        }
        for name, index in indexes.items():
            object.__setattr__(self, name, MappingProxyType(dict(index)))

    def country(self, iso3: str) -> Country:
        """The country with this ISO 3166 alpha-3 code."""
        try:
            return self._by_iso3[iso3]
        except KeyError:
            tail = suggest(iso3, self._by_iso3)
            raise UnknownCodeError(f"Unknown country code {iso3!r}. {tail}") from None

    def organization(self, code: str) -> Organization:
        """The organization or group with this code ("UN", "NATO", "HAMAS")."""
        try:
            return self._by_code[code]
        except KeyError:
            tail = suggest(code, self._by_code)
            raise UnknownCodeError(f"Unknown organization code {code!r}. {tail}") from None

    def holders(
        self,
        actor: str,
        *,
        on: dt.date | None = None,
        role: str | None = None,
        title: str | None = None,
    ) -> tuple[Officeholder, ...]:
        """Holders of an office of `actor`, oldest first, filtered by date, role and title.

        With ``on=None`` every holder ever recorded is returned. `title` matches the
        lower-case titles news uses ("president", "foreign minister"), ignoring case.
        """
        if role is not None and role not in ROLES:
            raise UnknownCodeError(f"Unknown office role {role!r}. {suggest(role, ROLES)}")
        wanted = title.casefold() if title is not None else None
        return tuple(
            h
            for h in self._by_actor.get(actor, ())
            if (on is None or h.in_office(on))
            and (role is None or h.role == role)
            and (wanted is None or wanted in h.titles)
        )

    def people_named(self, alias: str, *, on: dt.date | None = None) -> tuple[Officeholder, ...]:
        """Stints of people called `alias` (full name or alias, any case), oldest first."""
        found = self._by_alias.get(alias.casefold(), ())
        return tuple(h for h in found if on is None or h.in_office(on))


@functools.cache
def load_actor_tables() -> ActorTables:
    """The actor tables shipped with foedus (read and validated once per process)."""
    return load_actor_tables_from(files("foedus") / "data" / "actors")


def load_actor_tables_from(root: Traversable | Path) -> ActorTables:
    """Actor tables from a folder laid out like ``foedus/data/actors``."""
    countries = _parse_countries(*_read(root, "countries.toml"))
    iso3 = frozenset(c.iso3 for c in countries)
    organizations = _parse_organizations(*_read(root, "organizations.toml"), iso3)
    agents = _parse_agents(*_read(root, "agents.toml"))
    places = _parse_places(*_read(root, "places.toml"), iso3)
    communities = _parse_communities(*_read(root, "communities.toml"), iso3)
    actors = iso3 | {o.code for o in organizations}
    holders: list[Officeholder] = []
    for text, source in _read_leaders(root):
        holders.extend(_parse_holders(text, source, actors))
    holders.extend(_parse_holders(*_read(root, "figures.toml"), actors, table="figure"))
    return ActorTables(countries, organizations, agents, places, tuple(holders), communities)


def _read_leaders(root: Traversable | Path) -> list[tuple[str, str]]:
    folder = root / "leaders"
    if not folder.is_dir():
        return []
    names = sorted(item.name for item in folder.iterdir() if item.name.endswith(".toml"))
    return [_read(root, f"leaders/{name}") for name in names]


def _read(root: Traversable | Path, name: str) -> tuple[str, str]:
    try:
        return root.joinpath(*name.split("/")).read_text("utf-8"), name
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(
            f"Cannot read actor table {name!r} in {root}: {exc}. "
            "Restore the file (every actor table must exist and be UTF-8)."
        ) from exc


# ---------------------------------------------------------------------------- entry reading


@dataclass(frozen=True)
class _Entry:
    """One ``[[table]]`` entry of a data file, read field by field with clear errors."""

    data: Mapping[str, object]
    source: str
    label: str

    def fail(self, key: str, problem: str, fix: str) -> DataFileError:
        return DataFileError(f"{self.source}: {self.label}: field {key!r} {problem}. {fix}")

    def check_keys(self, allowed: Iterable[str]) -> None:
        known = set(allowed)
        for key in self.data:
            if key not in known:
                raise self.fail(key, "is not a known field", f"Remove it. {suggest(key, known)}")

    def text(
        self, key: str, pattern: re.Pattern[str] | None = None, *, allow_empty: bool = False
    ) -> str:
        value = self.data.get(key)
        if value is None:
            raise self.fail(key, "is missing", f'Add {key} = "..." to this entry.')
        if not isinstance(value, str) or not (allow_empty or value.strip()):
            raise self.fail(key, f"is {value!r}, not a non-empty string", "Write it as text.")
        if pattern is not None and not pattern.fullmatch(value):
            raise self.fail(key, f"is {value!r}", f"It must match {pattern.pattern!r}.")
        return value

    def optional_text(self, key: str, pattern: re.Pattern[str] | None = None) -> str | None:
        return None if self.data.get(key) is None else self.text(key, pattern)

    def texts(self, key: str, *, required: bool = False) -> tuple[str, ...]:
        value = self.data.get(key, None if required else [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(
                key, f"is {value!r}, not a list of non-empty strings", f'Write {key} = ["..."].'
            )
        if required and not value:
            raise self.fail(key, "is empty", "Give at least one value.")
        return tuple(value)

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(key, f"is {value!r}, not true or false", "Write true or false.")
        return value

    def choice(self, key: str, allowed: frozenset[str]) -> str:
        value = self.text(key)
        if value not in allowed:
            raise self.fail(key, f"is {value!r}, not an allowed value", suggest(value, allowed))
        return value

    def choices(self, key: str, allowed: frozenset[str]) -> tuple[str, ...]:
        values = self.texts(key, required=True)
        for value in values:
            if value not in allowed:
                raise self.fail(
                    key, f"has {value!r}, not an allowed value", suggest(value, allowed)
                )
        return values

    def required_date(self, key: str) -> dt.date:
        value = self.date(key)
        if value is None:
            raise self.fail(key, "is missing", f"Add {key} = 2024-05-07 (a TOML local date).")
        return value

    def date(self, key: str) -> dt.date | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise self.fail(
                key, f"is {value!r}, not a date", f"Write a TOML local date: {key} = 2024-05-07."
            )
        return value

    def known(self, key: str, value: str | None, codes: frozenset[str], where: str) -> None:
        if value is not None and value not in codes:
            raise self.fail(key, f"is {value!r}, not {where}", suggest(value, codes))


def _entries(text: str, source: str, table: str, label_key: str) -> list[_Entry]:
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"{source}: not valid TOML ({exc}). Fix the syntax there.") from exc
    extra = sorted(set(document) - {table})
    if extra:
        raise DataFileError(
            f"{source}: unexpected top-level key(s) {extra}. "
            f"This file holds only [[{table}]] entries."
        )
    rows = document.get(table, [])
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise DataFileError(f"{source}: write {table!r} as [[{table}]] entries (a table array).")
    entries = []
    for number, row in enumerate(rows, start=1):
        ident = row.get(label_key)
        label = f"[[{table}]] #{number}" + (f" ({label_key} {ident!r})" if ident else "")
        entries.append(_Entry(row, source, label))
    return entries


def _no_repeats(pairs: Iterable[tuple[_Entry, str]], key: str) -> None:
    seen: set[str] = set()
    for entry, value in pairs:
        folded = value.casefold()
        if folded in seen:
            raise entry.fail(key, f"repeats {value!r}", f"Each {key} value may appear only once.")
        seen.add(folded)


# ----------------------------------------------------------------------------- file parsers


def _parse_countries(text: str, source: str) -> tuple[Country, ...]:
    pairs = []
    for e in _entries(text, source, "country", "iso3"):
        e.check_keys(_fields(Country))
        country = Country(
            iso3=e.text("iso3", _ISO3),
            name=e.text("name"),
            names=e.texts("names"),
            adjectives=e.texts("adjectives"),
            capitals=e.texts("capitals"),
            metonyms=e.texts("metonyms"),
            metonyms_mil=e.texts("metonyms_mil"),
            region=e.choice("region", REGIONS),
            lookalikes=e.texts("lookalikes"),
            diaspora=e.flag("diaspora"),
            dated=_parse_dated(e),
            within=_parse_within(e),
        )
        pairs.append((e, country))
    _no_repeats(((e, c.iso3) for e, c in pairs), "iso3")
    codes = frozenset(c.iso3 for _, c in pairs)
    for e, c in pairs:
        for w in c.within:
            e.known("within", w.country, codes - {c.iso3}, "another code in countries.toml")
    return tuple(c for _, c in pairs)


_DATED_FIELDS = frozenset({"names", "adjectives", "capitals", "metonyms", "since", "until"})


def _sub_entries(country: _Entry, key: str) -> list[_Entry]:
    rows = country.data.get(key, [])
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise country.fail(key, "is not a list of tables", f"Write [[country.{key}]] entries.")
    return [
        _Entry(row, country.source, f"{country.label} {key} #{number}")
        for number, row in enumerate(rows, start=1)
    ]


def _parse_within(country: _Entry) -> tuple[Within, ...]:
    found = []
    for e in _sub_entries(country, "within"):
        e.check_keys({"country", "since", "until"})
        since, until = _period(e)
        found.append(Within(e.text("country", _ISO3), since, until))
    return tuple(found)


def _parse_dated(country: _Entry) -> tuple[Dated, ...]:
    found = []
    for e in _sub_entries(country, "dated"):
        e.check_keys(_DATED_FIELDS)
        since, until = _period(e)
        dated = Dated(e.texts("names"), e.texts("adjectives"), e.texts("capitals"),
                      e.texts("metonyms"), since, until)  # fmt: skip
        if not dated.forms():
            raise e.fail("names", "and the other forms are all empty", "Give at least one form.")
        found.append(dated)
    return tuple(found)


def _period(e: _Entry, *, required: bool = True) -> tuple[dt.date | None, dt.date | None]:
    since, until = e.date("since"), e.date("until")
    if required and since is None and until is None:
        raise e.fail("since", "and 'until' are both missing", "Give the dates the forms held.")
    if since is not None and until is not None and until <= since:
        raise e.fail("until", f"is {until}, not after since {since}", "Correct or swap them.")
    return since, until


def _parse_organizations(text: str, source: str, iso3: frozenset[str]) -> tuple[Organization, ...]:
    pairs = []
    for e in _entries(text, source, "organization", "code"):
        e.check_keys(_fields(Organization))
        country = e.optional_text("country", _ISO3)
        e.known("country", country, iso3, "a code in countries.toml")
        organization = Organization(
            code=e.text("code", _ORG_CODE),
            name=e.text("name"),
            names=e.texts("names"),
            kind=e.choice("kind", ORGANIZATION_KINDS),
            country=country,
            sectors=e.choices("sectors", SECTORS),
            case_sensitive=e.flag("case_sensitive"),
        )
        pairs.append((e, organization))
    _no_repeats(((e, o.code) for e, o in pairs), "code")
    _no_repeats(((e, o.code) for e, o in pairs if o.code in iso3), "code (also an ISO3 code)")
    return tuple(o for _, o in pairs)


def _parse_agents(text: str, source: str) -> tuple[Agent, ...]:
    pairs = []
    for e in _entries(text, source, "agent", "sectors"):
        e.check_keys(_fields(Agent))
        agent = Agent(words=e.texts("words", required=True), sectors=e.choices("sectors", SECTORS))
        pairs.append((e, agent))
    _no_repeats(((e, w) for e, a in pairs for w in a.words), "words")
    return tuple(a for _, a in pairs)


def _parse_places(text: str, source: str, iso3: frozenset[str]) -> tuple[Place, ...]:
    pairs = []
    for e in _entries(text, source, "place", "name"):
        e.check_keys(_fields(Place))
        country = e.optional_text("country", _ISO3)
        e.known("country", country, iso3, "a code in countries.toml")
        since, until = _period(e, required=False)
        place = Place(
            name=e.text("name"),
            names=e.texts("names"),
            country=country,
            kind=e.choice("kind", PLACE_KINDS),
            since=since,
            until=until,
        )
        pairs.append((e, place))
    undated = [(e, p) for e, p in pairs if p.since is None and p.until is None]
    _no_repeats(((e, n) for e, p in undated for n in (p.name, *p.names)), "name/names")
    _no_overlaps([(e, p) for e, p in pairs if (e, p) not in undated])
    return tuple(p for _, p in pairs)


def _no_overlaps(dated: list[tuple[_Entry, Place]]) -> None:
    """A dated place may repeat an undated name (it wins on its dates), but two dated entries
    of one name must hold on different dates."""
    seen: dict[str, list[Place]] = {}
    for e, place in dated:
        for name in {n.casefold() for n in (place.name, *place.names)}:
            for other in seen.get(name, []):
                if _overlap(place, other):
                    raise e.fail("since", f"overlaps another dated {name!r}", "Make them meet.")
            seen.setdefault(name, []).append(place)


def _overlap(a: Place, b: Place) -> bool:
    low = max(a.since or dt.date.min, b.since or dt.date.min)
    high = min(a.until or dt.date.max, b.until or dt.date.max)
    return low < high


def _parse_communities(text: str, source: str, iso3: frozenset[str]) -> tuple[Community, ...]:
    pairs = []
    for e in _entries(text, source, "community", "name"):
        e.check_keys(_fields(Community))
        country = e.optional_text("country", _ISO3)
        e.known("country", country, iso3, "a code in countries.toml")
        community = Community(
            name=e.text("name"),
            names=e.texts("names"),
            adjectives=e.texts("adjectives"),
            country=country,
            sectors=e.choices("sectors", SECTORS),
        )
        if not community.names and not community.adjectives:
            raise e.fail("names", "and 'adjectives' are both empty", "Give at least one form.")
        pairs.append((e, community))
    _no_repeats(((e, n) for e, c in pairs for n in (*c.names, *c.adjectives)), "names/adjectives")
    return tuple(c for _, c in pairs)


def _parse_holders(
    text: str, source: str, actors: frozenset[str], table: str = "holder"
) -> tuple[Officeholder, ...]:
    holders = []
    for e in _entries(text, source, table, "id"):
        e.check_keys(_fields(Officeholder))
        actor = e.text("actor")
        e.known("actor", actor, actors, "a country or organization code")
        start, end = e.required_date("start"), e.date("end")
        if end is not None and end < start:
            raise e.fail("end", f"is {end}, before start {start}", "Correct or swap the dates.")
        holders.append(
            Officeholder(
                id=e.text("id", _PERSON_ID),
                actor=actor,
                role=e.choice("role", ROLES),
                titles=tuple(t.casefold() for t in e.texts("titles", required=True)),
                name=e.text("name"),
                aliases=e.texts("aliases"),
                start=start,
                end=end,
                notes=e.text("notes", allow_empty=True) if "notes" in e.data else "",
                sectors=e.choices("sectors", SECTORS) if "sectors" in e.data else ("GOV",),
            )
        )
    return tuple(holders)


def _fields(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(cls) if f.init)
