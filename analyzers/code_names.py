"""How French texts name codes: spoken names and usual abbreviations, by code title.

Data only. Which code is which (titles, Légifrance ids, alias ids) is corpus knowledge and comes from
`corpus.code_names`; this module adds the spellings and assembles `CODES`, so ids have one source.

- spoken names are matched case- and accent-insensitively, longest first, after "du", "de la", "au"…;
- abbreviations are matched as written (dots and spaces optional), because "CSS" or "CGI" in lowercase
  are ordinary words.
"""

from __future__ import annotations

from corpus.code_names import CODE_IDENTITIES

# Code title (as in corpus.code_names) → (spoken names, abbreviations).
SPELLINGS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Code du travail": (("code du travail",), ("C. trav.", "C. du trav.")),
    "Code du travail applicable à Mayotte": (
        (
            "code du travail applicable à Mayotte",
            "code du travail applicable dans la collectivité de Mayotte",
        ),
        (),
    ),
    "Code du travail maritime": (("code du travail maritime",), ()),
    "Code de la sécurité sociale": (
        ("code de la sécurité sociale", "code de sécurité sociale", "code la sécurité sociale"),
        ("CSS", "C. séc. soc.", "C. sécu."),
    ),
    "Code pénal": (("code pénal",), ("C. pén.", "code pén.")),
    "Code de commerce": (("code de commerce", "code du commerce"), ("C. com.", "C. comm.")),
    "Code de l'action sociale et des familles": (
        ("code de l'action sociale et des familles",),
        ("CASF", "C. action soc. fam."),
    ),
    "Code de la santé publique": (("code de la santé publique",), ("CSP", "C. santé publ.")),
    "Code de l'entrée et du séjour des étrangers et du droit d'asile": (
        ("code de l'entrée et du séjour des étrangers et du droit d'asile",),
        ("CESEDA",),
    ),
    "Code rural et de la pêche maritime": (
        ("code rural et de la pêche maritime", "code rural"),
        ("CRPM", "C. rur."),
    ),
    "Code de l'environnement": (("code de l'environnement",), ("C. envir.", "C. env.")),
    "Code général des impôts": (("code général des impôts",), ("CGI",)),
    "Code général des impôts, annexe 1": (
        ("annexe I au code général des impôts", "annexe 1 au code général des impôts"),
        ("CGIAN1",),
    ),
    "Code général des impôts, annexe 2": (
        ("annexe II au code général des impôts", "annexe 2 au code général des impôts"),
        ("CGIAN2",),
    ),
    "Code général des impôts, annexe 3": (
        ("annexe III au code général des impôts", "annexe 3 au code général des impôts"),
        ("CGIAN3",),
    ),
    "Code général des impôts, annexe 4": (
        ("annexe IV au code général des impôts", "annexe 4 au code général des impôts"),
        ("CGIAN4",),
    ),
    "Code monétaire et financier": (("code monétaire et financier",), ("CMF", "C. mon. fin.")),
    "Code de procédure civile": (("code de procédure civile",), ("CPC", "C. pr. civ.")),
    "Code de l'éducation": (("code de l'éducation",), ("C. éduc.",)),
    "Code de la construction et de l'habitation": (("code de la construction et de l'habitation",), ("CCH",)),
    "Code civil": (("code civil",), ("C. civ.", "code civ.")),
    "Code des transports": (("code des transports",), ("C. transp.",)),
    "Livre des procédures fiscales": (("livre des procédures fiscales",), ("LPF",)),
    "Code général des collectivités territoriales": (
        ("code général des collectivités territoriales",),
        ("CGCT",),
    ),
    "Code des relations entre le public et l'administration": (
        ("code des relations entre le public et l'administration",),
        ("CRPA",),
    ),
    "Code de la défense": (("code de la défense",), ("C. déf.",)),
    "Code minier": (("code minier (nouveau)", "nouveau code minier", "code minier"), ()),
    "Code de la sécurité intérieure": (("code de la sécurité intérieure",), ("CSI",)),
    "Code de l'organisation judiciaire": (("code de l'organisation judiciaire",), ("COJ",)),
    "Code de l'urbanisme": (("code de l'urbanisme",), ("C. urb.",)),
    "Code des pensions militaires d'invalidité et des victimes de guerre": (
        (
            "code des pensions militaires d'invalidité et des victimes de guerre",
            "code des pensions militaires d'invalidité et des victimes de la guerre",
        ),
        ("CPMIVG",),
    ),
    "Code de procédure pénale": (("code de procédure pénale",), ("CPP", "C. pr. pén.")),
    "Code du service national": (("code du service national",), ()),
    "Code de la mutualité": (("code de la mutualité",), ("C. mut.",)),
    "Code général de la fonction publique": (("code général de la fonction publique",), ("CGFP",)),
    "Code pénitentiaire": (("code pénitentiaire",), ()),
    "Code électoral": (("code électoral",), ("C. élect.",)),
    "Code de la propriété intellectuelle": (
        ("code de la propriété intellectuelle",),
        ("CPI", "C. propr. intell.", "C. pr. int."),
    ),
    "Code de l'artisanat": (("code de l'artisanat",), ()),
    "Code de la commande publique": (("code de la commande publique",), ("CCP",)),
    "Code des postes et des communications électroniques": (
        ("code des postes et des communications électroniques", "code des postes et télécommunications"),
        ("CPCE",),
    ),
    "Code de justice administrative": (("code de justice administrative",), ("CJA",)),
    "Code de la consommation": (("code de la consommation",), ("C. consom.", "C. conso.")),
    "Code du cinéma et de l'image animée": (("code du cinéma et de l'image animée",), ()),
    "Code du tourisme": (("code du tourisme",), ("C. tourisme",)),
    "Code du sport": (("code du sport",), ("C. sport",)),
    "Code des pensions civiles et militaires de retraite": (
        (
            "code des pensions civiles et militaires de retraite",
            "code des pensions civiles et militaires de retraites",
        ),
        (),
    ),
    "Code de la route": (("code de la route",), ("C. route",)),
    "Code de l'aviation civile": (("code de l'aviation civile",), ()),
    "Code des assurances": (("code des assurances",), ("C. assur.",)),
    "Code de l'énergie": (("code de l'énergie",), ("C. énergie",)),
    "Code du patrimoine": (("code du patrimoine",), ("C. patr.",)),
    "Code de la recherche": (("code de la recherche",), ()),
    "Code des douanes": (("code des douanes",), ()),
    "Code des juridictions financières": (("code des juridictions financières",), ("CJF",)),
    "Code des procédures civiles d'exécution": (("code des procédures civiles d'exécution",), ()),
    "Code de la voirie routière": (("code de la voirie routière",), ()),
    "Code de l'expropriation pour cause d'utilité publique": (
        ("code de l'expropriation pour cause d'utilité publique",),
        (),
    ),
    "Code général de la propriété des personnes publiques": (
        ("code général de la propriété des personnes publiques",),
        ("CGPPP",),
    ),
    "Code du domaine public fluvial et de la navigation intérieure": (
        ("code du domaine public fluvial et de la navigation intérieure",),
        (),
    ),
    "Code des ports maritimes": (("code des ports maritimes",), ()),
    "Code forestier": (("code forestier (nouveau)", "code forestier"), ()),
    "Code de la famille et de l'aide sociale": (("code de la famille et de l'aide sociale",), ()),
    "Code des communes": (("code des communes",), ()),
    "Code disciplinaire et pénal de la marine marchande": (
        ("code disciplinaire et pénal de la marine marchande",),
        (),
    ),
    # Codes of the all-codes export to 2015: their titles only, until their usual spellings are added.
    "Code de déontologie des architectes": (("code de déontologie des architectes",), ()),
    "Code de justice militaire": (("code de justice militaire",), ()),
    "Code de la Légion d'honneur et de la médaille militaire": (
        ("code de la Légion d'honneur et de la médaille militaire",),
        (),
    ),
    "Code des communes de la Nouvelle-Calédonie": (("code des communes de la Nouvelle-Calédonie",), ()),
    "Code des douanes de Mayotte": (("code des douanes de Mayotte",), ()),
    "Code des instruments monétaires et des médailles": (
        ("code des instruments monétaires et des médailles",),
        (),
    ),
    "Code des marchés publics": (("code des marchés publics",), ()),
    "Code des pensions de retraite des marins français du commerce, de pêche ou de plaisance": (
        ("code des pensions de retraite des marins français du commerce, de pêche ou de plaisance",),
        (),
    ),
    "Code du domaine de l'État": (("code du domaine de l'État",), ()),
    "Code du domaine de l'État et des collectivités publiques applicable à la collectivité "
    "territoriale de Mayotte": (
        (
            "code du domaine de l'État et des collectivités publiques applicable à la collectivité "
            "territoriale de Mayotte",
        ),
        (),
    ),
    "Code minier (ancien)": (("code minier (ancien)", "ancien code minier"), ()),
    "Code rural (ancien)": (("code rural (ancien)", "ancien code rural"), ()),
}

