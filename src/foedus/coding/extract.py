"""From one parsed sentence to draft events: predicates, their actors, code and modality."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from foedus.cameo import load_cameo
from foedus.coding.grammar import (
    ancestors_with_edges,
    clause_chain,
    np_core,
    object_phrases,
    subject_token,
)
from foedus.lexicon import (
    DEFAULT_TARGET_PREPS,
    WISHING_VERBS,
    Cues,
    Lexicon,
    ObjectClass,
    PredicateEntry,
)

__all__ = ["Draft", "SentenceContext", "Slot", "extract"]

_LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "around", "across", "within",
                       "throughout", "via", "through"})  # fmt: skip
_LIGHT_VERBS = frozenset(
    [
        "make",
        "issue",
        "submit",
        "send",
        "extend",
        "lodge",
        "file",
        "hold",
        "launch",
        "conduct",
        "carry",
        "impose",
        "express",
        "voice",
        "announce",
        "sign",
        "reach",
        "strike",
        "offer",
        "give",
        "deliver",
        "stage",
        "stag",  # spaCy's lemma of "staged"
        "mount",
        "begin",
        "start",
        "open",
        "resume",
        "continue",
        # carrying an act on or through: "completed their withdrawal", "sped up the pullout"
        "complete",
        "finish",
        "accelerate",
        "speed",
        "intensify",
        "escalate",
        "step",
        "expand",
        "undertake",
        "pursue",
        # made again: "renewed an appeal to Belgium" ("repeated" and "reiterated" are also
        # speech verbs: "repeated that Russia was ready to mediate")
        "renew",
    ]
)
_COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06"})
# Appeals, demands and threats: what they ask for has not happened.
_ASKING_ROOTS = frozenset({"02", "10", "13"})
# Events that are by nature joint: "X met Y" is also "Y met X".
_MUTUAL_CODES = frozenset({"019", "040", "041", "044", "046", "057", "0871", "062", "061"})


@dataclass(frozen=True)
class Slot:
    """A resolved actor occupying tokens [start, end) of the sentence."""

    start: int
    end: int
    code: str
    country: str | None
    sectors: tuple[str, ...]
    entity: str | None
    text: str
    kind: str
    via: str = "name"
    name: str = ""
    """A display name: the officeholder's full name where known, else the words."""


@dataclass(frozen=True)
class SentenceContext:
    """What the coder knows about a sentence before looking at its predicates."""

    slots: dict[int, Slot]
    speaker_at: dict[int, Slot]
    question: bool
    according_to: Slot | None = None
    places: dict[int, str] = field(default_factory=dict)
    """Tokens of place names (and of states named as places), with the name."""
    plural: dict[int, tuple[Slot, ...]] = field(default_factory=dict)
    """Tokens of "they"/"them" standing for several actors named before."""
    place_countries: dict[int, str] = field(default_factory=dict)
    """Tokens of places whose state is known, with that state's code."""


@dataclass
class Draft:
    """An event before ids, names and dates are filled in."""

    source: Slot
    target: Slot | None
    code: str
    entry: PredicateEntry
    anchor: Token
    negated: bool = False
    hypothetical: bool = False
    intent: bool = False
    denied: bool = False
    question: bool = False
    reported_by: Slot | None = None
    in_quote: bool = False
    inferred: set[str] = field(default_factory=set)
    classes: tuple[ObjectClass, ...] = ()
    location: str | None = None


# -- actors ---------------------------------------------------------------------------------


def actors_at(head: Token, ctx: SentenceContext, *, locative: bool = False) -> list[Slot]:
    """The actors a noun phrase headed by `head` names: one per conjunct, including
    coordinated modifiers ("Hungarian and Romanian officials" names both states)."""
    found: list[Slot] = []
    for conj in (head, *head.conjuncts):
        if conj.i in ctx.plural:  # "they": the sides of the last joint event
            found += [s for s in ctx.plural[conj.i] if all(s.code != f.code for f in found)]
            continue
        slots = [_np_actor(conj, ctx)]
        for mod in np_core(conj):
            if mod.i != conj.i and mod.conjuncts:
                slots += [ctx.slots.get(m.i) for m in (mod, *mod.conjuncts)]
        noun = slots[0]
        if noun is not None and noun.kind in ("title", "agent") and noun.sectors:
            # "the foreign ministers of Egypt and Jordan": one role per state named
            owners = [x for x in _np_actors_via_of(conj, ctx) if x.country]
            if len(owners) > 1:
                slots = [_with_sectors(x, noun.sectors) for x in owners]
                noun = None
        if noun is not None and noun.sectors:
            # "Thai and Cambodian troops": the noun's sector is each adjective's too
            slots = [_with_sectors(x, noun.sectors) if x and x.kind == "adjective" else x
                     for x in slots]  # fmt: skip
        if all(slot is None for slot in slots) and conj.pos_ in ("NOUN", "PROPN", "NUM"):
            slots = [*_np_actors_via_of(conj, ctx)]
        if all(slot is None or slot.code.startswith("---") for slot in slots):
            # "the main Hutu rebel group, the FDD,": the name in apposition says whose
            named = [ctx.slots[a.i] for a in conj.children
                     if a.dep_ == "appos" and a.i in ctx.slots]  # fmt: skip
            slots = [s for s in named if s.via == "name" and s.country is not None] or slots
        for slot in slots:
            if slot is None or (locative and slot.kind in ("capital", "country", "adjective")):
                continue
            if all(slot.code != f.code for f in found):
                found.append(slot)
    return found


def _with_sectors(slot: Slot, sectors: tuple[str, ...]) -> Slot:
    country = slot.country or slot.code
    return replace(slot, code=country + "".join(sectors), sectors=sectors, kind="agent")


def _state_at(
    tok: Token, ctx: SentenceContext, sectors: tuple[str, ...] = (), via: str = "location"
) -> Slot:
    """The state of the place at `tok`, as an actor: where an act happens, is sent to or
    comes from (with `sectors`, its people: "a teacher from Crimea" is UKRCVL)."""
    country = ctx.place_countries[tok.i]
    return Slot(tok.i, tok.i + 1, country + "".join(sectors), country, sectors, None, tok.text,
                "place", via=via, name=ctx.places.get(tok.i, tok.text))  # fmt: skip


def _np_actor(head: Token, ctx: SentenceContext) -> Slot | None:
    if head.i in ctx.slots:
        return ctx.slots[head.i]
    for tok in sorted(np_core(head), key=lambda t: abs(t.i - head.i)):
        if tok.i in ctx.slots:
            return ctx.slots[tok.i]
    return None


def _np_actors_via_of(head: Token, ctx: SentenceContext) -> list[Slot]:
    """ "Delegations from Russia and Ukraine", "the foreign ministers of Egypt and Jordan":
    a group noun names its states in an of/from phrase."""
    for prep in head.children:
        housing = prep.lower_ == "for" and head.lemma_.lower() in _HOUSING
        if prep.dep_ == "prep" and (prep.lower_ in ("of", "from") or housing):
            # (a camp is of whom it is for: "a camp for Congolese refugees was attacked")
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    found = actors_at(pobj, ctx)
                    if not found and prep.lower_ == "from" and head.pos_ == "NOUN":
                        found = _origin(pobj, ctx)
                    return found
    return []


_HOUSING = frozenset({"camp", "shelter", "settlement"})


def _origin(pobj: Token, ctx: SentenceContext) -> list[Slot]:
    """ "a missionary from Calgary", "refugees from Darfur": people take the state they come
    from, as its civilians."""
    for tok in np_core(pobj):
        if tok.i in ctx.place_countries:
            return [_state_at(tok, ctx, sectors=("CVL",), via="origin")]
    return []


def subjects(p: Token, ctx: SentenceContext, code: str = "") -> list[Slot]:
    if p.pos_ in ("NOUN", "PROPN"):
        return _noun_owner(p, ctx, code)
    if (doer := _participle_head(p)) is not None and (found := actors_at(doer, ctx)):
        return found
    tok = subject_token(p)
    if tok is None and code[:2] in _VIOLENT:
        # "a policeman was killed in an attack on a patrol by Kosovo Albanians"
        tok = _attacker(p)
    if tok is None and code[:2] in _MOVING_FAMILIES:
        # "UN peacekeepers were deployed", "the guerrillas have been demobilized": forces
        # moved by no one named are moved by their own side
        return _armed(next((c for c in p.children if c.dep_ == "nsubjpass"), None), ctx)
    return actors_at(tok, ctx) if tok is not None else []


def _participle_head(p: Token) -> Token | None:
    """The noun an active participle modifies, which does it: "rebels fighting to topple the
    government", "youths resorted to throwing stones" (a past tense the parser hangs on its
    subject). Through infinitives and gerunds that continue the participle's own act."""
    seen = 0
    while p.dep_ in ("xcomp", "pcomp") and seen < 3:
        p = p.head if p.dep_ == "xcomp" else p.head.head
        seen += 1
    if p.dep_ != "acl" or p.head.pos_ not in ("NOUN", "PROPN"):
        return None
    # a past participle hung on a noun that heads the sentence is its misparsed main verb
    head = p.head
    misparsed = head.dep_ == "ROOT" or (  # or a second subject of the reporting verb
        head.dep_ == "nsubj"
        and any(c.dep_ == "nsubj" and c.i != head.i for c in head.head.children)
    )
    if p.tag_ in ("VBG", "VBD") or (p.tag_ == "VBN" and misparsed):
        return head
    return None


def _attacker(p: Token) -> Token | None:
    """Who made the attack an agentless passive of harm happened in: the "by" phrase of its
    "in an attack" complement, also when the parser hangs it on the attack's object."""
    if not any(c.dep_ == "nsubjpass" for c in p.children):
        return None
    for prep in (c for c in p.children if c.dep_ == "prep" and c.lower_ == "in"):
        for noun in (g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "NOUN"):
            for tok in noun.subtree:
                if tok.dep_ == "prep" and tok.lower_ == "by" and tok.i - noun.i <= 8:
                    return next((g for g in tok.children if g.dep_ == "pobj"), None)
    return None


def _armed(tok: Token | None, ctx: SentenceContext) -> list[Slot]:
    """The actors `tok` names if it names armed forces ("NATO troops", "Syrian forces")."""
    if tok is None:
        return []
    found = actors_at(tok, ctx)
    armed = tok.lemma_.lower() in _FORCE_WORDS
    return found if found and (armed or all(set(s.sectors) & _ARMED_SECTORS for s in found)) else []


def _noun_owner(p: Token, ctx: SentenceContext, code: str = "") -> list[Slot]:
    """Who makes a nominal event: "Iran's request", "the Russian offer", "Iran made a plea"."""
    moving = code[:2] in _MOVING_FAMILIES
    for child in p.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i in ctx.slots:
            return actors_at(child, ctx)
        if (
            child.dep_ == "prep"
            and child.lower_ in ("by", "from")
            and not (
                moving and child.lower_ == "from"  # "the withdrawal from Lebanon" is a place left
            )
        ):
            # "accusations by the United States", "a request from Hamas"
            for pobj in child.children:
                if pobj.dep_ == "pobj" and actors_at(pobj, ctx):
                    return actors_at(pobj, ctx)
    if p.dep_ in ("dobj", "attr") and p.head.lemma_ in _LIGHT_VERBS:
        tok = subject_token(p.head)
        return actors_at(tok, ctx) if tok is not None else []
    if moving and (forces := _moved_forces(p, ctx)):
        return forces
    if p.dep_ == "pobj" and _frames_noun(p.head):
        # "troops remained on alert", "negotiators return to Geneva for talks", "forces
        # engaged in ethnic cleansing", "the government is responsible for mass killings"
        holder = p.head.head
        tok = subject_token(holder.head if holder.dep_ == "acomp" else holder)
        return actors_at(tok, ctx) if tok is not None else []
    return []


_MOVING_FAMILIES = frozenset({"07", "08", "15"})
_ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "INS"})
_FORCE_WORDS = frozenset(
    {"troop", "force", "soldier", "peacekeeper", "army", "unit", "contingent", "battalion",
     "fighter", "guerrilla", "militia"}
)  # fmt: skip


def _moved_forces(p: Token, ctx: SentenceContext) -> list[Slot]:
    """ "The deployment of NATO troops", "the withdrawal of Syrian forces": a movement of
    armed forces (deploying peacekeepers, withdrawing, demobilizing, mobilizing) is made by
    the side whose forces move, named in the noun's "of" phrase."""
    for prep in p.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if found := _armed(pobj, ctx):
                return found
    return []


