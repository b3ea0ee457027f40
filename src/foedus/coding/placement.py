"""Whose role words are: the state of "rebels", "the judge", "President X", "ethnic Albanians".

The mention finder knows that such words name a role (a sector) but not whose it is; this
module reads it off the parsed sentence and, failing that, off the article. The rules are
conservative by sector: who often belongs to another state than the one a sentence names
(officials, the press, soldiers, civilians, armed groups) takes it only on evidence, so
"officials said Russia fired..." never makes the officials Russian.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Token

from foedus.actors.mentions import Mention
from foedus.coding.extract import Slot

__all__ = [
    "SITE_KINDS",
    "attached_country",
    "domestic_states",
    "in_article",
    "in_context",
    "worth_parsing",
]

SITE_KINDS = frozenset({"place", "capital", "country", "adjective"})
"""Mentions that can say where something happens ("in the Iraqi city of Basra")."""

# Members of these sectors act as a group even when the text does not say whose they are
# ("rebels attacked a convoy"): coded with CAMEO's unknown-country code, "---REB".
_STATELESS = frozenset({"REB", "SEP", "UAF", "OPP", "HRI", "NGO", "CRM", "RAD", "ETH", "REL"})
# Who may well come from, or speak of, another state than the one a sentence names
# ("Israeli strikes killed civilians", "officials said Russia fired..."): never given that
# state by default.
_CROSS_BORDER = frozenset(
    {"CVL", "REF", "REB", "SEP", "MIL", "UAF", "CRM", "NGO", "HRI", "RAD", "SET", "GOV", "MED",
     "SPY", "REL"}
)  # fmt: skip
_ARMED = frozenset({"REB", "SEP", "MIL", "UAF", "CRM"})
# A state's civil power, and the home affairs its police, courts or opposition stand for.
_CIVIL_POWER = frozenset({"GOV", "COP", "JUD", "LEG"})
_HOME = frozenset({"COP", "JUD", "LEG", "OPP", "PTY"})
# Phrases that say whose a role word is: "opposition groups in Zimbabwe", "members of
# parliament from Kenya's ruling party".
_OWNER_PREPS = frozenset({"in", "of", "from", "at"})
_LOCATIVE_PREPS = frozenset(
    {"in", "on", "at", "near", "along", "across", "into", "inside", "over", "within", "off",
     "toward", "towards", "beyond", "from"}
)  # fmt: skip
_REPORTING_VERBS = frozenset({"say", "report", "tell", "announce", "claim", "state", "add"})
# Participles and adjectives that say where a group lives and acts, and so whose it is: "a
# group based in Trinidad", "guerrillas operating in Macedonia", "rebels active in Congo".
_SETTLED = frozenset(
    {"base", "operate", "active", "headquarter", "headquartered", "locate", "entrench",
     "present", "hide"}
)  # fmt: skip
_SETTLED_PREPS = frozenset({"in", "inside", "within", "across", "throughout", "out"})


def worth_parsing(m: Mention, placed: bool, article: bool) -> bool:
    """For the prefilter: whether role-word mention `m` may become an actor, given whether
    the sentence names a state (`placed`) and whether the article has named one (`article`)."""
    sectors = set(m.sectors)
    return (
        placed or bool(sectors & _STATELESS) or (article and bool(sectors & (_HOME | _CIVIL_POWER)))
    )


def domestic_states(mentions: Sequence[Mention], owners: Mapping[int, str | None]) -> set[str]:
    """States a sentence treats as home affairs: one a role word was placed in by a phrase, or
    whose police, courts, legislature or opposition it names."""
    found = {c for c in owners.values() if c}
    return found | {m.country for m in mentions if m.country and set(m.sectors) & _HOME}


def in_context(
    m: Mention, attached: str | None, mentions: Sequence[Mention], domestic: set[str]
) -> Slot | None:
    """An actor for words that name a role but not whose it is: the state named in a phrase
    attached to them (`attached`), else the one state the sentence names when the sector
    allows it, else for armed and political groups the unknown-country code. Officials and
    civilians take the sentence's one state only when the sentence is about its home affairs
    (`domestic`) or names it only as a place ("protesters blocked roads in Homs"); insurgents
    only when they face nothing of that state but its places, leaders or civil power
    ("militants attacked a police station in Tikrit", not "...attacked Israeli troops")."""
    if m.kind not in ("agent", "title"):
        return None
    sectors = set(m.sectors)
    country = attached
    if country is None:
        sole = _sole_country(mentions)
        carriers = [x for x in mentions if x.country]
        local = m.kind == "title" or not sectors & _CROSS_BORDER
        at_home = sole in domestic or all(x.kind == "place" for x in carriers)
        insurgent = sole is not None and all(
            x.kind in ("place", "person", "title") or set(x.sectors) & _CIVIL_POWER
            for x in carriers
        )
        armed = bool(sectors & _ARMED)
        militant = armed or "RAD" in sectors
        if local or (at_home and not armed) or (militant and insurgent):
            country = sole
    if country is None:
        # an unplaced officeholder is nobody's, an unplaced cleric CAMEO's unknown ---REL
        if (m.kind != "agent" and sectors != {"REL"}) or not sectors & _STATELESS:
            return None
        code = "---" + "".join(m.sectors)
    else:
        code = country + "".join(m.sectors)
    return Slot(m.start, m.end, code, country, m.sectors, None, m.text, m.kind, via="context",
                name=m.text)  # fmt: skip


def in_article(m: Mention, counts: Mapping[str, int]) -> Slot | None:
    """ "The government", "police" or "the opposition" in a sentence that names no state
    belong to the state the article is about: the one named most (`counts`), at least twice
    and with no tie."""
    if m.kind != "agent" or not set(m.sectors) & (_HOME | _CIVIL_POWER):
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    country = ranked[0][0]
    return Slot(m.start, m.end, country + "".join(m.sectors), country, m.sectors, None, m.text,
                m.kind, via="article", name=m.text)  # fmt: skip


def attached_country(m: Mention, doc: Doc, mentions: Sequence[Mention]) -> str | None:
    """The state the phrase of role word `m` names: a state's word before its noun ("Irish
    nationalist guerrillas", "Vietnamese-led forces"), an in/of/from/at phrase ("opposition
    groups in Zimbabwe"), or for people the place where they act ("ethnic Albanians
    demonstrated in the province of Kosovo"). A community of one state attached to no other is
    that state's when the sentence names the others only as places or as reporters: "Karen
    guerrillas on the Thai border", "Thai police said Karen rebels..."."""
    head = doc[m.start : m.end].root
    while head.dep_ in ("compound", "amod") and head.head.i != head.i:
        head = head.head  # "opposition groups": the phrase's noun is "groups"
    owners = {i: x for x in mentions if x.country for i in range(x.start, x.end)}
    for tok in head.subtree:
        if tok.i < head.i and tok.i in owners and not m.start <= tok.i < m.end:
            return owners[tok.i].country
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in _OWNER_PREPS and not _stationed(m, prep):
            for pobj in prep.children:
                for tok in (pobj, *pobj.subtree):
                    if tok.i in owners:
                        return owners[tok.i].country
    settled = _settled_in(head, owners, m) or _loyal_to(head, owners) or _fled(head, owners, m)
    if settled is not None:
        return settled
    if head.dep_ == "nsubj" and not set(m.sectors) & _ARMED:
        for prep in head.head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                for tok in prep.subtree:
                    if tok.i in owners and owners[tok.i].kind in SITE_KINDS:
                        return owners[tok.i].country
    if m.home is not None and all(
        _aside(doc, x) for x in mentions if x.country and x.country != m.home
    ):
        return m.home
    return None


