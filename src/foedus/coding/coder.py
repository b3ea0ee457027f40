"""The coder: articles in, event records out.

For each article: split into sentences (cheap), find actor mentions (cheap, from foedus's own
tables), let only sentences that can hold an event through to the dependency parser, then read
events off the parse. Discourse state (the last person named, the speaker of a quotation)
carries from sentence to sentence within an article and nowhere else.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc, Token

from foedus.actors.mentions import Mention, MentionFinder
from foedus.actors.tables import load_actor_tables
from foedus.articles import Article
from foedus.cameo import load_cameo
from foedus.coding.dates import DatePhrase, find_dates, resolve
from foedus.coding.extract import Draft, SentenceContext, Slot, extract
from foedus.coding.grammar import np_core, subject_token
from foedus.coding.model import load_pipeline, parser_for
from foedus.coding.placement import (
    SITE_KINDS,
    attached_country,
    domestic_states,
    in_article,
    in_context,
    worth_parsing,
)
from foedus.coding.quotes import QuoteSpan, find_quotes
from foedus.coding.sentences import SentenceSpan, split_sentences
from foedus.config import Settings
from foedus.events import ActorRef, Event
from foedus.lexicon import Lexicon, load_lexicon

__all__ = ["CODER_VERSION", "Coder"]

CODER_VERSION = "0.1.0"


@dataclass
class _Seen:
    """What the prefilter has seen so far in an article: pronouns need an antecedent."""

    person: bool = False
    group: bool = False
    state: bool = False


@dataclass
class _Discourse:
    """What one article has established so far."""

    last_person: Slot | None = None
    last_group: Slot | None = None
    """The last state or organization named: what "its" and "their" refer back to."""
    titles: dict[str, Slot] = field(default_factory=dict)
    speaker: Slot | None = None
    speaker_paragraph: int = -1
    others: set[str] = field(default_factory=set)
    sides: tuple[Slot, ...] = ()
    """The sources of the last sentence with events from several states: who "they" are."""
    """Surnames seen as part of another person's name ("Michael Howard")."""
    countries: dict[str, int] = field(default_factory=dict)
    """How often each state has been named so far: whose "the government" is."""


