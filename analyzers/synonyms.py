"""Legal abbreviations and synonyms of French labour law, applied to queries only (never indexed).

Data only, reviewed by hand. Every expansion is the wording the Code du travail itself uses (checked
over all versions of the committed corpus by scripts/check_synonyms.py, which prints how often each
occurs and cuts the real excerpts tests/analyzers/test_synonyms.py checks against). Keys are what people
type; they need not occur in the code ("CDD" does not, "contrat à durée déterminée" does).

Expansions are added beside the typed term, never instead of it, and weigh less than the typed words
(`search.ranking.RankingConfig.expansion_weight`), so a query for "CSE" still ranks an article that says
"CSE" above one that only says "comité social et économique".
"""

from __future__ import annotations

# Abbreviation → the code's wordings of it.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "CDD": ("contrat de travail à durée déterminée", "contrat à durée déterminée"),
    "CDI": ("contrat de travail à durée indéterminée", "contrat à durée indéterminée"),
    "CSE": ("comité social et économique",),
    "CSEC": ("comité social et économique central",),
    "SMIC": ("salaire minimum interprofessionnel de croissance", "salaire minimum de croissance"),
    "RTT": ("réduction du temps de travail",),
    "URSSAF": ("unions de recouvrement des cotisations de sécurité sociale et d'allocations familiales",),
    "PSE": ("plan de sauvegarde de l'emploi",),
    "AT/MP": ("accident du travail", "maladie professionnelle"),
    "ATMP": ("accident du travail", "maladie professionnelle"),
    "AT": ("accident du travail",),
    "MP": ("maladie professionnelle",),
    "CE": ("comité d'entreprise",),
    "DP": ("délégués du personnel",),
    "DS": ("délégué syndical",),
    "CHSCT": ("comité d'hygiène, de sécurité et des conditions de travail",),
    "CSSCT": ("commission santé, sécurité et conditions de travail",),
    "CPF": ("compte personnel de formation",),
    "VAE": ("validation des acquis de l'expérience",),
    "CSP": ("contrat de sécurisation professionnelle",),
    "CUI": ("contrat unique d'insertion",),
    "CET": ("compte épargne-temps",),
    "ETT": ("entreprise de travail temporaire",),
    "GPEC": ("gestion prévisionnelle des emplois et des compétences",),
    "GEPP": ("gestion des emplois et des parcours professionnels",),
    "BDES": ("base de données économiques et sociales",),
    "BDESE": ("base de données économiques, sociales et environnementales",),
    "ETP": ("équivalent temps plein",),
    "OPCO": ("opérateur de compétences",),
    "OPCA": ("organisme paritaire collecteur agréé",),
    "CESU": ("chèque emploi-service universel",),
    "RQTH": ("reconnaissance de la qualité de travailleur handicapé",),
    "OETH": ("obligation d'emploi des travailleurs handicapés",),
    "ANI": ("accord national interprofessionnel",),
    "DREETS": ("direction régionale de l'économie, de l'emploi, du travail et des solidarités",),
    "DIRECCTE": (
        "direction régionale des entreprises, de la concurrence, de la consommation, du travail et de l'emploi",
    ),
    "IRP": ("institutions représentatives du personnel",),
    "UES": ("unité économique et sociale",),
    "RSA": ("revenu de solidarité active",),
    "ESAT": ("établissements et services d'aide par le travail",),
    "DUER": ("document unique d'évaluation des risques",),
    "DUERP": ("document unique d'évaluation des risques",),
    "SPST": ("service de prévention et de santé au travail",),
    "C2P": ("compte professionnel de prévention",),
    "RCC": ("rupture conventionnelle collective",),
    "APC": ("accord de performance collective",),
    "RSS": ("représentant de la section syndicale",),
    "ICCP": ("indemnité compensatrice de congés payés",),
    # What people type on a labour-law help site (abbreviations of the administration and of payslips).
    "STC": ("solde de tout compte",),
    "ARE": ("allocation d'assurance", "revenu de remplacement"),
    "DPAE": ("déclaration préalable à l'embauche",),
    "IJ": ("indemnités journalières",),
    "IJSS": ("indemnités journalières",),
    "CP": ("congés payés",),
    "DIF": ("droit individuel à la formation",),
    "CIF": ("congé individuel de formation",),
    "PTP": ("projet de transition professionnelle",),
    "PMSMP": ("période de mise en situation en milieu professionnel",),
    "CTT": ("contrat de travail temporaire",),
    "CCN": ("convention collective nationale",),
    "ZTI": ("zone touristique internationale",),
    "ZT": ("zone touristique",),
    "ZC": ("zones commerciales",),
    "RC": ("rupture conventionnelle",),
    "IDR": ("indemnité de départ à la retraite",),
    "CPAM": ("caisse primaire d'assurance maladie",),
    "PEC": ("contrat unique d'insertion",),  # parcours emploi compétences: a CUI (the code's name)
    # The single staff delegation (DUP) was merged into the CSE in 2017; the code now says CSE.
    "DUP": ("comité social et économique",),
}