# Prepositions by which a verb (or a predicative adjective) frames a nominal event its subject
# takes part in; "in" only after verbs of taking part ("died in an attack" owns no attack).
_FRAMING_PREPS = frozenset({"on", "for"})
_TAKING_PART = frozenset({"engage", "participate", "involve", "join", "take"})
_RESPONSIBLE = frozenset({"responsible", "guilty", "culpable", "liable"})


def _frames_noun(prep: Token) -> bool:
    head = prep.head
    if prep.dep_ != "prep" or head.i == prep.i:
        return False
    if head.pos_ == "ADJ":
        return head.dep_ == "acomp" and head.lemma_.lower() in _RESPONSIBLE
    if head.pos_ not in ("VERB", "AUX"):
        return False
    return prep.lower_ in _FRAMING_PREPS or (
        prep.lower_ == "in" and head.lemma_.lower() in _TAKING_PART
    )


def targets(
    p: Token, entry: PredicateEntry, ctx: SentenceContext, sources: Sequence[Slot] = ()
) -> list[Slot]:
    """Whom `p` is done to: objects, passive subjects, objects of target prepositions.

    The source's own side is never its target ("Germany recalled its ambassador from
    Russia": not "its", but Russia), so each step looks further until it finds someone else.
    """
    own = {s.code for s in sources}

    def others(slots: list[Slot]) -> list[Slot]:
        return [s for s in slots if s.code not in own]

    found: list[Slot] = []
    visit = entry.code.startswith("042")
    if entry.family == "06" and p.pos_ == "VERB":
        # cooperation is with the state it is done with or for, not with whom it concerns:
        # "extradited a Ukrainian suspect to Germany", "shared intelligence with Ukraine"
        # (also where the parser hangs the phrase inside the object: "a suspect in the
        # sabotage to Germany")
        phrase = [t for c in p.children if c.dep_ == "dobj" for t in c.subtree
                  if not {a.dep_ for a in t.ancestors if a.i > p.i} & _CLAUSES]  # fmt: skip
        for prep in (c for c in [*p.children, *phrase]
                     if c.dep_ == "prep" and c.lower_ in ("to", "with")):  # fmt: skip
            found += others(_prep_objects(prep, ctx))
        if found:
            return found
    for rel in (c for c in p.children if c.dep_ == "dobj" and c.lemma_.lower() in _RELATIONS):
        # "cut diplomatic ties with France": relations are with whom they are with
        for prep in (c for c in rel.children if c.dep_ == "prep" and c.lower_ == "with"):
            found += others(_prep_objects(prep, ctx))
    if found:
        return found
    children = list(p.children)
    if p.pos_ == "NOUN" and p.dep_ == "dobj" and p.head.lemma_ in _LIGHT_VERBS:
        # "submitted petitions to the royal family", "issued a warning to Iraq"
        children += [c for c in p.head.children if c.dep_ in ("prep", "dative")]
    if visit and p.pos_ == "NOUN" and p.dep_ == "pobj" and p.head.head.pos_ == "VERB":
        # "arrived in Amman on a visit": the visit is to where its verb went
        children += [c for c in p.head.head.children if c.dep_ == "prep" and c is not p.head]
    help_for = entry.family in _MATERIAL_HELP and _gives_help(p)
    for child in children:
        if help_for and child.dep_ == "prep" and child.lower_ == "for":
            found += others(_prep_objects(child, ctx))  # "sent food aid for North Korea"
        elif child.dep_ in ("dobj", "dative", "nsubjpass", "iobj") and child.pos_ != "ADP":
            if not _misparsed_reporter(child):
                found += others(actors_at(child, ctx))
        elif child.dep_ in ("prt", "advmod", "prep") and child.lower_ == "up":
            # "kidnapped up to 16 Russian advisers": a number, not a particle and preposition
            for prep in (c for c in child.children if c.dep_ == "prep" and _up_to(c)):
                found += others(_prep_objects(prep, ctx))
        elif child.lower_ == "at" and child.dep_ == "prep" and found and not visit:
            continue  # "supported Ukraine at the United Nations": a venue, once one is named
        elif child.dep_ in ("prep", "dative") and (
            child.lower_ in entry.target_preps or (visit and child.lower_ in ("in", "to"))
        ):
            # "arrived in Moscow" is a visit to Russia; elsewhere "in Moscow" is a place, unless
            # the entry names the preposition itself ("sought refuge in Chad")
            explicit = child.lower_ not in DEFAULT_TARGET_PREPS
            named = others(_prep_objects(child, ctx, locative_ok=visit or explicit))
            if not named and visit:
                # a visit is to the state of the place it goes to: "arrived in Amman"
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                tok = None if pobj is None else _place_in(pobj, ctx.place_countries)
                named = others([_state_at(tok, ctx)]) if tok is not None else []
            found += named
    if not found:
        # "offered military support to Iran", "broker peace between Iran and Israel", "sent
        # food aid for Sudan"
        for child in p.children:
            if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
                continue  # a verb complement's targets are its own (below)
            if child.dep_ in ("dobj", "attr", "xcomp", "nsubjpass"):
                for noun in _part_of(child):
                    for prep in noun.children:
                        if prep.dep_ == "prep" and _recipient_prep(prep, noun, entry):
                            found += others(_prep_objects(prep, ctx))
    if not found:
        for child in p.children:
            if child.dep_ == "xcomp":
                found += [s for s in targets(child, entry, ctx, sources) if s not in found]
    if not found:
        found = others(_implicit_targets(p, entry, ctx))
    if not found:
        found = others(_nested_targets(p, entry, ctx))
    if not found and entry.family == "13":
        found = others(_conditioned(p, ctx))
    if not found and entry.family in ("02", "10") and p.pos_ == "VERB":
        # "demanded that control of the Interior Ministry be taken away from them": what is
        # asked is asked of whom its clause is about, even when that is no act we code
        for clause in (c for c in p.children if c.dep_ == "ccomp"):
            tok = subject_token(clause) or next(
                (c for c in clause.children if c.dep_ == "nsubjpass"), None
            )
            found += others(actors_at(tok, ctx)) if tok is not None else []
    if not found and p.pos_ == "NOUN" and sources:
        found = others(_acted_on(p, ctx))
    if not found and entry.family in _FORCEFUL | _MATERIAL_HELP | {"14"}:
        # "opened fire to disperse the demonstrators", "may send troops to help Russia": an
        # act of force or help is done to whom its purpose names; a protest is against whom
        # its purpose names ("blocked a road to show their anger at Washington's policies")
        for clause in (c for c in p.children if c.dep_ == "advcl"):
            for obj in (c for c in clause.children if c.dep_ == "dobj"):
                found += others(actors_at(obj, ctx))
                if not found and entry.family == "14":
                    found += others(_grievance_of(obj, ctx))
    if not found and entry.family == "14":
        # "threw stones during demonstrations against the occupation"
        for prep in (c for c in p.children if c.dep_ == "prep"):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                if pobj.lemma_.lower() in _PROTEST_NOUNS:
                    found += others(_grievance_of(pobj, ctx))
                elif pobj.lemma_.lower() in _DEFIANCE:
                    # "blocked streets in Hong Kong in defiance of the Chinese authorities"
                    found += others([s for g in _and_of(pobj)[1:] for s in actors_at(g, ctx)])
    if not found and entry.family == "01":
        # "optimistic about the talks with the United States": the other side of the matter
        for prep in (c for c in p.children if c.dep_ == "prep" and c.lower_ in _ABOUT_PREPS):
            for pobj in (n for g in prep.children if g.dep_ == "pobj" for n in _and_of(g)):
                found += others([s for c in pobj.children
                                 if c.dep_ == "prep" and c.lower_ in ("with", "between")
                                 for g in c.children if g.dep_ == "pobj"
                                 for s in actors_at(g, ctx)])  # fmt: skip
    if not found and entry.family == "15":
        # "put its air force on alert after India's threats", "raised the alert level as
        # Chinese warships gathered": a show of force answers whom its occasion names
        for c in p.children:
            if c.dep_ == "prep" and c.lower_ in _OCCASION_PREPS:
                found += others([s for g in c.children if g.dep_ == "pobj"
                                 for s in actors_at(g, ctx)])  # fmt: skip
            elif c.dep_ == "advcl" and _marks(c) & {"as", "after", "when", "because"}:
                tok = subject_token(c)
                found += others(actors_at(tok, ctx)) if tok is not None else []
        for c in (c for c in p.children if c.dep_ == "prep" and not found):
            # "massed troops near the Ukrainian border": a force at a border faces that state
            for g in (g for g in c.children if g.dep_ == "pobj" and g.lemma_ in _BORDERS):
                states = [_state_at(t, ctx) for t in np_core(g) if t.i in ctx.place_countries]
                states += [ctx.slots[t.i] for t in np_core(g)
                           if t.i in ctx.slots and ctx.slots[t.i].country]  # fmt: skip
                found += others(states[:1])
    if not found and (entry.family in _JUDGING or entry.code[:2] in _JUDGING):
        # "investigating alleged war crimes by Russian troops": whoever did the act judged
        for obj in (c for c in p.children if c.dep_ in ("dobj", "nsubjpass")):
            found += others(_doer_of(obj, ctx))
        # "denounced as a crime Serbia's crackdown": the object the parser hangs on "as"
        for prep in (c for c in p.children if c.dep_ == "prep" and c.lower_ == "as"):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                for obj in (a for a in pobj.children if a.dep_ == "appos"):
                    found += others(actors_at(obj, ctx) or _doer_of(obj, ctx))
    if not found and p.pos_ == "VERB" and not any(c.dep_ == "dobj" for c in p.children):
        # "called on Arabs to unite and mobilize against Sharon", "condemned and rejected the
        # sanctions": the last of coordinated verbs carries the arguments they share
        for conj in (c for c in p.children if c.dep_ == "conj" and c.pos_ == "VERB"):
            for c in conj.children:
                if c.dep_ == "dobj":
                    found += others(actors_at(c, ctx))
                elif c.dep_ == "prep" and c.lower_ in entry.target_preps:
                    found += others(_prep_objects(c, ctx))
            break
    if not found and entry.family in _SITED_ROOTS:
        found = others(_destination(p, entry, ctx))
    return found


_MATERIAL_HELP = frozenset({"03", "06", "07"})
# Speech verbs that close a sentence as its attribution: "..., a rights group charged".
_ATTRIBUTING = frozenset({"say", "charge", "claim", "report", "allege", "add", "state", "tell",
                          "announce", "confirm", "insist", "warn", "write"})  # fmt: skip


def _misparsed_reporter(obj: Token) -> bool:
    """Whether an object is the sentence's closing attribution the parser took for a second
    object: "abused Mexican immigrants, a human rights organization charged on Saturday"."""
    comma = obj.left_edge.i > 0 and obj.doc[obj.left_edge.i - 1].text == ","
    return comma and any(c.dep_ == "acl" and c.lemma_.lower() in _ATTRIBUTING
                         for c in obj.children)  # fmt: skip