def _settled_in(head: Token, owners: Mapping[int, Mention], m: Mention) -> str | None:
    """The state where a group is said to be based or to operate ("a group based in
    Trinidad", "guerrillas operating in Macedonia", "rebels who operate in Mali"); never for
    a state's forces, which serve abroad ("troops based in Germany")."""
    if "MIL" in m.sectors:
        return None
    for part in head.children:
        if part.i < head.i or part.dep_ not in ("acl", "amod", "relcl"):
            continue
        if part.lemma_.lower() not in _SETTLED and part.lower_ not in _SETTLED:
            continue
        for prep in part.children:
            if prep.dep_ != "prep" or prep.lower_ not in _SETTLED_PREPS:
                continue
            for tok in prep.subtree:
                if tok.i in owners and owners[tok.i].kind in SITE_KINDS:
                    return owners[tok.i].country
    return None


_FLEEING = frozenset({"flee", "escape"})


def _fled(head: Token, owners: Mapping[int, Mention], m: Mention) -> str | None:
    """The state refugees or civilians flee ("refugees fleeing the civil war in Liberia",
    "civilians escaping Sudan"): people are of where they come from."""
    if not set(m.sectors) & {"REF", "CVL"}:
        return None
    for part in head.children:
        if part.i > head.i and part.dep_ in ("acl", "relcl") and part.lemma_.lower() in _FLEEING:
            for tok in part.subtree:
                if tok.i in owners and owners[tok.i].kind in SITE_KINDS:
                    return owners[tok.i].country
    return None


def _loyal_to(head: Token, owners: Mapping[int, Mention]) -> str | None:
    """The state of whom a group is loyal to ("militants loyal to Iraq's al-Qaeda leader",
    "forces loyal to the Libyan leader"): fighters loyal to a leader are of the leader's
    state, forces too."""
    for part in head.children:
        if part.i < head.i or part.lower_ != "loyal":
            continue
        for prep in part.children:
            if prep.dep_ == "prep" and prep.lower_ == "to":
                for tok in prep.subtree:
                    if tok.i in owners and owners[tok.i].kind != "place":
                        return owners[tok.i].country
    return None


def _stationed(m: Mention, prep: Token) -> bool:
    """Whether `prep` only says where a state's forces are ("troops in Iraq", "peacekeepers
    at the border"), which is seldom whose they are: foreign forces serve abroad."""
    return "MIL" in m.sectors and prep.lower_ in ("in", "at")


def _aside(doc: Doc, x: Mention) -> bool:
    """Whether mention `x` names its state only as a place ("on the Thai border", "in
    neighbouring Pakistan") or as who reports ("Thai police said"), not as a party."""
    tok = doc[x.start : x.end].root
    for _ in range(4):
        if tok.dep_ == "pobj" and tok.head.lower_ in _LOCATIVE_PREPS:
            return True
        if tok.dep_ == "nsubj" and tok.head.lemma_ in _REPORTING_VERBS:
            return True
        if tok.dep_ not in ("amod", "compound", "poss", "nmod") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _sole_country(mentions: Sequence[Mention]) -> str | None:
    countries = {x.country for x in mentions if x.country}
    return next(iter(countries)) if len(countries) == 1 else None
