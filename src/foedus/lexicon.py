"""The event lexicon: verb and noun patterns, object classes, intent remaps and cues.

Patterns are data (`data/lexicon/*.toml`), validated here into frozen types. A predicate entry
maps lemmas to a CAMEO code; an object class (a synonym set of what is asked for, offered,
rejected...) refines that code within its family, so "ask" (020) + "military assistance"
gives 0232 and "offer" (030) + the same object gives 0332. The lexicon version is stored with
every event so a re-run with new patterns is traceable.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from foedus.cameo import load_cameo
from foedus.errors import DataFileError

__all__ = [
    "DEFAULT_TARGET_PREPS",
    "WISHING_VERBS",
    "Cues",
    "Lexicon",
    "ObjectClass",
    "PredicateEntry",
    "load_lexicon",
    "word_forms",
]

DEFAULT_TARGET_PREPS = (
    "to", "with", "against", "on", "toward", "towards", "into", "between", "from", "at",
    "upon",
)  # fmt: skip


@dataclass(frozen=True)
class PredicateEntry:
    """One verb or noun pattern: lemmas, the code it gives, and what it requires."""

    lemmas: tuple[str, ...]
    code: str
    family: str
    pos: str
    particle: str | None = None
    object: str | None = None
    xcomp: tuple[str, ...] = ()
    target_preps: tuple[str, ...] = DEFAULT_TARGET_PREPS
    confidence: float = 0.7

    @property
    def specificity(self) -> int:
        """Higher wins: particle+object > object or xcomp > particle > plain."""
        score = 0
        if self.object or self.xcomp:
            score += 2
        if self.particle:
            score += 1
        return score


@dataclass(frozen=True)
class ObjectClass:
    """A synonym set of objects, and the code it gives within each CAMEO family."""

    name: str
    phrases: tuple[tuple[str, ...], ...]
    codes: tuple[tuple[str, str], ...]

    def code_for(self, family: str) -> str | None:
        return dict(self.codes).get(family)


@dataclass(frozen=True)
class Cues:
    """Word lists for attribution and modality (see data/lexicon/cues.toml)."""

    speech_verbs: frozenset[str]
    reporting_event_verbs: frozenset[str]
    hypothetical_aux: frozenset[str]
    hypothetical_words: frozenset[str]
    condition_marks: frozenset[str]
    hypothetical_governors: frozenset[str]
    intent_aux: frozenset[str]
    intent_governors: frozenset[str]
    denial_verbs: frozenset[str]
    negation_words: frozenset[str]
    negating_governors: frozenset[str]
    first_person: frozenset[str]
    third_person: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    """Everything the coder needs to recognise and code predicates."""

    version: str
    verbs: Mapping[str, tuple[PredicateEntry, ...]]
    nouns: Mapping[str, tuple[PredicateEntry, ...]]
    adjectives: Mapping[str, tuple[PredicateEntry, ...]]
    """Predicative adjectives of attitude ("was optimistic about", "critical of")."""
    objects: Mapping[str, ObjectClass]
    intent_remap: Mapping[str, str]
    threat_remap: Mapping[str, str]
    discards: Mapping[str, tuple[tuple[str, ...], ...]]
    cues: Cues
    surface: frozenset[str] = field(default=frozenset())
    """Every form a predicate's lemma can take in text: a sentence without one is not parsed."""
    gates: Mapping[str, tuple[tuple[frozenset[str], ...], ...]] = field(default_factory=dict)
    """Surface forms that code only with other words in the sentence (a particle, an object
    class's head word), and which: see `_gates`."""
    phrases: Mapping[tuple[str, ...], tuple[ObjectClass, ...]] = field(default_factory=dict)
    """Every object-class phrase, for one pass over an object's words."""
    longest_phrase: int = 1
    discard_index: Mapping[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    """Discard phrases by their first word, for one pass over a sentence."""

    def intent_code(self, code: str) -> str:
        """The 'express intent' code for an action only intended or offered."""
        return _remapped(self.intent_remap, code) or code

    def threat_code(self, code: str) -> str | None:
        """The threat (13x) a source makes by saying it will do conflictual act `code`, or
        None when the act is no conflict."""
        return _remapped(self.threat_remap, code)

    def lets_through(self, words: Sequence[str]) -> bool:
        """Whether a sentence of these (lower-cased) words may hold a predicate worth parsing:
        a surface form with nothing more needed, or one whose entry's words are all there."""
        present = set(words)
        hits = present & self.surface
        if not hits:
            return False
        for form in hits:
            needs = self.gates.get(form)
            if needs is None or any(all(c & present for c in cond) for cond in needs):
                return True
        return False


def _remapped(table: Mapping[str, str], code: str) -> str | None:
    """The value of the longest key of `table` that `code` starts with (code, 3, 2 digits)."""
    for key in (code, code[:3], code[:2]):
        if key in table:
            return table[key]
    return None


def _read(folder: Path | None, name: str) -> tuple[str, dict[str, Any]]:
    if folder is None:
        where = f"foedus/data/lexicon/{name}"
        source = resources.files("foedus.data").joinpath("lexicon", name)
        text = source.read_text(encoding="utf-8")
    else:
        where = str(folder / name)
        try:
            text = (folder / name).read_text(encoding="utf-8")
        except OSError as exc:
            raise DataFileError(f"Cannot read lexicon file {where}: {exc}.") from exc
    try:
        return where, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"{where} is not valid TOML: {exc}. Fix the syntax there.") from exc