def _and_of(noun: Token) -> list[Token]:
    """`noun` and what it is of: "the next round [of talks]"."""
    return [noun, *(g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj")]  # fmt: skip


_DEFIANCE = frozenset({"defiance", "contempt"})
_RELATIONS = frozenset({"tie", "ties", "relation", "relations", "relationship", "contact",
                        "contacts", "link", "links"})  # fmt: skip
_BORDERS = frozenset({"border", "frontier", "boundary"})
_OCCASION_PREPS = frozenset({"after", "amid", "following", "over"})
_CLAUSES = frozenset({"acl", "relcl", "advcl", "ccomp", "xcomp"})


# Acts that judge another's act: investigations, accusations and complaints, rejections.
_JUDGING = frozenset({"09", "11", "12"})


def _doer_of(noun: Token, ctx: SentenceContext) -> list[Slot]:
    """Who did the act a noun names: "crimes by Russian troops", "the killing by police"."""
    return [s for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
            for g in c.children if g.dep_ == "pobj" for s in actors_at(g, ctx)]  # fmt: skip


def _up_to(prep: Token) -> bool:
    """ "up to 16 advisers": the object of "to" is counted, and is the verb's object."""
    return (
        prep.i > 0
        and prep.doc[prep.i - 1].lower_ == "up"
        and any(g.dep_ == "pobj" and any(c.dep_ == "nummod" for c in g.children)
                for g in prep.children)
    )  # fmt: skip


# Help named by a noun is for whom its "for" phrase names: "aid for Sudan", "loans for Kyiv".
_HELP_NOUNS = frozenset(
    {"aid", "assistance", "help", "relief", "loan", "grant", "credit", "funding", "fund",
     "money", "food", "supply", "weapon", "arm"}
)  # fmt: skip


def _grievance_of(noun: Token, ctx: SentenceContext) -> list[Slot]:
    """Whom a feeling or protest noun is about: "anger at Washington's policies",
    "disapproval of the government", "opposition to the Chinese authorities"."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in _GRIEVANCE_PREPS | {"for", "to"}:
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                # "against the violations by the Israeli military": whoever did the act
                found = actors_at(pobj, ctx) or [
                    s for c in pobj.children if c.dep_ == "prep" and c.lower_ in ("by", "of")
                    for g in c.children if g.dep_ == "pobj" for s in actors_at(g, ctx)
                ]  # fmt: skip
                if found:
                    return found
    return []


def _part_of(noun: Token) -> list[Token]:
    """`noun` and, for a part or share ("part of a military aid programme for Bosnia",
    "some of the loans"), the whole it is part of."""
    return _and_of(noun) if noun.lemma_.lower() in _PARTS else [noun]


_PARTS = frozenset({"part", "some", "most", "all", "half", "share", "portion", "rest", "much"})


def _recipient_prep(prep: Token, noun: Token, entry: PredicateEntry) -> bool:
    if prep.lower_ in entry.target_preps:
        return True
    helps = noun.lemma_.lower() in _HELP_NOUNS or any(
        c.dep_ == "compound" and c.lemma_.lower() in _HELP_NOUNS for c in noun.children
    )  # "an aid programme for Bosnia", "arms deliveries for Kyiv"
    return prep.lower_ == "for" and (helps or _of_help(noun))


def _of_help(noun: Token) -> bool:
    """ "70 million dollars of aid", "tons of food": a quantity of help."""
    return any(
        g.lemma_.lower() in _HELP_NOUNS
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    )


def _gives_help(p: Token) -> bool:
    return any(
        c.dep_ == "dobj" and (c.lemma_.lower() in _HELP_NOUNS or _of_help(c)) for c in p.children
    )


def _destination(p: Token, entry: PredicateEntry, ctx: SentenceContext) -> list[Slot]:
    """The state of a place a material act is sent to or takes ("offered to send peacekeepers
    to Gaza", "allowed aid lorries into Gaza", "captured the town of Pokrovsk")."""
    heads = [p, *(c for c in p.children if c.dep_ == "xcomp")]
    for head in heads:
        for child in head.children:
            pobjs: list[Token] = []
            if child.dep_ in ("prep", "dative") and child.lower_ in (
                "to",
                "into",
                "toward",
                "towards",
            ):
                pobjs = [g for g in child.children if g.dep_ == "pobj"]
            elif child.dep_ == "dobj" and entry.family in ("17", "19", "20"):
                pobjs = [child]  # a town or region captured, shelled, seized
            for pobj in pobjs:
                tok = _place_in(pobj, ctx.place_countries)
                if tok is not None:
                    return [_state_at(tok, ctx)]
    return []


_FORCEFUL = frozenset({"17", "18", "19", "20"})
# Verbs whose plural subject acts on each other: "Indian and Pakistani troops exchanged fire",
# "Thai and Cambodian forces clashed".
_RECIPROCAL = frozenset({"clash", "exchange", "trade", "skirmish", "spar", "battle", "fight"})


def _acted_on(noun: Token, ctx: SentenceContext) -> list[Slot]:
    """What a nominal act owned by someone else is done to: "its invasion of South Lebanon",
    "Russia's blockade of the port of Odesa" (the place's state when no actor is named)."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                found = actors_at(pobj, ctx)
                tok = None if found else _place_in(pobj, ctx.place_countries)
                if tok is not None:
                    found = [_state_at(tok, ctx)]
                return found
    return []


def _conditioned(p: Token, ctx: SentenceContext) -> list[Slot]:
    """Whom a threat is made to: the one whose act is its condition ("threatened to stop the
    talks if the United States deploys missiles", "will withdraw unless Baghdad accepts")."""
    for tok in (p, *(c for c in p.children if c.dep_ == "xcomp")):
        for clause in tok.children:
            if clause.dep_ == "advcl" and _marks(clause) & _CONDITION_MARKS:
                subject = subject_token(clause)
                if subject is not None and (found := actors_at(subject, ctx)):
                    return found
    return []


# Nouns and phrases through which a predicate names its target one level down: "war against
# Iraq" after "mobilized reservists for", "links with Serbia" after "suspension of".
_NESTED_PREPS = frozenset({"against", "with", "to"})
_NESTING = frozenset({"for", "of", "in", "into", "on"})


def _nested_targets(p: Token, entry: PredicateEntry, ctx: SentenceContext) -> list[Slot]:
    """Targets in a phrase inside the predicate's own phrase: "mobilized reservists for a
    possible war against Iraq", "a suspension of air links with Serbia"."""
    heads = [p, *(c for c in p.children if c.dep_ in ("dobj", "nsubjpass"))]
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in _NESTING:
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for inner in pobj.children:
                    wanted = inner.lower_ in _NESTED_PREPS and inner.lower_ in entry.target_preps
                    wanted = wanted or (inner.lower_ == "for" and pobj.lemma_ in _HELP_NOUNS)
                    if inner.dep_ == "prep" and wanted:
                        found = _prep_objects(inner, ctx)
                        if found:
                            return found
    return []


def _implicit_targets(p: Token, entry: PredicateEntry, ctx: SentenceContext) -> list[Slot]:
    """Targets named less directly: whoever is asked in a demand's clause ("demanded that the
    US cancel"), or whoever owns what is answered ("rejected calls by Belarus", "welcomed
    Reagan's statement", "rejected an offer from Kabul")."""
    found: list[Slot] = []
    children = list(p.children)
    if p.pos_ == "NOUN" and p.dep_ == "dobj":
        # "reiterated its demand today that Israel ease": the clause hangs on the verb
        children += [c for c in p.head.children if c.dep_ == "ccomp"]
    # "insisted on its demands that Burundi grant": the clause of the verb's demand noun
    children += [a for c in p.children if c.dep_ == "prep" for g in c.children
                 if g.dep_ == "pobj" for a in g.children if a.dep_ == "acl"]  # fmt: skip
    for child in children:
        if _content_clause(child) and entry.family in _ASKING_ROOTS:
            tok = subject_token(child)
            if tok is not None:
                found += actors_at(tok, ctx)
        elif child.dep_ in ("dobj", "nsubjpass") and child.pos_ == "NOUN":
            for owner in child.children:
                if owner.dep_ == "poss":
                    found += actors_at(owner, ctx)
                elif owner.dep_ == "prep" and owner.lower_ in ("by", "from"):
                    found += _prep_objects(owner, ctx)
    return found


def _content_clause(child: Token) -> bool:
    """Whether `child` is the clause saying what a verb or noun of asking asks: "demanded
    that the US cancel", "its demand that Israel ease restrictions" (a clause with its own
    subject; the parser attaches it to a noun as `acl`)."""
    if child.dep_ == "ccomp":
        return True
    return (
        child.dep_ == "acl"
        and child.head.pos_ == "NOUN"
        and child.pos_ in ("VERB", "AUX")
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
    )


def _prep_objects(prep: Token, ctx: SentenceContext, locative_ok: bool = False) -> list[Slot]:
    found: list[Slot] = []
    locative = prep.lower_ in _LOCATIVE and not locative_ok
    for pobj in [c for c in prep.children if c.dep_ == "pobj"] or _stranded_object(prep):
        found += actors_at(pobj, ctx, locative=locative)
    return found


def _stranded_object(prep: Token) -> list[Token]:
    """The object of a preposition the parser left empty because a participle follows it and
    took the noun for its subject: "granted asylum to five officers holed up in a residence"."""
    if any(c.dep_ == "pobj" for c in prep.children) or prep.i + 1 >= len(prep.doc):
        return []
    for tok in prep.doc[prep.i + 1 :]:
        # (not "with Oman carrying messages": an absolute clause has its own subject)
        if tok.dep_ == "nsubj" and tok.head.tag_ in ("VBN", "VBD") and tok.head.i > tok.i:
            return [tok] if tok.left_edge.i == prep.i + 1 else []
    return []


# -- code -----------------------------------------------------------------------------------


def _classes(p: Token, lexicon: Lexicon, means: bool = False) -> list[ObjectClass]:
    """Object classes named in what `p` acts on: the direct object's first, and within one
    phrase the longest match first ("air defence cooperation" before "cooperation"). With
    `means`, the subject's phrase last: for violence the subject is often the weapon or the
    way ("suicide bombers killed", "a car bomb killed", "tanks shelled")."""
    phrases = object_phrases(p)
    if any(c.dep_ == "ccomp" for c in p.children) and p.lemma_.lower() in lexicon.cues.speech_verbs:
        # "announced that he will extend the curfew": what is said is not what is announced
        said = {t.i for c in p.children if c.dep_ == "ccomp" for t in c.subtree}
        phrases = [ph for ph in phrases if not ph[1] or ph[1][0].i not in said]
    if means:
        phrases += [(None, list(c.subtree)) for c in p.children if c.dep_ == "nsubj"]
        # the weapon outranks the victim: "a journalist was killed in a car bomb explosion"
        # is a car bombing (1832) before it is a killing of a person
        weapons = [ph for ph in phrases if ph[0] in _MEANS_PREPS]
        phrases = weapons + [ph for ph in phrases if ph[0] not in _MEANS_PREPS]
    return _classes_in(phrases, lexicon)


_MEANS_PREPS = frozenset({"in", "with", "by", "using"})


def _classes_in(
    phrases: Sequence[tuple[str | None, list[Token]]], lexicon: Lexicon
) -> list[ObjectClass]:
    ranked: list[tuple[int, int, int, ObjectClass]] = []
    for rank, (_prep, tokens) in enumerate(phrases):
        seqs = ([t.lower_ for t in tokens], [t.lemma_.lower() for t in tokens])
        for seq in seqs:
            for i in range(len(seq)):
                for n in range(min(lexicon.longest_phrase, len(seq) - i), 0, -1):
                    for order, cls in enumerate(lexicon.phrases.get(tuple(seq[i : i + n]), ())):
                        ranked.append((rank, -n, order, cls))
    found: list[ObjectClass] = []
    for *_, cls in sorted(ranked, key=lambda r: r[:3]):
        if cls not in found:
            found.append(cls)
    return found


_VIOLENT = frozenset({"18", "19", "20"})
_ADVERB_PARTICLES = frozenset({"down", "up", "off", "out", "back", "away", "over"})
_ARGUMENT_PREPS = frozenset(
    {"for", "on", "with", "against", "from", "of", "about", "into", "by", "out"}
)  # "forced the agency out of the country": "out" is the verb's, wherever it stands


def _particles(p: Token) -> set[str]:
    """Particles of a phrasal verb: a `prt` child, a preposition right after the verb ("called
    on Iran"), or an argument preposition after the object ("pushed parliament for a new
    law", "asked Russia for help"). A circumstantial one ("gave a speech in London") is not."""
    return {
        c.lower_
        for c in p.children
        if c.dep_ == "prt"
        or (c.dep_ in ("prep", "agent") and (c.i == p.i + 1 or c.lower_ in _ARGUMENT_PREPS))
        # the parser often takes a particle right after the verb for an adverb: "stepped down"
        or (c.dep_ == "advmod" and c.i == p.i + 1 and c.lower_ in _ADVERB_PARTICLES)
    }


def choose(
    p: Token, entries: tuple[PredicateEntry, ...], lexicon: Lexicon
) -> tuple[PredicateEntry, str, tuple[ObjectClass, ...]] | None:
    """The most specific entry whose conditions hold, and its code refined by the object."""
    violent = p.pos_ == "VERB" and any(e.family in _VIOLENT for e in entries)
    classes = _classes(p, lexicon, means=violent)
    names = {c.name for c in classes}
    xcomps = {c.lemma_ for c in p.children if c.dep_ in ("xcomp", "ccomp", "pcomp")}
    xcomps |= {g.lemma_ for c in p.children if c.dep_ == "prep" for g in c.children
               if g.dep_ == "pcomp"}  # fmt: skip
    particles = _particles(p)
    adjacent = p.nbor(1).lower_ if p.i + 1 < len(p.doc) else ""
    applicable = [
        e
        for e in entries
        if (not e.particle or e.particle in particles)
        and (not e.object or e.object in names)
        and (not e.xcomp or set(e.xcomp) & xcomps)
    ]
    # Entries come most specific first; among equals a particle right after the verb
    # ("spoke by phone with") is stronger evidence than one further on.
    applicable.sort(key=lambda e: (-e.specificity, e.particle != adjacent))
    for entry in applicable[:1]:
        code = entry.code
        if not entry.object:
            for cls in classes:
                refined = cls.code_for(entry.family)
                # a residual code (020, 120, 090...) gives way to any sibling, a specific one
                # only to its own children (a condemnation, 111, never becomes an accusation
                # of aggression, 1123, because its object is an attack)
                if refined and (refined.startswith(code) or code.endswith("0")) and refined != code:
                    code = refined
                    break
        return entry, code, tuple(classes)
    return None


def _predicts(p: Token, ctx: SentenceContext) -> bool:
    """ "Germany warned (that) Russia may attack": a warning with no one warned whose clause
    has another side as subject foretells that side's act; it is not a threat by the warner
    ("Iran warned that it would strike", "Cairo warned that police will act" are)."""
    if p.lemma_.lower() != "warn" or any(c.dep_ in ("dobj", "dative") for c in p.children):
        return False
    warners = {s.country or s.code for s in subjects(p, ctx)}
    for clause in (c for c in p.children if c.dep_ == "ccomp"):
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ == "PRON":
            continue
        sides = {s.country or s.code for s in actors_at(subject, ctx)}
        if warners and sides and not sides & warners:
            return True
    return False


# -- modality -------------------------------------------------------------------------------


def modality(p: Token, lexicon: Lexicon, ctx: SentenceContext) -> dict[str, bool]:
    cues = lexicon.cues
    chain = clause_chain(p)
    flags = {"negated": False, "hypothetical": False, "intent": False, "denied": False}
    for k, tok in enumerate(chain):
        for child in tok.children:
            low = child.lower_
            if child.dep_ == "neg" or (
                child.dep_ in ("advmod", "det", "preconj") and low in cues.negation_words
            ):
                flags["negated"] = True
            if child.dep_ in ("aux", "auxpass") and child.lemma_.lower() in cues.hypothetical_aux:
                if child.lower_ in ("would", "'d") and _reported_past(tok, cues):
                    flags["intent"] = True  # "said it would send": a past "will"
                else:
                    flags["hypothetical"] = True
            if child.dep_ == "aux" and (low in cues.intent_aux or child.lemma_ in cues.intent_aux):
                flags["intent"] = True
            if child.dep_ == "advmod" and low in cues.hypothetical_words:
                flags["hypothetical"] = True
        if k > 0:
            lemma = tok.lemma_.lower()
            flags["negated"] |= lemma in cues.negating_governors
            flags["intent"] |= lemma in cues.intent_governors
            flags["hypothetical"] |= lemma in cues.hypothetical_governors
    _conditions(p, cues.condition_marks, cues.hypothetical_governors, flags)
    for edge, anc in ancestors_with_edges(p):
        if edge in ("ccomp", "xcomp", "pcomp") and anc.lemma_.lower() in cues.denial_verbs:
            flags["denied"] = True
            break
        if edge in ("ccomp", "parataxis"):
            break
    return flags


def _reported_past(tok: Token, cues: Cues) -> bool:
    """Whether `tok`'s clause is reported by a past-tense speech verb and not conditional:
    then "would" is the future seen from the past, not a hypothetical."""
    if any(c.dep_ == "mark" and c.lower_ in cues.condition_marks for c in tok.children):
        return False
    if any(c.dep_ == "advcl" and any(m.lower_ in cues.condition_marks for m in c.children)
           for c in tok.children):  # fmt: skip
        return False
    head = tok.head
    return (
        tok.dep_ == "ccomp"
        and head.tag_ in ("VBD", "VBN")
        and head.lemma_.lower() in cues.speech_verbs | cues.reporting_event_verbs
    )


def _conditions(
    p: Token, marks: frozenset[str], governors: frozenset[str], flags: dict[str, bool]
) -> None:
    for edge, anc in [("self", p), *ancestors_with_edges(p)]:
        node = anc if edge != "self" else p
        if any(c.dep_ == "mark" and c.lower_ in marks for c in node.children):
            flags["hypothetical"] = True
        if edge == "pobj" and anc.lemma_.lower() in governors:
            flags["hypothetical"] = True
        if edge in ("ccomp", "parataxis"):
            return


def reporter(p: Token, lexicon: Lexicon, ctx: SentenceContext) -> tuple[Slot | None, bool]:
    """Who reports this event (speech verb subject, quote speaker, 'according to') and
    whether the event sits inside a quotation."""
    if p.i in ctx.speaker_at:
        return ctx.speaker_at[p.i], True
    reporting = lexicon.cues.speech_verbs | lexicon.cues.reporting_event_verbs
    for edge, anc in ancestors_with_edges(p):
        lemma = anc.lemma_.lower()
        clausal = (
            edge in ("ccomp", "parataxis")
            # "accused Russia of targeting...": an allegation reported by the accuser
            or (edge == "prep" and lemma in lexicon.cues.reporting_event_verbs)
            # "Iran denied supplying drones": the denial is Iran's statement
            or (edge in ("xcomp", "pcomp") and lemma in lexicon.cues.denial_verbs)
        )
        if clausal and anc.lemma_.lower() in reporting:
            tok = subject_token(anc)
            slots = actors_at(tok, ctx) if tok is not None else []
            if slots:
                return slots[0], False
    return ctx.according_to, False


# -- the sentence ---------------------------------------------------------------------------


def predicates(doc: Doc, lexicon: Lexicon) -> list[tuple[Token, tuple[PredicateEntry, ...]]]:
    speech = lexicon.cues.speech_verbs
    found: list[tuple[Token, tuple[PredicateEntry, ...]]] = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") and lemma in lexicon.verbs:
            entries = lexicon.verbs[lemma]
            if lemma in speech:
                # a speech verb is an event only with a telling object: "declared a ceasefire",
                # not "announced that it would impose martial law" (the clause is the event)
                nominal = any(c.dep_ in ("dobj", "nsubjpass", "attr", "prep", "prt")
                              for c in tok.children)  # fmt: skip
                entries = tuple(e for e in entries if (e.object or e.particle) and nominal)
            if entries:
                found.append((tok, entries))
        elif tok.pos_ in ("NOUN", "PROPN") and lemma in lexicon.nouns and tok.dep_ != "compound":
            # a noun modifying another ("border patrol agents", "aid groups") names no event
            found.append((tok, lexicon.nouns[lemma]))
        elif tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "attr") and lemma in lexicon.adjectives:
            # only predicative: "was optimistic about the talks", not "an optimistic tone"
            found.append((tok, lexicon.adjectives[lemma]))
    return found


def extract(doc: Doc, ctx: SentenceContext, lexicon: Lexicon) -> list[Draft]:
    """Draft events of one parsed sentence, deduplicated."""
    drafts: list[Draft] = []
    chosen_at: set[int] = set()
    found = predicates(doc, lexicon)
    predicate_at = {p.i for p, _ in found}
    for p, entries in found:
        if p.pos_ in ("NOUN", "PROPN") and p.i in ctx.slots and ctx.slots[p.i].via == "name":
            continue  # a word of a name: "Asia-Pacific Economic Cooperation" is no cooperation
        if p.pos_ in ("NOUN", "PROPN") and _argument_of(p, chosen_at):
            continue  # "asked for military assistance": the verb has already used the noun
        if _attacked(p, predicate_at):
            continue  # "an attack on a police patrol": the patrol is what is attacked
        if _predicts(p, ctx):
            continue  # "Germany warned Russia may attack": the attack, reported by Germany
        chosen = choose(p, entries, lexicon)
        if chosen is None:
            continue
        chosen_at.add(p.i)
        drafts += _drafts_for(p, *chosen, ctx, lexicon)
    _fill_missing_targets(drafts, ctx, lexicon)
    _agreed_acts(drafts, lexicon)
    drafts = _as_refusals(drafts, lexicon)
    acts = drafts
    drafts = [_as_demand(_as_wish(d, ctx, lexicon), lexicon) for d in acts]
    drafts += _obligations(doc, ctx, lexicon, acts + drafts)
    drafts += _noun_obligations(doc, ctx, lexicon, acts)
    _refine_answers(drafts)
    drafts = [d for d in drafts if not _topic(d.anchor)]
    _refine_protests(drafts, lexicon)
    _home_targets(drafts, ctx)
    cries = [d for d in drafts if "cry" in d.inferred]
    drafts = [d for d in drafts if "cry" not in d.inferred]
    return _drop_offered_talks(
        _drop_shadowed(_dedupe(_drop_contents(_drop_asked_for(drafts, lexicon), cries)))
    )


def _infinitive(p: Token) -> bool:
    return p.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in p.children)


def _agreed_acts(drafts: list[Draft], lexicon: Lexicon) -> None:
    """An agreement to do something is the sides' intent to do it (CAMEO 03): "Kenya and
    Somalia reached an agreement to share intelligence" is each side's intent to share
    intelligence with the other (0314), not a signed agreement (057). What was agreed is
    then content, not an event of its own (`_drop_contents`)."""
    for ag in drafts:
        if ag.code[:3] != "057" or ag.negated or ag.denied:
            continue
        a = ag.anchor
        nouns = {a.i} if a.pos_ == "NOUN" else {c.i for c in a.children if c.dep_ == "dobj"}
        for act in drafts:
            b = act.anchor
            if b.dep_ != "acl" or b.head.i not in nouns or not _infinitive(b) or act.negated:
                continue
            intent = lexicon.intent_code(act.code)
            if intent[:2] == "03":
                ag.code, ag.intent = intent, True
                ag.inferred.add("code")
                break


def _drop_offered_talks(drafts: list[Draft]) -> list[Draft]:
    """ "Qatar offered to host talks between the Taliban and the United States" is Qatar's
    offer to mediate (039); the talks it would host are not yet the sides' own intent."""
    sides: dict[int, set[str | None]] = {}  # each offer's anchor -> the sides it would host
    for d in drafts:
        if d.code[:3] == "039" and d.target is not None:
            sides.setdefault(d.anchor.i, set()).add(d.target.code)

    def offered(d: Draft) -> bool:
        parties = {d.source.code, d.target.code if d.target else None}
        return d.intent and any(a.i in sides and parties <= sides[a.i] for a in d.anchor.ancestors)

    return [d for d in drafts if not offered(d)] if sides else drafts


# Modals of obligation in reported speech: "Russia said Sudan must return the helicopter" is
# Russia's demand (10) of Sudan; "should" is the milder appeal (02).
_DEONTIC = {"must": "10", "should": "02", "ought": "02"}


def _deontic_family(p: Token) -> str | None:
    """The family of the obligation put on `p`'s clause ("must return", "must be ready to
    mediate", "has to hand over"), or None; "must have erred" only supposes."""
    for tok in clause_chain(p):
        aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        for k, child in enumerate(aux):
            epistemic = k + 1 < len(aux) and aux[k + 1].lemma_ == "have"
            if child.lower_ in _DEONTIC and not epistemic:
                return _DEONTIC[child.lower_]
        head = tok.head  # "Libya has to hand over the suspects", "Japan needs to reform"
        if tok.dep_ == "xcomp" and (family := _needing(head, tok)):
            return family
    for xcomp in (c for c in p.children if c.dep_ == "xcomp"):
        if family := _needing(p, xcomp):  # the clause's verb is "has" or "needs" itself
            return family
    return None


# "has to" obliges (a demand, 10); "needs to" urges (an appeal, 02)
_NEEDING = {"have": "10", "need": "02"}


def _needing(verb: Token, xcomp: Token) -> str | None:
    if verb.lemma_ in _NEEDING and any(c.lower_ == "to" for c in xcomp.children):
        return _NEEDING[verb.lemma_]
    return None


_DEMAND_ENTRY = PredicateEntry(("must",), "100", "10", "VERB", confidence=0.55)
_APPEAL_ENTRY = PredicateEntry(("should",), "020", "02", "VERB", confidence=0.5)


def _obligations(
    doc: Doc, ctx: SentenceContext, lexicon: Lexicon, drafts: list[Draft]
) -> list[Draft]:
    """Demands whose act the lexicon does not code ("Russia said Sudan must give back the
    helicopter"): a generic demand (100) or appeal (020) of the speaker to the one obliged."""
    speech = lexicon.cues.speech_verbs
    # an act coded in the clause ("must hand over the suspects"), not one in a relative clause
    anchored = {t.i for d in drafts for t in clause_chain(d.anchor)}
    anchored |= {d.anchor.head.i for d in drafts if d.anchor.dep_ in ("xcomp", "ccomp")}
    out: list[Draft] = []
    for verb in doc:
        if verb.dep_ != "ccomp" or verb.i in anchored:
            continue
        wish = verb.head.lemma_.lower() in WISHING_VERBS and verb.pos_ == "VERB"
        if verb.head.lemma_.lower() not in speech and not wish:
            continue
        family = "02" if wish else _deontic_family(verb)
        tok = subject_token(verb)
        said = subject_token(verb.head)
        if family is None or tok is None or said is None:
            continue
        for src in actors_at(said, ctx):
            for tgt in actors_at(tok, ctx):
                if tgt.code != src.code:
                    entry = _DEMAND_ENTRY if family == "10" else _APPEAL_ENTRY
                    out.append(Draft(src, tgt, entry.code, entry, verb.head, inferred={"demand"}))
    return out


# Nouns that put an obligation on someone, with the family of the ask they make: "stressed
# the obligation of the international community to lift embargoes" (10), "the need for
# Israel to let aid in" (02); and nouns whose that-clause says what someone must do ("issued
# a reminder to Iraq that it must cooperate"), whose family is the clause's modal.
_OBLIGING_NOUNS = {"obligation": "10", "duty": "10", "need": "02", "necessity": "02"}
_REMINDING_NOUNS = frozenset({"reminder", "warning", "message", "notice", "signal"})


def _noun_obligations(
    doc: Doc, ctx: SentenceContext, lexicon: Lexicon, acts: list[Draft]
) -> list[Draft]:
    """Demands and appeals made through a noun the source issues or stresses."""
    out: list[Draft] = []
    for noun in doc:
        lemma = noun.lemma_.lower()
        if noun.dep_ != "dobj" or (lemma not in _OBLIGING_NOUNS and lemma not in _REMINDING_NOUNS):
            continue
        said = subject_token(noun.head)
        sources = actors_at(said, ctx) if said is not None else []
        if not sources:
            continue
        family: str | None = None
        for clause in (c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl", "advcl")):
            if lemma in _OBLIGING_NOUNS and _infinitive(clause):
                family = _OBLIGING_NOUNS[lemma]
            elif lemma in _REMINDING_NOUNS and not _infinitive(clause):
                family = _deontic_family(clause)
            if family is None:
                continue
            act = next((a for a in acts if a.anchor.i == clause.i), None)
            code = _mirrored(family, act.code, lexicon) if act else family + "0"
            owner = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
                     for g in c.children if g.dep_ == "pobj"]  # fmt: skip
            addressee = [g for c in noun.head.children if c.dep_ in ("prep", "dative")
                         and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]  # fmt: skip
            tok = subject_token(clause)
            heads = addressee or owner or ([tok] if tok is not None else [])
            tgts = [t for h in heads for t in actors_at(h, ctx)]
            entry = _DEMAND_ENTRY if family == "10" else _APPEAL_ENTRY
            for src in sources:
                pool: list[Slot | None] = [t for t in tgts if t.code != src.code]
                for tgt in pool or [None]:
                    out.append(Draft(src, tgt, code, entry, noun, inferred={"demand"}))
            break
    return out


def _as_wish(d: Draft, ctx: SentenceContext, lexicon: Lexicon) -> Draft:
    """ "Israel wants Germany to pay compensation" is Israel's appeal to Germany (025): what
    one side wants another to do, mirrored in the appeal family (02); the act has not
    happened."""
    gov = d.anchor.head
    if d.anchor.dep_ not in ("ccomp", "xcomp") or gov.lemma_.lower() not in WISHING_VERBS:
        return d
    tok = subject_token(gov)
    wishers = [w for w in actors_at(tok, ctx) if w.code != d.source.code] if tok else []
    if not wishers:
        return d
    negated = any(c.dep_ == "neg" for c in gov.children)
    return replace(d, source=wishers[0], target=d.source, code=_mirrored("02", d.code, lexicon),
                   anchor=gov, negated=negated, hypothetical=False, intent=False,
                   denied=False, classes=(), inferred=d.inferred | {"appeal"})  # fmt: skip


def _as_demand(d: Draft, lexicon: Lexicon) -> Draft:
    """What one side says another must do is its demand of that side, coded in the demand
    (or appeal) family that mirrors the act asked for: "must return the helicopter" (an act of
    0842 kind) is 1053, "must reach an agreement" 107. The act itself has not happened."""
    speaker = d.reported_by
    family = _deontic_family(d.anchor)
    if speaker is None or family is None or speaker.code == d.source.code:
        return d
    code = _mirrored(family, d.code, lexicon) if not d.negated else family + "0"
    said = next((a for a in d.anchor.ancestors
                 if a.lemma_.lower() in lexicon.cues.speech_verbs), d.anchor)  # fmt: skip
    return replace(d, source=speaker, target=d.source, code=code, anchor=said, reported_by=None,
                   in_quote=False, negated=False, hypothetical=False, intent=False,
                   denied=False, classes=(), inferred=d.inferred | {"demand"})  # fmt: skip


def _mirrored(family: str, code: str, lexicon: Lexicon) -> str:
    """The appeal (02) or demand (10) for the act `code`: asking for a release (0841) is 0253
    or 1053, for talks (04x) 026 or 106; the bare family code when the act has no match."""
    # 02, 03 and 10 share their sub-codes, except that mediation is 039 but 028 and 108; an
    # agreement asked for settles a dispute ("must reach an agreement" is 107, not 100)
    intent = "037" if code[:3] == "057" else lexicon.intent_code(code)
    intent = "038" if intent == "039" else intent
    mirrored = family + intent[2:] if intent[:2] == "03" else family + "0"
    cameo = load_cameo()
    if mirrored not in cameo:
        mirrored = mirrored[:3] if mirrored[:3] in cameo else family + "0"
    return mirrored


# Rejections (12) by the act refused, keyed by the third digit of the act's intent code
# (03x): material cooperation 121, aid 122, political reform 123, yielding 124, meeting 125,
# settlement 127, mediation 126. The fourth digit carries over where CAMEO has it.
_REFUSALS = {"1": "121", "3": "122", "4": "123", "5": "124", "6": "125", "7": "127",
             "8": "126", "9": "126"}  # fmt: skip
_REFUSING = frozenset({"refuse", "decline"})
_FAILING = frozenset({"fail"})


def _as_refusals(drafts: list[Draft], lexicon: Lexicon) -> list[Draft]:
    """ "Pakistan refused to deploy peacekeepers" is Pakistan's rejection (1224), not a
    negated deployment: a cooperative act (03-08) governed by "refuse" or "decline" becomes
    the rejection CAMEO codes for it, anchored on the refusing verb. Where the lexicon already
    codes the refusal itself ("refused to send troops", 1222), that event stands alone."""
    cameo = load_cameo()
    refusals = {(d.anchor.i, d.source.code): d for d in drafts if d.code[:2] == "12"}
    out: list[Draft] = []
    for d in drafts:
        gov = d.anchor.head
        refused = (
            d.anchor.dep_ == "xcomp"
            and not any(c.dep_ == "neg" for c in gov.children)
            and (
                (gov.lemma_.lower() in _REFUSING and "03" <= d.code[:2] <= "08")
                # "failed to reach an agreement": talks that fail are a rejection (CAMEO's
                # verb dictionary codes FAIL 120), an attack that fails is not
                or (gov.lemma_.lower() in _FAILING and d.code[:2] in ("04", "05"))
            )
        )
        if not refused and _will_not(d):
            # "Syria will not accept more refugees": saying so is the refusal (CAMEO's
            # codebook codes it 1223), anchored on the act refused
            gov, refused = d.anchor, True
        if not refused:
            out.append(d)
            continue
        if "mutual" in d.inferred:
            continue  # "refused to meet the king": the king's side of the meeting is no refusal
        if (own := refusals.get((gov.i, d.source.code))) is not None:
            # "refused to deploy in Iraq"; not a co-subject ("Austria and Hungary refused to
            # sign": the signing's sides are no one's target)
            sides = {x.source.code for x in drafts if x.anchor.i == d.anchor.i}
            if own.target is None and d.target is not None and d.target.code not in sides:
                own.target = d.target
                own.inferred.add("target")
            continue
        intent = lexicon.intent_code(d.code)
        base = _REFUSALS.get(intent[2:3], "120") if intent[:2] == "03" else "120"
        code = base + intent[3:4] if len(intent) == 4 and base + intent[3] in cameo else base
        refusal = replace(d, code=code, anchor=gov, negated=False, intent=False,
                          hypothetical=False, inferred=d.inferred | {"refusal"})  # fmt: skip
        out.append(refusal)
        refusals[gov.i, d.source.code] = refusal
    return out


_FUTURE = frozenset({"will", "would", "wo", "shall", "'ll"})


def _will_not(d: Draft) -> bool:
    """A cooperative act the source says it will not do ("will not accept", "would not meet
    their demands"): not a denial, a question or a mere plan ("has no plans to")."""
    if not (d.negated and d.intent) or d.denied or d.question or d.code[:2] != "03":
        return False
    kids = list(d.anchor.children)
    return any(c.dep_ == "neg" for c in kids) and any(
        c.dep_ == "aux" and c.lower_ in _FUTURE for c in kids
    )


def _topic(p: Token) -> bool:
    """An action named as the subject matter of talks or statements ("held talks on
    restoring relations", "spoke about sending troops") is a topic, not an event."""
    return p.dep_ == "pcomp" and p.head.lower_ in ("on", "about", "over", "regarding")


def _drop_asked_for(drafts: list[Draft], lexicon: Lexicon) -> list[Draft]:
    """What an appeal, demand or threat asks for has not happened: "urged Iran to resume
    talks" is one appeal (026), not also talks; "threatened to strike" one threat. What a
    warning predicts of a third party stays an event of its own ("Germany warned that Russia
    may attack": a hypothetical attack, reported by Germany). An appeal, demand or threat the
    lexicon codes only by its family takes its sub-code from what it asks for ("its demand
    that Israel ease restrictions" is 1051, "threatened to resume attacks" 1383)."""
    asking = [d for d in drafts if d.code[:2] in _ASKING_ROOTS]

    def asked_for(d: Draft) -> bool:
        chain = {t.i for t in clause_chain(d.anchor)[1:]}
        if d.anchor.dep_ == "conj" and d.anchor.pos_ == "VERB":  # "urged them to unite and
            chain |= {t.i for t in clause_chain(d.anchor.head)[1:]}  # mobilize against X"
        if _content_clause(d.anchor):
            chain.add(d.anchor.head.i)
            noun = d.anchor.head  # "insisted on its demands that Burundi grant more rights"
            if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
                chain.add(noun.head.head.i)
        if d.anchor.dep_ == "pobj" and d.anchor.head.dep_ == "prep":
            # "made an appeal to the UN for aid": what the light verb's object asks for
            verb = d.anchor.head.head
            if verb.lemma_ in _LIGHT_VERBS:
                chain |= {c.i for c in verb.children if c.dep_ == "dobj"}
        if d.anchor.dep_ == "ccomp":  # "reiterated its demand today that Israel ease"
            chain |= {c.i for c in d.anchor.head.children if c.dep_ == "dobj"}
        if d.anchor.dep_ in ("advcl", "xcomp") and d.anchor.head.lemma_ in _LIGHT_VERBS:
            # "renewed an appeal to Belgium to extradite him": the light verb's appeal asks it
            chain |= {c.i for c in d.anchor.head.children if c.dep_ == "dobj"}
        for a in asking:
            parties = {a.source.code, a.target.code if a.target else None}
            if a is not d and a.anchor.i in chain and d.source.code in parties:
                _refine_ask(a, d, lexicon)
                return True
        return False

    return [d for d in drafts if not asked_for(d)]


# Acts that, asked of others toward a third party, rally them: support (053), opposition (113).
_RALLIED = {"051": "053", "053": "053", "113": "113"}


def _refine_ask(ask: Draft, act: Draft, lexicon: Lexicon) -> None:
    rally = _RALLIED.get(act.code[:3])
    # (the addressee may itself have come from the act: "called on Arabs to mobilize against
    # Israel" names no state asked, so the ask's target is already the act's)
    third = act.target is not None and act.target.code != ask.source.code
    if rally and third and ask.code[:2] in ("02", "10") and not act.negated:
        # "urged the EU to support the PLO", "called on Arabs to unite against Israel": the
        # source rallies others for or against the third party, who is its target
        ask.code, ask.target = rally, act.target
        ask.inferred |= {"code", "target"}
        return
    if ask.code not in ("020", "100", "130") or "code" in ask.inferred or act.negated:
        return
    family = ask.code[:2]
    code = lexicon.threat_code(act.code) if family == "13" else _mirrored(family, act.code, lexicon)
    if code and code != ask.code:
        ask.code = code
        ask.inferred.add("code")


# Protests (141-145) take the fourth digit of the political reform they demand (1041-1044,
# or the appeal 0241-0244): leadership change 1, policy change 2, rights 3, institutions 4.
_PROTESTS = frozenset({"141", "142", "143", "144", "145"})
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
_REFORM_DEMANDS = frozenset({"104", "024"})


def _refine_protests(drafts: list[Draft], lexicon: Lexicon) -> None:
    """ "Students staged demonstrations to demand political reforms" is a demonstration for
    policy change (1412); "blocked roads demanding that he be reinstated", for a change of
    leadership (1441). The demand is the protest's purpose or its accompanying cry, and whom
    it is made of is whom the protest is against. A protest by a state's people against no
    one named is against their own state (CAMEO's domestic protest)."""
    for d in drafts:
        if d.code[:2] != "14":
            continue
        near = {d.anchor.i, d.anchor.head.i, *(c.i for c in d.anchor.children)}
        inside = {t.i for t in d.anchor.subtree}
        for other in drafts:
            a = other.anchor
            # "rioted, joining demonstrators in demanding independence from Indonesia": the
            # protesters' own demand anywhere under the protest is its cry
            cry = other.code[:2] in ("02", "10") and other.source.code == d.source.code
            if other is d or not (
                (a.dep_ in ("advcl", "xcomp", "acl", "conj") and a.head.i in near)
                or (cry and a.i in inside)
            ):
                continue
            placed = d.target is None or d.target.via in ("location", "home")
            named = other.target is not None and other.target.via not in ("location", "home")
            if other.target is not None and (d.target is None or (placed and named)):
                d.target = other.target  # whom the demand is made of, not where it is made
                d.inferred.add("target")
            if d.code in _PROTESTS and other.code[:3] in _REFORM_DEMANDS and len(other.code) == 4:
                d.code = d.code + other.code[3]
                d.inferred.add("code")
            if other.code[:2] in ("02", "10") and other.source.code == d.source.code:
                other.inferred.add("cry")  # the protest's cry, part of the protest
        if d.code in _PROTESTS:
            d.code = _cause_code(d, lexicon) or d.code
        if d.target is None and d.source.country and not set(d.source.sectors) & _STATE_SECTORS:
            country = d.source.country
            d.target = replace(d.source, code=country, sectors=(), entity=None, kind="country",
                               via="home")  # fmt: skip
            d.inferred.add("target")


# Acts a state's institutions or people do at home: investigating, refusing reform, easing
# restrictions or dissent, threatening, protesting, repressing and fighting. Armies and
# spies often act abroad. Stepping down (0831) is no act toward anyone.
_HOME_DEFAULT_ROOTS = frozenset({"09", "13", "14", "15", "17", "18", "19", "20"})
_HOME_DEFAULT_CODES = frozenset({"123", "124", "081", "082"})
_ABROAD_SECTORS = frozenset({"MIL", "SPY"})
_FORCE_ABROAD = frozenset({"15", "18", "19", "20"})


_CAUSE_PREPS = frozenset({"against", "over", "for", "at", "of", "about"})


def _cause_code(d: Draft, lexicon: Lexicon) -> str | None:
    """A protest's sub-code from the reform its purpose or grievance names (CAMEO's fourth
    digit: leadership 1, policy 2, rights 3, institutions 4): "staged demonstrations to
    demand political freedoms" is 1413, "riots against military policies" 1452, "blocked
    roads demanding that he be reinstated" 1441."""
    a = d.anchor
    heads = [a, a.head] if a.dep_ in ("dobj", "pobj") else [a]
    # "blocked roads in Algiers demanding that he be reinstated": the cry may hang lower
    heads += [g for c in a.children if c.dep_ in ("dobj", "prep")
              for g in (c, *c.children) if g.pos_ in ("NOUN", "PROPN")]  # fmt: skip
    phrases: list[tuple[str | None, list[Token]]] = []
    for head in heads:
        for c in head.children:
            if c.dep_ in ("advcl", "xcomp", "acl", "relcl") and c.i != a.i:
                phrases.append((None, list(c.subtree)))
            elif c.dep_ == "prep" and c.lower_ in _CAUSE_PREPS | {"in"}:
                phrases.append((c.lower_, list(c.subtree)))
    for cls in _classes_in(phrases, lexicon):
        digit = (cls.code_for("14") or "")[3:]
        if digit and d.code + digit in load_cameo():
            return d.code + digit
    return None


def _home_targets(drafts: list[Draft], ctx: SentenceContext) -> None:
    """CAMEO's domestic convention: what a state's police, courts, government, opposition,
    rebels or people do with no one named, in a sentence that names no other state, is done
    to their own state ("Egyptian police arrested 12" is EGYCOP -> EGY; "the vice-president
    declined to resign" KENGOV -> KEN). A state named on its own ("Iraq fired missiles") or
    its army is never assumed to act at home, nor a government's use of force."""
    states = {s.country for s in ctx.slots.values() if s.country}
    states |= set(ctx.place_countries.values())
    for d in drafts:
        src = d.source
        domestic = d.code[:2] in _HOME_DEFAULT_ROOTS or d.code[:3] in _HOME_DEFAULT_CODES
        if d.target is not None or not domestic or src.country is None or not src.sectors:
            continue
        reporter = d.reported_by.country if d.reported_by else None  # "..., Thai police said"
        if set(src.sectors) & _ABROAD_SECTORS or states - {src.country, reporter}:
            continue
        if "GOV" in src.sectors and d.code[:2] in _FORCE_ABROAD:
            continue  # "Pyongyang fired a missile": a government's force may be aimed abroad
        d.target = replace(src, code=src.country, sectors=(), entity=None, kind="country",
                           via="home")  # fmt: skip
        d.inferred.add("target")


def _drop_contents(drafts: list[Draft], cries: Sequence[Draft] = ()) -> list[Draft]:
    """Acts that are only the purpose or the content of another coded act have not happened:
    "began a hunger strike to demand reforms" is the strike (the demand is its purpose),
    "rejected a US offer to host a summit" and "rejected an invitation to attend" are the
    rejection (what was offered is not an event of its own)."""
    if not drafts:
        return drafts
    anchors = {d.anchor.i for d in drafts}
    asking = {d.anchor.i for d in drafts if d.code[:2] in _ASKING_ROOTS}
    asking |= {c.i for d in drafts if d.code[:2] in _ASKING_ROOTS
               for c in d.anchor.children if c.dep_ == "xcomp"}  # fmt: skip
    doc = drafts[0].anchor.doc
    conditions = {  # the if/unless clauses of threats, demands and appeals
        c.i for i in asking for c in doc[i].children
        if c.dep_ == "advcl" and _marks(c) & _CONDITION_MARKS
    }  # fmt: skip
    grieving = {d.anchor.i for d in drafts if d.code[:2] in ("11", "14")}
    punishing = {d.anchor.i for d in drafts if d.code[:2] in ("16", "17")}
    punishing |= {c.i for i in punishing for c in doc[i].children if c.dep_ == "dobj"}
    grieving |= {t.i for t in doc if t.lemma_.lower() in _PROTEST_NOUNS}  # "in protest at"
    coded_near = anchors | {
        c.i for d in drafts for c in d.anchor.children if c.dep_ in ("dobj", "nsubjpass", "attr")
    }
    arguments = coded_near | {
        g.i for d in drafts for c in d.anchor.children if c.dep_ == "prep"
        for g in c.children if g.dep_ == "pobj"
    }  # fmt: skip

    # what the nouns a coded act takes are of: "the release [of hostages]"
    described = arguments | {
        g.i for i in arguments for c in doc[i].children if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children if g.dep_ == "pobj"
    }  # fmt: skip

    asked_inside = _asked_inside([*drafts, *cries])

    def content(d: Draft) -> bool:
        a = d.anchor
        if a.i in asked_inside:
            return True
        if (
            a.lemma_ == "use"
            and a.dep_ == "acl"
            and a.head.dep_ == "nsubj"
            and a.head.head.i in anchors
        ):
            return True  # the means of an act: "aircraft using guided missiles killed four"
        if any(t.lemma_.lower() in _AIMING and t.dep_ in ("acl", "relcl") for t in a.ancestors):
            return True  # what a thing is for: "a resolution that aims to tighten sanctions"
        if a.dep_ == "acl" and _infinitive(a) and a.head.lemma_.lower() in _EFFORTS:
            # an adjunct's efforts: "halted aid in line with Western efforts to end the war"
            return a.head.dep_ == "pobj"
        infinitive = a.tag_ == "VB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in a.children
        )
        main = a.head
        if (
            a.dep_ == "advcl"
            and infinitive
            and (
                main.i in coded_near or any(c.i in coded_near for c in main.children if c.i != a.i)
            )
        ):
            return True  # a purpose of an act coded in the main clause
        if a.dep_ == "acl" and infinitive and a.head.i in arguments:
            return True  # what a coded offer, demand or invitation is for
        if a.dep_ == "acl" and a.tag_ == "VBN" and a.head.i in described:
            return True  # what a coded act is about: "the return of property seized in 1979"
        if any(t.i in conditions for t in (a, *a.ancestors)):
            return True  # a threat's or demand's condition: "...unless Baghdad accepts"
        if a.pos_ == "NOUN" and a.dep_ == "pobj" and a.head.head.i in punishing:
            # what a sanction or arrest is for: "sanctions for its support of al-Qaeda"
            return a.head.lower_ in _PUNISHED_FOR
        if a.pos_ == "NOUN" and a.dep_ == "pobj" and a.head.lower_ in _GRIEVANCE_PREPS:
            # what a protest or complaint is against: "protests over the arrests"
            return a.head.head.i in grieving
        owner = a.head.head  # "a proposal for signing", not "accused Russia of shelling"
        return a.dep_ == "pcomp" and owner.pos_ == "NOUN" and owner.i in arguments

    sent_to = _investigations_sent(drafts)
    kept = [d for d in drafts if d.anchor.i not in sent_to and (d in sent_to.get(-1, ()) or
                                                                not content(d))]  # fmt: skip
    for act in (d for d in drafts if d not in kept):
        # "rejected a call for its forces to be deployed in East Timor": a rejection with no
        # one named is of the act refused, done to whom that act is done
        done_to = act.target
        for refusal in kept:
            if (
                done_to is not None
                and refusal.code[:2] == "12"
                and refusal.target is None
                and refusal.anchor.i in {t.i for t in act.anchor.ancestors}
                and done_to.code != refusal.source.code
            ):
                refusal.target = done_to
                refusal.inferred.add("target")
    for held in (d for d in drafts if d not in kept and d.anchor.dep_ == "acl"):
        # "demanded the release of hostages held by Hamas": the holder is the one asked
        for ask in kept:
            if (
                ask.code[:2] in ("02", "10")
                and ask.target is None
                and ask.anchor.i in {t.i for t in held.anchor.ancestors}
            ):
                ask.target = held.source
                ask.inferred.add("target")
    return kept


def _asked_inside(drafts: list[Draft]) -> set[int]:
    """Tokens inside what an appeal or demand asks for or a rejection refuses, less the asks
    themselves: "demanded that the US cancel plans to sell weapons to Taiwan", "demanded an
    admission that its forces murdered officers", "refused to let UN planes land and evacuate
    observers". What is asked for or refused has not happened, nor what it mentions; a
    protest's cry ("to demand the return of property seized in the 1970s") counts too."""
    asks = [d for d in drafts if d.code[:2] in ("02", "10", "12")]
    ask_anchors = {d.anchor.i for d in asks}
    inside: set[int] = set()
    for d in asks:
        clauses: list[Token] = []
        for c in d.anchor.children:
            if c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "acl" and d.anchor.pos_ == "NOUN"):
                clauses.append(c)
            elif c.dep_ == "dobj":
                clauses += [g for g in c.subtree if g.dep_ in ("acl", "relcl")]
        tokens = {t.i for clause in clauses for t in clause.subtree}
        # another ask inside what is asked for stands; one inside what is refused was made
        # before and is the refusal's topic ("refused to respond to a demand from the US")
        inside |= tokens if d.code[:2] == "12" else tokens - ask_anchors
    return inside - {d.anchor.i for d in asks if d.code[:2] == "12"}


