"""Synthetic news listings for scale tests: campaign-style headlines and summaries as a CSV.

    title,summary,date,url
    "National Crime Agency warns of a 45% rise in county lines exploitation in Telford", …

Rows are newest first over 15 years. Every choice is drawn up front with numpy, so a million
rows take seconds; the same seed gives the same file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from string import Formatter

import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv

YEARS = 15
LAST_DATE = date(2026, 10, 31)

ORGANISATIONS = (
    "ECPAT UK",
    "the National Crime Agency",
    "the Home Office",
    "ABTA",
    "the UN Committee on the Rights of the Child",
    "the Anti-Trafficking Monitoring Group",
    "the Independent Anti-Slavery Commissioner",
    "the Children's Commissioner",
    "Barnardo's",
    "the NSPCC",
    "the Department for Education",
    "the Crown Prosecution Service",
    "the Metropolitan Police",
    "the Council of Europe",
    "GRETA",
    "the Modern Slavery Helpline",
    "the Local Government Association",
    "Interpol",
    "Europol",
    "UNICEF UK",
    "the Refugee Council",
    "the Independent Inquiry into Child Sexual Abuse",
    "the Internet Watch Foundation",
    "the Gangmasters and Labour Abuse Authority",
    "the All-Party Parliamentary Group on Human Trafficking",
)
UK_PLACES = (
    "London", "Manchester", "Birmingham", "Leeds", "Liverpool", "Bristol", "Glasgow",
    "Edinburgh", "Cardiff", "Belfast", "Newcastle", "Sheffield", "Nottingham", "Leicester",
    "Coventry", "Bradford", "Telford", "Rotherham", "Rochdale", "Oxford", "Kent", "Essex",
    "Norfolk", "Cornwall", "Devon", "Swansea", "Aberdeen", "Dundee", "Plymouth", "Brighton",
    "Southampton", "Portsmouth", "Reading", "Luton", "Croydon", "Hull", "Stoke-on-Trent",
    "Wolverhampton", "Derby", "Swindon", "Blackpool", "Middlesbrough", "Sunderland", "Bolton",
    "Preston", "Ipswich", "Norwich", "Exeter", "Gloucester", "Lincoln", "Margate", "Hastings",
    "Dover", "Folkestone", "Peterborough", "Northampton", "Milton Keynes", "Slough",
    "Huddersfield", "Wakefield", "Doncaster", "Barnsley", "Carlisle", "Inverness", "Wrexham",
    "Newport", "Derry", "Lisburn", "Bangor", "Truro", "Scarborough", "Grimsby", "Harlow",
)  # fmt: skip
COUNTRIES = (
    "Vietnam", "Albania", "Nigeria", "Romania", "Eritrea", "Sudan", "Afghanistan", "Iraq",
    "Syria", "Ethiopia", "China", "India", "Thailand", "Cambodia", "the Philippines", "Kenya",
    "Ghana", "Uganda", "Brazil", "Mexico", "Nepal", "Bangladesh", "Pakistan", "Poland",
    "Bulgaria", "Lithuania", "Slovakia", "Hungary", "Greece", "Italy", "Spain", "France",
    "Belgium", "the Netherlands", "Germany", "Sri Lanka", "Myanmar", "Indonesia", "Morocco",
    "Libya", "Somalia", "Yemen", "Iran", "Turkey", "Ukraine", "Moldova", "Kosovo", "Gambia",
    "Sierra Leone", "Côte d'Ivoire", "Peru", "Colombia", "Honduras", "El Salvador", "Laos",
)  # fmt: skip
TOPICS = (
    "child trafficking",
    "county lines",
    "modern slavery",
    "criminal exploitation",
    "child sexual exploitation",
    "online abuse",
    "online grooming",
    "forced labour",
    "domestic servitude",
    "cannabis cultivation",
    "sexual exploitation in travel and tourism",
    "orphanage tourism",
    "child marriage",
    "labour exploitation",
    "live-streamed abuse",
    "debt bondage",
    "forced criminality",
    "organ harvesting",
    "benefit fraud linked to trafficking",
    "exploitation of unaccompanied children",
)
GROUPS = (
    "children",
    "child victims",
    "young people",
    "unaccompanied children",
    "migrant children",
    "separated children",
    "trafficked children",
    "teenagers",
    "girls",
    "boys",
    "care leavers",
    "looked-after children",
    "asylum-seeking children",
    "survivors",
    "victims",
)
COUNTED = ("children", "victims", "young people", "referrals", "cases", "survivors", "girls")
ACTIONS = (
    "warns of",
    "reports",
    "highlights",
    "calls for action on",
    "publishes new research on",
    "responds to figures on",
    "welcomes new guidance on",
    "condemns",
    "launches a campaign against",
    "gives evidence on",
    "raises concerns about",
    "sets out recommendations on",
)
POLICIES = (
    "the National Referral Mechanism",
    "the Modern Slavery Act",
    "Independent Child Trafficking Guardians",
    "the Nationality and Borders Act",
    "the Illegal Migration Act",
    "the Online Safety Act",
    "the Lanzarote Convention",
    "the UN Convention on the Rights of the Child",
    "the Palermo Protocol",
    "statutory guidance for local authorities",
    "the age assessment process",
    "the Every Child Protected Against Trafficking programme",
    "the Code of Conduct for travel companies",
    "the Children Act",
)
EVENTS = (
    "Anti-Slavery Day",
    "World Day against Trafficking in Persons",
    "Safer Internet Day",
    "Refugee Week",
    "the party conference season",
    "a parliamentary debate",
    "an international summit",
    "a regional training day",
    "the annual conference",
    "a Day of Action",
)
ADJECTIVES = (
    "new",
    "landmark",
    "alarming",
    "shocking",
    "hidden",
    "growing",
    "urgent",
    "worrying",
    "long-awaited",
    "independent",
    "damning",
    "first-ever",
)
REPORTS = (
    "report",
    "study",
    "snapshot",
    "review",
    "briefing",
    "inquiry",
    "audit",
    "survey",
    "evaluation",
    "toolkit",
)
PEOPLE = (
    "Laura Durán",
    "Patricia Durr",
    "Bharti Patel",
    "Chloe Setter",
    "Debbie Beadle",
    "Kevin Hyland",
    "Sara Thornton",
    "Eleanor Lyons",
    "Andrew Boff",
    "Siobhán Mullally",
    "Maria Grazia Giammarinaro",
    "Kate Roberts",
    "Catherine Baker",
    "Zoë Ahmed",
    "José Moreno",
)

HEADLINES = (
    "{org_t} {action} {topic} in {place}",
    "{figure_t} trafficked into the UK from {country}, says {org}",
    "{adjective_t} {report} exposes {topic} affecting {group}",
    "{group_t} let down by {policy}, warns {org}",
    "{figure_t} referred to {policy} in {year}",
    "Campaigners mark {event} with a call to end {topic}",
    "{org_t} and partners take action on {topic} in {country}",
    "{person} on why {group} need protection from {topic}",
    "'{quote_t}': {group} speak out on {topic}",
    "{topic_t}: {figure} identified in {place}",
    "Government must act on {topic} as cases rise by {percent}%",
    "{org_t} responds to {report} on {topic}",
    "Travel industry urged to tackle {topic} in {country}",
    "{place} council criticised over {topic} failings",
)
SENTENCES = (
    "{org_t} {action} {topic}, saying {figure} were affected last year.",
    "The {report}, published during {event}, found {figure} across {place} and {place2}.",
    "Referrals of {group} to {policy} rose by {percent}% in {year}.",
    '{person} of {org} said: "{quote_t}"',
    "Children as young as {age} were moved between {place} and {place2} to sell drugs.",
    "Up to {number} victims may have been exploited, many of them from {country}.",
    "More than {number} {counted} were identified as potential victims of {topic}.",
    "{org_t} is calling on {org2} to strengthen {policy} for {group}.",
    "A {percent}% rise in {topic} was recorded, with {figure} in {country} alone.",
    "The {report} sets out {small} recommendations, including guardians for every child.",
    "Nearly half of {group} in the {report} had gone missing from care at least once.",
    "Training for frontline professionals in {place} focused on spotting signs of {topic}.",
    "{group_t} from {country} and {country2} were among those supported in {year}.",
    "Partners from {country} joined {org} for {event} to share practice on {topic}.",
    "The case was heard at {place} Crown Court, where {small} defendants were convicted.",
    "Tour operators signed the code to protect children from {topic}.",
)
QUOTES = (
    "one size doesn't fit all",
    "children are not commodities",
    "every child deserves protection",
    "we were treated like criminals",
    "no child should be left behind",
    "this is child abuse, not a lifestyle choice",
    "they promised me school and gave me work",
    "the system failed to see us as children",
    "exploitation thrives in silence",
)
FIGURE_FORMATS = (
    "more than {number} {counted}",
    "up to {number} {counted}",
    "at least {number} {counted}",
    "nearly {number} {counted}",
    "{number} {counted}",
    "around {number} {counted}",
    "a {percent}% rise in {counted}",
    "children as young as {age}",
)


# Publishers for a multi-publisher corpus (`publishers=N`): each starts publishing later than
# the one before and from then on shares the articles evenly with those already publishing.
PUBLISHERS = (
    "ECPAT UK",
    "Anti-Slavery Partnership",
    "Children's Rights Network",
    "Safe Futures Trust",
    "Northern Youth Alliance",
    "Coastal Family Support",
)


def _choose(rng: np.random.Generator, k: int, n: int, zipf: float = 0.0) -> np.ndarray:
    """n indices below k; with zipf > 0 low indices are much more common than high ones."""
    if not zipf:
        return rng.integers(0, k, size=n)
    weights = 1.0 / np.arange(1, k + 1) ** zipf
    return rng.choice(k, size=n, p=weights / weights.sum())


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fill(
    templates: tuple[str, ...], which: np.ndarray, slots: dict[str, np.ndarray]
) -> np.ndarray:
    """Row i is templates[which[i]] with its {slots} filled from row i of each slot column.

    Strings are joined a whole column at a time (numpy object arrays), one template at a time.
    """
    out = np.empty(len(which), dtype=object)
    for t, template in enumerate(templates):
        rows = np.flatnonzero(which == t)
        text = np.full(len(rows), "", dtype=object)
        for literal, name, _, _ in Formatter().parse(template):
            text = text + literal if literal else text
            if name:
                text = text + slots[name][rows]
        out[rows] = text
    return out


def _as_text(values: np.ndarray, spec: str = "{}") -> np.ndarray:
    """Integers formatted as strings; each distinct value is formatted once."""
    distinct, inverse = np.unique(values, return_inverse=True)
    return np.array([spec.format(v) for v in distinct.tolist()], dtype=object)[inverse]


def _slots(rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    """One column of n values per template slot; "<slot>_t" is the same value capitalised."""
    drawn = {
        "org": (ORGANISATIONS, 0.8),
        "org2": (ORGANISATIONS, 0.8),
        "action": (ACTIONS, 0),
        "topic": (TOPICS, 0.7),
        "place": (UK_PLACES, 1.1),
        "place2": (UK_PLACES, 1.1),
        "country": (COUNTRIES, 1.0),
        "country2": (COUNTRIES, 1.0),
        "group": (GROUPS, 0.6),
        "policy": (POLICIES, 0.6),
        "event": (EVENTS, 0),
        "adjective": (ADJECTIVES, 0),
        "report": (REPORTS, 0),
        "person": (PEOPLE, 0.9),
        "quote": (QUOTES, 0),
        "counted": (COUNTED, 0),
    }
    slots: dict[str, np.ndarray] = {}
    for name, (values, zipf) in drawn.items():
        index = _choose(rng, len(values), n, zipf)
        slots[name] = np.asarray(values, dtype=object)[index]
        slots[f"{name}_t"] = np.asarray([_capitalise(v) for v in values], dtype=object)[index]
    # Figures like 12, 300 and 1,200 (log-uniform), with thousands separators.
    numbers = np.round(np.exp(rng.uniform(np.log(10), np.log(150_000), n)), -1).astype(np.int64)
    slots["number"] = _as_text(numbers, "{:,}")
    for name, low, high in (("percent", 5, 300), ("age", 8, 17), ("small", 2, 40)):
        slots[name] = _as_text(rng.integers(low, high, n))
    figure = _choose(rng, len(FIGURE_FORMATS), n)
    slots["figure"] = _fill(FIGURE_FORMATS, figure, slots)
    slots["figure_t"] = _fill(tuple(_capitalise(f) for f in FIGURE_FORMATS), figure, slots)
    return slots


def write_synthetic_listing(n: int, out: Path, *, seed: int = 0, publishers: int = 0) -> Path:
    """Write `n` synthetic articles to `out` as a CSV with title, summary, date and url.

    Dates are spread over 15 years, newest first. The same `n` and `seed` give the same file.
    With `publishers` (up to len(PUBLISHERS)) a `publisher` column is added: publisher k starts
    k·15/(2·publishers) years after the first and shares the articles evenly with those already
    publishing; the other columns are the same as without it.
    """
    rng = np.random.default_rng(seed)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)

    days = np.sort(rng.integers(0, YEARS * 365, n))  # days before LAST_DATE, ascending
    published = np.datetime64(LAST_DATE) - days.astype("timedelta64[D]")
    slots = _slots(rng, n)
    years = _as_text(published.astype("datetime64[Y]").astype(np.int64) + 1970)
    slots["year"] = years
    titles = _fill(HEADLINES, _choose(rng, len(HEADLINES), n), slots)

    # Summaries of one to five sentences, each drawn with fresh slot values.
    sentence_count = rng.choice([1, 2, 3, 4, 5], size=n, p=[0.2, 0.35, 0.25, 0.12, 0.08])
    summaries = np.full(n, "", dtype=object)
    for k in range(int(sentence_count.max(initial=0))):
        rows = np.flatnonzero(sentence_count > k)
        sentence_slots = _slots(rng, len(rows))
        sentence_slots["year"] = years[rows]
        sentences = _fill(SENTENCES, _choose(rng, len(SENTENCES), len(rows)), sentence_slots)
        summaries[rows] = summaries[rows] + (" " if k else "") + sentences

    urls = [f"https://www.example.org/news/synthetic-{i:07d}" for i in range(1, n + 1)]
    table = pa.table(
        {
            "title": pa.array(titles, pa.string()),
            "summary": pa.array(summaries, pa.string()),
            "date": pa.array(published).cast(pa.string()),
            "url": pa.array(urls, pa.string()),
        }
    )
    if publishers:
        table = table.append_column("publisher", _publishers(days, publishers, seed))
    pa_csv.write_csv(table, out)
    return out


def _publishers(days: np.ndarray, count: int, seed: int) -> pa.Array:
    """A publisher per row (days before LAST_DATE); its own random stream, so the other columns
    stay as they are without publishers."""
    if not 1 <= count <= len(PUBLISHERS):
        raise ValueError(f"publishers must be between 1 and {len(PUBLISHERS)}, not {count}")
    starts = YEARS * 365 - np.arange(count) * (YEARS * 365 // (2 * count))  # days before the end
    publishing = np.searchsorted(-starts, -days, side="right")  # how many had started by then
    pick = np.random.default_rng([seed, 1]).integers(0, np.maximum(publishing, 1))
    return pa.array(np.asarray(PUBLISHERS, dtype=object)[pick], pa.string())