# Abbreviations that are ordinary French words in lower case ("ce", "at"…): expanded only when typed in
# capitals, so "ce que prévoit" is not read as "comité d'entreprise". Not "RCC": "rcc" is no word, and
# people type it in lower case.
CAPITALS_ONLY = frozenset(
    {
        "AT",
        "MP",
        "CE",
        "DP",
        "DS",
        "ETP",
        "ANI",
        "CET",
        "APC",
        "RSS",
        "UES",
        "CP",
        "RC",
        "PEC",
        "IJ",
        "ARE",
    }
)

# Groups of wordings that mean the same thing in the code (old and new names, everyday and legal
# wording). The first member of each group must occur in the code, as every other one that is offered
# as an expansion; a member marked with a leading "~" is only ever a key (everyday wording not in the
# code).
SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("conseil de prud'hommes", "juridiction prud'homale", "~prud'hommes", "~prudhommes"),
    ("france travail", "pôle emploi", "institution mentionnée à l'article L. 5312-1"),
    ("licenciement pour motif économique", "licenciement économique"),
    ("activité partielle", "chômage partiel", "~chômage technique"),
    ("préavis", "délai-congé"),
    ("congé de maternité", "~congé maternité"),
    ("arrêt de travail", "~arrêt maladie"),
    ("heures supplémentaires", "~heures sup"),
    ("entreprise de travail temporaire", "~agence d'intérim", "~boîte d'intérim"),
    ("salarié temporaire", "intérimaire"),
    (
        "titres-restaurant",
        "~tickets restaurant",
        "~ticket restaurant",
        "~tickets resto",
        "~ticket resto",
        "~chèques déjeuner",
        "~chèque déjeuner",
        "~chèques repas",
        "~chèque repas",
    ),
    ("inspection du travail", "agent de contrôle de l'inspection du travail", "inspecteur du travail"),
    ("indemnité de fin de contrat", "indemnité de précarité"),
    ("forfait en jours", "~forfait jours"),
    ("service de prévention et de santé au travail", "services de santé au travail", "~médecine du travail"),
)