_SENDING = frozenset({"send", "dispatch", "despatch", "deploy", "fly"})
# Verbs by which a plan, resolution or meeting says what it is for.
_AIMING = frozenset({"aim", "seek", "intend", "design", "mean"})
_EFFORTS = frozenset({"effort", "bid", "drive", "campaign", "push", "quest"})


def _investigations_sent(drafts: list[Draft]) -> dict[int, list[Draft]]:
    """ "The UN sent experts to Sudan to investigate the massacre": the investigation is the
    event (CAMEO 09), done to the state the experts go to; the sending is its means. Returns
    the sending verbs' tokens (as keys) and, under -1, the investigations kept."""
    out: dict[int, list[Draft]] = {}
    for d in drafts:
        a, verb = d.anchor, d.anchor.head
        if d.code[:2] != "09" or a.dep_ not in ("advcl", "xcomp") or not _infinitive(a):
            continue
        if verb.lemma_.lower() not in _SENDING:
            continue
        senders = [s for s in drafts if s.anchor.i == verb.i]
        if d.target is None:
            d.target = next((s.target for s in senders if s.target is not None), None)
            if d.target is not None:
                d.inferred.add("target")
        out[verb.i] = senders
        out.setdefault(-1, []).append(d)
    return out


def _sent_destination(verb: Token, ctx: SentenceContext) -> list[Slot]:
    """The state a sending verb's "to" phrase names: "sent experts to Sudan"."""
    found: list[Slot] = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"):
        found += _prep_objects(prep, ctx, locative_ok=True)
        for pobj in (g for g in prep.children if g.dep_ == "pobj" and not found):
            tok = _place_in(pobj, ctx.place_countries)
            found += [_state_at(tok, ctx)] if tok is not None else []
    return found