def _strings(
    where: str, item: Mapping[str, Any], key: str, required: bool = False
) -> tuple[str, ...]:
    value = item.get(key)
    if value is None:
        if required:
            raise DataFileError(
                f"{where}: entry {dict(item)!r} lacks {key!r}; add a list of strings."
            )
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFileError(f"{where}: {key!r} of {dict(item)!r} must be a list of strings.")
    return tuple(v.strip().lower() for v in value)


def _entry(
    where: str, item: Mapping[str, Any], pos: str, objects: Mapping[str, Any]
) -> PredicateEntry:
    cameo = load_cameo()
    code = str(item.get("code", ""))
    if code not in cameo:
        raise DataFileError(
            f"{where}: entry with lemmas {item.get('lemmas')!r} has unknown CAMEO code {code!r}; "
            "use a code from foedus/data/cameo.csv."
        )
    obj = item.get("object")
    if obj is not None and obj.lstrip("&") not in objects:
        raise DataFileError(
            f"{where}: entry {item.get('lemmas')!r} names object class {obj!r}, which "
            "objects.toml does not define; add the class or fix the name."
        )
    preps = _strings(where, item, "target_preps")
    return PredicateEntry(
        lemmas=_strings(where, item, "lemmas", required=True),
        code=code,
        family=str(item.get("family", code[:2])),
        pos=pos,
        particle=(item.get("particle") or None),
        object=obj.lstrip("&") if obj else None,
        xcomp=_strings(where, item, "xcomp"),
        target_preps=preps or DEFAULT_TARGET_PREPS,
        confidence=float(item.get("confidence", 0.7)),
    )


def _index(entries: Iterable[PredicateEntry]) -> dict[str, tuple[PredicateEntry, ...]]:
    by_lemma: dict[str, list[PredicateEntry]] = {}
    for entry in entries:
        for lemma in entry.lemmas:
            by_lemma.setdefault(lemma, []).append(entry)
    return {
        lemma: tuple(sorted(found, key=lambda e: -e.specificity))
        for lemma, found in by_lemma.items()
    }


