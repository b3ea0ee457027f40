"""Finding actor mentions in a token sequence and resolving them by role and date.

Works on plain token texts, not on a parse, so the same finder serves the cheap pre-parse
filter and the coder. Proper names (countries, capitals, people, organizations) must be
capitalised in the text, and short upper-case names ("US", "UN") must match exactly, so "us"
and "turkey" stay ordinary words. Adjacent pieces are composed into one actor:
"Russian President Vladimir Putin", "Iran's foreign minister", "Israeli forces".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from foedus.actors.spelling import MIN_LENGTH, Misspellings
from foedus.actors.tables import ActorTables, Community, Country, Dated, Officeholder, in_effect

__all__ = ["Entry", "Mention", "MentionFinder"]

_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# A community's name ("Tamils") and its adjective, which names the people only before a sector
# word or after "ethnic" ("Tamil rebels", not "Tamil films").
_COMMUNITY_KINDS = frozenset({"community", "people_adj"})
_STATE_WORDS = frozenset({"country", "adjective"})
# Words whose misspellings are corrected: states' names and adjectives, and peoples' ("Chenchen
# refugees" are Chechen refugees).
_SPELLED = _STATE_WORDS | _COMMUNITY_KINDS
# Kinds of entry a dated meaning displaces on its dates: "Juba" in 1995 is a city of Sudan,
# not South Sudan's capital.
_TERRITORIAL = frozenset({"country", "adjective", "capital", "metonym", "place"})
# A community's leaders speak for it, not for a government: "Yoruba leaders" are Nigeria's ETH.
_COMMUNITY_LEADERS = frozenset({"leader", "leaders", "leadership"})
_GENERIC_TITLES = ("leader", "head of state", "strongman", "ruler")
# Words that, after a leader's name, stand for the government that leader heads: "the Bush
# administration", "the Assad regime", "the Kohl government".
_REGIME_WORDS = frozenset({"administration", "government", "regime", "cabinet"})
_HEAD_ROLES = frozenset({"head_of_state", "head_of_government"})
# Before a surname known only from a leader's full name ("Bush", "May", "Major"), a word that
# makes it a name: "the May government", not "in May government troops".
_RULER_DETERMINERS = frozenset(
    {"the", "a", "an", "former", "then", "new", "outgoing", "whole", "senior", "top", "previous"}
)
_MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"}
)  # fmt: skip


@dataclass(frozen=True)
class Entry:
    """What a phrase can stand for: a country name, an adjective, a title, a place..."""

    kind: str
    key: str
    sectors: tuple[str, ...] = ()
    exact_case: bool = False
    proper: bool = True
    form: tuple[str, ...] = ()
    diaspora: bool = False
    since: dt.date | None = None
    until: dt.date | None = None

    @property
    def dated(self) -> bool:
        return self.since is not None or self.until is not None


@dataclass(frozen=True)
class Mention:
    """An actor (or a place) mentioned at tokens [start, end) of a sequence.

    `code` is None when the words name an office without saying whose ("the president");
    the coder may resolve those from context. Places have kind "place" and never an actor code.
    """

    start: int
    end: int
    kind: str
    code: str | None
    country: str | None
    sectors: tuple[str, ...]
    entity: str | None
    text: str
    title: str | None = None
    home: str | None = None
    """For a community of one state left unplaced because the sentence names another
    ("Karen guerrillas on the Thai border"): that state, which the coder takes unless a phrase
    attaches the community to the other."""

    @property
    def is_actor(self) -> bool:
        return self.kind != "place" and self.code is not None


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    entries: tuple[Entry, ...]


class MentionFinder:
    """A phrase index over the actor tables; `find` turns tokens into mentions."""

    def __init__(self, tables: ActorTables) -> None:
        self.tables = tables
        self._index: dict[tuple[str, ...], list[Entry]] = {}
        self._title_actors: dict[str, set[str]] = {}
        self._communities: dict[str, Community] = {c.name: c for c in tables.communities}
        self._namesakes = _namesakes(tables)
        self._build()
        self._rulers = _rulers(tables.officeholders)
        self._max_len = max(len(k) for k in self._index)
        self._firsts = frozenset(k[0] for k in self._index)
        # officeholders' two-word names, for tolerant matching of the surname
        full = [k for k, v in self._index.items() if len(k) == 2 and _has_person(v)]
        self._given = frozenset(k[0] for k in full)
        self._misnamings = Misspellings({k[1]: k[1] for k in full})
        self._misspellings = Misspellings(
            {
                k[0]: e.key
                for k, entries in self._index.items()
                for e in entries
                if len(k) == 1 and e.kind in _SPELLED
            },
            lookalikes={_fold(w) for c in tables.countries for w in c.lookalikes},
        )

    def _add(self, phrase: str, entry: Entry) -> None:
        if phrase.lower().startswith("the "):
            phrase = phrase[4:]  # "the US", "the Kremlin": the article is optional in text
        words = tuple(_split(phrase))
        if not words:
            return
        exact = phrase.isupper() and len(phrase.replace(".", "")) <= 4
        if exact or entry.exact_case:
            form = tuple(_split(phrase, lower=False))
            entry = dataclasses.replace(entry, exact_case=True, form=form)
        bucket = self._index.setdefault(tuple(w.lower() for w in words), [])
        if entry not in bucket:
            bucket.append(entry)

    def _build(self) -> None:
        t = self.tables
        for c in t.countries:
            for name in (c.name, *c.names):
                self._add(name, Entry("country", c.iso3))
            for adj in c.adjectives:
                self._add(adj, Entry("adjective", c.iso3, diaspora=c.diaspora))
                self._add(adj + "s", Entry("country", c.iso3, diaspora=c.diaspora))
            for cap in c.capitals:
                self._add(cap, Entry("capital", c.iso3))
            for met in c.metonyms:
                self._add(met, Entry("metonym", c.iso3, ("GOV",)))
            for met in c.metonyms_mil:
                self._add(met, Entry("metonym", c.iso3, ("MIL",)))
            for d in c.dated:
                self._add_forms(c.iso3, d, d.since, d.until, c.diaspora)
        for o in t.organizations:
            for name in (o.name, *o.names):
                self._add(name, Entry("org", o.code, o.sectors, o.case_sensitive))
        for h in t.officeholders:
            for alias in (h.name, *h.aliases):
                self._add(alias, Entry("person", alias.casefold()))
            for title in h.titles:
                self._add(title, Entry("title", title.lower(), proper=False))
                self._title_actors.setdefault(title.lower(), set()).add(h.actor)
        for title in _GENERIC_TITLES:
            self._add(title, Entry("title", title, proper=False))
        for a in t.agents:
            for word in a.words:
                self._add(word, Entry("agent", word.lower(), a.sectors, proper=False))
        for p in t.places:
            for name in (p.name, *p.names):
                if tuple(_split(name)) in self._namesakes:
                    continue  # the capital's entry stands for both ("Tripoli")
                entry = Entry("place", p.country or "", since=p.since, until=p.until)
                self._add(name, entry)
        self._add_within()
        for community in t.communities:
            for name in community.names:
                self._add(name, Entry("community", community.name, community.sectors))
            for adj in community.adjectives:
                self._add(adj, Entry("people_adj", community.name, community.sectors))

    def _add_forms(
        self,
        iso3: str,
        forms: Dated | Country,
        since: dt.date | None,
        until: dt.date | None,
        diaspora: bool = False,
    ) -> None:
        """A state's forms (names, adjectives, capitals, metonyms) meaning `iso3` on dates
        from `since` to `until`."""
        names = (forms.name, *forms.names) if isinstance(forms, Country) else forms.names
        state = Entry("country", iso3, diaspora=diaspora, since=since, until=until)
        adjective = dataclasses.replace(state, kind="adjective")
        for name in names:
            self._add(name, state)
        for adj in forms.adjectives:
            self._add(adj, adjective)
            self._add(adj + "s", state)
        for cap in forms.capitals:
            self._add(cap, Entry("capital", iso3, since=since, until=until))
        for met in forms.metonyms:
            self._add(met, Entry("metonym", iso3, ("GOV",), since=since, until=until))

    def _add_within(self) -> None:
        """A state that was part of another: its words and places meant that state then."""
        t = self.tables
        for c in t.countries:
            for w in c.within:
                parent = t.country(w.country)
                self._add_forms(w.country, c, w.since, w.until, parent.diaspora)
                for p in t.places:
                    if p.country == c.iso3 and p.since is None and p.until is None:
                        for name in (p.name, *p.names):
                            self._add(name, Entry("place", w.country, since=w.since,
                                                  until=w.until))  # fmt: skip

    # -- scanning -------------------------------------------------------------------------

    def _matches(self, words: Sequence[str], others: set[str], on: dt.date | None) -> list[_Match]:
        lower = [_fold(w) for w in words]
        found: list[_Match] = []
        i = 0
        while i < len(words):
            best: _Match | None = None
            if lower[i] in self._firsts:
                for n in range(min(self._max_len, len(words) - i), 0, -1):
                    entries = self._index.get(tuple(lower[i : i + n]))
                    if entries:
                        ok = tuple(
                            e for e in _current(entries, on) if _case_ok(e, words[i : i + n])
                        )
                        if ok:
                            best = _Match(i, i + n, ok)
                            break
                if best is None and lower[i] in self._given:
                    best = self._misnamed(words, lower, i)  # "Francois Mitterand"
            elif len(lower[i]) >= 7 and words[i][:1].isupper():
                best = self._misspelt(words, lower, i, on)  # a word no table knows: "Afganistan"
            if best is None or self._other_person(best, words, others):
                i += 1
                continue
            found.append(best)
            i = best.end
        return self._regimes(words, found)

    def _regimes(self, words: Sequence[str], found: list[_Match]) -> list[_Match]:
        """ "The Bush administration": a head of state's or government's surname, which no
        table lists on its own, before a word for the government joins that word's match."""
        for n, m in enumerate(found):
            p = m.start - 1
            if p < 0 or (n and found[n - 1].end > p) or not words[p][:1].isupper():
                continue
            if " ".join(words[m.start : m.end]).lower() not in _REGIME_WORDS:
                continue
            key = _fold(words[p])
            before = words[p - 1].lower() if p else ""
            # "Bush administration officials said" opens a sentence; "May government" may be a date
            opening = p == 0 and key not in _MONTHS
            if key in self._rulers and (before in _RULER_DETERMINERS or opening):
                found[n] = _Match(p, m.end, (Entry("ruler", key), *m.entries))
        return found

    def _misnamed(self, words: Sequence[str], lower: Sequence[str], i: int) -> _Match | None:
        """An officeholder's full name with the surname misspelled by one inner edit
        ("Francois Mitterand"): the first name must be exact, so that another person's
        surname ("Johnston") is never taken for a leader's ("Johnson")."""
        if i + 1 >= len(words) or len(words[i + 1]) < MIN_LENGTH or not words[i][:1].isupper():
            return None
        surname = self._misnamings.correct(lower[i + 1])
        entries = self._index.get((lower[i], surname or ""), [])
        people = tuple(e for e in entries if e.kind == "person")
        if not people or not words[i + 1][:1].isupper():
            return None
        return _Match(i, i + 2, people)

    def _misspelt(
        self, words: Sequence[str], lower: Sequence[str], i: int, on: dt.date | None
    ) -> _Match | None:
        """A state's name or adjective misspelled ("Ethopia", "Phillippines"), unless the word
        is part of a longer proper name ("Indiana Jones", "Mr Rolland")."""
        word = words[i]
        if not word.isalpha() or word.isupper():
            return None
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        starter = i == 1 and before.lower() in _SENTENCE_STARTERS
        if before.lower().rstrip(".") in _HONORIFICS or self._name_like(after):
            return None
        if self._name_like(before) and not starter:
            return None
        form = self._misspellings.correct(lower[i])
        if form is None:
            return None
        entries = tuple(e for e in _current(self._index[(form,)], on) if e.kind in _SPELLED)
        return _Match(i, i + 1, entries) if entries else None

    def _other_person(self, match: _Match, words: Sequence[str], others: set[str]) -> bool:
        """A bare surname inside someone else's name: "Michael Howard" is not John Howard,
        "Shami Chakrabarti" is not Ali Shami. Such a surname is added to `others`, so that a
        later "Mr Howard" in the same article is not taken for John Howard either."""
        if {e.kind for e in match.entries} != {"person"}:
            return False
        if match.end - match.start > 1:
            # "Juan Carlos Ferrero" is not Carlos Ferrero: a first name before a full name
            before = words[match.start - 1] if match.start > 0 else ""
            starter = match.start == 1 and before.lower() in _SENTENCE_STARTERS
            return not starter and self._name_like(before)
        surname = words[match.start].lower()
        if surname in others:
            return True
        before = words[match.start - 1] if match.start > 0 else ""
        if match.start == 1 and before.lower() in _SENTENCE_STARTERS:
            before = ""  # "Yesterday Putin said": capitalised only because it starts the sentence
        after = words[match.end] if match.end < len(words) else ""
        if self._name_like(before) or self._name_like(after):
            others.add(surname)
            return True
        return False

    def _name_like(self, word: str) -> bool:
        """A capitalised word that is not an honorific nor itself a known phrase (a title,
        a country, another name): most likely a first name or surname of someone else."""
        return (
            word[:1].isupper()
            and word.isalpha()
            and word.lower().rstrip(".") not in _HONORIFICS
            and (word.lower(),) not in self._index
        )

    def find(
        self, words: Sequence[str], on: dt.date | None = None, others: set[str] | None = None
    ) -> list[Mention]:
        """Mentions in `words` (token texts), resolved as of date `on` (None: any date)."""
        matches = self._matches(words, set() if others is None else others, on)
        mentions, matches = _peoples(words, matches)
        matches = [m for m in matches if not _sympathy(words, m.start, m.end)]
        homes: dict[int, str] = {}
        for group in _groups(matches, words):
            mention = self._resolve(group, words, on)
            if mention is not None:
                mentions.append(mention)
                home = self._home(group)
                if home is not None and mention.code is None:
                    homes[mention.start] = home
        if homes:
            mentions = _at_home(mentions, homes)
        mentions.sort(key=lambda x: x.start)
        mentions = self._homonyms(self._hosted_of(mentions, words), words)
        return _named_bodies(words, _clerics(words, mentions))

    def _homonyms(self, mentions: list[Mention], words: Sequence[str]) -> list[Mention]:
        """A capital that shares its name with a city of another state is that city when
        the sentence names that state and not the capital's: "Tripoli" beside "Lebanese" is
        Lebanon's port, not Libya's government."""
        named = {m.country for m in mentions if m.country and m.kind != "capital"}
        out = []
        for m in mentions:
            if m.kind == "capital" and m.country not in named:
                others = self._namesakes.get(tuple(_fold(w) for w in words[m.start : m.end]), ())
                home = next((c for c in others if c in named), None)
                if home is not None:
                    m = Mention(m.start, m.end, "place", None, home, (), None, m.text)
            out.append(m)
        return out

    def _hosted_of(self, mentions: list[Mention], words: Sequence[str]) -> list[Mention]:
        """ "The Albanians of southern Serbia", "the Serbs of Bosnia": a people named by a
        state's plural that other states host, followed by "of" and another state or its
        place, is a minority there, as "Bosnian Serbs" is (CAMEO: BIHETH)."""
        for n, m in enumerate(mentions[:-1]):
            if m.kind != "country" or m.end - m.start != 1 or m.end >= len(words):
                continue
            if words[m.end].lower() != "of" or not m.text.endswith("s") or m.country is None:
                continue
            place = mentions[n + 1]
            gap = [w.lower() for w in words[m.end + 1 : place.start]]
            host = place.country
            if host is None or host == m.country or not set(gap) <= _PLACE_MODIFIERS:
                continue
            if place.kind not in ("country", "place", "capital"):
                continue
            state = self.tables.country(m.country)
            if state.diaspora and m.text[:-1] in state.adjectives:
                mentions[n] = dataclasses.replace(
                    m, kind="agent", code=host + "ETH", country=host, sectors=("ETH",)
                )
        return mentions

    def _home(self, group: list[_Match]) -> str | None:
        """The state of the community a phrase names ("Tamil rebels": Sri Lanka), if any."""
        names = {e.key for m in group for e in m.entries if e.kind in _COMMUNITY_KINDS}
        if len(names) != 1:
            return None
        return self._communities[next(iter(names))].country

    # -- resolution -----------------------------------------------------------------------

    def _resolve(
        self, group: list[_Match], words: Sequence[str], on: dt.date | None
    ) -> Mention | None:
        kinds = {e.kind: e for m in group for e in m.entries}
        start, end = group[0].start, group[-1].end
        text = " ".join(words[start:end])
        if kinds.keys() & _COMMUNITY_KINDS:
            people = _people(kinds, words, start, end)
            if people is not None or not kinds.keys() - _COMMUNITY_KINDS:
                return people
            kinds = {k: e for k, e in kinds.items() if k not in _COMMUNITY_KINDS}
        if set(kinds) == {"place"}:
            return Mention(start, end, "place", None, kinds["place"].key or None, (), None, text)
        if set(kinds) == {"place", "agent"}:
            home = kinds["place"].key
            if not home:
                return None
            sectors = kinds["agent"].sectors
            return Mention(start, end, "agent", home + "".join(sectors), home, sectors, None, text)
        host = _host(group)
        if host is not None and kinds.keys() <= {*_STATE_WORDS, "agent"}:
            # "Bosnian Serbs", "Kosovo Serb police": a minority, coded as its host state's
            sectors = kinds["agent"].sectors if "agent" in kinds else ("ETH",)
            return Mention(start, end, "agent", host + "".join(sectors), host, sectors, None, text)
        country = next(
            (kinds[k].key for k in ("country", "adjective", "capital", "metonym") if k in kinds),
            None,
        )
        regime = any(e.kind == "agent" and e.key in _REGIME_WORDS for m in group for e in m.entries)
        if regime and len(kinds) == 2:
            if "ruler" in kinds:
                return self._regime(kinds["ruler"].key, on, start, end, text)
            if "person" in kinds:
                # "the Clinton administration" in 2010 is Bill's, not Secretary Clinton's
                ruled = self._regime(kinds["person"].key, on, start, end, text)
                if ruled is not None:
                    return ruled
        if "person" in kinds:
            holder = self._person(kinds["person"].key, country, on)
            # "Georgian President Shevardnadze": the words say Georgia, whatever office the
            # name held elsewhere ("Arab League chief Aboul Gheit" is not Egypt's minister)
            owner = country or (kinds["org"].key if "org" in kinds else None)
            if holder is not None and owner in (None, holder.actor):
                return _holder_mention(holder, start, end, text, self.tables)
        if "org" in kinds and country is None:
            # "Arab League Secretary General Chadli Klibi": the organization's officer
            org = self.tables.organization(kinds["org"].key)
            return Mention(start, end, "org", org.code, org.country, org.sectors, org.code, text)
        if "title" in kinds:
            title = kinds["title"].key
            owners = self._title_actors.get(title, set())
            if (
                country is None
                and len(owners) == 1
                and _is_country(self.tables, next(iter(owners)))
            ):
                country = next(iter(owners))  # a title only one state uses: "Serbian president"
            if country is None:
                return Mention(start, end, "title", None, None, ("GOV",), None, text, title)
            holder = self._titled(country, title, on)
            kept = {h.sectors for h in self.tables.holders(country, title=title)}
            sectors = holder.sectors if holder else kept.pop() if len(kept) == 1 else ("GOV",)
            return Mention(start, end, "title", country + "".join(sectors), country, sectors,
                           holder.id if holder else None, text, title)  # fmt: skip
        if country is None:
            if set(kinds) == {"agent"}:
                # "rebels", "opposition groups", "the judge": whose they are, the coder reads
                # from the sentence ("rebels in Chad", "a Chilean judge"), or leaves open
                agent = kinds["agent"]
                return Mention(start, end, "agent", None, None, agent.sectors, None, text)
            return None
        return self._state(kinds, country, start, end, text)

    def _state(
        self, kinds: dict[str, Entry], country: str, start: int, end: int, text: str
    ) -> Mention | None:
        sectors: tuple[str, ...] = ()
        if "agent" in kinds:
            sectors = kinds["agent"].sectors
        elif "metonym" in kinds:
            sectors = kinds["metonym"].sectors
        elif "capital" in kinds and "country" not in kinds:
            return Mention(start, end, "capital", country + "GOV", country, ("GOV",), None, text)
        elif "country" not in kinds:
            # A bare adjective ("Iranian territory", "the Russian offer") points at the state;
            # the coder gives it less confidence than a name.
            return Mention(start, end, "adjective", country, country, (), None, text)
        kind = "country" if "country" in kinds else "metonym" if "metonym" in kinds else "agent"
        return Mention(start, end, kind, country + "".join(sectors), country, sectors, None, text)

    def _person(self, alias: str, country: str | None, on: dt.date | None) -> Officeholder | None:
        found = self.tables.people_named(alias, on=on)
        if not found and (on is None or " " in alias):
            # a full name is safe at any date ("Ronald Reagan" in a 2025 retrospective); a
            # bare surname out of office on the date is likely someone else
            found = self.tables.people_named(alias)
        if country is not None:
            found = tuple(h for h in found if h.actor == country) or found
        return max(found, key=lambda h: h.start) if found else None

    def _regime(
        self, name: str, on: dt.date | None, start: int, end: int, text: str
    ) -> Mention | None:
        """The government a head of state or government is named for ("the Bush
        administration", "the Clinton administration" in a 2003 retrospective): the one in
        office on the date, else the one state all leaders of that name headed. Two states'
        leaders of one name and no date to tell them apart give nothing."""
        heads = self._rulers.get(name) or tuple(
            h for h in self.tables.people_named(name) if h.role in _HEAD_ROLES
        )
        if on is not None:
            current = tuple(h for h in heads if h.in_office(on))
            heads = current or tuple(h for h in heads if h.start <= on)
        if len({h.actor for h in heads}) != 1:
            return None
        holder = heads[-1] if on is not None or len({h.id for h in heads}) == 1 else None
        mention = _holder_mention(heads[-1], start, end, text, self.tables)
        return dataclasses.replace(mention, entity=holder.id if holder else None)

    def _titled(self, country: str, title: str, on: dt.date | None) -> Officeholder | None:
        if title in _GENERIC_TITLES:
            found = self.tables.holders(country, on=on, role="head_of_state")
            found = found or self.tables.holders(country, on=on, role="head_of_government")
        else:
            found = self.tables.holders(country, on=on, title=title)
        if on is None or not found:
            return None  # without a date the office is known, the person is not
        return found[-1]