_CONDITION_MARKS = frozenset({"if", "unless", "until"})
_PUNISHED_FOR = frozenset({"for", "over"})
_GRIEVANCE_PREPS = frozenset({"against", "over", "at", "of", "about"})
_PROTEST_NOUNS = frozenset({"protest", "demonstration", "rally", "march", "riot", "strike",
                            "boycott", "sit-in", "complaint", "outcry"})  # fmt: skip


def _marks(clause: Token) -> set[str]:
    return {c.lower_ for c in clause.children if c.dep_ == "mark"}


def _attacked(noun: Token, predicates: set[int]) -> bool:
    prep = noun.head
    return (
        noun.pos_ == "NOUN"
        and noun.dep_ == "pobj"
        and prep.lower_ in ("on", "against")
        and prep.head.i in predicates
        and prep.head.pos_ == "NOUN"
    )


def _argument_of(noun: Token, predicates: set[int]) -> bool:
    head = noun.head
    if head.dep_ == "prep" and head.head.i != head.i:
        head = head.head
    return head.i in predicates and head.i != noun.i


def _drop_shadowed(drafts: list[Draft]) -> list[Draft]:
    """A target-less draft next to a draft of the same source that has a target and is
    linked to it in the parse ("willingness to broker peace between A and B") says less."""
    kept = []
    for d in drafts:
        chain = {t.i for t in clause_chain(d.anchor)}  # "agreed to undertake joint exercises"
        shadowed = d.target is None and any(
            o.target is not None
            and o.source.code == d.source.code
            and (o.anchor.head.i == d.anchor.i or o.anchor.i in chain)
            for o in drafts
        )
        if not shadowed:
            kept.append(d)
    return kept