# Everyday wording → the code's wording of the same rule, one way only (the code's words are not
# synonyms of each other: "libertés individuelles" does not mean "convictions religieuses"). Keys are what
# people type on a help site; every offered wording occurs in the code (scripts/check_synonyms.py).
LAY_WORDINGS: dict[str, tuple[str, ...]] = {
    "démissionner": ("démission",),
    "licencier": ("licenciement",),
    "virer": ("licenciement",),
    "viré": ("licenciement",),
    "renvoyé": ("licenciement",),
    "licenciement abusif": ("sans cause réelle et sérieuse",),
    "rupture amiable": ("rupture conventionnelle",),
    "rupture à l'amiable": ("rupture conventionnelle",),
    "départ à l'amiable": ("rupture conventionnelle",),
    "départ négocié": ("rupture conventionnelle",),
    "arrêt maladie": ("arrêt de travail", "indemnités journalières"),
    # The payment of wages, however people name it (the code's heading: "Paiement du salaire").
    **dict.fromkeys(
        ("versement du salaire", "versement salaire", "règlement du salaire", "règlement salaire"),
        ("paiement du salaire",),
    ),
    # Clipped forms of the code's names, as people type them ("contrat pro", "congé mat").
    "contrat pro": ("contrat de professionnalisation",),
    "congé mat": ("congé de maternité",),
    "congé pat": ("congé de paternité et d'accueil de l'enfant",),
    # Everyday verbs for the acts the code names with nouns: leaving a job is a resignation or a
    # breach of the contract (the code's "rupture"), breaking it is a "rupture".
    "quitter": ("démission", "rupture"),
    "rompre": ("rupture",),
    # Everyday words for the parties and the job.
    "patron": ("employeur",),
    "boss": ("employeur",),
    "job": ("emploi",),
    "boulot": ("emploi",),
    "taf": ("emploi",),
    "freelance": ("travailleur indépendant",),
    # Weather words: what the code calls intempéries, "conditions atmosphériques" (L. 5424-8).
    **dict.fromkeys(
        (
            "pluie",
            "neige",
            "orage",
            "orages",
            "tempête",
            "ouragan",
            "grêle",
            "verglas",
            "gel",
            "canicule",
            "inondation",
            "inondations",
        ),
        ("intempéries", "conditions atmosphériques"),
    ),
    # A public-transport pass: the code's "titres d'abonnement" for "transports publics" (L. 3261-2).
    **dict.fromkeys(
        ("pass navigo", "navigo", "abonnement transport", "carte de transport"),
        ("titres d'abonnement", "transports publics"),
    ),
    "sécu": ("sécurité sociale",),
    # Holidays, as people name the paid leave the code calls "congés payés" (its "vacances" are school
    # holidays and vacant posts).
    "vacances": ("congés payés",),
    # The 13th (or 14th) month's pay, however the ordinal is spelled: an "avantage ou accessoire" of
    # the remuneration (L. 3221-3), which the code never calls by that name. Not "treizième mois": the
    # codes say it of a period ("à compter du treizième mois d'activité", Code de la sécurité sociale),
    # which then outranked the Code du travail's answer over all codes. The wording whole, "payés"
    # included: matched as a lemma phrase (function words dropped), "avantages et accessoires" also
    # matched the pensions' "avantages accessoires" (allocation aux vieux travailleurs salariés, Code de
    # la sécurité sociale), whose chapter then came first over all codes.
    **dict.fromkeys(
        (
            "13ème mois",
            "13e mois",
            "13eme mois",
            "13 ème mois",
            "13 eme mois",
            "13 e mois",
            "14ème mois",
            "14e mois",
            "14eme mois",
            "14 ème mois",
            "14 eme mois",
            "quatorzième mois",
        ),
        ("avantages et accessoires payés",),
    ),
    "treizième mois": ("avantages et accessoires payés",),
    "mutuelle": ("garanties collectives", "prévoyance"),
    "fiche de paie": ("bulletin de paie",),
    "feuille de paie": ("bulletin de paie",),
    "fiche de salaire": ("bulletin de paie",),
    "congé paternité": ("congé de paternité et d'accueil de l'enfant",),
    "abandon de poste": ("abandonné volontairement son poste",),
    "temps de trajet": ("temps de déplacement professionnel",),
    "domicile travail": ("résidence habituelle et leur lieu de travail", "frais de transport"),
    "chômage": ("allocation d'assurance", "revenu de remplacement"),
    "assedic": ("allocation d'assurance", "revenu de remplacement"),
    "allocation chômage": ("allocation d'assurance", "revenu de remplacement"),
    "auto-entrepreneur": ("travailleur indépendant", "lien de subordination"),
    "micro-entrepreneur": ("travailleur indépendant", "lien de subordination"),
    "indépendant": ("travailleur indépendant", "lien de subordination"),
    "documents de fin de contrat": ("certificat de travail", "solde de tout compte"),
    "intérim": ("travail temporaire",),
    "rendez-vous médicaux": ("examens médicaux obligatoires",),
    "rendez-vous médical": ("examens médicaux obligatoires",),
    "toilettes": ("cabinets d'aisance",),
    "wc": ("cabinets d'aisance",),
    "droit à la formation": ("formation professionnelle tout au long de la vie",),
    "dispositifs de formation": ("formation professionnelle tout au long de la vie",),
    "dispositif de formation": ("formation professionnelle tout au long de la vie",),
    # Religious signs at work: a restriction of an individual freedom (L. 1121-1), a ground of
    # discrimination, or the neutrality clause of the rules (L. 1321-2-1).
    **dict.fromkeys(
        (
            "voile",
            "port du voile",
            "foulard",
            "kippa",
            "turban",
            "signe religieux",
            "signes religieux",
            "laïcité",
            "religion",
            "fait religieux",
            "hijab",
            "hidjab",
            "niqab",
            "burqa",
            "dastaar",
        ),
        ("libertés individuelles", "convictions religieuses", "neutralité"),
    ),
}