_ROMAN = re.compile(r"[ivxl]+|..?")  # "Elizabeth II", "Kim Jong Un": no surname


# Words between "Albanians of" and the state they live in: "of southern Serbia".
_PLACE_MODIFIERS = frozenset(
    {"the", "southern", "northern", "eastern", "western", "central", "south", "north", "east",
     "west", "neighbouring", "neighboring", "northeastern", "northwestern", "southeastern",
     "southwestern"}
)  # fmt: skip


def _rulers(holders: Sequence[Officeholder]) -> dict[str, tuple[Officeholder, ...]]:
    """Heads of state and government by folded surname (the last word of the name, or a
    one-word alias), oldest first: "bush" is both Presidents Bush."""
    found: dict[str, list[Officeholder]] = {}
    for h in sorted(holders, key=lambda h: (h.start, h.id)):
        if h.role not in _HEAD_ROLES:
            continue
        names = {h.name.split()[-1], *(a for a in h.aliases if " " not in a)}
        for name in names:
            words = _split(name)
            if len(words) == 1 and words[0].isalpha() and not _ROMAN.fullmatch(words[0]):
                found.setdefault(words[0], []).append(h)
    return {k: tuple(v) for k, v in found.items()}


def _hosted(prev_kinds: set[str], m: _Match) -> bool:
    return prev_kinds <= _STATE_WORDS and any(e.diaspora for e in m.entries)


