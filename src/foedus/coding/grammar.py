"""Dependency-parse helpers: arguments of a predicate, and the chain of clauses above it.

Kept apart from the coder so the rules about English syntax (who is the subject of an
infinitive, which prepositions carry targets) can be read and tested on their own.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

__all__ = [
    "NP_DEPS",
    "ancestors_with_edges",
    "clause_chain",
    "np_core",
    "object_phrases",
    "subject_token",
]

NP_DEPS = frozenset(
    {"compound", "amod", "poss", "det", "nmod", "appos", "flat", "nummod", "case", "quantmod"}
)
# Verbs whose object, not subject, does the infinitive: "Russia urged Iran to negotiate".
OBJECT_CONTROL = frozenset(
    [
        "urge",
        "ask",
        "call",
        "tell",
        "invite",
        "press",
        "encourage",
        "persuade",
        "force",
        "order",
        "allow",
        "permit",
        "request",
        "help",
        "enable",
        "warn",
        "advise",
        "push",
        "pressure",
        "implore",
        "beg",
        "appeal",
        "instruct",
        "authorize",
    ]
)
_RELATIVE = frozenset({"that", "which", "who", "whom"})
# Prepositions of circumstance: what follows them is not what the event is about.
_CIRCUMSTANTIAL = frozenset(
    [
        "amid",
        "amidst",
        "despite",
        "during",
        "after",
        "before",
        "since",
        "until",
        "till",
        "following",
        "near",
        "across",
        "throughout",
        "because",
        "due",
        "under",
        "beside",
        "besides",
        "like",
        "unlike",
        "per",
        "via",
    ]
)
_CHAIN_DEPS = frozenset({"xcomp", "acl", "auxpass", "pcomp", "acomp"})


def np_core(head: Token) -> list[Token]:
    """The head of a noun phrase with its modifiers, without prepositional phrases."""
    out = [head]
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in NP_DEPS:
                out.append(child)
                stack.append(child)
    return out


def subject_token(p: Token) -> Token | None:
    """The token that does `p`: its subject, or the controller of an infinitive, or the
    subject shared with a coordinated verb; None for agentless passives and the like."""
    if _agentless_passive(p):
        return None
    seen = 0
    shared = False  # reached through a coordinated verb: its grammatical subject is shared
    while seen < 6:
        seen += 1
        for child in p.children:
            if child.dep_ in ("nsubj", "csubj"):
                if child.lower_ in _RELATIVE and p.dep_ == "relcl":
                    return p.head
                return child
        if shared and (passive := next((c for c in p.children if c.dep_ == "nsubjpass"), None)):
            return passive  # "the minister was indicted by the court and will resign"
        for child in p.children:
            if child.dep_ == "agent":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        if any(c.dep_ == "nsubjpass" for c in p.children) and (late := _late_agent(p)):
            return late
        if any(c.dep_ == "nsubjpass" for c in p.children):
            if p.lower_ in STATIVE_PARTICIPLES:
                return next(c for c in p.children if c.dep_ == "nsubjpass")
            return None
        head = p.head
        if head.i == p.i:
            return None
        if p.dep_ == "xcomp" and head.lemma_ in OBJECT_CONTROL:
            obj = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
            if obj is not None:
                return obj
        if p.dep_ == "pcomp" and head.lower_ == "of" and head.dep_ == "prep":
            # "accused Russia of targeting": the accused does the gerund
            obj = next((c for c in head.head.children if c.dep_ in ("dobj", "dative")), None)
            if obj is not None:
                return obj
        if p.dep_ in ("acl", "xcomp", "relcl") and head.pos_ in ("NOUN", "PROPN"):
            poss = next((c for c in head.children if c.dep_ == "poss"), None)
            if poss is not None:
                return poss
        if p.dep_ in ("xcomp", "conj", "acl", "advcl", "pcomp", "acomp") or (
            p.dep_ in ("dobj", "pobj", "attr") and p.pos_ == "NOUN"
        ):
            shared = p.dep_ == "conj" and p.pos_ in ("VERB", "AUX")
            p = head if p.dep_ != "pcomp" else head.head
            continue
        if p.dep_ == "prep":
            p = head
            continue
        return None
    return None


# Participles of attitude whose grammatical subject holds the attitude: "Israel is opposed
# to French mediation", "Vietnam is committed to reform".
STATIVE_PARTICIPLES = frozenset(
    {"opposed", "committed", "determined", "prepared", "resolved", "dedicated", "concerned",
     "alarmed", "dismayed", "disappointed", "satisfied", "pleased", "interested", "inclined",
     "engaged", "involved"}
)  # fmt: skip


def _agentless_passive(p: Token) -> bool:
    """ "unless requested", "the treaty signed in 2025": a participle with nobody doing it."""
    if p.tag_ != "VBN" or any(c.dep_ in ("nsubj", "agent") for c in p.children):
        return False
    if p.lower_ in STATIVE_PARTICIPLES:
        return False
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in p.children)
    return not perfect and p.dep_ in ("advcl", "acl", "amod", "relcl", "ROOT", "conj", "xcomp")


def clause_chain(p: Token) -> list[Token]:
    """`p` and the tokens that govern it within the same proposition ("ready to [mediate]",
    "failed to [attack]", "made an [appeal]"), nearest first."""
    chain = [p]
    cur = p
    while (
        cur.dep_ in _CHAIN_DEPS
        or (cur.dep_ in ("dobj", "attr") and cur.pos_ == "NOUN")
        or _purpose(cur)  # "is willing to send arms to [help]": the purpose is as intended
    ):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        chain.append(cur)
        if cur.dep_ == "prep":
            cur = cur.head
            chain.append(cur)
    return chain


def _purpose(tok: Token) -> bool:
    """An infinitive of purpose: "sent troops to help", "will send arms to defend it"."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def ancestors_with_edges(p: Token) -> Iterator[tuple[str, Token]]:
    """(dependency label of the edge walked, ancestor) pairs from `p` up to the root."""
    cur = p
    while cur.head.i != cur.i:
        yield cur.dep_, cur.head
        cur = cur.head


