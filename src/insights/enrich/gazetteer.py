"""The gazetteer: names the entity reader knows, each with its type and aliases.

    GAZETTEER.find("Police in the UK and NCA") ->
        [(14, 16, Entity("United Kingdom", "place")), (21, 24, Entity("National Crime Agency", …))]

Known organisations with their aliases, every country and the larger UK places; matched
case-sensitively on whole words through one prefix-tree regex.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from insights import schema
from insights.lexicon import trie_pattern

ORG, PLACE = schema.ORGANISATION, schema.PLACE

# canonical name: aliases (the canonical name itself always matches)
ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "ECPAT UK": ("ECPAT", "Every Child Protected Against Trafficking"),
    "ECPAT International": (),
    "National Crime Agency": ("NCA",),
    "Independent Inquiry into Child Sexual Abuse": ("IICSA",),
    "ABTA": ("Association of British Travel Agents",),
    "Oxfam": (),
    "Home Office": (),
    "UK Government": ("UK government",),
    "United Nations": ("UN",),
    "European Union": ("EU",),
    "Council of Europe": (),
    "UNICEF": ("Unicef",),
    "NSPCC": (),
    "Barnardo’s": ("Barnardo's", "Barnardos"),
    "Save the Children": (),
    "The Children’s Society": ("The Children's Society", "Children’s Society"),
    "Refugee Council": (),
    "Salvation Army": ("The Salvation Army",),
    "Anti-Slavery International": (),
    "Unseen": (),
    "Europol": (),
    "Interpol": ("INTERPOL",),
    "Crown Prosecution Service": ("CPS",),
    "Metropolitan Police": ("Met Police",),
    "Department for Education": ("DfE",),
    "Ministry of Justice": ("MoJ",),
    "Local Government Association": ("LGA",),
    "Independent Anti-Slavery Commissioner": (),
    "Children’s Commissioner": ("Children's Commissioner",),
    "International Labour Organization": ("ILO", "International Labour Organisation"),
    "International Organization for Migration": ("IOM",),
    "UNODC": ("UN Office on Drugs and Crime",),
    "CEOP": ("Child Exploitation and Online Protection Centre",),
    "Anti-Trafficking Monitoring Group": ("ATMG",),
    "Commonwealth Parliamentary Association": ("CPA",),
    "New York Festivals": ("New York Festival",),
    "London Youth": (),
    "The Code": (),
    "Missing People": (),
    "Parliament": (),
    "House of Commons": (),
    "House of Lords": (),
    "Home Affairs Committee": (),
    "Joint Committee on Human Rights": (),
}
COUNTRIES = """Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria
Azerbaijan Bahamas Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia
Bosnia_and_Herzegovina Botswana Brazil Brunei Bulgaria Burkina_Faso Burundi Cambodia Cameroon
Canada Cape_Verde Central_African_Republic Chad Chile China Colombia Comoros Congo Costa_Rica
Croatia Cuba Cyprus Czech_Republic Denmark Djibouti Dominica Dominican_Republic Ecuador Egypt
El_Salvador Equatorial_Guinea Eritrea Estonia Eswatini Ethiopia Fiji Finland France Gabon
Gambia Georgia Germany Ghana Greece Grenada Guatemala Guinea Guinea-Bissau Guyana Haiti Honduras
Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan
Kenya Kiribati Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein
Lithuania Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta Mauritania Mauritius Mexico
Moldova Monaco Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nauru Nepal Netherlands
New_Zealand Nicaragua Niger Nigeria North_Korea North_Macedonia Norway Oman Pakistan Palau
Palestine Panama Papua_New_Guinea Paraguay Peru Philippines Poland Portugal Qatar Romania Russia
Rwanda Samoa San_Marino Saudi_Arabia Senegal Serbia Seychelles Sierra_Leone Singapore Slovakia
Slovenia Somalia South_Africa South_Korea South_Sudan Spain Sri_Lanka Sudan Suriname Sweden
Switzerland Syria Taiwan Tajikistan Tanzania Thailand Timor-Leste Togo Tonga Trinidad_and_Tobago
Tunisia Turkey Turkmenistan Tuvalu Uganda Ukraine United_Arab_Emirates United_Kingdom
United_States Uruguay Uzbekistan Vanuatu Venezuela Vietnam Yemen Zambia Zimbabwe"""
UK_PLACES = """England Scotland Wales Northern_Ireland London Birmingham Manchester Liverpool
Leeds Bristol Sheffield Newcastle Nottingham Leicester Coventry Bradford Cardiff Edinburgh
Glasgow Belfast Aberdeen Dundee Swansea Telford Rochdale Rotherham Oxford Cambridge Kent Essex
Surrey Sussex Devon Cornwall Norfolk Suffolk Yorkshire Lancashire Merseyside West_Midlands
Greater_Manchester Heathrow Gatwick Dover Croydon Hull Derby Southampton Portsmouth Brighton
Plymouth Luton Northampton Peterborough Stoke-on-Trent Wolverhampton Sunderland Middlesbrough
Blackpool Bolton Oldham Huddersfield Exeter York Lincoln Ipswich Norwich Cheshire Shropshire
Hampshire Berkshire Hertfordshire Calais Europe Africa Asia South_East_Asia Latin_America
Middle_East Caribbean New_York"""
PLACE_ALIASES: dict[str, tuple[str, ...]] = {
    "United Kingdom": ("UK", "U.K.", "Britain", "Great Britain"),
    "United States": ("US", "USA", "U.S.", "America"),
    "Vietnam": ("Viet Nam",),
    "Netherlands": ("Holland",),
    "Czech Republic": ("Czechia",),
    "Myanmar": ("Burma",),
    "Democratic Republic of the Congo": ("DRC", "DR Congo"),
    "Ivory Coast": ("Côte d’Ivoire", "Côte d'Ivoire"),
}


@dataclass(frozen=True)
class Entity:
    name: str
    type: str  # one of schema.ENTITY_TYPES

    def as_record(self) -> dict[str, Any]:
        return {schema.ENTITY_NAME: self.name, schema.ENTITY_TYPE: self.type}


class Gazetteer:
    """Known names, case-sensitive and on word boundaries, compiled into one prefix-tree regex."""

    def __init__(self, names: dict[str, tuple[str, str]]) -> None:
        # alias -> (canonical, type)
        self._entities = {alias: Entity(*known) for alias, known in names.items()}
        self._regex = re.compile(rf"(?<![\w’'-])(?:{trie_pattern(list(names))})(?![\w-])")

    def find(self, text: str) -> list[tuple[int, int, Entity]]:
        """(start, end, entity) for every known name in `text`, left to right, no overlaps."""
        return [(m.start(), m.end(), self._entities[m.group()]) for m in self._regex.finditer(text)]


def _default_gazetteer() -> Gazetteer:
    names: dict[str, tuple[str, str]] = {}
    for place in (COUNTRIES + " " + UK_PLACES).split():
        name = place.replace("_", " ")
        names[name] = (name, PLACE)
    for canonical, aliases in PLACE_ALIASES.items():
        for alias in (canonical, *aliases):
            names[alias] = (canonical, PLACE)
    for canonical, aliases in ORGANISATIONS.items():
        for alias in (canonical, *aliases):
            names[alias] = (canonical, ORG)
    return Gazetteer(names)


GAZETTEER = _default_gazetteer()