def _host(group: list[_Match]) -> str | None:
    """The state a minority named by another state's word lives in: "Bosnian Serbs" and
    "Bosnian Serb forces" are Bosnia's. None unless the phrase is a state's word followed by
    such a people's plural, or by its adjective and a sector word."""
    states = [next((e for e in m.entries if e.kind in _STATE_WORDS), None) for m in group[:2]]
    if len(states) < 2 or states[0] is None or states[1] is None or not states[1].diaspora:
        return None
    if states[1].kind == "adjective" and not any(
        e.kind == "agent" for m in group[2:] for e in m.entries
    ):
        return None  # "the Albanian Serbian border": two states' words, no people
    return states[0].key if states[0].key != states[1].key else None


def _namesakes(tables: ActorTables) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Cities named like another state's capital ("Tripoli" in Lebanon): their states, by the
    capital's folded words."""
    capitals = {tuple(_split(cap)): c.iso3 for c in tables.countries for cap in c.capitals}
    found: dict[tuple[str, ...], tuple[str, ...]] = {}
    for p in tables.places:
        for name in (p.name, *p.names):
            key = tuple(_split(name))
            if (
                p.country
                and p.since is None
                and p.until is None
                and capitals.get(key, p.country) != p.country
            ):
                found[key] = (*found.get(key, ()), p.country)
    return found


