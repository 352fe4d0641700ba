"""Everyday wordings of leave, working time, pay, travel, the parties, beliefs → the code's wording.

Data only; the rules for an entry are in analyzers.lay_wordings, which assembles the topics.
"""

from __future__ import annotations

# Leave and days off.
LEAVE: dict[str, tuple[str, ...]] = {
    "congé mat": ("congé de maternité",),
    "congé pat": ("congé de paternité et d'accueil de l'enfant",),
    "congé paternité": ("congé de paternité et d'accueil de l'enfant",),
    # Holidays, as people name the paid leave the code calls "congés payés" (its "vacances" are school
    # holidays and vacant posts).
    "vacances": ("congés payés",),
    # The leave for a birth (L. 3142-1, 3°: "pour chaque naissance"), beside the father's leave.
    **dict.fromkeys(
        ("congé naissance", "congés naissance", "congé pour naissance", "congé de naissance"),
        ("chaque naissance", "congé de paternité et d'accueil de l'enfant"),
    ),
    # A sick child: the unpaid leave of L. 1225-61, or, for a serious illness, the parental presence.
    **dict.fromkeys(
        ("enfant malade", "enfants malades", "enfant hospitalisé"),
        ("congé non rémunéré en cas de maladie", "congé de présence parentale"),
    ),
    # A funeral: the leave for a death in the family (L. 3142-1, 4°: "décès d'un enfant, du conjoint…").
    **dict.fromkeys(("enterrement", "obsèques", "funérailles"), ("décès d'un enfant", "décès du conjoint")),
    # Accompanying a relative at the end of life: "congé de solidarité familiale" (L. 3142-6).
    **dict.fromkeys(("fin de vie", "soins palliatifs"), ("congé de solidarité familiale",)),
    # Caring for a sick or dependent relative: "congé de proche aidant" (L. 3142-16), and the leave
    # for one at the end of life, "congé de solidarité familiale" (L. 3142-6).
    **dict.fromkeys(
        (
            "parent malade",
            "parents malades",
            "proche malade",
            "proches malades",
            "conjoint malade",
            "parent dépendant",
            "aidant familial",
            "aidants familiaux",
        ),
        ("congé de proche aidant", "congé de solidarité familiale"),
    ),
    # Taking one's paid leave: the code's "prise des congés" (L. 3141-12 and following).
    **dict.fromkeys(
        ("poser des congés", "poser ses congés", "poser mes congés", "pose des congés", "poser un congé"),
        ("prise des congés",),
    ),
    # Leave the employer imposes, or its dates: the code's employer "fixe l'ordre des départs" and may
    # not change "l'ordre et les dates de départ" within a month (L. 3141-15, L. 3141-16).
    **dict.fromkeys(
        (
            "congés imposés",
            "congé imposé",
            "congés payés imposés",
            "congés forcés",
            "congé forcé",
            "congés payés forcés",
            "imposer des congés",
            "imposer ses congés",
            "imposer mes congés",
            "imposer les congés",
            "dates de congés",
            "dates des congés",
            "dates de mes congés",
            "dates de vacances",
        ),
        ("ordre des départs", "dates de départ"),
    ),
    # Computing one's paid leave: the days earned, "deux jours et demi ouvrables par mois" (L. 3141-3),
    # or the pay for them, "le dixième de la rémunération brute" (L. 3141-24); the words say not which.
    **dict.fromkeys(
        (
            "calcul des congés payés",
            "calcul congés payés",
            "calcul de congés payés",
            "calcul des congés",
            "calcul congés",
            "calculer ses congés payés",
            "calculer mes congés payés",
        ),
        ("deux jours et demi ouvrables", "dixième de la rémunération brute"),
    ),
    # How many days of paid leave one earns: "deux jours et demi ouvrables par mois" (L. 3141-3). Not
    # "combien de congés": "combien" is the question's frame, set aside before the thesaurus reads.
    **dict.fromkeys(
        (
            "nombre de jours de congés",
            "nombre de congés",
            "jours de congés acquis",
            "acquisition des congés",
        ),
        ("deux jours et demi ouvrables",),
    ),
    # Summer leave: the "période de prise des congés", which always includes "1er mai au 31 octobre"
    # (L. 3141-13). Not "l'été": elided, it reads "été", the verb.
    **dict.fromkeys(
        ("congés d'été", "congé d'été", "vacances d'été", "vacances en été", "congés en été", "en été"),
        ("période de prise des congés", "1er mai au 31 octobre"),
    ),
    # Whit Monday, the usual day of the "journée de solidarité" (L. 3133-7).
    **dict.fromkeys(("pentecôte", "lundi de pentecôte"), ("journée de solidarité",)),
}

