"""Everyday wordings of labour-law rules → the Code du travail's own wording of each rule, by topic.

Data only, reviewed by hand; `analyzers.synonyms.LAY_WORDINGS` assembles the topics. One way only: the
code's words are not synonyms of each other ("libertés individuelles" does not mean "convictions
religieuses"). Keys are what people type on a help site, matched on the surface stream (case, accents,
elisions and hyphens do not matter, but plural and singular do, and so do the small words: "congé
naissance" is not "congé de naissance"); the longest key wins, so a key that starts with an abbreviation
("CDD d'usage") replaces that abbreviation's expansion and must offer it again. Every offered wording
occurs in the body of an article (scripts/check_synonyms.py): section titles are not searched for it.

An expansion counts as much as the typed words, so a key must name the rule, and the wording it offers
should be specific (a phrase, or a word the code uses for that rule only). Left out on purpose, because
the code uses the word for another rule: "travail à domicile" (the code's "travailleurs à domicile" are
home-workers, Livre VII, not teleworkers), "mutation" (the code's "mutations technologiques ou
économiques"), "récupération des heures" (the code's making up of hours lost, L. 3121-50, not time off
for overtime), "gratification" for a trainee's pay (the code's "gratifications" are bonuses counted in a
pay reference, R. 1234-4), "prime" or "pause" alone (common words of the code). Left out because the
Code du travail has no wording for them: "clause de non-concurrence", "clause de mobilité", "congé sans
solde", "fiche de poste" (case law or contract, not the code).
"""

from __future__ import annotations