def _objects(where: str, data: Mapping[str, Any]) -> dict[str, ObjectClass]:
    cameo = load_cameo()
    classes: dict[str, ObjectClass] = {}
    for item in data.get("class", []):
        name = item.get("name")
        if not isinstance(name, str) or name in classes:
            raise DataFileError(f"{where}: class {name!r} is missing a name or defined twice.")
        codes = item.get("codes", {})
        for family, code in codes.items():
            if code not in cameo:
                raise DataFileError(
                    f"{where}: class {name!r} maps family {family!r} to unknown code {code!r}."
                )
        phrases = tuple(tuple(p.split()) for p in _strings(where, item, "phrases", required=True))
        classes[name] = ObjectClass(name, phrases, tuple(sorted(codes.items())))
    return classes


def _cues(where: str, data: Mapping[str, Any]) -> Cues:
    names = Cues.__dataclass_fields__
    missing = [n for n in names if n not in data]
    if missing:
        raise DataFileError(f"{where}: missing cue lists {missing}; add them (lists of lemmas).")
    return Cues(**{n: frozenset(_strings(where, data, n)) for n in names})


@functools.cache
def word_forms(word: str) -> frozenset[str]:
    """Inflected forms `word` (a lemma, or a word of an object phrase) can take in text, for
    the cheap pre-parse filter: regular verb and noun endings, the irregular verbs, and the
    irregular noun plurals. Over-generating is harmless (the filter only lets more sentences
    through); missing a form would drop a sentence that holds an event."""
    stem = word[:-1] if word.endswith("e") else word
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    forms.update({stem + "ing", stem + "ed"})
    if word.endswith("y"):
        forms.update({word[:-1] + "ies", word[:-1] + "ied"})
    if len(word) > 2 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou":
        forms.update({word + word[-1] + "ed", word + word[-1] + "ing"})
    forms.update(_IRREGULAR.get(word, ()))
    for ending, plural in _PLURAL_ENDINGS:
        if word.endswith(ending):
            forms.add(word[: len(word) - len(ending)] + plural)
    return frozenset(forms)


# Noun plurals the "-s" and "-es" rules miss: the spelling changes of English plurals.
_PLURAL_ENDINGS = (
    ("man", "men"), ("child", "children"), ("person", "people"), ("foot", "feet"),
    ("tooth", "teeth"), ("mouse", "mice"), ("fe", "ves"), ("f", "ves"), ("is", "es"),
    ("um", "a"), ("us", "i"), ("on", "a"),
)  # fmt: skip


def _surface_forms(lemmas: Iterable[str]) -> frozenset[str]:
    """Every form any of `lemmas` (their first word) can take in text."""
    return frozenset(f for lemma in lemmas for f in word_forms(lemma.split()[0]))


def _gates(
    entries: Iterable[PredicateEntry], objects: Mapping[str, ObjectClass], cues: Cues
) -> dict[str, tuple[tuple[frozenset[str], ...], ...]]:
    """For each surface form that can only code with more words around it, what those words
    are: one tuple of conditions per entry (each condition a set of words, one of which must
    appear in the sentence). An entry that needs a particle needs the particle; one that needs
    an object class needs the head word (last word) of one of the class's phrases. A form of
    any entry without such needs is left out: it lets its sentence through on its own.

    The speech verbs are added too: with a modal of obligation they report a demand or an
    appeal ("said Sudan must return the helicopter") whatever the verb of the clause."""
    needs: dict[str, list[tuple[frozenset[str], ...]]] = {}
    free: set[str] = set()
    for entry in entries:
        conditions: list[frozenset[str]] = []
        if entry.particle:
            conditions.append(frozenset({entry.particle}))
        if entry.object and entry.object in objects:
            heads = {p[-1] for p in objects[entry.object].phrases if p}
            conditions.append(frozenset(f for h in heads for f in word_forms(h)))
        for form in _surface_forms(entry.lemmas):
            if conditions:
                needs.setdefault(form, []).append(tuple(conditions))
            else:
                free.add(form)
    for form in _surface_forms(cues.speech_verbs):
        needs.setdefault(form, []).append((_OBLIGATION_WORDS,))
    return {f: tuple(dict.fromkeys(c)) for f, c in needs.items() if f not in free}


# Verbs whose clause says what another should do: "wanted people to reflect" is an appeal (02)
# whatever the clause's verb, so their forms always let a sentence through.
WISHING_VERBS = frozenset({"want", "wish"})