# Each entry: (title, code_id, spoken names, abbreviations, alias ids), in the order of CODE_IDENTITIES.
# A code without spellings here is still named by its title ("code de la voirie routière").
CODES: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = tuple(
    (
        code.title,
        code.code_id,
        *SPELLINGS.get(code.title, ((code.title.lower(),), ())),
        code.alias_ids,
    )
    for code in CODE_IDENTITIES
)

# Codes whose legislative articles carry no "L" (Code pénal "433-3", Code civil "1343-5"): an "L. 433-3 du
# code pénal" in a text means article 433-3 (the Code du travail has several such slips, which Légifrance
# links to the unprefixed article).
UNPREFIXED_CODES: frozenset[str] = frozenset(
    {
        "Code civil",
        "Code pénal",
        "Code de procédure civile",
        "Code de procédure pénale",
        "Code général des impôts",
    }
)

# Articles numbered by ordinals ("article premier", "article quatrième"): the number Légifrance gives them.
ORDINAL_NUMBERS: dict[str, str] = {
    word: str(rank)
    for rank, word in enumerate(
        (
            "premier",
            "second",
            "troisième",
            "quatrième",
            "cinquième",
            "sixième",
            "septième",
            "huitième",
            "neuvième",
            "dixième",
        ),
        start=1,
    )
} | {"deuxième": "2", "1er": "1"}