# Working time and rest.
WORKING_TIME: dict[str, tuple[str, ...]] = {
    "temps de trajet": ("temps de déplacement professionnel",),
    # The lunch break: "le temps nécessaire à la restauration" and "temps de pause" (L. 3121-2, -16).
    **dict.fromkeys(
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
    **dict.fromkeys(("pause café", "pause cigarette", "pauses café"), ("temps de pause",)),
    **dict.fromkeys(("mi-temps", "mi temps"), ("temps partiel",)),
    # Full time is the code's "temps complet" ("équivalent temps plein" is another rule: not a key).
    **dict.fromkeys(("à temps plein", "un temps plein"), ("temps complet",)),
    **dict.fromkeys(
        (
            "travail la nuit",
            "travailler la nuit",
            "travailler de nuit",
            "travaille de nuit",
            "horaires de nuit",
            "équipe de nuit",
            "poste de nuit",
        ),
        ("travail de nuit",),
    ),
    "amplitude horaire": ("repos quotidien",),
    # The rest between two working days: "repos quotidien" (L. 3131-1).
    **dict.fromkeys(
        ("entre deux journées", "entre deux jours de travail", "entre deux services"),
        ("repos quotidien",),
    ),
    "heures de nuit": ("travail de nuit",),
    # Recording hours: "documents nécessaires au décompte de la durée de travail" (L. 3171-2). Not
    # "pointage", also a jobseeker's monthly update.
    **dict.fromkeys(
        (
            "pointeuse",
            "badgeuse",
            "badger",
            "feuille de temps",
            "feuilles de temps",
            "relevé d'heures",
        ),
        ("décompte de la durée de travail",),
    ),
    # Two jobs at once: no work "au-delà de la durée maximale du travail" (L. 8261-1).
    **dict.fromkeys(
        (
            "deux emplois",
            "deux employeurs",
            "deux jobs",
            "deux cdi",
            "second emploi",
            "deuxième emploi",
            "double emploi",
            "cumul d'emploi",
            "cumuler deux emplois",
        ),
        ("au-delà de la durée maximale du travail", "cumul d'emplois"),
    ),
    # Extra hours, of a full-time worker ("heures supplémentaires") or a part-time one
    # ("heures complémentaires").
    **dict.fromkeys(
        ("heures en plus", "heures de plus", "heures en trop"),
        ("heures supplémentaires", "heures complémentaires"),
    ),
}

# Pay, its slips and its deductions.
PAY: dict[str, tuple[str, ...]] = {
    # When and how wages are paid, however people name it (the code's heading: "Paiement du salaire"):
    # monthly ("le paiement mensuel", L. 3242-1), on "dates de paiement" (L. 3242-4).
    **dict.fromkeys(
        (
            "versement du salaire",
            "versement salaire",
            "règlement du salaire",
            "règlement salaire",
            "versement de la paie",
            "versement de la paye",
            "versement paie",
            "versement paye",
            "règlement de la paie",
            "règlement de la paye",
            "règlement paie",
            "règlement paye",
            "date de paie",
            "date de paye",
            "jour de paie",
            "jour de paye",
        ),
        ("paiement du salaire", "paiement mensuel", "dates de paiement"),
    ),
    # The meal vouchers' brand names: the code's "titres-restaurant" (L. 3262-1). A lay wording, not a
    # synonym: as a synonym's, the expansion counted half where "chèque" matched, and the "chèque
    # emploi-service universel" articles (L. 1271-1) came first.
    **dict.fromkeys(
        ("chèques déjeuner", "chèque déjeuner", "chèques repas", "chèque repas"), ("titres-restaurant",)
    ),
    # Wages not paid, or paid late.
    **dict.fromkeys(
        (
            "salaire impayé",
            "salaires impayés",
            "salaire non payé",
            "salaire non versé",
            "retard de salaire",
            "retard de paiement du salaire",
            "payé en retard",
            "payée en retard",
            "paie en retard",
            "paye en retard",
            "retard de paie",
            "retard de paye",
        ),
        ("paiement du salaire",),
    ),
    **dict.fromkeys(
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
    **dict.fromkeys(
        (
            "saisie sur salaire",
            "saisies sur salaire",
            "saisie sur le salaire",
            "saisie salaire",
            "saisie sur rémunération",
        ),
        ("saisie des sommes dues à titre de rémunération", "fraction saisissable"),
    ),
    **dict.fromkeys(
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
            "treizième mois",
        ),
        ("avantages et accessoires payés",),
    ),
    # Equal pay: "égalité de rémunération" (L. 3221-2) and the index of "écarts de rémunération".
    **dict.fromkeys(
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
    **dict.fromkeys(("note de frais", "notes de frais"), ("frais professionnels",)),
    **dict.fromkeys(("voiture de fonction", "véhicule de fonction"), ("avantages en nature",)),
}

# Commuting, transport and the weather.
TRAVEL: dict[str, tuple[str, ...]] = {
    "domicile travail": ("résidence habituelle et leur lieu de travail", "frais de transport"),
    # A public-transport pass: the code's "titres d'abonnement" for "transports publics" (L. 3261-2).
    **dict.fromkeys(
        ("pass navigo", "navigo", "abonnement transport", "carte de transport"),
        ("titres d'abonnement", "transports publics"),
    ),
    # Getting one's commute paid back: the employer "prend en charge" the price of the passes, the
    # "prise en charge des frais de transport" (L. 3261-2, R. 3261-5).
    **dict.fromkeys(
        (
            "remboursement des frais de transport",
            "remboursement frais de transport",
            "remboursement du transport",
            "remboursement transport",
            "remboursement trajet",
            "remboursement des trajets",
            "remboursement abonnement",
            "remboursement de l'abonnement",
        ),
        ("prise en charge des frais de transport", "titres d'abonnement"),
    ),
    # Cycling and car-pooling: the "forfait mobilités durables" (L. 3261-3-1).
    **dict.fromkeys(
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
    **dict.fromkeys(
        ("frais d'essence", "prime carburant", "indemnités kilométriques", "indemnité kilométrique"),
        ("frais de carburant",),
    ),
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
    **dict.fromkeys(
        ("transition pro", "cpf de transition", "cpf transition", "fongecif"),
        ("projet de transition professionnelle",),
    ),
    # An employee getting trained: "l'accès des salariés à des actions de formation", at the employer's
    # initiative in the "plan de développement des compétences" or at theirs with the CPF (L. 6312-1).
    **dict.fromkeys(
        (
            "demander une formation",
            "faire une formation",
            "me former",
            "se former",
            "formation salarié",
            "formation du salarié",
            "formation des salariés",
            "formation payée par l'employeur",
            "formation payée par l'entreprise",
            "formation financée par l'employeur",
        ),
        ("accès des salariés à des actions de formation", "plan de développement des compétences"),
    ),
    # Domestic employees of a household: the code's "particulier employeur" (L. 7221-1).
    **dict.fromkeys(
        ("employé à domicile", "employée à domicile", "femme de ménage", "nounou", "aide ménagère"),
        ("particulier employeur", "employés de maison"),
    ),
    **dict.fromkeys(("débrayage", "gréviste", "grévistes"), ("grève",)),
}

# Religious signs at work: a restriction of an individual freedom (L. 1121-1), a ground of
# discrimination, or the neutrality clause of the rules (L. 1321-2-1).
RELIGION: dict[str, tuple[str, ...]] = dict.fromkeys(
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