def _current(entries: Sequence[Entry], on: dt.date | None) -> Sequence[Entry]:
    """The entries of a phrase that hold on date `on`: a dated meaning in effect displaces the
    undated names and places of the same words ("Congolese" in 1985 is the Republic of the
    Congo's, "Juba" in 1995 a city of Sudan); one out of effect means nothing. Without a date
    the undated meaning holds, else the dated one that still holds today."""
    if not any(e.dated for e in entries):
        return entries
    undated = [e for e in entries if not e.dated]
    if on is None:
        if any(e.kind in _TERRITORIAL for e in undated):
            return undated
        live = [e for e in entries if e.dated and e.until is None]
    else:
        live = [e for e in entries if e.dated and in_effect(e.since, e.until, on)]
    if not live:
        return undated
    return [*live, *(e for e in undated if e.kind not in _TERRITORIAL)]


# Titles of clergy that go before a name ("Archbishop Lwanga", "Sheikh Ahmed Yassin"): the
# person is a public figure of the state the sentence names, as an officeholder is.
_CLERICAL_TITLES = frozenset(
    {"archbishop", "cardinal", "bishop", "imam", "mufti", "grand mufti", "patriarch",
     "ayatollah", "grand ayatollah", "rabbi", "chief rabbi", "pastor", "reverend", "sheikh",
     "metropolitan", "cleric"}
)  # fmt: skip