# Words that put an obligation in a reported clause: "must", "should", "ought to", "has to",
# "needs to" (what `foedus.coding.extract` codes as a demand or an appeal after a speech verb).
_OBLIGATION_WORDS = frozenset(
    {"must", "should", "ought", "have", "has", "had", "having", "need", "needs", "needed"}
)


# Irregular forms of English verbs by lemma: what the suffix rules above cannot make.
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "arise": ("arisen", "arose"), "awake": ("awoke", "awoken"), "bear": ("bore",),
    "beat": ("beat", "beaten"), "begin": ("began", "begun"), "bend": ("bent",),
    "beset": ("beset",), "besiege": ("besieged",), "bet": ("bet",), "bid": ("bade", "bid"),
    "bind": ("bound",), "bite": ("bit", "bitten"), "bleed": ("bled",),
    "blow": ("blew", "blown"), "break": ("broke", "broken"), "breed": ("bred",),
    "bring": ("brought",), "broadcast": ("broadcast",), "build": ("built",), "burn": ("burnt",),
    "buy": ("bought",), "cast": ("cast",), "catch": ("caught",), "choose": ("chose", "chosen"),
    "cling": ("clung",), "clothe": ("clad",), "cost": ("cost",), "creep": ("crept",),
    "cut": ("cut",), "deal": ("dealt",), "dig": ("dug",), "dive": ("dove",),
    "draw": ("drawn", "drew"), "drive": ("driven", "drove"), "dwell": ("dwelt",),
    "fall": ("fallen", "fell"), "feed": ("fed",), "feel": ("felt",), "fight": ("fought",),
    "find": ("found",), "flee": ("fled",), "fling": ("flung",), "fly": ("flew", "flown"),
    "forbid": ("forbade", "forbidden"), "forecast": ("forecast",),
    "foresee": ("foresaw", "foreseen"), "forget": ("forgot", "forgotten"),
    "forgive": ("forgave", "forgiven"), "forsake": ("forsaken", "forsook"),
    "freeze": ("froze", "frozen"), "get": ("got", "gotten"), "give": ("gave", "given"),
    "grind": ("ground",), "grow": ("grew", "grown"), "hang": ("hung",),
    "hide": ("hid", "hidden"), "hit": ("hit",), "hold": ("held",), "hurt": ("hurt",),
    "keep": ("kept",), "kneel": ("knelt",), "know": ("knew", "known"), "lay": ("laid",),
    "lead": ("led",), "leap": ("leapt",), "leave": ("left",), "lend": ("lent",),
    "light": ("lit",), "lose": ("lost",), "make": ("made",), "mean": ("meant",),
    "meet": ("met",), "mislead": ("misled",), "overcome": ("overcame",),
    "overrun": ("overran", "overrun"), "overtake": ("overtaken", "overtook"),
    "overthrow": ("overthrew", "overthrown"), "pay": ("paid",), "put": ("put",),
    "quit": ("quit",), "read": ("read",), "rebuild": ("rebuilt",), "rid": ("rid",),
    "ride": ("ridden", "rode"), "ring": ("rang", "rung"), "rise": ("risen", "rose"),
    "run": ("ran",), "say": ("said",), "see": ("saw", "seen"), "seek": ("sought",),
    "seize": ("seized",), "sell": ("sold",), "send": ("sent",), "set": ("set",),
    "shake": ("shaken", "shook"), "shed": ("shed",), "shine": ("shone",), "shoot": ("shot",),
    "shrink": ("shrank",), "shut": ("shut",), "sink": ("sank", "sunk"),
    "slay": ("slain", "slew"), "slide": ("slid",), "sling": ("slung",), "smite": ("smote",),
    "speak": ("spoke", "spoken"), "speed": ("sped",), "spend": ("spent",), "spin": ("spun",),
    "spit": ("spat",), "split": ("split",), "spread": ("spread",),
    "spring": ("sprang", "sprung"), "stand": ("stood",), "steal": ("stole", "stolen"),
    "stick": ("stuck",), "sting": ("stung",), "stink": ("stank",), "stride": ("strode",),
    "strike": ("stricken", "struck"), "string": ("strung",), "strive": ("striven", "strove"),
    "swear": ("swore", "sworn"), "sweep": ("swept",), "swim": ("swam", "swum"),
    "swing": ("swung",), "take": ("taken", "took"), "teach": ("taught",),
    "tear": ("tore", "torn"), "tell": ("told",), "think": ("thought",),
    "throw": ("threw", "thrown"), "thrust": ("thrust",), "tread": ("trod", "trodden"),
    "undergo": ("undergone", "underwent"), "understand": ("understood",),
    "undertake": ("undertaken", "undertook"), "uphold": ("upheld",), "wake": ("woke", "woken"),
    "wear": ("wore", "worn"), "weave": ("wove", "woven"), "weep": ("wept",), "win": ("won",),
    "wind": ("wound",), "withdraw": ("withdrawn", "withdrew"), "withhold": ("withheld",),
    "withstand": ("withstood",), "wring": ("wrung",), "write": ("written", "wrote"),
}  # fmt: skip