class Coder:
    """Codes articles into events; holds the spaCy pipeline, the lexicon and the actor tables."""

    def __init__(self, nlp: Any, segment: Any, lexicon: Lexicon, settings: Settings) -> None:
        self.nlp = nlp
        self._parse = parser_for(nlp)
        self.segment = segment
        self.lexicon = lexicon
        self.settings = settings
        tables = load_actor_tables()
        self.finder = MentionFinder(tables)
        self._names = {h.id: h.name for h in tables.officeholders}
        self.cameo = load_cameo()
        self.version = f"{CODER_VERSION}+lex{lexicon.version}"

    @classmethod
    def load(cls, settings: Settings | None = None) -> Coder:
        """Load the spaCy model named in `settings` (once) and the shipped lexicon."""
        settings = settings or Settings()
        nlp, segment = load_pipeline(settings.model)
        return cls(nlp, segment, load_lexicon(settings.lexicon), settings)

    # -- public API -----------------------------------------------------------------------

    def code_text(self, text: str, date: dt.date | None = None) -> list[Event]:
        """Events of one text, dated against publication date `date`."""
        return self.code_article(Article.from_text(text, date=date))

    def code_texts(self, items: Iterable[tuple[str, dt.date | None]]) -> Iterator[list[Event]]:
        """Events of many texts, one list per text, parsed in batches."""
        articles = (Article.from_text(text, date=date) for text, date in items)
        for _article, events in self.code_articles(articles):
            yield events

    def code_article(self, article: Article) -> list[Event]:
        return next(iter(self.code_articles([article])))[1]

    def code_articles(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        """(article, events) for each article, in order, parsing in batches."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.settings.batch_size:
                yield from self._code_batch(batch)
                batch = []
        if batch:
            yield from self._code_batch(batch)

    # -- batches --------------------------------------------------------------------------

    def _code_batch(self, articles: Sequence[Article]) -> Iterator[tuple[Article, list[Event]]]:
        plans = [self.plan(a) for a in articles]
        vocab = self.nlp.vocab
        kept = (
            Doc(vocab, words=[w for w, _ in s.tokens], spaces=[sp for _, sp in s.tokens])
            for plan in plans
            for s, keep in plan
            if keep
        )  # already tokenized by the splitter: the parser need not tokenize again
        docs = self._parse(kept)
        for article, plan in zip(articles, plans, strict=True):
            parsed = {s.index: next(docs) for s, keep in plan if keep}
            yield article, self._code_parsed(article, [s for s, _ in plan], parsed)

    def plan(self, article: Article) -> list[tuple[SentenceSpan, bool]]:
        """Each sentence, and whether it is worth parsing."""
        sentences = split_sentences(article.text, self.segment)
        if not self.settings.prefilter:
            return [(s, True) for s in sentences]
        quotes = find_quotes(article.text)
        seen = _Seen()
        return [(s, self._may_hold_event(s, quotes, seen)) for s in sentences]

    def _may_hold_event(self, s: SentenceSpan, quotes: list[QuoteSpan], seen: _Seen) -> bool:
        """A sentence can hold an event only with a candidate predicate and someone to do it:
        an actor named in it, or a pronoun that can refer to one named before ("he" after a
        person, "its" after a state, "we" inside a quotation)."""
        found = self.finder.find(s.words)
        # role words may take the state named here, or (the government, police...) the one
        # the article is about
        placed = any(m.country for m in found)
        article = seen.state
        seen.state |= any(m.country and m.kind != "place" for m in found)
        mentions = [
            m
            for m in found
            if m.kind != "place"
            and (m.code or m.kind != "agent" or worth_parsing(m, placed, article))
        ]
        before = (seen.person, seen.group)
        seen.person |= any(m.kind in ("person", "title") for m in mentions)
        seen.group |= any(m.kind in _GROUP_KINDS for m in mentions)
        lower = [w.lower() for w in s.words]
        if not self.lexicon.lets_through(lower) or self._discarded(s.words):
            return False
        if mentions:
            return True
        cues = self.lexicon.cues
        return (
            (before[0] and any(w in cues.third_person for w in lower))
            or (before[1] and any(w in _GROUP_POSSESSIVES for w in lower))
            or (any(before) and any(w in ("they", "them") for w in lower))
            or (any(w in cues.first_person for w in lower) and _quoted(s, quotes))
        )

    # -- one article ----------------------------------------------------------------------

    def _code_parsed(
        self, article: Article, sentences: list[SentenceSpan], parsed: dict[int, Doc]
    ) -> list[Event]:
        quotes = find_quotes(article.text)
        state = _Discourse()
        events: list[Event] = []
        for s in sentences:
            doc = parsed.get(s.index)
            if doc is None:
                self._remember(self.finder.find(s.words, article.date, state.others), s, state)
                continue
            events += self._code_sentence(article, s, doc, quotes, state)
        return events

    def _remember(self, mentions: list[Mention], s: SentenceSpan, state: _Discourse) -> None:
        for m in mentions:
            if m.country and m.kind != "place":
                state.countries[m.country] = state.countries.get(m.country, 0) + 1
            if m.kind in _GROUP_KINDS and m.code:
                state.last_group = self._slot(m)
            if m.kind in ("person", "title") and m.code:
                slot = self._slot(m)
                state.last_person = slot
                if m.title:
                    state.titles[m.title] = slot

    def _code_sentence(
        self,
        article: Article,
        s: SentenceSpan,
        doc: Doc,
        quotes: list[QuoteSpan],
        state: _Discourse,
    ) -> list[Event]:
        words = [t.text for t in doc]
        mentions = self.finder.find(words, article.date, state.others)
        if self._discarded(words):
            # remembered as the prefilter's unparsed sentences are, so both modes agree
            self._remember(mentions, s, state)
            return []
        slots = self._slots(doc, mentions, state)
        in_quote = {t.i for t in doc if any(q.contains(s.start + t.idx) for q in quotes)}
        speaker = self._speaker(doc, slots, in_quote, s, state)
        speaker_at = {i: speaker for i in in_quote} if speaker else {}
        if speaker:
            for t in doc:
                if t.i in in_quote and t.lower_ in self.lexicon.cues.first_person:
                    # "we"/"us" is the speaker's side, not the speaker in person
                    side = t.lower_ in _FIRST_PLURAL
                    slots[t.i] = replace(speaker, start=t.i, end=t.i + 1, text=t.text,
                                         kind="pronoun", via="quote",
                                         entity=None if side else speaker.entity)  # fmt: skip
        sited = [m for m in mentions if m.kind in _PLACE_KINDS]
        places = {i: m.text for m in sited for i in range(m.start, m.end)}
        # "in the Iraqi city of Basra": an adjective in a locative phrase places the act too
        countries = {i: m.country for m in mentions if m.country and m.kind in SITE_KINDS
                     for i in range(m.start, m.end)}  # fmt: skip
        ctx = SentenceContext(slots, speaker_at, s.text.rstrip().endswith("?"),
                              _according_to(doc, slots), places,
                              _they(doc, slots, state.sides), countries)  # fmt: skip
        drafts = extract(doc, ctx, self.lexicon)
        self._remember(mentions, s, state)
        sides = {d.source.country: d.source for d in drafts if d.source.via == "name"}
        if len(sides) > 1:
            state.sides = tuple(sides.values())
        return [self._event(article, s, doc, d, quotes) for d in drafts]

    def _discarded(self, words: Sequence[str]) -> bool:
        """Whether a discard phrase ("World Cup", "box office") marks the sentence as sport,
        entertainment or business rather than politics."""
        index = self.lexicon.discard_index
        lower = [w.lower() for w in words]
        for i, word in enumerate(lower):
            for phrase in index.get(word, ()):
                if tuple(lower[i : i + len(phrase)]) == phrase:
                    return True
        return False

    def _slots(self, doc: Doc, mentions: list[Mention], state: _Discourse) -> dict[int, Slot]:
        slots: dict[int, Slot] = {}
        owners = {m.start: attached_country(m, doc, mentions) for m in mentions if not m.code}
        domestic = domestic_states(mentions, owners)
        # "people protested in London": a capital in a locative phrase is only a place
        sited = [replace(m, kind="place") if _sited_capital(doc, m) else m for m in mentions]
        for m in mentions:
            if m.kind == "place" or _sited_capital(doc, m):
                continue
            known = self._slot(m) if m.code else None
            via = "name" if m.code else "title"
            if known is None and m.kind == "title":
                known = state.titles.get(m.title or "")  # "the president", named earlier
            if known is None:
                known, via = in_context(m, owners.get(m.start), sited, domestic), "context"
            unplaced = known is None or known.code.startswith("---")
            if unplaced and not any(x.country for x in mentions):
                known, via = in_article(m, state.countries) or known, "article"
            if known is None:
                continue
            slot = replace(known, start=m.start, end=m.end, text=m.text, via=via)
            for i in range(m.start, m.end):
                slots[i] = slot
        last = state.last_person
        for t in doc:
            if t.i in slots:
                if slots[t.i].kind in ("person", "title"):
                    last = slots[t.i]  # "Lavrov said he was optimistic": he is Lavrov
                continue
            if last is not None and t.lower_ in self.lexicon.cues.third_person:
                slots[t.i] = replace(last, start=t.i, end=t.i + 1, text=t.text,
                                     kind="pronoun", via="pronoun")  # fmt: skip
            elif t.lower_ in ("it", "they") and t.dep_ in ("nsubj", "nsubjpass"):
                # "Israel denied that it had blocked...": the reporting clause's subject
                group = _reporting_subject(t, slots)
                if group is not None:
                    slots[t.i] = replace(group, start=t.i, end=t.i + 1, text=t.text,
                                         kind="pronoun", via="pronoun")  # fmt: skip
            elif t.lower_ in _GROUP_POSSESSIVES and t.dep_ == "poss":
                group = (
                    _clause_subject(t, slots)
                    or _group_before(slots, t.i, self._speaks(t))
                    or state.last_group
                )
                if group is not None:
                    slots[t.i] = replace(group, start=t.i, end=t.i + 1, text=t.text,
                                         kind="pronoun", via="pronoun")  # fmt: skip
        return slots

    def _slot(self, m: Mention) -> Slot:
        assert m.code is not None
        name = self._names.get(m.entity or "", m.text)
        return Slot(m.start, m.end, m.code, m.country, m.sectors, m.entity, m.text, m.kind,
                    name=name)  # fmt: skip

    def _speaks(self, possessive: Token) -> bool:
        """Whether "its ..." is the subject of a speech verb: it then names the side whose
        statement the sentence reports, usually the sentence's first actor."""
        owner = possessive.head
        speech = self.lexicon.cues.speech_verbs
        return owner.dep_ == "nsubj" and owner.head.lemma_.lower() in speech

    def _speaker(
        self,
        doc: Doc,
        slots: dict[int, Slot],
        in_quote: set[int],
        s: SentenceSpan,
        state: _Discourse,
    ) -> Slot | None:
        """The speaker of this sentence's quotation: named here, or carried from the last
        attributed quotation in the same paragraph."""
        if not in_quote:
            return None
        speech = self.lexicon.cues.speech_verbs
        for t in doc:
            if t.i in in_quote or t.lemma_.lower() not in speech:
                continue
            subj = subject_token(t)
            if subj is not None and subj.i in slots:
                state.speaker, state.speaker_paragraph = slots[subj.i], s.paragraph
                return slots[subj.i]
        if state.speaker_paragraph == s.paragraph:
            return state.speaker
        return None

    # -- records --------------------------------------------------------------------------

    def _event(
        self, article: Article, s: SentenceSpan, doc: Doc, d: Draft, quotes: list[QuoteSpan]
    ) -> Event:
        code = self.cameo.get(d.code)
        when = resolve(_date_phrase(doc, d.anchor), article.date)
        anchor_start = s.start + d.anchor.idx
        parts = [article.id, str(s.index), str(anchor_start), d.source.code,
                 d.target.code if d.target else "", d.code]  # fmt: skip
        quote = _quote_at(article.text, quotes, anchor_start) if d.in_quote else None
        return Event(
            id=hashlib.sha1("|".join(parts).encode()).hexdigest()[:16],
            article_id=article.id,
            sentence_index=s.index,
            sentence=s.text,
            start=s.start,
            end=s.end,
            anchor=d.anchor.text,
            anchor_start=anchor_start,
            anchor_end=anchor_start + len(d.anchor.text),
            source=_ref(d.source),
            target=_ref(d.target) if d.target else None,
            cameo=code.code,
            cameo_name=code.name,
            plover=code.plover,
            plover_mode=code.plover_mode,
            quad_class=code.quad_class,
            goldstein=code.goldstein,
            negated=d.negated,
            hypothetical=d.hypothetical,
            intent=d.intent,
            denied=d.denied,
            question=d.question,
            reported_by=d.reported_by.code if d.reported_by else None,
            quote=quote,
            speaker=d.reported_by.name if d.reported_by else None,
            date=when.date,
            date_precision=when.precision,
            date_text=when.text,
            location=d.location,
            confidence=round(_confidence(d), 3),
            coder_version=self.version,
        )


_FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
_PLACE_KINDS = frozenset({"place", "capital", "country"})
_GROUP_KINDS = frozenset({"country", "capital", "metonym", "agent", "org", "adjective"})
_GROUP_POSSESSIVES = frozenset({"its", "their"})


def _clause_subject(pronoun: Token, slots: dict[int, Slot]) -> Slot | None:
    """ "Argentina apologized to Brazil for one of its gunboats": a possessive in an object
    or adjunct of a verb with a named subject is that subject's."""
    verb = next((a for a in pronoun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i > pronoun.i or pronoun.i in {t.i for t in subject.subtree}:
        return None
    slot = slots.get(subject.i)
    return slot if slot is not None and slot.kind in _GROUP_KINDS else None


def _group_before(slots: dict[int, Slot], i: int, first: bool) -> Slot | None:
    """The nearest state or organization named before token `i` in this sentence, or the
    first one when `first` ("China never supplied arms to Russia, its ministry said")."""
    order = range(i) if first else range(i - 1, -1, -1)
    for j in order:
        slot = slots.get(j)
        if slot is not None and slot.kind in _GROUP_KINDS:
            return slot
    return None


def _reporting_subject(pronoun: Token, slots: dict[int, Slot]) -> Slot | None:
    """The state or organization that is subject of the clause governing `pronoun`'s clause
    through a clausal complement ("Russia said it would...", "Israel denied that it...")."""
    clause = pronoun.head
    if clause.dep_ != "ccomp":
        return None
    for child in clause.head.children:
        if child.dep_ == "nsubj":
            # "The Nigerian Union of Teachers announced that it...": the subject's phrase;
            # "a group of Yoruba leaders announced that they...": the group's members
            words = np_core(child) + [t for prep in child.children
                                      if prep.dep_ == "prep" and prep.lower_ == "of"
                                      for g in prep.children if g.dep_ == "pobj"
                                      for t in np_core(g)]  # fmt: skip
            for tok in sorted(words, key=lambda t: abs(t.i - child.i)):
                slot = slots.get(tok.i)
                if slot is not None and slot.kind in _GROUP_KINDS:
                    return slot
    return None


def _they(doc: Doc, slots: dict[int, Slot], sides: tuple[Slot, ...]) -> dict[int, tuple[Slot, ...]]:
    """ "They" and "them" not resolved in the sentence stand for the sides of the last event
    between several states ("X met Y. They agreed to...")."""
    if len(sides) < 2:
        return {}
    return {
        t.i: tuple(
            replace(x, start=t.i, end=t.i + 1, text=t.text, kind="pronoun", via="pronoun")
            for x in sides
        )
        for t in doc
        if t.lower_ in ("they", "them") and t.i not in slots
    }


def _quoted(s: SentenceSpan, quotes: list[QuoteSpan]) -> bool:
    return any(q.start < s.end and s.start < q.end for q in quotes)


def _quote_at(text: str, quotes: list[QuoteSpan], pos: int) -> str | None:
    """The words of the quotation around `pos`, without the quotation marks."""
    for q in quotes:
        if q.contains(pos):
            return text[q.start : q.end].strip("“”«»\"' ,.").strip() or None
    return None


def _ref(slot: Slot) -> ActorRef:
    return ActorRef(slot.text, slot.code, slot.country, slot.sectors, slot.entity)


def _sited_capital(doc: Doc, m: Mention) -> bool:
    return m.kind == "capital" and any(_locative(doc[i]) for i in range(m.start, m.end))


def _locative(tok: Token) -> bool:
    return tok.dep_ == "pobj" and tok.head.lower_ in (
        "in",
        "at",
        "near",
        "inside",
        "outside",
        "from",
        "around",
    )


def _according_to(doc: Doc, slots: dict[int, Slot]) -> Slot | None:
    for t in doc:
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            for pobj in doc[t.i + 1].children:
                if pobj.i in slots:
                    return slots[pobj.i]
    return None


def _date_phrase(doc: Doc, anchor: Token) -> DatePhrase | None:
    """The date phrase that modifies `anchor` most directly, not through another verb."""
    best: DatePhrase | None = None
    best_depth = 99
    for phrase in find_dates(doc.text):
        span = doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
        if span is None:
            continue
        for depth, anc in enumerate(span.root.ancestors, start=1):
            if anc == anchor:
                if depth < best_depth:
                    best, best_depth = phrase, depth
                break
            if anc.pos_ == "VERB":
                break
    return best


def _confidence(d: Draft) -> float:
    score = d.entry.confidence
    if d.target is None:
        score *= 0.85
    if d.inferred or d.source.via != "name" or (d.target and d.target.via != "name"):
        score *= 0.9
    if d.source.kind == "adjective" or (d.target and d.target.kind == "adjective"):
        score *= 0.9
    return score