def _drafts_for(
    p: Token,
    entry: PredicateEntry,
    code: str,
    classes: tuple[ObjectClass, ...],
    ctx: SentenceContext,
    lexicon: Lexicon,
) -> list[Draft]:
    sources = subjects(p, ctx, code)
    if code.startswith("042") and p.lemma_ in _ARRIVALS:
        sources = [s for s in sources if _visitor(s)]
    tgts = targets(p, entry, ctx, sources)
    if code[:2] == "11" and tgts and all(set(t.sectors) & _INTERNATIONAL for t in tgts):
        tgts = _complained_of(p, ctx, sources) or tgts
    if not sources and len(tgts) > 1 and _joint(code):
        # "the treaty signed between Russia and Iran": each party acts toward the other
        sources, tgts = tgts, []
    if not sources and code[:2] in _UNATTRIBUTED_ROOTS:
        sources = _site_source(p, ctx, tgts)
    if not sources and code[:2] == "14":
        sources = _protesters_at(p, ctx)
    if not sources:
        return []
    if not tgts and code[:2] == "09" and _infinitive(p) and p.head.lemma_.lower() in _SENDING:
        tgts = [
            t for t in _sent_destination(p.head, ctx) if t.code not in {s.code for s in sources}
        ]
    code = _agreeing(p, code)
    if _exercised_together(code, classes, sources, tgts):
        code = "062"  # "Greek and Turkish warships began naval exercises": cooperation
    if not tgts and (where := _site_target(p, code, ctx, sources)) is not None:
        tgts = [where]
    flags = modality(p, lexicon, ctx)
    if ctx.question and any(t.dep_ == "ROOT" for t in clause_chain(p)):
        flags["hypothetical"] = True
    speaker, in_quote = reporter(p, lexicon, ctx)
    if code[:2] == "01" and speaker is not None and not in_quote:
        speaker = None  # "X said it was optimistic": the saying is the event itself
    if code[:2] in _VIOLENT and code.endswith("0") and (means := _means_code(p, lexicon)):
        code = means  # a plain attack or killing takes its means; an assassination stays 186
    if _brokers(code, sources, tgts, p):
        # "hosted talks between Kabul and the Taliban": a go-between mediates
        code = "039" if code[:2] == "03" else "045"
    if flags["intent"]:
        code = lexicon.intent_code(code)
    # CAMEO 03 is "express intent to": an offer or promise is an intention, not yet an act.
    flags["intent"] = flags["intent"] or code.startswith("03")
    out: list[Draft] = []
    mutual = not tgts and len(sources) > 1 and (_joint(code) or p.lemma_ in _RECIPROCAL)
    for src in sources:
        pool: list[Slot | None] = [s for s in sources if s.code != src.code] if mutual else [*tgts]
        for tgt in pool or [None]:
            if tgt is not None and tgt.code == src.code and tgt.via != "location":
                continue  # the state at home is its own target only as the place acted on
            draft = Draft(src, tgt, code, entry, p, question=ctx.question, reported_by=speaker,
                          in_quote=in_quote, classes=classes,
                          location=_location(p, ctx))  # fmt: skip
            draft.negated, draft.hypothetical = flags["negated"], flags["hypothetical"]
            draft.intent, draft.denied = flags["intent"], flags["denied"]
            out.append(_as_threat(draft, lexicon))
            if tgt is not None and not mutual and _reciprocal(p, code):
                out.append(replace(draft, source=tgt, target=src, inferred={"mutual"}))
    return out