@functools.cache
def load_lexicon(folder: Path | None = None) -> Lexicon:
    """Load and validate the lexicon: the shipped one, or the files in `folder`."""
    where_o, objects_data = _read(folder, "objects.toml")
    objects = _objects(where_o, objects_data)
    where_v, verbs_data = _read(folder, "verbs.toml")
    where_n, nouns_data = _read(folder, "nouns.toml")
    verbs = [_entry(where_v, item, "verb", objects) for item in verbs_data.get("verb", [])]
    nouns = [_entry(where_n, item, "noun", objects) for item in nouns_data.get("noun", [])]
    adjectives = [
        _entry(where_n, item, "adjective", objects) for item in nouns_data.get("adjective", [])
    ]
    where_i, intent_data = _read(folder, "intent.toml")
    remap = {str(k): str(v) for k, v in intent_data.get("remap", {}).items()}
    threat = {str(k): str(v) for k, v in intent_data.get("threat", {}).items()}
    bad = [v for v in (*remap.values(), *threat.values()) if v not in load_cameo()]
    if bad:
        raise DataFileError(f"{where_i}: remap targets {bad} are not CAMEO codes.")
    _, discard_data = _read(folder, "discards.toml")
    discards = {
        str(c["name"]): tuple(tuple(w.lower().split()) for w in c.get("words", []))
        for c in discard_data.get("context", [])
    }
    where_c, cue_data = _read(folder, "cues.toml")
    cues = _cues(where_c, cue_data)
    lemmas = [lemma for entry in verbs for lemma in entry.lemmas]
    lemmas += [lemma for entry in nouns + adjectives for lemma in entry.lemmas]
    phrases: dict[tuple[str, ...], list[ObjectClass]] = {}
    for cls in objects.values():
        for phrase in cls.phrases:
            phrases.setdefault(phrase, []).append(cls)
    discard_index: dict[str, list[tuple[str, ...]]] = {}
    for found in discards.values():
        for phrase in found:
            if phrase:
                discard_index.setdefault(phrase[0], []).append(phrase)
    return Lexicon(
        discard_index={k: tuple(v) for k, v in discard_index.items()},
        phrases={k: tuple(v) for k, v in phrases.items()},
        longest_phrase=max((len(k) for k in phrases), default=1),
        version=str(verbs_data.get("version", "0")),
        verbs=_index(verbs),
        nouns=_index(nouns),
        adjectives=_index(adjectives),
        objects=objects,
        intent_remap=remap,
        threat_remap=threat,
        discards=discards,
        cues=cues,
        surface=_surface_forms([*lemmas, *cues.speech_verbs, *WISHING_VERBS]),
        gates=_gates([*verbs, *nouns, *adjectives], objects, cues),
    )
