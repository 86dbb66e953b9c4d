"""Named entities: organisations, places and people, from a gazetteer plus a few rules.

    "… held by the Independent Inquiry into Child Sexual Abuse (IICSA)."
        -> [Entity("Independent Inquiry into Child Sexual Abuse", "organisation")]

In the order they claim text (a later rule never takes words an earlier one took):
1. "Long Name (ACR)" pairs whose initials spell the acronym: one entity named by the long form;
   the acronym becomes an alias for the rest of the article. Pairs naming a framework or law
   ("National Referral Mechanism (NRM)", "… Act", "… Convention") are not entities.
2. The gazetteer: known organisations with their aliases ("NCA" -> "National Crime Agency"),
   countries and UK places ("UK", "Britain" -> "United Kingdom"). Case-sensitive, whole words.
   A known name followed by an organisation word grows into a new organisation
   ("UN Committees").
3. Organisation words: a run of capitalised words holding Agency, Association, Committee,
   Inquiry, Council, Police, Group, Coalition, College, … ("Anti-Trafficking Monitoring Group",
   "Leeds Crown Court"), less a person before "of" ("Chloe Setter of the NSPCC"), an event
   after "for"/"on" ("… for Safer Internet Day") and names already found; a run ending in a
   job title ("Group Assistant") is not one.
4. People: two or three capitalised words in a person context: after a role ("Head of Training
   Laura Durán", "British national, Matthew Falder"), before "as the new Chair", between
   "by/from" and "who/from" ("interviewed by Lynda Gibbs from", "from Ian Hanham who"),
   before "said"/"who", or before "of" and an organisation ("Laura Durán of the NSPCC").
Single capitalised words are never guessed at, so sentence-initial words ("Read", "The") and
surnames on their own ("Falder") do not become entities.
"""

from __future__ import annotations

import re

import pandas as pd

from insights import schema
from insights.enrich import EnrichContext
from insights.enrich.gazetteer import GAZETTEER, Entity
from insights.enrich.sentences import article_texts
from insights.lexicon import trie_pattern, word_set

ORG, PLACE, PERSON = schema.ORGANISATION, schema.PLACE, schema.PERSON

# A run of capitalised words holding one of these is an organisation.
ORG_WORDS = word_set(
    """Agency Agencies Association Committee Committees Inquiry Council Police Group Coalition
    College Commission Foundation Trust Service Services Office Department Ministry Network
    Alliance Union Federation Institute University Society Charity Parliament Assembly Court
    Tribunal Partnership Centre Center Unit Organisation Organization Fund Authority Government
    Charities Festivals Forum Taskforce Command Board"""
)
# A run ending in a job title is a role, not an organisation: "Group Assistant".
ROLE_WORDS = word_set(
    """Assistant Officer Manager Director Worker Chair Head Coordinator Co-ordinator Lead
    Trustee Secretary Adviser Advisor Member Researcher Volunteer"""
)
# "Long Name (ACR)" pairs ending in one of these name a framework or law, not an organisation.
NOT_ORG_HEADS = word_set(
    "Mechanism Act Bill Convention Directive Protocol Strategy Plan Programme Project Day"
)
# Capitalised words that start a sentence or a phrase rather than a name.
STARTERS = word_set(
    """The A An This That These Those Our Their His Her Its Following On In At By For From With
    After Before During When While As According New Today Read More Latest Both Every Former
    Young Leading Greater British Children Child Report How Why If It We They He She Up"""
)
_CAP = r"[A-Z](?:[\w’'&-]|\.(?=\w))*"  # "Girls’", "Anti-Slavery", "U.K"; not a full stop
_SP = r"[^\S\n]+"  # spaces within a line: a name never runs from the title into the summary
CONNECTORS = word_set("of for on into against and in the to &")
_CONNECT = rf"(?:{'|'.join(sorted(CONNECTORS))})"
CAPITALISED_RUN = re.compile(rf"{_CAP}(?:{_SP}(?:{_CONNECT}{_SP})*{_CAP})*")
PAIR = re.compile(rf"({CAPITALISED_RUN.pattern})\s+\(([A-Z][A-Za-z]{{1,9}})\)")
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ’'-]+"
_NAME = rf"{_NAME_WORD}(?:{_SP}{_NAME_WORD}){{1,2}}"
NAME = re.compile(rf"(?<![\w’'-]){_NAME}(?![\w’'-])")
NAME_WORD = re.compile(_NAME_WORD)
# Words that make a capitalised run a thing rather than a person: "Modern Slavery Helpline".
NOT_NAME_WORDS = (
    ORG_WORDS
    | NOT_ORG_HEADS
    | ROLE_WORDS
    | word_set("Helpline Slavery Trafficking Modern Week Report Review Crown Human Rights")
)
EVENT_WORDS = word_set("Day Week Month Awards Festival Conference Summit")
EVENT_CONNECTORS = word_set("for on at in to during")
OF_ORGANISATION = re.compile(r"\s+of\s+(?:the\s+)?")  # "Laura Durán of the Metropolitan Police"
# The context that makes two or three capitalised words a person's name, read either side:
# a title before it (a comma allowed: "Group Assistant, Temi Adekoya"), "as the new Chair"
# after it, a cue word on both sides ("by Lynda Gibbs from"), or "said"/"who" after it.
ROLE_TITLES = word_set(
    """Chair Chairman Chairwoman Executive CEO Director Manager Officer Assistant Coordinator
    Co-ordinator Worker Trustee Minister Secretary Commissioner MP Lord Baroness Sir Dame Dr Mr
    Mrs Ms Miss Professor Prof President Founder founder Detective Inspector Judge national
    campaigner survivor spokesperson spokesman spokeswoman Ambassador Patron Lead Adviser
    Advisor Researcher Head"""
)
CUE_BEFORE = word_set("by from with announce announces announced appoint appoints appointed")
CUE_AFTER = re.compile(r",?\s+(?:who|as|from|of|has|have|was|is|said|says|told)\b")
ROLE_AFTER = re.compile(
    rf"\s+as\s+(?:the\s+|its\s+|our\s+)?(?:new\s+)?(?:{trie_pattern(sorted(ROLE_TITLES))})\b"
)
SAID_AFTER = re.compile(r",?\s+(?:who|said|says|told|explained|added)\b")
TOKEN = re.compile(r"[^\W_]+")
GROWN = re.compile(rf"(?:{_SP}{_CAP})+")
ORG_WORD = re.compile(rf"\b(?:{trie_pattern(sorted(ORG_WORDS))})(?![\w-])")
POSSESSIVE_END = re.compile(r"[’']s?$")


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def _strip_possessive(name: str) -> str:
    """ "UK’s" -> "UK"; "Girls’" -> "Girls"."""
    if name.endswith(("’s", "'s")):
        return name[:-2]
    return name.rstrip("’'")