_AGREEING = frozenset({"agree", "concur"})


def _agreeing(p: Token, code: str) -> str:
    """Agreeing to do something is an intent (030 when the act is not coded: "agreed to set up
    a research centre"); agreeing that something is so expresses accord (019), whatever the
    clause mentions ("agreed that a settlement was urgently needed")."""
    if p.lemma_.lower() not in _AGREEING:
        return code
    deps = {c.dep_ for c in p.children}
    if code == "019" and any(c.dep_ == "xcomp" and _infinitive(c) for c in p.children):
        return "030"
    if code[:2] == "03" and "ccomp" in deps and not deps & {"xcomp", "dobj", "prep"}:
        return "019"
    return code


def _exercised_together(
    code: str, classes: tuple[ObjectClass, ...], sources: Sequence[Slot], tgts: Sequence[Slot]
) -> bool:
    """Whether a show of force is an exercise held by two states together, which CAMEO codes
    as military cooperation (062): two subjects' forces ("French and Egyptian warships began
    exercises"), or one state's with a partner ("held drills with Belarus")."""
    if code[:2] != "15" or not any(c.name == "EXERCISES" for c in classes):
        return False
    sides = {s.country for s in sources if s.country}
    partners = {t.country for t in tgts if t.country and t.via != "location"}
    return len(sides) > 1 or bool(sides and partners - sides)


# Verbs of coming somewhere that are a visit only when officials or delegations come.
_ARRIVALS = frozenset({"arrive"})


def _visitor(slot: Slot) -> bool:
    """Who makes a visit by arriving: a person or office holder, a government, its
    diplomats or an organization's delegation; not troops, refugees or crowds."""
    return (
        slot.kind in ("person", "title", "pronoun")
        or bool(set(slot.sectors) & {"GOV", "DIP", "LEG"})
        or (slot.kind == "organization" and not slot.sectors)
    )


def _complained_of(p: Token, ctx: SentenceContext, sources: Sequence[Slot]) -> list[Slot]:
    """ "Lebanon complained to the UN over Israeli air raids": a complaint brought before an
    international body is against whom it is about, the body being only its venue."""
    own = {s.country or s.code for s in sources}
    heads = [p, *(c for c in p.children if c.dep_ == "dobj")]  # "filed a case against X"
    for prep in (c for h in heads for c in h.children
                 if c.dep_ == "prep" and c.lower_ in _ABOUT_PREPS):  # fmt: skip
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            found = [a for a in actors_at(pobj, ctx) if (a.country or a.code) not in own]
            if found:
                return found
    return []


_ABOUT_PREPS = frozenset({"over", "about", "against", "regarding"})


def _brokers(code: str, sources: Sequence[Slot], tgts: Sequence[Slot], p: Token) -> bool:
    """Whether a meeting's source hosts or holds talks *between* two others, which CAMEO
    codes as mediation (045): the source is neither side."""
    if code[:2] not in ("04", "03") or code[:3] in ("045", "039") or len(tgts) < 2:
        return False
    if code[:2] == "03" and code[:3] != "036":
        return False
    own = {s.country or s.code for s in sources}
    if own & {t.country or t.code for t in tgts}:
        return False
    heads = [p, *(c for c in p.children if c.dep_ in ("dobj", "xcomp"))]
    heads += [g for h in heads[1:] for g in h.children if g.dep_ == "dobj"]
    return any(c.dep_ == "prep" and c.lower_ == "between" for h in heads for c in h.children)


def _as_threat(d: Draft, lexicon: Lexicon) -> Draft:
    """A conflictual act its own source says it will, would or is ready to do is that
    source's threat (13x): "Iraq announced it is prepared to impose martial law" is 1324. A
    promise not to act, a denial, or another's prediction stays as it is."""
    plan = _plan_of(d.anchor)
    if plan in _POSTURE and d.code[:2] in _VIOLENT and not (d.negated or d.denied):
        # "the army prepared to resume shelling": readiness to fight is a military posture
        # (150), not a statement; what it is ready for has not happened
        return replace(d, code="150", intent=False, hypothetical=False,
                       inferred=d.inferred | {"posture"})  # fmt: skip
    speaker = d.reported_by
    own = speaker is not None and (speaker.code == d.source.code or (
        speaker.country is not None and speaker.country == d.source.country))  # fmt: skip
    own = own or plan is not None
    threat = lexicon.threat_code(d.code)
    if not (d.intent or d.hypothetical) or d.negated or d.denied or not own or threat is None:
        return d
    return replace(d, code=threat, intent=False, hypothetical=False, reported_by=None,
                   inferred=d.inferred | {"threat"})  # fmt: skip