def _clerics(words: Sequence[str], mentions: list[Mention]) -> list[Mention]:
    """A clerical title of no state before a name no table knows ("Archbishop Lwanga") is
    one titled person, whose state the coder reads from the sentence like an office's."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    out: list[Mention] = []
    for m in [*mentions, *_sheikhs(words, covered)]:
        title = m.text.lower()
        if m.code is None and m.kind == "agent" and title in _CLERICAL_TITLES:
            end = m.end
            while end < len(words) and end - m.end < 3 and end not in covered:
                if not (words[end][:1].isupper() and words[end].replace("-", "").isalpha()):
                    break
                end += 1
            if end > m.end:
                text = " ".join(words[m.start : end])
                m = Mention(m.start, end, "title", None, None, ("REL",), None, text, title)
        out.append(m)
    return sorted(out, key=lambda x: x.start)


def _sheikhs(words: Sequence[str], covered: set[int]) -> list[Mention]:
    """ "Sheikh", an honorific the agent words leave out, as a role word when a name
    follows that is nobody the tables know."""
    return [
        Mention(i, i + 1, "agent", None, None, ("REL",), None, "Sheikh")
        for i, word in enumerate(words[:-1])
        if word == "Sheikh" and i not in covered and i + 1 not in covered
    ]


# The last word of a body's proper name says what kind of body it is, when the tables do not
# know it: "the Ceasefire Violations Committee", "the Association of African Jurists", "the
# Homeland Union", "the Umma Party". Parties are their state's; movements and fronts its
# opposition; the rest non-governmental, of no state unless their name or the sentence says.
_BODY_HEADS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("party",), ("PTY",)),
    **dict.fromkeys(("movement", "front", "alliance", "coalition"), ("OPP",)),
    **dict.fromkeys(
        ("association", "society", "foundation", "institute", "union", "committee", "council",
         "forum", "organization", "organisation", "network", "commission"),
        ("NGO",),
    ),
}  # fmt: skip
_BODY_LINKS = frozenset({"of", "for", "the", "and", "-", "&", "'s", "'"})
# Sport, show business and business bodies are no political actors ("the Football
# Association fined", "the Screen Actors Guild"), nor are headings and generic names.
_NOT_POLITICAL = frozenset(
    {"football", "soccer", "rugby", "cricket", "tennis", "golf", "athletics", "olympic",
     "olympics", "paralympic", "hockey", "basketball", "baseball", "cycling", "boxing",
     "racing", "swimming", "chess", "sport", "sports", "premier", "film", "academy", "music",
     "arts", "theatre", "theater", "television", "actors", "writers", "champions", "cup",
     "club", "grand", "trade", "chamber", "commerce", "students", "student", "league", "judo",
     "wrestling", "rowing", "sailing", "skiing", "gymnastics", "badminton", "volleyball",
     "handball", "snooker", "darts", "marathon", "games", "managers", "players", "fans",
     "christmas", "birthday", "halloween", "year", "launch", "dinner", "garden", "wedding",
     "tea", "oscars", "oscar", "brit", "brits", "awards", "grammy", "grammys", "bafta",
     "house", "pool", "beach", "office", "hen", "stag", "premiere"}
)  # fmt: skip
_NOT_NAMES = frozenset(
    {"his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those",
     "every", "each", "any", "no", "another", "which", "whose", "whichever"}
)  # fmt: skip
_DAYS = _MONTHS | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_BODY_ABSORBS = frozenset({"country", "adjective", "place", "agent"})


def _named_bodies(words: Sequence[str], mentions: list[Mention]) -> list[Mention]:
    """Proper names of bodies the tables do not know, by the word that ends them ("the
    Ceasefire Violations Committee", "the Nigerian Union of Teachers"): a state named inside
    gives the body its state, else it is a role word the coder places by the sentence. A
    sector word before the body word gives its sector ("the Senate Judiciary Committee")."""
    covered = {i: m for m in mentions for i in range(m.start, m.end)}
    found: list[Mention] = []
    i = 0
    while i < len(words):
        span = _body_span(words, i, covered)
        if span is None:
            i += 1
            continue
        head, end = span
        inside = [m for m in mentions if i <= m.start and m.end <= end]
        sector_words = [m for m in inside if m.kind == "agent" and m.end <= head]
        sectors = sector_words[0].sectors if sector_words else _BODY_HEADS[words[head].lower()]
        states = {m.country for m in inside if m.kind in ("country", "adjective") and m.country}
        country = next(iter(states)) if len(states) == 1 else None
        code = None if country is None else country + "".join(sectors)
        text = " ".join(words[i:end])
        found.append(Mention(i, end, "agent", code, country, sectors, None, text))
        i = end
    if not found:
        return mentions
    spans = [(b.start, b.end) for b in found]
    kept = [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in spans)]
    return sorted([*kept, *found], key=lambda x: x.start)


def _body_span(words: Sequence[str], i: int, covered: dict[int, Mention]) -> tuple[int, int] | None:
    """(first body word, end) of a body's name starting at `i`: capitalized words with a body
    word among them, linked after it by "of", "for the" and the like ("the Association of
    African Jurists"), no actor the tables already know inside, and no sport or show business
    word."""
    if not _capital(words[i]) or (i and _capital(words[i - 1])) or words[i].lower() in _NOT_NAMES:
        return None  # "His party", "Their union": no name
    end, head = i, None
    for j in range(i, len(words)):
        m = covered.get(j)
        if m is not None and m.kind not in _BODY_ABSORBS:
            return None  # "the Arab League", "the Security Council": known already
        if _capital(words[j]) and words[j].lower() not in _DAYS:
            end = j + 1
            if head is None and words[j].lower() in _BODY_HEADS:
                head = j
        elif words[j].lower() not in _BODY_LINKS or (head is None and words[j] != "-"):
            break
    if head is None and end > i:
        head = _party_word(words, end)  # "the Umma party", "the Umma (Nation) party"
        end = head + 1 if head is not None else end
    if head is None or end - i < (3 if head == i else 2):
        return None
    if {w.lower() for w in words[i:end]} & _NOT_POLITICAL:
        return None
    return head, end


def _party_word(words: Sequence[str], k: int) -> int | None:
    """Where "party" follows a proper name at `k`, past a bracketed gloss: "Umma (Nation)
    party"."""
    if k < len(words) and words[k] == "(":
        close = next((n for n in range(k + 1, min(k + 5, len(words))) if words[n] == ")"), k)
        if close > k + 1 and all(_capital(w) for w in words[k + 1 : close]):
            k = close + 1
    return k if k < len(words) and words[k] == "party" else None


def _capital(word: str) -> bool:
    return word[:1].isupper() and word.isalpha() and word not in ("The", "A", "An")


def _has_person(entries: Sequence[Entry]) -> bool:
    return any(e.kind == "person" for e in entries)


def _people(kinds: dict[str, Entry], words: Sequence[str], start: int, end: int) -> Mention | None:
    """A community, alone or with a state's adjective or a sector word: "Tamils", "Iraqi
    Kurds", "Chechen rebels", "ethnic Karen". Its state, unless an adjective names it, is left
    to the sentence; any other word (a title, a name) makes the phrase that actor instead."""
    if kinds.keys() - _COMMUNITY_KINDS - _STATE_WORDS - {"agent"}:
        return None
    if start and words[start - 1].lower() == "ethnic":
        start -= 1
    elif not kinds.keys() & {"community", "agent"}:
        return None  # "Tamil films", "Karen Smith": no people
    sectors = _community_entry(kinds).sectors
    if "agent" in kinds and kinds["agent"].key not in _COMMUNITY_LEADERS:
        sectors = kinds["agent"].sectors  # "Tamil rebels", "Uighur refugees"
    country = next((kinds[k].key for k in ("adjective", "country") if k in kinds), None)
    text = " ".join(words[start:end])
    code = None if country is None else country + "".join(sectors)
    return Mention(start, end, "agent", code, country, sectors, None, text)


def _community_entry(kinds: dict[str, Entry]) -> Entry:
    return kinds["community"] if "community" in kinds else kinds["people_adj"]


def _community(m: _Match) -> bool:
    return any(e.kind in _COMMUNITY_KINDS for e in m.entries)


def _at_home(mentions: list[Mention], homes: dict[int, str]) -> list[Mention]:
    """Communities of one state (`homes`, by mention start) take that state when the sentence
    names no other: "Tamils protested" is Sri Lanka's, "Tamils in India protested" is left to
    the coder to place, with the home state noted for when nothing attaches them elsewhere."""
    named = {m.country for m in mentions if m.country}
    out = []
    for m in mentions:
        home = homes.get(m.start)
        if home is not None and named <= {home}:
            m = dataclasses.replace(m, code=home + "".join(m.sectors), country=home)
        elif home is not None:
            m = dataclasses.replace(m, home=home)
        out.append(m)
    return out


def _holder_mention(
    h: Officeholder, start: int, end: int, text: str, tables: ActorTables
) -> Mention:
    if (
        len(h.actor) == 3
        and h.actor.isalpha()
        and h.actor.isupper()
        and _is_country(tables, h.actor)
    ):
        code = h.actor + "".join(h.sectors)
        return Mention(start, end, "person", code, h.actor, h.sectors, h.id, text)
    org = tables.organization(h.actor)
    return Mention(start, end, "person", org.code, org.country, org.sectors, h.id, text)


def _is_country(tables: ActorTables, code: str) -> bool:
    try:
        tables.country(code)
    except Exception:
        return False
    return True


def _groups(matches: list[_Match], words: Sequence[str]) -> list[list[_Match]]:
    """Adjacent matches (or joined by a possessive) that form one actor phrase."""
    groups: list[list[_Match]] = []
    for m in matches:
        if groups:
            prev = groups[-1][-1]
            joined = m.start == prev.end or (
                m.start == prev.end + 1 and words[prev.end] in _POSSESSIVE
            )
            kinds = {e.kind for e in m.entries}
            prev_kinds = {e.kind for g in groups[-1] for e in g.entries}
            # Two state names side by side ("Russia Iran") are two actors, not one.
            clash = bool(kinds & {"country", "capital"}) and bool(
                prev_kinds & {"country", "capital", "person", "org", *_COMMUNITY_KINDS}
            )
            # A place joins only a following sector word ("Darfur rebels", "Gaza militants").
            place_agent = prev_kinds == {"place"} and kinds == {"agent"}
            if clash and _hosted(prev_kinds, m):
                clash = False  # "Kosovo Serbs": a people and the state it lives in
            if joined and not clash and ("place" not in kinds | prev_kinds or place_agent):
                groups[-1].append(m)
                continue
        groups.append([m])
    return groups


_SYMPATHY_PREFIXES = frozenset({"pro", "anti"})
_SYMPATHY_SUFFIXES = frozenset(
    {"backed", "sponsored", "supported", "funded", "allied", "aligned", "born", "inspired",
     "friendly", "leaning", "oriented", "brokered", "mediated"}
)  # fmt: skip


def _sympathy(words: Sequence[str], start: int, end: int) -> bool:
    """ "pro-Iranian Hezbollah", "the Syrian-backed militia", "a UN-brokered deal": the state
    named is a patron or a go-between, not the actor."""
    before = [w.lower() for w in words[max(0, start - 2) : start]]
    after = [w.lower() for w in words[end : end + 2]]
    return (len(before) == 2 and before[1] == "-" and before[0] in _SYMPATHY_PREFIXES) or (
        len(after) == 2 and after[0] == "-" and after[1] in _SYMPATHY_SUFFIXES
    )


def _peoples(words: Sequence[str], matches: list[_Match]) -> tuple[list[Mention], list[_Match]]:
    """ "Ethnic Albanians", "ethnic Russian separatists": a people (with the sector a following
    word gives it), placed by the sentence like any role word; and the matches left over."""
    mentions: list[Mention] = []
    rest: list[_Match] = []
    pending = iter(enumerate(matches))
    for i, m in pending:
        if not _ethnic(words, m) or _community(m):
            rest.append(m)
            continue
        end = m.end
        sectors: tuple[str, ...] = ("ETH",)
        after = matches[i + 1] if i + 1 < len(matches) else None
        if after is not None and after.start == m.end:
            agents = [e for e in after.entries if e.kind == "agent"]
            if agents and len(agents) == len(after.entries):
                end, sectors = after.end, agents[0].sectors
                next(pending)  # "guerrillas" is part of "ethnic Albanian guerrillas"
        text = " ".join(words[m.start - 1 : end])
        mentions.append(Mention(m.start - 1, end, "agent", None, None, sectors, None, text))
    return mentions, rest


def _ethnic(words: Sequence[str], m: _Match) -> bool:
    """ "ethnic Albanians in Serbia", "ethnic Russians": a people, not the state of that name
    (the coder places them by the sentence, as CAMEO does)."""
    before = words[m.start - 1].lower() if m.start else ""
    return before == "ethnic" and any(e.kind in ("country", "adjective") for e in m.entries)


def _fold(word: str) -> str:
    """Lower case without diacritics, so "Kostunica" finds "Koštunica" and the reverse."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _split(phrase: str, lower: bool = True) -> list[str]:
    """Split a table phrase the way spaCy tokenizes it (enough for names and titles)."""
    text = _fold(phrase) if lower else phrase
    out: list[str] = []
    for word in text.replace("’", "'").split():
        if word.endswith("'s") and len(word) > 2:
            out += [word[:-2], "'s"]
        elif word.endswith("'") and len(word) > 1:
            out += [word[:-1], "'"]  # "Kurdistan Workers' Party"
        elif "-" in word and len(word) > 1 and not word.startswith("-"):
            # spaCy splits a hyphen only before a letter: "al-Aqsa" but "G-7", "M-19"
            out += [p for p in re.split(r"(-)(?=[^\W\d_])", word) if p]
        else:
            out.append(word)
    return out


_SENTENCE_STARTERS = frozenset(STOP_WORDS) | {
    "yesterday", "today", "tomorrow", "tonight", "meanwhile", "earlier", "later",
    "separately", "overnight", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
}  # fmt: skip
_HONORIFICS = frozenset(
    ["mr", "mrs", "ms", "dr", "sir", "lord", "lady", "dame", "sheikh", "gen", "general", "col"]
)


def _case_ok(entry: Entry, words: Sequence[str]) -> bool:
    if entry.exact_case:
        return tuple(w.replace("’", "'") for w in words) == entry.form
    if entry.proper:
        # "de Klerk", "al-Assad": a name may start with a lower-case particle
        return any(w[:1].isupper() for w in words)
    return True