class _Claims:
    """Character spans already taken by an entity, so later rules skip them."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.spans)

    def take(self, start: int, end: int) -> None:
        self.spans.append((start, end))


def _name_shaped(words: list[str]) -> bool:
    """Two or three words that could be a person's name: "Chloe Setter", "Laura Durán"."""
    return 2 <= len(words) <= 3 and all(
        NAME_WORD.fullmatch(w) and w not in NOT_NAME_WORDS for w in words
    )


def _organisation_runs(text: str) -> list[tuple[int, str]]:
    """(start, name) of capitalised runs holding an organisation word: "Kent Police".

    A run is trimmed of a person before "of" ("Chloe Setter of the NSPCC") and of an event
    after "for"/"on"/… ("… Foundation for Safer Internet Day").
    """
    runs: list[tuple[int, str]] = []
    if not ORG_WORD.search(text):
        return runs
    for m in CAPITALISED_RUN.finditer(text):
        if not ORG_WORD.search(text, m.start(), m.end()):
            continue
        words = m.group().split()
        if len(words) < 2:
            continue
        start = m.start()
        skip = 0
        while skip < len(words) and (words[skip] in STARTERS or not words[skip][0].isalpha()):
            skip += 1
        if "of" in words[skip:]:  # "Chloe Setter of the Internet Watch Foundation"
            of = words.index("of", skip)
            if _name_shaped(words[skip:of]):
                skip = of + 1 + (words[of + 1 : of + 2] == ["the"])
        ends = [i for i, w in enumerate(words) if w in EVENT_WORDS]
        if ends:  # "… for World Day against Trafficking in Persons"
            cuts = [i for i, w in enumerate(words[: ends[0]]) if w in EVENT_CONNECTORS]
            words = words[: cuts[-1]] if cuts and cuts[-1] > skip else words
        for word in words[:skip]:
            start = text.index(word, start) + len(word)
        start = text.index(words[skip], start) if skip < len(words) else start
        words = words[skip:]
        if len(words) < 2 or _strip_possessive(words[-1]) in ROLE_WORDS:
            continue
        if any(_strip_possessive(w) in ORG_WORDS for w in words):
            runs.append((start, _strip_possessive(" ".join(words))))
    return runs