# Governors by which a source announces its own harmful act: "plans to impose restrictions",
# "is prepared to use force", "vowed to retaliate".
_PLANNING = frozenset({"plan", "intend", "prepare", "prepared", "ready", "poised", "vow",
                       "swear", "pledge", "promise", "determined", "resolve"})  # fmt: skip


# Of those, the ones that describe forces made ready rather than a plan announced.
_POSTURE = frozenset({"prepare", "prepared", "ready", "poised"})


def _plan_of(p: Token) -> str | None:
    """The planning word whose complement `p` is, done by its own subject ("Greece plans to
    impose restrictions", "the army is ready to resume shelling"), not another's prediction;
    None when there is none."""
    for tok in clause_chain(p)[1:]:
        if tok.lemma_.lower() in _PLANNING:
            return tok.lemma_.lower()
        if tok.dep_ not in ("xcomp", "acomp") and tok.pos_ != "AUX":
            return None
    return None


def _means_code(p: Token, lexicon: Lexicon) -> str | None:
    """The code of the violent act a verb of harm names as its means: "a roadside bombing
    killed a soldier" and "wounded two soldiers in a bomb attack" are bombings (183x), not
    plain attacks (190)."""
    if p.pos_ != "VERB":
        return None
    nouns = [c for c in p.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    nouns += [g for c in p.children if c.dep_ in ("prep", "agent") and c.lower_ in _MEANS_PREPS
              for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]  # fmt: skip
    for noun in nouns:
        entries = lexicon.nouns.get(noun.lemma_.lower())
        chosen = choose(noun, entries, lexicon) if entries else None
        code = chosen[1] if chosen is not None else ""
        if code[:2] in _VIOLENT and (len(code) == 4 or not code.endswith("0")):
            return code  # a specific act, not the residual 180/190/200
    # "killed by an improvised explosive device": a weapon named by the phrase, not a noun
    # of the lexicon
    weapons = [(None, list(n.subtree)) for n in nouns]
    for cls in _classes_in(weapons, lexicon):
        for family in ("18", "19"):
            code = cls.code_for(family) or ""
            if code[:2] in _VIOLENT and not code.endswith("0"):
                return code
    return None


def _location(p: Token, ctx: SentenceContext) -> str | None:
    """Where the event happened: a place after a locative preposition on the predicate or
    its object ("met in Geneva", "struck targets in southern Lebanon")."""
    tok = _site(p, ctx.places)
    return ctx.places[tok.i] if tok is not None else None


def _site(p: Token, places: dict[int, str]) -> Token | None:
    """The place token after a locative preposition on the predicate, its object, or the
    object of its other prepositions ("sent troops to a force in Liberia")."""
    heads = [p, *(c for c in p.children if c.dep_ in ("dobj", "nsubjpass", "xcomp"))]
    # "threatened to resume attacks in Israel": the object of the act threatened or offered
    heads += [g for c in heads[1:] if c.dep_ == "xcomp" for g in c.children if g.dep_ == "dobj"]
    if p.dep_ == "pobj" and p.head.dep_ == "prep":
        heads.append(p.head.head)  # "remained on alert in the West Bank": the framing verb
    elif p.dep_ == "nsubj" and p.pos_ == "NOUN":
        heads.append(p.head)  # "the deployment of NATO troops arrived in Bosnia"
    heads += [g for h in heads[:] for c in h.children if c.dep_ == "prep"
              and c.lower_ not in _LOCATIVE for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    for head in heads:
        for prep in head.children:
            # the parser takes "outside (of)" and "near" for adverbs at times
            if prep.dep_ in ("prep", "advmod") and prep.lower_ in _LOCATIVE:
                for pobj in prep.children:
                    tok = _place_in(pobj, places)
                    if tok is not None:
                        return tok
    return None


def _place_in(pobj: Token, places: dict[int, str], depth: int = 0) -> Token | None:
    """The place a locative phrase names, also through "the city of X", "targets in X"."""
    if pobj.dep_ == "prep":  # "outside of the city", "out of Gaza"
        return next((t for c in pobj.children if c.dep_ == "pobj"
                     if (t := _place_in(c, places, depth + 1))), None)  # fmt: skip
    for tok in np_core(pobj):
        if tok.i in places:
            return tok
    if depth < 2:
        for prep in pobj.children:
            if prep.dep_ == "prep" and (prep.lower_ in _LOCATIVE or prep.lower_ == "of"):
                for inner in prep.children:
                    if inner.dep_ == "pobj" and (found := _place_in(inner, places, depth + 1)):
                        return found
    return None


# Material acts (and intents to act), investigations and protests are done to the state
# where they happen when nobody else is named; statements, meetings and appeals abroad only
# take place there.
_SITED_ROOTS = frozenset(
    {"03", "05", "06", "07", "08", "09", "13", "14", "15", "16", "17", "18", "19", "20"}
)
# At home, what a state or its people do to their own country: curfews, emergencies and their
# lifting, threats of them, protests and blockades, crackdowns and fighting. Other yielding at
# home (a ceasefire declared, a surrender, a withdrawal from a town) is toward no one named.
_HOME_ROOTS = frozenset({"07", "13", "14", "15", "17", "18", "19", "20"})
_HOME_EASING = frozenset({"081", "082"})


# Acts news often reports without saying who did them: "a roadside bomb near Samarra killed
# a soldier", "a missionary was arrested in Lebanon".
_UNATTRIBUTED_ROOTS = frozenset({"09", "17", "18", "19", "20"})


def _site_source(p: Token, ctx: SentenceContext, tgts: Sequence[Slot]) -> list[Slot]:
    """For an act nobody is named as doing, the state where it happened (CAMEO's convention
    for arrests, bombings and attacks by unnamed hands); none unless it has a target or a
    victim ("a journalist was killed in Beirut") and a place whose state is known."""
    subject = [c for c in p.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    tok = _site(p, ctx.place_countries) or next(
        (t for s in subject if (t := _site(s, ctx.place_countries)) is not None), None
    )
    victims = any(c.dep_ == "nsubjpass" for c in p.children)  # "a journalist was killed"
    if tok is None or not (tgts or victims):
        return []
    return [_state_at(tok, ctx)]


def _protesters_at(p: Token, ctx: SentenceContext) -> list[Slot]:
    """People of no named state protesting somewhere are that place's civilians: "thousands
    of people blocked streets in Hong Kong" (CAMEO's convention for crowds)."""
    tok = subject_token(p)
    if tok is None or tok.pos_ != "NOUN":
        return []
    where = _site(p, ctx.place_countries)
    return [_state_at(where, ctx, sectors=("CVL",))] if where is not None else []


_INTERNATIONAL = frozenset({"IGO", "NGO"})


def _site_target(p: Token, code: str, ctx: SentenceContext, sources: Sequence[Slot]) -> Slot | None:
    """For an act with no target, the state where it happens: another state ("Serbia lifted
    the curfew in Montenegro", "troops arrived in Bosnia"), or the source's own for acts done
    at home ("Turkey imposed a curfew in Cizre", "protesters blocked roads in Algiers").
    CAMEO's convention, and what an analyst asks of such an act; the event keeps the place
    as its `location`."""
    tok = _site(p, ctx.place_countries)
    if tok is None:
        return None
    country = ctx.place_countries[tok.i]
    if any(s.country is None and not set(s.sectors) & _INTERNATIONAL for s in sources):
        return None  # an armed group of no known state may be at home anywhere
    home = any(s.country == country for s in sources)
    if code[:2] not in (_HOME_ROOTS if home else _SITED_ROOTS) and not (
        home and code[:3] in _HOME_EASING
    ):
        return None
    return _state_at(tok, ctx)


def _reciprocal(p: Token, code: str) -> bool:
    """Whether "X did it to Y" means Y did it too: meetings always ("met Y"); agreements and
    cooperation only when made *with* or *between* ("signed a deal with Y", not "signed the
    EU statement")."""
    if code not in _MUTUAL_CODES:
        return False
    if code[:2] == "04":
        return True
    heads = [p, *(c for c in p.children if c.dep_ in ("dobj", "attr"))]
    return any(
        c.dep_ == "prep" and c.lower_ in ("with", "between") for h in heads for c in h.children
    )


def _joint(code: str) -> bool:
    """Codes where two subjects act toward each other: "Israel and Hezbollah declared a
    truce", "Russia and China signed"."""
    return code[:2] in _COOPERATIVE_ROOTS or code in _MUTUAL_CODES


def _fill_missing_targets(drafts: list[Draft], ctx: SentenceContext, lexicon: Lexicon) -> None:
    """ "X offered help, but Y declined": the subject of a coordinated clause is the other
    side of an event that names no target. A reporting verb is never that clause ("North
    Korea fired missiles, Seoul's military said" has no target), but what it reports may be
    ("Putin revealed that Russia had offered help, but Iran declined")."""
    reporting = lexicon.cues.speech_verbs | lexicon.cues.reporting_event_verbs
    for d in drafts:
        if d.target is not None:
            continue
        if (harm := _result_of(d, drafts)) is not None:
            d.target = harm.target  # "shelled Juba, killing 20 people": the shelling's target
            d.inferred.add("target")
            continue
        clauses = list(d.anchor.conjuncts)
        if d.anchor.dep_ in ("ccomp", "xcomp"):
            clauses += list(d.anchor.head.conjuncts)
        elif d.anchor.dep_ == "conj":
            clauses.append(d.anchor.head)
        clauses = [
            c
            for clause in clauses
            for c in (
                [g for g in clause.children if g.dep_ == "ccomp"]
                if clause.lemma_.lower() in reporting
                else [clause]
            )
        ]
        for clause in clauses:
            if clause.i == d.anchor.i:
                continue
            tok = subject_token(clause)
            other = actors_at(tok, ctx) if tok is not None else []
            other = [o for o in other if o.country != d.source.country or o.country is None]
            if other and other[0].code != d.source.code:
                d.target = other[0]
                d.inferred.add("target")
                break


def _result_of(d: Draft, drafts: list[Draft]) -> Draft | None:
    """The violent act whose result a violent participle clause is ("shelled Juba, killing
    about 20 people"), done by the same side to a named target; None otherwise."""
    a = d.anchor
    if d.code[:2] not in _VIOLENT or a.tag_ != "VBG" or a.dep_ not in ("advcl", "conj"):
        return None
    return next((m for m in drafts if m.anchor.i == a.head.i and m.code[:2] in _VIOLENT
                 and m.source.code == d.source.code and m.target is not None), None)  # fmt: skip


def _refine_answers(drafts: list[Draft]) -> None:
    """A bare rejection or acceptance ("Iran declined") answers the offer or request made to
    it in the same sentence, and takes that offer's object: declining air defence is 1212."""
    for d in drafts:
        if d.classes or len(d.code) != 3 or not d.code.endswith("0"):
            continue
        for other in drafts:
            answers = other.target is not None and other.target.country == d.source.country
            if other is d or not answers or not other.classes:
                continue
            for cls in other.classes:
                refined = cls.code_for(d.entry.family)
                if refined:
                    d.code = refined
                    d.inferred.add("code")
                    return


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    """One event per (source, target, code); where a verb and the verb or noun it governs
    give the same pair, keep the more specific coding."""
    best: dict[tuple[str, str | None], Draft] = {}
    order: list[tuple[str, str | None]] = []
    kept: list[Draft] = []
    for d in drafts:
        key = (d.source.code, d.target.code if d.target else None)
        prev = best.get(key)
        if prev is None:
            best[key] = d
            order.append(key)
            continue
        related = d.anchor.head == prev.anchor or prev.anchor.head == d.anchor
        if related or prev.code == d.code:
            best[key] = _better(prev, d)
        else:
            kept.append(d)
    return [best[k] for k in order] + kept


def _better(a: Draft, b: Draft) -> Draft:
    def rank(d: Draft) -> tuple[int, int, float]:
        return (d.entry.specificity, len(d.code), d.entry.confidence)

    winner = a if rank(a) >= rank(b) else b
    loser = b if winner is a else a
    # What frames the governor ("may send troops to help") frames the governed word too.
    governs = winner.anchor.head.i == loser.anchor.i
    return replace(
        winner,
        negated=winner.negated or (governs and loser.negated),
        hypothetical=winner.hypothetical or (governs and loser.hypothetical),
        denied=winner.denied or (governs and loser.denied),
        intent=winner.intent or loser.intent,
        reported_by=winner.reported_by or loser.reported_by,
    )
