"""Legal abbreviations and synonyms of French labour law, applied to queries only (never indexed).

The everyday wordings of whole rules (LAY_WORDINGS, one way only) are in analyzers.lay_wordings.

Data only, reviewed by hand. Every expansion is the wording the Code du travail itself uses (checked
over all versions of the committed corpus by scripts/check_synonyms.py, which prints how often each
occurs and cuts the real excerpts tests/analyzers/test_synonyms.py checks against). Keys are what people
type; they need not occur in the code ("CDD" does not, "contrat à durée déterminée" does).

Expansions are added beside the typed term, never instead of it, and weigh less than the typed words
(`search.ranking.RankingConfig.expansion_weight`), so a query for "CSE" still ranks an article that says
"CSE" above one that only says "comité social et économique".
"""

from __future__ import annotations

from analyzers.lay_wordings import LAY_WORDINGS

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
    # Abbreviations of the code's bodies, plans and schemes that people type as such.
    "NAO": ("négociation annuelle",),
    "PEE": ("plan d'épargne d'entreprise",),
    "PEI": ("plan d'épargne interentreprises",),
    "PERCO": ("plan d'épargne pour la retraite collectif",),
    "EPI": ("équipements de protection individuelle",),
    "QVT": ("qualité de vie au travail", "qualité de vie et des conditions de travail"),
    "QVCT": ("qualité de vie et des conditions de travail",),
    "CCE": ("comité central d'entreprise",),
    "CPPNI": ("commission paritaire permanente de négociation et d'interprétation",),
    "CFA": ("centre de formation d'apprentis",),
    "VRP": ("voyageur, représentant ou placier",),
    "CQP": ("certificat de qualification professionnelle",),
    "RNCP": ("répertoire national des certifications professionnelles",),
    "CEP": ("conseil en évolution professionnelle",),
    "GEIQ": ("groupement d'employeurs pour l'insertion et la qualification",),
    "IAE": ("insertion par l'activité économique",),
    "SIAE": ("structures d'insertion par l'activité économique",),
    "DSN": ("déclaration sociale nominative",),
    "PMSS": ("plafond mensuel de la sécurité sociale",),
    "AFEST": ("action de formation en situation de travail",),
    "POE": ("préparation opérationnelle à l'emploi",),
    # The single staff delegation (DUP) was merged into the CSE in 2017; the code now says CSE.
    "DUP": ("comité social et économique",),
    # Abbreviations of the administration, the health-at-work services, the courts and savings schemes,
    # from the list of those in use in labour law, kept where the code has the spelled-out wording.
    "DDETS": ("direction départementale de l'emploi, du travail et des solidarités",),
    "CPH": ("conseil de prud'hommes",),
    "BCO": ("bureau de conciliation et d'orientation",),
    "POEI": ("préparation opérationnelle à l'emploi individuelle",),
    "AGEFIPH": ("fonds de développement pour l'insertion professionnelle des handicapés",),
    "IPRP": ("intervenant en prévention des risques professionnels",),
    "SPSTI": (
        "service de prévention et de santé au travail interentreprises",
        "services de prévention et de santé au travail interentreprises",
    ),
    "VIP": ("visite d'information et de prévention",),
    "SIR": ("suivi individuel renforcé",),
    "MSA": ("mutualité sociale agricole",),
    "PERCOL": ("plan d'épargne retraite d'entreprise collectif",),
    "PERECO": ("plan d'épargne retraite d'entreprise",),
    "FCPE": ("fonds commun de placement d'entreprise", "fonds communs de placement d'entreprise"),
    "LRAR": ("lettre recommandée avec avis de réception",),
    "AGS": (
        "institutions de garantie contre le risque de non-paiement",
        "assurance contre le risque de non-paiement",
    ),
    "FNE": ("Fonds national de l'emploi",),
    "INRS": ("Institut national de recherche et de sécurité",),
    "OPPBTP": ("organisme professionnel de prévention du bâtiment et des travaux publics",),
    "SSCT": ("commission santé, sécurité et conditions de travail",),
    "CARSAT": ("caisse d'assurance retraite et de la santé au travail",),
    # Long-term partial activity (APLD) is a scheme of activité partielle: the code names only that.
    "APLD": ("activité partielle",),
    # Sectors, schemes and bodies the code spells out, and the payslip's "HS" and "MG".
    "BTP": ("bâtiment et des travaux publics",),
    "HCR": ("hôtels, cafés et restaurants",),
    "ESS": ("économie sociale et solidaire",),
    "CAE": ("contrat d'accompagnement dans l'emploi",),
    "CIE": ("contrat initiative-emploi",),
    "TESE": ("titre emploi-service entreprise",),
    "CNIL": ("Commission nationale de l'informatique et des libertés",),
    "HS": ("heures supplémentaires",),
    "MG": ("minimum garanti",),
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
        "EPI",  # "épi"
        "CEP",  # "cep"
        "VIP",  # "vip", a guest
        "SIR",  # "sir"
        "CIE",  # "cie", a company
        "HS",  # "hs", out of order
        "MG",
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
    ("préavis", "délai-congé"),
    ("congé de maternité", "~congé maternité"),
    # Everyday names of a sick leave. As a synonym, not a lay wording (counted as much as the typed
    # words, "arrêt de travail" and "indemnités journalières" lost on two dev questions: 0.3732 → 0.3730).
    (
        "arrêt de travail",
        "~arrêt maladie",
        "~arrêts maladie",
        "~arrêt de maladie",
        "~arrêts de maladie",
        "~congé maladie",
        "~congés maladie",
    ),
    ("heures supplémentaires", "~heures sup", "~heures supp", "~heure sup", "~heure supp"),
    ("entreprise de travail temporaire", "~agence d'intérim", "~boîte d'intérim"),
    ("salarié temporaire", "intérimaire"),
    # The code calls the under-18s "jeunes travailleurs" (L. 3161-1) in the rules on their working time
    # and night work, and says "moins de dix-huit ans" in others (work they may not do, apprentices).
    ("jeunes travailleurs", "moins de dix-huit ans", "~moins de 18 ans"),
    (
        "titres-restaurant",
        "~tickets restaurant",
        "~ticket restaurant",
        "~tickets resto",
        "~ticket resto",
    ),
    ("inspection du travail", "agent de contrôle de l'inspection du travail", "inspecteur du travail"),
    ("indemnité de fin de contrat", "indemnité de précarité"),
    ("forfait en jours", "~forfait jours"),
    ("service de prévention et de santé au travail", "services de santé au travail", "~médecine du travail"),
)

__all__ = ["ABBREVIATIONS", "CAPITALS_ONLY", "LAY_WORDINGS", "SYNONYMS"]