def _unclaimed_pieces(text: str, start: int, end: int, claims: _Claims) -> list[tuple[int, str]]:
    """The parts of text[start:end] outside claimed spans that still name an organisation."""
    cuts = sorted((s, e) for s, e in claims.spans if s < end and e > start)
    pieces, at = [], start
    for s, e in [*cuts, (end, end)]:
        words = text[at:s].split()
        while words and words[0] in CONNECTORS:
            words = words[1:]
        while words and words[-1] in CONNECTORS:
            words = words[:-1]
        if len(words) >= 2 and any(_strip_possessive(w) in ORG_WORDS for w in words):
            piece = " ".join(words)
            pieces.append((text.index(words[0], at), piece))
        at = max(at, e)
    return pieces


def find_entities(text: str) -> list[Entity]:
    """Organisations, places and people named in `text`, each once, in order of appearance."""
    claims = _Claims()
    found: list[tuple[int, Entity]] = []
    aliases: dict[str, Entity] = {}

    for m in PAIR.finditer(text) if "(" in text else ():
        long_form, acronym = m.group(1), m.group(2)
        words = long_form.split()
        initials = _initials(long_form)
        # Drop leading words until the initials spell the acronym: "ECPAT UK's Independent …"
        while words and initials != acronym.upper() and len(initials) > len(acronym):
            words = words[1:]
            long_form = " ".join(words)
            initials = _initials(long_form)
        if initials != acronym.upper() or not words:
            continue
        start = m.end(1) - len(long_form) if m.group(1).endswith(long_form) else m.start(1)
        claims.take(start, m.end())
        if words[-1] in NOT_ORG_HEADS:
            aliases[acronym] = Entity("", "")  # a framework: its acronym is no entity either
            continue
        known = GAZETTEER.find(long_form)
        entity = known[0][2] if len(known) == 1 else Entity(long_form, ORG)
        found.append((start, entity))
        aliases[acronym] = entity

    org_runs = _organisation_runs(text)
    for start, end, entity in GAZETTEER.find(text):
        if not claims.free(start, end):
            continue
        if entity.type == PLACE and any(s <= start < s + len(n) for s, n in org_runs):
            continue  # "Kent" in "Kent Police"
        claims.take(start, end)
        # "UN Committees": a known name followed by an organisation word is a new organisation
        grown = GROWN.match(text, end)
        if grown and entity.type == ORG and not POSSESSIVE_END.search(text, start, end):
            tail = grown.group().split()
            if tail[-1] in ORG_WORDS:
                end = grown.end()
                claims.take(start, end)
                entity = Entity(text[start:end], ORG)
        found.append((start, entity))

    for m in TOKEN.finditer(text) if aliases else ():  # acronyms defined in this article
        entity = aliases.get(m.group())
        if entity is not None and claims.free(m.start(), m.end()):
            claims.take(m.start(), m.end())
            if entity.name:
                found.append((m.start(), entity))

    for start, name in org_runs:
        # "the Council of Europe and the Inns of Court College of Advocacy": keep what is
        # left of a run once the names already found are cut out of it.
        for piece_start, piece in _unclaimed_pieces(text, start, start + len(name), claims):
            claims.take(piece_start, piece_start + len(piece))
            found.append((piece_start, Entity(piece, ORG)))

    organisation_starts = {start for start, entity in found if entity.type == ORG}
    for m in NAME.finditer(text):
        words = m.group().split()
        # "Training Laura Durán" after "Head of": try the last two words too
        for skip in range(len(words) - 1):
            name = _strip_possessive(" ".join(words[skip:]))
            start = m.start() + m.group().index(words[skip])
            end = start + len(name)
            if (
                name.split()[0] in STARTERS
                or not NOT_NAME_WORDS.isdisjoint(name.split())
                or not claims.free(start, end)
            ):
                continue
            of = OF_ORGANISATION.match(text, end)
            before = text[max(0, start - 40) : start].split()
            previous = before[-1].rstrip(",") if before and text[start - 1].isspace() else ""
            head_of = len(before) > 2 and before[-3] == "Head" and before[-2] == "of"
            person = (
                previous in ROLE_TITLES
                or head_of  # "Head of Training Laura Durán"
                or ROLE_AFTER.match(text, end)
                or SAID_AFTER.match(text, end)
                or (previous.lower() in CUE_BEFORE and CUE_AFTER.match(text, end))
                or (of is not None and of.end() in organisation_starts)
            )
            if person:
                claims.take(start, end)
                found.append((start, Entity(name, PERSON)))
                break

    entities: list[Entity] = []
    for _, entity in sorted(found, key=lambda item: item[0]):
        if entity not in entities:
            entities.append(entity)
    return entities


def enrich(articles: pd.DataFrame, context: EnrichContext) -> pd.DataFrame:
    entities = [[e.as_record() for e in find_entities(t)] for t in article_texts(articles)]
    return pd.DataFrame({schema.ENTITIES: entities}, index=articles.index)