def object_phrases(p: Token) -> list[tuple[str | None, list[Token]]]:
    """What `p` acts on: (preposition or None, tokens) for its object, complements and
    prepositional phrases, the direct object first."""
    out: list[tuple[str | None, list[Token]]] = []
    for child in p.children:
        if child.dep_ in ("dobj", "dative", "attr", "oprd", "nsubjpass", "xcomp", "ccomp", "acomp"):
            out.append((None, _without_finite_clauses(child)))
    for child in p.children:
        if child.dep_ in ("prep", "agent") and child.lower_ not in _CIRCUMSTANTIAL:
            out.append((child.lower_, list(child.subtree)[1:]))
        elif child.dep_ == "prt":
            out.append((child.lower_, []))
    if p.dep_ in ("acl", "relcl") and p.tag_ == "VBN":
        # "the treaty signed between...": the participle's head noun is what it acts on
        out.append((None, [p.head, *(c for c in p.head.children if c.dep_ in NP_DEPS)]))
    if p.pos_ == "NOUN" and p.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "attr"):
        for comp in p.children:
            if comp.dep_ in ("compound", "amod"):
                out.append((None, [comp]))
    if p.pos_ == "NOUN":
        # "its refusal to lift the sanctions", "an offer to send troops": the infinitive says
        # what the nominal act is about
        for clause in p.children:
            if clause.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                            for c in clause.children):  # fmt: skip
                out.append((None, list(clause.subtree)))
    return out


def _finite_clause(tok: Token) -> bool:
    """A relative or content clause under a noun ("a message that it must withdraw its
    troops", "the report which the army released"): it says what the noun says or which one
    it is, not what the noun is."""
    if _infinitival(tok):
        return False  # "calls to resign" (often parsed relcl): the infinitive is the content
    if tok.dep_ == "relcl":
        return True
    return tok.dep_ == "acl" and any(
        c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ == "mark" and c.lower_ == "that")
        for c in tok.children
    )


def _without_finite_clauses(head: Token) -> list[Token]:
    """`head`'s subtree less the finite clauses that modify its nouns."""
    skip = {t.i for c in head.subtree if c.i != head.i and _finite_clause(c) for t in c.subtree}
    # an infinitive the parser hangs inside such a clause is usually the verb's own complement:
    # "allow refugees who lived in Iraq for years to return home"
    keep = {t.i for c in head.subtree if c.i in skip and _infinitival(c) for t in c.subtree}
    return [t for t in head.subtree if t.i not in skip - keep]


def _infinitival(tok: Token) -> bool:
    return tok.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _late_agent(p: Token) -> Token | None:
    """The "by" phrase of a passive that the parser hangs on its gerund complement: "was
    accused of stealing public funds by prosecutors" (the gerund itself has no passive)."""
    for prep in (c for c in p.children if c.dep_ == "prep"):
        for gerund in (g for g in prep.children if g.dep_ == "pcomp" and g.tag_ == "VBG"):
            for by in (c for c in gerund.children if c.dep_ == "prep" and c.lower_ == "by"):
                pobj = next((c for c in by.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return None