def _same(keys: tuple[str, ...], wordings: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Several everyday wordings of one rule."""
    return dict.fromkeys(keys, wordings)


# Hiring, the contract and its kinds.
CONTRACTS: dict[str, tuple[str, ...]] = {
    # Clipped forms of the code's names, as people type them ("contrat pro").
    "contrat pro": ("contrat de professionnalisation",),
    "freelance": ("travailleur indépendant",),
    "auto-entrepreneur": ("travailleur indépendant", "lien de subordination"),
    "micro-entrepreneur": ("travailleur indépendant", "lien de subordination"),
    "indépendant": ("travailleur indépendant", "lien de subordination"),
    "intérim": ("travail temporaire",),
    # Work-study: the two contracts of the code's "formation en alternance". Not "alternance" alone,
    # the code's own word: typed beside one contract's name it brought the other contract in.
    **_same(
        (
            "alternant",
            "alternante",
            "alternants",
            "contrat d'alternance",
            "contrat en alternance",
            "contrats en alternance",
        ),
        ("contrat d'apprentissage", "contrat de professionnalisation"),
    ),
    # A fixed-term contract "d'usage" (extras in hotels, events…): the code's "usage constant de ne pas
    # recourir au contrat de travail à durée indéterminée" (L. 1242-2, 3°). Keyed with "CDD", the key
    # replaces the abbreviation's expansion, so the contract's name is offered again.
    **_same(
        ("cdd d'usage", "cdd usage", "cddu", "contrat d'usage", "contrat d'extra", "extras"),
        ("usage constant", "contrat de travail à durée déterminée"),
    ),
    **_same(("cdi de chantier", "cdi chantier"), ("contrat de chantier ou d'opération",)),
    **_same(
        ("contrat saisonnier", "contrats saisonniers", "contrat de saison", "job saisonnier"),
        ("emploi à caractère saisonnier",),
    ),
    # A first medical visit at hiring: since 2017 the code's "visite d'information et de prévention".
    **_same(
        ("visite d'embauche", "visite médicale d'embauche", "visite médicale embauche"),
        ("visite d'information et de prévention",),
    ),
    # Yearly appraisals: the code's rule on evaluation methods (L. 1222-3) and its own interview.
    **_same(
        (
            "entretien annuel",
            "entretiens annuels",
            "entretien d'évaluation",
            "entretiens d'évaluation",
            "évaluation annuelle",
        ),
        ("méthodes et techniques d'évaluation", "entretien professionnel"),
    ),
    # Working from home: "télétravail" (L. 1222-9).
    **_same(
        (
            "distanciel",
            "home office",
            "travail à distance",
            "travailler à distance",
            "télé-travail",
        ),
        ("télétravail",),
    ),
    # Undeclared work, foreign workers without a permit (Livre II of the eighth part).
    **_same(
        (
            "travail au noir",
            "au noir",
            "au black",
            "travail non déclaré",
            "emploi non déclaré",
            "salarié non déclaré",
            "salariée non déclarée",
        ),
        ("travail dissimulé",),
    ),
    **_same(
        ("sans papiers", "sans-papiers", "sans titre de séjour"),
        ("étranger non muni du titre", "titre l'autorisant à exercer une activité salariée"),
    ),
    # Summer jobs of the young: the minors' work during "vacances scolaires" (L. 4153-3).
    **_same(("job d'été", "jobs d'été", "job de vacances"), ("vacances scolaires", "jeunes travailleurs")),
}

# Ending the contract.
ENDING: dict[str, tuple[str, ...]] = {
    "démissionner": ("démission",),
    "licencier": ("licenciement",),
    "virer": ("licenciement",),
    "viré": ("licenciement",),
    "renvoyé": ("licenciement",),
    "licenciement abusif": ("sans cause réelle et sérieuse",),
    "licenciement éco": ("licenciement pour motif économique",),
    "rupture amiable": ("rupture conventionnelle",),
    "rupture à l'amiable": ("rupture conventionnelle",),
    "départ à l'amiable": ("rupture conventionnelle",),
    "départ négocié": ("rupture conventionnelle",),
    # Everyday verbs for the acts the code names with nouns: leaving a job is a resignation or a
    # breach of the contract (the code's "rupture"), breaking it is a "rupture".
    "quitter": ("démission", "rupture"),
    "rompre": ("rupture",),
    "abandon de poste": ("abandonné volontairement son poste",),
    "documents de fin de contrat": ("certificat de travail", "solde de tout compte"),
    # Notice not worked: the code's "inexécution du préavis" (L. 1234-5) and the indemnity it pays.
    **_same(
        (
            "dispense de préavis",
            "dispensé de préavis",
            "dispense du préavis",
            "dispensé du préavis",
            "préavis non effectué",
            "préavis non exécuté",
            "préavis non travaillé",
        ),
        ("inexécution du préavis", "indemnité compensatrice de préavis"),
    ),
    # A suspension pending a dismissal: the code's "mesure conservatoire de mise à pied" (L. 1332-3).
    **_same(
        (
            "mise à pied conservatoire",
            "mises à pied conservatoires",
            "mise à pied à titre conservatoire",
            "map conservatoire",
        ),
        ("mesure conservatoire de mise à pied",),
    ),
    **_same(("partir à la retraite", "prendre sa retraite"), ("départ à la retraite",)),
    # The end-of-contract payment of a fixed-term worker, however it is called. Not also the temporary
    # worker's "indemnité de fin de mission": its article says "précarité" itself, and offered here it
    # came before the fixed-term contract's rules for a question about a CDD.
    **_same(
        ("prime de précarité", "prime précarité", "prime de fin de contrat"),
        ("indemnité de fin de contrat",),
    ),
    "prime de fin de mission": ("indemnité de fin de mission",),
}

# Sickness, accidents and health at work.
HEALTH: dict[str, tuple[str, ...]] = {
    **_same(
        (
            "arrêt maladie",
            "arrêts maladie",
            "arrêt de maladie",
            "arrêts de maladie",
            "congé maladie",
            "congés maladie",
        ),
        ("arrêt de travail", "indemnités journalières"),
    ),
    # The medical check after a sick leave: the code's "examen de reprise" (R. 4624-31), and the one
    # before the return, "examen de préreprise".
    **_same(
        ("visite de reprise", "visites de reprise", "visite médicale de reprise", "visite reprise"),
        ("examen de reprise",),
    ),
    **_same(
        ("visite de pré-reprise", "visite de préreprise", "visite pré-reprise", "visite préreprise"),
        ("examen de préreprise",),
    ),
    # The unpaid first days of a sick leave: the code's "délai d'indemnisation" (D. 1226-3) of the
    # employer's "indemnité complémentaire" (L. 1226-1).
    **_same(
        ("jour de carence", "jours de carence", "carence maladie"),
        ("délai d'indemnisation", "indemnité complémentaire"),
    ),
    # A part-time return on medical advice: the occupational doctor's "mesures d'aménagement du temps
    # de travail" (L. 4624-3); the benefit itself is the Code de la sécurité sociale's.
    **_same(
        ("mi-temps thérapeutique", "temps partiel thérapeutique"),
        ("mesures d'aménagement du temps de travail",),
    ),
    "maladie pro": ("maladie professionnelle",),
    "maladies pro": ("maladies professionnelles",),
    "rendez-vous médicaux": ("examens médicaux obligatoires",),
    "rendez-vous médical": ("examens médicaux obligatoires",),
    # Exhaustion and stress at work: the employer's duty for "la santé physique et mentale" (L. 4121-1).
    **_same(
        (
            "burn out",
            "burn-out",
            "burnout",
            "épuisement professionnel",
            "surmenage",
            "risques psychosociaux",
            "stress au travail",
            "souffrance au travail",
        ),
        ("santé physique et mentale",),
    ),
    "sexisme": ("agissements sexistes",),
    # The hardship account, renamed in 2017: "compte professionnel de prévention".
    **_same(
        ("pénibilité", "compte pénibilité", "compte de pénibilité", "c3p"),
        ("compte professionnel de prévention", "facteurs de risques professionnels"),
    ),
    # Cameras and tracking: a device must be made known to the employee (L. 1222-4) and the CSE
    # consulted on "moyens ou techniques permettant un contrôle de l'activité des salariés" (L. 2312-38).
    **_same(
        (
            "vidéosurveillance",
            "vidéo-surveillance",
            "caméra",
            "caméras",
            "caméra de surveillance",
            "caméras de surveillance",
            "géolocalisation",
            "surveillance des salariés",
        ),
        ("dispositif qui n'a pas été porté préalablement", "contrôle de l'activité des salariés"),
    ),
    "toilettes": ("cabinets d'aisance",),
    "wc": ("cabinets d'aisance",),
    **_same(("cantine", "réfectoire", "coin repas", "salle de pause"), ("local de restauration",)),
    "congé pathologique": ("état pathologique",),
    "congé patho": ("état pathologique",),
}

# Leave and days off.
LEAVE: dict[str, tuple[str, ...]] = {
    "congé mat": ("congé de maternité",),
    "congé pat": ("congé de paternité et d'accueil de l'enfant",),
    "congé paternité": ("congé de paternité et d'accueil de l'enfant",),
    # Holidays, as people name the paid leave the code calls "congés payés" (its "vacances" are school
    # holidays and vacant posts).
    "vacances": ("congés payés",),
    # The leave for a birth (L. 3142-1, 3°: "pour chaque naissance"), beside the father's leave.
    **_same(
        ("congé naissance", "congés naissance", "congé pour naissance", "congé de naissance"),
        ("chaque naissance", "congé de paternité et d'accueil de l'enfant"),
    ),
    # A sick child: the unpaid leave of L. 1225-61, or, for a serious illness, the parental presence.
    **_same(
        ("enfant malade", "enfants malades", "enfant hospitalisé"),
        ("congé non rémunéré en cas de maladie", "congé de présence parentale"),
    ),
    # Whit Monday, the usual day of the "journée de solidarité" (L. 3133-7).
    **_same(("pentecôte", "lundi de pentecôte"), ("journée de solidarité",)),
}

# Working time and rest.
WORKING_TIME: dict[str, tuple[str, ...]] = {
    "temps de trajet": ("temps de déplacement professionnel",),
    # The lunch break: "le temps nécessaire à la restauration" and "temps de pause" (L. 3121-2, -16).
    **_same(
        (
            "pause déjeuner",
            "pause dejeuner",
            "pause repas",
            "pause midi",
            "pause du midi",
            "pause de midi",
            "pause méridienne",
            "temps de repas",
            "heure de repas",
        ),
        ("temps nécessaire à la restauration", "temps de pause"),
    ),
    **_same(("pause café", "pause cigarette", "pauses café"), ("temps de pause",)),
    **_same(("mi-temps", "mi temps"), ("temps partiel",)),
    # Full time is the code's "temps complet" ("équivalent temps plein" is another rule: not a key).
    **_same(("à temps plein", "un temps plein"), ("temps complet",)),
    **_same(
        ("travail la nuit", "travailler la nuit", "horaires de nuit", "équipe de nuit", "poste de nuit"),
        ("travail de nuit",),
    ),
    "amplitude horaire": ("repos quotidien",),
}

# Pay, its slips and its deductions.
PAY: dict[str, tuple[str, ...]] = {
    # The payment of wages, however people name it (the code's heading: "Paiement du salaire").
    **_same(
        (
            "versement du salaire",
            "versement salaire",
            "règlement du salaire",
            "règlement salaire",
            "salaire impayé",
            "salaires impayés",
            "salaire non payé",
            "salaire non versé",
            "retard de salaire",
            "retard de paiement du salaire",
        ),
        ("paiement du salaire",),
    ),
    **_same(
        (
            "fiche de paie",
            "fiches de paie",
            "fiche de paye",
            "fiches de paye",
            "feuille de paie",
            "feuille de paye",
            "fiche de salaire",
            "bulletin de salaire",
            "bulletins de salaire",
            "bulletin de paye",
            "bulletins de paye",
        ),
        ("bulletin de paie",),
    ),
    # Wage garnishment: "saisie des sommes dues à titre de rémunération" (R. 3252-1 and following).
    **_same(
        (
            "saisie sur salaire",
            "saisies sur salaire",
            "saisie sur le salaire",
            "saisie salaire",
            "saisie sur rémunération",
        ),
        ("saisie des sommes dues à titre de rémunération", "fraction saisissable"),
    ),
    **_same(
        ("avance sur salaire", "avances sur salaire", "avance de salaire"),
        ("acompte", "avances en espèces"),
    ),
    # The 13th (or 14th) month's pay, however the ordinal is spelled: an "avantage ou accessoire" of
    # the remuneration (L. 3221-3), which the code never calls by that name. Not "treizième mois": the
    # codes say it of a period ("à compter du treizième mois d'activité", Code de la sécurité sociale),
    # which then outranked the Code du travail's answer over all codes. The wording whole, "payés"
    # included: matched as a lemma phrase (function words dropped), "avantages et accessoires" also
    # matched the pensions' "avantages accessoires" (allocation aux vieux travailleurs salariés, Code de
    # la sécurité sociale), whose chapter then came first over all codes.
    **_same(
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
            "treizième mois",
        ),
        ("avantages et accessoires payés",),
    ),
    # Equal pay: "égalité de rémunération" (L. 3221-2) and the index of "écarts de rémunération".
    **_same(
        (
            "égalité salariale",
            "inégalité salariale",
            "inégalités salariales",
            "écart de salaire",
            "écarts de salaire",
            "écarts salariaux",
            "index égalité",
            "index de l'égalité",
        ),
        ("égalité de rémunération", "écarts de rémunération"),
    ),
    "mutuelle": ("garanties collectives", "prévoyance"),
    "sécu": ("sécurité sociale",),
    **_same(("note de frais", "notes de frais"), ("frais professionnels",)),
    **_same(("voiture de fonction", "véhicule de fonction"), ("avantages en nature",)),
}

# Commuting, transport and the weather.
TRAVEL: dict[str, tuple[str, ...]] = {
    "domicile travail": ("résidence habituelle et leur lieu de travail", "frais de transport"),
    # A public-transport pass: the code's "titres d'abonnement" for "transports publics" (L. 3261-2).
    **_same(
        ("pass navigo", "navigo", "abonnement transport", "carte de transport"),
        ("titres d'abonnement", "transports publics"),
    ),
    # Cycling and car-pooling: the "forfait mobilités durables" (L. 3261-3-1).
    **_same(
        (
            "vélo",
            "vélos",
            "trottinette",
            "prime vélo",
            "indemnité vélo",
            "forfait vélo",
            "forfait mobilité",
            "forfait mobilités",
        ),
        ("forfait mobilités durables",),
    ),
    **_same(
        ("frais d'essence", "prime carburant", "indemnités kilométriques", "indemnité kilométrique"),
        ("frais de carburant",),
    ),
    # Weather words: what the code calls intempéries, "conditions atmosphériques" (L. 5424-8).
    **_same(
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
}

# Everyday words for the parties, the job, unemployment and training.
PEOPLE: dict[str, tuple[str, ...]] = {
    "patron": ("employeur",),
    "boss": ("employeur",),
    "job": ("emploi",),
    "boulot": ("emploi",),
    "taf": ("emploi",),
    "chômage": ("allocation d'assurance", "revenu de remplacement"),
    "assedic": ("allocation d'assurance", "revenu de remplacement"),
    "allocation chômage": ("allocation d'assurance", "revenu de remplacement"),
    "droit à la formation": ("formation professionnelle tout au long de la vie",),
    "dispositifs de formation": ("formation professionnelle tout au long de la vie",),
    "dispositif de formation": ("formation professionnelle tout au long de la vie",),
    **_same(
        ("transition pro", "cpf de transition", "cpf transition"), ("projet de transition professionnelle",)
    ),
    # Domestic employees of a household: the code's "particulier employeur" (L. 7221-1).
    **_same(
        ("employé à domicile", "employée à domicile", "femme de ménage", "nounou", "aide ménagère"),
        ("particulier employeur", "employés de maison"),
    ),
    "débrayage": ("grève",),
}

# Religious signs at work: a restriction of an individual freedom (L. 1121-1), a ground of
# discrimination, or the neutrality clause of the rules (L. 1321-2-1).
RELIGION: dict[str, tuple[str, ...]] = _same(
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
)

TOPICS: tuple[dict[str, tuple[str, ...]], ...] = (
    CONTRACTS,
    ENDING,
    HEALTH,
    LEAVE,
    WORKING_TIME,
    PAY,
    TRAVEL,
    PEOPLE,
    RELIGION,
)
